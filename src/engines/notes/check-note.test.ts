import { describe, expect, it } from 'vitest';
import { getKnowledgeBase } from '../../knowledge/index.js';
import { MedicationIndex } from '../medication/index.js';
import { checkNote, type NoteMedicationCheck } from './check-note.js';
import type { ClinicalDocument } from './clinical-document.js';
import { parseTranscript } from './parse-transcript.js';

const engines = { medications: new MedicationIndex(getKnowledgeBase()) };

describe('checkNote', () => {
  it('resolves support, lists a dropped medication and runs the medication check on what was said', () => {
    const transcript = parseTranscript(
      [
        '医生：平时吃什么药？',
        '患者：一直吃华法林，每天3毫克。',
        '患者：我对青霉素过敏。',
        '医生：牙疼的话可以吃布洛芬止痛，一周后复查。',
      ].join('\n'),
    );
    const doc: ClinicalDocument = {
      format: 'zh-outpatient',
      language: 'zh',
      title: '门诊病历',
      method: 'model',
      sections: [
        {
          key: 'past_history',
          title: '既往史',
          sentences: [{ id: 'S1', text: '长期口服华法林每天3毫克。', support: { sourceIds: ['T2'], status: 'supported', score: 0 } }],
        },
        {
          key: 'plan',
          title: '处理意见',
          sentences: [{ id: 'S2', text: '建议行冠脉造影。', support: { sourceIds: ['T4'], status: 'supported', score: 0 } }],
        },
      ],
      omissions: [],
    };
    const checked = checkNote(transcript, doc, engines);
    const [s1, s2] = checked.sections.flatMap((s) => s.sentences);
    expect(s1?.support.status).toBe('supported');
    expect(s2?.support.status).toBe('unsupported');
    expect(checked.omissions.map((o) => [o.kind, o.text, o.turnIds])).toEqual(
      expect.arrayContaining([
        ['allergy', '青霉素', ['T3']],
        ['medication', '布洛芬', ['T4']],
        ['follow_up', '一周后复查', ['T4']],
      ]),
    );
    const check = checked.extras?.medicationCheck as NoteMedicationCheck;
    expect(check.medications).toEqual(['warfarin', 'ibuprofen']);
    expect(check.allergies).toContain('benzylpenicillin');
    expect(check.result?.findings.some((f) => f.kind === 'interaction' && f.medications.length === 2)).toBe(true);
  });

  it('checks a 20-minute consultation within the 50 ms budget once the indexes are built', () => {
    const lines: string[] = [];
    for (let i = 0; i < 160; i++)
      lines.push(
        i % 2 === 0
          ? `Doctor: How has the knee pain been since we started meloxicam 15 mg, and is your blood pressure still around 1${30 + (i % 10)}/85?`
          : 'Patient: It is a little better, but I still get swelling after walking, and I take lisinopril 10 mg and metformin 500 mg twice a day.',
      );
    const transcript = parseTranscript(lines.join('\n'));
    expect(transcript.turns.map((t) => t.text.split(' ').length).reduce((a, b) => a + b, 0)).toBeGreaterThan(3000);
    const sentences = transcript.turns.slice(0, 60).map((turn, i) => ({
      id: `S${i + 1}`,
      text: turn.text.slice(0, 120),
      support: { sourceIds: [turn.id], status: 'supported' as const, score: 0 },
    }));
    const doc: ClinicalDocument = {
      format: 'soap',
      language: 'en',
      title: 'n',
      method: 'model',
      sections: [{ key: 'subjective', title: 'S', sentences }],
      omissions: [],
    };
    checkNote(transcript, doc, engines); // builds the name matchers once
    const started = performance.now();
    checkNote(transcript, doc, engines);
    // The benchmark (bench/notes.ts) measures p50/p99; this only guards against a gross regression on a slow CI core.
    expect(performance.now() - started).toBeLessThan(250);
  });
  it('ends an allergy statement where a clause says a drug is taken, and keeps allergen lists together', () => {
    const transcript = parseTranscript(
      [
        '医生：有药物过敏吗？',
        '患者：青霉素过敏，平时吃华法林和布洛芬。',
        'Patient: Allergic to sulfa, codeine, and I take metformin.',
      ].join('\n'),
    );
    const doc: ClinicalDocument = { format: 'soap', language: 'zh', title: 't', method: 'model', sections: [], omissions: [] };
    const check = checkNote(transcript, doc, engines).extras?.medicationCheck as NoteMedicationCheck;
    expect(check.medications).toEqual(expect.arrayContaining(['warfarin', 'ibuprofen', 'metformin']));
    expect(check.allergies).toContain('penicillin');
    expect(check.allergies).not.toContain('warfarin');
    expect(check.allergies).not.toContain('metformin');
    expect(check.allergies.some((a) => a.includes('codeine'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { IntakeFacts, TriageLevel } from '../intake/index.js';
import { detectRedFlags } from './detect-red-flags.js';
import { EMERGENCY_MESSAGE, emergencyAdvice, RED_FLAG_ADVICE } from './emergency-message.js';
import { RED_FLAG_RULES } from './red-flag-rules.js';
import { type TriageInput, triageIntake } from './triage.js';

const noFacts: IntakeFacts = { evidence: [], denied: [], answers: {}, texts: [] };

function input(partial: { facts?: Partial<IntakeFacts>; differential?: TriageInput['differential'] }): TriageInput {
  const facts = { ...noFacts, ...partial.facts };
  return { redFlags: detectRedFlags(facts), facts, differential: partial.differential ?? [] };
}

const URTI = { condition: 'URTI', probability: 0.7, severity: 5 };

const CASES: [string, TriageInput, TriageLevel][] = [
  ['a red flag', input({ facts: { texts: ['胸口很痛还出冷汗'] }, differential: [URTI] }), 'emergency'],
  [
    'NSTEMI (severity 1) at 0.25',
    input({ differential: [{ condition: 'Possible NSTEMI / STEMI', probability: 0.25, severity: 1 }] }),
    'urgent',
  ],
  ['pain 8/10', input({ facts: { answers: { severity: 8 } } }), 'urgent'],
  ['temperature 39.5 °C', input({ facts: { answers: { temperature: 39.5 } } }), 'urgent'],
  ['a 4-month-old at 39 °C', input({ facts: { age: 0.35, answers: { temperature: 39 } } }), 'urgent'],
  ['black stool alone', input({ facts: { evidence: ['E_140'] } }), 'urgent'],
  // Typed in the patient's words, as `suwen redflags` and the intake's first answer see them.
  ['typed black stool alone', input({ facts: { texts: ['这两天拉黑便'] } }), 'urgent'],
  ['typed "coughing up blood"', input({ facts: { texts: ['coughing up a little blood since yesterday'] } }), 'urgent'],
  ['typed "short of breath"', input({ facts: { texts: ['a bit short of breath when walking'] } }), 'urgent'],
  ['typed "没有黑便"', input({ facts: { texts: ['没有黑便，也不咳血'] } }), 'routine'],
  ['pneumonia (severity 3) at 0.4', input({ differential: [{ condition: 'Pneumonia', probability: 0.4, severity: 3 }] }), 'soon'],
  ['pain 5/10', input({ facts: { answers: { severity: 5 } } }), 'soon'],
  ['typed "越来越重"', input({ facts: { texts: ['咳嗽越来越重'] } }), 'soon'],
  [
    'URTI leading, mild',
    input({
      facts: { age: 30, answers: { severity: 2 } },
      differential: [URTI, { condition: 'Bronchitis', probability: 0.2, severity: 4 }],
    }),
    'self-care',
  ],
  ['URTI leading in a 6-month-old', input({ facts: { age: 0.5 }, differential: [URTI] }), 'routine'],
  [
    'URTI leading but pneumonia at 0.15',
    input({ differential: [URTI, { condition: 'Pneumonia', probability: 0.15, severity: 3 }] }),
    'routine',
  ],
  ['bronchitis leading', input({ differential: [{ condition: 'Bronchitis', probability: 0.6, severity: 4 }] }), 'routine'],
  ['NSTEMI at 0.19 only', input({ differential: [{ condition: 'Possible NSTEMI / STEMI', probability: 0.19, severity: 1 }] }), 'routine'],
];

describe('triageIntake', () => {
  it.each(CASES)('triages %s as the expected level', (_name, triageInput, level) => {
    const r = triageIntake(triageInput);
    expect(r.level).toBe(level);
    expect(r.reason.zh.length).toBeGreaterThan(0);
    expect(r.reason.en.length).toBeGreaterThan(0);
    expect(r.source.title).toContain('急诊预检分诊专家共识');
  });

  it('names the first red flag in the emergency reason', () => {
    const r = triageIntake(input({ facts: { answers: { 'face-droop': true } } }));
    expect(r.reason.en).toContain('Possible stroke');
    expect(r.reason.zh).toContain('疑似脑卒中');
  });
});

describe('emergency advice', () => {
  it('starts with the call to action and adds one line per distinct flag', () => {
    const hits = detectRedFlags({ ...noFacts, answers: { 'suicidal-thoughts': true, fainted: true } });
    const lines = emergencyAdvice([...hits, ...hits]);
    expect(lines[0]).toEqual(EMERGENCY_MESSAGE);
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.zh.includes('12356'))).toBe(true);
  });

  it('has advice in both languages for every rule', () => {
    for (const rule of RED_FLAG_RULES) {
      expect(RED_FLAG_ADVICE[rule.id].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(RED_FLAG_ADVICE[rule.id].en).toMatch(/[a-z]/i);
    }
    expect(EMERGENCY_MESSAGE.zh).toBe('请立即拨打 120 或前往最近的急诊。');
  });
});

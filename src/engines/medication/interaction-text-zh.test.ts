import { beforeAll, describe, expect, it } from 'vitest';
import { getKnowledgeBase } from '../../knowledge/index.js';
import { checkMedications } from './check-medications.js';
import { MedicationIndex } from './medication-index.js';

let index: MedicationIndex;
beforeAll(() => {
  index = new MedicationIndex(getKnowledgeBase());
});

const CJK = /[\u4e00-\u9fff]/g;
const chineseShare = (text: string) => (text.match(CJK)?.length ?? 0) / Math.max(1, text.replace(/[\s\d\p{P}\p{S}]/gu, '').length);

describe('interaction findings in Chinese (issue 23 item 2)', () => {
  it('gives the ANSM mechanism and advice of lisinopril + naproxen and insulin + metoprolol in Chinese, the English kept beside it', () => {
    const result = checkMedications(index, {
      medications: [{ name: 'lisinopril' }, { name: 'naproxen' }, { name: 'insulin' }, { name: 'metoprolol' }],
    });
    const interactions = result.findings.filter((f) => f.kind === 'interaction');
    expect(interactions.length).toBeGreaterThan(2);
    for (const finding of interactions) {
      expect(chineseShare(finding.detail.zh), finding.detail.zh).toBeGreaterThan(0.6);
      expect(finding.detail.en).not.toMatch(CJK);
      if (finding.management) {
        expect(finding.managementText?.en).toBe(finding.management);
        expect(chineseShare(finding.managementText?.zh ?? ''), finding.managementText?.zh).toBeGreaterThan(0.6);
      }
      expect(finding.translation?.zh).toBe('Suwen 翻译，非 ANSM 官方文本');
    }
    const nsaid = interactions.find((f) => f.ref.id === 'ansm-839');
    expect(nsaid?.detail.zh).toContain('急性肾功能不全');
    expect(nsaid?.managementText?.zh).toContain('监测肾功能');
  });

  it('keeps the aspirin dose note after the translated mechanism', () => {
    const result = checkMedications(index, {
      medications: [{ name: 'warfarin' }, { name: 'aspirin', dose: '100 mg', frequency: 'daily' }],
    });
    const bleeding = result.findings.find((f) => f.kind === 'interaction' && /anti-inflammatory aspirin doses/.test(f.detail.en));
    expect(bleeding?.detail.zh).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff]/);
    expect(bleeding?.detail.zh).toContain('抗炎剂量阿司匹林');
  });

  it('has Chinese for every interaction between any two of the demo patients’ medicines', () => {
    const demo = [
      'lisinopril',
      'hydrochlorothiazide',
      'naproxen',
      'simvastatin',
      'tacrolimus',
      'metformin',
      'insulin',
      'nitroglycerin',
      'metoprolol',
      'alendronic acid',
      'ferrous sulfate',
      'budesonide',
      'albuterol',
      'acetaminophen',
      'fexofenadine',
      'epinephrine',
      'diazepam',
      'ibuprofen',
    ];
    const untranslated: string[] = [];
    for (let i = 0; i < demo.length; i++) {
      for (let j = i + 1; j < demo.length; j++) {
        const result = checkMedications(index, { medications: [{ name: demo[i] ?? '' }, { name: demo[j] ?? '' }] });
        for (const finding of result.findings) {
          if (finding.kind === 'interaction' && !finding.translation) untranslated.push(`${finding.ref.id} ${finding.detail.en}`);
        }
      }
    }
    expect(untranslated).toEqual([]);
  });

  it('names a drug known only to the interaction tables by its Chinese generic name', () => {
    const result = checkMedications(index, { medications: [{ name: 'insulin' }, { name: 'metoprolol' }] });
    expect(result.medications[0]?.name).toEqual({ en: 'insulin', zh: '胰岛素' });
    const titles = result.findings.filter((f) => f.kind === 'interaction').map((f) => f.title.zh);
    expect(titles).toContain('相互作用：胰岛素 + 美托洛尔');
  });
});

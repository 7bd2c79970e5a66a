import { describe, expect, it } from 'vitest';
import { readNarrativeReport } from './narrative-report.js';

const CT_ZH = `胸部CT平扫
检查所见:
右侧胸腔见气体密度影,右肺压缩约30%。左肺下叶见一实性结节,直径约8mm。未见胸腔积液。
印象:
1. 右侧气胸。
2. 左肺下叶结节,建议3个月后复查。
3. 未见肺栓塞征象。`;

const CT_EN = `CT HEAD WITHOUT CONTRAST
Clinical history: fall, headache.
FINDINGS: No intracranial hemorrhage. No midline shift. Small subdural hematoma cannot be excluded along the left convexity.
IMPRESSION: No acute intracranial abnormality. Subdural hematoma not excluded; follow-up CT is recommended.`;

const PATHOLOGY_ZH = `病理诊断报告
大体所见:胃窦黏膜组织3块。
镜下所见:腺体排列紊乱,细胞异型明显。
病理诊断:(胃窦)中分化腺癌。
免疫组化:HER2(1+)。`;

describe('readNarrativeReport', () => {
  it('splits a Chinese CT report into findings and impression and flags pneumothorax, nodule and follow-up', () => {
    const r = readNarrativeReport(CT_ZH);
    expect(r.kind).toBe('imaging');
    expect(r.sections.map((s) => s.name)).toEqual(['findings', 'impression']);
    expect(r.sections[1]?.text).toContain('右侧气胸');
    const affirmed = r.keyTerms.filter((k) => !k.negated);
    expect(affirmed.some((k) => k.term.en === 'pneumothorax' && k.section === 'impression')).toBe(true);
    expect(affirmed.some((k) => k.term.en === 'nodule')).toBe(true);
    expect(affirmed.some((k) => k.category === 'follow-up')).toBe(true);
    // "未见肺栓塞征象" denies it.
    const pe = r.keyTerms.find((k) => k.term.en === 'pulmonary embolism');
    expect(pe?.negated).toBe(true);
  });

  it('reads negation and open findings in an English report: "no hemorrhage" is negated, "cannot be excluded" is uncertain', () => {
    const r = readNarrativeReport(CT_EN);
    expect(r.kind).toBe('imaging');
    expect(r.sections.map((s) => s.name)).toEqual(['clinical', 'findings', 'impression']);
    const ich = r.keyTerms.filter((k) => k.term.en === 'intracranial haemorrhage');
    expect(ich.find((k) => k.matched.toLowerCase() === 'intracranial hemorrhage')?.negated).toBe(true);
    const sdh = ich.find((k) => /subdural/i.test(k.matched) && k.section === 'findings');
    expect(sdh).toMatchObject({ negated: false, uncertain: true });
    expect(r.keyTerms.find((k) => k.term.en === 'herniation / midline shift')?.negated).toBe(true);
  });

  it('recognises a pathology report by its gross and microscopic sections and flags the carcinoma once', () => {
    const r = readNarrativeReport(PATHOLOGY_ZH);
    expect(r.kind).toBe('pathology');
    expect(r.sections.map((s) => s.name)).toEqual(['gross', 'microscopic', 'impression', 'immunohistochemistry']);
    const cancer = r.keyTerms.filter((k) => k.category === 'malignancy' && !k.negated);
    expect(cancer).toHaveLength(1);
    expect(cancer[0]?.section).toBe('impression');
  });

  it('does not read "不除外" as a negation', () => {
    const r = readNarrativeReport('印象:右肺上叶占位,恶性不除外。');
    const malignant = r.keyTerms.find((k) => k.term.en === 'malignant');
    expect(malignant).toMatchObject({ negated: false, uncertain: true });
  });

  it('returns no sections and no terms for text that is not a report, and never throws on bad input', () => {
    expect(readNarrativeReport('hello world')).toMatchObject({ kind: 'unknown', sections: [], keyTerms: [] });
    expect(readNarrativeReport(undefined as unknown as string).sections).toEqual([]);
  });
});

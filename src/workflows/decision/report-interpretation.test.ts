import { describe, expect, it } from 'vitest';
import { loadLabIndex } from '../../engines/labs/index.js';
import { interpretReport } from './report-interpretation.js';

const labs = loadLabIndex();

/** Chinese CBC + chemistry as printed by a hospital LIS. */
const ZH_REPORT = `检验报告单　　姓名:张三　性别:男　年龄:58岁
项目	结果	单位	参考范围
白细胞计数(WBC)	6.52	×10⁹/L	3.5-9.5
血红蛋白(HGB)　98　g/L　130-175 ↓
平均红细胞体积(MCV)	72.4	fL	82-100	↓
血小板计数(PLT)	210	10^9/L	125-350
钾(K)	6.8	mmol/L	3.5-5.3	↑↑
钠(Na)	139	mmol/L	137-147
丙氨酸氨基转移酶(ALT)　88 U/L　9-50 ↑`;

/** English chemistry panel, nothing critical. */
const EN_REPORT = `BASIC METABOLIC PANEL
Sodium          131      mmol/L    (135-145)     L
K+: 4.2 mmol/L
Creatinine      0.9      mg/dL     0.7-1.3
Glucose         5.2      mmol/L    3.9-7.8`;

describe('interpretReport', () => {
  it('flags a Chinese report: low haemoglobin for a man, critical potassium, anaemia pattern, zh summaries', () => {
    const report = interpretReport(labs, { text: ZH_REPORT, sex: 'M', age: 58, language: 'zh' });
    const flag = (id: string) => report.interpretation.results.find((r) => r.labId === id)?.flag;
    expect(report.parsed.results).toHaveLength(7);
    expect(flag('haemoglobin')).toBe('low');
    expect(flag('potassium')).toBe('critical-high');
    expect(flag('alt')).toBe('high');
    expect(flag('wbc')).toBe('normal');
    expect(flag('sodium')).toBe('normal');
    expect(report.interpretation.patterns.map((p) => p.id)).toEqual(expect.arrayContaining(['hyperkalaemia', 'anaemia']));

    // Clinician: critical value first, each abnormal result with its range and source, patterns with their rule.
    const clinician = report.clinicianSummary.split('\n');
    expect(clinician[1]).toMatch(
      /^- 钾 6\.8 mmol\/L:危急值\(高\)\(危急界限 >6\.2 mmol\/L;参考区间 3\.5–5\.3 mmol\/L,报告单所印\) \[Kost GJ/,
    );
    expect(report.clinicianSummary).toMatch(/血红蛋白 98 g\/L:偏低\(参考区间 130–175 g\/L,报告单所印\)/);
    expect(report.clinicianSummary).not.toMatch(/白细胞计数 6\.52/);
    expect(report.clinicianSummary).toContain('提示模式');
    for (const pattern of report.interpretation.patterns) expect(report.clinicianSummary).toContain(pattern.source.title);

    // Patient: names the out-of-range tests, no diagnosis, and urgent care because of the critical potassium.
    expect(report.patientSummary).toMatch(/血红蛋白\(偏低\)/);
    expect(report.patientSummary).toMatch(/钾\(偏高\)/);
    expect(report.patientSummary).toContain('丙氨酸氨基转移酶');
    expect(report.patientSummary).toContain('尽快就医');
    expect(report.patientSummary).toContain('不是诊断');
    expect(report.patientSummary).not.toMatch(/贫血|高钾血症/);
  });

  it('summarises an English report for the patient: talk to your doctor, no urgency without a critical value', () => {
    const report = interpretReport(labs, { text: EN_REPORT, language: 'en' });
    expect(report.interpretation.results.map((r) => [r.labId, r.flag])).toEqual([
      ['sodium', 'low'],
      ['potassium', 'normal'],
      ['creatinine', 'normal'],
      ['glucose', 'normal'],
    ]);
    expect(report.patientSummary).toMatch(/^1 of your results is outside the usual range: Sodium \(lower than usual\)/);
    expect(report.patientSummary).toContain('talk to your doctor');
    expect(report.patientSummary).not.toMatch(/urgent/i);
    // The report's own printed range (135-145) is the one applied, and the summary says so.
    expect(report.clinicianSummary).toMatch(/- Sodium 131 mmol\/L: low \(reference 135–145 mmol\/L, as printed on the report\)$/m);
    expect(report.clinicianSummary).not.toContain('Creatinine');
  });

  it('tells the patient to seek care urgently in English when a value is critical', () => {
    const report = interpretReport(labs, { text: 'Potassium 6.8 mmol/L H', language: 'en' });
    expect(report.patientSummary).toMatch(/Potassium is far outside the usual range: please seek medical care urgently/);
  });

  it("flags against the report's printed range when a line has one: platelets 356 with 150–400 is normal (issue 23 item 4)", () => {
    const report = interpretReport(labs, { text: '血小板计数(PLT)\t356\t×10⁹/L\t150-400\n血小板计数(PLT) 356 ×10⁹/L', language: 'zh' });
    const [printed, bare] = report.interpretation.results;
    expect(printed?.flag).toBe('normal');
    expect(printed?.range).toMatchObject({ low: 150, high: 400, origin: 'reported' });
    // The same value with no printed range falls back to the knowledge base (125–350) and is high.
    expect(bare?.flag).toBe('high');
    expect(bare?.range?.origin).toBe('knowledge-base');
    expect(report.clinicianSummary).toMatch(/血小板计数 356 ×10\^9\/L:偏高\(参考区间 125–350 10\^9\/L\) \[/);
  });

  it('shows a converted value at the analyte\'s precision: creatinine 2.1 mg/dL is "= 186 µmol/L", not 185.64 (issue 23 item 4)', () => {
    const report = interpretReport(labs, { text: 'Creatinine 2.1 mg/dL 0.7-1.3 H', sex: 'M', age: 50, language: 'en' });
    expect(report.interpretation.results[0]?.siValue).toBeCloseTo(185.64, 6);
    expect(report.clinicianSummary).toContain(
      '- Creatinine 2.1 mg/dL (= 186 µmol/L): high (reference 0.7–1.3 mg/dL, as printed on the report)',
    );
    expect(report.clinicianSummary).not.toMatch(/185\.6/);
  });

  it('marks pasted troponins of 450 and 500 ng/L critical, with the myocardial-injury pattern and its cited URL (issue 23 item 4)', () => {
    const report = interpretReport(labs, { text: '高敏肌钙蛋白I 450 ng/L\nhs-cTnT 500 ng/L', sex: 'M', language: 'en' });
    expect(report.interpretation.results.map((r) => [r.labId, r.flag])).toEqual([
      ['troponin-i-hs', 'critical-high'],
      ['troponin-t-hs', 'critical-high'],
    ]);
    expect(report.clinicianSummary).toMatch(/Troponin I \(high-sensitivity\) 450 ng\/L: CRITICAL high \(critical limit ≥300 ng\/L; /);
    expect(report.clinicianSummary).toMatch(/myocardial injury pattern — consider acute MI.*12-lead ECG.*serial troponin/);
    expect(report.clinicianSummary).toContain('https://doi.org/10.1161/CIR.0000000000000617');
    expect(report.patientSummary).toMatch(/please seek medical care urgently/);
    const zh = interpretReport(labs, { text: '高敏肌钙蛋白I 450 ng/L', sex: 'M', language: 'zh' });
    expect(zh.clinicianSummary).toMatch(/危急值\(高\)/);
    expect(zh.clinicianSummary).toMatch(/提示心肌损伤——需考虑急性心肌梗死/);
  });

  it('says all results are in range when they are, and that it could read nothing from junk', () => {
    expect(interpretReport(labs, { text: 'Sodium 140 mmol/L', language: 'en' }).patientSummary).toMatch(/all within the usual range/);
    const junk = interpretReport(labs, { text: 'lorem ipsum 42', language: 'zh' });
    expect(junk.parsed.results).toEqual([]);
    expect(junk.patientSummary).toContain('没能判读');
    expect(junk.clinicianSummary).toMatch(/^识别检验结果 0 项/);
  });
});

import { describe, expect, it } from 'vitest';
import { loadLabIndex } from '../labs/index.js';
import { parseLabReport } from './parse-lab-report.js';

const index = loadLabIndex();

/** A Chinese CBC + chemistry report as printed by a hospital LIS (full-width spaces, tabs, ↑↓, 10⁹/L). */
const ZH_REPORT = `××市第一人民医院检验报告单
姓名:张三　　性别:男　　年龄:58岁　　科室:肾内科　　标本:静脉血
采样时间:2024-05-06 07:45　　报告时间:2024-05-06 10:12
序号	项目	结果	单位	参考范围
1	白细胞计数(WBC)	6.52	×10⁹/L	3.5-9.5
2	红细胞计数(RBC)	3.41	×10¹²/L	4.3-5.8	↓
3	血红蛋白(HGB)　98　g/L　130-175 ↓
4	红细胞压积(HCT)	0.31	L/L	0.40-0.50	↓
5	平均红细胞体积(MCV)	72.4	fL	82-100	↓
6	血小板计数(PLT)	   210	10^9/L	125-350
7	中性粒细胞百分比(NEUT%)	68,5	%	40-75
钾(K)	6.8	mmol/L	3.5-5.3	↑↑
钠(Na)	132 ↓	mmol/L	137-147
肌酐(Cr)	186	μmol/L	57-111	H
尿素	12.3	mmol/L	3.1-8.0	↑
丙氨酸氨基转移酶(ALT)　88 U/L　9-50 ↑
尿蛋白	阴性		阴性
检验者:李四　　审核者:王五`;

/** An English chemistry panel (US/UK layout, flags after the range). */
const EN_REPORT = `CHEMISTRY PANEL                  Collected: 05/06/2024 07:45
Test            Result   Units     Reference     Flag
Sodium          128      mmol/L    (135-145)     L
K+: 6.1 mmol/L H
Chloride        99       mmol/L    98 - 107
Creatinine      1.9      mg/dL     0.7-1.3       H
Glucose         5,2      mmol/L    3.9-7.8
ALT 88 U/L
NT-proBNP       1,250    pg/mL     <125          *
Comment: specimen slightly haemolysed`;

describe('parseLabReport', () => {
  it('reads a Chinese CBC and chemistry table into tests, values, units, printed ranges and flags', () => {
    const { results, unparsed } = parseLabReport(ZH_REPORT, index);
    expect(results.map((r) => r.labId)).toEqual([
      'wbc',
      'rbc',
      'haemoglobin',
      'haematocrit',
      'mcv',
      'platelets',
      'neutrophils-percent',
      'potassium',
      'sodium',
      'creatinine',
      'urea',
      'alt',
    ]);
    const by = new Map(results.map((r) => [r.labId, r]));
    expect(by.get('wbc')).toMatchObject({ test: '白细胞计数(WBC)', value: 6.52, unit: '×10^9/L', reportedRange: '3.5-9.5' });
    expect(by.get('wbc')?.reportedFlag).toBeUndefined();
    expect(by.get('rbc')).toMatchObject({ value: 3.41, unit: '×10^12/L', reportedFlag: 'low' });
    expect(by.get('haemoglobin')).toMatchObject({ value: 98, unit: 'g/L', reportedRange: '130-175', reportedFlag: 'low' });
    expect(by.get('neutrophils-percent')).toMatchObject({ value: 68.5, unit: '%' });
    expect(by.get('potassium')).toMatchObject({ value: 6.8, unit: 'mmol/L', reportedFlag: 'high' });
    expect(by.get('sodium')).toMatchObject({ value: 132, unit: 'mmol/L', reportedRange: '137-147', reportedFlag: 'low' });
    expect(by.get('creatinine')).toMatchObject({ value: 186, unit: 'μmol/L', reportedFlag: 'high' });
    expect(by.get('alt')).toMatchObject({ test: '丙氨酸氨基转移酶(ALT)', value: 88, unit: 'U/L', reportedRange: '9-50' });
    expect(by.get('haemoglobin')?.line).toBe('3\t血红蛋白(HGB)\u300098\u3000g/L\u3000130-175 ↓');
    // Header, patient line, qualitative urine protein and signatures are kept aside, not guessed at.
    expect(unparsed).toHaveLength(6);
    expect(unparsed).toContain('尿蛋白\t阴性\t\t阴性');
  });

  it('reads an English chemistry panel with parenthesised ranges, colons, comma decimals and thousands separators', () => {
    const { results, unparsed } = parseLabReport(EN_REPORT, index);
    expect(results.map(({ line: _line, ...r }) => r)).toEqual([
      {
        test: 'Sodium',
        labId: 'sodium',
        value: 128,
        unit: 'mmol/L',
        reportedRange: '135-145',
        reportedBounds: { low: 135, high: 145 },
        reportedFlag: 'low',
      },
      { test: 'K+', labId: 'potassium', value: 6.1, unit: 'mmol/L', reportedFlag: 'high' },
      { test: 'Chloride', labId: 'chloride', value: 99, unit: 'mmol/L', reportedRange: '98-107', reportedBounds: { low: 98, high: 107 } },
      {
        test: 'Creatinine',
        labId: 'creatinine',
        value: 1.9,
        unit: 'mg/dL',
        reportedRange: '0.7-1.3',
        reportedBounds: { low: 0.7, high: 1.3 },
        reportedFlag: 'high',
      },
      { test: 'Glucose', labId: 'glucose', value: 5.2, unit: 'mmol/L', reportedRange: '3.9-7.8', reportedBounds: { low: 3.9, high: 7.8 } },
      { test: 'ALT', labId: 'alt', value: 88, unit: 'U/L' },
      {
        test: 'NT-proBNP',
        labId: 'nt-probnp',
        value: 1250,
        unit: 'pg/mL',
        reportedRange: '<125',
        reportedBounds: { high: 125 },
        reportedFlag: 'abnormal',
      },
    ]);
    expect(unparsed).toEqual([
      'CHEMISTRY PANEL                  Collected: 05/06/2024 07:45',
      'Test            Result   Units     Reference     Flag',
      'Comment: specimen slightly haemolysed',
    ]);
  });

  it('reads two results printed side by side on one row', () => {
    const { results } = parseLabReport('白细胞计数(WBC) 11.2 ↑ 10^9/L 3.5-9.5    血小板计数(PLT) 88 10^9/L 125-350 ↓', index);
    expect(results.map((r) => [r.labId, r.value, r.unit, r.reportedFlag])).toEqual([
      ['wbc', 11.2, '10^9/L', 'high'],
      ['platelets', 88, '10^9/L', 'low'],
    ]);
  });

  it('keeps a number that is part of the test name and the comparator printed before a value', () => {
    const { results } = parseLabReport('CA 125  35.2 U/mL  <35 H\nhs-cTnI <3 ng/L\nTSH 2,5 mIU/L', index);
    expect(results.map((r) => [r.labId, r.value, r.comparator])).toEqual([
      ['ca-125', 35.2, undefined],
      ['troponin-i-hs', 3, '<'],
      ['tsh', 2.5, undefined],
    ]);
  });

  it('reads full-width digits and letters and a glued flag', () => {
    const { results } = parseLabReport('ＡＬＴ：１２０Ｈ　Ｕ／Ｌ', index);
    expect(results).toEqual([
      { test: 'ALT', labId: 'alt', value: 120, unit: 'U/L', reportedFlag: 'high', line: 'ＡＬＴ：１２０Ｈ　Ｕ／Ｌ' },
    ]);
  });

  it('finds nothing in junk and never throws', () => {
    for (const junk of [
      '',
      '   \n\t',
      'hello world 123',
      '今天天气很好,气温 25 度',
      '1 2 3 4 5',
      '((((((',
      'x'.repeat(10_000),
      '\u0000\uffff 12 ↑↓',
    ]) {
      const parsed = parseLabReport(junk, index);
      expect(parsed.results).toEqual([]);
    }
    expect(parseLabReport('hello world 123', index).unparsed).toEqual(['hello world 123']);
    expect(parseLabReport(undefined as unknown as string, index)).toEqual({ results: [], unparsed: [] });
  });
});

/** Issue 23 item 4: a report's own printed ranges were kept as text only, so the flag ignored them. */
describe('parseLabReport printed ranges as numbers', () => {
  const bounds = (line: string) => parseLabReport(line, index).results[0]?.reportedBounds;

  it('reads "150-400", "(135-145)", "[3.5-5.3]" and "3,5-5,3" into low and high', () => {
    expect(bounds('血小板计数(PLT)	356	×10⁹/L	150-400')).toEqual({ low: 150, high: 400 });
    expect(bounds('Sodium 128 mmol/L (135-145) L')).toEqual({ low: 135, high: 145 });
    expect(bounds('K 4.1 mmol/L [3.5-5.3]')).toEqual({ low: 3.5, high: 5.3 });
    expect(bounds('K 4,1 mmol/L 3,5-5,3')).toEqual({ low: 3.5, high: 5.3 });
    expect(bounds('Chloride        99       mmol/L    98 - 107')).toEqual({ low: 98, high: 107 });
  });

  it('reads one-sided ranges: "<125", "≤5.0" as a high limit, ">90" as a low limit, and a negative lower bound', () => {
    expect(bounds('NT-proBNP 1,250 pg/mL <125 *')).toEqual({ high: 125 });
    expect(bounds('CRP 12 mg/L ≤5.0')).toEqual({ high: 5 });
    expect(bounds('eGFR 95 mL/min/1.73m2 >90')).toEqual({ low: 90 });
    expect(bounds('BE -4 mmol/L -3-3')).toEqual({ low: -3, high: 3 });
  });

  it('gives no bounds when no range is printed, or when the printed range is backwards', () => {
    expect(bounds('ALT 88 U/L')).toBeUndefined();
    expect(bounds('Sodium 140 mmol/L 145-135')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { analyzePhi, analyzerConfigSchema, DEFAULT_ANALYZER_CONFIG, resolveOverlaps } from './analyzer.js';
import type { AnalyzerConfig, PhiFinding, PhiType } from './phi-types.js';

// Synthetic data only: every name, number and place below is invented.

const spans = (text: string, config?: AnalyzerConfig) =>
  analyzePhi(text, config ? { config } : {}).map((f) => ({ type: f.type, text: text.slice(f.start, f.end) }));

/** ISO 7064 MOD 11-2 computed here, independently of the recognizer, for valid 身份证号. */
function withIdCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return first17 + ('10X98765432'[sum % 11] ?? '');
}

/** Appends the Luhn check digit. */
function withLuhn(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((ch, i) => {
    let d = Number(ch);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  });
  return body + String((10 - (sum % 10)) % 10);
}

const validId = withIdCheck('11010519491231002');
const invalidId = validId.slice(0, 17) + (validId.endsWith('0') ? '1' : '0');
const validIdWithX = (() => {
  for (let seq = 100; seq < 999; seq++) {
    const id = withIdCheck(`44030419850612${seq}`);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X check digit found');
})();
const unionPayCard = withLuhn('621700123456789012');
const visaCard = withLuhn('411111111111111');
const badCard = unionPayCard.slice(0, -1) + String((Number(unionPayCard.slice(-1)) + 1) % 10);
const imei = withLuhn('49015420323751');

const POSITIVES: [PhiType, string, string][] = [
  // NAME, Chinese
  ['NAME', '患者张三，男，45岁，因胸痛入院。', '张三'],
  ['NAME', '姓名：李建国', '李建国'],
  ['NAME', '姓名：欧阳娜娜', '欧阳娜娜'],
  ['NAME', '家属：司马光明（之子）签字。', '司马光明'],
  ['NAME', '请张医生会诊。', '张'],
  ['NAME', '经李伟主任查房后调整方案。', '李伟'],
  ['NAME', '由王护士执行医嘱。', '王'],
  ['NAME', '诸葛明，女，88岁', '诸葛明'],
  ['NAME', '上官婉儿，女，30岁', '上官婉儿'],
  ['NAME', '病人刘芳今日出院。', '刘芳'],
  ['NAME', '主治医师：陈志强', '陈志强'],
  ['NAME', '患者李明于昨日入院，李明自述头痛。', '李明'],
  // NAME, English
  ['NAME', 'Patient: John Smith', 'John Smith'],
  ['NAME', 'Seen by Dr. Emily Chen today.', 'Emily Chen'],
  ['NAME', 'Mrs. Garcia reports chest pain.', 'Garcia'],
  ['NAME', 'Discussed with Prof. Wang.', 'Wang'],
  ['NAME', 'Name: SMITH, John', 'SMITH, John'],
  ['NAME', 'His wife Mary Johnson called.', 'Mary Johnson'],
  ['NAME', 'Dr. Bell examined the patient.', 'Bell'],
  ['NAME', 'Robert Miller was admitted overnight.', 'Robert Miller'],
  ['NAME', "Call daughter O'Brien at home.", "O'Brien"],
  ['NAME', 'Verified by Priya Okafor, MLS.', 'Priya Okafor'],
  ['NAME', '检验者：诸葛敏　审核者：雷勇', '雷勇'],
  ['NAME', '已电话通知上官医生。', '上官'],
  ['NAME', '儿媳熊欣怡陪护', '熊欣怡'],
  // DATE
  ['DATE', '2024年3月5日入院', '2024年3月5日'],
  ['DATE', '2024年3月起服药', '2024年3月'],
  ['DATE', '3月5日复查', '3月5日'],
  ['DATE', '于3月5号复诊', '3月5号'],
  ['DATE', '2019年诊断糖尿病', '2019年'],
  ['DATE', '二〇二四年三月五日', '二〇二四年三月五日'],
  ['DATE', 'Admitted 2024-03-05.', '2024-03-05'],
  ['DATE', 'ts 2024-03-05T08:30:00Z end', '2024-03-05T08:30:00Z'],
  ['DATE', 'on 2024/03/05', '2024/03/05'],
  ['DATE', 'on 2024.3.5', '2024.3.5'],
  ['DATE', 'seen 3/5/24 in clinic', '3/5/24'],
  ['DATE', 'DOB 03/05/2024', '03/05/2024'],
  ['DATE', 'on March 5, 2024 at noon', 'March 5, 2024'],
  ['DATE', 'on 5 March 2024 at noon', '5 March 2024'],
  ['DATE', 'follow-up Mar 5 in clinic', 'Mar 5'],
  ['DATE', 'collected 5-Mar-2024', '5-Mar-2024'],
  ['DATE', 'collected 05-MAR-24', '05-MAR-24'],
  ['DATE', 'diagnosed in 2019 with diabetes', '2019'],
  ['DATE', 'Admission date: 8/19', '8/19'],
  ['DATE', '报告时间：二〇二一年十二月十一日', '二〇二一年十二月十一日'],
  // AGE
  ['AGE', '年龄：92', '92'],
  ['AGE', '患者93 岁', '93 岁'],
  ['AGE', '患者，女，95岁', '95岁'],
  ['AGE', 'A 91-year-old man', '91-year-old'],
  ['AGE', 'aged 95, lives alone', '95'],
  ['AGE', '102 yo female', '102 yo'],
  // PHONE
  ['PHONE', '电话13812345678', '13812345678'],
  ['PHONE', '手机：+86 138-1234-5678', '+86 138-1234-5678'],
  ['PHONE', '联系电话 138 1234 5678', '138 1234 5678'],
  ['PHONE', '座机 010-62345678', '010-62345678'],
  ['PHONE', '电话 0755-83456789', '0755-83456789'],
  ['PHONE', 'Call (555) 123-4567.', '(555) 123-4567'],
  ['PHONE', 'Phone 555-123-4567', '555-123-4567'],
  ['PHONE', 'Tel +44 20 7946 0958', '+44 20 7946 0958'],
  ['PHONE', 'Tel +1 617 555 0126', '+1 617 555 0126'],
  ['PHONE', '电话：６２３４５６７８', '６２３４５６７８'],
  // ID_CARD, PASSPORT, SSN
  ['ID_CARD', `身份证号：${validId}`, validId],
  ['ID_CARD', `证件号 ${validIdWithX}`, validIdWithX],
  ['ID_CARD', '身份证 110105490101002', '110105490101002'],
  ['PASSPORT', '护照号：E12345678', 'E12345678'],
  ['PASSPORT', 'Passport No. 123456789', '123456789'],
  ['PASSPORT', '持G87654321入境', 'G87654321'],
  ['SSN', 'SSN 123-45-6780', '123-45-6780'],
  ['SSN', 'social security number 123456780', '123456780'],
  // MRN
  ['MRN', '住院号：ZY20240305', 'ZY20240305'],
  ['MRN', '门诊号 0012345678', '0012345678'],
  ['MRN', '病案号：A123456', 'A123456'],
  ['MRN', '病历号为88812345', '88812345'],
  ['MRN', 'ID号：P000123', 'P000123'],
  ['MRN', 'MRN: 00123456', '00123456'],
  ['MRN', 'Medical Record No. 7788123', '7788123'],
  ['MRN', 'Acct #12345678', '12345678'],
  // ADDRESS
  ['ADDRESS', '家住北京市朝阳区建国路88号3栋2单元301室。', '北京市朝阳区建国路88号3栋2单元301室'],
  ['ADDRESS', '住址：河南省郑州市金水区花园路12号', '河南省郑州市金水区花园路12号'],
  ['ADDRESS', '现住深圳市南山区科技园。', '深圳市南山区科技园'],
  ['ADDRESS', '来自广东省广州市天河区', '广东省广州市天河区'],
  ['ADDRESS', '住在上海市浦东新区张江镇', '上海市浦东新区张江镇'],
  ['ADDRESS', 'Lives at 123 Main Street, Springfield, IL 62704.', '123 Main Street, Springfield, IL 62704'],
  ['ADDRESS', 'Home: 45 Oak Ave Apt 3B', '45 Oak Ave Apt 3B'],
  ['ADDRESS', 'moved to Boston, MA 02115 last year', 'Boston, MA 02115'],
  ['ADDRESS', 'zip code 90210', '90210'],
  ['ADDRESS', '邮编：450000', '450000'],
  // EMAIL, URL, IP
  ['EMAIL', '邮箱zhang.san@example.com联系', 'zhang.san@example.com'],
  ['EMAIL', 'email: j.smith+clinic@mail.example.org.', 'j.smith+clinic@mail.example.org'],
  ['URL', '见https://example.com/patient/123，请查阅', 'https://example.com/patient/123'],
  ['URL', 'see www.example.org/records.', 'www.example.org/records'],
  ['IP', '服务器192.168.1.20异常', '192.168.1.20'],
  ['IP', 'host 2001:db8::8a2e:370:7334 down', '2001:db8::8a2e:370:7334'],
  // ORGANIZATION
  ['ORGANIZATION', '于北京协和医院就诊', '北京协和医院'],
  ['ORGANIZATION', '转至郑州大学第一附属医院', '郑州大学第一附属医院'],
  ['ORGANIZATION', '在青山镇卫生院治疗', '青山镇卫生院'],
  ['ORGANIZATION', '曾于朝阳区疾控中心接种', '朝阳区疾控中心'],
  ['ORGANIZATION', '于和平里社区卫生服务中心随访', '和平里社区卫生服务中心'],
  ['ORGANIZATION', '就职于华远科技有限公司', '华远科技有限公司'],
  ['ORGANIZATION', 'Transferred to Springfield General Hospital.', 'Springfield General Hospital'],
  ['ORGANIZATION', 'Follows at Mayo Clinic.', 'Mayo Clinic'],
  ['ORGANIZATION', 'Seen at Lakeside Medical Center', 'Lakeside Medical Center'],
  ['ORGANIZATION', 'Works for Acme Widgets Inc.', 'Acme Widgets Inc.'],
  ['ORGANIZATION', 'Husband works at Summit Logistics.', 'Summit Logistics'],
  ['ORGANIZATION', 'Follow-up at Lakeshore Family Practice', 'Lakeshore Family Practice'],
  // BANK_CARD, INSURANCE
  ['BANK_CARD', `银行卡号：${unionPayCard}`, unionPayCard],
  ['BANK_CARD', `card ${visaCard.replace(/(\d{4})(?=\d)/g, '$1 ')}`, visaCard.replace(/(\d{4})(?=\d)/g, '$1 ')],
  ['INSURANCE', '医保卡号：1101051234567', '1101051234567'],
  ['INSURANCE', '社保卡号 S12345678', 'S12345678'],
  ['INSURANCE', 'Member ID: XYZ123456789', 'XYZ123456789'],
  ['INSURANCE', 'Policy # AB-1234567', 'AB-1234567'],
  // LICENSE_PLATE, DEVICE_ID
  ['LICENSE_PLATE', '车牌号京A12345', '京A12345'],
  ['LICENSE_PLATE', '粤B·D12345驶入', '粤B·D12345'],
  ['LICENSE_PLATE', '沪C·12345D', '沪C·12345D'],
  ['DEVICE_ID', 'MAC 00:1A:2B:3C:4D:5E', '00:1A:2B:3C:4D:5E'],
  ['DEVICE_ID', '设备MAC：7D-E7-89-EA-4D-DE。', '7D-E7-89-EA-4D-DE'],
  ['LICENSE_PLATE', 'drives (plate MHK-0864)', 'MHK-0864'],
  ['MRN', 'Accession: A2024126363', 'A2024126363'],
  ['DEVICE_ID', `IMEI: ${imei}`, imei],
  ['DEVICE_ID', '起搏器序列号：PJN123456', 'PJN123456'],
  ['DEVICE_ID', 'Serial number: SN-88812-X', 'SN-88812-X'],
];

describe('analyzePhi positives', () => {
  it.each(POSITIVES)('finds %s in %s', (type, text, value) => {
    expect(spans(text)).toContainEqual({ type, text: value });
  });
});

/** Clinical text without PHI; nothing in it may be flagged. */
const NEGATIVES: string[] = [
  // eponymous diseases, devices, procedures, scales
  '帕金森病',
  '阿尔茨海默病',
  'Graves病',
  '桥本甲状腺炎',
  '川崎病',
  '患者帕金森病史5年',
  '患者阿尔茨海默病',
  "Parkinson's disease",
  "Alzheimer's dementia",
  "Bell's palsy",
  'Cushing syndrome',
  'Down syndrome',
  'Foley catheter placed',
  'Swan-Ganz catheter',
  'Whipple procedure',
  'Glasgow Coma Scale 15',
  'Charcot-Marie-Tooth disease',
  'Guillain-Barre syndrome',
  "Hashimoto's thyroiditis",
  'Apgar score 9',
  // drugs and doses
  '二甲双胍 0.5g bid',
  '阿司匹林 100mg qd',
  'metformin 500 mg BID',
  'insulin 10 U',
  '1/2 tablet',
  '肾上腺素 1:1000',
  '林可霉素 0.6g ivgtt',
  // labs and vitals
  '血压 130/80 mmHg',
  'HbA1c 7.2%',
  'WBC 11.2×10^9/L',
  'HR 88',
  'T 37.5℃',
  'SpO2 96%',
  '血糖 7.8mmol/L',
  'K 3.5 mmol/L, Na 140',
  // durations, frequencies, times, scores, versions, codes
  '3天',
  '2周',
  '半年',
  '2 weeks',
  'q6h',
  '3/7',
  '08:30',
  'NRS 3分',
  'GCS 15',
  'NYHA III',
  'version 2.3',
  'E11.9',
  'I10',
  'J45.909',
  'ICD-10 E11.9',
  // ages under 90
  '65岁',
  '45-year-old',
  'aged 65',
  '年龄：45',
  '89岁',
  // surname characters starting medical words
  '高血压',
  '高血糖',
  '患者高血压病史10年',
  '黄疸',
  '皮肤黄染',
  '白细胞升高',
  '治疗方案',
  '血常规',
  '周围神经病变',
  '石膏固定',
  '冯氏',
  '王水',
  '患者平素体健',
  '患者安静',
  '患者明显好转',
  '患者常规治疗',
  '患者于今日入院',
  '患者于家中跌倒',
  '患者诉头痛',
  '患者白细胞升高',
  '患者林可霉素过敏',
  '患者黄疸',
  '主管医生查房',
  '夜班护士记录',
  '请示上级医生',
  '责任护士宣教',
  '值班医生',
  '患者家属',
  '患者一般情况可',
  '患者双下肢水肿',
  // generic organisation references
  '外院',
  '我院',
  '当地医院',
  '上级医院',
  '本院心内科',
  '社区卫生服务中心随访',
  'the hospital',
  'General Hospital',
  'the Clinic',
  // English words that are also names
  'Will follow up in 2 weeks.',
  'May improve with rest.',
  'Bell rang at noon.',
  'Mark the site.',
  'Grace period applies.',
  'The patient denies chest pain.',
  'Patient denies fever.',
  'Assessment and Plan',
  // Dialogue transcripts: a speaker label followed by a filler word is not "Patient: <name>".
  'Patient: Sure, I have had a cough.',
  'Patient: Well, it started two days ago.',
  'Patient: Yeah, since Monday.',
];

describe('analyzePhi negatives', () => {
  it.each(NEGATIVES)('flags nothing in %s', (text) => {
    expect(spans(text)).toEqual([]);
  });
});

describe('names before a title', () => {
  it('stops a two-character name at 先生/女士 instead of taking the title in', () => {
    expect(spans('患者：张伟先生，男，45岁。').map((finding) => finding.text)).toEqual(['张伟']);
  });
});

describe('checksums', () => {
  it('scores a 身份证号 with a passing checksum 1', () => {
    const [finding] = analyzePhi(validId);
    expect(finding).toMatchObject({ type: 'ID_CARD', score: 1 });
  });

  it('flags a 身份证号 whose checksum fails when it is labelled (a mistyped identifier still identifies), not when bare', () => {
    expect(spans(`身份证号：${invalidId}`).filter((f) => f.type === 'ID_CARD')).toHaveLength(1);
    expect(spans(`编号 ${invalidId}`).filter((f) => f.type === 'ID_CARD')).toEqual([]);
  });

  it('reports a failing checksum at a low score when the threshold allows it', () => {
    const findings = analyzePhi(invalidId, { config: { threshold: 0.2 } });
    expect(findings).toContainEqual(expect.objectContaining({ type: 'ID_CARD', score: 0.3 }));
  });

  it('drops an 18-digit number whose birth date does not exist', () => {
    expect(spans(withIdCheck('11010519490230002'))).toEqual([]);
  });

  it('accepts a Luhn-valid card and rejects a Luhn-invalid one', () => {
    expect(spans(`卡号 ${unionPayCard}`)).toEqual([{ type: 'BANK_CARD', text: unionPayCard }]);
    expect(spans(`卡号 ${badCard}`)).toEqual([]);
  });

  it('needs a context word for a Luhn-valid number without separators', () => {
    expect(analyzePhi(`编号 ${withLuhn('5000000000000')}`)).toEqual([]);
  });

  it('drops SSNs that are never issued', () => {
    for (const ssn of ['000-12-3456', '666-12-3456', '912-12-3456', '123-00-4567', '123-45-0000', '078-05-1120'])
      expect(spans(`SSN ${ssn}`)).toEqual([]);
  });

  it('scores an IMEI that fails Luhn below the threshold', () => {
    const bad = imei.slice(0, -1) + String((Number(imei.slice(-1)) + 1) % 10);
    expect(spans(`IMEI ${bad}`)).toEqual([]);
  });
});

describe('overlaps', () => {
  const f = (type: PhiType, start: number, end: number, score: number, pattern = 'p'): PhiFinding => ({
    type,
    start,
    end,
    score,
    recognizer: 'test',
    pattern,
    context: [],
  });

  it('keeps the higher score where two types overlap', () => {
    expect(resolveOverlaps([f('PHONE', 0, 11, 0.7), f('BANK_CARD', 0, 16, 0.9)])).toEqual([f('BANK_CARD', 0, 16, 0.9)]);
  });

  it('keeps the longer span on a tie', () => {
    expect(resolveOverlaps([f('ADDRESS', 0, 6, 0.8), f('ORGANIZATION', 0, 10, 0.8)])).toEqual([f('ORGANIZATION', 0, 10, 0.8)]);
  });

  it('absorbs a span contained in a larger one of the same type, keeping the higher score', () => {
    expect(resolveOverlaps([f('DATE', 0, 10, 0.6, 'outer'), f('DATE', 5, 9, 0.9, 'inner')])).toEqual([f('DATE', 0, 10, 0.9, 'outer')]);
  });

  it('keeps findings that do not overlap, sorted by start', () => {
    const out = resolveOverlaps([f('NAME', 20, 22, 0.9), f('DATE', 0, 5, 0.9), f('PHONE', 5, 16, 0.7)]);
    expect(out.map((x) => x.start)).toEqual([0, 5, 20]);
  });

  it('reports a full date once, not its month-day part', () => {
    expect(spans('2024年3月5日入院')).toEqual([{ type: 'DATE', text: '2024年3月5日' }]);
  });

  it('lets a hospital name win over the province inside it', () => {
    expect(spans('北京市朝阳区医院')).toEqual([{ type: 'ORGANIZATION', text: '北京市朝阳区医院' }]);
  });

  it('explains each finding', () => {
    const [finding] = analyzePhi('联系电话：13812345678');
    expect(finding).toMatchObject({ recognizer: 'phone', pattern: 'cn-mobile', context: expect.arrayContaining(['联系电话']) });
  });
});

describe('allow and deny lists', () => {
  it('never flags an allowed string, nor findings inside it', () => {
    const config = { allowList: ['北京协和医院', 'Dr. House'] };
    expect(spans('于北京协和医院就诊，Dr. House', config)).toEqual([]);
  });

  it('always flags a denied string with its type', () => {
    const findings = analyzePhi('由小王值班，Ann on call', {
      config: {
        denyList: [
          { text: '小王', type: 'NAME' },
          { text: 'Ann', type: 'NAME' },
        ],
      },
    });
    expect(findings.map((f) => [f.type, f.score, f.recognizer])).toEqual([
      ['NAME', 1, 'deny-list'],
      ['NAME', 1, 'deny-list'],
    ]);
  });

  it('matches denied Latin strings as whole words only', () => {
    expect(analyzePhi('Annual review', { config: { denyList: [{ text: 'Ann', type: 'NAME' }] } })).toEqual([]);
  });

  it('runs only the configured recognizers and applies per-type thresholds', () => {
    const text = '患者张三，电话13812345678';
    expect(spans(text, { recognizers: ['phone'] })).toEqual([{ type: 'PHONE', text: '13812345678' }]);
    expect(spans(text, { thresholds: { PHONE: 1.01 } }).map((f) => f.type)).toEqual(['NAME']);
  });
});

describe('configuration schema', () => {
  it('accepts the default configuration', () => {
    expect(analyzerConfigSchema.parse(DEFAULT_ANALYZER_CONFIG)).toEqual(DEFAULT_ANALYZER_CONFIG);
  });

  it('reports every problem at once', () => {
    const result = analyzerConfigSchema.safeParse({
      recognizers: ['nope'],
      threshold: 2,
      denyList: [{ text: 'x', type: 'WHATEVER' }],
      extra: 1,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.length).toBeGreaterThanOrEqual(3);
  });
});

describe('full-width text and offsets', () => {
  it('finds full-width digits and colons, with offsets into the original string', () => {
    const text = '患者姓名：王小明　电话：１３８１２３４５６７８　住院号：ＺＹ２０２４００１';
    const findings = analyzePhi(text);
    expect(findings.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([
      ['NAME', '王小明'],
      ['PHONE', '１３８１２３４５６７８'],
      ['MRN', 'ＺＹ２０２４００１'],
    ]);
  });

  it('finds a full-width date', () => {
    expect(spans('２０２４年３月５日')).toEqual([{ type: 'DATE', text: '２０２４年３月５日' }]);
  });

  it('keeps offsets right after characters outside the BMP', () => {
    const text = '😀😀 电话13812345678';
    const [finding] = analyzePhi(text);
    expect(text.slice(finding?.start, finding?.end)).toBe('13812345678');
  });
});

describe('language handling', () => {
  const note = [
    '入院记录',
    '姓名：赵丽华　性别：女　年龄：93岁',
    '入院日期：2024年3月5日　住院号：ZY2024001',
    '主诉：反复胸闷3年，加重2天。',
    '现病史：患者于2021年诊断为冠心病，规律服用阿司匹林 100mg qd。HbA1c 7.2%，WBC 11.2×10^9/L，BP 130/80 mmHg。',
    'Seen by Dr. Emily Chen at Lakeside Medical Center on March 5, 2024; contact (555) 123-4567.',
    '家属：其子孙建国，电话13912345678，家住上海市浦东新区张江路100号。',
  ].join('\n');

  it('runs both languages on a mixed note', () => {
    const found = spans(note);
    for (const expected of [
      { type: 'NAME', text: '赵丽华' },
      { type: 'AGE', text: '93岁' },
      { type: 'DATE', text: '2024年3月5日' },
      { type: 'MRN', text: 'ZY2024001' },
      { type: 'DATE', text: '2021年' },
      { type: 'NAME', text: 'Emily Chen' },
      { type: 'ORGANIZATION', text: 'Lakeside Medical Center' },
      { type: 'DATE', text: 'March 5, 2024' },
      { type: 'PHONE', text: '(555) 123-4567' },
      { type: 'NAME', text: '孙建国' },
      { type: 'PHONE', text: '13912345678' },
      { type: 'ADDRESS', text: '上海市浦东新区张江路100号' },
    ] as const)
      expect(found).toContainEqual(expected);
    for (const clean of ['阿司匹林', 'HbA1c', '130/80', '冠心病']) expect(found.some((f) => f.text.includes(clean))).toBe(false);
  });

  it('runs only one language when told to', () => {
    expect(spans('Patient: John Smith').length).toBe(1);
    expect(analyzePhi('Patient: John Smith', { language: 'zh' })).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(analyzePhi('')).toEqual([]);
  });
});

describe('speed', () => {
  it('analyses a 4 kB note well inside the sanity bound', () => {
    const unit =
      '患者张三，男，65岁，因反复胸闷3年于2024年3月5日入院，电话13812345678。既往高血压病史10年，血压 150/90 mmHg，服用氨氯地平 5mg qd。' +
      'Seen by Dr. Smith; HbA1c 7.2%, WBC 11.2×10^9/L. 查体：双肺呼吸音清，心率 88次/分。';
    let note = '';
    while (note.length < 4096 / 2) note += unit; // UTF-16 units; the Chinese part is 3 bytes a character in UTF-8
    note = note.slice(0, 2048);
    for (let i = 0; i < 20; i++) analyzePhi(note); // warm up
    const runs = 200;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      analyzePhi(note);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(runs / 2)] ?? 0;
    const p95 = times[Math.floor(runs * 0.95)] ?? 0;
    const bytes = Buffer.byteLength(note, 'utf8');
    console.log(
      `analyzePhi on a ${bytes}-byte note: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, ${(bytes / 1e6 / (p50 / 1000)).toFixed(1)} MB/s`,
    );
    expect(p95).toBeLessThan(50);
  });
});

import { pickDecoy, ZH_LABS, ZH_VITALS } from './decoys.js';
import type { DecoyKind } from './deid-doc.js';
import {
  addDays,
  clockTime,
  deviceId,
  ipv4,
  randomDate,
  type SimpleDate,
  type ZhPerson,
  zhAddress,
  zhBankCard,
  zhDate,
  zhEmail,
  zhEmployer,
  zhHospital,
  zhIdCard,
  zhInsurance,
  zhLandline,
  zhLegacyIdCard,
  zhMobile,
  zhMrn,
  zhPassport,
  zhPerson,
  zhPlate,
  zhUrl,
} from './fake-values-zh.js';
import { decoy, type NoteBuilder, note, type Piece, phi } from './note-builder.js';
import type { Rng } from './prng.js';

/** The people and facts one Chinese note is about; reused so a name recurs within the note. */
interface ZhCast {
  patient: ZhPerson;
  age: number;
  birth: SimpleDate;
  admit: SimpleDate;
  discharge: SimpleDate;
  relative: ZhPerson;
  relation: string;
  attending: ZhPerson;
  resident: ZhPerson;
  nurse: ZhPerson;
  chief: ZhPerson;
  hospital: string;
  department: string;
  mobile: string;
}

const DEPARTMENTS = ['神经内科', '心血管内科', '内分泌科', '消化内科', '老年医学科', '呼吸与危重症医学科', '骨科'] as const;
const RELATIONS = { 男: ['儿子', '孙子', '丈夫', '侄子'], 女: ['女儿', '儿媳', '妻子', '孙女'] } as const;
const COMPLAINTS = ['反复头晕', '双手静止性震颤', '胸闷气促', '多饮多尿', '上腹部隐痛', '咳嗽咳痰', '记忆力下降', '双下肢水肿'] as const;

export function createZhCast(rng: Rng): ZhCast {
  // About a quarter of patients are 90 or older, whose age is itself PHI under Safe Harbor.
  const age = rng.chance(0.25) ? rng.int(90, 104) : rng.int(18, 89);
  const admit = randomDate(rng, 2019, 2025);
  const birth = { y: admit.y - age, m: rng.int(1, 12), d: rng.int(1, 28) };
  const relative = zhPerson(rng);
  return {
    patient: zhPerson(rng),
    age,
    birth,
    admit,
    discharge: addDays(admit, rng.int(3, 21)),
    relative,
    relation: rng.pick(RELATIONS[relative.sex]),
    attending: zhPerson(rng),
    resident: zhPerson(rng),
    nurse: zhPerson(rng, '女'),
    chief: zhPerson(rng),
    hospital: zhHospital(rng),
    department: rng.pick(DEPARTMENTS),
    mobile: zhMobile(rng),
  };
}

const name = (p: ZhPerson): Piece => phi('NAME', p.full);
const surname = (p: ZhPerson): Piece => phi('NAME', p.surname);
const ageOf = (n: number): Piece => (n >= 90 ? phi('AGE', String(n)) : decoy('age-under-90', String(n)));

function helpers(rng: Rng) {
  return {
    date: (d: SimpleDate): Piece => phi('DATE', zhDate(rng, d)),
    dob: (d: SimpleDate): Piece => phi('DATE', zhDate(rng, d, true)),
    years: (): Piece => decoy('duration', `${rng.int(2, 20)}年`),
    near: (d: SimpleDate, days: number): Piece => phi('DATE', zhDate(rng, addDays(d, days))),
    dk: (kind: Exclude<DecoyKind, 'age-under-90'>): Piece => decoy(kind, pickDecoy(rng, 'zh', kind)),
    word: (text: string): Piece => decoy('surname-char-word', text),
  };
}

function history(rng: Rng, b: NoteBuilder, c: ZhCast): void {
  const { dk, word, years } = helpers(rng);
  b.add(note`主诉：${rng.pick(COMPLAINTS)}${dk('duration')}。`).line();
  b.add(
    note`现病史：患者${name(c.patient)}，${c.patient.sex}，${ageOf(c.age)}岁，${dk('duration')}前无明显诱因出现${rng.pick(COMPLAINTS)}，`,
  );
  b.add(note`伴乏力，无发热。既往${word('高血压')}病史${years()}，规律服用${dk('drug-dose')}，血压控制可。`);
  if (rng.chance(0.6)) b.add(note`${dk('eponym')}病史${years()}，${dk('drug-dose')}治疗。`);
  b.add(note`其${c.relation}${name(c.relative)}诉患者近期${rng.pick(['食欲减退', '睡眠差', '夜间憋醒'])}。`).line();
  b.add(
    note`家族史：母亲患${word(rng.pick(['高血压', '梅毒', '严重骨质疏松']))}，${ageOf(rng.int(55, 89))}岁去世；否认其他遗传病史。`,
  ).line();
}

function examination(rng: Rng, b: NoteBuilder): void {
  const { dk, word } = helpers(rng);
  const [v1 = '', v2 = '', v3 = ''] = rng.sample(ZH_VITALS, 3);
  b.add(
    note`体格检查：${decoy('vital-sign', v1)}，${decoy('vital-sign', v2)}，${decoy('vital-sign', v3)}。神志清楚，皮肤巩膜无${word('黄疸')}，`,
  );
  b.add(
    note`双肺呼吸音清，${word('肌张力')}${rng.pick(['增高', '正常'])}，${decoy('eponym', rng.pick(['巴宾斯基征', '墨菲征']))}阴性，${dk('clinical-score')}。`,
  ).line();
}

function diagnosis(rng: Rng, b: NoteBuilder, heading: string): void {
  const { dk, word } = helpers(rng);
  b.add(note`${heading}：1.${dk('eponym')}（${dk('icd10')}）　2.${word('高血压')}3级（${decoy('icd10', 'I10')}）`);
  if (rng.chance(0.5)) b.add(note`　3.${word(rng.pick(['陈旧性心肌梗死', '周围神经病变', '向心性肥胖']))}`);
  b.line();
}

function outpatient(rng: Rng, b: NoteBuilder, c: ZhCast): void {
  const { date, near, dk, word } = helpers(rng);
  b.add(note`${phi('ORGANIZATION', c.hospital)}门诊病历`).line();
  b.add(
    note`姓名：${name(c.patient)}　性别：${c.patient.sex}　年龄：${ageOf(c.age)}岁　门诊号：${phi('MRN', zhMrn(rng, '门诊号', c.admit.y))}`,
  ).line();
  b.add(note`就诊日期：${date(c.admit)} ${clockTime(rng)}　科室：${c.department}　联系电话：${phi('PHONE', c.mobile)}`).line();
  history(rng, b, c);
  examination(rng, b);
  b.add(
    note`辅助检查：${near(c.admit, -rng.int(2, 30))}本院查${dk('lab-value')}，${word('白细胞')}${rng.pick(['11.2', '6.3', '3.8'])}×10^9/L，${dk('lab-value')}。`,
  ).line();
  diagnosis(rng, b, '诊断');
  b.add(note`处理：1.${dk('drug-dose')}；2.${dk('drug-dose')}；3.${dk('duration')}后复诊，调整治疗${word('方案')}。`);
  if (rng.chance(0.4)) b.add(note`检查结果将发送至患者邮箱${phi('EMAIL', zhEmail(rng))}。`);
  b.line();
  b.add(note`医师签名：${name(c.attending)}　${date(c.admit)}`);
}

function admission(rng: Rng, b: NoteBuilder, c: ZhCast): void {
  const { date, dob } = helpers(rng);
  b.add(note`${phi('ORGANIZATION', c.hospital)}`)
    .line()
    .add(note`入院记录`)
    .line();
  b.add(note`姓名：${name(c.patient)}　性别：${c.patient.sex}　年龄：${ageOf(c.age)}岁　民族：汉族　婚姻：已婚`).line();
  b.add(note`出生日期：${dob(c.birth)}　职业：${rng.pick(['退休', '教师', '工人', '农民', '职员'])}`).line();
  const legacy = c.birth.y < 1980 && rng.chance(0.2);
  b.add(note`身份证号：${phi('ID_CARD', legacy ? zhLegacyIdCard(rng, c.birth) : zhIdCard(rng, c.birth, c.patient.sex))}`).line();
  b.add(note`工作单位：${phi('ORGANIZATION', zhEmployer(rng))}`).line();
  b.add(note`现住址：${phi('ADDRESS', zhAddress(rng))}`).line();
  b.add(note`联系人：${name(c.relative)}（${c.relation}）　联系电话：${phi('PHONE', zhMobile(rng))}`).line();
  b.add(note`医保类型：${rng.pick(['城镇职工医保', '城乡居民医保'])}　医保卡号：${phi('INSURANCE', zhInsurance(rng))}`).line();
  b.add(note`入院日期：${date(c.admit)} ${clockTime(rng)}　记录日期：${date(c.admit)}`).line();
  b.add(
    note`病史陈述者：患者本人及其${c.relation}${name(c.relative)}，可靠。住院号：${phi('MRN', zhMrn(rng, '住院号', c.admit.y))}`,
  ).line();
  history(rng, b, c);
  if (rng.chance(0.5))
    b.add(
      note`个人史：${decoy('duration', rng.pick(['2周', '1个月', '10天']))}前曾赴东南亚旅游（护照号：${phi('PASSPORT', zhPassport(rng))}），否认疫区接触史。`,
    ).line();
  if (rng.chance(0.3)) b.add(note`电子邮箱：${phi('EMAIL', zhEmail(rng))}`).line();
  examination(rng, b);
  diagnosis(rng, b, '初步诊断');
  b.add(note`住院医师：${name(c.resident)}　主治医师：${name(c.attending)}　${date(c.admit)}`);
}

function discharge(rng: Rng, b: NoteBuilder, c: ZhCast): void {
  const { date, near, dk, word } = helpers(rng);
  b.add(note`出院小结`).line();
  b.add(
    note`科室：${c.department}　住院号：${phi('MRN', zhMrn(rng, '住院号', c.admit.y))}　病案号：${phi('MRN', zhMrn(rng, '病案号', c.admit.y))}`,
  ).line();
  b.add(note`姓名：${name(c.patient)}　性别：${c.patient.sex}　年龄：${ageOf(c.age)}岁`).line();
  b.add(note`入院日期：${date(c.admit)}　出院日期：${date(c.discharge)}　住院天数：${decoy('duration', `${rng.int(3, 21)}天`)}`).line();
  diagnosis(rng, b, '出院诊断');
  b.add(note`诊疗经过：入院后完善相关检查，${dk('lab-value')}，${dk('lab-value')}。经${surname(c.chief)}主任查房后调整${word('方案')}，`);
  b.add(note`予${dk('drug-dose')}、${dk('drug-dose')}治疗，患者症状好转。${near(c.admit, 2)}复查${dk('lab-value')}。`).line();
  if (rng.chance(0.5)) {
    const device = deviceId(rng);
    b.add(
      note`${near(c.admit, 3)}行${rng.pick(['双腔起搏器植入术', '胰岛素泵置入'])}，设备${device.label}：${phi('DEVICE_ID', device.value)}。`,
    ).line();
  }
  b.add(
    note`出院医嘱：1.${dk('drug-dose')}；2.于${near(c.discharge, rng.int(7, 30))}至${phi('ORGANIZATION', c.hospital)}${c.department}门诊复诊（${surname(c.attending)}医生）；`,
  );
  b.add(note`3.如有不适请拨打科室电话${phi('PHONE', zhLandline(rng))}；4.检查报告可在${phi('URL', zhUrl(rng, c.admit.y))}查询。`).line();
  b.add(note`主治医师：${name(c.attending)}　住院医师：${name(c.resident)}`);
}

function labReport(rng: Rng, b: NoteBuilder, c: ZhCast): void {
  const { date, word } = helpers(rng);
  b.add(note`${phi('ORGANIZATION', c.hospital)}检验报告单`).line();
  b.add(
    note`姓名：${name(c.patient)}　性别：${c.patient.sex}　年龄：${ageOf(c.age)}岁　病案号：${phi('MRN', zhMrn(rng, '病案号', c.admit.y))}`,
  ).line();
  b.add(note`科别：${c.department}　床号：${rng.int(1, 48)}床　送检医生：${name(c.attending)}`).line();
  b.add(note`标本类型：静脉血　采样时间：${date(c.admit)} ${clockTime(rng)}　报告时间：${date(c.admit)} ${clockTime(rng)}`).line();
  b.add(note`项目　结果　参考范围`).line();
  b.add(note`${word('白细胞')}计数　${rng.pick(['11.2', '4.5', '9.8'])}×10^9/L　3.5-9.5`).line();
  for (const lab of rng.sample(ZH_LABS, rng.int(2, 4))) b.add(note`${decoy('lab-value', lab)}`).line();
  if (rng.chance(0.6)) b.add(note`备注：患者${name(c.patient)}标本轻度溶血，已电话通知${surname(c.attending)}医生。`).line();
  b.add(note`检验者：${name(c.nurse)}　审核者：${name(c.resident)}`).line();
  const analyzer = deviceId(rng);
  b.add(note`仪器：全自动生化分析仪（${analyzer.label}：${phi('DEVICE_ID', analyzer.value)}）　终端IP：${phi('IP', ipv4(rng))}`).line();
  b.add(note`本报告仅对所检标本负责。报告查询：${phi('URL', zhUrl(rng, c.admit.y))}`);
}

function nursing(rng: Rng, b: NoteBuilder, c: ZhCast): void {
  const { date, near, dk } = helpers(rng);
  const monitor = deviceId(rng);
  b.add(note`护理记录`).line();
  b.add(note`${date(c.admit)} ${clockTime(rng)}　患者${name(c.patient)}，${ageOf(c.age)}岁，${dk('vital-sign')}，${dk('vital-sign')}，`);
  b.add(
    note`神志清，精神可。${c.relation}${name(c.relative)}陪护，联系电话${phi('PHONE', rng.chance(0.5) ? c.mobile : zhMobile(rng))}。`,
  ).line();
  b.add(
    note`${clockTime(rng)}　遵医嘱予${dk('drug-dose')}，${surname(c.attending)}医生已知晓。心电监护（设备${monitor.label}：${phi('DEVICE_ID', monitor.value)}）示窦性心律，${dk('vital-sign')}。`,
  ).line();
  b.add(note`${clockTime(rng)}　巡视病房，患者${name(c.patient)}安睡，${c.relation}在旁。`).line();
  if (rng.chance(0.6)) b.add(note`${near(c.admit, 1)}　家属以银行卡${phi('BANK_CARD', zhBankCard(rng))}缴纳住院押金。`).line();
  if (rng.chance(0.5)) b.add(note`家属驾车来院，车牌号${phi('LICENSE_PLATE', zhPlate(rng))}，已办理停车登记。`).line();
  if (rng.chance(0.3)) b.add(note`移动护理终端IP：${phi('IP', ipv4(rng))}。`).line();
  b.add(
    note`${dk('clinical-score')}，跌倒风险评估为高危，已告知${c.relation}。责任护士${name(c.nurse)}　${surname(c.chief)}护士长已查看。`,
  );
}

export const ZH_NOTE_KINDS = { outpatient, admission, discharge, labReport, nursing } as const;
export type ZhNoteKind = keyof typeof ZH_NOTE_KINDS;

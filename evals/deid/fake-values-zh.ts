import { idCardCheckCode, luhnCheckDigit, toFullWidthDigits } from './checksums.js';
import type { Rng } from './prng.js';

/** Fabricated Chinese identifiers. Every value is random; any resemblance to a real one is chance. */

const SINGLE_SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '蒋',
  '蔡',
  '余',
  '杜',
  '叶',
  '程',
  '苏',
  '魏',
  '吕',
  '丁',
  '沈',
  '姚',
  '卢',
  '姜',
  '崔',
  '钟',
  '谭',
  '陆',
  '范',
  '金',
  '石',
  '贾',
  '方',
  '白',
  '孟',
  '熊',
  '秦',
  '江',
  '尹',
  '段',
  '雷',
  '侯',
  '龙',
  '史',
  '常',
  '万',
  '钱',
  '严',
  '武',
  '戴',
  '孔',
  '汤',
  '毛',
] as const;
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '端木'] as const;
const GIVEN_MALE = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '刚',
  '建国',
  '志强',
  '国华',
  '浩然',
  '子轩',
  '宇航',
  '文博',
  '振华',
  '德明',
  '立新',
] as const;
const GIVEN_FEMALE = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '秀英',
  '桂英',
  '秀兰',
  '玉兰',
  '海燕',
  '雨桐',
  '欣怡',
  '思涵',
  '淑珍',
  '美玲',
  '晓红',
  '婉清',
] as const;

export interface ZhPerson {
  surname: string;
  given: string;
  full: string;
  sex: '男' | '女';
}

export function zhPerson(rng: Rng, sex?: '男' | '女'): ZhPerson {
  const s = sex ?? rng.pick(['男', '女'] as const);
  const surname = rng.chance(0.12) ? rng.pick(COMPOUND_SURNAMES) : rng.pick(SINGLE_SURNAMES);
  const given = s === '男' ? rng.pick(GIVEN_MALE) : rng.pick(GIVEN_FEMALE);
  return { surname, given, full: surname + given, sex: s };
}

export interface SimpleDate {
  y: number;
  m: number;
  d: number;
}

export function randomDate(rng: Rng, fromYear: number, toYear: number): SimpleDate {
  return { y: rng.int(fromYear, toYear), m: rng.int(1, 12), d: rng.int(1, 28) };
}

export function addDays(date: SimpleDate, days: number): SimpleDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

function chineseNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : (CN_DIGITS[n] ?? '');
  if (n < 20) return `十${CN_DIGITS[n - 10] ?? ''}`;
  const ones = n % 10;
  return `${CN_DIGITS[Math.floor(n / 10)] ?? ''}十${ones ? (CN_DIGITS[ones] ?? '') : ''}`;
}

/** A date in one of the forms Chinese records use. */
export function zhDate(rng: Rng, date: SimpleDate, withYear = false): string {
  const { y, m, d } = date;
  const form = rng.int(0, withYear ? 6 : 7);
  let text: string;
  if (form === 0 || form === 1) text = `${y}年${m}月${d}日`;
  else if (form === 2) text = `${y}-${pad(m)}-${pad(d)}`;
  else if (form === 3) text = `${y}.${m}.${d}`;
  else if (form === 4) text = `${y}/${pad(m)}/${pad(d)}`;
  else if (form === 5) text = `${y}年${pad(m)}月${pad(d)}日`;
  else if (form === 6)
    text = `${[...String(y)].map((c) => CN_DIGITS[Number(c)] ?? '').join('')}年${chineseNumber(m)}月${chineseNumber(d)}日`;
  else text = `${m}月${d}日`;
  return rng.chance(0.1) ? toFullWidthDigits(text) : text;
}

/** A clock time, kept outside date spans: a time of day alone does not identify anyone. */
export function clockTime(rng: Rng): string {
  return `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}`;
}

const MOBILE_PREFIXES = ['133', '135', '136', '138', '139', '150', '152', '158', '177', '186', '189', '199'] as const;
const AREA_CODES = ['010', '021', '022', '023', '020', '0755', '0571', '025', '027', '028', '0531', '0371'] as const;

export function zhMobile(rng: Rng): string {
  const n = rng.pick(MOBILE_PREFIXES) + rng.digits(8);
  const form = rng.int(0, 5);
  const grouped = `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
  const text = [n, grouped, `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`, `+86 ${n}`, `+86-${grouped}`, `(+86)${n}`][form] ?? n;
  return rng.chance(0.08) ? toFullWidthDigits(text) : text;
}

export function zhLandline(rng: Rng): string {
  const area = rng.pick(AREA_CODES);
  const local = (area.length === 3 ? rng.pick(['6', '8']) : rng.pick(['2', '8'])) + rng.digits(7);
  return rng.pick([`${area}-${local}`, `(${area})${local}`, `${area}-${local.slice(0, 4)} ${local.slice(4)}`, `${area}${local}`]);
}

const REGIONS = ['110105', '310104', '440305', '330106', '320102', '510107', '420106', '370102', '410105', '120103'] as const;

/** An 18-digit 居民身份证号 with a valid GB 11643 check code; sex parity in digit 17. */
export function zhIdCard(rng: Rng, birth: SimpleDate, sex: '男' | '女'): string {
  const seq = rng.digits(2) + String(sex === '男' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const body = `${rng.pick(REGIONS)}${birth.y}${pad(birth.m)}${pad(birth.d)}${seq}`;
  return body + idCardCheckCode(body);
}

/** A legacy 15-digit 身份证号 (issued before 1999; two-digit year, no check code). */
export function zhLegacyIdCard(rng: Rng, birth: SimpleDate): string {
  return `${rng.pick(REGIONS)}${String(birth.y).slice(2)}${pad(birth.m)}${pad(birth.d)}${rng.digits(3)}`;
}

export function zhPassport(rng: Rng): string {
  return rng.pick([`E${rng.digits(8)}`, `E${rng.pick(['A', 'B', 'C'])}${rng.digits(7)}`, `G${rng.digits(8)}`]);
}

export function zhMrn(rng: Rng, kind: '住院号' | '门诊号' | '病案号', year: number): string {
  if (kind === '住院号') return rng.pick([`${year}${rng.digits(6)}`, `ZY${rng.digits(8)}`, rng.digits(7)]);
  if (kind === '门诊号') return rng.pick([`MZ${year}${rng.digits(6)}`, rng.digits(10), `${year}${rng.digits(5)}`]);
  return rng.pick([rng.digits(8), `BA${rng.digits(7)}`, rng.digits(6)]);
}

const PLACES = [
  { province: '北京市', city: '', districts: ['朝阳区', '海淀区', '西城区', '丰台区'] },
  { province: '上海市', city: '', districts: ['徐汇区', '浦东新区', '静安区', '杨浦区'] },
  { province: '广东省', city: '深圳市', districts: ['南山区', '福田区', '龙岗区'] },
  { province: '浙江省', city: '杭州市', districts: ['西湖区', '拱墅区', '滨江区'] },
  { province: '四川省', city: '成都市', districts: ['武侯区', '锦江区', '青羊区'] },
  { province: '湖北省', city: '武汉市', districts: ['武昌区', '洪山区', '江汉区'] },
  { province: '江苏省', city: '南京市', districts: ['鼓楼区', '玄武区', '建邺区'] },
] as const;
const ROADS = ['建设路', '人民路', '解放大道', '文三路', '中山北路', '科技园南路', '长江西路', '和平街', '光明巷', '新华东路'] as const;
const ESTATES = ['阳光花园', '锦绣家园', '翠湖小区', '滨江苑', '枫林雅居', '东方明珠城'] as const;

export function zhAddress(rng: Rng): string {
  const place = rng.pick(PLACES);
  const district = rng.pick(place.districts);
  const province = rng.chance(0.7) ? place.province + place.city : place.city || place.province;
  const road = `${rng.pick(ROADS)}${rng.int(1, 999)}号`;
  const form = rng.int(0, 3);
  if (form === 0) return `${province}${district}${road}${rng.int(1, 30)}号楼${rng.int(1, 6)}单元${rng.int(1, 28)}0${rng.int(1, 8)}室`;
  if (form === 1)
    return `${province}${district}${rng.pick(ESTATES)}${rng.int(1, 20)}栋${rng.int(1, 4)}单元${rng.int(1, 32)}0${rng.int(1, 6)}`;
  if (form === 2) return `${district}${road}${rng.int(1, 12)}-${rng.int(1, 6)}-${rng.int(101, 2804)}`;
  return `${province}${district}${rng.pick(['城关镇', '新桥街道', '东湖街道'])}${rng.pick(['前进村', '红星村', '柳树屯'])}${rng.int(1, 12)}组${rng.int(1, 80)}号`;
}

const HOSPITAL_CITIES = ['江州', '云州', '青川', '临沅', '东陵', '南湖'] as const;

export function zhHospital(rng: Rng): string {
  const city = rng.pick(HOSPITAL_CITIES);
  return rng.pick([
    `${city}市第${rng.pick(['一', '二', '三', '四', '五'])}人民医院`,
    `${city}市中心医院`,
    `${city}大学附属第${rng.pick(['一', '二'])}医院`,
    `${city}市中医院`,
    `${city}市妇幼保健院`,
    `${city}${rng.pick(['仁和', '博爱', '康宁'])}医院`,
  ]);
}

export function zhEmployer(rng: Rng): string {
  return `${rng.pick(HOSPITAL_CITIES)}${rng.pick(['恒达', '华信', '金桥', '宏远', '瑞丰'])}${rng.pick(['机械有限公司', '科技股份有限公司', '物流有限公司', '实验中学', '建筑工程公司'])}`;
}

const PINYIN = ['zhangwei', 'lina', 'wangfang', 'liuyang', 'chenjing', 'yangli', 'zhaolei', 'huangmin', 'xiaoyu', 'hao'] as const;

export function zhEmail(rng: Rng): string {
  return `${rng.pick(PINYIN)}${rng.int(1960, 2005)}@${rng.pick(['163.com', 'qq.com', '126.com', 'sina.com', 'example.cn'])}`;
}

export function zhUrl(rng: Rng, year: number): string {
  return rng.pick([
    `https://his.${rng.pick(['jzrmyy', 'yzzxyy', 'qcfy'])}.example.cn/report?id=${year}${rng.digits(8)}`,
    `http://pacs.${rng.pick(['jzrmyy', 'dlzyy'])}.example.cn/viewer/${rng.digits(10)}`,
    `www.${rng.pick(['yzzxyy', 'nhkn'])}.example.cn/patient/${rng.digits(6)}`,
  ]);
}

export function ipv4(rng: Rng): string {
  return rng.pick([
    `192.168.${rng.int(0, 20)}.${rng.int(2, 254)}`,
    `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(2, 254)}`,
    `172.${rng.int(16, 31)}.${rng.int(0, 255)}.${rng.int(2, 254)}`,
  ]);
}

/** A UnionPay-style card number (prefix 62, 16 or 19 digits) with a valid Luhn digit, sometimes grouped. */
export function zhBankCard(rng: Rng): string {
  const body = `62${rng.pick(['2202', '2848', '1700', '2588', '1483'])}${rng.digits(rng.chance(0.5) ? 9 : 12)}`;
  const number = body + luhnCheckDigit(body);
  return rng.chance(0.4) ? (number.match(/.{1,4}/g) ?? [number]).join(' ') : number;
}

export function zhInsurance(rng: Rng): string {
  return rng.pick([
    `${rng.pick(['1101', '3101', '4403', '3301'])}${rng.digits(9)}`,
    `M${rng.digits(9)}`,
    `YB${rng.digits(10)}`,
    `${rng.digits(3)}${rng.pick(['A', 'B'])}${rng.digits(6)}`,
  ]);
}

const PLATE_PROVINCES = ['京', '沪', '粤', '浙', '苏', '川', '鄂', '津'] as const;
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function zhPlate(rng: Rng): string {
  const letter = (): string => PLATE_LETTERS[rng.int(0, PLATE_LETTERS.length - 1)] ?? 'A';
  const prefix = rng.pick(PLATE_PROVINCES) + letter();
  const tail = rng.chance(0.3) ? `${rng.pick(['D', 'F'])}${rng.digits(5)}` : `${rng.digits(3)}${letter()}${rng.digits(1)}`;
  return rng.pick([prefix + tail, `${prefix}·${tail}`, `${prefix}${rng.digits(5)}`]);
}

/** A device identifier: IMEI (Luhn-valid, 15 digits), a serial number, or a MAC address; `label` is how a record names it. */
export function deviceId(rng: Rng): { kind: 'imei' | 'serial' | 'mac'; label: string; value: string } {
  const kind = rng.pick(['imei', 'serial', 'mac'] as const);
  if (kind === 'imei') {
    const body = `35${rng.digits(12)}`;
    return { kind, label: 'IMEI', value: body + luhnCheckDigit(body) };
  }
  if (kind === 'serial')
    return {
      kind,
      label: 'SN',
      value: `${rng.pick(['PJN', 'SN', 'MDT', 'BSC', 'AB'])}${rng.digits(rng.int(6, 9))}${rng.pick(['', 'H', 'S'])}`,
    };
  const hex = (): string => rng.int(0, 255).toString(16).toUpperCase().padStart(2, '0');
  const separator = rng.pick([':', '-']);
  return { kind, label: 'MAC', value: Array.from({ length: 6 }, hex).join(separator) };
}

export { pad };

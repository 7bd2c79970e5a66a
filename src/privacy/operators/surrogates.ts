import { createHmac } from 'node:crypto';
import { idCardCheckChar, luhnCheckDigit } from '../checksums.js';
import type { PhiType, TextLanguage } from '../phi-types.js';
import { shiftDate } from './date-shift.js';

/**
 * Realistic stand-ins for identifiers. Each is drawn from a generator seeded by a keyed hash of
 * the original, so the same person gets the same surrogate within a scope, and different scopes
 * (patients) get different ones. Surrogates keep the original's shape (digits, separators,
 * length) and validity: a surrogate 身份证号 or bank card passes its checksum.
 */
const ZH_SURNAMES =
  '赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜谢邹喻柏窦章苏潘葛范彭鲁韦马苗方俞任袁柳鲍史唐费薛雷贺倪汤殷罗毕郝安常乐于傅齐康伍余顾孟黄穆萧尹姚邵汪祁毛狄米贝明计成戴宋庞熊纪舒屈项祝董梁杜阮蓝闵季贾路江童颜郭梅盛林钟徐邱骆高夏蔡田胡凌霍万柯卢莫房解应宗丁宣邓单杭洪包左石崔龚程邢裴陆荣翁荀于惠甄曲封储靳焦牧山谷车侯伊宁仇祖武符刘景詹龙叶司黎薄白怀蒲邰从鄂索赖卓蔺屠池乔胥能苍双闻党翟谭贡劳姬申扶堵冉宰雍桑桂牛寿通边燕冀浦尚农温庄晏柴瞿阎连习艾鱼容向古易慎廖庾终步都耿满弘匡国文广禄阙东欧沃利蔚越隆师巩聂晁勾敖融冷辛阚那简饶空曾沙乜养鞠须丰巢关相查荆红游竺权盖益桓公';
const ZH_GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬健宇浩凯鹏辉晨欣怡宁博文轩雨涵子墨梓睿思远嘉怡语桐一诺若曦铭泽皓然瑞昊梦琪佳慧晓东志强建国丽华海燕春梅秋菊冬雪';
const EN_FIRST = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Charles',
  'Karen',
  'Daniel',
  'Nancy',
  'Matthew',
  'Lisa',
  'Anthony',
  'Betty',
  'Mark',
  'Sandra',
  'Paul',
  'Ashley',
  'Steven',
  'Emily',
  'Andrew',
  'Michelle',
  'Kevin',
  'Laura',
];
const EN_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Martin',
  'Jackson',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Hill',
  'Green',
  'Adams',
  'Baker',
  'Nelson',
  'Carter',
  'Mitchell',
  'Roberts',
  'Turner',
  'Phillips',
];
const ZH_PLACES = ['东城', '西城', '南山', '北湖', '青山', '白云', '长宁', '和平', '新华', '平安', '文昌', '建设'];
const EN_STREETS = ['Maple', 'Oak', 'Cedar', 'Pine', 'Elm', 'Lake', 'Hill', 'Park', 'River', 'Sunset', 'Washington', 'Lincoln'];
const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** A small deterministic generator (mulberry32) seeded from a keyed hash. */
function generatorFor(secret: string, scope: string, type: PhiType, original: string): () => number {
  const digest = createHmac('sha256', secret).update(`${scope}\u0000${type}\u0000${original}`).digest();
  let state = digest.readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[] | string): T => items[Math.floor(random() * items.length)] as T;

/** Same shape: digits for digits, letters for letters (same case), everything else kept. */
function reshape(original: string, random: () => number, keepPrefix = 0): string {
  return [...original]
    .map((ch, i) => {
      if (i < keepPrefix) return ch;
      if (/[0-9]/.test(ch)) return String(Math.floor(random() * 10));
      if (/[０-９]/.test(ch)) return String.fromCharCode(0xff10 + Math.floor(random() * 10));
      if (/[A-Z]/.test(ch)) return String.fromCharCode(65 + Math.floor(random() * 26));
      if (/[a-z]/.test(ch)) return String.fromCharCode(97 + Math.floor(random() * 26));
      return ch;
    })
    .join('');
}

function surrogateIdCard(original: string, random: () => number, dateShiftDays: number): string {
  const digits = original.replace(/[^0-9Xx]/g, '');
  if (digits.length !== 18) return reshape(original, random);
  const birth = `${digits.slice(6, 10)}-${digits.slice(10, 12)}-${digits.slice(12, 14)}`;
  const shifted = shiftDate(birth, dateShiftDays)?.replace(/-/g, '') ?? digits.slice(6, 14);
  const region = `${pick(random, ['11', '31', '44', '32', '33', '51', '42', '37'])}${reshape('0000', random)}`;
  const first17 = `${region}${shifted}${reshape('000', random)}`;
  return `${first17}${idCardCheckChar(first17)}`;
}

function surrogateLuhn(original: string, random: () => number): string {
  const digits = original.replace(/\D/g, '');
  const body = reshape(digits.slice(0, -1), random);
  const full = body + luhnCheckDigit(body);
  let i = 0;
  return original.replace(/\d/g, () => full[i++] as string);
}

export interface SurrogateOptions {
  secret: string;
  scope: string;
  language: TextLanguage;
  dateShiftDays: number;
}

export function makeSurrogate(type: PhiType, original: string, options: SurrogateOptions): string {
  const random = generatorFor(options.secret, options.scope, type, original);
  const zh = /[\u3400-\u9fff]/.test(original) || (options.language === 'zh' && !/[A-Za-z]/.test(original));
  switch (type) {
    case 'NAME':
      if (zh) {
        const givenLength = [...original].length >= 3 ? 2 : 1;
        return pick<string>(random, ZH_SURNAMES) + Array.from({ length: givenLength }, () => pick<string>(random, ZH_GIVEN)).join('');
      }
      return original.includes(' ') ? `${pick(random, EN_FIRST)} ${pick(random, EN_LAST)}` : pick(random, EN_LAST);
    case 'DATE':
      return shiftDate(original, options.dateShiftDays) ?? reshape(original, random);
    case 'AGE':
      // HIPAA Safe Harbor: ages over 89 are aggregated into one category.
      return zh ? '90岁以上' : '90 or older';
    case 'ID_CARD':
      return surrogateIdCard(original, random, options.dateShiftDays);
    case 'BANK_CARD':
      return surrogateLuhn(original, random);
    case 'DEVICE_ID':
      return /^\d{15}$/.test(original) ? surrogateLuhn(original, random) : reshape(original, random);
    case 'PHONE':
      // Keep a mobile recognisably a mobile: 1[3-9] stays, the rest is redrawn.
      return /^(\+?86[-\s]?)?1[3-9]/.test(original)
        ? reshape(original, random, original.search(/1[3-9]/) + 2)
        : reshape(original, random, original.startsWith('+') ? 3 : 0);
    case 'EMAIL':
      return `user${Math.floor(random() * 9000 + 1000)}@example.com`;
    case 'URL':
      return `https://example.org/r/${Math.floor(random() * 900000 + 100000)}`;
    case 'IP':
      // 192.0.2.0/24 is reserved for documentation (RFC 5737).
      return original.includes(':')
        ? `2001:db8::${Math.floor(random() * 65535).toString(16)}`
        : `192.0.2.${Math.floor(random() * 254) + 1}`;
    case 'ADDRESS':
      return zh
        ? `${pick(random, ZH_PLACES)}市${pick(random, ZH_PLACES)}区${pick(random, ZH_PLACES)}路${Math.floor(random() * 300) + 1}号`
        : `${Math.floor(random() * 9000) + 100} ${pick(random, EN_STREETS)} St, Springfield`;
    case 'ORGANIZATION':
      return zh
        ? `${pick(random, ZH_PLACES)}第${Math.floor(random() * 9) + 1}人民医院`
        : `${pick(random, EN_STREETS)} Valley Medical Center`;
    case 'LICENSE_PLATE':
      return pick<string>(random, PLATE_PROVINCES) + reshape(original.slice(1), random);
    case 'PASSPORT':
    case 'SSN':
    case 'MRN':
    case 'INSURANCE':
      return reshape(original, random);
  }
}

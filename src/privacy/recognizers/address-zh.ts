import type { PhiFinding } from '../phi-types.js';
import { createContextMatcher, type PhiRecognizer } from './recognizer.js';

/**
 * Chinese addresses: found from a core — a label (住址：, 家住), a province, a 市…区/县 pair or a
 * road with a door number (花园路88号) — then extended backwards over place-name characters and
 * forwards over address components (区, 镇, 村, 路, 号, 栋, 单元, 室…). HIPAA Safe Harbor treats any
 * geographic subdivision smaller than a state as PHI; a province alone is not flagged.
 */
const NAME = 'zh-address';

const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
const PROVINCE_REGEX = new RegExp(`(?:${PROVINCES})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?`, 'g');
const LABEL_REGEX = /(?:家庭住址|现住址|户籍地址|通讯地址|联系地址|居住地址|住址|地址|家住|现住|居住地|户籍地|现居)\s*[:]?\s*/g;
const STREET_REGEX = /(?:路|大道|大街|街|巷|弄|胡同)\s*\d+\s*号/g;
const ADMIN_PAIR_REGEX = /(?:市|州)[\u4e00-\u9fff]{1,5}?(?:区|县)/g;

/** Place-name characters never include these (they begin the clinical text after an address). */
const NOT_PLACE = '因于的了患病医诊痛疼咳吐泻治疗术查检住岁院在至到往从自来去是为及和与者后前时年月日男女人无有伴';
const PLACE_CHAR = `(?:(?![${NOT_PLACE}])[\\u4e00-\\u9fff])`;
const COMPONENT = new RegExp(
  `(?:${PLACE_CHAR}{1,8}?(?:省|市|自治州|地区|盟|区|县|旗|镇|乡|街道|村|社区|路|大道|大街|街|巷|弄|胡同|里|小区|花园|家园|公寓|大厦|广场|新村|苑|园|庄|屯|组)` +
    '|[A-Za-z]?\\d+(?:-\\d+)*\\s*(?:号院|号楼|号|栋|幢|座|单元|层|楼|室|组|弄)' +
    '|[一二三四五六七八九十]+(?:号楼|号院|栋|幢|单元|层|组|号)|[A-Za-z](?:栋|座|区)|\\d+(?:-\\d+)+)',
  'y',
);
const BACK_STOP = new Set(`${NOT_PLACE}家址居籍贯系位:`);

const context = createContextMatcher({ zh: ['住址', '地址', '家住', '现住', '居住', '户籍', '邮编'], en: ['address'] });

type Core = { start: number; end: number; kind: 'label' | 'province' | 'street' | 'admin' };
const SCORE = { label: 0.9, street: 0.85, admin: 0.8, province: 0.8 } as const;

export const zhAddressRecognizer: PhiRecognizer = {
  name: NAME,
  types: ['ADDRESS'],
  languages: ['zh'],
  recognize(text) {
    const cores: Core[] = [];
    for (const m of text.matchAll(LABEL_REGEX)) cores.push({ start: m.index + m[0].length, end: m.index + m[0].length, kind: 'label' });
    for (const m of text.matchAll(PROVINCE_REGEX)) cores.push({ start: m.index, end: m.index + m[0].length, kind: 'province' });
    for (const m of text.matchAll(STREET_REGEX))
      cores.push({ start: extendBack(text, m.index), end: m.index + m[0].length, kind: 'street' });
    for (const m of text.matchAll(ADMIN_PAIR_REGEX))
      cores.push({ start: extendBack(text, m.index), end: m.index + m[0].length, kind: 'admin' });

    const findings: PhiFinding[] = [];
    for (const core of cores) {
      const { end, components } = extendForward(text, core.end);
      const enough = core.kind === 'street' || core.kind === 'admin' || components > 0;
      if (!enough || end <= core.start) continue;
      const words = core.kind === 'label' ? [] : context.find(text, core.start, end);
      const score = Math.min(1, SCORE[core.kind] + (words.length ? 0.1 : 0));
      findings.push({ type: 'ADDRESS', start: core.start, end, score, recognizer: NAME, pattern: core.kind, context: words });
    }
    return findings;
  },
};

function extendBack(text: string, from: number): number {
  let start = from;
  while (start > 0 && from - start < 16) {
    const code = text.charCodeAt(start - 1);
    if (code < 0x4e00 || code > 0x9fff || BACK_STOP.has(text.charAt(start - 1))) break;
    start--;
  }
  return start;
}

function extendForward(text: string, from: number): { end: number; components: number } {
  let end = from;
  let components = 0;
  for (;;) {
    COMPONENT.lastIndex = end;
    const m = COMPONENT.exec(text);
    if (!m || m[0].length === 0) return { end, components };
    end += m[0].length;
    components++;
  }
}

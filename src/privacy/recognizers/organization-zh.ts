import type { PhiFinding } from '../phi-types.js';
import type { PhiRecognizer } from './recognizer.js';

/**
 * Chinese hospital and organisation names: a suffix (医院, 卫生院, 诊所, 社区卫生服务中心, 疾控中心,
 * 公司…) and the name before it, read backwards up to a function word (在, 于, 转至…). Generic
 * references — 我院, 外院, 当地医院, 上级医院, 社区卫生服务中心 alone — name no one and are skipped.
 */
const NAME = 'zh-organization';

const SUFFIX_REGEX =
  /(?:社区卫生服务中心|社区卫生服务站|卫生服务中心|疾病预防控制中心|疾控中心|妇幼保健院|妇幼保健所|保健院|卫生院|卫生室|医院|诊所|医疗中心|医学中心|门诊部|体检中心|急救中心|血站|大药房|药房|股份有限公司|有限责任公司|有限公司|公司|集团)/g;
const STOP = new Set('在于到至从去经由转往赴入住及与的是为来送收就曾、,.;:()（）我本该外其此这那某 \n\t');
const GENERIC = new Set(
  '当地 上级 下级 基层 综合 专科 三甲 二甲 三级 二级 一级 定点 附近 其他 各级 区级 县级 市级 省级 私立 公立 就近 一家 多家 大 小 民营 中医 西医 精神病 传染病 儿童 妇产 肿瘤 乡镇 社区 镇 乡 县 市 区 省 村 私人 个体 保险 医药 外地 本地 同一 另一 多个 各大 大型 小型 专业 知名 正规 同级 上述 下属 附属 合作 医疗 卫生 有关 相关 涉事 乡村 人民 第一 第二 第三 第四 第五 第六 中心 红十字会 妇幼 职工 康复 口腔 眼科 骨科 胸科 妇女儿童 传染 结核病 精神卫生 总'.split(
    ' ',
  ),
);
const MAX_NAME = 20;

export const zhOrganizationRecognizer: PhiRecognizer = {
  name: NAME,
  types: ['ORGANIZATION'],
  languages: ['zh'],
  recognize(text) {
    const findings: PhiFinding[] = [];
    for (const m of text.matchAll(SUFFIX_REGEX)) {
      let start = m.index;
      while (start > 0 && m.index - start < MAX_NAME && !STOP.has(text.charAt(start - 1))) start--;
      // The name before the suffix may open with a date or an amount ("2023年3月北京医院"): cut to after the last digit run followed by 年/月/日.
      const prefix = text.slice(start, m.index);
      const afterDate = prefix.search(/[^年月日号]*$/);
      const cut = /\d\s*[年月日号]/.test(prefix) ? afterDate : 0;
      const name = prefix.slice(cut);
      if (!isSpecific(name)) continue;
      findings.push({
        type: 'ORGANIZATION',
        start: start + cut,
        end: m.index + m[0].length,
        score: 0.85,
        recognizer: NAME,
        pattern: m[0],
        context: [],
      });
    }
    return findings;
  },
};

function isSpecific(name: string): boolean {
  if (/^\d{2,4}$/.test(name)) return true; // 301医院, 解放军总医院 numbers
  if (name.length < 2) return false;
  let rest = name;
  // Strip generic words from either end; what remains must be a real name.
  for (let changed = true; changed && rest.length > 0; ) {
    changed = false;
    for (const word of GENERIC) {
      if (rest.startsWith(word)) {
        rest = rest.slice(word.length);
        changed = true;
      } else if (rest.endsWith(word)) {
        rest = rest.slice(0, rest.length - word.length);
        changed = true;
      }
    }
  }
  return rest.length >= 2;
}

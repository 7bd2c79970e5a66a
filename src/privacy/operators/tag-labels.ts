import type { PhiType, TextLanguage } from '../phi-types.js';

/** Labels for type tags: `[姓名-1]` in Chinese text, `[NAME-1]` in English. */
export const TAG_LABELS: Record<PhiType, Record<TextLanguage, string>> = {
  NAME: { zh: '姓名', en: 'NAME' },
  DATE: { zh: '日期', en: 'DATE' },
  AGE: { zh: '年龄', en: 'AGE' },
  PHONE: { zh: '电话', en: 'PHONE' },
  ID_CARD: { zh: '身份证号', en: 'ID_CARD' },
  PASSPORT: { zh: '护照号', en: 'PASSPORT' },
  SSN: { zh: '社保号', en: 'SSN' },
  MRN: { zh: '病历号', en: 'MRN' },
  ADDRESS: { zh: '地址', en: 'ADDRESS' },
  EMAIL: { zh: '邮箱', en: 'EMAIL' },
  URL: { zh: '网址', en: 'URL' },
  IP: { zh: 'IP地址', en: 'IP' },
  ORGANIZATION: { zh: '机构', en: 'ORGANIZATION' },
  BANK_CARD: { zh: '银行卡号', en: 'BANK_CARD' },
  INSURANCE: { zh: '医保号', en: 'INSURANCE' },
  LICENSE_PLATE: { zh: '车牌号', en: 'LICENSE_PLATE' },
  DEVICE_ID: { zh: '设备号', en: 'DEVICE_ID' },
};

/** Chinese if a fair share of the letters are CJK. */
export function languageOf(text: string): TextLanguage {
  // A counting loop: this runs on every de-identified text, and match() would allocate per letter.
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) cjk++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return cjk > 0 && cjk * 3 >= latin ? 'zh' : 'en';
}

import { createPatternRecognizer } from './recognizer.js';

/**
 * Medical record, admission, outpatient and account numbers. Their formats are the hospital's own,
 * so only a label finds them: 住院号：A123456, MRN: 00123456, Acct #1234567. The value is 5-15
 * letters and digits with at least one digit.
 */
const ZH_LABELS =
  '住院病历号|门诊病历号|住院号|门诊号|急诊号|病案号|病历号|病案首页号|患者ID|病人ID|ID号|登记号|就诊号|就诊卡号|诊疗卡号|健康卡号|检查号|影像号|放射号|病理号|标本号|申请单号|流水号|住院登记号';
const EN_LABELS =
  '[Mm]edical [Rr]ecord (?:[Nn]umber|[Nn]o\\.?|#)|MRN|MR#|MR [Nn]o\\.?|[Mm]ed [Rr]ec [Nn]o\\.?|[Cc]hart (?:[Nn]umber|[Nn]o\\.?|#)|[Pp]atient ID|[Pp]t ID|[Hh]ospital (?:[Nn]umber|[Nn]o\\.?)|[Aa]dmission (?:[Nn]umber|[Nn]o\\.?|ID)|[Ee]ncounter (?:[Nn]umber|[Nn]o\\.?|ID)|[Vv]isit (?:[Nn]umber|[Nn]o\\.?|ID)|[Aa]ccession(?: (?:[Nn]umber|[Nn]o\\.?)|\\s?#|(?=\\s*:))|[Aa]ccount (?:[Nn]umber|[Nn]o\\.?|#)|Acct\\.?(?: ?(?:[Nn]o\\.?|#|[Nn]umber))?|ACCT|[Cc]ase (?:[Nn]umber|[Nn]o\\.?)|FIN';
const VALUE = '(?<v>[A-Za-z0-9](?:[A-Za-z0-9-]{3,18})[A-Za-z0-9])(?![A-Za-z0-9])';

function isRecordNumber(value: string): boolean {
  const alnum = value.replace(/-/g, '');
  return alnum.length >= 5 && alnum.length <= 15 && /\d/.test(alnum);
}

export const medicalRecordNumberRecognizer = createPatternRecognizer({
  name: 'medical-record-number',
  languages: ['zh', 'en'],
  patterns: [
    {
      name: 'zh-labelled-record-number',
      type: 'MRN',
      regex: new RegExp(`(?:${ZH_LABELS})(?:码)?\\s*(?:[:#]|为|是)?\\s*${VALUE}`, 'dg'),
      group: 'v',
      score: 0.9,
      validate: isRecordNumber,
    },
    {
      name: 'en-labelled-record-number',
      type: 'MRN',
      regex: new RegExp(`\\b(?:${EN_LABELS})\\s*(?:[:#]|is)?\\s*${VALUE}`, 'dg'),
      group: 'v',
      score: 0.9,
      validate: isRecordNumber,
    },
  ],
});

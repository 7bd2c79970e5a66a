import { createPatternRecognizer } from './recognizer.js';

/**
 * Health-plan beneficiary and insurance numbers (HIPAA identifier (I)): 医保卡号, 社保卡号,
 * policy numbers, member IDs, Medicare numbers. Formats vary by insurer, so a label is required.
 */
const ZH_LABELS =
  '医保卡号|医保号|医保编号|医保账号|社保卡号|社保号|社保编号|社会保障卡号|社会保障号|医疗保险号|医疗保险卡号|参保号|参保人编号|新农合号|合作医疗证号|保单号|保险单号|保险卡号';
const EN_LABELS =
  '[Pp]olicy (?:[Nn]umber|[Nn]o\\.?|#|ID)|[Mm]ember (?:ID|[Nn]umber|[Nn]o\\.?|#)|[Ss]ubscriber (?:ID|[Nn]umber|[Nn]o\\.?)|[Ii]nsurance (?:ID|[Nn]umber|[Nn]o\\.?|#)|[Gg]roup (?:[Nn]umber|[Nn]o\\.?|#)|Medicare (?:ID|[Nn]umber|[Nn]o\\.?|#)|Medicaid (?:ID|[Nn]umber|[Nn]o\\.?|#)|[Hh]ealth [Pp]lan (?:ID|[Nn]umber)|[Bb]eneficiary (?:ID|[Nn]umber)|HICN|MBI';
const VALUE = '(?<v>[A-Za-z0-9](?:[A-Za-z0-9-]{4,22})[A-Za-z0-9])(?![A-Za-z0-9])';

function isInsuranceNumber(value: string): boolean {
  const alnum = value.replace(/-/g, '');
  return alnum.length >= 6 && alnum.length <= 20 && /\d/.test(alnum);
}

export const insuranceNumberRecognizer = createPatternRecognizer({
  name: 'insurance-number',
  languages: ['zh', 'en'],
  patterns: [
    {
      name: 'zh-labelled-insurance',
      type: 'INSURANCE',
      regex: new RegExp(`(?:${ZH_LABELS})(?:码)?\\s*(?:[:#]|为|是)?\\s*${VALUE}`, 'dg'),
      group: 'v',
      score: 0.9,
      validate: isInsuranceNumber,
    },
    {
      name: 'en-labelled-insurance',
      type: 'INSURANCE',
      regex: new RegExp(`\\b(?:${EN_LABELS})\\s*(?:[:#]|is)?\\s*${VALUE}`, 'dg'),
      group: 'v',
      score: 0.9,
      validate: isInsuranceNumber,
    },
  ],
});

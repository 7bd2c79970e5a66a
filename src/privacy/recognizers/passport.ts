import { createPatternRecognizer } from './recognizer.js';

/**
 * Passport and travel-permit numbers. Chinese ordinary passports are E or G followed by eight
 * digits (or E, a letter and seven digits since 2019); other countries' formats are too generic
 * to match without a label such as 护照号 or "Passport No.".
 */
export const passportRecognizer = createPatternRecognizer({
  name: 'passport',
  languages: ['zh', 'en'],
  patterns: [
    { name: 'cn-passport', type: 'PASSPORT', regex: /(?<![\dA-Za-z])(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7})(?![\dA-Za-z])/g, score: 0.55 },
    { name: 'cn-travel-permit', type: 'PASSPORT', regex: /(?<![\dA-Za-z])[CHM]\d{8,10}(?![\dA-Za-z])/g, score: 0 },
    {
      name: 'labelled-passport',
      type: 'PASSPORT',
      regex:
        /(?:护照号码|护照号|护照|通行证号码|通行证号|[Pp]assport(?:\s*(?:[Nn]o\.?|[Nn]umber|#))?)\s*[:#]?\s*(?<v>[A-Z]{0,2}\d{6,9})(?![\dA-Za-z])/dg,
      group: 'v',
      score: 0.9,
    },
  ],
  context: { zh: ['护照', '通行证', '港澳', '出入境'], en: ['passport', 'travel document'] },
});

import { isCalendarDate, isIdCardChecksumValid } from '../checksums.js';
import { createPatternRecognizer } from './recognizer.js';

/**
 * 居民身份证号码 (GB 11643-1999): 18 characters — a 6-digit region code, the birth date
 * YYYYMMDD, a 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X). A passing
 * checksum scores 1; a failing one scores low, under the default threshold, unless a context word
 * (身份证号…) stands beside it — then it is most likely a mistyped identifier and is flagged. The 15-digit numbers issued before
 * 1999 (YYMMDD, no check digit) are accepted when their date is real.
 */
const FAILED_CHECKSUM_SCORE = 0.3;

function validate18(value: string): number | false {
  const y = Number(value.slice(6, 10));
  if (!isCalendarDate(y, Number(value.slice(10, 12)), Number(value.slice(12, 14)))) return false;
  return isIdCardChecksumValid(value) ? 1 : FAILED_CHECKSUM_SCORE;
}

function validate15(value: string): boolean {
  return isCalendarDate(1900 + Number(value.slice(6, 8)), Number(value.slice(8, 10)), Number(value.slice(10, 12)));
}

export const idCardRecognizer = createPatternRecognizer({
  name: 'cn-id-card',
  languages: ['zh', 'en'],
  patterns: [
    {
      name: 'id-card-18',
      type: 'ID_CARD',
      regex: /(?<![\dA-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g,
      score: 0.5,
      validate: validate18,
    },
    {
      name: 'id-card-15',
      type: 'ID_CARD',
      regex: /(?<![\dA-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![\dA-Za-z])/g,
      score: 0.4,
      validate: validate15,
    },
  ],
  context: {
    zh: ['身份证', '身份证号', '证件号', '公民身份号码', '身份号码'],
    en: ['id card', 'resident identity', 'national id', 'citizen id'],
  },
});

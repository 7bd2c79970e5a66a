import { isLuhnValid } from '../checksums.js';
import { createPatternRecognizer } from './recognizer.js';

/**
 * Payment card numbers: 13-19 digits, optionally in groups, that pass the Luhn check (ISO/IEC
 * 7812-1). A random digit string passes one time in ten, so a number with a known issuer prefix
 * scores higher and a context word (卡号, 银行卡, card) is needed for a confident finding.
 */
const ISSUER_PREFIX = /^(?:4|5[1-5]|2[2-7]|3[47]|6011|65|62|35|30[0-5]|36|38)/;

function validateCard(value: string): number | boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 13 || digits.length > 19 || !isLuhnValid(digits)) return false;
  return ISSUER_PREFIX.test(digits) ? true : 0.4;
}

export const bankCardRecognizer = createPatternRecognizer({
  name: 'bank-card',
  languages: ['zh', 'en'],
  patterns: [
    {
      name: 'card-grouped',
      type: 'BANK_CARD',
      regex: /(?<![\d-])\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?(?![\d-])/g,
      score: 0.6,
      contextScore: 1,
      validate: validateCard,
    },
    {
      name: 'card-digits',
      type: 'BANK_CARD',
      regex: /(?<![\d-])\d{13,19}(?![\d-])/g,
      score: 0.45,
      contextScore: 0.95,
      validate: validateCard,
    },
  ],
  context: {
    zh: ['卡号', '银行卡', '信用卡', '借记卡', '储蓄卡', '银联', '开户行', '账号', '账户'],
    en: ['card', 'credit card', 'debit card', 'visa', 'mastercard', 'amex', 'card number', 'cc'],
  },
});

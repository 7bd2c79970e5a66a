import { createPatternRecognizer } from './recognizer.js';

/**
 * Telephone and fax numbers: China mobile (1[3-9] + 9 digits, MIIT numbering plan) with an
 * optional +86, China landlines with their area code (010, 0755…), North American numbers written
 * with separators, and other international numbers starting with +.
 */
export const phoneRecognizer = createPatternRecognizer({
  name: 'phone',
  languages: ['zh', 'en'],
  patterns: [
    { name: 'cn-mobile', type: 'PHONE', regex: /(?<![\dA-Za-z])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![\d])/g, score: 0.75 },
    {
      name: 'cn-landline',
      type: 'PHONE',
      regex: /(?<![\d])(?:\(0\d{2,3}\)\s?|0(?:10|2\d|[3-9]\d{2})[\s-])[2-9]\d{2,3}[\s-]?\d{4}(?:[-转]\d{1,5})?(?![\d])/g,
      score: 0.7,
    },
    { name: 'cn-landline-bare', type: 'PHONE', regex: /(?<![\d.])0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}(?![\d.])/g, score: 0.4 },
    {
      name: 'us-phone',
      type: 'PHONE',
      regex: /(?<![\d])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\d])/g,
      score: 0.7,
    },
    {
      name: 'us-phone-spaced',
      type: 'PHONE',
      regex: /(?<![\w+])\+1[\s.-]?\d{3}[\s.-]\d{3}[\s.-]\d{4}(?![\d])/g,
      score: 0.75,
      requires: ['+1'],
    },
    {
      name: 'international',
      type: 'PHONE',
      regex: /(?<![\w+])\+(?!86|1\b)[1-9]\d{0,2}[\s-]?(?:\(\d{1,4}\)[\s-]?)?\d{1,4}(?:[\s-]?\d{2,4}){1,4}(?![\d])/g,
      score: 0.65,
      requires: ['+'],
      validate: digitCount(8, 15),
    },
    { name: 'context-digits', type: 'PHONE', regex: /(?<![\d.])\d{7,8}(?![\d.])/g, score: 0, contextScore: 0.6 },
  ],
  context: {
    zh: ['电话', '手机', '联系电话', '联系方式', '手机号', '座机', '电话号码', '传真', '联系人', '家属电话'],
    en: ['phone', 'tel', 'telephone', 'mobile', 'cell', 'fax', 'contact', 'call', 'ph'],
  },
});

function digitCount(min: number, max: number): (value: string) => boolean {
  return (value) => {
    const n = value.replace(/\D/g, '').length;
    return n >= min && n <= max;
  };
}

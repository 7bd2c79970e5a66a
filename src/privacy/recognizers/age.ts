import { createPatternRecognizer } from './recognizer.js';

/**
 * Ages of 90 and over, which HIPAA Safe Harbor requires to be aggregated (45 CFR
 * 164.514(b)(2)(i)(C)); younger ages are not identifiers and are left alone.
 */
const MIN_AGE = 90;
const MAX_AGE = 130;

function isOldAge(value: string): boolean {
  const age = Number(value.match(/\d+/)?.[0] ?? 0);
  return age >= MIN_AGE && age <= MAX_AGE;
}

export const ageRecognizer = createPatternRecognizer({
  name: 'age-over-89',
  languages: ['zh', 'en'],
  patterns: [
    { name: 'zh-age-sui', type: 'AGE', regex: /(?<![\d.])\d{2,3}\s*(?:周岁|岁)(?!\s*[-~至到]\s*\d)/g, score: 0.9, validate: isOldAge },
    { name: 'zh-age-label', type: 'AGE', regex: /年龄\s*[:]?\s*(?<v>\d{2,3})(?![\d.])/dg, group: 'v', score: 0.95, validate: isOldAge },
    { name: 'en-year-old', type: 'AGE', regex: /\b\d{2,3}[- ]?(?:years?|yrs?)[- ]?old\b/gi, score: 0.9, validate: isOldAge },
    { name: 'en-yo', type: 'AGE', regex: /\b\d{2,3}\s*(?:y\/o|y\.o\.?|yo|y)(?![A-Za-z])/gi, score: 0.85, validate: isOldAge },
    {
      name: 'en-age-label',
      type: 'AGE',
      regex: /\b(?:aged?|age:)\s*:?\s*(?<v>\d{2,3})\b(?!\.\d)/dgi,
      group: 'v',
      score: 0.9,
      validate: isOldAge,
    },
    { name: 'en-age-sex', type: 'AGE', regex: /\b\d{2,3}(?:M|F|yo ?[MF])\b/g, score: 0.8, validate: isOldAge },
  ],
});

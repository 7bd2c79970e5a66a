import { createPatternRecognizer } from './recognizer.js';

/**
 * US Social Security numbers. Area 000, 666 and 900-999, group 00 and serial 0000 are never
 * issued (SSA, "Social Security Number Randomization", 2011); 078-05-1120 and 219-09-9999 were
 * printed in advertising and are invalid too. Without dashes nine digits need a context word.
 */
const ADVERTISED = new Set(['078051120', '219099999', '123456789']);

function isIssuable(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  return !ADVERTISED.has(digits) && !/^(\d)\1{8}$/.test(digits);
}

export const ssnRecognizer = createPatternRecognizer({
  name: 'us-ssn',
  languages: ['en', 'zh'],
  patterns: [
    { name: 'ssn-dashed', type: 'SSN', regex: /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g, score: 0.6, validate: isIssuable },
    { name: 'ssn-digits', type: 'SSN', regex: /(?<![\d-])\d{9}(?![\d-])/g, score: 0, contextScore: 0.75, validate: isIssuable },
  ],
  context: { en: ['ssn', 'social security', 'social security number', 'ss#', 'ss #'], zh: ['社会安全号', '社会保障号码'] },
});

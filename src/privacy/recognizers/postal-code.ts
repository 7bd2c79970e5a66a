import { createPatternRecognizer } from './recognizer.js';

/** ZIP codes and Chinese postal codes (邮编), only right after their label: five or six digits alone are anything. */
export const postalCodeRecognizer = createPatternRecognizer({
  name: 'postal-code',
  languages: ['zh', 'en'],
  patterns: [
    { name: 'zip-code', type: 'ADDRESS', regex: /(?<![\d-])\d{5}(?:-\d{4})?(?![\d-])/g, score: 0, contextScore: 0.6 },
    { name: 'cn-postal-code', type: 'ADDRESS', regex: /(?<!\d)\d{6}(?!\d)/g, score: 0, contextScore: 0.6 },
  ],
  context: { zh: ['邮编', '邮政编码'], en: ['zip', 'zip code', 'postal code', 'postcode'] },
  contextWindow: { before: 16, after: 0 },
});

import { createPatternRecognizer } from './recognizer.js';

/** Email addresses (RFC 5322's common subset: dot-atom local part, dotted domain). */
export const emailRecognizer = createPatternRecognizer({
  name: 'email',
  languages: ['zh', 'en'],
  patterns: [
    {
      name: 'email',
      type: 'EMAIL',
      regex:
        /(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g,
      score: 0.95,
      requires: ['@'],
    },
  ],
});

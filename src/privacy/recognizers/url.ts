import { createPatternRecognizer } from './recognizer.js';

/** Web addresses (HIPAA identifier (N)): with a scheme, or starting www. Trailing punctuation is left out. */
export const urlRecognizer = createPatternRecognizer({
  name: 'url',
  languages: ['zh', 'en'],
  patterns: [
    {
      name: 'url-with-scheme',
      type: 'URL',
      regex: /\b(?:https?|ftp):\/\/[^\s<>"'\u3000-\u9fff\uff00-\uffef]+[^\s<>"'.,;:!?)\]}\u3000-\u9fff\uff00-\uffef]/gi,
      score: 0.9,
      requires: ['://'],
    },
    {
      name: 'url-www',
      type: 'URL',
      regex:
        /(?<![\w./@-])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[^\s<>"'\u3000-\u9fff\uff00-\uffef]*[^\s<>"'.,;:!?)\]}\u3000-\u9fff\uff00-\uffef])?/gi,
      score: 0.85,
      requires: ['www.', 'WWW.'],
    },
  ],
});

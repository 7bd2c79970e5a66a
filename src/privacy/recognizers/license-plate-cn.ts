import { createPatternRecognizer } from './recognizer.js';

/**
 * Chinese vehicle licence plates (GA 36-2018): a province abbreviation, the issuing authority's
 * letter (I and O are not used), then five characters — or six for new-energy vehicles, with D/F
 * first (small cars) or last (large vehicles).
 */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const LETTER = '[A-HJ-NP-Z]';
const ALNUM = '[A-HJ-NP-Z0-9]';

export const licensePlateRecognizer = createPatternRecognizer({
  name: 'cn-license-plate',
  languages: ['zh', 'en'],
  patterns: [
    {
      name: 'new-energy-plate',
      type: 'LICENSE_PLATE',
      regex: new RegExp(`[${PROVINCES}]${LETTER}[·・.\\s]?(?:[DF]${ALNUM}\\d{4}|\\d{5}[DF])(?![A-Za-z0-9])`, 'g'),
      score: 0.9,
    },
    {
      name: 'plate',
      type: 'LICENSE_PLATE',
      regex: new RegExp(`[${PROVINCES}]${LETTER}[·・.\\s]?${ALNUM}{4}[A-HJ-NP-Z0-9挂学警港澳](?![A-Za-z0-9])`, 'g'),
      score: 0.85,
      validate: (value) => /\d/.test(value.slice(2)),
    },
    {
      name: 'labelled-plate',
      type: 'LICENSE_PLATE',
      regex:
        /\b(?:[Ll]icen[cs]e [Pp]late|[Pp]late|[Tt]ag)(?: (?:[Nn]o\.?|[Nn]umber|#))?[ \t]*:?[ \t]*(?<v>[A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5})(?![A-Za-z0-9])/dg,
      group: 'v',
      score: 0.8,
      validate: (value) => /\d/.test(value) && /[A-Z]/.test(value),
    },
  ],
  context: { zh: ['车牌', '车牌号', '车辆', '驾驶'], en: ['plate', 'license plate', 'vehicle'] },
});

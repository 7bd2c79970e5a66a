import { createPatternRecognizer } from './recognizer.js';

/**
 * English addresses: a house number, street name and suffix (USPS Publication 28 abbreviations),
 * with an optional unit and "City, ST 12345"; "City, ST 12345" alone; PO boxes.
 */
const SUFFIX =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Alley|Plaza|Crescent|Close)';
const STATES =
  '(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR)';
const CITY_STATE_ZIP = `[A-Z][a-z]+(?:[ \\t]+[A-Z][a-z]+){0,2},[ \\t]*${STATES}[ \\t]+\\d{5}(?:-\\d{4})?`;
const UNIT = '(?:,?[ \\t]*(?:Apt|Apartment|Suite|Ste|Unit|Rm|Room|Fl|Floor|#)\\.?[ \\t]*#?[A-Za-z0-9-]+)?';
const STREET = `\\b\\d{1,6}(?:-\\d{1,4})?[ \\t]+(?:[NSEW]\\.?[ \\t]+)?(?:(?:[A-Z][a-z]+|\\d{1,3}(?:st|nd|rd|th))\\.?[ \\t]+){1,4}${SUFFIX}\\b\\.?${UNIT}(?:,[ \\t]*${CITY_STATE_ZIP})?`;

export const enAddressRecognizer = createPatternRecognizer({
  name: 'en-address',
  languages: ['en'],
  patterns: [
    { name: 'street-address', type: 'ADDRESS', regex: new RegExp(STREET, 'g'), score: 0.85 },
    { name: 'city-state-zip', type: 'ADDRESS', regex: new RegExp(`\\b${CITY_STATE_ZIP}\\b`, 'g'), score: 0.8 },
    { name: 'po-box', type: 'ADDRESS', regex: /\bP\.?[ \t]?O\.?[ \t]+Box[ \t]+\d{1,6}\b/gi, score: 0.8 },
  ],
});

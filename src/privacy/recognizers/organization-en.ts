import type { PhiFinding } from '../phi-types.js';
import type { PhiRecognizer } from './recognizer.js';

/**
 * English organisation names ending in Hospital, Medical Center, Clinic, Health System, Inc.…,
 * read backwards over capitalised words (and "of", "the", "&" between them) and forwards over an
 * "of …" tail (Hospital of the University of Pennsylvania). A name made only of generic words
 * (General Hospital, the Clinic) is skipped.
 */
const NAME = 'en-organization';

const SUFFIX_REGEX =
  /\b(?:Hospital|Medical Center|Medical Centre|Health Center|Health Centre|Health System|Healthcare|Health Care|Clinic|Infirmary|Hospice|Nursing Home|Rehabilitation Center|Cancer Center|Family Practice|Practice|Associates|Partners|Medical Group|Group|Pharmacy|Laborator(?:y|ies)|Credit Union|Bank|Foundation|Institute|Health|Inc\.?|LLC|Ltd\.?|Corp\.?|Corporation|Company|University)(?![A-Za-z])/g;
const WORD_BEFORE = /(St\.|[A-Z][A-Za-z'’&.-]*|of|the|and|&)[ \t]+$/;
const OF_TAIL = /^[ \t]+of(?:[ \t]+the)?(?:[ \t]+[A-Z][A-Za-z'’-]+)+/;
const GENERIC = new Set(
  "General Community Regional County City State Children's Childrens Women's Womens Memorial Medical University Teaching Local Private Public Psychiatric Veterans The A An Our Your This That Same Outside Other Nearest Nearby Referring Receiving Home Health Care Primary Urgent Walk-in Outpatient Inpatient Specialty Dental Eye Cancer Rehabilitation Mental Occupational Family Group Practice Partners Associates Pharmacy Laboratory Laboratories Bank Foundation Institute Blood Health of the and & St. Saint Hospital Clinic Center Centre".split(
    ' ',
  ),
);
/** Words that open sentences, not names: "Admitted To Mercy Hospital" stops at Mercy. */
const NOT_NAME = new Set(
  'The A An At To From In On By For With Admitted Seen Transferred Discharged Referred Patient Presented Followed Per Via And Or'.split(
    ' ',
  ),
);
const MAX_WORDS = 6;
/** An employer named after "works at" is an organisation whatever its suffix (Summit Logistics). */
const EMPLOYER_REGEX =
  /\b(?:works? (?:at|for)|worked (?:at|for)|employed (?:at|by)|[Ee]mployer:?|retired from)[ \t]+(?<v>[A-Z][A-Za-z&'’-]*(?:[ \t]+[A-Z][A-Za-z&'’-]*){0,4})/dg;
const CONNECTOR = /^(?:of|the|and|&)$/;

export const enOrganizationRecognizer: PhiRecognizer = {
  name: NAME,
  types: ['ORGANIZATION'],
  languages: ['en'],
  recognize(text) {
    const findings: PhiFinding[] = [];
    for (const m of text.matchAll(SUFFIX_REGEX)) {
      const before = wordsBefore(text, m.index);
      while (before[0] && CONNECTOR.test(before[0].word)) before.shift();
      const start = before[0]?.start ?? m.index;
      const words = before.map((w) => w.word);
      let end = m.index + m[0].length;
      const tail = OF_TAIL.exec(text.slice(end, end + 80));
      if (tail) {
        end += tail[0].length;
        words.push(...tail[0].trim().split(/[ \t]+/));
      }
      if (!words.some((w) => !GENERIC.has(w))) continue;
      findings.push({ type: 'ORGANIZATION', start, end, score: 0.8, recognizer: NAME, pattern: m[0], context: [] });
    }
    for (const m of text.matchAll(EMPLOYER_REGEX)) {
      const span = m.indices?.groups?.['v'];
      if (span && !NOT_NAME.has(text.slice(span[0], span[1]).split(/\s/)[0] ?? '')) {
        findings.push({
          type: 'ORGANIZATION',
          start: span[0],
          end: span[1],
          score: 0.75,
          recognizer: NAME,
          pattern: 'employer',
          context: [],
        });
      }
    }
    return findings;
  },
};

/** Up to six name words right before `end`, each with its start. */
function wordsBefore(text: string, end: number): { word: string; start: number }[] {
  const words: { word: string; start: number }[] = [];
  let cursor = end;
  for (let n = 0; n < MAX_WORDS; n++) {
    const slice = text.slice(Math.max(0, cursor - 40), cursor);
    const before = WORD_BEFORE.exec(slice);
    const word = before?.[1];
    if (!before || !word || NOT_NAME.has(word)) break;
    const start = cursor - slice.length + before.index;
    if (start > 0 && /[A-Za-z0-9'’.-]/.test(text.charAt(start - 1))) break;
    words.unshift({ word, start });
    cursor = start;
  }
  return words;
}

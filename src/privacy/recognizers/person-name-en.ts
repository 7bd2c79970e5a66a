import eponymData from '../data/en-eponyms.json' with { type: 'json' };
import firstNameData from '../data/en-first-names.json' with { type: 'json' };
import surnameData from '../data/en-surnames.json' with { type: 'json' };
import type { PhiFinding } from '../phi-types.js';
import { alternation, createContextMatcher, type PhiRecognizer } from './recognizer.js';

/**
 * English person names: after a title (Dr. Smith → Smith), as the value of a label (Patient: John
 * Smith), after a phrase such as "seen by", and a common given name followed by a capitalised
 * word (John Smith). Given names that are also words (Will, May, Bell, Grace) count only after a
 * title or a label, and a name followed by "disease", "syndrome", "catheter"… is an eponym.
 */
const NAME = 'en-person-name';

const FIRST = new Set(firstNameData.first);
const AMBIGUOUS = new Set(firstNameData.ambiguous);
const SURNAMES = new Set(surnameData.surnames);
const EPONYMS = new Set(eponymData.names);

/** Capitalised words that start sentences and headings in notes but are never names. */
const NOT_NAMES = new Set(
  `The A An This That These Those He She It They We I You His Her Hers Their Our Its On In At To For With From By Of And Or But Nor No Not Yes
  If When While After Before During Since Until Per Via As Is Was Were Be Been Has Had Have Will Would Should Could Can May Might Must Did Does
  Patient Pt History Physical Exam Examination Assessment Plan Diagnosis Diagnoses Chief Complaint Hospital Clinic Medical Center Department Unit Room Bed
  Date Time Age Sex Male Female Name Phone Address Admitted Discharged Admission Discharge Seen Denies Reports Presents Follow Up Call Today Tomorrow Yesterday
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December Status Post
  Type Stage Grade Left Right Bilateral Normal Abnormal Positive Negative Blood Pressure Heart Rate Lab Labs Results Impression Findings Note Notes Signed
  Dictated Attending Resident Nurse Physician Doctor Surgeon Emergency Medicine Internal Family General Surgery Pediatrics Cardiology Neurology Oncology
  Radiology Pathology Pharmacy Social Work Case Management Home Health Care Primary Team Service Consult Consultation Review Systems Allergies Medications
  Vitals Vital Signs Labs Imaging Procedure Procedures Operative Operation Report Summary Course Instructions Disposition Condition Stable Good Fair Poor
  Mr Mrs Ms Dr Prof Miss Sir Madam Dear Hello Thanks Thank Please Regards Sincerely Contact Information Insurance Policy Member Group Account Number
  Street Road Avenue Drive Lane Suite Apt Floor Building City State County Country Zip Code Email Fax Tel Mobile Cell Home Work Office Other None Unknown
  New Old Acute Chronic Severe Mild Moderate Recent Prior Previous Current Daily Weekly Monthly Annual Initial Final First Second Third Last Next Total
  Sure Well Okay Ok Yeah Yep Yup Nope Hi Hey Um Uh Umm Uhm Hmm Mm Oh So Alright Right Actually Basically Honestly Maybe Probably Just Really
  Fine Great Absolutely Definitely Exactly Correct Sorry Excuse Let Like Also Then Now Well Anyway Because Though Although Usually Sometimes`
    .split(/\s+/)
    .filter(Boolean),
);

const TOKEN = "(?:Mc|Mac|O'|D')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?";
const CAPS_TOKEN = "[A-Z][A-Za-z'’-]+";
const TITLE_REGEX = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Doctor|Nurse|Sister)\.?[ \t]+/g;
const NAME_AFTER_TITLE = new RegExp(`${TOKEN}(?:[ \\t]+(?:[A-Z]\\.?[ \\t]+)?${TOKEN})?`, 'y');
const LABELS = [
  "patient's full name",
  "patient's name",
  'patient full name',
  'patient name',
  'patient',
  'pt',
  'name',
  'full name',
  'next of kin',
  'nok',
  'emergency contact',
  'contact person',
  'contact',
  'guardian',
  'spouse',
  'husband',
  'wife',
  'son',
  'daughter',
  'mother',
  'father',
  'attending physician',
  'attending',
  'physician',
  'surgeon',
  'nurse',
  'resident',
  'referring physician',
  'signed',
  'signature',
  'provider',
  'informant',
  'caregiver',
  'interpreter',
  'witness',
];
const PHRASES = ['patient', 'pt', 'named', 'spoke with', 'discussed with'];
/** Kin words: a capitalised word right after one is a name (daughter O'Brien). */
const KIN = [
  'husband',
  'wife',
  'son',
  'daughter',
  'mother',
  'father',
  'brother',
  'sister',
  'nephew',
  'niece',
  'aunt',
  'uncle',
  'cousin',
  'grandson',
  'granddaughter',
  'grandmother',
  'grandfather',
  'spouse',
  'partner',
  'fiance',
  'fiancee',
  'stepson',
  'stepdaughter',
  'caregiver',
  'neighbor',
  'neighbour',
];
/** After these a capitalised full name is a person whatever the name lists say. */
const BY_PHRASES = [
  'seen by',
  'referred by',
  'dictated by',
  'accompanied by',
  'signed by',
  'co-signed by',
  'cosigned by',
  'verified by',
  'reviewed by',
  'approved by',
  'performed by',
  'ordered by',
  'read by',
  'interpreted by',
  'transcribed by',
  'reported by',
  'examined by',
  'treated by',
  'attended by',
  'collected by',
  'electronically signed by',
];
// Labels match case-insensitively and the name after them case-sensitively: two regexes, since
// Node 20 has no inline (?i:) groups. Labels run on an ASCII-lower-cased copy: V8 scans /i
// alternations several times slower.
const NAME_AFTER_LABEL = new RegExp(
  `${CAPS_TOKEN},[ \\t]*${CAPS_TOKEN}|${CAPS_TOKEN}(?:[ \\t]+(?:[A-Z]\\.?[ \\t]+)?${CAPS_TOKEN}){0,2}`,
  'y',
);
const ONE_OR_TWO_WORDS = new RegExp(`${TOKEN}(?:[ \\t]+(?:[A-Z]\\.[ \\t]+)?${TOKEN})?`, 'y');
const TWO_OR_THREE_WORDS = new RegExp(`${TOKEN}(?:[ \\t]+(?:[A-Z]\\.[ \\t]+)?${TOKEN}){1,2}`, 'y');
const LABEL_REGEX = new RegExp(`\\b(?:${alternation(LABELS)})[ \\t]*:[ \\t]*`, 'g');
const PHRASE_REGEX = new RegExp(`\\b(?:${alternation(PHRASES)})[ \\t]+`, 'g');
const KIN_REGEX = new RegExp(`\\b(?:${alternation(KIN)})[ \\t]+`, 'g');
const BY_REGEX = new RegExp(`\\b(?:${alternation(BY_PHRASES)})[ \\t]+`, 'g');
const LEXICON_REGEX = new RegExp(`\\b[A-Z][a-z]+(?:[ \\t]+[A-Z]\\.)?[ \\t]+${TOKEN}\\b`, 'g');
const EPONYM_AFTER =
  /^(?:['’]s)?[\s-]+(?:disease|syndrome|palsy|sign|test|catheter|procedure|operation|scale|score|criteria|classification|reflex|maneuver|manoeuvre|tube|fracture|phenomenon|lymphoma|sarcoma|tumou?r|ulcer|law|equation|formula|index|method|technique|incision|position|node|cells?|bod(?:y|ies)|triad|effect|stage|staging|coma|block|anomaly|thyroiditis|encephalopathy|dystrophy|contracture|disorder|spots?|murmur|rule|protocol)\b/i;
const POSSESSIVE = /^['’]s\b/;

const context = createContextMatcher({
  en: [
    'patient',
    'pt',
    'husband',
    'wife',
    'son',
    'daughter',
    'family',
    'contact',
    'name',
    'called',
    'phone',
    'nurse',
    'physician',
    'doctor',
    'mother',
    'father',
    'spouse',
    'guardian',
    'visited',
    'accompanied',
  ],
});

type Path = 'title' | 'label' | 'phrase' | 'by-phrase' | 'lexicon' | 'repeated-mention';
const SCORE: Record<Path, number> = { title: 0.9, label: 0.95, phrase: 0.85, 'by-phrase': 0.85, lexicon: 0.6, 'repeated-mention': 0.75 };

export const enPersonNameRecognizer: PhiRecognizer = {
  name: NAME,
  types: ['NAME'],
  languages: ['en'],
  recognize(text) {
    const found: PhiFinding[] = [];
    const lower = text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
    const add = (start: number, end: number, path: Path, score = SCORE[path], words: string[] = []) =>
      found.push({ type: 'NAME', start, end, score, recognizer: NAME, pattern: path, context: words });

    for (const [start, end] of afterLabel(text, text, TITLE_REGEX, NAME_AFTER_TITLE)) {
      const tokens = text.slice(start, end).split(/[ \t]+/);
      if (!NOT_NAMES.has(tokens[0] ?? '')) add(start, trimStopTail(text, start, end), 'title');
    }
    for (const [start, end] of afterLabel(lower, text, LABEL_REGEX, NAME_AFTER_LABEL)) {
      const first = text.slice(start, end).split(/[ \t,]+/)[0] ?? '';
      if (!isNotName(first) && !isEponymAt(text, end)) add(start, trimStopTail(text, start, end), 'label');
    }
    for (const [start, end] of afterLabel(lower, text, PHRASE_REGEX, ONE_OR_TWO_WORDS)) {
      const tokens = text.slice(start, end).split(/[ \t]+/);
      const first = tokens[0] ?? '';
      const known = FIRST.has(first) || SURNAMES.has(first) || (AMBIGUOUS.has(first) && SURNAMES.has(tokens.at(-1) ?? ''));
      if (known && !isEponymAt(text, end)) add(start, trimStopTail(text, start, end), 'phrase');
    }
    for (const [start, end] of afterLabel(lower, text, KIN_REGEX, ONE_OR_TWO_WORDS)) {
      const first = text.slice(start, end).split(/[ \t]+/)[0] ?? '';
      if (!NOT_NAMES.has(first) && !isEponymAt(text, end)) add(start, trimStopTail(text, start, end), 'phrase');
    }
    for (const [start, end] of afterLabel(lower, text, BY_REGEX, TWO_OR_THREE_WORDS)) {
      const tokens = text.slice(start, end).split(/[ \t]+/);
      if (!tokens.some((t) => NOT_NAMES.has(t)) && !isEponymAt(text, end)) add(start, end, 'by-phrase');
    }
    for (const [start, end] of wholeSpans(text, LEXICON_REGEX)) {
      const tokens = text.slice(start, end).split(/[ \t]+/);
      const first = tokens[0] ?? '';
      const last = tokens.at(-1) ?? '';
      if (NOT_NAMES.has(last) || isEponymAt(text, end)) continue;
      const surname = SURNAMES.has(last);
      const score = FIRST.has(first) ? (surname ? 0.8 : SCORE.lexicon) : AMBIGUOUS.has(first) && surname ? SCORE.lexicon : 0;
      if (score === 0) continue;
      const words = context.find(text, start, end);
      add(start, end, 'lexicon', words.length ? Math.min(0.9, score + 0.35) : score, words);
    }
    return [...found, ...repeatedMentions(text, found)];
  },
};

/** Spans matched by `name` (sticky) right after each match of `label`. */
function* afterLabel(lower: string, text: string, label: RegExp, name: RegExp): Generator<[number, number]> {
  label.lastIndex = 0;
  for (let m = label.exec(lower); m !== null; m = label.exec(lower)) {
    name.lastIndex = m.index + m[0].length;
    const n = name.exec(text);
    if (n) yield [n.index, n.index + n[0].length];
  }
}

function* wholeSpans(text: string, regex: RegExp): Generator<[number, number]> {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) yield [m.index, m.index + m[0].length];
}

/** "Dr. Smith Follow" → "Smith": a trailing capitalised word that is not a name is dropped. */
function trimStopTail(text: string, start: number, end: number): number {
  const value = text.slice(start, end);
  const last = value.match(/[ \t]+([A-Za-z'’-]+)$/);
  if (last?.[1] && NOT_NAMES.has(last[1]) && last.index !== undefined) return start + last.index;
  return end;
}

function isNotName(word: string): boolean {
  return NOT_NAMES.has(word) || NOT_NAMES.has(word.charAt(0) + word.slice(1).toLowerCase());
}

function isEponymAt(text: string, end: number): boolean {
  const after = text.slice(end, end + 40);
  if (EPONYM_AFTER.test(after)) return true;
  const lastWord = text.slice(Math.max(0, end - 20), end).match(/[A-Za-z]+$/)?.[0] ?? '';
  return POSSESSIVE.test(after) && EPONYMS.has(lastWord);
}

/** Other mentions of confidently found names: the whole name, and its last word alone. */
function repeatedMentions(text: string, found: readonly PhiFinding[]): PhiFinding[] {
  const names = new Set<string>();
  for (const f of found) {
    if (f.score < 0.85) continue;
    const name = text.slice(f.start, f.end);
    names.add(name);
    const last = name.split(/[ \t,]+/).at(-1) ?? '';
    if (last.length >= 3 && !AMBIGUOUS.has(last) && !NOT_NAMES.has(last)) names.add(last);
  }
  const mentions: PhiFinding[] = [];
  for (const name of names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      const end = i + name.length;
      if (/[A-Za-z0-9]/.test(text.charAt(i - 1)) || /[A-Za-z0-9]/.test(text.charAt(end))) continue;
      if (found.some((f) => f.start <= i && f.end >= end) || isEponymAt(text, end)) continue;
      mentions.push({
        type: 'NAME',
        start: i,
        end,
        score: SCORE['repeated-mention'],
        recognizer: NAME,
        pattern: 'repeated-mention',
        context: [],
      });
    }
  }
  return mentions;
}

/**
 * Clinical facts read from free text — consultation turns or note sentences: medications (the
 * knowledge base's names: generic, brand, Chinese), doses next to them, allergies, symptoms and
 * problems (bilingual lexicon), vitals and follow-up instructions. Each fact has a
 * language-independent key ("metformin", "metformin:500mg", "bp:120/80", "fu:2 week"), so the
 * omission check and the evaluation compare a note with its transcript by meaning, not wording.
 */
import { normalizeTerm } from '../../knowledge/index.js';
import { spokenNumbersToDigits, zhNumber } from '../../shared/spoken-numbers.js';
import type { MedicationIndex } from '../medication/index.js';
import { ALLERGENS, type LexiconEntry, PROBLEMS, SYMPTOMS } from './clinical-lexicon.js';
import { splitSentences } from './split-sentences.js';
import { hasCjk } from './text-units.js';

export type FactKind = 'medication' | 'dose' | 'allergy' | 'symptom' | 'problem' | 'vital' | 'follow_up' | 'result' | 'pregnancy';

export interface ClinicalFact {
  kind: FactKind;
  /** Language-independent identity of the fact. */
  key: string;
  /** The words as found ("metformin 500 mg", "BP 150/90", "青霉素过敏"). */
  text: string;
  /** Said as absent ("denies chest pain", "无过敏"). */
  negated: boolean;
  /** Found in a question ("any chest pain?") — asked, not stated. */
  question: boolean;
  /**
   * Allergies only: the allergen's allergy groups and drug id ("penicillin", "drug:amoxicillin"),
   * so an amoxicillin allergy and a penicillin allergy are recognised as the same concern.
   */
  groups?: string[];
  /** Allergies only: the reactions said with it (symptom keys: "rash", "angioedema", "anaphylaxis"). */
  reactions?: string[];
  /** Allergies only: the reactions' words as said ("hives", "lips swelled"). */
  reactionText?: string[];
  /** Symptoms only: said as the reaction of an allergy ("it gave me hives"), not a complaint of this visit. */
  allergyReaction?: boolean;
}

export type FactExtractor = (text: string) => ClinicalFact[];

/** Knowledge-base vocabulary names that are everyday words in a consultation, not a medication. */
const NOT_A_MEDICATION = new Set([
  'alcohol',
  'water',
  'oxygen',
  'iron',
  'calcium',
  'caffeine',
  'charcoal',
  'activated charcoal',
  'tea',
  'grapefruit juice',
  'grapefruit',
  'ice',
  'sodium',
  'potassium',
  'magnesium',
  'zinc',
  'fluoride',
  'nicotine',
  'insulin',
]);
const KEEP_SHORT = new Set(['asa', 'inh']);

interface Phrase {
  kind: FactKind;
  key: string;
}

/** Longest-match phrase lookup: English by word n-grams, Chinese by substring. */
class PhraseMatcher {
  private readonly en = new Map<string, Phrase>();
  /** First word of each multi-word phrase → the most words such a phrase has. */
  private readonly longestFrom = new Map<string, number>();
  private readonly zh = new Map<string, string[]>();
  private readonly zhPhrases = new Map<string, Phrase>();

  add(name: string, phrase: Phrase, override = false): void {
    const normalized = normalizeTerm(name);
    if (!normalized) return;
    if (/[\u4e00-\u9fff]/.test(normalized)) {
      const compact = normalized.replace(/\s+/g, '');
      if (!override && this.zhPhrases.has(compact)) return;
      this.zhPhrases.set(compact, phrase);
      const first = compact[0] as string;
      const list = this.zh.get(first) ?? [];
      if (!list.includes(compact)) list.push(compact);
      list.sort((a, b) => b.length - a.length);
      this.zh.set(first, list);
      return;
    }
    if (!override && this.en.has(normalized)) return;
    this.en.set(normalized, phrase);
    const words = normalized.split(' ');
    const first = words[0] as string;
    if (words.length > 1) this.longestFrom.set(first, Math.max(this.longestFrom.get(first) ?? 1, words.length));
  }

  /** Matches in English word tokens; returns [start token, end token (exclusive), phrase]. */
  matchWords(words: readonly string[]): [number, number, Phrase][] {
    const out: [number, number, Phrase][] = [];
    for (let i = 0; i < words.length; i++) {
      // Only words that start a multi-word name are tried as the start of a longer match.
      const longest = this.longestFrom.get(words[i] as string) ?? 1;
      for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
        const phrase = this.en.get(n === 1 ? (words[i] as string) : words.slice(i, i + n).join(' '));
        if (phrase) {
          out.push([i, i + n, phrase]);
          i += n - 1;
          break;
        }
      }
    }
    return out;
  }

  /** Matches in Chinese text; returns [start char, end char, phrase]. */
  matchChars(text: string): [number, number, Phrase][] {
    const out: [number, number, Phrase][] = [];
    for (let i = 0; i < text.length; i++) {
      const candidates = this.zh.get(text[i] as string);
      if (!candidates) continue;
      for (const candidate of candidates) {
        if (text.startsWith(candidate, i)) {
          out.push([i, i + candidate.length, this.zhPhrases.get(candidate) as Phrase]);
          i += candidate.length - 1;
          break;
        }
      }
    }
    return out;
  }
}

function addLexicon(matcher: PhraseMatcher, entries: LexiconEntry[], kind: FactKind): void {
  for (const entry of entries) for (const name of [...entry.en, ...entry.zh]) matcher.add(name, { kind, key: entry.key });
}

function medicationNames(index: MedicationIndex, matcher: PhraseMatcher): void {
  const { kb } = index;
  for (const entry of kb.interactions.vocabulary) {
    const name = normalizeTerm(entry.name);
    if (NOT_A_MEDICATION.has(name) || (name.length < 4 && !KEEP_SHORT.has(name))) continue;
    matcher.add(name, { kind: 'medication', key: entry.id });
  }
  // Curated drugs win: their ids are what the medication check and the note agree on.
  for (const drug of kb.drugs) {
    for (const name of [drug.id, drug.names.en, drug.names.zh, ...drug.synonyms, ...drug.brands]) {
      const normalized = normalizeTerm(name);
      if (NOT_A_MEDICATION.has(normalized) || (normalized.length < 4 && !/[\u4e00-\u9fff]/.test(normalized) && !KEEP_SHORT.has(normalized)))
        continue;
      matcher.add(normalized, { kind: 'medication', key: drug.id }, true);
    }
  }
}

const lexiconMatcher = (() => {
  let built: PhraseMatcher | undefined;
  return () => {
    if (!built) {
      built = new PhraseMatcher();
      addLexicon(built, PROBLEMS, 'problem');
      addLexicon(built, SYMPTOMS, 'symptom');
    }
    return built;
  };
})();

const allergenMatcher = (() => {
  let built: PhraseMatcher | undefined;
  return () => {
    if (!built) {
      built = new PhraseMatcher();
      addLexicon(built, ALLERGENS, 'allergy');
    }
    return built;
  };
})();

const medicationMatchers = new WeakMap<MedicationIndex, PhraseMatcher>();

function medicationMatcher(index: MedicationIndex): PhraseMatcher {
  let matcher = medicationMatchers.get(index);
  if (!matcher) {
    matcher = new PhraseMatcher();
    medicationNames(index, matcher);
    medicationMatchers.set(index, matcher);
  }
  return matcher;
}

// ---- negation ------------------------------------------------------------------------------

const EN_NEGATORS = new Set(['no', 'not', 'denies', 'denied', 'deny', 'denying', 'without', 'never', 'negative', 'none', 'nor', 'free']);
const EN_CLAUSE_BREAK = new Set(['but', 'however', 'although', 'though', 'except', 'yet']);

function negatedEn(words: readonly string[], start: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - 5); i--) {
    const word = words[i] as string;
    if (EN_CLAUSE_BREAK.has(word) || word === ',') return false;
    if (EN_NEGATORS.has(word) || word.endsWith("n't")) return true;
  }
  return false;
}

const ZH_NEGATION = /(无|没有|没|否认|未|不伴|不)[^，,。；;！？!?]{0,5}$/;

function negatedZh(text: string, start: number): boolean {
  return ZH_NEGATION.test(text.slice(Math.max(0, start - 8), start));
}

// ---- patterns ------------------------------------------------------------------------------

const NO_ALLERGY =
  /\b(no (known )?(drug |medication |food )?allerg\w*|nkda|nka|not allergic|(denies|denied|deny) (any )?(drug )?allerg\w*|(do|does|did)n't have any (known )?allerg\w*|n't have any (known )?allerg\w*|no allergic reactions?)\b|(无|没有|否认|未发现)(已知|明确|任何)?的?(药物|食物|药物及食物)?过敏|过敏史[:：]?\s*(无|否认)/;
const ALLERGY_WORD = /allerg|anaphyla|\bnkda\b|\bnka\b|过敏/;
/** A clause about taking a drug ends an allergy statement: "青霉素过敏，吃华法林" — warfarin is taken. */
const TAKES_DRUG = /\b(?:take|takes|taking|took|using|uses|use|prescribed|started|on)\b|服用|口服|在吃|吃|在用|使用|服/;
/** A clause describing what the allergen did ("it gave me hives", "吃了会喘") stays in the allergy statement. */
const REACTION_CLAUSE =
  /\b(?:gave me|gives me|give me|caused|causes|made me|makes me|broke out|i get|i got|reaction)\b|(?:吃了|用了|打了|服了|一吃|一用|吃后|用后|服后)[^，,。；;]{0,4}?(?:会|就|以后|之后)?/;

/**
 * Which positions of a sentence lie in an allergy statement: clauses (split at commas and
 * semicolons, not at 、 which lists allergens) that name an allergy, and the clauses after one
 * ("allergic to penicillin, sulfa, codeine") until a clause says a drug is taken.
 */
function allergyScope(sentence: string): (at: number) => boolean {
  const ranges: [number, number][] = [];
  let inStatement = false;
  let start = 0;
  for (const clause of sentence.split(/(?<=[,，;；])/)) {
    const end = start + clause.length;
    inStatement = ALLERGY_WORD.test(clause) || (inStatement && (REACTION_CLAUSE.test(clause) || !TAKES_DRUG.test(clause)));
    if (inStatement) ranges.push([start, end]);
    start = end;
  }
  return (at) => ranges.some(([from, to]) => at >= from && at < to);
}

const UNIT_NAMES: Record<string, string> = {
  mg: 'mg',
  milligram: 'mg',
  milligrams: 'mg',
  mcg: 'mcg',
  microgram: 'mcg',
  micrograms: 'mcg',
  g: 'g',
  gram: 'g',
  grams: 'g',
  ml: 'ml',
  milliliter: 'ml',
  milliliters: 'ml',
  unit: 'unit',
  units: 'unit',
  iu: 'unit',
  tablet: 'tablet',
  tablets: 'tablet',
  pill: 'tablet',
  pills: 'tablet',
  puff: 'puff',
  puffs: 'puff',
  毫克: 'mg',
  微克: 'mcg',
  克: 'g',
  毫升: 'ml',
  单位: 'unit',
  片: 'tablet',
  粒: 'tablet',
  支: 'puff',
  喷: 'puff',
};
const EN_DOSE =
  /^\W{0,3}(?:\w+\W+){0,4}?(\d+(?:\.\d+)?)\s*-?\s*(mg|milligrams?|mcg|micrograms?|g|grams?|ml|milliliters?|units?|iu|tablets?|pills?|puffs?)\b/;
const ZH_DOSE = /^[^，,。；;]{0,8}?(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(毫克|mg|微克|克|毫升|ml|单位|片|粒|支|喷)/i;

const PERIOD_EN: Record<string, string> = {
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
};
const PERIOD_ZH: Record<string, string> = {
  天: 'day',
  日: 'day',
  周: 'week',
  星期: 'week',
  个星期: 'week',
  个月: 'month',
  月: 'month',
  年: 'year',
};
const EN_FOLLOW_UP =
  /\b(follow[- ]?up|followup|see (you|her|him|them)( back)?|come back|coming back|return|recheck|check back|touch base|reassess|revisit|visit)\b[^.?!]{0,40}?\b(?:in|after|within)\s+(?:about\s+|another\s+|the next\s+)?(\d+(?:\.\d+)?|a|an|one|a couple of|a few|couple of)\s*(days?|weeks?|months?|years?)\b/;
const EN_RETURN_IF =
  /\b(return|come back|call( me| us| the office| the clinic)?|go to the (er|emergency)|seek (medical )?(care|attention)|let (me|us) know)\b[^.?!]{0,30}\b(if|should)\b/;
const ZH_FOLLOW_UP =
  /(\d+|[一二两三四五六七八九十半]+)\s*(个星期|星期|个月|天|日|周|月|年)(后|以后|之后|左右)?[^。；;]{0,6}(复查|复诊|随访|回来|再来|门诊)/;
const ZH_RETURN_IF = /(如有|若有|如果|如|若|一旦)[^。；;]{0,20}(及时|立即|马上|尽快)?(就诊|就医|来院|急诊|复诊|看医生)|不适随诊|随时就诊/;

/**
 * Results said in the consultation — point-of-care tests (urine dipstick, pregnancy test,
 * fingerstick glucose, peak flow, rapid antigen tests) and a few common laboratory values — each
 * with its value, so a note that leaves one out is told. Orders ("I'll get a urine culture") name
 * no value and are not results.
 */
const URINE_CONTEXT = /\b(?:urine|urinalysis|dipstick|ua)\b|尿常规|尿检|试纸|尿液分析|尿化验/;
const URINE_COMPONENT: Record<string, string> = {
  leukocyte: 'leukocytes',
  leukocytes: 'leukocytes',
  'leukocyte esterase': 'leukocytes',
  nitrite: 'nitrite',
  nitrites: 'nitrite',
  blood: 'blood',
  protein: 'protein',
  ketone: 'ketones',
  ketones: 'ketones',
  glucose: 'glucose',
  白细胞: 'leukocytes',
  亚硝酸盐: 'nitrite',
  潜血: 'blood',
  隐血: 'blood',
  尿蛋白: 'protein',
  蛋白: 'protein',
  酮体: 'ketones',
  尿糖: 'glucose',
  葡萄糖: 'glucose',
};
const EN_URINE_VALUE = '(?:trace|small|moderate|large|positive|negative|\\d\\s*\\+|\\+{1,4})';
const EN_URINE = new RegExp(
  `(?:\\b${EN_URINE_VALUE}\\s+)?\\b(leukocytes?(?: esterase)?|nitrites?|blood|protein|ketones?|glucose)\\b(?:\\s+(?:is\\s+|are\\s+|was\\s+|were\\s+)?${EN_URINE_VALUE})?`,
  'g',
);
const ZH_URINE =
  /(白细胞|亚硝酸盐|潜血|隐血|尿蛋白|蛋白|酮体|尿糖|葡萄糖)[^，,。；;\d]{0,3}?(弱阳性|阳性|阴性|\d\s*[+＋]|[+＋]{1,4}|[-－]|\d+(?:\.\d+)?)/g;
const RESULTS: { pattern: RegExp; key: (m: RegExpExecArray) => string }[] = [
  {
    pattern:
      /\b(?:pregnancy test|hcg|beta[- ]?hcg|b-?hcg)\b(?:\s+(?:is|was|came back|were))?\s+(positive|negative)\b|\b(?:positive|negative)\s+(?:urine\s+|serum\s+|home\s+)?(?:pregnancy test|hcg)\b/g,
    key: () => 'hcg',
  },
  { pattern: /(?:妊娠试验|验孕|hcg|早孕试纸)[^，,。；;]{0,4}?(?:弱阳性|阳性|阴性|[+＋]|[-－])/g, key: () => 'hcg' },
  {
    pattern: /\b(?:glucose|blood sugar|sugar)\b(?:\s+(?:is|was|of|at|level|reading|came back|measured))*\s+(\d{2,3}(?:\.\d)?)\b/g,
    key: () => 'glucose',
  },
  { pattern: /血糖[^，,。；;\d]{0,6}(\d+(?:\.\d+)?)/g, key: () => 'glucose' },
  { pattern: /\bpeak (?:expiratory )?flow\b(?:\s+(?:is|was|of))?\s+(\d{2,3})\b/g, key: () => 'peak-flow' },
  { pattern: /峰流速[^，,。；;\d]{0,4}(\d+)/g, key: () => 'peak-flow' },
  {
    pattern: /\b(rapid strep|strep|rapid flu|flu|influenza|covid|rapid antigen)(?: swab| test)+\b[^.;]{0,15}?\b(positive|negative)\b/g,
    key: (m) =>
      `rapid:${/strep/.test(m[1] ?? '') ? 'strep' : /flu|influenza/.test(m[1] ?? '') ? 'flu' : /covid/.test(m[1] ?? '') ? 'covid' : 'antigen'}`,
  },
  {
    pattern: /\b(?:white (?:blood )?(?:cell )?count|wbc)\b(?:\s+(?:is|was|of))?\s+(\d+(?:\.\d+)?)\b/g,
    key: () => 'cbc:wbc',
  },
  { pattern: /血常规[^。；;]{0,10}?白细胞[^，,。；;\d]{0,4}(\d+(?:\.\d+)?)/g, key: () => 'cbc:wbc' },
];

/** Pregnancy status said in the consultation: pregnant (how far), not pregnant, last period, menopause. */
const PREGNANCY: { pattern: RegExp; key: string }[] = [
  {
    pattern:
      /\b(?:not|n't|never)\s+(?:be\s+|being\s+)?pregnant\b|\bno (?:chance|way|possibility)\b[^.]{0,25}pregnan\w*|(?:不可能|没有|没|未|否认|不是)(?:怀孕|妊娠|怀上)|(?:怀孕|妊娠)(?:可能)?(?:已)?(?:排除|否认)/g,
    key: 'not-pregnant',
  },
  {
    pattern:
      /\b\d+\s*(?:weeks?|months?)\s+pregnant\b|\b(?:i'm|i am|she's|she is|currently|is|now)\s+pregnant\b|(?:怀孕|妊娠|孕)\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:周|个月)|(?<!没|没有|未|不可能|不是|否认)(?:已经|正在|现在)?怀孕了/g,
    key: 'pregnant',
  },
  {
    pattern:
      /\b(?:last (?:menstrual )?period|lmp)\b|\bmy (?:last )?period (?:started|ended|was|came)\b|末次月经|上次月经|月经(?:是|在)?[^，,。；;]{0,6}(?:前|号|日)/g,
    key: 'lmp',
  },
  { pattern: /\b(?:post-?menopausal|menopause)\b|绝经/g, key: 'postmenopausal' },
  { pattern: /\bbreast-?feeding\b|哺乳/g, key: 'breastfeeding' },
];

/** Urine that looks pink or red, as patients say it: a symptom the lexicon's "blood in urine" misses. */
const URINE_COLOUR =
  /\b(?:urine|pee)\b[^.;,]{0,20}?\b(?:pink|red|bloody|brown|cola)\b|\b(?:pink|red|bloody)\s+(?:urine|pee)\b|尿[^，,。；;]{0,6}(?:发红|红色|粉红|带血|有血)/g;

const VITALS: { kind: string; pattern: RegExp; key: (m: RegExpExecArray) => string }[] = [
  {
    kind: 'bp',
    pattern: /(?:blood pressure|\bbp\b|血压)[^\d]{0,25}(\d{2,3})\s*(?:\/|over|／)\s*(\d{2,3})/gi,
    key: (m) => `bp:${m[1]}/${m[2]}`,
  },
  { kind: 'bp', pattern: /\b(\d{2,3})\s*\/\s*(\d{2,3})\s*(?:mm\s*hg|mmhg)/gi, key: (m) => `bp:${m[1]}/${m[2]}` },
  { kind: 'hr', pattern: /(?:heart rate|pulse(?! ox)|\bhr\b|心率|脉搏)[^\d]{0,20}(\d{2,3})(?!\s*\/)/gi, key: (m) => `hr:${m[1]}` },
  { kind: 'hr', pattern: /\b(\d{2,3})\s*(?:beats per minute|bpm)|(\d{2,3})\s*次\/分/gi, key: (m) => `hr:${m[1] ?? m[2]}` },
  {
    kind: 'temp',
    pattern:
      /(?:temperature|\btemp\b|体温|fever of)[^\d]{0,20}(\d{2,3}(?:\.\d)?)|(\d{2,3}(?:\.\d)?)\s*(?:°\s*[cf]|℃|℉|degrees (?:fahrenheit|celsius))/gi,
    key: (m) => `temp:${Number(m[1] ?? m[2])}`,
  },
  {
    kind: 'spo2',
    pattern:
      /(?:oxygen saturation|o2 sat\w*|spo2|sp02|pulse ox\w*|oxygen (?:level|sat\w*)|sat(?:uration|ting)?s?|血氧(?:饱和度)?)[^\d]{0,20}(\d{2,3})\s*(?:%|percent)?/gi,
    key: (m) => `spo2:${m[1]}`,
  },
  { kind: 'rr', pattern: /(?:respiratory rate|resp\w* rate|\brr\b|呼吸频率|呼吸)[^\d]{0,15}(\d{1,2})(?!\d)/gi, key: (m) => `rr:${m[1]}` },
  {
    kind: 'weight',
    pattern: /(?:weight|weigh\w*|体重)[^\d]{0,20}(\d{2,3}(?:\.\d)?)\s*(kg|kilograms?|lbs?|pounds?|公斤|千克|斤)/gi,
    key: (m) =>
      `weight:${Number(m[1])}${/^(kg|kilo|公斤|千克)/.test((m[2] ?? '').toLowerCase()) ? 'kg' : /斤/.test(m[2] ?? '') ? 'jin' : 'lb'}`,
  },
];

function isQuestion(sentence: string): boolean {
  return /[?？]\s*$|吗[。？?]?\s*$/.test(sentence);
}

function periodKey(amount: string, unit: string): string {
  const count = /^(a|an|one)$/.test(amount)
    ? '1'
    : /couple/.test(amount)
      ? '2'
      : /few/.test(amount)
        ? 'few'
        : String(zhNumber(amount) ?? amount);
  return `fu:${count} ${unit}`;
}

const EN_WORD = /[a-z0-9]+(?:['.][a-z0-9]+)*|[,]/g;

/**
 * A fact reader. With a medication index it recognises the knowledge base's medication names
 * (built once per index); without one it reads everything but medications and doses.
 */
export function createFactExtractor(medications?: MedicationIndex): FactExtractor {
  const lexicon = lexiconMatcher();
  const allergens = allergenMatcher();
  const drugs = medications ? medicationMatcher(medications) : undefined;
  const allergyTags = (key: string, surface: string): string[] => {
    const tags = new Set<string>([key.startsWith('drug:') ? key : key]);
    for (const group of medications?.allergyGroups(surface) ?? []) if (group !== 'beta-lactam') tags.add(group);
    if (key.startsWith('drug:')) {
      const drug = medications?.drug(key.slice(5));
      for (const group of drug?.allergyGroups ?? []) if (group !== 'beta-lactam') tags.add(group);
    }
    return [...tags];
  };

  return (text: string): ClinicalFact[] => {
    const facts: ClinicalFact[] = [];
    for (const sentence of splitSentences(text)) {
      const question = isQuestion(sentence);
      const lower = spokenNumbersToDigits(sentence.normalize('NFKC').toLowerCase());
      const seen = new Set<string>();
      const sentenceStart = facts.length;
      const push = (kind: FactKind, key: string, surface: string, negated = false, reaction = false) => {
        const id = `${kind}|${key}|${negated}`;
        if (seen.has(id)) return;
        seen.add(id);
        const fact: ClinicalFact = { kind, key, text: surface.trim().slice(0, 200), negated, question };
        if (kind === 'allergy' && key !== 'none') fact.groups = allergyTags(key, surface);
        if (reaction) fact.allergyReaction = true;
        facts.push(fact);
      };
      const hasZh = hasCjk(lower);
      const mentionsAllergy = ALLERGY_WORD.test(lower);
      const noAllergy = mentionsAllergy && NO_ALLERGY.test(lower);
      if (noAllergy) push('allergy', 'none', NO_ALLERGY.exec(lower)?.[0] ?? 'no allergies', true);
      const allergyAt = mentionsAllergy ? allergyScope(lower) : () => false;

      // English words and Chinese runs are matched separately; a sentence may hold both.
      const words = lower.match(EN_WORD) ?? [];
      const wordStarts: number[] = [];
      {
        let cursor = 0;
        for (const word of words) {
          const at = lower.indexOf(word, cursor);
          wordStarts.push(at);
          cursor = at + word.length;
        }
      }
      const wordsOnly = words; // commas stay as tokens so negation stops at them
      const record = (kind: FactKind, key: string, surface: string, negated: boolean, after: string, at: number) => {
        if (kind === 'medication') {
          const dose = /[\u4e00-\u9fff]/.test(surface) ? ZH_DOSE.exec(after) : EN_DOSE.exec(after);
          if (dose?.[1] && dose[2]) {
            const amount = zhNumber(dose[1]) ?? Number(dose[1]);
            const unit = UNIT_NAMES[dose[2].toLowerCase()] ?? dose[2];
            push('dose', `${key}:${amount}${unit}`, `${surface} ${dose[1]} ${dose[2]}`);
          }
          // In an allergy statement a drug name is the allergen, not something the patient takes.
          if (allergyAt(at)) {
            if (!noAllergy) push('allergy', `drug:${key}`, surface);
            return;
          }
          push('medication', key, surface);
          return;
        }
        push(kind, key, surface, negated, kind === 'symptom' && !negated && allergyAt(at));
      };
      for (const matcher of drugs ? [drugs, lexicon] : [lexicon]) {
        for (const [start, end, phrase] of matcher.matchWords(wordsOnly)) {
          const from = wordStarts[start] ?? 0;
          const to = (wordStarts[end - 1] ?? 0) + (wordsOnly[end - 1]?.length ?? 0);
          record(phrase.kind, phrase.key, lower.slice(from, to), negatedEn(wordsOnly, start), lower.slice(to, to + 60), from);
        }
        for (const [start, end, phrase] of hasZh ? matcher.matchChars(lower) : []) {
          record(phrase.kind, phrase.key, lower.slice(start, end), negatedZh(lower, start), lower.slice(end, end + 20), start);
        }
      }
      if (mentionsAllergy && !noAllergy) {
        for (const [start, end, phrase] of allergens.matchWords(wordsOnly))
          push('allergy', phrase.key, wordsOnly.slice(start, end).join(' '), negatedEn(wordsOnly, start));
        for (const [start, end, phrase] of hasZh ? allergens.matchChars(lower) : []) push('allergy', phrase.key, lower.slice(start, end));
      }
      for (const vital of VITALS) {
        vital.pattern.lastIndex = 0;
        for (let m = vital.pattern.exec(lower); m; m = vital.pattern.exec(lower)) push('vital', vital.key(m), m[0]);
      }
      if (URINE_CONTEXT.test(lower)) {
        for (const pattern of hasZh ? [EN_URINE, ZH_URINE] : [EN_URINE]) {
          pattern.lastIndex = 0;
          for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
            const component = URINE_COMPONENT[(m[1] ?? '').trim()];
            // A component needs its value: "blood pressure" in a urine sentence is not a urine result.
            if (component && m[0].trim() !== (m[1] ?? '').trim()) push('result', `urine:${component}`, m[0]);
          }
        }
      }
      for (const result of RESULTS) {
        result.pattern.lastIndex = 0;
        for (let m = result.pattern.exec(lower); m; m = result.pattern.exec(lower)) push('result', result.key(m), m[0]);
      }
      const notPregnant = PREGNANCY[0]?.pattern;
      for (const status of PREGNANCY) {
        status.pattern.lastIndex = 0;
        if (status.key === 'pregnant' && notPregnant) {
          notPregnant.lastIndex = 0;
          if (notPregnant.test(lower)) continue;
        }
        for (let m = status.pattern.exec(lower); m; m = status.pattern.exec(lower)) push('pregnancy', status.key, m[0]);
      }
      URINE_COLOUR.lastIndex = 0;
      for (let m = URINE_COLOUR.exec(lower); m; m = URINE_COLOUR.exec(lower)) {
        const negated = hasCjk(m[0]) ? negatedZh(lower, m.index) : /\b(no|not|n't|never)\b[^.;,]{0,12}$/.test(lower.slice(0, m.index + 12));
        push('symptom', 'hematuria', m[0], negated);
      }
      // An allergy carries the reactions said with it; those symptoms are the allergy's, not the visit's.
      const reactions = facts.slice(sentenceStart).filter((fact) => fact.allergyReaction);
      if (reactions.length > 0) {
        for (const fact of facts.slice(sentenceStart)) {
          if (fact.kind !== 'allergy' || fact.key === 'none') continue;
          fact.reactions = [...new Set(reactions.map((r) => r.key))];
          fact.reactionText = [...new Set(reactions.map((r) => r.text))];
        }
      }
      const followUp = EN_FOLLOW_UP.exec(lower);
      if (followUp?.[4] && followUp[5]) push('follow_up', periodKey(followUp[4], PERIOD_EN[followUp[5]] ?? followUp[5]), followUp[0]);
      const zhFollowUp = ZH_FOLLOW_UP.exec(lower);
      if (zhFollowUp?.[1] && zhFollowUp[2])
        push('follow_up', periodKey(zhFollowUp[1], PERIOD_ZH[zhFollowUp[2]] ?? zhFollowUp[2]), zhFollowUp[0]);
      const returnIf = EN_RETURN_IF.exec(lower) ?? ZH_RETURN_IF.exec(lower);
      if (returnIf) push('follow_up', 'fu:return-if', returnIf[0]);
    }
    return facts;
  };
}

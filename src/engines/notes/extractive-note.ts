/**
 * The no-model note: transcript sentences sorted into the note's sections by keyword rules (zh
 * and en). Every sentence is a transcript sentence, so each cites the one turn it came from; the
 * title says the note is extractive so no reader mistakes it for a written note. It is the floor
 * a model-written note must beat in `suwen eval notes`.
 */
import { buildChiefComplaint } from './chief-complaint.js';
import type { ClinicalDocument, NoteLanguage, NoteSection, NoteSentence, Speaker, Transcript } from './clinical-document.js';
import { defaultVisitNoteFormat, sectionTitle, type VisitNoteFormat, visitNoteSectionKeys } from './note-sections.js';
import { splitSentences } from './split-sentences.js';
import { contentUnits } from './text-units.js';

export interface ExtractiveNoteOptions {
  format?: VisitNoteFormat;
  /** Language of the headings; defaults to the transcript's. Sentences stay in the transcript's words. */
  language?: NoteLanguage;
}

export const EXTRACTIVE_TITLES: Record<NoteLanguage, string> = {
  en: 'Extractive note — transcript sentences sorted by rules, not written by a model',
  zh: '抽取式病历——按规则从对话中摘取的原句，并非模型撰写',
};

type Category =
  | 'chief_complaint'
  | 'present_illness'
  | 'past_history'
  | 'allergy_history'
  | 'physical_exam'
  | 'investigations'
  | 'preliminary_diagnosis'
  | 'plan';

/** Rules, tried in order; the first that matches a sentence (and its speaker) wins. */
interface Rule {
  category: Category;
  speakers: readonly Speaker[];
  pattern: RegExp;
}

const ANYONE: readonly Speaker[] = ['doctor', 'patient', 'other'];
const CLINICIAN: readonly Speaker[] = ['doctor'];

const VISIT_REASON =
  /\b(present(s|ing)? (today )?(with|for)|here (today )?(for|because)|in (today )?for|come(s)? in (today )?(for|with)|reason for (the |your )?visit|referred (to us |here )?for)\b|(因|以).{1,30}(就诊|来诊|入院)|来看(病|一下)/;
const SYMPTOM =
  /\b(pain|painful|hurt(s|ing)?|ache|aching|sore|fever|chills|cough|nausea|nauseous|vomit\w*|dizz\w*|lightheaded|tired|fatigue\w*|exhausted|short(ness)? of breath|breathless|wheez\w*|swell\w*|swollen|rash|itch\w*|bleed\w*|blood in|numb\w*|tingl\w*|weak\w*|headache\w*|diarrh\w*|constipat\w*|palpitation\w*|burning|cramp\w*|stiff\w*|bloat\w*|insomnia|anxious|depress\w*|heartburn|reflux|discharge|lump|injur\w*|fell|fall|throwing up|threw up|pee|peeing|urinat\w*)\b|疼|痛|发热|发烧|咳|痰|恶心|呕吐|头晕|眩晕|乏力|疲劳|气短|气促|喘|胸闷|心慌|心悸|肿|皮疹|瘙痒|痒|出血|麻木|无力|腹泻|便秘|失眠|反酸|烧心|不适|受伤|摔|口干|口渴|多饮|夜尿|起夜|小便|尿频|尿急|发红/;
const COURSE =
  /\b(since|started|starting|began|begun|onset|ago|for (about |the past |the last |over )?(a |an |one |two |three |four |five |six |several |few |\d+ )?(days?|weeks?|months?|years?|hours?)|worse|worsen\w*|better|improv\w*|radiat\w*|constant|intermittent|on and off|every (day|night|morning))\b|(\d+|[一二两三四五六七八九十半几])\s*(个)?(天|周|个月|月|年|小时)(?!\s*[\d一二两三四五六七八九十]+\s*次)|(天|周|月|年)前|开始|加重|缓解|反复|持续|间断|最近|这(两|几)天/;
/** The patient's own medicines ("I take…", "I use my inhaler", "平时吃…"): history, not the plan. */
const OWN_MEDICINES =
  /\b(i('m| am) (on|taking|using)|i take|i use|i've been (taking|using)|i have been (taking|using)|i('m| am) still (taking|using)|my (medications?|medicines?|pills?|inhalers?|vitamins?|insulin|supplements?)|my \w+ (pills?|inhalers?|vitamins?|tablets?|patch))\b|平时(吃|服|用)|一直(吃|服|用)|长期(服用|口服|吃|用)|在(吃|服用|用)|吃着|用着|服用/;
/** A reading the patient took themselves ("昨天量体温38.2度", "my blood pressure was 150 over 90"). */
const PATIENT_MEASURED =
  /\b(blood pressure|bp|sugar|glucose|temperature|temp|weight)\b[^.]{0,30}\d|(血压|血糖|体温|体重|心率)[^，。；]{0,10}\d/;
const ALLERGY = /\ballerg\w*|\banaphyla\w*|过敏/;
/** Follow-up and return advice ("follow up in two weeks", "如有发热及时就诊"): the plan, whatever else the sentence names. */
const FOLLOW_UP_ADVICE =
  /\b(follow[- ]?up|come back|coming back|return (to|if|in|for|sooner|right away|immediately)|see you (back|again|in)|recheck|check back|go (straight )?to the (er|emergency( room| department)?)|emergency room|call (me|us|911|the (office|clinic)))\b|复诊|随访|随诊|(后|以后|之后)[^，。；]{0,4}(复查|回来|再来)|及时就(诊|医)|(马上|立即|立刻|尽快)(来医院|就诊|就医|去急诊|来急诊)/;
/** Tests and their results: a result already obtained is 辅助检查 / Objective. */
const TEST =
  /\b(x-?rays?|ct( scan)?|cat scan|mri|ultrasound|echo(cardiogram)?|ekg|ecg|labs?|lab work|blood ?work|blood tests?|a1c|hemoglobin|cholesterol|creatinine|potassium|glucose|results?|biopsy|culture|imaging|scan|mammogram|colonoscopy|endoscopy|urinalysis|stress test|pft|psa|dipstick|urine (test|sample|dip)|pregnancy test|hcg|fingerstick|finger stick|point of care|peak flow|ketones|leukocytes|nitrites?|strep test|rapid (strep|flu|covid|test)|swab|electrolytes|white (blood )?count|wbc)\b|化验|检查结果|验血|血常规|尿常规|生化|核磁|磁共振|b超|彩超|超声|心电图|x光|拍片|胸片|血糖|糖化|肝功|肾功|血脂|胃镜|肠镜|活检|试纸|妊娠试验|验孕|hcg|峰流速|亚硝酸盐|酮体|潜血|隐血|尿检|抽血/i;
/** Words that say a test is being ordered, not reported. */
const ORDER_WORDS =
  /\b(order(ing|ed)?|send(ing)?|schedul\w*|arrang\w*|request\w*|(i|we)('ll| will| am going to|'m going to| are going to|'re going to| can| should| would like to|'d like to| want to) (get|check|draw|do|obtain|repeat|run)|let's (get|check|do|repeat|run)|to rule out)\b|(去|再|先|要)(拍|做|查|验|抽)|抽(个)?血|开(个|一个|张|些)?(检查|化验|单子)|(查|做|拍)(一下|个|一个)|安排|预约|今天(抽血|查|做|拍)|需要(查|做|拍)|建议(查|做|拍|行|完善)|完善/;
/** Words that say a result is in hand ("shows", "positive", "12.5", "3+", "结果出来了", "阴性"). */
const RESULT_WORDS =
  /\b(shows?|showed|shown|reveal\w*|demonstrat\w*|came back|results? (is|are|was|were|show\w*)|positive|negative|normal|unremarkable|elevated|abnormal|trace|\d+(\.\d+)?)\b|\d\s*\+|结果|显示|提示|报告|阳性|阴性|正常|升高|偏高|偏低|降低|增高|异常|\d|[+＋]/;
/** What the patient says about pregnancy, periods and contraception: history. */
const PREGNANCY_STATUS =
  /\b(pregnan\w*|last (menstrual )?period|lmp|my period|menopaus\w*|post-?menopausal|breast-?feeding|contracepti\w*|birth control)\b|怀孕|妊娠|月经|绝经|哺乳|备孕|避孕|停经/;
const RULES: Rule[] = [
  { category: 'allergy_history', speakers: ANYONE, pattern: ALLERGY },
  // Return advice is the plan even when it names a test ("一周后复查尿常规") or a symptom ("if you have any bleeding").
  { category: 'plan', speakers: CLINICIAN, pattern: FOLLOW_UP_ADVICE },
  { category: 'investigations', speakers: ANYONE, pattern: TEST },
  {
    category: 'physical_exam',
    speakers: CLINICIAN,
    pattern:
      /\b(on (physical )?exam\w*|exam\w* (shows?|reveals?|is|was)|physical exam\w*|auscultat\w*|palpat\w*|tender\w*|range of motion|lungs? (are|is|sound)|clear to|heart (sounds?|rate|is)|murmurs?|rubs?|gallops?|edema|effusion|bruising|erythema|vitals?|blood pressure|\bbp\b|pulse|temperature|oxygen|saturation|sat\w*|neuro\w* (exam|intact)|reflexes|strength|sensation)\b|体格检查|查体|听诊|触诊|叩诊|压痛|反跳痛|(?<!高)血压|心率|体温|脉搏|呼吸音|血氧|啰音|杂音|水肿|神志/,
  },
  {
    category: 'physical_exam',
    speakers: ANYONE,
    pattern: /\b(blood pressure|bp) (is|was|of|at)\b|\d{2,3}\s*\/\s*\d{2,3}|mmhg|°|(?<!高)(血压|心率|体温|血氧)[^，。；]{0,8}\d/i,
  },
  {
    category: 'preliminary_diagnosis',
    speakers: CLINICIAN,
    pattern:
      /\b(i think|i believe|likely|unlikely|consistent with|diagnos\w*|assessment|impression|suspect\w*|probably|looks like|seems like|it seems|sounds like|concern(ed)? (for|about|that)|rule out|differential|this is (a|an)|you have (a|an)?)\b|考虑|诊断|可能是|初步判断|怀疑|印象|应该是|像是/,
  },
  { category: 'past_history', speakers: ['patient', 'other'], pattern: PREGNANCY_STATUS },
  {
    category: 'plan',
    speakers: CLINICIAN,
    pattern:
      /\b(prescrib\w*|start\w*|continu\w*|increas\w*|decreas\w*|stop\w*|discontinu\w*|refer\w*|order\w*|schedul\w*|follow[- ]?up|come back|return|recommend\w*|i want you to|i('d| would) like (you|to)|we('ll| will| are going| can| should)|let's|go ahead|take|taking|physical therapy|injection|surgery|procedure|brace|splint|ice|rest|medication|dose|mg|twice|daily|a day)\b|复查|服用|随访|建议|开(点|些)?药|给(您|你)开|开了|加到|加量|减量|减到|停(用|药|掉)|换成|改(用|成)|口服|注射|转诊|住院|手术|复诊|就诊|每日|每天|一天|注意|观察|回来|再来|忌|先吃|吃(点|些)?药|多喝水|休息/,
  },
  {
    category: 'past_history',
    speakers: ANYONE,
    pattern:
      /\b(history of|past medical history|diagnosed with|years ago|had (a |an )?(surgery|operation|procedure)|surgeries|hypertension|high blood pressure|diabetes|asthma|copd|heart failure|atrial fibrillation|cancer|stroke|heart attack|thyroid|kidney disease|depression|anxiety|smok\w*|alcohol|drink\w*|family history)\b|既往|病史|曾经|以前|做过|手术史|高血压|糖尿病|冠心病|哮喘|慢阻肺|吸烟|饮酒|家族史/,
  },
];

/** A test the clinician orders (no result in the sentence) is the plan, not 辅助检查 / Objective. */
function isOrder(lower: string): boolean {
  return TEST.test(lower) && ORDER_WORDS.test(lower) && !RESULT_WORDS.test(lower);
}

/** ACI-Bench style tokenised text ("i do n't , um") tidied for reading; the words are unchanged. */
function tidy(sentence: string): string {
  const text = sentence
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/\s+n't\b/g, "n't")
    .replace(/\s+'(s|re|ve|ll|d|m)\b/g, "'$1")
    .replace(/\bwan na\b/g, 'wanna')
    .replace(/\bgon na\b/g, 'gonna')
    .replace(/\bi\b(?=[\s',.])/g, 'I')
    .replace(/\s{2,}/g, ' ')
    .trim()
    // A Chinese sentence opening with the address ("医生，我咳嗽三天了") loses the address.
    .replace(/^(医生|大夫|护士)[，,]\s*/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const CATEGORY_ORDER: Category[] = [
  'chief_complaint',
  'present_illness',
  'past_history',
  'allergy_history',
  'physical_exam',
  'investigations',
  'preliminary_diagnosis',
  'plan',
];

/** Unpunctuated speech-recognition output can run for pages: cut it at spaces into readable pieces. */
function cutLong(sentence: string): string[] {
  const max = 600;
  if (sentence.length <= max) return [sentence];
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    const cut = space > max / 2 ? space : max;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function isQuestion(sentence: string): boolean {
  return /[?？]\s*$|吗[。？?]?$|呢[。？?]?$/.test(sentence);
}

function classify(sentence: string, speaker: Speaker): Category | undefined {
  const lower = sentence.toLowerCase();
  const units = contentUnits(lower);
  if (units.length < 2) return undefined;
  if (speaker !== 'doctor' && !ALLERGY.test(lower)) {
    // What the patient reports is history, even with a number in it ("体温38.2度" taken at home).
    if (OWN_MEDICINES.test(lower)) return 'past_history';
    if (SYMPTOM.test(lower) && !/\b(history of|diagnosed with)\b|既往|病史/.test(lower)) return 'present_illness';
    if (PATIENT_MEASURED.test(lower)) return 'present_illness';
  }
  if (speaker === 'doctor' && !ALLERGY.test(lower) && !FOLLOW_UP_ADVICE.test(lower) && isOrder(lower)) return 'plan';
  for (const rule of RULES) if (rule.speakers.includes(speaker) && rule.pattern.test(lower)) return rule.category;
  if (speaker !== 'doctor' && SYMPTOM.test(lower)) return 'present_illness';
  if (SYMPTOM.test(lower) && COURSE.test(lower)) return 'present_illness';
  if (speaker !== 'doctor' && COURSE.test(lower)) return 'present_illness';
  return undefined;
}

/** Sentences kept per section, so a long consultation still gives a note, not a transcript. */
const SECTION_CAP = 30;

interface Extracted {
  category: Category;
  text: string;
  turnId: string;
}

const CJK_CHAR = /[\u3400-\u9fff]/;

/**
 * A spoken Chinese sentence often runs several sections together with commas ("考虑急性支气管炎，
 * 先吃布洛芬，三天后复诊"): cut it where consecutive clauses fall into different sections; a clause
 * with no section of its own stays with the one before it.
 */
function splitMixedClauses(sentence: string, speaker: Speaker): Piece[] {
  if (!CJK_CHAR.test(sentence) || !/[，,；;]/.test(sentence)) return [{ text: sentence }];
  const clauses = sentence
    .replace(/[。！!]$/, '')
    .split(/[，,；;]/)
    .filter((clause) => clause.trim());
  const groups: { category: Category | undefined; clauses: string[] }[] = [];
  for (const clause of clauses) {
    const category = classify(clause, speaker);
    const last = groups.at(-1);
    // A reaction after an allergy ("对青霉素过敏，打过一次起了一身皮疹") belongs to the allergy.
    const reaction = last?.category === 'allergy_history' && category === 'present_illness';
    if (last && (category === undefined || reaction || category === last.category || last.category === undefined)) {
      last.clauses.push(clause);
      last.category ??= category;
    } else groups.push({ category, clauses: [clause] });
  }
  // Each group keeps the section its clauses chose: "去拍个胸片，给您开阿奇霉素，每次0.5克" is an order
  // although the dose is a number, which in a whole sentence would read as a result.
  if (groups.length <= 1) return [{ text: sentence, ...(groups[0]?.category ? { category: groups[0].category } : {}) }];
  return groups.map((group) => ({ text: `${group.clauses.join('，')}。`, ...(group.category ? { category: group.category } : {}) }));
}

interface Piece {
  text: string;
  /** The section the clauses chose, when the sentence was cut at clauses. */
  category?: Category;
}

function extract(transcript: Transcript): Extracted[] {
  const out: Extracted[] = [];
  let chiefComplaint: Extracted | undefined;
  let firstSymptom: Extracted | undefined;
  for (const turn of transcript.turns) {
    const sentences = splitSentences(turn.text)
      .flatMap(cutLong)
      .flatMap((sentence): Piece[] => (isQuestion(sentence) ? [{ text: sentence }] : splitMixedClauses(sentence, turn.speaker)));
    for (const piece of sentences) {
      const raw = piece.text;
      if (isQuestion(raw)) continue;
      const category = piece.category ?? classify(raw, turn.speaker);
      const lower = raw.toLowerCase();
      const entry = { text: tidy(raw), turnId: turn.id };
      if (!chiefComplaint && VISIT_REASON.test(lower) && contentUnits(lower).length >= 3) {
        chiefComplaint = { ...entry, category: 'chief_complaint' };
        out.push(chiefComplaint);
        continue;
      }
      if (!category) continue;
      const extracted = { ...entry, category };
      if (!firstSymptom && category === 'present_illness' && turn.speaker !== 'doctor' && SYMPTOM.test(lower)) firstSymptom = extracted;
      out.push(extracted);
    }
  }
  // With no stated reason for the visit, the patient's first complaint is the chief complaint.
  if (!chiefComplaint && firstSymptom) firstSymptom.category = 'chief_complaint';
  // Within a SOAP section the chief complaint still comes first, then history, then allergies.
  return out.sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));
}

const SOAP_OF: Record<Category, string> = {
  chief_complaint: 'subjective',
  present_illness: 'subjective',
  past_history: 'subjective',
  allergy_history: 'subjective',
  physical_exam: 'objective',
  investigations: 'objective',
  preliminary_diagnosis: 'assessment',
  plan: 'plan',
};

/** Builds the extractive note for a transcript: every section present, possibly empty. */
export function buildExtractiveNote(transcript: Transcript, options: ExtractiveNoteOptions = {}): ClinicalDocument {
  const language = options.language ?? transcript.language;
  const format = options.format ?? defaultVisitNoteFormat(language);
  const keys = visitNoteSectionKeys(format);
  const byKey = new Map<string, Extracted[]>(keys.map((key) => [key, []]));
  // 门诊病历 from a Chinese consultation: 主诉 is written as symptom + duration (chief-complaint.ts);
  // the patient's own sentence stays in 现病史.
  const chiefComplaint = format === 'zh-outpatient' && transcript.language === 'zh' ? buildChiefComplaint(transcript.turns) : null;
  for (const entry of extract(transcript)) {
    const category = chiefComplaint && entry.category === 'chief_complaint' ? 'present_illness' : entry.category;
    const key = format === 'soap' ? SOAP_OF[category] : category;
    const list = byKey.get(key);
    if (list && list.length < (format === 'soap' ? SECTION_CAP * 2 : SECTION_CAP)) list.push(entry);
  }
  let next = 1;
  const sections: NoteSection[] = keys.map((key) => {
    const sentences: NoteSentence[] = [];
    if (key === 'chief_complaint' && chiefComplaint) {
      // Built by code from the cited turns, not a transcript sentence: nothing to score lexically.
      sentences.push({
        id: `S${next++}`,
        text: chiefComplaint.text,
        support: { sourceIds: chiefComplaint.turnIds, status: 'computed', score: 1 },
      });
    }
    for (const entry of byKey.get(key) ?? [])
      sentences.push({ id: `S${next++}`, text: entry.text, support: { sourceIds: [entry.turnId], status: 'supported', score: 1 } });
    return { key, title: sectionTitle(format, key, language), sentences };
  });
  return { format, language, title: EXTRACTIVE_TITLES[language], method: 'extractive', sections, omissions: [] };
}

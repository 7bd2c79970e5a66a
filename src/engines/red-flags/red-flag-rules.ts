import type { Bilingual, Citation } from '../../knowledge/index.js';
import type { RedFlagFinding } from './red-flag-findings.js';

/**
 * The red-flag rules, as data. A rule fires when every finding of any one of its `whenAll` sets is
 * present (findings come from structured answers and free text alike). Each rule is one category
 * of emergency advice (emergency-message.ts) and cites where the sign comes from.
 */

export type RedFlagId =
  | 'cardiac-chest-pain'
  | 'stroke-signs'
  | 'anaphylaxis'
  | 'severe-bleeding'
  | 'sepsis-signs'
  | 'suicidal-ideation'
  | 'pregnancy-warning'
  | 'infant-fever'
  | 'thunderclap-headache'
  | 'consciousness-seizure'
  | 'severe-breathing';

export interface RedFlagRule {
  id: RedFlagId;
  label: Bilingual;
  /** Why it fired, in general terms (never the patient's words). */
  reason: Bilingual;
  source: Citation;
  whenAll: readonly (readonly RedFlagFinding[])[];
}

const NHS_999: Citation = {
  title: 'NHS: When to call 999',
  url: 'https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/',
};

export const RED_FLAG_RULES: readonly RedFlagRule[] = [
  {
    id: 'cardiac-chest-pain',
    label: { en: 'Possible heart attack', zh: '疑似急性心肌梗死' },
    reason: {
      en: 'Chest pain with sweating or breathlessness, or crushing chest pain or pain spreading to the arm or jaw.',
      zh: '胸痛伴出汗或呼吸困难，或压榨样胸痛、向手臂或下颌放射。',
    },
    source: {
      title: 'NHS: Heart attack — symptoms; AHA: Warning signs of a heart attack',
      section: 'chest pain or pressure spreading to arm/jaw, sweating, shortness of breath',
      url: 'https://www.nhs.uk/conditions/heart-attack/symptoms/',
    },
    whenAll: [
      ['chest-pain', 'sweating'],
      ['chest-pain', 'breathless'],
      ['chest-pain', 'crushing-chest-pain'],
      ['chest-pain', 'pain-to-arm-or-jaw'],
    ],
  },
  {
    id: 'stroke-signs',
    label: { en: 'Possible stroke', zh: '疑似脑卒中' },
    reason: {
      en: 'A sign of stroke: face drooping, arm weakness or speech difficulty.',
      zh: '出现脑卒中征象：口角歪斜、一侧肢体无力或言语不清。',
    },
    source: {
      title: 'AHA/ASA: Stroke warning signs (BE FAST)',
      section: 'Balance, Eyes, Face drooping, Arm weakness, Speech difficulty, Time to call',
      url: 'https://www.stroke.org/en/about-stroke/stroke-symptoms',
    },
    whenAll: [['face-droop'], ['arm-weakness'], ['speech-difficulty']],
  },
  {
    id: 'anaphylaxis',
    label: { en: 'Possible anaphylaxis', zh: '疑似严重过敏反应' },
    reason: {
      en: 'Swelling of the throat, tongue or lips, or wheeze or breathing difficulty after an allergen.',
      zh: '喉咙、舌头或嘴唇肿胀，或接触过敏原后出现喘鸣或呼吸困难。',
    },
    source: {
      title: 'World Allergy Organization anaphylaxis guidance 2020 (Cardona V et al., World Allergy Organ J 2020;13:100472)',
      section: 'Clinical criteria for diagnosing anaphylaxis (criteria 1 and 2)',
      url: 'https://doi.org/10.1016/j.waojou.2020.100472',
    },
    whenAll: [['airway-swelling'], ['allergen-exposure', 'breathless'], ['allergen-exposure', 'wheeze']],
  },
  {
    id: 'severe-bleeding',
    label: { en: 'Severe bleeding', zh: '严重出血' },
    reason: {
      en: 'Vomiting blood, heavy bleeding that will not stop, or black tarry stool with fainting.',
      zh: '呕血、出血不止，或黑便（柏油样便）伴晕厥。',
    },
    source: {
      ...NHS_999,
      section: 'severe bleeding that cannot be stopped; NICE CG141 acute upper GI bleeding (haematemesis, melaena with shock)',
    },
    whenAll: [['vomiting-blood'], ['heavy-bleeding'], ['black-stool', 'fainted']],
  },
  {
    id: 'sepsis-signs',
    label: { en: 'Possible sepsis', zh: '疑似脓毒症' },
    reason: {
      en: 'Fever or a low temperature with confusion, very fast breathing, mottled or blue skin, or no urine.',
      zh: '发热或体温过低，伴意识改变、呼吸很快、皮肤花斑或发紫，或长时间无尿。',
    },
    source: {
      title: 'NICE NG51: Suspected sepsis — recognition, diagnosis and early management',
      section: 'High risk criteria: new altered mental state, respiratory rate ≥ 25/min, mottled or ashen, cyanosis, no urine in 18 h',
      url: 'https://www.nice.org.uk/guidance/ng51',
    },
    whenAll: [
      ['fever', 'confusion'],
      ['fever', 'very-fast-breathing'],
      ['fever', 'mottled-or-blue-skin'],
      ['fever', 'no-urine'],
      ['low-temperature', 'confusion'],
      ['low-temperature', 'very-fast-breathing'],
      ['low-temperature', 'mottled-or-blue-skin'],
      ['low-temperature', 'no-urine'],
    ],
  },
  {
    id: 'suicidal-ideation',
    label: { en: 'Thoughts of suicide or self-harm', zh: '自杀或自伤念头' },
    reason: {
      en: 'Thoughts of suicide, of ending one’s life or of self-harm were mentioned.',
      zh: '提及自杀、结束生命或伤害自己的想法。',
    },
    source: {
      title: 'WHO mhGAP Intervention Guide 2.0 (2016), module Self-harm/Suicide; Columbia Suicide Severity Rating Scale',
      section: 'SUI: assess for thoughts, plans or acts of self-harm; imminent risk needs emergency care',
      url: 'https://www.who.int/publications/i/item/9789241549790',
    },
    whenAll: [['suicidal-ideation']],
  },
  {
    id: 'pregnancy-warning',
    label: { en: 'Pregnancy warning sign', zh: '妊娠危险征象' },
    reason: {
      en: 'Vaginal bleeding or severe abdominal pain during pregnancy.',
      zh: '妊娠期阴道出血或剧烈腹痛。',
    },
    source: {
      title: 'WHO: Pregnancy, childbirth, postpartum and newborn care (PCPNC), 3rd ed. 2015; ACOG: urgent maternal warning signs',
      section: 'Danger signs in pregnancy: vaginal bleeding, severe abdominal pain',
      url: 'https://www.who.int/publications/i/item/9789241549356',
    },
    whenAll: [
      ['pregnant', 'vaginal-bleeding'],
      ['pregnant', 'severe-abdominal-pain'],
    ],
  },
  {
    id: 'infant-fever',
    label: { en: 'Fever in a baby under 3 months', zh: '3个月以下婴儿发热' },
    reason: {
      en: 'A baby younger than 3 months with a temperature of 38 °C or more.',
      zh: '3个月以下婴儿体温≥38 °C。',
    },
    source: {
      title: 'NICE NG143: Fever in under 5s — assessment and initial management',
      section: 'Table 1 (red: age 0–3 months, temperature ≥ 38 °C); §1.1.6 parental report of fever is valid',
      url: 'https://www.nice.org.uk/guidance/ng143',
    },
    whenAll: [['young-infant', 'fever']],
  },
  {
    id: 'thunderclap-headache',
    label: { en: 'Sudden severe (thunderclap) headache', zh: '突发剧烈头痛（霹雳样头痛）' },
    reason: {
      en: 'A sudden, very severe headache, the worst ever.',
      zh: '突然发生的剧烈头痛，为平生最严重。',
    },
    source: {
      title: 'NICE CKS: Headache — assessment',
      section: 'Red flags: sudden-onset headache reaching maximum intensity within 5 minutes (thunderclap)',
      url: 'https://cks.nice.org.uk/topics/headache-assessment/',
    },
    whenAll: [['thunderclap-headache']],
  },
  {
    id: 'consciousness-seizure',
    label: { en: 'Loss of consciousness, seizure or sudden confusion', zh: '意识丧失、抽搐或急性意识障碍' },
    reason: {
      en: 'Fainting or loss of consciousness, a seizure, or a sudden confused state.',
      zh: '晕厥或意识丧失、抽搐发作，或突然出现意识模糊。',
    },
    source: { ...NHS_999, section: 'loss of consciousness, an acute confused state, fits that are not stopping' },
    whenAll: [['fainted'], ['seizure'], ['acute-confusion']],
  },
  {
    id: 'severe-breathing',
    label: { en: 'Severe difficulty breathing', zh: '严重呼吸困难' },
    reason: {
      en: 'Severe difficulty breathing: unable to speak in sentences, gasping or choking.',
      zh: '严重呼吸困难：喘不上气、说不出完整的话、窒息感。',
    },
    source: { ...NHS_999, section: 'severe difficulty breathing — not being able to get words out, choking or gasping' },
    whenAll: [['severe-breathless']],
  },
];

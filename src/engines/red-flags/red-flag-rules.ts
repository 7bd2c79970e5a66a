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
  | 'severe-breathing'
  | 'pulmonary-embolism'
  | 'aortic-dissection'
  | 'diabetic-ketoacidosis'
  | 'severe-hypoglycaemia'
  | 'status-epilepticus'
  | 'meningitis-signs'
  | 'acute-abdomen'
  | 'head-injury';

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
      // NHS heart attack symptoms also list feeling sick, lightheaded or dizzy, and sweating with
      // breathlessness without chest pain (NHS England "Help Us Help You" heart attack campaign).
      ['chest-pain', 'nausea'],
      ['chest-pain', 'vomiting'],
      ['chest-pain', 'shock-signs'],
      ['chest-pain', 'fainted'],
      ['sudden-breathless', 'sweating'],
      ['sweating', 'nausea', 'sense-of-doom'],
      ['named-heart-attack'],
      ['gtn-not-working'],
      ['chest-pain', 'sense-of-doom'],
      ['arm-and-jaw-pain', 'sweating'],
      ['arm-and-jaw-pain', 'breathless'],
      ['arm-and-jaw-pain', 'nausea'],
      ['indigestion-like', 'sweating', 'shock-signs'],
      ['indigestion-like', 'sweating', 'breathless'],
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
    whenAll: [
      ['face-droop'],
      ['arm-weakness'],
      ['speech-difficulty'],
      ['sudden-vision-loss'],
      ['sudden-balance-loss', 'vomiting'],
      ['named-stroke'],
    ],
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
    whenAll: [
      ['airway-swelling'],
      ['allergen-exposure', 'breathless'],
      ['allergen-exposure', 'wheeze'],
      // WAO 2020 criteria: skin involvement (hives) with breathing trouble or low blood pressure, or a
      // likely allergen followed by breathing trouble or collapse.
      ['hives', 'breathless'],
      ['named-anaphylaxis'],
      ['hives', 'wheeze'],
      ['hives', 'shock-signs'],
      ['hives', 'fainted'],
      ['allergen-exposure', 'blue-lips'],
      ['allergen-exposure', 'low-blood-pressure'],
      ['allergen-exposure', 'fainted'],
      ['allergen-exposure', 'reliever-not-working'],
      ['face-swelling', 'allergen-exposure'],
      ['face-swelling', 'hives'],
      ['face-swelling', 'wheeze'],
      ['face-swelling', 'breathless'],
    ],
  },
  {
    id: 'severe-bleeding',
    label: { en: 'Severe bleeding', zh: '严重出血' },
    reason: {
      en: 'Vomiting blood or coffee-ground material, heavy bleeding that will not stop (also from the bottom), or black tarry stool with fainting, dizziness or paleness.',
      zh: '呕血或呕吐咖啡渣样物、出血不止（包括便血量大），或黑便（柏油样便）伴晕厥、头晕或面色苍白。',
    },
    source: {
      ...NHS_999,
      section:
        'severe bleeding that cannot be stopped; NHS stomach ache (vomit with blood or like coffee grounds, bloody or black sticky stools → 999); NICE CG141 acute upper GI bleeding (haematemesis, melaena with shock)',
    },
    whenAll: [
      ['vomiting-blood'],
      ['heavy-bleeding'],
      ['heavy-rectal-bleeding'],
      ['black-stool', 'fainted'],
      ['black-stool', 'shock-signs'],
    ],
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
      // NEWS2 single-parameter red scores (systolic ≤ 90 mmHg, pulse ≥ 131) and NHS sepsis signs
      // (shivering, "feels like going to die", very sleepy) with a fever or a known infection.
      ['fever', 'low-blood-pressure'],
      ['fever', 'very-fast-heart'],
      ['fever', 'drowsy'],
      ['fever', 'sense-of-doom'],
      ['fever', 'severe-breathless'],
      ['fever', 'rigors', 'shock-signs'],
      ['rigors', 'low-blood-pressure'],
      ['rigors', 'very-fast-heart'],
      ['rigors', 'confusion'],
      ['rigors', 'sense-of-doom'],
      ['cancer-treatment', 'fever'],
      ['cancer-treatment', 'rigors'],
      ['infection', 'confusion'],
      ['infection', 'drowsy'],
      ['infection', 'low-blood-pressure'],
      ['infection', 'very-fast-heart'],
      ['infection', 'mottled-or-blue-skin'],
      ['infection', 'no-urine'],
      ['infection', 'very-fast-breathing'],
      ['infection', 'fever', 'rigors'],
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
      // NHS ectopic pregnancy: a missed period with tummy pain low down on one side, bleeding or
      // shoulder-tip pain; 999 for sudden intense pain with dizziness, fainting or pallor.
      ['missed-period', 'severe-abdominal-pain'],
      ['named-ectopic', 'abdominal-pain'],
      ['named-ectopic', 'vaginal-bleeding'],
      ['missed-period', 'one-sided-abdominal-pain'],
      ['missed-period', 'shoulder-tip-pain'],
      ['missed-period', 'abdominal-pain', 'vaginal-bleeding'],
      ['missed-period', 'abdominal-pain', 'fainted'],
      ['missed-period', 'abdominal-pain', 'shock-signs'],
      ['pregnant', 'one-sided-abdominal-pain'],
      ['pregnant', 'shoulder-tip-pain'],
      ['pregnant', 'abdominal-pain', 'fainted'],
      ['pregnant', 'abdominal-pain', 'shock-signs'],
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
      en: 'Severe difficulty breathing: unable to speak in sentences, gasping or choking, blue lips with breathlessness, the skin pulling in between the ribs, or an oxygen reading of 92 % or less.',
      zh: '严重呼吸困难：喘不上气、说不出完整的话、窒息感，气促伴口唇发紫，肋间凹陷，或血氧饱和度≤92%。',
    },
    source: {
      ...NHS_999,
      section:
        'severe difficulty breathing — not being able to get words out, choking or gasping; NHS England COVID oximetry @home: SpO2 92 % or less or unable to talk in sentences → call 999',
    },
    whenAll: [
      ['severe-breathless'],
      ['breathless', 'mottled-or-blue-skin'],
      ['chest-recession'],
      ['low-oxygen'],
      ['blue-lips', 'wheeze'],
      ['very-fast-breathing', 'mottled-or-blue-skin'],
      ['breathless', 'drowsy'],
      // Asthma attack: the reliever inhaler does not help (NHS asthma: call 999).
      ['reliever-not-working', 'breathless'],
      ['reliever-not-working', 'wheeze'],
    ],
  },
  {
    id: 'pulmonary-embolism',
    label: { en: 'Possible blood clot in the lung (pulmonary embolism)', zh: '疑似肺栓塞' },
    reason: {
      en: 'Sudden breathlessness, chest pain on breathing in or coughing blood, with a swollen painful leg or a recent flight, operation, birth or immobilisation.',
      zh: '突发气促、吸气时胸痛或咯血，伴一侧腿肿痛，或近期长途旅行、手术、分娩、制动。',
    },
    source: {
      title: 'NHS: Pulmonary embolism — symptoms; Asthma + Lung UK: Pulmonary embolism',
      section:
        'sudden breathlessness, sharp chest pain worse when breathing in, coughing up blood; DVT: pain, redness, swelling in one leg (calf)',
      url: 'https://www.nhs.uk/conditions/pulmonary-embolism/',
    },
    whenAll: [
      ['dvt-sign', 'breathless'],
      ['dvt-sign', 'pleuritic-chest-pain'],
      ['dvt-sign', 'coughing-blood'],
      ['clot-risk', 'sudden-breathless'],
      ['clot-risk', 'pleuritic-chest-pain'],
      ['clot-risk', 'coughing-blood'],
      ['sudden-breathless', 'pleuritic-chest-pain'],
      ['pleuritic-chest-pain', 'coughing-blood'],
      ['sudden-breathless', 'coughing-blood'],
      ['dvt-sign', 'chest-pain'],
    ],
  },
  {
    id: 'aortic-dissection',
    label: { en: 'Possible tear in the aorta (aortic dissection)', zh: '疑似主动脉夹层' },
    reason: {
      en: 'Sudden severe tearing or ripping pain in the chest or back, or sudden severe chest pain going through to the back.',
      zh: '突发剧烈的撕裂样胸痛或背痛，或突发剧烈胸痛并穿透至背部。',
    },
    source: {
      title: 'NHS: Aortic dissection',
      section: 'sudden severe pain in the chest or upper back, described as tearing or ripping, spreading to the neck or down the back',
      url: 'https://www.nhs.uk/conditions/aortic-dissection/',
    },
    whenAll: [['tearing-chest-back-pain'], ['sudden-severe-back-pain'], ['chest-pain-through-to-back']],
  },
  {
    id: 'diabetic-ketoacidosis',
    label: { en: 'Possible diabetic ketoacidosis (DKA)', zh: '疑似糖尿病酮症酸中毒' },
    reason: {
      en: 'Diabetes with vomiting, fruity-smelling breath or deep breathing, or high ketones (blood 3 mmol/L or more, urine more than 2+).',
      zh: '糖尿病患者出现呕吐、呼气有烂苹果味或深大呼吸，或酮体很高（血酮≥3 mmol/L，尿酮>2+）。',
    },
    source: {
      title: 'NHS: Diabetic ketoacidosis; NHS: Stomach ache ("you have diabetes and you are vomiting" → 999)',
      section:
        'blood ketones 3 mmol/L or over, or urine ketones over 2+: call 999 or go to A&E; symptoms: vomiting, tummy pain, deep breathing, fruity breath, sleepy or confused',
      url: 'https://www.nhs.uk/conditions/diabetic-ketoacidosis/',
    },
    whenAll: [
      ['ketones-high'],
      ['diabetes', 'vomiting'],
      ['diabetes', 'ketotic-breath'],
      ['diabetes', 'deep-breathing'],
      ['ketotic-breath', 'vomiting'],
      // Glucose ≥ 11.1 mmol/L or a meter reading "HI" with a DKA symptom (ADA/EASD 2024 consensus;
      // NHS DKA: being sick, tummy pain, deep breathing, sleepiness), or the thirst and weight loss
      // of undiagnosed type 1 diabetes with vomiting or deep breathing.
      ['high-glucose', 'vomiting'],
      ['high-glucose', 'nausea'],
      ['high-glucose', 'abdominal-pain'],
      ['high-glucose', 'deep-breathing'],
      ['high-glucose', 'drowsy'],
      ['high-glucose', 'acute-confusion'],
      ['polydipsia', 'vomiting'],
      ['polydipsia', 'deep-breathing'],
      ['diabetes', 'polydipsia', 'confusion'],
    ],
  },
  {
    id: 'severe-hypoglycaemia',
    label: { en: 'Dangerously low blood sugar (hypoglycaemia)', zh: '严重低血糖' },
    reason: {
      en: 'A blood sugar below 3.0 mmol/L (54 mg/dL), or low blood sugar or diabetes treatment with confusion, drowsiness, fainting, a seizure or being unable to swallow.',
      zh: '血糖低于3.0 mmol/L（54 mg/dL），或低血糖/使用降糖治疗时出现意识模糊、嗜睡、晕倒、抽搐或无法吞咽。',
    },
    source: {
      title: 'American Diabetes Association, Standards of Care in Diabetes — Glycemic targets, table 6.3 (classification of hypoglycemia)',
      section: 'level 2: glucose < 54 mg/dL (3.0 mmol/L); level 3 (severe): altered mental or physical status requiring assistance',
      url: 'https://diabetesjournals.org/care/article/46/Supplement_1/S97/148053/6-Glycemic-Targets-Standards-of-Care-in-Diabetes',
    },
    whenAll: [
      ['very-low-glucose'],
      ['hypoglycaemia', 'fainted'],
      ['hypoglycaemia', 'acute-confusion'],
      ['hypoglycaemia', 'drowsy'],
      ['hypoglycaemia', 'cannot-swallow'],
      ['hypoglycaemia', 'seizure'],
      ['diabetes', 'fainted'],
      ['diabetes', 'acute-confusion'],
      ['diabetes', 'drowsy'],
      ['diabetes', 'seizure'],
    ],
  },
  {
    id: 'status-epilepticus',
    label: { en: 'Seizure that is not stopping (status epilepticus)', zh: '持续抽搐（疑似癫痫持续状态）' },
    reason: {
      en: 'A seizure lasting 5 minutes or more, or seizures one after another without waking in between.',
      zh: '抽搐持续5分钟或以上，或反复抽搐、发作间期未恢复意识。',
    },
    source: {
      title: 'Epilepsy Action: Emergency treatment for seizures that last a long time; NHS: Epilepsy — when to call 999',
      section:
        'a convulsive seizure lasting more than 5 minutes, or one seizure following another without the person regaining consciousness',
      url: 'https://www.epilepsy.org.uk/info/firstaid/emergency-treatment-seizures-last-long-time',
    },
    whenAll: [['prolonged-seizure'], ['repeated-seizures-no-recovery'], ['seizure-with-no-recovery']],
  },
  {
    id: 'meningitis-signs',
    label: { en: 'Possible meningitis or meningococcal septicaemia', zh: '疑似脑膜炎或脑膜炎球菌败血症' },
    reason: {
      en: 'Fever with a stiff neck or a bulging soft spot in a baby, a stiff neck with dislike of bright light, or a rash that does not fade under a glass.',
      zh: '发热伴颈项强直或婴儿前囟隆起，颈项强直伴畏光，或皮疹用玻璃杯按压不褪色。',
    },
    source: {
      title: 'NHS: Meningitis — symptoms (the glass test)',
      section:
        'fever, stiff neck, dislike of bright lights, a rash that does not fade when a glass is rolled over it; babies: a bulging soft spot',
      url: 'https://www.nhs.uk/conditions/meningitis/',
    },
    whenAll: [
      ['fever', 'stiff-neck'],
      ['non-blanching-rash'],
      ['fever', 'bulging-fontanelle'],
      ['stiff-neck', 'photophobia'],
      // NHS meningitis: a rash of pinpricks that turns into red or purple blotches, with a fever.
      ['fever', 'purpuric-rash'],
      ['purpuric-rash', 'drowsy'],
      ['purpuric-rash', 'stiff-neck'],
    ],
  },
  {
    id: 'acute-abdomen',
    label: { en: 'Severe abdominal emergency (acute abdomen)', zh: '急腹症征象' },
    reason: {
      en: 'Sudden severe abdominal pain, a rigid belly or pain on touching or moving, no wind with vomiting or pain, green or faeces-like vomit, or severe abdominal pain with fainting or paleness.',
      zh: '突发剧烈腹痛、腹部板样僵硬或触碰/活动时剧痛、停止排气伴呕吐或腹痛、呕吐绿色或粪样物，或剧烈腹痛伴晕厥、面色苍白。',
    },
    source: {
      title: 'NHS: Stomach ache — when to call 999 or go to A&E',
      section: 'sudden severe stomach pain; it hurts when you touch your stomach; you cannot poo or fart; vomiting; someone has collapsed',
      url: 'https://www.nhs.uk/conditions/stomach-ache/',
    },
    whenAll: [
      ['sudden-severe-abdominal-pain'],
      ['rigid-abdomen'],
      ['abdominal-pain', 'peritoneal-pain'],
      ['no-flatus', 'vomiting'],
      ['no-flatus', 'abdominal-pain'],
      ['bilious-or-faecal-vomit'],
      ['severe-abdominal-pain', 'fainted'],
      ['severe-abdominal-pain', 'shock-signs'],
    ],
  },
  {
    id: 'head-injury',
    label: { en: 'Head injury with warning signs', zh: '头部外伤伴危险征象' },
    reason: {
      en: 'A blow to the head with vomiting, drowsiness, confusion, memory loss, a worsening headache, a seizure or fainting, or while taking a blood thinner.',
      zh: '头部受撞击后出现呕吐、嗜睡、意识模糊、记忆缺失、头痛加重、抽搐或晕厥，或正在服用抗凝药。',
    },
    source: {
      title: 'NHS: Head injury and concussion; NICE NG232 Head injury: assessment and early management (2023)',
      section:
        'A&E: vomiting since the injury, memory problems, a headache that does not go away, taking blood thinners; 999: difficulty staying awake, a fit',
      url: 'https://www.nhs.uk/conditions/head-injury-and-concussion/',
    },
    whenAll: [
      ['head-injury', 'anticoagulant'],
      ['head-injury', 'vomiting'],
      ['head-injury', 'drowsy'],
      ['head-injury', 'acute-confusion'],
      ['head-injury', 'amnesia'],
      ['head-injury', 'worsening-headache'],
      ['head-injury', 'fainted'],
      ['head-injury', 'seizure'],
      // NHS head injury: clear fluid coming from the ears or nose → A&E.
      ['head-injury', 'csf-leak'],
      ['fall-or-knock', 'anticoagulant', 'worsening-headache'],
      // A fall, then a headache getting worse and vomiting, with the head not named (NHS head injury).
      ['fall-or-knock', 'worsening-headache', 'vomiting'],
    ],
  },
];

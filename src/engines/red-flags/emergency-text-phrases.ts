import { G, GN, type PhraseSet, S, SUDDEN, SUDDEN_EN, W5 } from './phrase-fragments.js';
import type { RedFlagFinding } from './red-flag-findings.js';

/**
 * Phrases for the findings added with the second evaluation set (data/red-flags-eval/
 * emergencies-2.jsonl): pulmonary embolism, aortic dissection, diabetic ketoacidosis, severe
 * hypoglycaemia, status epilepticus, meningitis, acute abdomen, head injury, GI bleeding and
 * respiratory failure. Same conventions as text-phrases.ts; the clinical thresholds below cite
 * their sources, and each rule in red-flag-rules.ts cites the lay description the words follow.
 */

/**
 * A duration of five minutes or more, Chinese ("五分钟", "十几分钟", "七八分钟", "半个小时"), not
 * "…分钟前" (ago). A convulsive seizure lasting more than 5 minutes needs emergency treatment
 * (Epilepsy Action, "Treatment for seizures that last more than 5 minutes and for status
 * epilepticus", https://www.epilepsy.org.uk/info/firstaid/emergency-treatment-seizures-last-long-time).
 */
export const FIVE_MIN_ZH =
  '(?:(?:(?<![\\d.])(?:[5-9]|[1-9]\\d{1,2})|[五六七八九十]|十几|[二三四五六七八九]十几?|几十|[五六七八][六七八九])\\s*多?\\s*(?:分钟|分(?!之)|min)|半(?:个)?多?(?:小时|钟头)|[一两几]个多?(?:小时|钟头))(?!前|以前|之前)';
/** The same in English, not "… ago". */
export const FIVE_MIN_EN =
  '(?:(?<![\\d.])(?:[5-9]|[1-9]\\d{1,2})\\s*\\+?\\s*(?:mins?|minutes?)|(?:five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty) ?(?:mins?|minutes?)|half an hour|an hour|(?:one|two) hours?)(?! ago)';
/** A Chinese seizure word ("抽" alone, but not 抽筋 cramp, 抽烟, 抽血 …; not bare 发作, as in 心绞痛发作). */
const SEIZE_ZH = '(?:抽搐|抽风|抽动|惊厥|癫痫(?:大)?发作|羊(?:角|癫)风|(?<![筋烟血水])抽(?![筋烟血空屉奖签查时出水]))';
/** An English seizure word (not bare "fits": "coughing fits for 10 minutes"). */
const SEIZE_EN = '(?:seiz\\w*|fitting|convuls\\w*|jerking|shaking all over|eyes (?:have )?rolled)';
/**
 * Blood glucose below 3.0 mmol/L (54 mg/dL): ADA level 2, "clinically significant" hypoglycaemia
 * (ADA Standards of Care, Glycemic targets, table 6.3; https://diabetesjournals.org/care).
 */
const BELOW_3_MMOL =
  '(?<![\\d.])[0-2](?:\\.\\d+)?(?![\\d.])(?!\\s*(?:小时|个小时|h|hours?|hrs?|点|次|年|天|周|个月|月|am|pm|times|days?|weeks?|years?))';
const BELOW_54_MGDL = '(?<![\\d.])(?:[1-4]\\d|5[0-3])(?![\\d.])\\s*mg';
/**
 * Ketones: blood 3 mmol/L or more, or urine more than 2+, "means you may have DKA and should call
 * 999 or go to A&E" (NHS, Diabetic ketoacidosis, https://www.nhs.uk/conditions/diabetic-ketoacidosis/;
 * JBDS DKA definition: ketonaemia > 3.0 mmol/L or ketonuria > 2+).
 */
const KETONE_3_PLUS = '(?<![\\d.])(?:[3-9]|[1-9]\\d)(?:\\.\\d+)?(?![\\d.])';
/**
 * SpO2 of 92 % or less: "call 999" in the NHS England COVID oximetry @home patient guide (as
 * reproduced at https://durhamstudenthealth.co.uk/home-saturation-monitoring/).
 */
const SPO2_92_OR_LESS = '(?<![\\d.])(?:[5-8]\\d|9[0-2])(?![\\d.])';

const LEG_ZH = '(?:小腿|腿肚子?|(?:一|单)(?:条|侧|边)(?:的)?(?:小)?腿|(?:左|右)(?:边|侧)?(?:的)?(?:小)?腿)';
const CHEST_BACK_ZH = '(?:胸口|胸部|前胸|胸|后背|背部|背|肩胛骨?)';
const BELLY_ZH = '(?:肚子|腹部|上腹部?|下腹部?|小腹|肚皮|腹)';
const BELLY_EN = '(?:abdomen|abdominal|stomach|tummy|belly)';

export const EMERGENCY_TEXT_PHRASES = {
  // ── Pulmonary embolism (NHS / Asthma + Lung UK: sudden breathlessness, chest pain worse on
  //    breathing in, coughing blood; DVT: a painful, red or swollen leg, usually the calf) ──
  'sudden-breathless': {
    zh: [
      `${SUDDEN}${GN}{0,6}?(?:喘不(?:过|上)|上不来气|透不过气|吸不(?:进|上)|气(?:短|促|喘|很?急)|呼吸(?:很|特别)?(?:困难|急促|费力)|憋气|憋得|喘)`,
    ],
    en: [
      `${SUDDEN_EN}${G}{0,25}(?:short of breath|breathless|out of breath|can'?t (?:catch|get) (?:my |a |enough )?(?:breath|air)|cannot (?:catch|get) (?:my |a |enough )?(?:breath|air)|can'?t breathe|struggling to breathe|gasping)`,
      `(?:short of breath|breathless|out of breath)${G}{0,12}(?:all of a sudden|suddenly|out of nowhere)`,
    ],
  },
  'dvt-sign': {
    zh: [`${LEG_ZH}${GN}{0,6}?(?:肿|胀痛|红肿)`, '深静脉血栓', '腿(?:上|里)?(?:长了|有)血栓'],
    en: [
      `(?:calf|calves|one leg|(?:left|right) leg)${G}{0,25}(?:swollen|swelling|red and (?:swollen|sore|painful)|hot and (?:swollen|sore|painful))`,
      'swollen (?:left |right )?(?:calf|leg)',
      'dvt',
      'deep vein thrombosis',
      'blood clot in (?:my|his|her|the) leg',
    ],
  },
  'clot-risk': {
    zh: [
      '(?:十几个|几十个|\\d{2}个?|一天一夜)(?:多)?(?:小时)?(?:的)?(?:飞机|航班|火车|大巴|长途车)',
      '长途(?:飞行|飞机|航班|大巴|汽车|火车|旅行|车)',
      `(?:飞机|大巴|火车)${GN}{0,3}坐了${GN}{0,2}(?:一天一夜|十几个小时|\\d{2}个?小时)`,
      '手术后|术后|做完(?:了)?' + GN + '{0,6}手术|开完刀|刚做(?:了|完)?' + GN + '{0,6}手术',
      '生完(?:孩子|宝宝|小孩)|产后|剖腹产|剖宫产|坐月子',
      '打(?:了)?石膏|卧床|躺了' + GN + '{0,4}(?:天|周|星期|月)|骨折',
      '避孕药|雌激素',
    ],
    en: [
      'long[- ]haul',
      '(?:long|\\d+[- ]hours?) (?:flight|drive|bus|train|car|journey)',
      'flew (?:back|in|home) from',
      'surgery',
      'operation',
      'op',
      'gave birth|giving birth|had (?:a|my|the|our) baby|postpartum|post-partum|c-section|ca?esarean',
      'in a cast|plaster cast|bed ?bound|laid up|bed rest|immobili[sz]ed',
      'on the pill|contraceptive pill|birth control pills?|hrt|hormone replacement|o?estrogen',
    ],
  },
  'pleuritic-chest-pain': {
    zh: [
      `(?:深)?(?:吸气|呼吸|咳嗽)(?:的)?(?:时候|时)?${GN}{0,6}?(?:胸口|胸部|胸|肋骨?|侧胸|一侧)${GN}{0,4}?(?:痛|疼|刺痛)`,
      `(?:深)?吸气${GN}{0,2}(?:就|会)?(?:痛|疼|刺痛)`,
    ],
    en: [
      `(?:chest|side|ribs?|lungs?)${G}{0,30}?(?:when|if|as|whenever) (?:i|you|he|she) (?:breathe|take a (?:deep )?breath|inhale|cough)`,
      'hurts to (?:breathe|take a (?:deep )?breath|inhale)',
      'painful to breathe',
      'pleuri\\w*',
    ],
  },
  'coughing-blood': {
    zh: [`咳(?:出|了)?${GN}{0,4}?血(?![压糖脂常])`, '咯血', '痰(?:里|中)(?:有|带)血'],
    en: [
      `cough(?:ing|ed|s)? up${G}{0,15}blood`,
      `coughed${G}{0,15}blood`,
      'ha?emoptysis',
      'blood in (?:my|the|his|her) (?:sputum|phlegm|spit)',
    ],
  },

  // ── Aortic dissection (sudden severe chest or upper-back pain, tearing or ripping, spreading to
  //    the back or between the shoulder blades) ──
  'tearing-chest-back-pain': {
    zh: [
      `${CHEST_BACK_ZH}${GN}{0,10}?(?<!肌|肌肉|韧带|半月板|伤口)(?:撕裂|撕开|撕扯|被撕)`,
      `(?:撕裂|撕开|被撕)${GN}{0,8}?(?:痛|疼)${GN}{0,8}?${CHEST_BACK_ZH}`,
      `(?:撕裂|撕开)(?:样|性|般)?的?${CHEST_BACK_ZH}(?:痛|疼)`,
    ],
    en: [
      `(?:tearing|ripping|shearing) (?:pain|sensation|feeling)${W5} (?:chest|back|shoulder blades?)`,
      `(?:chest|back|shoulder blades?)${G}{0,30}(?:like (?:something|it'?s|it is|i'?m|he'?s|she'?s)?(?: being)? ?(?:ripping|tearing|torn|ripped)|(?:being |been )?(?:torn|ripped) apart)`,
      'something (?:tear|tore|ripp?)\\w* (?:in|inside|open in) (?:my|his|her|the) (?:chest|back)',
    ],
  },
  'sudden-severe-back-pain': {
    zh: [
      `(?:后背|背部|背|肩胛骨?)${GN}{0,10}?${SUDDEN}${GN}{0,8}?(?:剧痛|刀割|刀绞|撕裂|剧烈(?:疼痛|痛|疼))`,
      `${SUDDEN}${GN}{0,8}?(?:后背|背部|背|肩胛骨?)${GN}{0,8}?(?:剧痛|刀割|刀绞|剧烈(?:疼痛|痛|疼))`,
    ],
    en: [
      `${SUDDEN_EN}${G}{0,20}(?:severe|excruciating|agoni[sz]ing|intense|knife-like|tearing|ripping)${G}{0,25}(?:back|shoulder blades?)`,
      `(?:severe|excruciating|tearing|ripping)${G}{0,25}(?:back|shoulder blades?)${G}{0,20}(?:came on|started|began) (?:suddenly|out of nowhere|all of a sudden)`,
    ],
  },
  'chest-pain-through-to-back': {
    zh: [`${SUDDEN}${GN}{0,10}(?:胸|前胸)${GN}{0,12}(?:穿|透|窜|痛|疼)(?:到|至|向)(?:了)?(?:后背|背部)`],
    en: [
      `(?:sudden(?:ly)?|severe|excruciating|worst)${G}{0,20}chest${G}{0,40}?(?:(?:straight )?through|into|to|round to) (?:to )?(?:my|the|his|her) back`,
    ],
  },

  // ── Diabetic emergencies (NHS DKA: thirst, vomiting, tummy pain, deep breathing, fruity breath,
  //    sleepy or confused; NHS stomach ache: "diabetic and vomiting" → 999) ──
  diabetes: {
    zh: ['糖尿病', '糖友', '[12一二]型糖', '胰岛素', '降糖药', '二甲双胍', '格列(?:齐特|美脲|吡嗪|本脲)'],
    en: ['diabet\\w*', 't[12]d', 'insulin(?! resistan)', 'metformin', 'gliclazide', 'glipizide'],
  },
  vomiting: {
    zh: [
      '呕吐',
      '(?<![不没])吐(?!槽|字|痰|口水|口气|舌|司|露|词|血)(?:了|得|个不停|出来|出|(?:好|两|三|几)次)',
      '一直吐',
      '老是吐',
      '狂吐',
    ],
    en: [
      'vomit\\w*',
      'throw(?:ing|n|s)? up',
      'threw up',
      'puk(?:e|ed|es|ing)',
      'being sick',
      '(?:been|was|keeps? being|got) sick (?:several|a few|many|\\d+|two|three|four) times',
      'sick (?:several|a few|many|\\d+|two|three) times',
    ],
  },
  'ketones-high': {
    zh: [
      `(?:尿)?酮体?${G}{0,6}?(?:\\+{3,}|\\+\\s*\\+\\s*\\+|[34三四]\\s*个?\\s*(?:加号?|\\+)|很高|特别高|非常高|强阳性)`,
      `血酮(?:体)?${G}{0,4}?${KETONE_3_PLUS}`,
    ],
    en: [
      `ketones?${G}{0,20}?(?:\\+{3,}|[34]\\s*\\+|(?:very |really |super |so )?high|through the roof|large)`,
      `(?:blood )?ketones?${G}{0,12}?${KETONE_3_PLUS}`,
    ],
  },
  'ketotic-breath': {
    zh: ['(?:烂苹果|烂水果|水果|丙酮|指甲油)(?:的)?(?:味|气味)'],
    en: [
      `(?:breath|it)${G}{0,20}(?:smells?|smelling) (?:fruity|sweet|like (?:pear drops|nail (?:polish|varnish)(?: remover)?|acetone))`,
      'pear drops',
      'fruity breath',
    ],
  },
  'deep-breathing': {
    zh: ['呼吸(?:又)?深(?:又|而)?快', '深大呼吸', '喘粗气', '大口(?:大口地?)?喘气'],
    en: [
      'breathing (?:(?:really|very|so) )?(?:deep(?:ly)?(?: and (?:fast|rapid))?|heavy|heavily)',
      'deep (?:and (?:fast|rapid) )?breathing',
      'kussmaul',
    ],
  },
  hypoglycaemia: {
    zh: ['低血糖', '血糖(?:很|太|偏|特别)?低(?!于)'],
    en: [
      'hypo(?:s|glyc\\w*)?',
      'low (?:blood )?sugars?',
      'sugars? (?:is |was |are |went |has gone )?(?:very |really |too |dangerously )?low',
    ],
  },
  'very-low-glucose': {
    zh: [`血糖${G}{0,6}?${BELOW_3_MMOL}`, `血糖${G}{0,6}?${BELOW_54_MGDL}`],
    en: [`(?:sugars?|glucose|bg)${G}{0,15}?${BELOW_3_MMOL}`, `(?:sugars?|glucose|bg)${G}{0,15}?${BELOW_54_MGDL}`],
  },
  'cannot-swallow': {
    zh: ['咽不下(?:去)?', '吞不下(?:去)?', `喂${GN}{0,4}(?:不进|不下)`],
    en: ["(?:can'?t|cannot|unable to|won'?t) swallow"],
  },
  drowsy: {
    zh: ['(?:一直|总是|老是)想睡(?:觉)?', '昏昏(?:沉沉|欲睡)', '叫不(?:太)?醒', '睁不开眼', '醒不过来'],
    en: [
      'drowsy',
      '(?:very|really|so|extremely) sleepy',
      'keeps? (?:wanting to (?:sleep|go to sleep)|falling asleep|dozing off|nodding off)',
      "(?:can'?t|cannot) stay awake",
      '(?:hard|difficult) to (?:wake|rouse)',
      'floppy',
    ],
  },

  // ── Status epilepticus (a seizure lasting more than 5 minutes, or one seizure after another
  //    without coming round in between) ──
  'prolonged-seizure': {
    zh: [`${SEIZE_ZH}${S}{0,12}?(?:超过|已经|快|有|了|将近|都|足足|持续|差不多|大概|约)*\\s*${FIVE_MIN_ZH}`, `持续${SEIZE_ZH}`],
    en: [
      `${SEIZE_EN}${S}{0,40}?(?:for |over |more than |longer than |about |nearly |almost |past |at least |already |it'?s been |been )*${FIVE_MIN_EN}`,
      "(?:seizure|fit)s? (?:that )?(?:won'?t|will not|doesn'?t|does not|isn'?t going to) stop",
      `(?:fitting|seizing)${G}{0,25}(?:won'?t|will not|doesn'?t|does not) stop`,
      'status epilepticus',
    ],
  },
  'repeated-seizures-no-recovery': {
    zh: [
      `(?:${SEIZE_ZH}${S}{0,6}?(?:一次接一次|一阵接一阵|一个接一个|接连|连着|反复)|(?:一次接一次|一阵接一阵|接连|连着|反复)${S}{0,4}?${SEIZE_ZH})${S}{0,20}?(?:(?:没|不|未)(?:有)?(?:醒|清醒)|醒不过来|叫不醒)`,
      '癫痫持续状态',
    ],
    en: [
      `(?:${SEIZE_EN}|fits)${S}{0,30}?(?:one after (?:the )?another|back[- ]to[- ]back|in a row)${S}{0,40}?(?:without (?:waking|coming round|coming to|regaining|recovering)|(?:doesn'?t|does not|didn'?t|not|hasn'?t|isn'?t|without) (?:wake|waking|woken|come round|coming round|regain|recover))`,
    ],
  },

  // ── Meningitis (NHS: fever, stiff neck, dislike of bright lights, a rash that does not fade
  //    under a glass, a bulging soft spot in babies) ──
  'stiff-neck': {
    zh: [
      '(?:脖子|颈部?|颈项|后颈)(?:发)?(?:僵硬|僵直|强直|发硬|很硬|硬(?![结块币]))',
      '颈(?:项)?强直',
      '低不下头',
      '(?:下巴|下颌)(?:碰|贴|够)不到胸',
    ],
    en: [
      'stiff neck',
      'neck stiffness',
      'neck (?:is |feels |so |very |really |too )*stiff',
      "(?:can'?t|cannot|unable to) (?:bend|touch|put|get) (?:my|his|her) (?:head|chin) (?:forward|down|to (?:my|his|her) chest)",
    ],
  },
  photophobia: {
    zh: ['怕光', '畏光', `(?:灯光|光线?|亮光|阳光)${GN}{0,3}(?:刺眼|难受|眼睛痛|受不了)`],
    en: [
      'photophob\\w*',
      '(?:the )?(?:bright )?(?:light|lights|sunlight) (?:hurts|is hurting|hurt|bothers|is bothering)',
      "(?:can'?t|cannot) (?:stand|bear|look at) (?:the )?(?:bright )?lights?",
      'sensitive to (?:bright )?light',
    ],
  },
  'non-blanching-rash': {
    zh: [
      `(?:疹|斑|点|红|紫)${S}{0,12}?(?:压|按)(?:了)?${GN}{0,6}?(?:也|都|后|下去|上去)?(?:不|没)(?:有)?(?:褪|退)色`,
      '压(?:之)?不(?:褪|退)色',
      `(?:玻璃杯|杯子|杯)${GN}{0,8}(?:还|仍然?|依然|也)(?:看得见|看得到|能看见|在|很明显)`,
    ],
    en: [
      `(?:rash|spots?|dots|marks?|blotch\\w*|bruis\\w*|purple|red)${S}{0,30}?(?:doesn'?t|does not|don'?t|do not|won'?t|will not|didn'?t|not) (?:fade|blanch|go away|disappear)${S}{0,30}?(?:glass|press(?:ed|ing)?(?![a-z])|pushed)`,
      '(?:non|not)[- ]blanching',
      "(?:won'?t|doesn'?t|don'?t|does not|do not) blanch",
      'glass test',
    ],
  },
  'bulging-fontanelle': {
    zh: [`囟门${GN}{0,4}(?:鼓|凸|隆起|膨隆|胀)`],
    en: [`(?:soft spot|fontanelle?)${G}{0,25}(?:bulg\\w*|swollen|raised|tense)`, 'bulging (?:soft spot|fontanelle?)'],
  },

  // ── Acute abdomen (NHS stomach ache: sudden severe pain, pain when you touch your stomach,
  //    cannot poo or fart, vomiting) ──
  'abdominal-pain': {
    zh: [`${BELLY_ZH}${GN}{0,6}?(?:痛|疼)`, '腹痛', '胃(?:很|好|特别)?(?:痛|疼)'],
    en: [
      `${BELLY_EN} (?:pain|ache|cramps?)`,
      `${BELLY_EN}${G}{0,10}(?:hurts|is hurting|hurting|aching)`,
      `pain${W5} (?:abdomen|stomach|tummy|belly)`,
      '(?:stomach|tummy|belly) ?ache',
    ],
  },
  'sudden-severe-abdominal-pain': {
    zh: [
      `${SUDDEN}${GN}{0,6}?${BELLY_ZH}${GN}{0,6}?(?:剧痛|剧烈|刀割|刀绞|绞痛|痛得)`,
      `${BELLY_ZH}${GN}{0,4}?${SUDDEN}${GN}{0,4}?(?:剧痛|剧烈(?:疼痛|痛|疼)|刀割|刀绞|绞痛)`,
    ],
    en: [`${SUDDEN_EN}${G}{0,20}(?:severe|excruciating|agoni[sz]ing|intense|terrible|knife-like|unbearable)${G}{0,15}${BELLY_EN}`],
  },
  'rigid-abdomen': {
    zh: [`${BELLY_ZH}${S}{0,10}?(?:硬得像|像)(?:木板|板子|石头)`, '板状腹', `${BELLY_ZH}${S}{0,8}?硬邦邦`],
    en: [`${BELLY_EN}${G}{0,30}(?:rigid|hard as (?:a )?(?:board|rock)|board-?like|rock[- ]hard)`],
  },
  'peritoneal-pain': {
    zh: [
      '一动(?:也|都)不敢动',
      '(?:一碰|碰一下|一按|按一下|一摸|摸一下)(?:就|都)' + G + '{0,3}(?:痛|疼)',
      `松(?:手|开)(?:后|时|的时候)?${G}{0,3}(?:更|反而)(?:痛|疼)`,
      '(?:走路|咳嗽|动一下)(?:都|就)(?:痛|疼)(?:得)?',
    ],
    en: [
      'too (?:scared|afraid|painful) to move',
      "(?:can'?t|cannot) bear (?:anyone|anybody|it being|being) touch\\w*",
      '(?:hurts|pain) (?:more )?when (?:you|i|someone|they) (?:let go|release|press|touch|push)',
      'hurts to (?:cough|walk|move)',
      'rebound',
    ],
  },
  'no-flatus': {
    zh: ['(?:没|不|未)(?:有)?(?:放屁|排气)', '(?:放不出屁|屁都放不出)'],
    en: [
      "(?:no|not|haven'?t|hasn'?t|can'?t|cannot|couldn'?t|unable to|not been able to)(?: been able to)? (?:pass(?:ed|ing)? |had |farted |fart(?:ing)? )?(?:any )?(?:gas|wind|farts?)",
      'no (?:poo|poop|stools?|bowel movements?) or (?:wind|gas|farts?)',
    ],
  },
  'bilious-or-faecal-vomit': {
    zh: [`(?<![咳])吐(?!痰|口水)${G}{0,6}?(?:绿色?的?(?:水|苦水|东西|液体)|绿水|胆汁|黄绿色(?!的?(?:痰|鼻涕))|像大便|粪(?:便|水)?样?)`],
    en: [`(?:vomit\\w*|throw(?:ing|n|s)? up|threw up|puk\\w*)${G}{0,20}(?:green|bile|bilious|poo|faeces|feces|fa?ecal)`],
  },
  'shock-signs': {
    zh: [
      '头晕眼花',
      '站不稳',
      '站不起来',
      '眼前发黑',
      '(?:差点|快要?|几乎)晕',
      // Not 心慌 (palpitations) alone: with chest tightness it is the everyday "胸闷心慌".
      '心跳(?:得)?(?:很|特别|好|非常)快',
      '(?:脸色|面色|脸)(?:发白|苍白|煞白|很白|惨白)',
      '人很虚',
      '手脚冰凉',
    ],
    en: [
      'dizzy',
      'light-?headed',
      'nearly (?:fainted|passed out|collapsed|blacked out)',
      "(?:can'?t|cannot) stand(?: up)?",
      'heart (?:is )?(?:racing|pounding)',
      '(?:very |really )?pale',
      'white as a sheet',
      'weak(?! (?:left|right|arm|leg|side))',
    ],
  },

  // ── Head injury (NHS head injury and concussion: vomiting since the injury, drowsiness,
  //    confusion or memory problems, a headache that does not go away, taking blood thinners) ──
  'head-injury': {
    zh: [
      `(?:头(?![一两几三])|脑袋|后脑勺?|额头)${GN}{0,4}?(?:被)?(?:撞|磕|碰|砸|摔|被打)(?:到|了|伤|破|在|一下|后|以后|之后)`,
      `(?:撞|磕|碰|砸|摔)(?:到|伤|破|在)(?:了)?${GN}{0,3}?(?:头|脑袋|后脑勺?|额头)`,
      '(?:颅脑|脑|头部?)外伤',
      '头部?受伤',
    ],
    en: [
      '(?:hit|hits|hitting|bang(?:ed|s|ing)?|bump(?:ed|s|ing)?|knock(?:ed|s|ing)?|smack(?:ed)?|whack(?:ed)?|struck) (?:(?:my|his|her|their|the|its) )?head',
      '(?:knock|blow|bump|hit|bang|whack) (?:to|on) (?:the|my|his|her) head',
      'head (?:injury|injuries|trauma)',
      'concussion',
    ],
  },
  'fall-or-knock': {
    zh: ['摔(?:倒|了|跤)', '跌倒', '撞到', '磕到', '碰到'],
    en: ['fell', 'fall(?:en)?', 'tripped', 'knocked', 'banged'],
  },
  anticoagulant: {
    zh: ['华法林', '华法令', '抗凝(?:药|血药|治疗)?', '利伐沙班', '阿哌沙班', '达比加群', '艾多沙班', '肝素'],
    en: [
      'warfarin',
      'blood[- ]thinners?',
      'blood thinning (?:medicine|medication|tablets)',
      'anticoagula\\w*',
      'apixaban',
      'rivaroxaban',
      'edoxaban',
      'dabigatran',
      'eliquis',
      'xarelto',
      'coumadin',
      'heparin',
      'enoxaparin',
      'clexane',
    ],
  },
  amnesia: {
    zh: ['(?:记不(?:住|起来?|清|得)|想不起来?|不记得)'],
    en: [
      "(?:can'?t|cannot|doesn'?t|does not|don'?t) remember (?:what happened|anything|the (?:accident|fall))",
      'memory loss',
      'lost (?:his|her|my) memory',
    ],
  },
  'worsening-headache': {
    zh: [`头(?:痛|疼)${GN}{0,4}越来越(?:厉害|重|痛|疼)`, '头(?:痛|疼)(?:加重|加剧)'],
    en: [`headache${G}{0,15}(?:getting worse|worse and worse|worsening)`, 'worsening headache'],
  },

  // ── GI bleeding and respiratory failure (extensions of severe-bleeding and severe-breathing) ──
  'heavy-rectal-bleeding': {
    zh: [`(?:大便|便|拉)${G}{0,3}(?:全是|都是|好多|很多|大量)(?:的)?(?:鲜)?血`, `(?:肛门|屁股)${GN}{0,6}(?:流血|出血)${S}{0,3}止不住`],
    en: [
      `(?:passing|losing|pouring|lots of|loads of|a lot of)${W5} blood${W5} (?:back passage|bottom|bum|rectum|anus|behind)`,
      'blood (?:is )?(?:pouring|gushing|pumping) (?:out )?(?:from|of) (?:my |his |her )?(?:bum|bottom|back passage|rectum|anus)',
    ],
  },
  'low-oxygen': {
    zh: [`血氧(?:饱和度)?${G}{0,6}?${SPO2_92_OR_LESS}`],
    en: [
      `(?:oxygen|o2|sats|spo2|saturation)${G}{0,20}?${SPO2_92_OR_LESS}(?!\\s*(?:days?|minutes?|mins?|hours?|years?|litres?|liters?|l(?![a-z])|mg|kg|lbs?))`,
    ],
  },
  'chest-recession': {
    zh: [`(?:肋骨|肋间|胸骨|锁骨)${GN}{0,6}?凹(?:进去|陷)`, '三凹征'],
    en: [
      '(?:sucking|pulling|caving|sinking) in (?:under|between|below|around) (?:the|his|her|my) ribs',
      'ribs? (?:sucking|pulling|caving) in',
      '(?:chest|sub-?costal|inter-?costal) recession',
    ],
  },
} satisfies Partial<Record<RedFlagFinding, PhraseSet>>;

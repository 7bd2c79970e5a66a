import { G, GN, type PhraseSet, S, SUDDEN, SUDDEN_EN, W5 } from './phrase-fragments.js';
import type { RedFlagFinding } from './red-flag-findings.js';

/**
 * Phrases added with the third training set (data/red-flags-eval/third/): the findings the
 * generalised rules need (nausea, hives, a missed period, a purple rash, rigors, vital signs read
 * out, a meter reading, an inhaler that does not help …) and wider synonym classes for existing
 * findings. They are appended to the phrases of text-phrases.ts and emergency-text-phrases.ts
 * (same conventions: normalised text, see normalize-text.ts). Thresholds cite their source.
 */

/**
 * NEWS2 (Royal College of Physicians 2017, chart 1; https://www.rcplondon.ac.uk/projects/outputs/
 * national-early-warning-score-news-2): a single parameter scoring 3 — systolic blood pressure
 * ≤ 90 mmHg, pulse ≥ 131/min, respiration rate ≥ 25/min — calls for urgent review.
 */
const SYSTOLIC_90_OR_LESS = '(?<![\\d.])(?:[4-8]\\d|90)\\s*/\\s*\\d{2,3}(?![\\d.])';
const PULSE_131_PLUS = '(?<![\\d.])(?:13[1-9]|1[4-9]\\d|2[0-4]\\d|130(?=\\s*多))(?![\\d.])';
const RESP_25_PLUS = '(?<![\\d.])(?:2[5-9]|[3-6]\\d)(?![\\d.])';
/**
 * Blood glucose ≥ 11.1 mmol/L (200 mg/dL), the DKA glucose criterion of the ADA/EASD/JBDS
 * consensus on hyperglycaemic crises (Umpierrez et al., Diabetes Care 2024;47:1257,
 * https://doi.org/10.2337/dci24-0032). Only counted with a DKA symptom (red-flag-rules.ts).
 */
const GLUCOSE_11_PLUS_MMOL =
  '(?<![\\d.])(?:1[2-9]|[2-9]\\d)(?:\\.\\d+)?(?![\\d.])(?!\\s*(?:mg|小时|h(?![a-z])|hours?|天|days?|岁|年|次|分钟|min))|(?<![\\d.])11\\.[1-9]';
const GLUCOSE_200_PLUS_MGDL = '(?<![\\d.])(?:[2-9]\\d{2}|1[0-9]{3})(?![\\d.])';
/**
 * Fever: a temperature of 38 °C (100.4 °F) or more (NICE NG143, table 1 and §1.1.6: parental
 * perception of a fever is valid; https://www.nice.org.uk/guidance/ng143). A bare reading such as
 * "量了38.5" or "39.1" counts; a unit that is not a temperature after it does not.
 */
const BARE_FEVER_READING =
  '(?<![\\d.])(?:3[89]|4[0-2])\\.\\d(?![\\d.])(?!\\s*(?:kg|cm|mm|%|公斤|斤|周|岁|元|块|mmol|mg|万|g(?![a-z])|l(?![a-z])|ml|weeks?|years?|pounds?|lbs?))';
/**
 * A baby under 3 months (NICE NG143 table 1: age 0–3 months with a temperature ≥ 38 °C is red):
 * up to 90 days, 12 weeks or "two and a half months".
 */
const DAYS_UNDER_90 =
  '(?:(?<![\\d.])(?:[1-9]|[1-8]\\d|90)(?![\\d.])|[一二两三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八]十[一二三四五六七八九]?|九十)';
const WEEKS_UNDER_13 = '(?:(?<![\\d.])(?:[1-9]|1[0-2])(?![\\d.])|[一二两三四五六七八九]|十[一二]?)';
const MONTHS_UNDER_3_ZH = '(?:[12一两二]个(?:多|半)?月|半个月|一个多月|两个多月)';
const BABY_ZH = '(?:宝宝|孩子|婴儿|娃娃?|儿子|女儿|闺女|小孩|宝贝|小家伙|小宝|老二|老三|二宝|三宝|孙子|孙女|外孙女?|孩|bb|baby)';
const BABY_EN = '(?:baby|babies|newborn|infant|son|daughter|boy|girl|little one|lo|bub|bubba|grandson|granddaughter|twins?)';
const WEEKS_EN = '(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

export const EXTRA_TEXT_PHRASES: Partial<Record<RedFlagFinding, PhraseSet>> = {
  // ── New findings ──
  nausea: {
    zh: ['恶心', '想吐', '反胃', '干呕', '作呕'],
    en: ['nause\\w*', 'feel(?:ing|s)? (?:really |very |so )?sick', 'queasy', 'sick to (?:my|his|her) stomach'],
  },
  hives: {
    zh: [
      '(?:全身|浑身)(?:发|通)?红',

      '风团',
      '风疹块',
      '荨麻疹',
      '风疙瘩',
      `(?:全身|浑身|身上|满身|脸上)${G}{0,4}(?:起|长|出|冒)${G}{0,4}(?:疙瘩|红疹|疹子|包|风团|红点|红斑|大片)`,
      '(?:全身|浑身)(?:都)?(?:痒|发痒|瘙痒)',
    ],
    en: [
      'hives',
      'welts',
      'urticaria',
      '(?:covered|broken out|breaking out) in (?:a )?(?:rash|spots|bumps|blotches|welts|hives)',
      'itchy all over',
      'itching all over',
    ],
  },
  'missed-period': {
    zh: [
      `(?:月经|例假|大姨妈|姨妈|月事)${GN}{0,6}(?:推迟|没来|迟了|晚了|过了|延迟|不来|该来没来|没有来)`,
      '停经',
      `(?:验孕棒|试纸|早孕)${G}{0,6}(?:两道杠|两条杠|阳性|两条线|两道线|中了)`,
    ],
    en: [
      '(?:\\d+|two|three|a few|several) (?:weeks|months) without (?:a |my |her )?period',
      'no period for',

      `(?:period|periods)${W5} (?:late|overdue|missed)`,
      'missed (?:my |a |her )?period',
      'late period',
      '(?:might|could|may) be pregnant',
    ],
  },
  'one-sided-abdominal-pain': {
    zh: [
      `(?:左|右|一侧|一边|单侧)(?:边|侧)?(?:的)?(?:下腹|小腹|肚子|腹部|少腹|腹)${GN}{0,6}(?:痛|疼)`,
      `(?:下腹|小腹|肚子|腹部|少腹)(?:的)?(?:左|右|一侧|一边|单侧)(?:边|侧)?${GN}{0,6}(?:痛|疼)`,
    ],
    en: [
      `(?:pain|ache|cramp\\w*|hurt\\w*)${W5} (?:on )?(?:one|the (?:left|right)) side`,
      '(?:one[- ]sided|left[- ]sided|right[- ]sided|lower (?:left|right)) (?:\\w+ )?(?:pain|cramp\\w*|ache|tummy pain)',
      'low down on one side',
    ],
  },
  'shoulder-tip-pain': {
    zh: [`肩(?:膀|头|尖)${GN}{0,4}(?:痛|疼)`],
    en: ['shoulder(?:[- ]tip)? (?:pain|hurts|ache)', 'pain in (?:the tip of )?(?:my |her )?shoulder'],
  },
  'purpuric-rash': {
    zh: [
      '紫(?:点|斑|块|疹)',
      '针(?:扎|眼)',

      '针尖(?:大小|大|样)?的?(?:红点|出血点|点|斑点)',
      `(?:紫红色?|紫黑色?|紫色|暗红色?|青紫)(?:的)?${G}{0,3}(?:点|斑|疹|块|印)`,
      '紫癜',
      '瘀点',
      '瘀斑',
      '淤点',
      '淤斑',
      '出血点',
      '皮下出血',
      '(?:像|好像)(?:淤青|瘀青|乌青)',
      `(?:身上|腿上|皮肤|肚子上|胳膊上)${G}{0,6}紫(?:的|了)`,
    ],
    en: [
      '(?:patches|spots|blotches|marks|areas) of (?:purple|dark red)',

      '(?:tiny|small|little) (?:red|purple|dark) (?:dots|spots|marks)',
      'pinpoint',

      `(?:purple|purplish|dark red|blood) (?:spots?|blotch\\w*|splotch\\w*|marks?|dots|patches|rash)`,
      '(?:rash|spots?) (?:that )?looks? like (?:bruis\\w*|blood)',
      'pin-?pricks?',
      'petechia\\w*',
      'purpur\\w*',
      'blood spots',
      'bruise-?like',
    ],
  },
  rigors: {
    zh: ['寒战', '寒颤', '打摆子', '打寒战', '发冷发抖', `冷得${GN}{0,3}(?:发抖|打颤|哆嗦|直抖)`, '浑身发抖'],
    en: ['rigou?rs', 'shaking (?:with|from) (?:the )?chills', "(?:can't stop|uncontrollabl\\w*) shak\\w*", 'chills', 'shivering'],
  },
  'low-blood-pressure': {
    zh: [
      '血压(?:一直)?(?:下降|掉|降)(?:了|得|下来)?',
      '血压(?:很|特别|非常|太|偏)?低(?!于)',
      `血压${G}{0,6}?${SYSTOLIC_90_OR_LESS}`,
      '低血压',
    ],
    en: [
      '(?:bp|blood pressure) (?:is |was )?(?:under|below|less than) (?:9\\d|8\\d|[5-7]\\d)(?![\\d.])',

      `(?:bp|blood pressure)${G}{0,12}?${SYSTOLIC_90_OR_LESS}`,
      '(?:low|dropping|dropped) (?:bp|blood pressure)',
      '(?:bp|blood pressure) (?:is |was )?(?:very |really )?low',
    ],
  },
  'very-fast-heart': {
    zh: [`(?:心跳|心率|脉搏)${G}{0,4}?${PULSE_131_PLUS}`],
    en: [`(?:heart|pulse|hr|heart rate)${G}{0,15}?${PULSE_131_PLUS}`],
  },
  'sense-of-doom': {
    zh: ['(?:感觉|觉得)(?:我|自己)?(?:快|要)(?:不行|死)了', '(?:感觉|觉得)(?:自己)?(?:快|要)(?:不行|死)了', '感觉要死了'],
    en: [
      "feel(?:s|ing)? like (?:i'm |i am |she's |he's )?dying",

      "feel(?:s|ing)? like (?:i'm |i am |she's |he's )?(?:going to|gonna|about to) die",
      'feel(?:s|ing)? like death',
      'something (?:is )?(?:really |terribly )?wrong',
    ],
  },
  'cancer-treatment': {
    zh: ['化疗', '放化疗', '靶向治疗', '免疫治疗后', '白血病'],
    en: ['chemo\\w*', 'on (?:cancer )?treatment for (?:cancer|leukaemia|leukemia|lymphoma)'],
  },
  infection: {
    zh: [`伤口${GN}{0,4}(?:化脓|红肿|感染|流脓)`, '肺炎', '尿路感染', '肾盂肾炎', '胆囊炎', '胆管炎', '蜂窝织炎', '阑尾炎', '感染', '脓'],
    en: ['infect\\w*', 'pneumonia', 'uti', 'kidney infection', 'cellulitis', 'red streak', 'pus'],
  },
  'high-glucose': {
    zh: [
      `血糖${G}{0,6}?(?:很高|特别高|非常高|太高|高得|爆表|破表|测不出|测不到|hi(?![a-z])|high|${GLUCOSE_11_PLUS_MMOL})`,
      '(?:血糖仪|试纸)' + G + '{0,6}(?:hi(?![a-z])|high|显示高)',
    ],
    en: [
      `(?:sugars?|glucose|bg|bm|blood sugar|reading|meter)${G}{0,15}?(?:(?:says|reads|shows|is|of|at) )?(?:hi(?![a-z])|high(?! (?:school|blood pressure))|through the roof|off the charts|sky[- ]high|${GLUCOSE_11_PLUS_MMOL}(?!\\s*mg)|${GLUCOSE_200_PLUS_MGDL}\\s*(?:mg|$|[,.]))`,
    ],
  },
  polydipsia: {
    zh: [
      '老(?:是)?(?:喝水|尿尿|口渴|上厕所|想喝水)',

      '(?:喝水|饮水)(?:特别|非常|很|超级)?多',
      '口渴(?:得)?(?:厉害|要命|不行)',
      '一直(?:口)?渴',
      '(?:一直|老是|总是)(?:想)?(?:尿|撒尿|上厕所)',
      '(?:瘦了好多|体重掉了|暴瘦|掉秤)',
    ],
    en: [
      '(?:drinking|drink) (?:loads|lots|so much|tons|constantly|gallons)',
      '(?:very|really|so|always|constantly) thirsty',
      'losing weight',
      'lost (?:a lot of |lots of )?weight',
      'peeing (?:all the time|constantly|loads|a lot)',
    ],
  },
  'reliever-not-working': {
    zh: [
      `(?:吸|喷|用)(?:了)?${G}{0,8}?(?:药|喷雾|万托林|沙丁胺醇|气雾剂|吸入剂)${G}{0,8}?(?:不管用|没用|不起作用|没效果|也不行|缓解不了|不见好|没好转|还是喘)`,
      `(?:肾上腺素笔|肾上腺素)${G}{0,10}(?:还是|仍然|依然|也)`,
    ],
    en: [
      `(?:inhaler|puffer|ventolin|salbutamol|albuterol|nebuli[sz]er|epipen|epi-pen|adrenaline|auto-?injector)${G}{0,30}(?:no help|not help\\w*|isn't help\\w*|doesn't help|didn't help|not working|isn't working|doesn't work|didn't work|no difference|not doing anything|still)`,
    ],
  },
  'csf-leak': {
    zh: [`(?:耳朵|鼻子|鼻孔|耳)${GN}{0,4}(?:流|淌|渗|冒)(?:出)?${GN}{0,4}(?:清水|清亮|透明|水样|血水)`],
    en: [`clear (?:fluid|liquid|water)${W5} (?:nose|ear|ears)`, `(?:nose|ear|ears)${W5} clear (?:fluid|liquid|water)`],
  },
  'sudden-vision-loss': {
    zh: [
      `${SUDDEN}${S}{0,10}(?:半边|一只眼|一边|右眼|左眼|右半边|左半边)${G}{0,4}(?:看不见|看不清|黑了|失明)`,

      `${SUDDEN}${GN}{0,6}?(?:看不见|看不清|失明|瞎了|一只眼${GN}{0,3}(?:黑|看不)|视物(?:模糊|重影)|重影|看东西(?:模糊|重影|有两个|一个变两个)|一个变两个)`,
    ],
    en: [
      `${SUDDEN_EN}${G}{0,20}(?:went|gone|going) (?:dark|black|blank|blurry) in (?:my|his|her|one) (?:left |right )?eye`,

      `${SUDDEN_EN}${G}{0,20}(?:lost (?:the )?(?:vision|sight)|can't see|blind|double vision|seeing double|see double)`,
      '(?:lost|losing) (?:the )?(?:vision|sight) in (?:one|my (?:left|right)) eye',
    ],
  },
  'blue-lips': {
    zh: [`(?:嘴唇|口唇|唇|舌头|脸)${GN}{0,3}(?:发|变|都|有点|乌|全)?(?:紫|青紫|乌青|发青|发绀|发黑|灰)`],
    en: [
      '(?:lips?|nails|fingertips|fingers)(?: and (?:nails|fingers|fingertips|lips|tongue|face))? (?:(?:are|is|look|looking|turning|gone|going|a bit|all) )*(?:blue|bluish|grey|gray|purple|dusky)',

      `(?:lips?|tongue|face|fingertips|fingers) (?:(?:is|are|look|looks|turning|turned|went|going|gone|a bit|slightly|all|kind of|kinda) )*(?:blue|bluish|grey|gray|purple|dusky)`,
      'turning blue',
      'going blue',
    ],
  },
  'overdose-taken': {
    countsWhenPast: true,
    zh: [
      '(?:吃|吞)了?(?:一把|一大把|好多|一堆)(?:的)?(?:安眠药|药|药片|片)',

      `(?:安眠药|药|片)${G}{0,6}(?:吃|吞)(?:了)?(?:一整|整|一大|大半|好多|很多)(?:瓶|板|盒|把|袋)`,

      `(?:吞|吃|喝)(?:了|下)?${G}{0,3}(?:一整|整|一大|大半|半)(?:瓶|板|盒|把|袋)${G}{0,4}(?:药|片)`,
      `(?:喝|吞)(?:了|下)?${G}{0,3}(?:农药|敌敌畏|百草枯|老鼠药|安眠药)`,
    ],
    en: [
      '(?:swallowed|took|taken|had) (?:a |an entire |a whole )?handful of',

      '(?:drank|drunk|swallowed|took|had) (?:a |some |the )?(?:bottle of |cup of |glass of )?(?:weedkiller|bleach|pesticide|paraquat|antifreeze|poison)',

      '(?:took|taken|swallowed) all (?:of )?(?:my|his|her|their|the) (?:pills|tablets|meds|medication|medicine)',

      '(?:swallowed|took|taken|had) (?:a |the )?(?:whole|entire|full) (?:bottle|pack|box|packet|strip)',
      '(?:took|taken|swallowed) (?:all|loads|lots|a load) of (?:my |the |his |her )?(?:pills|tablets|paracetamol|meds)',
    ],
  },
  'seizure-with-no-recovery': {
    zh: [
      `(?:抽|发作)(?:完|了一次|一次|了)?${S}{0,4}?(?:又|再)(?:开始)?(?:抽|发作)${S}{0,20}?(?:没醒|不醒|没缓过来|没反应|叫不醒|迷糊|没清醒)`,
      `(?:抽|发作)${S}{0,12}?(?:还没|没|未)(?:有)?(?:缓过来|醒过来|醒|清醒)${S}{0,6}?(?:又|再)${S}{0,4}?(?:抽|发作)`,
      `(?:抽|发作)(?:了)?(?:好几|几|[二两三四五六七八九]|\\d+)(?:回|次|下)${S}{0,20}?(?:不醒|没醒|醒不过来|迷糊|不认人|叫不醒|没缓过来|没反应)`,
    ],
    en: [
      `(?:fit|seizure)${S}{0,30}(?:didn't|did not|hasn't|has not|not|never) (?:wake|woke|come round|come to|came round)${S}{0,30}(?:another|again)`,

      `(?:\\d+|two|three|four|five|several|multiple) (?:fits|seizures)${S}{0,40}?(?:not waking|not woken|without waking|doesn't wake|hasn't woken|not coming round|not responding|unresponsive)`,
      `(?:fitting|seizing|shaking|seizure|fit)${S}{0,20}?(?:stopped|stops)${S}{0,20}?(?:start\\w* again|again)`,
    ],
  },

  /** BE FAST "Balance": a sudden loss of balance or coordination (with vomiting or other signs). */
  'sudden-balance-loss': {
    zh: [`${SUDDEN}${GN}{0,8}?(?:走路不稳|站不稳|往一边倒|一边倒|像喝醉|走不了直线|走不成直线|失去平衡|天旋地转)`],
    en: [
      `${SUDDEN_EN}${G}{0,20}(?:lost (?:his|her|my|their) balance|can't walk straight|walking like (?:he's |she's |i'm )?drunk|falling to one side|staggering|unsteady)`,
      "walking like (?:he|she|i)(?:'s| is| am|'m)? drunk",
    ],
  },
  /** Pain in the arm and jaw together, without the chest named (NHS: pain spreading to arms, jaw, neck). */
  'arm-and-jaw-pain': {
    zh: [
      `(?:左)?(?:胳膊|手臂|肩膀|臂)(?:和|跟|还有|连着|、)(?:下巴|下颌|牙)${GN}{0,4}(?:痛|疼|酸)`,
      `(?:下巴|下颌|牙)(?:和|跟|还有|连着|、)(?:左)?(?:胳膊|手臂|肩膀|臂)${GN}{0,4}(?:痛|疼|酸)`,
    ],
    en: [
      '(?:pain|ache|aching|hurts?)(?: in)? (?:my |the )?(?:left )?(?:arm and jaw|jaw and (?:left )?arm|arm and neck|jaw and neck)',
      '(?:left )?(?:arm and jaw|jaw and (?:left )?arm) (?:pain|ache|hurt\\w*)',
    ],
  },
  /** "It may feel like indigestion" (NHS heart attack symptoms): only with sweating and grey/faint or breathless. */
  'indigestion-like': {
    zh: ['烧心', '胃灼热', '消化不良'],
    en: ['indigestion', 'heartburn'],
  },

  /** The face or eyes swelling, or the voice going hoarse: anaphylaxis only with an allergen, hives or breathing trouble (not a toothache). */
  'very-low-glucose': {
    zh: [`(?:血糖|血糖仪|试纸)${G}{0,8}(?:显示|是|测出)?\\s*lo(?![a-z])`],
    en: [`(?:sugars?|glucose|bg|meter|reading)${G}{0,15}(?:says|reads|shows|is|of)? ?lo(?![a-z])`],
  },
  'mottled-or-blue-skin': { zh: [`(?:皮肤|身上|腿上|手脚)${G}{0,4}(?:花纹|花斑|大理石)`, '手脚(?:都)?(?:发紫|发青|青紫|发花)'], en: [] },
  /** NHS sepsis: passing no urine (or very little) in a day. */
  'no-urine': {
    zh: ['尿(?:很少|特别少|几乎没有|少得很|量很少|也很少)', '(?:一整天|一天)(?:都)?(?:没|没有)(?:怎么)?尿'],
    en: ['(?:hardly|barely) (?:any )?(?:pee|urine|peed|weeing|wee)', 'very little (?:pee|urine|wee)'],
  },
  'vaginal-bleeding': {
    zh: [],
    en: [
      'soak\\w* (?:through )?(?:a |my |her )?pads?',
      'pads? (?:soaked|full of blood)',
      `pregnan\\w*${S}{0,30}(?<![a-z])bleeding(?! (?:gums?|from (?:the |my |his |her )?(?:nose|gums?|mouth|finger|cut)))`,
    ],
  },
  'dvt-sign': { zh: ['(?<![脚大])腿(?:肿|胀痛)(?:了)?'], en: [] },
  'face-swelling': {
    zh: ['(?:声音|嗓子)(?:都)?(?:哑|嘶哑)(?:了)', '(?:脸|眼皮|眼睛|面部)(?:都|也|一下子|突然)?肿(?:了|起来|得)'],
    en: [
      '(?:voice|he|she) (?:is |sounds |went |has gone )?(?:hoarse|croaky)',
      '(?:face|eyes?|eyelids?) (?:is |are |started |keeps )?(?:puffing up|puffy|swelling up|swollen|blowing up|ballooning)',
    ],
  },

  /**
   * The patient names the emergency they fear is happening now ("I think I'm having a heart attack",
   * "怀疑是中风了"): a worry word before the name, so family history ("我爸十年前心梗") does not count.
   */
  'named-heart-attack': {
    zh: ['(?:觉得|感觉|怀疑|可能|好像|估计|担心|怕)(?:是|在|得了|要|又)?(?:急性)?(?:心梗|心肌梗死?|心脏病发作?)'],
    en: [
      "(?:i think|think|worried|scared|afraid|might be|could be|maybe|pretty sure|i'm|i am|he's|she's|he is|she is|they're|mum is|mom is|dad is)(?: \\S+){0,3}? (?:having|has|going into|in|had)? ?(?:a |an )?heart attack",
    ],
  },
  'named-stroke': {
    zh: ['(?:觉得|感觉|怀疑|可能|好像|估计|担心|怕)(?:是|在|得了|要|又)?(?:急性)?(?:中风|脑梗|脑卒中|脑出血|脑溢血)'],
    en: [
      "(?:i think|think|worried|scared|afraid|might be|could be|maybe|pretty sure|i'm|i am|he's|she's|he is|she is|they're|mum is|mom is|dad is)(?: \\S+){0,3}? (?:having|has|going into|in|had)? ?(?:a |an )?stroke",
    ],
  },
  'named-anaphylaxis': {
    zh: ['过敏性休克', '(?:觉得|感觉|怀疑|可能|好像|估计|担心|怕)(?:是|在|得了|要|又)?(?:急性)?严重过敏'],
    en: [
      'anaphylactic shock',
      'going into anaphylaxis',
      "(?:i think|think|worried|scared|afraid|might be|could be|maybe|pretty sure|i'm|i am|he's|she's|he is|she is|they're|mum is|mom is|dad is)(?: \\S+){0,3}? (?:having|has|going into|in|had)? ?(?:a |an )?anaphyla\\w*",
    ],
  },
  'named-ectopic': {
    zh: ['(?:觉得|感觉|怀疑|可能|好像|估计|担心|怕)(?:是|在|得了|要|又)?(?:急性)?宫外孕'],
    en: [
      "(?:i think|think|worried|scared|afraid|might be|could be|maybe|pretty sure|i'm|i am|he's|she's|he is|she is|they're|mum is|mom is|dad is)(?: \\S+){0,3}? (?:having|has|going into|in|had)? ?(?:a |an )?ectopic",
    ],
  },

  /**
   * Angina that the GTN spray or tablets (or 速效救心丸) do not ease: NICE CG126 advises calling an
   * emergency ambulance if the pain has not gone 5 minutes after a second dose (as summarised at
   * https://primarycarenotebook.com/pages/cardiovascular-medicine/management/management-of-an-acute-angina-attack;
   * patient version: https://www.tamesidehospital.nhs.uk/our-services/cardiac-rehab/what-to-do-emergency.htm).
   */
  'gtn-not-working': {
    zh: [`(?:硝酸甘油|速效救心丸|救心丸|消心痛|舌下含)${G}{0,10}(?:没用|不管用|不缓解|没缓解|没效果|也不行|不管事|不见好|没好)`],
    en: [
      `(?:gtn|nitro\\w*|angina spray|spray)${G}{0,25}(?:not working|isn't working|no help|didn't help|doesn't help|not helping|no difference|didn't work)`,
    ],
  },

  // ── Wider classes for existing findings ──
  vomiting: {
    zh: ['(?:还|又|一直)(?:在)?吐', '吐(?:了)?(?:好几|几|两|三|四)(?:次|回|下)'],
    en: ['(?:been|was|keeps? being|got) sick (?:twice|again)', 'sick twice'],
  },
  'deep-breathing': { zh: ['呼吸(?:很|特别|又)?(?:深|粗)(?!呼吸)'], en: ['breathing (?:really |very )?heavily', 'big deep breaths'] },
  'chest-recession': {
    zh: [],
    en: ['(?:tummy|belly|stomach|chest|neck|ribs?|skin between (?:his|her|the) ribs) (?:is |keeps )?(?:sucking|pulling|caving|sinking) in'],
  },
  /**
   * Warning signs of suicide beyond the words themselves (WHO mhGAP SUI; NIMH "Warning signs of
   * suicide"): a plan or the means gathered (pills saved up, rope, a gun, a bridge, pesticide),
   * goodbyes and letters, giving possessions away, being a burden, no way out.
   */
  'suicidal-ideation': {
    countsWhenPast: true,
    zh: [
      '(?:吃掉|吞掉|吃完|吞下|吃了|吞了)(?:所有|全部|一整瓶|整瓶)的?(?:安眠)?药',
      '死了(?:以后|之后)?(?:大家|你们|家里人?|别人)?(?:都)?(?:会|就)?(?:更好|轻松|解脱)',

      `(?:想|要|准备)${G}{0,6}跳下去`,
      '累赘',
      '(?:不如|想|只想)(?:永远)?消失',
      '(?:想|要|准备)(?:从这里)?跳(?:下去|楼|河|江|海|桥)',
      '结束(?:这一切|一切|这条命|生命)',
      `(?:攒|存|囤|准备)(?:了|好)?${G}{0,10}(?:安眠药|药|刀片|绳子|炭)`,
      `(?:安眠药|药)${G}{0,8}(?:准备好|攒好|存好|都攒|一次(?:性)?(?:吃|吞)|全(?:部)?(?:吃|吞)|吃完|吞完)`,
      '不想(?:再)?(?:醒(?:过来|来)?|活(?:下去)?|撑(?:下去|落去)?|坚持(?:下去)?|熬(?:下去)?)了',
      '不想再撑',
      '撑不下去',
      '(?:活着|活得)(?:太|好|真|实在)?累',
      '遗书',
      '遗言',
      `(?:道过?别|告别)${G}{0,6}(?:了|过)`,
      `(?:跟|和)(?:家里人|家人|大家|你们)${G}{0,4}(?:道别|告别)`,
      `(?:东西|心爱的|宝贝)${G}{0,8}(?:送人|送给|送掉|分给)`,
      '(?:以后|从此)(?:你们|大家)(?:就)?(?:轻松|解脱|不用(?:再)?(?:麻烦|操心|管我))',
      '不用再麻烦你们',
      '(?:安安静静|悄悄|静静)地?走',
      '(?:托付给|交代好)',
      `(?:买了|准备了)${G}{0,4}(?:农药|敌敌畏|百草枯|老鼠药|绳子|炭)`,
      `(?:站在|爬上|坐在)${G}{0,6}(?:楼顶|天台|桥上|江边|河边|窗台)`,
      '一死了之',
      '以死',
      '想(?:要)?解脱',
      '(?<!想[^,.!?;。]{0,4}|(?:尴尬|丢人|无聊|饿|困|热|冷|烦|羞|笑|馋)得)想(?:去)?死(?!的心|你|您|他|她|咱|我了|大家|了?[,.!?。]*$)',
    ],
    en: [
      '(?:slit|slash|cut)(?:ting)? (?:my|his|her) wrists?',

      "(?:don't|doesn't|do not|does not) want to (?:go on|carry on|keep) (?:living|going)",

      '(?:thinking (?:about|of)|going to|gonna|planning (?:on|to)|want to) (?:take|taking|swallow\\w*) (?:all|the whole|every one of) (?:of )?(?:my |the |his |her )?(?:pills|tablets|meds|medication)',

      "(?:don't|doesn't|do not|does not|didn't) want to (?:live|be alive|be here|exist)",

      '(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up',
      'never wake up',
      '(?:jump\\w*|throw\\w* myself) (?:off|from|in front of) (?:the |a )?(?:bridge|building|roof|train|cliff|balcony)',

      '(?:taken|had|done|did|took) (?:an |a )?(?:overdose|od)',
      "od(?:ed|'d|'ing)",
      '(?:want|wanna|going|gonna|ready) to end it',
      'end(?:ing)? everything',
      '(?:saved|saving|stockpil\\w*|hoard\\w*|collect\\w*) (?:up )?(?:all )?(?:my |of my |the )?(?:pills|tablets|meds|medication)',
      '(?:take|taking|swallow\\w*) (?:them|it|the pills|the tablets|my pills) all',
      '(?:letters?|notes?) (?:to|for) (?:my )?(?:family|kids|children|wife|husband|mum|mom|parents)',
      'suicide note',
      "(?:won't|will not|wouldn't) be (?:around|here)(?! for| to)",
      'better off without (?:me|him|her|them)',
      'giving (?:his|her|my|their|all (?:his|her|my)) (?:stuff|things|belongings|possessions) away',
      'gave (?:away )?(?:my|his|her) (?:dog|cat|stuff|things|belongings|possessions)',
      '(?:bought|got|have) (?:a |some )?rope',
      '(?:the )?gun (?:is )?loaded',
      'loaded gun',
      '(?:standing|sitting) on (?:the|a) (?:bridge|ledge|roof|edge)',
      "(?:don't|do not|can't) see (?:the |any )?(?:point|reason)(?: (?:anymore|in (?:living|going on|anything|carrying on)|to (?:live|go on|carry on)))?",
      'no (?:point|reason) (?:in )?(?:living|going on|carrying on|being alive|to live)',
      'no way out',
      'how many (?:paracetamol|pills|tablets|sleeping pills)\\w* (?:it )?(?:takes|would|to)',
      'my last message',
      'this is (?:my )?(?:the )?last (?:message|time)',
      'goodbye (?:everyone|all|forever|world)',
      "(?:don't|do not) want to wake up",
      "(?:can't|cannot) (?:do this|go on|take (?:it|this)) any ?more",
      'a burden',
    ],
  },
  'severe-abdominal-pain': {
    zh: [],
    en: [
      'doubled over',
      `${SUDDEN_EN} (?:severe|excruciating|agoni\\w*|intense|unbearable|sharp|stabbing) pain(?! in (?:my|his|her|the) (?:head|chest|back|leg|arm|knee|foot|neck|ear|tooth|teeth|hand|eye))`,
    ],
  },
  'head-injury': {
    zh: ['摔(?:了|到|伤)(?:了)?(?:头|脑袋)', '(?:头|脑袋)(?:着地|先着地)', '(?:撞|磕|砸|摔)(?:到|了)?(?:个|一下)?头'],
    en: [
      `(?:hit|struck|whacked|smacked|bashed|clobbered)${W5} (?:on|to|in|over) (?:the|my|his|her) head`,
      '(?:on|onto) (?:his|her|my|their|the) head',
      'fell (?:on|onto) (?:his|her|my|the) head',
    ],
  },
  'non-blanching-rash': {
    zh: [
      '压(?:了|一下|上去|下去)?(?:都|也|还)?(?:不|没)(?:有)?(?:消|散|掉|变白|发白|褪|退)',

      `压${GN}{0,4}(?:不|没)(?:有)?(?:消|散|变白|发白)`,
      `(?:一|用力|用杯子?|拿杯子?)?压(?:了|一下|上去|下去|落去|住)?${GN}{0,3}(?:都|也|还|仍然)?(?:不|没)(?:有)?(?:褪|退)(?:色)?`,
      `(?:杯|玻璃)${G}{0,14}(?:不|没)(?:有)?(?:褪|退)(?:色)?`,
    ],
    en: [
      `(?:still )?see${G}{0,15}(?:through|under) (?:a |the )?(?:glass|tumbler)`,

      "(?:don't|doesn't|do not|does not|didn't|won't) (?:go|go away|disappear|fade)(?: \\w+)? when (?:pressed|i press|you press|pushed|i push)",

      `(?:tumbler|glass)${S}{0,40}(?:stay\\w*|still (?:there|see|visible|show)|can still see|didn't fade|doesn't fade|don't fade)`,
      "(?:don't|doesn't|do not|does not|didn't|won't) fade",
    ],
  },
  'very-fast-breathing': {
    zh: [`(?:呼吸|喘气|出气)${G}{0,10}?${RESP_25_PLUS}\\s*(?:多)?\\s*(?:次|下)`],
    en: [`(?:breathing|breaths?|respirations?|resp rate|rr)${G}{0,15}?${RESP_25_PLUS}\\s*(?:times|breaths|/min|a minute|per minute)`],
  },
  'coughing-blood': {
    zh: [],
    en: ['cough(?:ing|ed|s)? (?:up )?(?:some |a bit of |lots of |bright red |fresh )?blood(?! (?:pressure|sugar|test))'],
  },
  'pleuritic-chest-pain': {
    zh: [`(?:吸气|呼吸|咳嗽)${GN}{0,4}(?:时候|时|的时候)${GN}{0,4}(?:心口|胸口|胸|肋)${GN}{0,4}(?:痛|疼|刺痛)`],
    en: [],
  },
  'chest-pain': {
    zh: [`心脏(?:被|像|好像)${G}{0,4}(?:捏|攥|抓|挤|压|揪)`],
    en: [
      "heart (?:is |feels )?(?:like it'?s )?(?:being )?(?:squeezed|crushed|gripped|clenched)",
      'pain in (?:the )?chest',
      'chest (?:really |very |so )?(?:tight|heavy|sore)',
    ],
  },
  sweating: {
    zh: [
      '(?:额头|头上|脸上|身上)(?:全是|都是|一头)(?:的)?汗',
      `汗${G}{0,6}湿透`,
      '湿透了',
      '一身汗',
      '满头(?:大)?汗',
      '汗(?:如雨下|湿|直流|一直流)',
    ],
    en: ['sweaty', 'sweating', 'pouring (?:with )?sweat', 'soaked in sweat', 'grey and sweaty'],
  },
  breathless: {
    zh: [
      '(?:有点|有些|还)喘',

      '喘不(?:匀|顺|动)',

      '喘得',
      '哮喘(?:发作|犯了|又犯)',
      '(?:还是|一直|很|特别|好)喘',
      '喘(?:得|的)(?:厉害|不行|很)',
      '喘不动',
      '喘气(?:很|特别)?(?:费劲|吃力|困难|呼哧)',
      '呼吸(?:又)?急(?:又浅)?',
      '喘粗气',
      '(?:拉风箱|呼哧呼哧)',
    ],
    en: [
      'asthma attack',
      'struggling (?:to breathe|for (?:air|breath))',
      'each breath is a (?:fight|struggle)',
      "can't (?:catch|get) (?:my |his |her )?breath",
      'breathing (?:is )?(?:hard|difficult|laboured|labored)',
      'wheezing',
    ],
  },
  'severe-breathless': {
    zh: [
      '说不成(?:句|话)',
      '(?:坐着|躺着|休息|不动)(?:都|也)(?:喘|憋)',

      '(?:一个字一个字|一字一字|一个词一个词|一字一顿)',
      '喘得(?:躺不下|不能躺|没法躺)',
      '(?:一句|整句|完整的?)话(?:都|也)?说不(?:完|下去)',
      `(?:说|讲)(?:一句|一两句|几个字|两个字|一句话)${GN}{0,3}(?:就|要|得)?(?:停|喘|歇)`,
      `(?:说|讲)不(?:了|出)(?:几句|一句|完整)`,
      '(?:透不到气|透不过气|喘不上来|上不来气)',
      '憋得(?:脸|嘴唇)?(?:发紫|发青|通红|说不出)',
      '呼吸(?:又)?急(?:又|而)浅',
    ],
    en: [
      '(?:can|could) only get (?:a few|one or two|two or three|a couple of|\\d+) words out',

      `(?:can't|unable to|couldn't) (?:talk|speak)${S}{0,40}(?:breath\\w*|wheez\\w*|gasp\\w*)`,

      '(?:can|could) only (?:say|speak|manage|get out) (?:\\d+|one|two|three|a few|a couple of) words',
      `(?:breath\\w*|asthma|inhaler|wheez\\w*)${S}{0,40}(?:can't|unable to|too breathless to) (?:talk|speak)`,
      '(?:breathing|breath\\w*) (?:really |very |so )?(?:fast|rapid|quick) and shallow',
      'fast,? shallow breath\\w*',
    ],
  },
  'crushing-chest-pain': {
    zh: [`心脏(?:被|像|好像)${G}{0,4}(?:捏|攥|抓|挤|压|揪)`],
    en: [
      "heart (?:is |feels )?(?:like it'?s )?(?:being )?(?:squeezed|crushed|gripped|clenched)",
      'like (?:someone|something|a person|an elephant) (?:is )?(?:standing|sitting|kneeling|stepping|pressing) on',
    ],
  },
  'pain-to-arm-or-jaw': {
    zh: [`(?:痛|疼|麻)(?:到|至)${GN}{0,4}(?:手臂|胳膊|胳臂|肩膀?|下巴|下颌|牙|脖子|后背)`],
    en: [
      `(?:spread\\w*|radiat\\w*|go(?:es|ing)?|went|mov\\w*|shoot\\w*|travel\\w*|runs?|running) (?:\\w+ ){0,2}(?:into|down|to|up)? ?(?:my |his |her |the |both |either )?(?:left |right )?(?:arms?|jaw|shoulders?|neck)`,
    ],
  },
  'airway-swelling': {
    zh: ['(?:嗓子眼儿?|喉咙|嗓子)(?:里)?(?:跟|像|好像)?(?:塞|堵)(?:了|住|着)'],
    en: [
      '(?:throat|tongue) (?:feels |is |feel )?(?:thick|tight|closing|weird|funny|swollen|big)',
      "(?:can't|cannot|unable to) swallow (?:my )?(?:spit|saliva)",
      '(?:lips?|tongue) (?:is |are |started )?(?:puffing up|puffy|swelling up|blowing up|ballooning)',
    ],
  },
  'allergen-exposure': {
    zh: [
      '(?:海鲜|虾|蟹|花生|坚果|芒果|青霉素|头孢|阿莫西林|造影剂|鸡蛋|牛奶|菠萝|蚕豆|(?<!黑)芝麻(?!糊))',
      '(?:打|输|注射)(?:了|完)?(?:针|液|疫苗)',
      '过敏',
      '(?:蜂|虫)(?:蜇|蛰|叮|咬)',
    ],
    en: [
      '(?:peanut\\w*|nuts?|cashews?|shellfish|shrimps?|prawns?|seafood|crab|lobster|sesame|eggs?|antibiotic\\w*|penicillin|amoxicillin|augmentin|cephalosporin|contrast|latex)',
      '(?:new|a new) (?:medicine|medication|drug|tablet|pill)',
      'injection|jab|shot',
      'allerg\\w*',
      'stung|sting',
    ],
  },
  wheeze: { zh: ['喘气(?:有|带)?(?:哨音|哨子声|呼哧)', '呼哧呼哧'], en: ['noisy breathing', 'whistl\\w* (?:when|breath)'] },
  'face-droop': {
    zh: ['(?:一边|一侧|嘴角)(?:一直)?流口水', '(?:一侧|一边|半边|半侧|左侧|右侧|左边|右边)(?:的)?(?:脸|面部?|面颊)(?:发)?麻'],
    en: [],
  },
  'vomiting-blood': {
    zh: [`(?<!(?:得|到)(?:快|要|都|快要)?)(?:吐|呕)${GN}{0,10}血(?![压糖脂常])`],
    en: [
      `(?:brought|bring|bringing) up${G}{0,20}blood`,
      'vomit(?:ed|ing)? (?:up )?clots',
      `(?:throwing|threw|thrown|brought|bringing) up${G}{0,40}blood(?! (?:pressure|sugar|test))`,
    ],
  },
  'black-stool': {
    zh: [
      '黑色(?:的)?(?:稀)?(?:便|大便|屎)',

      `(?:大便|便便|屎|拉的)${G}{0,6}(?:黑芝麻糊|像墨|墨汁)`,
      `(?:大便|便便|屎|拉的|拉出来的)${G}{0,8}(?:沥青|柏油|黑乎乎|黑得|漆黑|乌黑|黑色)`,
    ],
    en: [
      '(?:black|tarry|tar-like)(?: \\w+){0,2} (?:diarrh\\w*|poo\\w*|stools?|mess)',
      '(?:diarrh\\w*|poo\\w*|stools?) (?:is |are |was |were )?(?:black|tarry|like tar)',
    ],
  },
  'heavy-rectal-bleeding': {
    zh: [
      '便血(?:一大?滩|一大?摊|好多|一大片)',
      '大量便血',
      '便血(?:很多|不止|止不住|一大摊|一直)',
      `(?:马桶|便池|蹲坑)${G}{0,6}(?:全是|都是|一片|好多|很多)(?:的)?(?:鲜)?血`,
    ],
    en: [`(?:toilet|bowl|pan)${G}{0,10}(?:full of|filled with|red with) blood`],
  },
  'shock-signs': {
    zh: [
      '(?:脸|脸色|面色)(?:都|色都)?(?:白|发白|煞白)了',
      '要晕倒',
      '快晕倒',
      '差点晕',
      '头(?:好|很|特别|有点)?晕',
      '晕乎乎',
      '发晕',
      '(?:快|要)晕(?:了|倒)?',
      '腿软',
      '站不住',
      '(?:脸|面色|脸色)(?:白得|煞白|惨白|蜡黄|像纸|跟纸)',
      '浑身没劲',
      '没(?:有)?力气',
      '冷汗',
    ],
    en: [
      '(?:going to|gonna|about to|might|could) (?:pass out|faint|collapse|black out)',
      '(?:feel(?:s|ing)?|felt|very|so|really) (?:very |so |really )?faint',
      'faint',
      'shaky',
      '(?:heart|pulse) (?:is )?(?:racing|pounding|thumping)',
      'grey',
      'gray',
      'clammy',
      'wiped out',
      'cold and clammy',
    ],
  },
  fainted: {
    zh: [
      '(?:瘫|倒|躺)在地上',
      '瘫倒',

      '叫(?:他|她|孩子|宝宝|人)?(?:也|都)?不(?:太|怎么)?醒',

      '(?<!头)晕(?:了一下|倒了)',
      '(?:只会|只能)(?:哼哼|哼)',
      '不睁眼',
      '叫(?:他|她)?(?:都|也)?(?:没|不)(?:有)?反应',
      '(?:喊|叫)(?:他|她)?(?:都|也)?不(?:应|理)',
    ],
    en: [
      'knocked out',
      "won't open (?:his|her|their) eyes",
      'only (?:groans|moans|grunts)',
      'not (?:waking|responding) (?:up )?properly',
      "won't wake (?:up )?properly",
    ],
  },
  drowsy: {
    zh: ['越来越(?:想睡|困|嗜睡|没精神)', '想睡', '叫(?:都)?(?:叫)?不醒', '没精神', '蔫蔫?的?', '越来越没精神'],
    en: [
      '(?:getting )?(?:sleepier|drowsier)',
      'more and more (?:sleepy|drowsy)',
      "won't wake",
      'hard to wake',
      'not waking',
      'lethargic',
      'really tired and',
      'very drowsy',
    ],
  },
  'acute-confusion': {
    zh: ['(?:突然)?不会说话了', '不认(?:得)?人', '驴唇不对马嘴', '说话颠三倒四', '(?:人|一直|现在)(?:有点|都|很)?迷糊(?:不醒)?'],
    en: ['mumbling', 'not making sense', "doesn't (?:know|recogni[sz]e) (?:where|who|me)"],
  },
  // Milder than acute confusion: counts for sepsis and DKA with other signs, not alone.
  confusion: { zh: ['迷瞪', '迷糊', '懵'], en: ['not with it', 'out of it', 'not (?:himself|herself|themselves)', 'confused'] },
  fever: {
    zh: [
      BARE_FEVER_READING,
      '(?:腋温|肛温|额温|耳温|口温)' + G + '{0,3}(?:3[89]|4[0-2])',
      `(?:摸着|摸起来|身上|浑身|额头|脑门|头)${GN}{0,3}(?:烫|滚烫|发烫|烫手)`,
      '烧(?:得|的)(?:厉害|很高|滚烫)',
      '(?<![燃火柴炭])烧了(?:半天|一天|两天|三天|几天|一夜|一晚|一整天|\\d+\\s*(?:天|个?小时))',
    ],
    en: [
      'hot to (?:the )?touch',

      '(?:has|have|had|got|running|with) (?:a )?(?:high |raised )?temperature(?! (?:of|is|was) (?:3[0-7]|9[0-9])(?:\\.\\d+)?(?![\\d.]))',

      BARE_FEVER_READING,
      'burning up',
      '(?:feels?|felt|is|was) (?:very |really |so )?hot(?: to (?:the )?touch)?',
      'feverish',
      'temperature (?:is )?(?:high|up)',
      'fevers',
    ],
  },
  'young-infant': {
    zh: [
      `${BABY_ZH}(?:出生|生下来)(?:才|刚)?${MONTHS_UNDER_3_ZH}`,

      `${BABY_ZH}(?:才|刚|刚满|刚刚|已经|现在|今天|出生|满|刚出生)*${DAYS_UNDER_90}(?:天|日)`,
      `${BABY_ZH}(?:才|刚|刚满|刚刚|已经|现在|今天|满)*${WEEKS_UNDER_13}(?:个)?(?:周|星期)`,
      `${BABY_ZH}(?:才|刚|刚满|刚刚|已经|现在|满)*${MONTHS_UNDER_3_ZH}`,
      `(?:出生|生下来|刚满|才|满)${DAYS_UNDER_90}多?(?:天|日)`,
      `(?:刚满|才|满)${WEEKS_UNDER_13}(?:个)?(?:周|星期)`,
      `${WEEKS_UNDER_13}(?:个)?(?:周|星期)(?:大)`,
      `${DAYS_UNDER_90}多?天(?:大|的(?:宝宝|婴儿|孩子|娃))`,
      `${MONTHS_UNDER_3_ZH}大`,
      `${MONTHS_UNDER_3_ZH}的${BABY_ZH}`,
      '满月',
    ],
    en: [
      `${BABY_EN} (?:aged|age|of) (?:only |just )?(?:${WEEKS_EN} weeks?|(?:[1-9]|[1-8]\\d|90) days?|(?:[12]|one|two) months?)`,

      `${BABY_EN}(?: is| was|'s)? (?:only |just |nearly |barely |nearly )?${WEEKS_EN} weeks?(?! (?:pregnant|along|into|of|gestation))`,
      `${BABY_EN}(?: is| was|'s)? (?:only |just |nearly |barely )?(?:[1-9]|[1-8]\\d|90) days?`,
      `${BABY_EN}(?: is| was|'s)? (?:only |just |nearly |barely )?(?:[12]|one|two|a|1\\.5|one and a half|two and a half) months?`,
      `${WEEKS_EN}[- ]weeks?[- ]old`,
      '(?:1|one|a)[- ]months?[- ]old',
      'born (?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) (?:days|weeks) ago',
    ],
  },
};

import { EMERGENCY_TEXT_PHRASES } from './emergency-text-phrases.js';
import { EXTRA_TEXT_PHRASES } from './extra-text-phrases.js';
import { G, GN, type PhraseSet, SUDDEN, W5 } from './phrase-fragments.js';
import { RED_FLAG_FINDINGS, type RedFlagFinding } from './red-flag-findings.js';

export type { PhraseSet } from './phrase-fragments.js';

/**
 * Typed phrases that establish a red-flag finding, as regular-expression fragments over text that
 * is NFKC-normalised and lower-cased (so full-width letters, digits and punctuation and "℃" are
 * already plain). Chinese fragments match anywhere (no spaces in Chinese); English fragments are
 * wrapped so they match whole words only. Context (negation, family history, the remote past)
 * is handled by `findTextFindings`, not here — keep these lists to what the patient says.
 *
 * Wording follows the lay descriptions of the sources cited on each rule (NHS "when to call 999",
 * AHA/ASA BE FAST, NICE NG51/NG143, WAO 2020 anaphylaxis, WHO/ACOG pregnancy danger signs) and
 * common mainland-China patient phrasing (《急诊预检分诊专家共识》2018 presenting complaints).
 */

/** A body part that is the head, for the Chinese thunderclap patterns. */
const HEAD = '(?:头|脑袋|后脑勺?|脑壳|太阳穴)';
/** What a sudden headache is like when it is a thunderclap: severe, bursting or like a blow. */
const BLOW = '(?:剧痛|爆痛|剧烈(?:地|的)?(?:疼痛|痛|疼)|炸|撕裂|裂开|雷劈|雷击|锤|砸)';

const CORE_TEXT_PHRASES = {
  'chest-pain': {
    zh: [
      `(?:胸口|胸部|胸前区?|前胸|胸骨后|心口|心前区|胸)(?:很|非常|特别|有点|有些|好|剧烈|一阵阵|阵阵|隐隐|持续|一直)?(?:地|的)?(?:痛|疼|闷|绞痛|剧痛|刺痛|憋闷|发紧|发闷|压迫感|压榨感|压得慌)`,
      `(?:胸口|胸部|心口|胸)(?:像|好像|如同)(?:被)?${G}{0,6}(?:压|勒|捆|挤)`,
      `(?:胸口|胸部|胸前区?|前胸|胸骨后|心口|心窝|心前区)${GN}{0,8}?(?:痛|疼|闷|憋闷|发紧|发闷|压迫感|压榨感|压得慌)`,
      '心绞痛',
      '心脏(?:很|有点)?(?:痛|疼)',
    ],
    en: [
      'chest (?:pain|pains|ache|aches|tightness|pressure|discomfort|heaviness)',
      'pain in (?:my|the|his|her) chest',
      '(?:tight|heavy|painful) chest',
      '(?:(?:my|his|her|the) )?chest (?:hurts|is hurting|hurting|is killing (?:me|him|her)|feels (?:tight|heavy|like))',
      '(?:pain|pains|ache|aching|pressure|tightness|heaviness|squeezing|discomfort) (?:in|on|across|at) (?:the (?:middle|centre|center|front|left side) of )?(?:my|the|his|her) chest',
      'angina',
      'heart pain',
    ],
  },
  sweating: {
    zh: ['出(?:了)?(?:好多|很多|一身)?(?:冷|虚|大)?汗', '冷汗', '大汗(?:淋漓)?', '虚汗', '浑身是汗', '(?:直)?冒(?:冷)?汗'],
    en: ['sweat(?:ing|y|s)?', 'cold sweats?', 'clammy', 'perspir(?:ing|ation)', 'drenched'],
  },
  breathless: {
    zh: [
      '气(?:短|促|喘)',
      '呼吸(?:很|非常|特别)?(?:困难|急促|费力|吃力|不畅|不过来)',
      '(?:坐着|躺着|休息|不动)(?:都|也)(?:喘|气短|憋)',
      '憋(?:气|得慌|闷)',
      '喘(?:得厉害|憋)',
      '胸闷气短',
      '上气不接下气',
    ],
    en: [
      'short(?:ness)? of breath',
      'breathless(?:ness)?',
      'out of breath',
      '(?:difficulty|trouble|problems?) breathing',
      'hard to breathe',
      'dyspn(?:o)?ea',
      'winded',
      'working (?:really |so )?hard to breathe',
    ],
  },
  'severe-breathless': {
    zh: [
      '喘不(?:过|上)(?:来|气)',
      '吸不(?:进|上)(?:气|去)',
      '(?<![尿屎便])憋得(?:要死|要命|不行|受不了)',
      '上不来气',
      '透不过气',
      '(?:无法|不能|没法)呼吸',
      '呼吸(?:很|非常|特别|极度|严重)困难',
      '严重(?:的)?呼吸困难',
      '快(?:要)?窒息',
      '窒息',
      '(?:憋|喘)得说不出话',
      '说(?:不了|不出)(?:一句)?完整的话',
      '(?:一句|整句|完整的?)话(?:都|也)?说不(?:出来?|完整|全)',
      '说话都(?:很)?(?:费劲|喘|困难|吃力)',
      '说(?:几|两|一两|三两|两三)个字就(?:要|得)?(?:停(?:下来)?)?' + GN + '{0,2}喘',
      `憋得${GN}{0,3}(?:脸|嘴唇)${GN}{0,3}(?:发)?(?:紫|青)`,
    ],
    en: [
      "can'?t breathe",
      'cannot breathe',
      'unable to breathe',
      'struggling to breathe',
      'gasping(?: for (?:air|breath))?',
      "can'?t (?:speak|talk|say) (?:in )?(?:full |complete |whole )?sentences",
      'too breathless to (?:speak|talk)',
      "can'?t (?:get|catch) (?:my|a) breath",
      'choking',
      'suffocating',
      `(?:breath|breathless|breathing)${G}{0,20}(?:can'?t|cannot|(?:can|could) (?:barely|hardly)) (?:talk|speak)`,
      '(?:can|could) (?:barely|hardly) breathe',
      "(?:can'?t|cannot|couldn'?t) finish (?:a |my |his |her )?sentences?",
      '(?:can|could) only (?:say|speak|manage|get out) (?:a few|one or two|two or three|a couple of|a word or two) words',
    ],
  },
  'crushing-chest-pain': {
    zh: ['压榨(?:样|性|感)', '紧缩(?:样|感)', `(?:像|好像|如同)(?:被)?${G}{0,6}(?:石头|重物|大象)`, '压着(?:一块)?(?:大)?石头'],
    en: ['crushing', 'squeezing', 'like (?:a|an) (?:elephant|weight|heavy weight|vice|band)'],
  },
  'pain-to-arm-or-jaw': {
    zh: [
      '(?:放射|窜|串|传|牵扯|扩散|蔓延|连|痛|疼)(?:到|至|向)(?:了)?(?:左|右)?(?:侧|边)?(?:手臂|胳膊|上臂|肩膀?|臂|下巴|下颌|下颚|牙齿?|脖子|颈部?|后背)',
      '(?:向|往|到)(?:左|右)?(?:侧|边)?(?:手臂|胳膊|上臂|肩膀?|臂|下巴|下颌|下颚|牙齿?|脖子|颈部?|后背)(?:放射|窜|串|扩散|蔓延)',
    ],
    en: [
      '(?:spread(?:s|ing)?|radiat(?:es|ing)|go(?:es|ing)|mov(?:es|ing)|shoot(?:s|ing)|travel(?:s|l?ing)) (?:(?:down|up) (?:to |into )?|to |into )(?:my |the |his |her )?(?:left |right )?(?:arm|arms|shoulder|jaw|neck)',
    ],
  },
  'face-droop': {
    zh: [
      '口角(?:歪斜|歪|下垂|流涎)',
      '嘴(?:巴|角)?(?:歪|斜)',
      '面瘫',
      '脸(?:歪|部歪斜)',
      '(?:一侧|一边|半边|半侧|左侧|右侧|左边|右边)(?:的)?(?:脸|面部?|面颊)(?:突然)?(?:麻木|无力|下垂|耷拉|不能动|动不了|歪)',
    ],
    en: [
      'face (?:is )?droop(?:ing|y|s)?',
      'facial (?:droop|weakness|paralysis)',
      'droop(?:ing|y) (?:face|mouth)',
      '(?:one side of|half of|(?:the )?(?:left|right) side of) (?:my|his|her|the) face (?:(?:is|went|has gone|feels|looks|suddenly|got|became|all) )*(?:drooping|droops|droopy|numb|weak|paralysed|paralyzed|sagging)',
      'mouth (?:is )?(?:drooping|droops|crooked|lopsided)',
      '(?:crooked|lopsided|uneven) (?:smile|face|mouth)',
    ],
  },
  'arm-weakness': {
    zh: [
      '(?:一侧|一边|半边|半侧|单侧)(?:的)?(?:身体|肢体|手脚|胳膊|手臂|上肢)(?:突然)?(?:无力|没(?:有)?力气?|没劲|麻木|发麻|不听使唤|抬不起来?|动不了|不能动|瘫痪?)',
      '(?:左|右)(?:侧|边)?(?:的)?(?:身体|肢体|手脚|胳膊|手臂|上肢)(?:突然)?(?:无力|没(?:有)?力气?|没劲|不听使唤|抬不起来?|动不了|不能动|瘫痪?)',
      '半身不遂',
      '偏瘫',
      '(?:胳膊|手臂)(?:突然)?抬不起来',
    ],
    en: [
      '(?:weakness|numbness|paralysis) (?:on|in|down) one side',
      '(?:weak|numb) on one side',
      'one side of (?:my|his|her|the) body (?:is |feels |went )?(?:weak|numb|paralysed|paralyzed)',
      "(?:can'?t|cannot) (?:lift|raise|move) (?:my|his|her|one|the) (?:left |right )?arm",
      '(?:left|right|one) (?:arm|side)(?: and (?:leg|face|hand))? (?:(?:is|are|feels?|went|has gone|have gone|suddenly|got|all) )*(?:weak|numb|limp|dead|heavy|paralysed|paralyzed)',
      'weak (?:left|right) arm',
      'arm weakness',
      'hemipleg\\w*',
      'hemipares\\w*',
    ],
  },
  'speech-difficulty': {
    zh: [
      '说话(?:突然)?(?:不清|含糊|含混|不利索|困难|费劲|大舌头)',
      '言语(?:不清|含糊|不利|困难|障碍)',
      '口齿(?:不清|含糊)',
      '吐字不清',
      '说不出话',
      '讲话(?:不清|含糊|含混)',
      '大舌头',
      '(?:讲|说)话(?:都|也)?(?:讲|说)不(?:出来?|清楚?)',
      `(?:说|讲)的?话${GN}{0,4}听不懂`,
      '舌头(?:发硬|不灵活?|不听使唤)',
      '失语',
    ],
    en: [
      'slurr(?:ed|ing)',
      '(?:speech|words) (?:(?:is|are|all|sounds?|suddenly) )*(?:slurred|garbled|jumbled|mixed up)',
      '(?:talking|speaking) (?:funny|weird|strange|gibberish|nonsense)',
      '(?:difficulty|trouble|problems?) (?:speaking|talking|getting (?:the )?words out|finding words)',
      "(?:can'?t|cannot) (?:speak|talk) (?:properly|clearly|normally)",
      'garbled speech',
      'aphasia',
      'dysarthria',
    ],
  },
  'airway-swelling': {
    zh: [
      '(?:喉咙|喉头|嗓子眼?|咽喉)(?:好像|像是|感觉|觉得|突然|一下子|都|也){0,2}(?:肿胀|水肿|肿起来|肿了|肿得|发紧|收紧|堵住|被掐住|像被掐住)',
      '(?:舌头|嘴唇|口唇|舌|唇)(?:突然|一下子|好像|都|也){0,2}肿(?![痛疼])',
    ],
    en: [
      '(?:throat|tongue|lips?|mouth) (?:is |are |feels |feel |started |starting |has |have )?(?:swelling|swollen|swelled|closing(?: up)?|tight(?:ening)?)',
      'swollen (?:throat|tongue|lips?)',
      `(?:throat|airway)${W5} (?:closing|swelling|swollen|swelled)`,
      '(?:throat|tongue|lip) swelling',
      'angio-?o?edema',
    ],
  },
  'allergen-exposure': {
    zh: [
      '过敏(?:后|反应|了)',
      `(?:吃|喝|接触|碰|用|服)(?:了|完|过)?${G}{0,6}(?:海鲜|虾|蟹|花生|坚果|芒果|药|抗生素|青霉素|头孢|过敏的?东西)${G}{0,4}(?:后|以后|之后)`,
      '被(?:蜜?蜂|马蜂|黄蜂|虫子?)(?:蜇|蛰|叮|咬)',
      '蜂蜇',
      '(?:打|输|注射)(?:了|完)?(?:针|液|疫苗|青霉素|头孢|造影剂)(?:后|以后|之后)',
      '输液(?:后|时|过程中)',
    ],
    en: [
      'allergic reaction',
      'reaction to',
      'after (?:eating|taking|an? (?:injection|shot|sting)|(?:the|my) (?:injection|shot|infusion|medicine|medication|antibiotics?))',
      '(?:bee|wasp|insect) sting',
      'stung',
      'ate (?:some |a )?(?:peanuts?|nuts?|shellfish|shrimp|prawns?|seafood)',
    ],
  },
  wheeze: {
    zh: [
      '喘鸣',
      '哮鸣',
      '喘息',
      '(?:嗓子|喉咙)里?(?:有|发出)?(?:哨音|嘶嘶声)',
      '呼吸(?:有|带)(?:哨音|响声)',
      `(?:喘气|呼吸|出气)${GN}{0,3}(?:哨音|哨子声|嘶嘶声?)`,
    ],
    en: ['wheez\\w*', 'stridor'],
  },
  'vomiting-blood': {
    zh: [
      '呕血',
      // Not the figure of speech "看账单看得吐血" / "气得吐血".
      '(?<!(?:得|到)(?:快|要|都|快要)?)吐血',
      '吐(?:了|出)(?:很多|好多|一口|一大口)?(?:鲜)?血',
      '呕吐物?(?:里|中)?(?:有|带|是)?(?:鲜)?血',
      '吐(?:出)?(?:咖啡色|咖啡渣样?|黑色)的?(?:东西|液体|物)',
      '咖啡渣样',
      // "吐出来像咖啡渣一样" (NHS stomach ache: vomit that looks like coffee grounds → 999)
      `(?:吐|呕)${GN}{0,6}咖啡(?:渣|色)`,
    ],
    en: [
      'vomit(?:ing|ed|s)? (?:up )?(?:blood|bloody)',
      'throw(?:ing|n)? up blood',
      'threw up blood',
      '(?:threw|throw(?:ing|n|s)?|puk(?:ing|ed|e)|vomit(?:ing|ed|s)?) (?:up )?(?:a |some |lots of |a lot of |a bunch of |a bit of |so much |loads of |bright red |dark )+blood',
      '(?:blood|bloody) vomit',
      'coffee[- ]grounds?',
      'ha?ematemesis',
      'puk(?:ing|ed) (?:up )?blood',
      `(?:vomit(?:ing|ed|s)?|threw up|throw(?:ing|n|s)? up|puk(?:ing|ed|e))${W5} (?:bright red |fresh |dark )?blood(?! (?:pressure|sugar|test|tests|work|glucose|count))`,
    ],
  },
  'heavy-bleeding': {
    zh: [
      '大出血',
      '大量(?:出血|流血)',
      '(?:流|出)血不止',
      '血流不止',
      '止不住(?:地)?(?:流|出)?血',
      '血止不住',
      `(?<![高低])血(?![压糖脂管型常检])[^,.!?;。不没无未否咳嗽拉泻吐痒哭笑]{0,8}(?:止不住|停不下来|流个不停)`,
      '血(?:哗哗|汩汩|呼呼|嗞嗞)(?:地|的)?(?:流|往外|冒|涌|喷)',
      '(?:按|压|捂)(?:住|着)?(?:了)?(?:都|也|还是)止不住',
      '血(?:一直|不停地?)(?:流|往外冒|冒)',
      '(?:流|出)血[,\\s]{0,2}(?:都|也|还是)?止不住',
      '出了?(?:很多|好多|一大滩)血',
      '(?:大口|大量)(?:咯|咳)血',
      '咳出(?:很多|大量|一大口)血',
    ],
    en: [
      '(?:heavy|severe|massive|uncontrolled|profuse) bleeding',
      'bleeding (?:heavily|a lot|profusely|badly)',
      "bleeding (?:that )?(?:won'?t|will not|doesn'?t|does not|can'?t|cannot) stop",
      "(?:won'?t|can'?t|cannot) stop (?:the )?bleeding",
      "(?:bleed\\w*|nosebleed|blood(?! (?:pressure|sugar|test|work|glucose|count)))[^.!?;。]{0,40}(?:won'?t|will not|doesn'?t|does not|can'?t|cannot|couldn'?t) (?:get (?:it|the bleeding|the blood) to )?stop(?=\\s*(?:$|[,.!?;(]|at all|now|for |after |even |no matter|bleeding))",
      'losing (?:a lot of|lots of) blood',
      'blood (?:is )?(?:pouring|gushing|spurting)',
      'coughing up (?:a lot of|lots of|large amounts of) blood',
      'ha?emorrhag\\w*',
    ],
  },
  'black-stool': {
    zh: [
      '黑便',
      '柏油(?:样|状)?(?:便|大便)?',
      `(?:大便|便便|屎)${GN}{0,4}(?:黑|柏油)(?:色|的|乎乎)`,
      '拉(?:了)?黑(?:色)?(?:的)?(?:大便|便|屎)',
      `(?:大便|便便|屎)${GN}{0,2}黑得像`,
    ],
    en: [
      'black,? (?:(?:tarry|sticky|tar-like|smelly) )*(?:stools?|poo|poop|faeces|feces|bowel movements?)',
      '(?:stools?|poo|poop) (?:is |are |was |were )?(?:black )?like tar',
      'tarry (?:stools?|poo|poop)',
      '(?:stools?|poo|poop) (?:is |are |was |were )?(?:black|tarry)',
      'mela?ena',
    ],
  },
  fainted: {
    zh: [
      '晕倒',
      '昏倒',
      '晕(?:过去|厥)',
      '昏(?:过去|厥|迷)',
      '失去(?:了)?(?:意识|知觉)',
      '意识丧失',
      '不省人事',
      '人事不省',
      '叫不(?:太)?醒',
      '(?:还)?没醒过来',
      '没(?:有)?(?:了)?(?:意识|知觉)',
    ],
    en: [
      'faint(?:ed|ing)',
      'pass(?:ed|es|ing) out',
      'black(?:ed|ing) out',
      'collaps(?:ed|ing)',
      'lost consciousness',
      'loss of consciousness',
      'unconscious',
      'unresponsive',
      'not (?:responding|responsive)(?! to)',
      "(?:won'?t|can'?t|cannot) (?:wake (?:him|her|them)? ?up|be woken)",
      "(?:can'?t|cannot|couldn'?t|unable to) (?:wake|rouse) (?:him|her|them)",
      "(?:hasn'?t|has not|haven'?t|not) come (?:round|around|to)",
      'syncop\\w*',
    ],
  },
  seizure: {
    zh: [
      '(?<!眼皮|眼睛|肌肉|嘴角|脸|面部|腿)抽搐',
      '抽风',
      '惊厥',
      '癫痫(?:大)?发作',
      '羊(?:角|癫)风',
      '口吐白沫',
      '四肢(?:抽动|僵直)',
      '全身(?:抽动|抖动|僵硬)',
    ],
    en: ['seizures?', 'seizing', 'convuls\\w*', '(?:having|had|has|having a) fits?', 'epileptic (?:fit|attack)', 'foaming at the mouth'],
  },
  'acute-confusion': {
    zh: [
      '意识(?:模糊|不清|障碍)',
      '神志(?:不清|模糊|恍惚)',
      '(?<![搞弄])糊涂',
      '迷迷糊糊',
      '胡言乱语',
      '说胡话',
      '认不(?:出|得)(?:人|家人)',
      '答非所问',
      '反应(?:迟钝|很慢|变慢)',
      '精神错乱',
      '嗜睡',
      '昏睡',
    ],
    en: [
      'confused(?! (?:about|by|why|how|what|whether|with|as to))',
      'confusion',
      'disorient(?:ed|ated|ation)',
      'delirious',
      'delirium',
      'not making (?:any )?sense',
      '(?:hard|difficult) to wake',
    ],
  },
  confusion: { zh: [], en: [] },
  fever: {
    zh: ['发(?:烧|热)', '高(?:烧|热)', '低烧', '烧到', `体温${G}{0,4}(?:3[89]|4[0-2])`, '(?:3[89]|4[0-2])(?:\\.\\d)?\\s*(?:度|°c|摄氏度)'],
    en: [
      'fever\\w*',
      'febrile',
      'high temp(?:erature)?',
      `temp(?:erature|\\.)?(?![a-z])${G}{0,12}?(?<![\\d.])(?:3[89]|4[0-2])(?:\\.\\d)?(?![\\d])`,
      `temp(?:erature|\\.)?(?![a-z])${G}{0,12}?(?<![\\d.])(?:100\\.[4-9]|10[1-6](?:\\.\\d)?)(?![\\d])`,
      '(?:3[89]|4[0-2])(?:\\.\\d)?\\s*(?:°c|degrees(?: c(?:elsius)?)?)',
      '(?:100\\.[4-9]|10[1-6](?:\\.\\d)?)\\s*(?:°f|f|degrees(?: f(?:ahrenheit)?)?)',
    ],
  },
  'low-temperature': {
    zh: ['体温(?:过低|偏低|很低|低于\\s*36|不升)', `体温${G}{0,3}3[0-5](?:\\.\\d)?\\s*(?:度|°c)`],
    en: [
      'hypotherm\\w*',
      '(?:very )?low (?:body )?temperature',
      'temperature (?:is |was )?(?:very )?low',
      `temp(?:erature|\\.)?(?![a-z])${G}{0,12}?(?<![\\d.])3[0-5](?:\\.\\d)?(?![\\d])`,
    ],
  },
  'very-fast-breathing': {
    zh: [
      '(?:呼吸|喘气|出气)(?:很|非常|特别|极其|好|超级?)(?:快|急促?)',
      '呼吸快得',
      '喘得(?:很|非常|特别)快',
      '呼吸频率(?:很|非常)?(?:快|高)',
    ],
    en: [
      'breathing (?:(?:very|really|extremely|super|so|too|way too|crazy) )+(?:fast|quick(?:ly)?|rapid(?:ly)?)',
      '(?:very |extremely )?(?:fast|rapid) breathing',
      'tachypn\\w*',
    ],
  },
  'mottled-or-blue-skin': {
    zh: [
      '(?:皮肤|身上)(?:出现)?(?:发)?花斑',
      '花斑(?:样|纹)',
      `(?:皮肤|身上|腿上|手脚)${GN}{0,6}(?:花花(?:绿绿)?的|发花)`,
      '(?:嘴唇|口唇|皮肤|脸色?|手指|指甲|舌头)(?:发|变|青)?(?:紫|青紫|发青|发绀)',
      '发绀',
      '紫绀',
      `(?:嘴唇|口唇|脸|指甲|手指)${GN}{0,6}(?:发紫|发青|青紫|紫了|有点紫|发绀)`,
    ],
    en: [
      'mottled',
      'blotchy',
      '(?:lips?|skin|tongue|face|(?:finger)?nails|fingers) (?:(?:is|are|looks?|turning|turned|went|going|gone|a bit|slightly|all) )*(?:blue|bluish|grey|gray|ashen)',
      'blue lips',
      'cyanos\\w*',
      'ashen',
    ],
  },
  'no-urine': {
    zh: [
      '(?:一天|一整天|整天|一夜|一晚上|十?几个小时|\\d+\\s*(?:个)?小时|很久|半天)(?:都)?(?:没|没有|未)(?:怎么)?(?:排尿|小便|撒尿|尿)(?![痛频急血路])',
      '无尿',
    ],
    en: [
      "(?:haven'?t|hasn'?t|have not|has not|not) (?:peed|urinated|passed (?:any )?urine|been able to pee)",
      'no urine',
      '(?:stopped|not) (?:peeing|urinating|passing urine)',
    ],
  },
  'suicidal-ideation': {
    countsWhenPast: true,
    zh: [
      // Not the idioms "想死的心都有了" (exasperation) or "想你们想死了" (missing someone).
      '(?<!想[^,.!?;。]{1,4}|(?:尴尬|丢人|无聊|饿|困|热|冷|烦|羞|笑|馋)得)想死(?!的心|[你您他她咱]|我了|大家)',
      '不想活',
      '自杀',
      '轻生',
      '结束(?:自己的?)?(?:生命|一切)',
      '了结(?:自己|生命)',
      '伤害自己',
      '自残',
      '自伤',
      '割腕',
      '跳楼(?!价)',
      '上吊',
      '寻死',
      '活着(?:没|没有)(?:什么)?(?:意思|意义|希望)',
      '活不下去',
      '不如死了',
      '死了(?:算了|就好了)',
      '一了百了',
      '(?:吞|吃)了?(?:一整?瓶|一大把|很多|大量)(?:的)?(?:安眠药|药)',
    ],
    en: [
      'suicid\\w*',
      'kill(?:ing)? (?:myself|himself|herself)',
      'end(?:ing)? (?:my|his|her) (?:own )?life',
      'end(?:ing)? it all',
      '(?:want|wanted|wanting) to die',
      'wanna die',
      'wish (?:i|he|she) (?:was|were) dead',
      "(?:don'?t|do not) want to (?:live|be alive|be here anymore)",
      '(?:hurt|harm|cut)(?:ting|ing)? (?:myself|himself|herself)',
      'self[- ]?harm\\w*',
      'better off dead',
      "better off (?:without me|if i (?:was|were) (?:dead|gone)|if i (?:wasn'?t|weren'?t) (?:here|around|alive))",
      'no reason to live',
      'took (?:an |a )?overdose',
      'overdosed',
      '(?:took|swallowed|taken) (?:a |the )?(?:whole|entire) (?:bottle|pack|box)',
    ],
  },
  pregnant: {
    zh: ['(?<![避备不])孕(?![酮激])', '妊娠', '怀(?:了|着|上了?)(?:孩子|宝宝|二胎|三胎)?'],
    en: [
      'pregnan\\w*',
      'expecting (?:a baby|twins)',
      "(?:i'?m|i am|she'?s|she is|we'?re|we are) expecting(?= *(?:$|[,.!?;]|and |with |a baby|twins))",
      'weeks? (?:pregnant|gestation)',
    ],
  },
  'vaginal-bleeding': {
    zh: ['阴道(?:出血|流血|见血)', '见红', '下(?:面|身)(?:出血|流血|见血)'],
    en: [
      'vaginal (?:bleeding|blood|spotting)',
      'bleeding (?:from|down) (?:my |the )?(?:vagina|below)',
      'bleeding (?:from )?down (?:there|below)',
      'spotting',
      "(?:pregnant|expecting)(?: and| with|,)? (?:(?:i'?m|am|now|also|some|heavy|light|started|been|have|having|had|a lot of) )*bleeding(?! (?:gums?|from (?:the |my |his |her )?(?:nose|gums?|mouth)))",
    ],
  },
  'severe-abdominal-pain': {
    zh: [
      '(?:剧烈|严重)(?:的)?(?:腹痛|肚子痛|肚子疼|腹部疼痛|腹部痛)',
      `(?:肚子|腹部|小腹|下腹|上腹|肚皮)${GN}{0,4}?(?:剧痛|绞痛|剧烈(?:疼痛|痛|疼)|(?:痛|疼)(?:得|的)(?:厉害|受不了|不行|要命|要死|打滚|直不起腰)|(?:非常|特别|极其|超级)(?:痛|疼))`,
      '腹痛(?:剧烈|难忍|得厉害)',
    ],
    en: [
      '(?:severe|really bad|terrible|excruciating|unbearable|intense) (?:abdominal|stomach|tummy|belly|pelvic|lower abdominal) (?:pain|cramps?|ache)',
      '(?:abdominal|stomach|tummy|belly) pain (?:is )?(?:severe|unbearable|excruciating|so bad)',
      `(?:severe|really bad|terrible|excruciating|unbearable|intense|awful|horrible|agoni[sz]ing) (?:pain|cramps?|cramping|ache)${W5} (?:abdomen|stomach|tummy|belly|pelvis)`,
    ],
  },
  'young-infant': {
    zh: [
      '新生儿',
      '(?:还)?(?:没|未)?满(?:一个)?月(?![酒照宴])',
      '刚出生',
      '(?:出生|生下来)(?:才|刚)?(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})天',
      '(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})天(?:大)?的?(?:宝宝|孩子|婴儿|儿子|女儿|宝)',
      '(?:1[0-2]|[1-9]|[一二两三四五六七八九]|十[一二]?)(?:周|个星期)(?:大)?的?(?:宝宝|孩子|婴儿|儿子|女儿|宝)',
      '(?:[12一两二]|半)个(?:多)?月(?:大)?的?(?:宝宝|孩子|婴儿|儿子|女儿|宝)',
      '(?:宝宝|孩子|婴儿|儿子|女儿)(?:才|刚|刚满)?(?:[12一两二]|半)个(?:多)?月',
    ],
    en: [
      'newborn',
      'neonate',
      '(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ]weeks?[- ]old',
      '\\d{1,2}[- ]days?[- ]old',
      '(?:[12]|one|two)[- ]months?[- ]old',
    ],
  },
  'thunderclap-headache': {
    zh: [
      '(?:霹雳|雷击|爆炸|炸裂)(?:样|性|般)?(?:的)?头(?:痛|疼)',
      `(?:这辈子|一辈子|有生以来|平生|从来没有过|从没有过|从未有过)${G}{0,6}(?:严重|厉害|剧烈|痛|疼)的?头(?:痛|疼)`,
      `(?:突然|突发|一下子|猛地|瞬间)${G}{0,6}(?:剧烈|严重|爆炸样|炸裂样|撕裂样|最厉害)的?头(?:痛|疼)`,
      '头(?:突然|一下子)(?:剧烈)?(?:痛|疼)得(?:要炸|要裂开|受不了)',
      `${SUDDEN}${GN}{0,8}?${HEAD}${GN}{0,8}?${BLOW}`,
      `${HEAD}${GN}{0,8}?${SUDDEN}${GN}{0,8}?${BLOW}`,
      `${HEAD}${GN}{0,4}?(?:像|好像|如同|跟)${GN}{0,6}?(?:雷劈|雷击|被劈|被砸|被锤|挨了一闷棍)`,
      `(?:从来|从)(?:都)?没(?:有)?(?:这么|这样|如此)${GN}{0,4}头(?:痛|疼)过`,
      `头(?:痛|疼)${GN}{0,4}(?:从来|从)(?:都)?没(?:有)?(?:这么|这样|如此)(?:痛|疼|厉害)过`,
    ],
    en: [
      'thunderclap',
      'worst headache (?:of|in) (?:my|his|her) life',
      "worst headache (?:i'?ve|i have|he'?s|she'?s) ever (?:had|felt)",
      '(?:worst|most (?:painful|severe|intense|excruciating)) headache ever',
      `(?:sudden|suddenly|abrupt|out of nowhere|all of a sudden)${G}{0,20}(?:severe|terrible|excruciating|explosive|blinding|worst|horrible|agoni[sz]ing|most (?:painful|severe|intense|excruciating)) headache`,
      `head(?:ache)?${G}{0,30}worse than (?:anything|any (?:other )?(?:headache|pain)|ever)(?: (?:i'?ve|i have|he'?s|she'?s))? ever`,
      '(?:severe|terrible|excruciating|explosive|blinding) headache (?:that )?(?:came on|started|began|hit) (?:suddenly|all of a sudden|instantly|out of nowhere)',
    ],
  },
} satisfies Partial<Record<RedFlagFinding, PhraseSet>>;

const BASE_PHRASES: Partial<Record<RedFlagFinding, PhraseSet>> = { ...CORE_TEXT_PHRASES, ...EMERGENCY_TEXT_PHRASES };

/**
 * Every finding's phrases: the core set, the emergencies added with the second evaluation set,
 * and the wider classes added with the third (extra-text-phrases.ts), appended per finding.
 */
export const TEXT_PHRASES = Object.fromEntries(
  RED_FLAG_FINDINGS.map((finding): [RedFlagFinding, PhraseSet] => {
    const base = BASE_PHRASES[finding];
    const extra = EXTRA_TEXT_PHRASES[finding];
    return [
      finding,
      {
        zh: [...(base?.zh ?? []), ...(extra?.zh ?? [])],
        en: [...(base?.en ?? []), ...(extra?.en ?? [])],
        countsWhenPast: base?.countsWhenPast === true || extra?.countsWhenPast === true,
      },
    ];
  }),
) as Record<RedFlagFinding, PhraseSet>;

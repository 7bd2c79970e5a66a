import { FIVE_MIN_EN, FIVE_MIN_ZH } from './emergency-text-phrases.js';
import { SUDDEN, SUDDEN_EN } from './phrase-fragments.js';
import type { RedFlagFinding } from './red-flag-findings.js';

/**
 * Findings composed from parts instead of spelled out as whole phrases: a finding holds when each
 * of its parts is found, not negated and not someone else's history, within one clause or one
 * sentence, in any order. "胸口闷得慌，左边胳膊发麻" is chest × arm-with-symptom in one sentence;
 * "headache exploded out of nowhere" is headache × sudden × severe. Each part is a synonym class
 * (colloquial body words, intensity words, onset words), so a new wording of the same finding
 * needs no new phrase — only a missing word in a class.
 *
 * Classes follow the lay descriptions cited on each rule (red-flag-rules.ts): NHS heart attack
 * symptoms (pressure, heaviness, tightness or squeezing; pain spreading to the arms, jaw, neck or
 * back), AHA/ASA BE FAST (balance, eyes, face, arm, speech), NICE CKS thunderclap headache, NHS
 * sepsis and meningitis, NHS ectopic pregnancy, WAO 2020 anaphylaxis criteria.
 */

/** A part written with a leading "~" (a body side or limb) is not checked for negation: in "can't feel my left arm" the negation belongs to the symptom. */
export interface Combo {
  finding: RedFlagFinding;
  script: 'zh' | 'en';
  /** Every part must be found (each is one regular-expression fragment). */
  parts: readonly string[];
  /** Where the parts must lie together: one clause (no comma between) or one sentence. */
  scope: 'clause' | 'sentence';
  countsWhenPast?: boolean;
}

const GZ = '[^,.!?;。不没无未否]';

// ── Chinese synonym classes ──
/** The chest, in the words patients use (心口/心窝 are the chest, not the heart). */
const CHEST_ZH =
  '(?:心脏(?:那块|那里|这块|这里|部位|位置|那儿)|胸口|胸部|胸前|前胸|胸膛|胸骨|心口|心窝子?|心前区|胸(?![罩围针怀有卡牌肌大小口前部膛骨]))';
/** What chest pain is like: pain, tightness, pressure, heaviness, a weight. */
const CHEST_FEEL_ZH = '(?:痛|疼|闷|憋|紧|压|堵|沉|难受|不舒服|绞|揪|勒|箍|胀|刺|火烧|灼烧|烧灼|灼热|烧得慌)';
/** Pressure or weight on the chest (NHS: pressure, heaviness, tightness or squeezing). */
const PRESSURE_ZH =
  '(?:有人坐|坐在上面|压在上面|压(?!力)|勒|箍|挤|攥|揪|石头|重物|大象|千斤|磨盘|紧缩|压榨|沉甸甸|沉重|坐着个人|坐了个人|喘不动)';
/** Where heart pain spreads. */
const SPREAD_SITE_ZH = '(?:(?:左|右)(?:边|侧)?的?)?(?:手臂|胳膊|胳臂|膀子|上臂|肩膀|肩|下巴|下颌|下颚|牙齿?|脖子|颈部|后背|背部|左手|右手)';
const SPREAD_FEEL_ZH = '(?:痛|疼|麻|酸|胀|沉|发紧|不舒服|难受|没劲)';
/** One side of the body. */
const SIDE_ZH = '~(?:一条|一只|一侧|一边|半边|半侧|单侧|左侧|右侧|左边|右边|左半边|右半边|(?<![往向朝偏])左(?!右)|(?<![往向朝偏左])右)';
const LIMB_ZH = '~(?:手|胳膊|胳臂|手臂|上肢|腿|脚|下肢|手脚|肢体|身子|身体|半身|手和腿|胳膊和腿)';
const WEAK_ZH =
  '(?:无力|没(?:有)?(?:力气?|劲)|使不上劲|不听使唤|抬不起|举不起|拿不住|握不住|拿不稳|动不了|不能动|不会动|瘫|软(?:了|绵绵)|不灵活?|不好使|没知觉|拖着|拖不动|迈不开)';
const NUMB_ZH = '(?:麻木|发麻|麻了|没(?:有)?知觉|没感觉)';
const FACE_ZH = '(?:嘴巴|嘴角|口角|嘴|脸|面部|半边脸|口眼)';
const DROOP_ZH = '(?:歪|斜|耷拉|下垂|往一边|向一边|偏向一边|不对称|流口水|漏水|漏饭|鼓不起|合不拢|合不上|闭不上|漏气|麻)';
const SPEECH_ZH = '(?:说话|讲话|说的话|讲的话|口齿|吐字|舌头|言语|话)';
const SLUR_ZH = '(?:不清|含糊|含混|不利索|大舌头|听不懂|说不出|讲不出|不连贯|打结|不灵|乱七八糟|颠三倒四|答非所问|不对劲)';
const HEAD_ZH = '(?:头|脑袋|脑壳|后脑勺?|脑子|太阳穴|后脑)';
const HEADACHE_ZH = `${HEAD_ZH}${GZ}{0,6}?(?:痛|疼|炸|裂|爆)`;
/** How bad a thunderclap headache is: the worst ever, bursting, like a blow. */
const WORST_ZH =
  '(?:欲裂|剧痛|剧烈|炸|裂开|爆|要命|受不了|撕|最厉害|最痛|最疼|最严重|从没|从来没|这辈子|一辈子|平生|有生以来|难以忍受|忍不了|闷棍|棍子|锤|砸|劈|打了一下|敲了一下|重击|挨了一|被人打)';
const ONSET_ZH = `(?:${SUDDEN.slice(3, -1)}|几秒|一瞬间|刹那|毫无征兆|没有征兆|冷不丁|一下就|一下子就|突如其来|说来就来|用力的时候|使劲的时候|大便(?:的)?时候|同房|做爱)`;
const BELLY_ZH = '(?:肚子|腹部|上腹|下腹|小腹|肚皮|少腹|腹|肚脐|胃)';
const SEVERE_PAIN_ZH =
  '(?:剧痛|绞痛|刀割|刀绞|撕裂|钻心|要命|痛得(?:厉害|受不了|直不起|打滚|冒汗|不行|要死)|疼得(?:厉害|受不了|直不起|打滚|冒汗|不行|要死)|剧烈|痛死|疼死|痛到|疼到)';

// ── English synonym classes ──
const CHEST_EN = '(?:chest|breastbone|sternum)(?!y|(?: (?:infection|cold|x-?ray|hair|drain|tube|freezer)))';
const CHEST_FEEL_EN =
  '(?:awful|horrible|funny|weird|strange|not right|wrong|clutch\\w*|grabb\\w*|holding|pain\\w*|hurt\\w*|ach\\w*|tight\\w*|heav\\w*|pressure|press\\w*|squeez\\w*|crush\\w*|discomfort|sore|weight|elephant|vice|band|sitting on|agony|killing|stabbing|clench\\w*|constrict\\w*)';
const PRESSURE_EN =
  '(?:pressure|heav(?:y|iness)|squeez\\w*|crush\\w*|weight|elephant|vice|band|sitting on|pressing|clamp\\w*|clench\\w*|like a (?:brick|rock|ton|boulder|belt))';
const SPREAD_SITE_EN = '(?:(?:left|right|both) )?(?:arms?|jaw|shoulders?|neck|teeth|back)';
const SPREAD_FEEL_EN = '(?:pain\\w*|hurt\\w*|ach\\w*|numb\\w*|tingl\\w*|heavy|sore|weird|funny|dead)';
const SIDE_EN = '~(?:one side|left|right|one|half)';
const LIMB_EN = '~(?:arm|hand|leg|side|body|foot)';
const WEAK_EN =
  "(?:weak\\w*|numb\\w*|limp|dead|paraly\\w*|no strength|can't (?:move|lift|raise|grip|hold|feel|use)|floppy|useless|won't (?:work|move)|not working|stopped working|drag\\w*|gave out|giving (?:out|way)|went|gone)";
const FACE_EN = '(?:face|mouth|smile|lip|lips|cheek)';
const DROOP_EN =
  "(?:droop\\w*|lopsided|crooked|uneven|sag\\w*|fallen|slipped|twisted|pulled to one side|dropped|hanging|one-sided|drool\\w*|not moving|won't move)";
const SPEECH_EN = '(?:speech|speak\\w*|talk\\w*|words|voice|sentences|saying|said)';
const SLUR_EN =
  "(?:off|not right|slurr\\w*|garbl\\w*|jumbl\\w*|gibberish|nonsense|muddled|mumbl\\w*|wrong|weird|strange|funny|drunk|not making sense|makes no sense|no sense|can't (?:get|find) (?:the |his |her |my )?words|mixed up|couldn't understand|can't understand)";
const HEADACHE_EN = '(?:headache|head (?:pain|ache)|(?:my|his|her|the) head|skull)';
/** Severity of a thunderclap headache. */
const WORST_EN =
  "(?:worst|severe\\w*|excruciating|explo\\w*|blinding|unbearable|agoni\\w*|intense|splitting|10/10|ten out of ten|hit (?:by|with)|like (?:being |getting |i was |i'd been |i got )?(?:hit|kicked|struck|smacked|whacked|shot|punched)|like (?:a |an )?(?:bat|hammer|brick|bomb|gunshot|explosion|thunderclap|thunderbolt|lightning|bolt|baseball bat|sledgehammer)|(?:going to|gonna|about to) (?:burst|explode|split)|burst\\w*|most (?:terrible|painful|severe|intense|excruciating|awful|horrible) (?:pain|headache)|never (?:had|felt|experienced) (?:anything|one|a headache|pain|something) like|terrible|horrendous|horrific|horrible)";
const ONSET_EN = `(?:${SUDDEN_EN.slice(3, -1)}|in (?:a few |one |a |1 )?seconds?|within seconds|instantly|instant|came on like|like a switch|during sex|while (?:straining|lifting|having sex|on the toilet)|out of the blue|from nowhere|without warning|exploded|hit me)`;
/** Back, for aortic dissection. */
const BACK_ZH = '(?:后背|背部|背|肩胛骨?|腰背)';
const BACK_SEVERE_ZH = '(?:刀(?!子嘴)|剧痛|刀割|刀绞|刀子|刀扎|刀砍|撕|裂|剧烈|痛得|疼得|要命|受不了|钻心)';
const BACK_EN = '(?:back|shoulder blades?)';
const TEAR_EN = '(?:ripp?\\w*|tearing|torn (?:open|apart)|tore (?:open|apart)|split (?:in two|open|apart)|being split|splitting)';
const BELLY_EN = '(?:abdomen|abdominal|stomach|tummy|belly|pelvis|pelvic|lower (?:tummy|belly|stomach|abdomen)|low down|side)';
const SEVERE_PAIN_EN =
  "(?:severe|really bad|terrible|excruciating|unbearable|intense|awful|horrible|agoni\\w*|sharp|stabbing|knife|worst|crippling|doubled over|doubling me over|can't stand (?:up )?straight|screaming)";

const zh = (finding: RedFlagFinding, scope: Combo['scope'], ...parts: string[]): Combo => ({ finding, script: 'zh', parts, scope });
const en = (finding: RedFlagFinding, scope: Combo['scope'], ...parts: string[]): Combo => ({ finding, script: 'en', parts, scope });

export const TEXT_COMBOS: readonly Combo[] = [
  // ── Heart attack: the chest named, then a pain word, a pressure word or a spreading ache ──
  zh('chest-pain', 'clause', CHEST_ZH, CHEST_FEEL_ZH),
  en('chest-pain', 'clause', CHEST_EN, CHEST_FEEL_EN),
  zh('crushing-chest-pain', 'sentence', CHEST_ZH, PRESSURE_ZH),
  zh('chest-pain', 'sentence', CHEST_ZH, PRESSURE_ZH),
  en('chest-pain', 'sentence', CHEST_EN, PRESSURE_EN),
  en('crushing-chest-pain', 'sentence', CHEST_EN, PRESSURE_EN),
  zh('pain-to-arm-or-jaw', 'sentence', CHEST_ZH, `${SPREAD_SITE_ZH}${GZ}{0,4}?${SPREAD_FEEL_ZH}`),
  en(
    'pain-to-arm-or-jaw',
    'sentence',
    CHEST_EN,
    `${SPREAD_SITE_EN}(?: (?:is|are|feels?|also|too|all|going|gone|really|so))* ${SPREAD_FEEL_EN}`,
  ),
  en('pain-to-arm-or-jaw', 'sentence', CHEST_EN, `${SPREAD_FEEL_EN} (?:in|down|into|to|up) (?:my |his |her |the )?${SPREAD_SITE_EN}`),

  // ── Stroke (BE FAST): one side × limb × weakness; the face pulled to one side; speech ──
  zh('arm-weakness', 'clause', SIDE_ZH, LIMB_ZH, WEAK_ZH),
  zh('arm-weakness', 'sentence', ONSET_ZH, SIDE_ZH, LIMB_ZH, NUMB_ZH),
  en('arm-weakness', 'clause', SIDE_EN, LIMB_EN, WEAK_EN),
  en('arm-weakness', 'sentence', ONSET_EN, SIDE_EN, LIMB_EN, '(?:numb\\w*|tingl\\w*|pins and needles)'),
  en(
    'arm-weakness',
    'clause',
    '~(?:half|one side of) (?:my|his|her|the) (?:body|face)',
    '(?:tingl\\w*|numb\\w*|pins and needles|weak\\w*|dead|paraly\\w*)',
  ),
  zh('face-droop', 'clause', FACE_ZH, DROOP_ZH),
  en(
    'face-droop',
    'clause',
    '~(?:one side|half|side)',
    FACE_EN,
    "(?:wrong|odd|weird|funny|different|strange|numb\\w*|dead|not (?:moving|working)|won't move)",
  ),
  en('face-droop', 'clause', FACE_EN, DROOP_EN),
  zh('speech-difficulty', 'clause', SPEECH_ZH, SLUR_ZH),
  en('speech-difficulty', 'clause', SPEECH_EN, SLUR_EN),

  // ── Thunderclap headache: headache × sudden onset × worst-ever severity, or a headache like a blow ──
  zh('thunderclap-headache', 'sentence', ONSET_ZH, HEADACHE_ZH, WORST_ZH),
  zh('thunderclap-headache', 'sentence', HEADACHE_ZH, '(?:这辈子|一辈子|平生|有生以来|从来没有?|从没有?|从未)'),
  zh(
    'thunderclap-headache',
    'sentence',
    HEAD_ZH,
    '(?:像|好像|如同|跟)',
    '(?:雷劈|雷击|被劈|被砸|被锤|被打|闷棍|棍子|锤子|榔头|砖头|炸开|爆炸|炸了|被人?(?:用)?[^,.!?;。]{0,4}(?:打|拍|砸|敲|锤|抡))',
  ),
  en('thunderclap-headache', 'sentence', ONSET_EN, '(?:headache|head)', WORST_EN),
  en(
    'thunderclap-headache',
    'sentence',
    HEADACHE_EN,
    '(?:worst|never (?:had|felt|experienced) (?:anything|one|a headache|pain|something) like)',
  ),

  // ── Aortic dissection: sudden × back × tearing or knife-like severity; chest and back together ──
  zh('sudden-severe-back-pain', 'sentence', ONSET_ZH, BACK_ZH, BACK_SEVERE_ZH),
  en('sudden-severe-back-pain', 'sentence', ONSET_EN, BACK_EN, `(?:${SEVERE_PAIN_EN.slice(3, -1)}|${TEAR_EN.slice(3, -1)}|knife)`),
  zh('chest-pain-through-to-back', 'sentence', ONSET_ZH, CHEST_ZH, BACK_ZH, `(?:${BACK_SEVERE_ZH.slice(3, -1)}|痛|疼)`),
  en('chest-pain-through-to-back', 'sentence', ONSET_EN, CHEST_EN, BACK_EN, `(?:${SEVERE_PAIN_EN.slice(3, -1)}|${TEAR_EN.slice(3, -1)})`),
  en('tearing-chest-back-pain', 'sentence', TEAR_EN, `(?:${CHEST_EN}|${BACK_EN})`),
  zh('tearing-chest-back-pain', 'sentence', '(?:撕心裂肺|撕开|撕裂|豁开|劈开|裂开)', `(?:${CHEST_ZH}|${BACK_ZH})`, ONSET_ZH),

  // ── Breathless all of a sudden, across a comma ("突然累得不行，上气不接下气") ──
  zh(
    'sudden-breathless',
    'sentence',
    ONSET_ZH,
    '(?:喘不(?:过|上)|上不来气|透不过气|吸不(?:进|上)|气(?:短|促|喘)|上气不接下气|呼吸(?:很|特别)?(?:困难|急促|费力)|憋气|憋得)',
  ),
  en(
    'sudden-breathless',
    'sentence',
    ONSET_EN,
    "(?:short of breath|breathless|out of breath|can't (?:catch|get) (?:my |a |enough )?(?:breath|air)|can't breathe|struggling to breathe|gasping)",
  ),

  zh('severe-breathless', 'sentence', '(?:呼吸|喘|气)', '(?:说话断断续续|说不了几个字|说几个字就)'),

  // ── Thunderclap: a blow-like headache with no onset word, the worst pain ever in the head ──
  en(
    'thunderclap-headache',
    'sentence',
    '(?:head|headache)',
    "(?:like|as if) (?:she|he|i|someone|somebody|something|they)?(?: got| was| had been| 'd been| been| just)? ?(?:hit|struck|smacked|whacked|kicked|shot|punched)",
  ),
  en(
    'thunderclap-headache',
    'sentence',
    '(?:head|headache)',
    '(?:(?:worst|most (?:terrible|painful|severe|intense|excruciating|awful|horrible)) (?:pain|headache)(?: ever| of (?:my|his|her) life)|(?:pop|snap|burst|bang) in (?:my|his|her|the) head)',
  ),
  en('thunderclap-headache', 'sentence', HEADACHE_EN, WORST_EN, '(?:stiff neck|neck (?:is |feels )?(?:so |really |very )?stiff)'),
  zh('thunderclap-headache', 'sentence', HEADACHE_ZH, WORST_ZH, '(?:脖子|颈部?|颈项|后颈)(?:发)?(?:僵|硬|梗)'),
  zh('thunderclap-headache', 'sentence', HEAD_ZH, '(?:从来|从)(?:都)?没(?:有)?(?:这么|这样|如此)(?:痛|疼|厉害)'),

  // ── A seizure of five minutes or more, the duration anywhere in the sentence ("癫痫，刚才发作到现在快十分钟了还在抽");
  //    not bare 发作 ("心绞痛发作，持续十分钟" is angina) ──
  zh('prolonged-seizure', 'sentence', '(?:抽搐|抽风|惊厥|癫痫|(?<![筋烟血水])抽(?![筋烟血空屉奖签查时出水]))', FIVE_MIN_ZH),
  en(
    'prolonged-seizure',
    'sentence',
    '(?<!(?:coughing|laughing|sneezing|crying|giggling|hissy) )(?:fits?|fitting|seizures?|seizing|convuls\\w*|epilep\\w*)',
    FIVE_MIN_EN,
  ),

  // ── Severe abdominal pain: the belly × a severity word ──
  zh('severe-abdominal-pain', 'clause', BELLY_ZH, SEVERE_PAIN_ZH),
  en('severe-abdominal-pain', 'clause', SEVERE_PAIN_EN, `(?:pain|cramp\\w*|ache|hurt\\w*)`, BELLY_EN),
  zh('sudden-severe-abdominal-pain', 'sentence', ONSET_ZH, BELLY_ZH, SEVERE_PAIN_ZH),
  en('sudden-severe-abdominal-pain', 'sentence', ONSET_EN, SEVERE_PAIN_EN, BELLY_EN),
];

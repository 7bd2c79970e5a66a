/**
 * The one normal form every red-flag pattern is written against, so the phrase lists need not
 * spell out each way a patient types the same words on a phone:
 *
 * - NFKC: full-width letters, digits and punctuation become half-width ("ｃｈｅｓｔ", "，" → ","),
 *   "℃" becomes "°c"; lower case; curly and back-tick apostrophes become "'".
 * - English text-speak and dropped apostrophes: "cant" → "can't", "im" → "i'm", "u" → "you",
 *   "w/" → "with", "kms" → "kill myself" … so negation ("dont have chest pain") still works.
 * - Chinese numerals in readings: "三十九度五" → "39.5度", "三十八点五" → "38.5", "血糖二点一" →
 *   "血糖2.1", so the numeric thresholds see digits.
 * - Fahrenheit and Celsius written loosely: "38.5c", "102 f", "39 deg" keep their digits and get
 *   a unit the fever patterns know ("°c", "°f").
 *
 * Every replacement keeps the text's meaning; offsets are those of the normalised text, on which
 * all matching and context checks run.
 */

/**
 * Single words rewritten by one lookup: text-speak ("im", "u", "rn", "kms"), abbreviations
 * ("temp", "mins", "dr") and common misspellings of the words the phrases need ("chesst",
 * "seizur", "pregant", "bleading").
 */
const WORDS: Record<string, string> = {
  cannot: "can't",
  im: "i'm",
  ive: "i've",
  u: 'you',
  ur: 'your',
  thru: 'through',
  tho: 'though',
  cuz: 'because',
  coz: 'because',
  cos: 'because',
  bc: 'because',
  b4: 'before',
  '2day': 'today',
  '2nite': 'tonight',
  rn: 'right now',
  pls: 'please',
  plz: 'please',
  kms: 'kill myself',
  kys: 'kill yourself',
  ppl: 'people',
  mins: 'minutes',
  hrs: 'hours',
  secs: 'seconds',
  temp: 'temperature',
  wk: 'weeks',
  wks: 'weeks',
  mnth: 'months',
  mnths: 'months',
  dr: 'doctor',
  n: 'and',
  excrutiating: 'excruciating',
  excruciatin: 'excruciating',
  excrutiatin: 'excruciating',
  breathin: 'breathing',
  brething: 'breathing',
  breahting: 'breathing',
  breathign: 'breathing',
  breating: 'breathing',
  chesst: 'chest',
  chets: 'chest',
  chect: 'chest',
  stomache: 'stomach',
  seizur: 'seizure',
  seizer: 'seizure',
  siezure: 'seizure',
  seazure: 'seizure',
  sezure: 'seizure',
  seizurs: 'seizures',
  seizers: 'seizures',
  siezures: 'seizures',
  unconcious: 'unconscious',
  unconsious: 'unconscious',
  unconscience: 'unconscious',
  vomitting: 'vomiting',
  vommiting: 'vomiting',
  vommitting: 'vomiting',
  vomitin: 'vomiting',
  pregant: 'pregnant',
  pregnat: 'pregnant',
  prenant: 'pregnant',
  pregnent: 'pregnant',
  preg: 'pregnant',
  prego: 'pregnant',
  temprature: 'temperature',
  tempreture: 'temperature',
  temperture: 'temperature',
  tempature: 'temperature',
  headace: 'headache',
  hedache: 'headache',
  headach: 'headache',
  swolen: 'swollen',
  bleading: 'bleeding',
  bleeing: 'bleeding',
  dizzey: 'dizzy',
  dizy: 'dizzy',
  sweeting: 'sweating',
  swetting: 'sweating',
  diabetis: 'diabetes',
  diabeties: 'diabetes',
  diabetec: 'diabetes',
  suicde: 'suicide',
  sucide: 'suicide',
};
const WORD = new RegExp(`\\b(?:${Object.keys(WORDS).join('|')})\\b`, 'g');

/** Text-speak and apostrophe-less contractions that need context (whole words only). */
const TEXT_SPEAK: readonly [RegExp, string][] = [
  [/\b(can|don|won|doesn|isn|hasn|haven|didn|couldn|wouldn|shouldn|wasn|weren|aren|ain)t\b/g, "$1't"],
  [/\bid\b(?= (?:rather|like|better|never))/g, "i'd"],
  [
    /\b(he|she|it|that|there|what)s\b(?= (?:been|got|gone|not|having|getting|going|saying|really|so|very|just|all|still|now|a|an|the|my|his|her|in|on|like|lost|bleeding|breathing|vomiting|fitting|seizing|shaking|sweating|turning|struggling|passed|collapsed|unconscious|confused|drowsy|pale|grey|gray|blue|burning|sick|hot|floppy))/g,
    "$1's",
  ],
  [/\b(they|we|you)re\b/g, "$1're"],
  [/\br\b(?= (?:you|they|we)\b)/g, 'are'],
  [/\bw\/o\b/g, 'without'],
  [/\bw\/(?=\s|[a-z])/g, 'with '],
  [/\bb\/c\b/g, 'because'],
  [/\bsob\b(?! story)/g, 'short of breath'],
  [/\bunalive (?:myself|me)\b/g, 'kill myself'],
  [/(?<=\d\s?)hrs?\b/g, 'hours'],
  [/\bmos?\b(?= old)/g, 'months'],
  [/&/g, ' and '],
  [/\b(can't|couldn't|hard to|struggling to|trouble to) breath\b/g, '$1 breathe'],
  // Dropped final g: "sweatin", "bleedin", "throwin up"
  [
    /\b(sweat|breath|bleed|vomit|throw|puk|shak|fitt|seiz|hurt|kill|dy|burn|com|go|gett|feel|hav|los|pass|cough|spitt|chok|gasp|wheez|struggl|fad|spread|pound|rac)in\b/g,
    '$1ing',
  ],
  [/(\d)\s*(?:wks?|weeks?)\b/g, '$1 weeks'],
  [/(\d)\s*(?:mos?|mths?|mnths?)\b(?= old)/g, '$1 months'],
  [/(\d)\s*(?:d|days?)\b(?= old)/g, '$1 days'],
];

/** English number words up to 120 (ages, temperatures, minutes): "thirty eight point seven" → "38.7". */
const EN_UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_NUMBER = new RegExp(
  `\\b(?:(a |one )?hundred(?: and)? )?(?:(${Object.keys(EN_TENS).join('|')})(?:[- ](${Object.keys(EN_UNITS).slice(0, 9).join('|')}))?|(${Object.keys(EN_UNITS).join('|')}))(?: point (${Object.keys(EN_UNITS).slice(0, 9).join('|')}|zero|oh))?\\b`,
  'g',
);

function enNumbers(text: string): string {
  return text.replace(
    EN_NUMBER,
    (
      all,
      hundred: string | undefined,
      tens: string | undefined,
      unit: string | undefined,
      alone: string | undefined,
      frac: string | undefined,
    ) => {
      // A lone "one"/"a" stays a word ("one side", "one arm"); only numbers with tens, hundreds or a decimal become digits.
      if (hundred === undefined && tens === undefined && frac === undefined) return all;
      let n = (hundred !== undefined ? 100 : 0) + (tens !== undefined ? (EN_TENS[tens] ?? 0) : 0);
      n += unit !== undefined ? (EN_UNITS[unit] ?? 0) : alone !== undefined ? (EN_UNITS[alone] ?? 0) : 0;
      if (frac === undefined) return String(n);
      const f = frac === 'zero' || frac === 'oh' ? 0 : (EN_UNITS[frac] ?? 0);
      return `${n}.${f}`;
    },
  );
}

/**
 * Cantonese, northern colloquial words and common pinyin-input slips, mapped to the Mandarin the
 * phrase lists are written in ("冇力" → "没力", "讲唔清楚" → "讲不清楚", "胸口门得慌" → "胸口闷得慌").
 */
const ZH_VARIANTS: readonly [RegExp, string][] = [
  [/唔/g, '不'],
  [/冇/g, '没'],
  [/咗/g, '了'],
  [/嘅/g, '的'],
  [/佢/g, '他'],
  [/啲/g, '些'],
  [/嗰阵(?:时)?/g, '时候'],
  [/而家/g, '现在'],
  [/係/g, '是'],
  [/喺/g, '在'],
  [/屙/g, '拉'],
  [/嚟/g, '来'],
  [/肚仔/g, '肚子'],
  [/个仔/g, '儿子'],
  [/个女/g, '女儿'],
  [/晕低/g, '晕倒'],
  [/跌亲/g, '摔倒'],
  [/眼瞓/g, '想睡'],
  [/叫极都/g, '叫都'],
  [/懵懵(?:哋|地|的)?/g, '迷糊'],
  [/冷到震/g, '寒战'],
  [/好似/g, '好像'],
  [/食晒/g, '吃完'],
  [/食/g, '吃'],
  [/储/g, '攒'],
  [/讲/g, '说'],
  [/俺/g, '我'],
  [/脑瓜子?|脑壳/g, '头'],
  [/今儿个?/g, '今天'],
  [/不咋/g, '不怎么'],
  [/(?<=脖子|颈)梗(?:了|着)?/g, '硬'],
  [/(?<=胸口?|心口)门/g, '闷'],
  [/传不(?=上气|过气|过来)/g, '喘不'],
  [/(?<=[吐呕咳])雪/g, '血'],
  [/(?<=胸口?|心口|头|肚子|腹|胃|背)(?:同|通|捅)(?=[,.!?;。得的了啊]|$)/g, '痛'],
  [/(?<=[出冷大虚])汉/g, '汗'],
  [/(?<=喘不[上过]|喘不过来|透不过|上不来|憋)起/g, '气'],
  [/(?<=[吐呕])学/g, '血'],
  [/(?<=\d|[一二两三四五六七八九十])个?礼拜/g, '周'],
  [/(?<=\d|[一二两三四五六七八九十])个?星期/g, '周'],
  [/\bbb\b|bb仔|bb女/g, '宝宝'],
];

const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "三十九" → 39, "十" → 10, "十二" → 12, "九" → 9 (integers below 100). */
function zhInteger(s: string): number | undefined {
  const m = /^(?:([一二两三四五六七八九])?十([一二三四五六七八九])?|([零〇一二两三四五六七八九]))$/.exec(s);
  if (m === null) return undefined;
  if (m[3] !== undefined) return ZH_DIGIT[m[3]];
  const tens = m[1] === undefined ? 1 : (ZH_DIGIT[m[1]] ?? 0);
  const units = m[2] === undefined ? 0 : (ZH_DIGIT[m[2]] ?? 0);
  return tens * 10 + units;
}

const ZH_NUM = '[一二两三四五六七八九]?十[一二三四五六七八九]?|[零〇一二两三四五六七八九]';
/** "三十九度五", "三十九点五度", "39度5" (a temperature), "二点一" (a decimal reading). */
const ZH_TEMPERATURE = new RegExp(`(${ZH_NUM}|\\d{2})度([一二三四五六七八九]|\\d)(?![\\d度十])`, 'g');
const ZH_DECIMAL = new RegExp(`(${ZH_NUM})点([零〇一二两三四五六七八九]+)`, 'g');
const ZH_DEGREES = /([二三四]十[一二三四五六七八九]?)(?=度|摄氏度)/g;

function zhNumerals(text: string): string {
  return text
    .replace(ZH_DECIMAL, (all, int: string, frac: string) => {
      const i = zhInteger(int);
      if (i === undefined) return all;
      return `${i}.${[...frac].map((c) => ZH_DIGIT[c] ?? '').join('')}`;
    })
    .replace(ZH_DEGREES, (all, int: string) => String(zhInteger(int) ?? all))
    .replace(ZH_TEMPERATURE, (all, int: string, frac: string) => {
      const i = /^\d+$/.test(int) ? Number(int) : zhInteger(int);
      const f = /^\d$/.test(frac) ? frac : String(ZH_DIGIT[frac] ?? '');
      // Only body temperatures (35–42) are rewritten: "39度5" is 39.5 °C, "90度5" is not.
      if (i === undefined || i < 35 || i > 42 || f === '') return all;
      return `${i}.${f}度`;
    });
}

/** "38.5c", "39 c", "102f", "101 deg f", "39 deg" → a unit the fever patterns read. */
function temperatureUnits(text: string): string {
  return text
    .replace(/(?<![\d.])(3[4-9]|4[0-3])(\.\d+)?\s*(?:°\s*|deg(?:rees?)?\s*|º\s*)?(?:c|celsius|centigrade)(?![a-z])/g, '$1$2°c')
    .replace(/(?<![\d.])(9[5-9]|10\d|11[0-1])(\.\d+)?\s*(?:°\s*|deg(?:rees?)?\s*|º\s*)?(?:f|fahrenheit)(?![a-z])/g, '$1$2°f')
    .replace(/(?<![\d.])(3[4-9]|4[0-3])(\.\d+)?\s*(?:°|º|deg(?:rees?)?)(?![a-z°])/g, '$1$2°c')
    .replace(/(?<![\d.])(9[5-9]|10\d|11[0-1])(\.\d+)?\s*(?:°|º|deg(?:rees?)?)(?![a-z°])/g, '$1$2°f');
}

/**
 * Traditional characters that occur in the red-flag phrases, mapped to simplified (a message typed
 * in Taiwan or Hong Kong: "頭痛得要爆炸", "說話不清楚", "寶寶發燒"). One character each, so offsets
 * are kept.
 */
const TRADITIONAL =
  '頭發燒說話講語臉無氣難嘔暈識驚癇熱體溫寶兒嬰個週歲腳動側邊視線見風團癢腫嚨嗎噁悶壓緊絞鐘時間後劇懷經陰產術島藥殺傷樓農遺書別點頸燈華睏紺飽燙額滾過來沒麼這樣會還現剛爺媽孫們醫為從覺厲嚴狀況續診斷應該辦讓給對開關門隻條張聽問題較錯誤幾兩萬離雖與處將電腦臟膽腸顏變轉帶連陣隨癥驗陽測試紙槓釐鮮極麵塊導髒濕揮撐嚇盤緒歡擔險態虛傳癲羥輸針蟲蝦堅擊錘縮擠鐵紅黃綠藍塗靜腎膚瘡嚥飲攤暫級據療癒淚勁懶鬆軟隱';
const SIMPLIFIED =
  '头发烧说话讲语脸无气难呕晕识惊痫热体温宝儿婴个周岁脚动侧边视线见风团痒肿咙吗恶闷压紧绞钟时间后剧怀经阴产术岛药杀伤楼农遗书别点颈灯华困绀饱烫额滚过来没么这样会还现刚爷妈孙们医为从觉厉严状况续诊断应该办让给对开关门只条张听问题较错误几两万离虽与处将电脑脏胆肠颜变转带连阵随症验阳测试纸杠厘鲜极面块导脏湿挥撑吓盘绪欢担险态虚传癫羟输针虫虾坚击锤缩挤铁红黄绿蓝涂静肾肤疮咽饮摊暂级据疗愈泪劲懒松软隐';
const T2S = new Map([...TRADITIONAL].map((c, i) => [c, SIMPLIFIED[i] ?? c]));
const HAS_TRADITIONAL = new RegExp(`[${TRADITIONAL}]`);
const TRADITIONAL_CHAR = new RegExp(`[${TRADITIONAL}]`, 'g');

/** NFKC, lower case, apostrophes, text-speak, Chinese numerals and temperature units. */
export function normalizeText(text: string): string {
  let t = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[ \t\u00a0]+/g, ' ');
  if (/[a-z]/.test(t)) {
    t = t.replace(WORD, (w) => WORDS[w] ?? w);
    for (const [re, to] of TEXT_SPEAK) t = t.replace(re, to);
  }
  if (/[a-z]/.test(t)) t = enNumbers(t);
  if (/[\u4e00-\u9fff]/.test(t)) {
    if (HAS_TRADITIONAL.test(t)) t = t.replace(TRADITIONAL_CHAR, (c) => T2S.get(c) ?? c);
    for (const [re, to] of ZH_VARIANTS) t = t.replace(re, to);
    t = zhNumerals(t);
  }
  return temperatureUnits(t);
}

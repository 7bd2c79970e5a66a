/**
 * Context cues that decide whether a phrase found in free text counts: negation ("没有胸痛",
 * "denies chest pain"), another person's past history ("父亲曾经胸痛", "my father had chest pain
 * years ago") and the patient's own remote past ("5 years ago I fainted"). The approach follows
 * NegEx / ConText (Chapman et al., J Biomed Inform 2001;34:301 and 2009;42:839): a trigger term
 * with a bounded scope that ends at a clause boundary or a "but"-type term, per language.
 *
 * A safety net should rather fire than stay silent, so the negation scope is deliberately narrow:
 * a negation word counts only when what stands between it and the phrase is filler ("有", "任何",
 * "any", "history of") or other findings joined by "和/或/and/or".
 */

/** Ends a clause: negation and the remote-past cue never reach across these. */
export const CLAUSE_BREAK =
  /[。!?;,\n]|\.(?!\d)|(?<![a-z])(?:but|however|although|though|except|apart from)(?![a-z])|但是?|可是|不过|然而|却/g;

/** Ends a sentence: the family-history cue reaches across commas but not across these. */
export const SENTENCE_BREAK = /[。!?;\n]|\.(?!\d)/g;

/** What may stand between a negation word and the phrase (or between two negated phrases). */
export const TRAILING_FILLER = new RegExp(
  '(?:\\s|[、/]' +
    '|和|或者?|或是|及|以及|与|跟|也|有|什么|任何|明显的?|的|出现|过|感到|觉得|感觉|发生|再|太|特别|很|伴有?|发现|一点|丝毫|想过|想要|想|念头|打算|要' +
    '|(?<![a-z])(?:and|or|any|a|an|the|my|history of|hx of|signs? of|symptoms? of|complaints? of|episodes? of|thoughts? of|feelings? of|evidence of' +
    '|had|have|having|has|been|get|getting|got|experienced|experiencing|feel|feeling|felt|noticed|notice|report(?:s|ed)?|significant|obvious|further|more|recent|new|current|other|real|really|actual|any more|anymore)(?![a-z]))*$',
);

/** A negation word at the very end of the text before a phrase. */
export const NEGATION_AT_END =
  /(?:没有?|无|不|否认|未|并无|从未|从来没有?|从没有?|未曾|不曾|毫无|排除|(?<![a-z])(?:no|not|never|denies|denied|deny|denying|without|negative for|free of|absence of|nor|none|ruled out)|n't)$/;

/** A negation written after the phrase, as clinicians and forms do: "胸痛（-）", "chest pain: no". */
export const NEGATION_AFTER = /^\s*(?:\(\s*[-−–]\s*\)|\(否\)|:\s*(?:no|none|negative|denied|否|无|没有)(?![a-z]))/;

/** Someone other than the patient: family, partner, friend. */
export const OTHER_PERSON =
  /父亲|母亲|爸爸|妈妈|老爸|老妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|祖父|祖母|哥哥|姐姐|弟弟|妹妹|兄弟|姐妹|叔叔|伯伯|舅舅|姑姑|阿姨|姨妈|亲戚|家人|家里人|家族|亲属|丈夫|老公|妻子|老婆|儿子|女儿|朋友|同事|邻居|(?<![a-z])(?:my|his|her|our) (?:father|mother|dad|mom|mum|parents?|brother|sister|siblings?|grandfather|grandmother|grandma|grandpa|uncle|aunt|cousin|husband|wife|partner|son|daughter|friend|family|relatives?|colleague|neighbou?r)(?![a-z])|family history/;

/** The other person's event is history, not now ("晕过去" is fainting, not "the past"). */
export const PAST_EVENT =
  /曾经|曾|以前|之前|(?<![晕昏])过去|当年|那年|年前|去世|过世|死于|走了|病史|家族史|得过|患过|有过|(?<![a-z])(?:died|passed away|years ago|used to|history of|back in|was diagnosed|when (?:he|she|they) was|when (?:he|she|they) were)(?![a-z])/;

/** Marks the statement as current, overriding a past cue. */
export const PRESENT_NOW =
  /现在|正在|刚才|刚刚|今天|今晚|今早|此刻|目前|这会儿|(?<![a-z])(?:now|right now|currently|today|tonight|at the moment|just|this (?:morning|evening|afternoon)|in the last (?:hour|few hours|\d+ (?:minutes|hours))|(?:an|\d+) (?:hour|hours|minutes) ago)(?![a-z])/;

/** The patient's own remote past: a mention in this clause is history, not a current red flag. */
export const REMOTE_PAST =
  /(?:\d+|[一两二三四五六七八九十几多]+)\s*年前|小时候|年轻时|多年前|以前|曾经|既往|(?<![a-z])(?:years ago|as a (?:child|kid|teenager|toddler|baby)|when i was (?:young|little|a child|a kid|\d+)|in the past|history of|back in \d{4}|last year)(?![a-z])/;

/**
 * A question about a sign rather than a report of it ("中风是什么感觉？会不会突然说不出话？", "is it
 * normal for my face to look uneven?"): the clause ends in a question mark and asks. Used with
 * HYPOTHETICAL; suicidal ideation is exempt (asking about it is itself a disclosure).
 */
export const QUESTION_WORDS =
  /会不会|是不是|什么|怎么|有没有|吗|呢|(?<![a-z])(?:is it|is that|is this|does|do you|do i|can you|can it|could it|could this|could that|should i|how (?:do|can|would|long|to)|what (?:is|are|does|if|happens|should|would)|(?:a )?signs? of|symptoms? of)(?![a-z])/;

/** A supposition: "如果嘴歪了", "if my face droops", "in case I get chest pain". */
export const HYPOTHETICAL =
  /如果|万一|要是|假如|假设|(?<![a-z])(?:if (?:i|you|he|she|someone|somebody|my|your|a|the)|in case|what if|supposing)(?![a-z])/;

/**
 * A long-standing trait, not a new sign: "朋友说我嘴有点歪，其实从小就这样", "my smile has always been a
 * bit crooked". Checked over the sentence, and only for the signs a person can have had all their life (a crooked
 * mouth, a weak arm, slurred speech): "I've always been healthy but …" must not silence chest pain.
 */
export const LONG_STANDING =
  /从小(?:就)?(?:这样|如此|就有)|(?:向来|一向|历来)(?:都)?(?:是)?这样|天生(?:的|就)|生下来就|(?<![a-z])(?:(?:has|have|'s|'ve) always (?:been|had|looked)|always (?:looked|been) like (?:that|this)|since (?:i was (?:a )?(?:kid|child|baby|born)|birth|childhood)|born with)(?![a-z])/;

/**
 * An animal, not a person: "我家狗昨天抽搐了", "my dog had a seizure" — the sentence is about the pet
 * (but not "被狗咬了", "the dog bit me").
 */
export const PET =
  /(?<!被)(?:狗狗|猫咪|宠物|兔子|仓鼠|狗|猫)(?![咬抓挠])|(?<![a-z])(?<!by )(?:my|our|the|a) (?:dog|cat|puppy|kitten|pet|rabbit|hamster|horse)(?![a-z])(?! (?:bit|bites|scratched|attacked|jumped))/;

/**
 * Breathlessness or light-headedness on exertion that settles with rest ("跑步跑得喘不上气，歇一会儿就好",
 * "out of breath after sprinting for the bus, fine now"): an everyday look-alike, not an emergency.
 */
export const SETTLES_WITH_REST =
  /(?:歇|休息|停下来?|坐下)(?:了)?(?:一会儿?|一下|几分钟)?(?:就|后|以后)?(?:好了?|缓过来|没事)|(?<![a-z])(?:fine (?:now|after)|(?:settles|settled|recovers?|recovered|better) (?:after|with|once|when) (?:a )?(?:rest|resting|a minute|a few minutes|sitting)|ok(?:ay)? (?:now|after a (?:minute|rest)))(?![a-z])/;

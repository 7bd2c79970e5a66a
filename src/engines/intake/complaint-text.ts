/**
 * What a typed chief complaint already says about pain, read without a model: whether there is
 * pain, in which body region, and its character when the words are unambiguous. The interview
 * then does not ask "do you have pain?" again, opens that region on the pain map, and leaves out
 * the pain-character question the patient already answered in words. Negated pain ("不痛",
 * "no pain") establishes nothing.
 */

export interface ComplaintReading {
  pain: boolean;
  /** Body region id (data/intake/body-regions.json) of the first site named. */
  region?: string;
  /** DDXPlus pain-character values (E_54) named. */
  character: string[];
}

const PAIN = /痛|疼|pain|ache|hurts?\b|sore\b/i;
const NO_PAIN = /(不|没有?|无)(怎么)?(痛|疼)|no pain|not (painful|sore)|doesn'?t hurt|painless/i;

/** Regions in the order a site is looked for; the first region named in the text wins. */
const REGIONS: [string, RegExp][] = [
  ['chest', /胸|心口|心前区|chest/i],
  ['abdomen', /腹|肚|胃(?!口)|脐|abdom|belly|stomach|tummy/i],
  ['head', /头痛|头疼|偏头|太阳穴|额头|headache|head|migraine/i],
  ['neck', /咽|嗓子|喉咙|脖子|颈|throat|neck/i],
  ['back', /背|腰|back/i],
  ['pelvis', /腹股沟|髋|臀|groin|hip|buttock/i],
  ['joints', /关节|joints?/i],
  ['arms', /胳膊|手臂|上肢|肩|手腕|手指|arm|shoulder|wrist|hand|finger/i],
  ['legs', /腿|膝|脚|足|踝|leg|knee|foot|feet|ankle|calf/i],
];

/** Pain words → DDXPlus E_54 values (plain-en.json / questions-zh.json wording). */
const CHARACTER: [string, RegExp][] = [
  ['V_183', /压榨|压迫|压着|紧缩|闷痛|沉重|压了块|crushing|pressure|pressing|tight|heavy|squeez/i],
  ['V_179', /刀割|刀扎|针扎|刺痛|stabbing|knife/i],
  ['V_181', /烧灼|火辣辣|灼痛|burning/i],
  ['V_182', /绞痛|痉挛|cramp/i],
  ['V_184', /跳痛|搏动|一跳一跳|throbbing|pounding/i],
  ['V_71', /撕裂|tearing|ripping/i],
];

export function readComplaintText(text: string | undefined): ComplaintReading {
  const t = text?.trim() ?? '';
  if (!t || !PAIN.test(t) || NO_PAIN.test(t)) return { pain: false, character: [] };
  let region: string | undefined;
  let at = Number.POSITIVE_INFINITY;
  for (const [id, re] of REGIONS) {
    const m = re.exec(t);
    if (m && m.index < at) {
      at = m.index;
      region = id;
    }
  }
  const character = CHARACTER.filter(([, re]) => re.test(t)).map(([v]) => v);
  return { pain: true, ...(region ? { region } : {}), character };
}

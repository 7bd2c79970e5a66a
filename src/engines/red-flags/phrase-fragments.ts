/**
 * Shared pieces of the red-flag phrase lists (text-phrases.ts, emergency-text-phrases.ts): the
 * shape of a phrase set and the bounded gaps the regular-expression fragments are built from.
 * Text is NFKC-normalised and lower-cased before matching, so "，" is already ",".
 */
export interface PhraseSet {
  zh: readonly string[];
  en: readonly string[];
  /**
   * Whether a mention set in the patient's own remote past ("5 years ago I fainted") still counts.
   * Suicidal ideation does: any mention earns the crisis-line advice (WHO mhGAP SUI module).
   */
  countsWhenPast?: boolean;
}

/** Characters that end a clause inside a Chinese/English phrase fragment (for bounded gaps). */
export const G = '[^,.!?;。]';
/** A bounded gap that also holds no negation word, so "胸口不痛" is not read as "胸口…痛". */
export const GN = '[^,.!?;。不没无未否]';
/** A gap that may cross commas but not a sentence end ("抽动，眼睛上翻，已经七八分钟了"). */
export const S = '[^.!?;。]';
/** Up to five English words within one clause ("pain on one side of my belly"). */
export const W5 = '(?: [^ ,.!?;]+){0,5}';
/** Sudden onset, Chinese. */
export const SUDDEN = '(?:突然|突发|一下子|猛地|忽然|瞬间)';
/** Sudden onset, English. */
export const SUDDEN_EN = '(?:sudden(?:ly)?|all of a sudden|out of nowhere|abrupt(?:ly)?)';

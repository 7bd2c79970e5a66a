import type { Route } from '../../knowledge/index.js';

const ROUTE_WORDS: [RegExp, Route][] = [
  [/^(po|p\.o\.|oral|orally|by mouth|口服)$/, 'po'],
  [/^(iv|i\.v\.|intravenous|intravenously|静脉|静注|静滴|静脉注射|静脉滴注)$/, 'iv'],
  [/^(im|i\.m\.|intramuscular|肌注|肌肉注射)$/, 'im'],
  [/^(sc|sq|subcut|s\.c\.|subcutaneous|皮下|皮下注射)$/, 'sc'],
  [/^(sl|sublingual|舌下|舌下含服)$/, 'sl'],
  [/^(inh|inhaled|inhalation|neb|吸入|雾化)$/, 'inh'],
  [/^(top|topical|外用)$/, 'top'],
  [/^(pr|rectal|直肠|纳肛)$/, 'pr'],
  [/^(td|transdermal|patch|透皮|贴剂)$/, 'td'],
  [/^(in|intranasal|nasal|鼻内|经鼻)$/, 'in'],
];

/** Reads a route of administration in English or Chinese ("po", "oral", "口服", "静滴"). */
export function parseRoute(text: string): Route | undefined {
  const folded = text.normalize('NFKC').trim().toLowerCase();
  return ROUTE_WORDS.find(([pattern]) => pattern.test(folded))?.[1];
}

/**
 * Folds a name or query for matching: Unicode NFKC (full-width letters and digits become ASCII,
 * so "ＡＳＡ" matches "asa"), lower case, trademark signs dropped, punctuation and runs of
 * whitespace collapsed to one space. Chinese text keeps its characters.
 */
export function normalizeTerm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[®™©]/g, '')
    .replace(/[\s_\-–—/,;:()[\]{}'"“”‘’·•.]+/g, ' ')
    .trim();
}

import type { ConditionGroup, MedicationGroup, TestGroup } from './care-gap-rules.js';

/**
 * Does a record line belong to a rule's group? Codes first (SNOMED CT and LOINC exactly, ICD-10
 * as prefixes), then the group's English and Chinese text patterns, with its exclusions.
 */

/** Full-width letters, digits and punctuation folded (ＨｂＡ１ｃ → hba1c), lower case, spaces squeezed. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const compiled = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(source, 'iu');
    compiled.set(source, re);
  }
  return re;
}

function matchesText(text: string, include: readonly string[], exclude: readonly string[]): boolean {
  const folded = foldText(text);
  if (folded === '') return false;
  if (exclude.some((source) => regex(source).test(folded))) return false;
  return include.some((source) => regex(source).test(folded));
}

const ICD10 = /^[A-Z]\d{2}/;
const undotted = (code: string) => code.toUpperCase().replace(/\./g, '');

export function conditionInGroup(condition: { codes: readonly string[]; text: string }, group: ConditionGroup): boolean {
  for (const raw of condition.codes) {
    const code = raw.trim();
    if (group.snomed.includes(code)) return true;
    if (ICD10.test(code.toUpperCase()) && group.icd10.some((prefix) => undotted(code).startsWith(undotted(prefix)))) return true;
  }
  return matchesText(condition.text, group.text, group.excludeText);
}

export function medicationInGroup(medication: { name: string; atc?: readonly string[] }, group: MedicationGroup): boolean {
  if (medication.atc?.some((atc) => group.atc.some((prefix) => atc.startsWith(prefix)))) return true;
  return matchesText(medication.name, group.text, []);
}

export function itemInTestGroup(item: { codes: readonly string[]; text: string }, group: TestGroup): boolean {
  if (item.codes.some((code) => group.codes.includes(code.trim()))) return true;
  return matchesText(item.text, group.text, group.excludeText);
}

/** `YYYY-MM-DD` of an ISO date or date-time (the record's local date as written). */
export function dayOf(value: string): string {
  return value.slice(0, 10);
}

/** The calendar day `months` months (or `days` days) before `asOf` (UTC arithmetic on the date). */
export function windowStart(asOf: string, span: { months?: number; days?: number }): string {
  const [year = 1970, month = 1, day = 1] = dayOf(asOf).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1 - (span.months ?? 0), day - (span.days ?? 0)));
  return date.toISOString().slice(0, 10);
}

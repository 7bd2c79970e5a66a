import type { Bilingual } from '../../knowledge/index.js';
import { computeScore } from '../scores/index.js';
import { conditionInGroup, dayOf, itemInTestGroup, medicationInGroup, windowStart } from './care-gap-matching.js';
import { type CareGapDomain, type CareGapRule, type CareGapRuleFile, type CareGapSource, loadCareGapRules } from './care-gap-rules.js';

/**
 * Care gaps: for each curated rule, does it apply to this patient (problems, medications, age,
 * stroke risk) and is the closing fact (a recent test or procedure, or a medication) missing from
 * the record? Pure: the caller reads the record (or a CDS Hooks prefetch) into `CareGapPatient`.
 * Every gap lists the record lines it used, with dates and references, and the guideline behind it.
 */

/** `ref` is where a line came from (e.g. `Condition/<id>`), so the clinician can open it. */
export interface CareGapPatient {
  /** The day the gaps are judged on, `YYYY-MM-DD`; record lines dated after it are ignored. */
  asOf: string;
  age?: number;
  sex?: 'M' | 'F';
  deceasedAt?: string;
  /** Active problems. */
  conditions: { ref?: string; codes: string[]; text: string; onset?: string }[];
  /** Active medications; `atc` from the knowledge-base drug the name resolved to. */
  medications: { ref?: string; name: string; kbId?: string; atc?: string[]; since?: string }[];
  /** Laboratory results and vital signs. */
  observations: { ref?: string; codes: string[]; text: string; at: string; value?: number; unit?: string }[];
  procedures: { ref?: string; codes: string[]; text: string; at: string }[];
  /** Data that could not be read (no prefetch and no record): rules that need it are not judged. */
  unavailable?: CareGapDomain[];
}

export interface CareGapFact {
  kind: 'condition' | 'medication' | 'observation' | 'procedure' | 'age' | 'score' | 'absent';
  label: Bilingual;
  value: string;
  date?: string;
  ref?: string;
}

export interface CareGap {
  ruleId: string;
  title: Bilingual;
  detail: Bilingual;
  action: Bilingual;
  /** One sentence: what is missing, since when, and when it was last done. */
  reason: Bilingual;
  /** Why the rule applies and what the record last showed, each with its date and record reference. */
  facts: CareGapFact[];
  /** What would close the gap. */
  closedBy: Bilingual[];
  source: CareGapSource;
}

export interface CareGapResult {
  asOf: string;
  deceased: boolean;
  gaps: CareGap[];
  /** Rules not judged, and why (data unavailable, age unknown). */
  notJudged: { ruleId: string; reason: 'data-unavailable' | 'age-unknown' }[];
}

type Closer = CareGapRule['closedBy'][number];

const L = {
  condition: { en: 'Problem', zh: '诊断' },
  medication: { en: 'Medication', zh: '用药' },
  age: { en: 'Age', zh: '年龄' },
  score: { en: 'CHA₂DS₂-VASc', zh: 'CHA₂DS₂-VASc评分' },
  last: { en: 'Last', zh: '最近一次' },
  none: { en: 'Not found in the record', zh: '记录中未见' },
} satisfies Record<string, Bilingual>;

function domainsOf(rule: CareGapRule, file: CareGapRuleFile): Set<CareGapDomain> {
  const domains = new Set<CareGapDomain>();
  for (const criterion of rule.applies.anyOf) {
    if ('condition' in criterion) domains.add('conditions');
    else if ('medication' in criterion) domains.add('medications');
    else domains.add(file.testGroups[criterion.testBelow.test]?.domain ?? 'labs');
  }
  if (rule.applies.unless?.length || rule.applies.cha2ds2VascAtLeast) domains.add('conditions');
  for (const closer of rule.closedBy) {
    if ('medication' in closer) domains.add('medications');
    else domains.add(file.testGroups[closer.test]?.domain ?? 'labs');
  }
  return domains;
}

function spanOf(closer: Closer): { months?: number; days?: number } {
  if ('withinMonths' in closer) return { months: closer.withinMonths };
  if ('withinDays' in closer) return { days: closer.withinDays };
  return {};
}

function spanText(closer: Closer): Bilingual {
  if ('withinMonths' in closer) {
    const m = closer.withinMonths;
    return m % 12 === 0 ? { en: `${m / 12} year${m === 12 ? '' : 's'}`, zh: `${m / 12}年` } : { en: `${m} months`, zh: `${m}个月` };
  }
  if ('withinDays' in closer) {
    const d = closer.withinDays;
    return d % 7 === 0 ? { en: `${d / 7} weeks`, zh: `${d / 7}周` } : { en: `${d} days`, zh: `${d}天` };
  }
  return { en: '', zh: '' };
}

/** The record's test and procedure lines of one group, dated on or before `asOf`, newest first. */
function datedLines(patient: CareGapPatient, file: CareGapRuleFile, testId: string) {
  const group = file.testGroups[testId];
  if (!group) return [];
  const pool =
    group.domain === 'procedures'
      ? patient.procedures.map((p) => ({ ...p, kind: 'procedure' as const, value: undefined, unit: undefined }))
      : patient.observations.map((o) => ({ ...o, kind: 'observation' as const }));
  return pool.filter((line) => dayOf(line.at) <= patient.asOf && itemInTestGroup(line, group)).sort((a, b) => b.at.localeCompare(a.at));
}

interface Applies {
  facts: CareGapFact[];
}

/** Why the rule applies to this patient, or null when it does not (or cannot be judged). */
function applies(rule: CareGapRule, patient: CareGapPatient, file: CareGapRuleFile): Applies | 'age-unknown' | null {
  const { applies: when } = rule;
  const facts: CareGapFact[] = [];
  const conditionsOf = (groupId: string) => {
    const group = file.conditionGroups[groupId];
    return group ? patient.conditions.filter((c) => (!c.onset || dayOf(c.onset) <= patient.asOf) && conditionInGroup(c, group)) : [];
  };
  if (when.unless?.some((groupId) => conditionsOf(groupId).length > 0)) return null;
  if (when.anyOf.length > 0) {
    for (const criterion of when.anyOf) {
      if ('condition' in criterion) {
        const found = conditionsOf(criterion.condition)[0];
        if (found) facts.push(conditionFact(found));
      } else if ('medication' in criterion) {
        const group = file.medicationGroups[criterion.medication];
        const found = group ? patient.medications.find((m) => medicationInGroup(m, group)) : undefined;
        if (found) facts.push(medicationFact(found));
      } else {
        const latest = datedLines(patient, file, criterion.testBelow.test).find((line) => line.value !== undefined);
        if (latest?.value !== undefined && latest.value < criterion.testBelow.value)
          facts.push(lineFact(latest, { en: latest.text, zh: latest.text }));
      }
      if (facts.length > 0) break;
    }
    if (facts.length === 0) return null;
  }
  if (when.ageMin !== undefined || when.ageMax !== undefined || when.cha2ds2VascAtLeast) {
    if (patient.age === undefined) return 'age-unknown';
    if (when.ageMin !== undefined && patient.age < when.ageMin) return null;
    if (when.ageMax !== undefined && patient.age > when.ageMax) return null;
    facts.push({ kind: 'age', label: L.age, value: String(patient.age) });
  }
  if (when.cha2ds2VascAtLeast) {
    if (!patient.sex) return 'age-unknown';
    const score = strokeRisk(patient, file);
    if (!score) return null;
    const threshold = patient.sex === 'F' ? when.cha2ds2VascAtLeast.female : when.cha2ds2VascAtLeast.male;
    if (score.value < threshold) return null;
    facts.push({ kind: 'score', label: L.score, value: `${score.value} (${score.items.join(', ') || '—'})` });
  }
  return { facts };
}

/** CHA₂DS₂-VASc from the score engine, its items read from the coded problem list. */
function strokeRisk(patient: CareGapPatient, file: CareGapRuleFile): { value: number; items: string[] } | null {
  const has = (groupId: string) => {
    const group = file.conditionGroups[groupId];
    return group ? patient.conditions.some((c) => conditionInGroup(c, group)) : false;
  };
  const items = {
    congestiveHeartFailure: has('heartFailure'),
    hypertension: has('hypertension'),
    diabetes: has('diabetes'),
    strokeTiaThromboembolism: has('strokeOrThromboembolism'),
    vascularDisease: has('vascularDisease'),
  };
  const outcome = computeScore('cha2ds2-vasc', { age: patient.age, sex: patient.sex, ...items });
  if (!outcome.ok) return null;
  return { value: outcome.result.value, items: Object.entries(items).flatMap(([key, on]) => (on ? [key] : [])) };
}

function conditionFact(c: CareGapPatient['conditions'][number]): CareGapFact {
  return {
    kind: 'condition',
    label: L.condition,
    value: c.text,
    ...(c.onset ? { date: dayOf(c.onset) } : {}),
    ...(c.ref ? { ref: c.ref } : {}),
  };
}
function medicationFact(m: CareGapPatient['medications'][number]): CareGapFact {
  return {
    kind: 'medication',
    label: L.medication,
    value: m.name,
    ...(m.since ? { date: dayOf(m.since) } : {}),
    ...(m.ref ? { ref: m.ref } : {}),
  };
}
function lineFact(line: ReturnType<typeof datedLines>[number], label: Bilingual): CareGapFact {
  const value = line.value !== undefined ? `${line.text}: ${line.value}${line.unit ? ` ${line.unit}` : ''}` : line.text;
  return { kind: line.kind, label, value, date: dayOf(line.at), ...(line.ref ? { ref: line.ref } : {}) };
}

/** "Blood pressure" → "blood pressure" inside a sentence; "HbA1c", "INR", "CT colonography" stay. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]+\b/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function joinEn(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** The gap, or null when one of the closing facts is in the record. */
function openGap(rule: CareGapRule, patient: CareGapPatient, file: CareGapRuleFile, why: Applies): CareGap | null {
  const facts = [...why.facts];
  const overdue: Bilingual[] = [];
  const absent: Bilingual[] = [];
  const closedBy: Bilingual[] = [];
  for (const closer of rule.closedBy) {
    if ('medication' in closer) {
      const group = file.medicationGroups[closer.medication];
      if (!group) continue;
      if (patient.medications.some((m) => medicationInGroup(m, group))) return null;
      closedBy.push({ en: `${group.label.en} on the medication list`, zh: `用药清单中有${group.label.zh}` });
      overdue.push({ en: `no ${inSentence(group.label.en)} among the active medications`, zh: `在用药物中无${group.label.zh}` });
      continue;
    }
    const group = file.testGroups[closer.test];
    if (!group) continue;
    const since = windowStart(patient.asOf, spanOf(closer));
    const lines = datedLines(patient, file, closer.test);
    if (lines.some((line) => dayOf(line.at) >= since)) return null;
    const span = spanText(closer);
    closedBy.push({ en: `${group.label.en} within ${span.en}`, zh: `${span.zh}内的${group.label.zh}` });
    const last = lines[0];
    if (!last) {
      absent.push(group.label);
      continue;
    }
    overdue.push({
      en: `no ${inSentence(group.label.en)} since ${since} (last ${dayOf(last.at)})`,
      zh: `${since}以来无${group.label.zh}（最近一次${dayOf(last.at)}）`,
    });
    facts.push(lineFact(last, { en: `${L.last.en} ${inSentence(group.label.en)}`, zh: `${L.last.zh}${group.label.zh}` }));
  }
  if (absent.length > 0) {
    const names = { en: joinEn(absent.map((label) => inSentence(label.en))), zh: absent.map((label) => label.zh).join('、') };
    overdue.push({ en: `no ${names.en} in the record`, zh: `记录中未见${names.zh}` });
    facts.push({ kind: 'absent', label: { en: capitalise(names.en), zh: names.zh }, value: L.none.en });
  }
  const reason = {
    en: `${capitalise(overdue.map((part) => part.en).join('; '))}.`,
    zh: `${overdue.map((part) => part.zh).join('；')}。`,
  };
  return { ruleId: rule.id, title: rule.title, detail: rule.detail, action: rule.action, reason, facts, closedBy, source: rule.source };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Judges every rule for one patient. */
export function findCareGaps(patient: CareGapPatient, file: CareGapRuleFile = loadCareGapRules()): CareGapResult {
  const asOf = dayOf(patient.asOf);
  const judged = { ...patient, asOf };
  if (patient.deceasedAt && dayOf(patient.deceasedAt) <= asOf) return { asOf, deceased: true, gaps: [], notJudged: [] };
  const unavailable = new Set(patient.unavailable ?? []);
  const gaps: CareGap[] = [];
  const notJudged: CareGapResult['notJudged'] = [];
  for (const rule of file.rules) {
    if ([...domainsOf(rule, file)].some((domain) => unavailable.has(domain))) {
      notJudged.push({ ruleId: rule.id, reason: 'data-unavailable' });
      continue;
    }
    const why = applies(rule, judged, file);
    if (why === 'age-unknown') notJudged.push({ ruleId: rule.id, reason: 'age-unknown' });
    if (!why || why === 'age-unknown') continue;
    const gap = openGap(rule, judged, file, why);
    if (gap) gaps.push(gap);
  }
  const fired = new Set(gaps.map((gap) => gap.ruleId));
  const kept = gaps.filter((gap) => !file.rules.find((rule) => rule.id === gap.ruleId)?.supersededBy?.some((id) => fired.has(id)));
  return { asOf, deceased: false, gaps: kept, notJudged };
}

import { z } from 'zod';
import {
  type Bilingual,
  type Citation,
  type DoseRange,
  getClinicalNames,
  getInteractionTranslations,
  type InteractionRule,
  type KbDrug,
  normalizeTerm,
  type Route,
} from '../../knowledge/index.js';
import { explainsPair, findCombinationMatches, singleDoseMg } from './combination-rules.js';
import type { MedicationIndex, ResolvedDrug } from './medication-index.js';
import { convertDose, type ParsedDose, parseDose, parseFrequency } from './parse-dose.js';
import { parseRoute } from './parse-route.js';

export const medicationCheckInputSchema = z
  .object({
    age: z.number().min(0).max(130).optional(),
    sex: z.enum(['M', 'F']).optional(),
    weightKg: z.number().min(0.5).max(500).optional(),
    /** eGFR in mL/min/1.73 m² (used for CrCl-based label rules too when CrCl is not given). */
    egfr: z.number().min(0).max(250).optional(),
    crcl: z.number().min(0).max(250).optional(),
    childPugh: z.enum(['A', 'B', 'C']).optional(),
    pregnant: z.boolean().optional(),
    breastfeeding: z.boolean().optional(),
    allergies: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    medications: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(200),
            dose: z.string().trim().max(50).optional(),
            frequency: z.string().trim().max(50).optional(),
            route: z.string().trim().max(30).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();
export type MedicationCheckInput = z.input<typeof medicationCheckInputSchema>;

export type FindingSeverity = 'contraindicated' | 'major' | 'moderate' | 'minor' | 'info';
export type FindingKind =
  | 'interaction'
  | 'combination'
  | 'duplicate-therapy'
  | 'dose-above-single'
  | 'dose-above-daily'
  | 'dose-below-usual'
  | 'renal'
  | 'hepatic'
  | 'allergy'
  | 'pregnancy'
  | 'lactation'
  | 'unrecognised-drug'
  | 'name-read-as'
  | 'dose-not-checked';

export interface MedicationFinding {
  kind: FindingKind;
  severity: FindingSeverity;
  /** Indices into `medications` of the drugs involved. */
  medications: number[];
  title: Bilingual;
  detail: Bilingual;
  management?: string;
  /** The management advice in both languages (the Chinese is Suwen's translation where one is on file). */
  managementText?: Bilingual;
  /** Where the Chinese of a translated source text comes from ("translated by Suwen, not an official ANSM text"). */
  translation?: Bilingual;
  source: Citation;
  /** The knowledge-base entry the finding rests on. */
  ref: { type: 'interaction-rule' | 'combination-rule' | 'drug' | 'cross-reactivity' | 'input'; id: string };
}

export interface CheckedMedication {
  input: { name: string; dose?: string; frequency?: string; route?: string };
  drugId?: string;
  name?: Bilingual;
  matchedBy?: ResolvedDrug['matchedBy'];
  /** The known name a misspelt input was read as (华法令 → 华法林); a `name-read-as` finding says so. */
  matchedName?: string;
  route?: Route;
  dose?: ParsedDose;
  /** The dose as the drug's ranges count it, when it was written for a salt (naproxen sodium 220 mg → 200 mg naproxen). */
  baseDose?: ParsedDose;
  /** The salt the name says, when its doses are converted. */
  salt?: Bilingual;
  dosesPerDay?: number;
  dailyDose?: ParsedDose;
  suggestions?: string[];
}

export interface MedicationCheckResult {
  kbVersion: string;
  medications: CheckedMedication[];
  findings: MedicationFinding[];
  counts: Record<FindingSeverity, number>;
}

const SEVERITY_ORDER: FindingSeverity[] = ['contraindicated', 'major', 'moderate', 'minor', 'info'];
const RISK_SEVERITY = { high: 'contraindicated', moderate: 'major', low: 'moderate' } as const;

export interface Prepared {
  checked: CheckedMedication;
  resolved?: ResolvedDrug;
}

/** The salt form a name says ("Naproxen sodium 220 MG Oral Tablet", "萘普生钠片", "Aleve"), when the drug lists one. */
function saltFormOf(drug: KbDrug | undefined, name: string): NonNullable<KbDrug['saltForms']>[number] | undefined {
  if (!drug?.saltForms) return undefined;
  const normalized = ` ${normalizeTerm(name)} `;
  return drug.saltForms.find((salt) =>
    salt.names.some((saltName) => {
      const key = normalizeTerm(saltName);
      return /^[a-z0-9 ]+$/.test(key) ? normalized.includes(` ${key} `) : normalized.includes(key);
    }),
  );
}

function prepare(index: MedicationIndex, input: MedicationCheckInput['medications'][number]): Prepared {
  const resolved = index.resolve(input.name);
  const route = input.route ? parseRoute(input.route) : undefined;
  const dose = input.dose ? parseDose(input.dose) : undefined;
  const dosesPerDay = input.frequency ? parseFrequency(input.frequency) : undefined;
  const salt = saltFormOf(resolved?.drug, input.name);
  const baseDose = salt && dose ? { amount: Number((dose.amount * salt.basePerSalt).toPrecision(6)), unit: dose.unit } : undefined;
  const checked: CheckedMedication = {
    input,
    ...(resolved
      ? {
          drugId: resolved.id,
          name: resolved.drug?.names ?? { en: resolved.name, zh: getClinicalNames().drugZh(resolved.id) ?? resolved.name },
          matchedBy: resolved.matchedBy,
          ...(resolved.matchedName ? { matchedName: resolved.matchedName } : {}),
        }
      : { suggestions: index.suggest(input.name) }),
    ...(route ? { route } : {}),
    ...(dose ? { dose } : {}),
    ...(baseDose && salt ? { baseDose, salt: salt.label } : {}),
    ...(dosesPerDay !== undefined ? { dosesPerDay } : {}),
    ...(dose && dosesPerDay !== undefined
      ? { dailyDose: { amount: Number((dose.amount * dosesPerDay).toPrecision(12)), unit: dose.unit } }
      : {}),
  };
  return resolved ? { checked, resolved } : { checked };
}

/**
 * Checks a medication list against the knowledge base: interactions, duplicate therapy, doses
 * (with renal and hepatic rules applied), allergy cross-reactivity, pregnancy and lactation.
 * Pure and synchronous; every finding cites the entry it came from. Decision support for a
 * clinician — it does not replace checking the label.
 */
export function checkMedications(index: MedicationIndex, rawInput: MedicationCheckInput): MedicationCheckResult {
  const input = medicationCheckInputSchema.parse(rawInput);
  const prepared = input.medications.map((medication) => prepare(index, medication));
  const findings: MedicationFinding[] = [];
  prepared.forEach((entry, i) => {
    if (!entry.resolved) findings.push(unrecognised(entry.checked, i));
    else if (entry.checked.matchedName) findings.push(readAs(entry.checked, i));
  });
  findInteractions(index, prepared, findings);
  findCombinations(index, prepared, findings);
  findDuplicates(prepared, findings);
  prepared.forEach((entry, i) => {
    const drug = entry.resolved?.drug;
    if (!drug) return;
    findDoseProblems(drug, entry.checked, i, input.egfr, input.crcl, findings);
    findHepatic(drug, i, input.childPugh, findings);
    findAllergies(index, drug, i, input.allergies, findings);
    if (input.pregnant) findings.push(noteFinding('pregnancy', drug, i, drug.pregnancy));
    if (input.breastfeeding) findings.push(noteFinding('lactation', drug, i, drug.lactation));
  });
  findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const counts = Object.fromEntries(SEVERITY_ORDER.map((severity) => [severity, 0])) as Record<FindingSeverity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return { kbVersion: index.kb.version, medications: prepared.map((entry) => entry.checked), findings, counts };
}

function unrecognised(checked: CheckedMedication, i: number): MedicationFinding {
  const hint = checked.suggestions?.length ? ` (${checked.suggestions.join(', ')}?)` : '';
  return {
    kind: 'unrecognised-drug',
    severity: 'info',
    medications: [i],
    title: { en: `Not recognised: ${checked.input.name}`, zh: `未识别的药物：${checked.input.name}` },
    detail: {
      en: `This name is not in the knowledge base, so it was not checked${hint}.`,
      zh: `知识库中没有该药名，未对其进行检查${hint}。`,
    },
    source: { title: 'Suwen knowledge base (no matching entry)' },
    ref: { type: 'input', id: String(i) },
  };
}

/** A misspelt name checked as the one known name close to it: shown, so a wrong reading is caught. */
function readAs(checked: CheckedMedication, i: number): MedicationFinding {
  const typed = checked.input.name;
  const known = checked.matchedName ?? '';
  const names = checked.name ?? { en: known, zh: known };
  return {
    kind: 'name-read-as',
    severity: 'info',
    medications: [i],
    title: {
      en: names.en === known ? `“${typed}” read as ${known}` : `“${typed}” read as ${names.en} (${known})`,
      zh: names.zh === known ? `“${typed}”按${known}检查` : `“${typed}”按${names.zh}（${known}）检查`,
    },
    detail: {
      en: `“${typed}” is not a name in the knowledge base; it was checked as the one close name, ${known}. Correct the name if another drug was meant.`,
      zh: `知识库中没有“${typed}”这个药名，已按唯一相近的药名“${known}”检查。如指的是其他药物，请更正药名。`,
    },
    source: { title: 'Suwen knowledge base (closest name)' },
    ref: { type: 'input', id: String(i) },
  };
}

const NO_INGREDIENTS: readonly number[] = [];

function findInteractions(index: MedicationIndex, prepared: Prepared[], findings: MedicationFinding[]): void {
  const translations = getInteractionTranslations();
  const ingredients = prepared.map((entry) => (entry.resolved ? index.ingredientIndices(entry.resolved.id) : NO_INGREDIENTS));
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      let seen: number[] | undefined;
      for (const a of ingredients[i] ?? NO_INGREDIENTS) {
        for (const b of ingredients[j] ?? NO_INGREDIENTS) {
          for (const ruleIndex of index.ruleIndicesBetween(a, b)) {
            // A combination product can meet the same rule through two ingredients: report it once.
            if (seen?.includes(ruleIndex)) continue;
            seen ??= [];
            seen.push(ruleIndex);
            const rule = index.rule(ruleIndex);
            if (!rule) continue;
            const names = `${prepared[i]?.checked.name?.en} + ${prepared[j]?.checked.name?.en}`;
            const namesZh = `${prepared[i]?.checked.name?.zh} + ${prepared[j]?.checked.name?.zh}`;
            const dose = aspirinDoseQualifier(rule, [prepared[i], prepared[j]]);
            const text = translations.rule(rule);
            findings.push({
              kind: 'interaction',
              severity: dose?.severity ?? rule.severity,
              medications: [i, j],
              title: { en: `Interaction: ${names}`, zh: `相互作用：${namesZh}` },
              detail: dose ? { en: `${rule.mechanism} ${dose.note.en}`, zh: `${text.mechanism.zh} ${dose.note.zh}` } : text.mechanism,
              ...(rule.management ? { management: rule.management } : {}),
              ...(text.management ? { managementText: text.management } : {}),
              ...(text.translated ? { translation: translations.provenance } : {}),
              source: rule.source,
              ref: { type: 'interaction-rule', id: rule.id },
            });
          }
        }
      }
    }
  }
}

/**
 * Combination rules (the "triple whammy"): one finding naming every member, in place of the
 * lesser pairwise alerts between members that play different roles in it. A pairwise alert rated
 * at least as severe as the combination stays (e.g. ACE inhibitor + spironolactone hyperkalaemia).
 */
function findCombinations(index: MedicationIndex, prepared: Prepared[], findings: MedicationFinding[]): void {
  const members = prepared.map((entry) => ({
    id: entry.resolved?.id,
    names: entry.checked.name,
    route: entry.checked.route,
    singleMg: singleDoseMg(entry.checked.dose),
    dosesPerDay: entry.checked.dosesPerDay,
  }));
  for (const match of findCombinationMatches(index, members)) {
    const { rule } = match;
    const folded: string[] = [];
    for (let k = findings.length - 1; k >= 0; k--) {
      const finding = findings[k];
      if (finding?.kind !== 'interaction' || finding.medications.length !== 2) continue;
      const [i = -1, j = -1] = finding.medications;
      if (!explainsPair(match, i, j)) continue;
      if (SEVERITY_ORDER.indexOf(finding.severity) <= SEVERITY_ORDER.indexOf(rule.severity)) continue;
      folded.unshift(finding.ref.id);
      findings.splice(k, 1);
    }
    const names = {
      en: match.members.map((i) => prepared[i]?.checked.name?.en ?? prepared[i]?.checked.input.name).join(' + '),
      zh: match.members.map((i) => prepared[i]?.checked.name?.zh ?? prepared[i]?.checked.input.name).join(' + '),
    };
    const ids = [...new Set(folded)].join(', ');
    findings.push({
      kind: 'combination',
      severity: rule.severity,
      medications: match.members,
      title: rule.title(names),
      detail:
        folded.length > 0
          ? {
              en: `${rule.detail.en} This alert replaces ${folded.length} pairwise alerts between these drugs (${ids}).`,
              zh: `${rule.detail.zh}本提示合并了这些药物之间的${folded.length}条两两相互作用提示（${ids}）。`,
            }
          : rule.detail,
      source: rule.source,
      ref: { type: 'combination-rule', id: rule.id },
    });
  }
}

/** ANSM words some aspirin rules as applying only from anti-inflammatory doses: "(>=1g per dose and/or >=3g per day)". */
const ANTI_INFLAMMATORY_DOSES = /\(\s*>=\s*([\d.]+)\s*g per dose and\/or\s*>=\s*([\d.]+)\s*g per day\s*\)/i;

/**
 * The ANSM thesaurus grades aspirin interactions by dose; the flattened rule keeps only the
 * anti-inflammatory-dose level (e.g. contraindicated with oral anticoagulants). When the listed
 * aspirin dose is known and below that threshold the rule does not apply as written: the finding
 * stays (bleeding risk is still raised — the platelet-inhibitor rule covers it) but is ranked
 * moderate and says why. With no dose, the rule is shown as written, with the condition stated.
 */
function aspirinDoseQualifier(
  rule: InteractionRule,
  pair: (Prepared | undefined)[],
): { severity: FindingSeverity; note: Bilingual } | undefined {
  const match = ANTI_INFLAMMATORY_DOSES.exec(`${rule.mechanism} ${rule.management}`);
  const aspirin = pair.find((entry) => entry?.resolved?.id === 'aspirin')?.checked;
  if (!match || !aspirin) return undefined;
  const perDoseMg = Number(match[1]) * 1000;
  const perDayMg = Number(match[2]) * 1000;
  const single = aspirin.dose ? convertDose(aspirin.dose.amount, aspirin.dose.unit, 'mg') : undefined;
  const daily = aspirin.dailyDose ? convertDose(aspirin.dailyDose.amount, aspirin.dailyDose.unit, 'mg') : undefined;
  const threshold = { en: `${match[1]} g per dose or ${match[2]} g per day`, zh: `单次≥${match[1]} g或每日≥${match[2]} g` };
  if (single === undefined) {
    return {
      severity: rule.severity,
      note: {
        en: `(This level applies to anti-inflammatory aspirin doses, ≥ ${threshold.en}; no aspirin dose was given.)`,
        zh: `（该级别适用于抗炎剂量阿司匹林，${threshold.zh}；未提供阿司匹林剂量。）`,
      },
    };
  }
  if (single >= perDoseMg || (daily !== undefined && daily >= perDayMg)) return undefined;
  return {
    severity: SEVERITY_ORDER.indexOf(rule.severity) < SEVERITY_ORDER.indexOf('moderate') ? 'moderate' : rule.severity,
    note: {
      en: `(The source rates this level for anti-inflammatory aspirin doses, ≥ ${threshold.en}; the listed dose is below that, so it is shown as moderate — bleeding risk is still increased.)`,
      zh: `（原始规则的该级别针对抗炎剂量阿司匹林（${threshold.zh}）；当前剂量低于此阈值，故按中度提示——出血风险仍然增加。）`,
    },
  };
}

/**
 * Classes whose members are deliberately combined: aspirin with a P2Y12 inhibitor is dual
 * antiplatelet therapy (ESC 2023 ACS guideline), so sharing "antiplatelet" alone is not duplication;
 * two P2Y12 inhibitors still share "p2y12-inhibitor" and are flagged.
 */
const COMBINED_BY_DESIGN = new Set(['antiplatelet']);

function findDuplicates(prepared: Prepared[], findings: MedicationFinding[]): void {
  const byGroup = new Map<string, number[]>();
  prepared.forEach((entry, i) => {
    for (const group of entry.resolved?.drug?.duplicateGroups ?? []) {
      if (COMBINED_BY_DESIGN.has(group)) continue;
      byGroup.set(group, [...(byGroup.get(group) ?? []), i]);
    }
  });
  const reported = new Set<string>();
  for (const [group, members] of byGroup) {
    const distinct = members.filter((i, k) => members.findIndex((j) => prepared[j]?.resolved?.id === prepared[i]?.resolved?.id) === k);
    if (members.length < 2) continue;
    const key = members.join(',');
    if (reported.has(key)) continue;
    reported.add(key);
    const first = prepared[members[0] ?? 0]?.resolved?.drug;
    const sameDrug = distinct.length === 1;
    findings.push({
      kind: 'duplicate-therapy',
      severity: 'moderate',
      medications: members,
      title: sameDrug
        ? { en: `Same drug listed twice: ${first?.names.en}`, zh: `同一药物重复开具：${first?.names.zh}` }
        : { en: `Duplicate therapy: ${group}`, zh: `重复用药（同类）：${group}` },
      detail: {
        en: `${members.map((i) => prepared[i]?.checked.name?.en).join(', ')} share the class "${first?.drugClass.en}" (${group}). Check that both are intended.`,
        zh: `${members.map((i) => prepared[i]?.checked.name?.zh).join('、')}属同一类（${first?.drugClass.zh}），请确认是否有意联用。`,
      },
      source: { title: `Suwen drug classes (ATC ${first?.atc.join(', ')})` },
      ref: { type: 'drug', id: first?.id ?? group },
    });
  }
}

/** The dose ranges for the stated route (oral when none is given and one exists) in a unit the dose converts to. */
function candidateRanges(drug: KbDrug, route: Route | undefined, unit: ParsedDose['unit']): DoseRange[] {
  const candidates = drug.doses.filter((range) => (route ? range.route === route : true));
  const pool = candidates.length > 0 ? candidates : route ? [] : drug.doses;
  const preferred = route ? pool : pool.filter((range) => range.route === 'po');
  return (preferred.length > 0 ? preferred : pool).filter((range) => convertDose(1, unit, range.unit) !== undefined);
}

/**
 * Several indication-specific ranges: a dose is called excessive only when it exceeds the most
 * permissive one, and low only when it is below the lowest usual dose of every one (naproxen
 * 200 mg is the OTC dose though the prescription range starts at 250 mg).
 */
function pickRange(ranges: DoseRange[]): DoseRange | undefined {
  return [...ranges].sort(
    (a, b) => (convertDose(b.maxDaily, b.unit, 'mg') ?? b.maxDaily) - (convertDose(a.maxDaily, a.unit, 'mg') ?? a.maxDaily),
  )[0];
}

function lowestUsualRange(ranges: DoseRange[]): DoseRange | undefined {
  const withMin = ranges.filter((range) => range.singleMin !== undefined);
  if (withMin.length < ranges.length) return undefined; // one range has no lower bound: nothing is "low"
  return [...withMin].sort(
    (a, b) => (convertDose(a.singleMin ?? 0, a.unit, 'mg') ?? 0) - (convertDose(b.singleMin ?? 0, b.unit, 'mg') ?? 0),
  )[0];
}

/** "naproxen sodium 1100 mg ≈ 1000 mg naproxen: " before a dose finding judged on the converted dose. */
function saltPrefix(drug: KbDrug, checked: CheckedMedication): Bilingual {
  if (!checked.salt || !checked.dose || !checked.baseDose) return { en: '', zh: '' };
  const { dose, baseDose, salt } = checked;
  return {
    en: `${salt.en} ${fmt(dose.amount)} ${dose.unit} ≈ ${fmt(baseDose.amount)} ${baseDose.unit} ${drug.names.en}: `,
    zh: `${salt.zh} ${fmt(dose.amount)} ${dose.unit} ≈ ${drug.names.zh} ${fmt(baseDose.amount)} ${baseDose.unit}：`,
  };
}

function findDoseProblems(
  drug: KbDrug,
  checked: CheckedMedication,
  i: number,
  egfr: number | undefined,
  crcl: number | undefined,
  findings: MedicationFinding[],
): void {
  const counted = checked.baseDose ?? checked.dose;
  const ranges = counted ? candidateRanges(drug, checked.route, counted.unit) : [];
  const range = pickRange(ranges);
  const single = range && counted ? convertDose(counted.amount, counted.unit, range.unit) : undefined;
  const daily = single !== undefined && checked.dosesPerDay !== undefined ? single * checked.dosesPerDay : undefined;
  const lowest = lowestUsualRange(ranges);
  const lowestMin = lowest?.singleMin !== undefined && range ? convertDose(lowest.singleMin, lowest.unit, range.unit) : undefined;
  const salt = saltPrefix(drug, checked);
  const names = drug.names;
  if (checked.input.dose && (!checked.dose || !range)) {
    findings.push({
      kind: 'dose-not-checked',
      severity: 'info',
      medications: [i],
      title: { en: `Dose not checked: ${names.en}`, zh: `未核对剂量：${names.zh}` },
      detail: checked.dose
        ? { en: `No adult range for this route/unit in the knowledge base.`, zh: '知识库中没有该给药途径/单位的成人剂量范围。' }
        : {
            en: `"${checked.input.dose}" is not a dose Suwen can read (e.g. "5 mg").`,
            zh: `无法识别剂量"${checked.input.dose}"（示例："5 mg"）。`,
          },
      source: drug.doses[0]?.source ?? drug.adverseEffectsSource,
      ref: { type: 'drug', id: drug.id },
    });
  }
  if (range && single !== undefined) {
    const unit = range.unit;
    if (single > range.singleMax * 1.0001) {
      findings.push(
        doseFinding('dose-above-single', 'major', drug, i, range, {
          en: `${salt.en}Single dose ${fmt(single)} ${unit} is above the usual adult maximum of ${range.singleMax} ${unit} (${range.route}).`,
          zh: `${salt.zh}单次剂量 ${fmt(single)} ${unit} 超过成人常用最大单次剂量 ${range.singleMax} ${unit}（${range.route}）。`,
        }),
      );
    } else if (lowest && lowestMin !== undefined && single < lowestMin * 0.9999) {
      findings.push(
        doseFinding('dose-below-usual', 'info', drug, i, lowest, {
          en: `${salt.en}Single dose ${fmt(single)} ${unit} is below the usual adult range (${fmt(lowestMin)}–${range.singleMax} ${unit}).`,
          zh: `${salt.zh}单次剂量 ${fmt(single)} ${unit} 低于成人常用范围（${fmt(lowestMin)}–${range.singleMax} ${unit}）。`,
        }),
      );
    }
  }
  if (range && daily !== undefined && daily > range.maxDaily * 1.0001) {
    findings.push(
      doseFinding('dose-above-daily', 'major', drug, i, range, {
        en: `${salt.en}Daily dose ${fmt(daily)} ${range.unit} is above the adult maximum of ${range.maxDaily} ${range.unit}/day.`,
        zh: `${salt.zh}日剂量 ${fmt(daily)} ${range.unit} 超过成人每日最大剂量 ${range.maxDaily} ${range.unit}。`,
      }),
    );
  }
  findRenal(drug, checked, i, range, daily, egfr, crcl, findings);
}

function findRenal(
  drug: KbDrug,
  checked: CheckedMedication,
  i: number,
  range: DoseRange | undefined,
  daily: number | undefined,
  egfr: number | undefined,
  crcl: number | undefined,
  findings: MedicationFinding[],
): void {
  for (const rule of drug.renal) {
    // Label rules written for Cockcroft–Gault CrCl use it when given, else the eGFR as a stand-in (said in the text).
    const value = rule.basis === 'crcl' ? (crcl ?? egfr) : (egfr ?? crcl);
    if (value === undefined || value >= rule.egfrBelow || (rule.egfrAtLeast !== undefined && value < rule.egfrAtLeast)) continue;
    if (rule.route && checked.route && rule.route !== checked.route) continue;
    const measure = rule.basis === 'crcl' ? (crcl !== undefined ? 'CrCl' : 'eGFR (as CrCl)') : 'eGFR';
    const band = `${measure} ${value} < ${rule.egfrBelow}${rule.egfrAtLeast !== undefined ? ` (≥ ${rule.egfrAtLeast})` : ''}`;
    let severity: FindingSeverity = rule.action === 'avoid' ? 'major' : rule.action === 'reduce' ? 'moderate' : 'minor';
    let extra: Bilingual = { en: '', zh: '' };
    if (rule.action === 'reduce' && rule.maxDaily !== undefined && range && daily !== undefined) {
      if (daily > rule.maxDaily * 1.0001) {
        severity = 'major';
        extra = {
          en: ` Daily dose ${fmt(daily)} ${range.unit} exceeds the renal maximum of ${rule.maxDaily} ${range.unit}/day.`,
          zh: ` 日剂量 ${fmt(daily)} ${range.unit} 超过肾功能调整后的最大剂量 ${rule.maxDaily} ${range.unit}/日。`,
        };
      } else {
        severity = 'info';
        extra = { en: ' The stated dose is within the adjusted maximum.', zh: ' 当前剂量在调整后的上限以内。' };
      }
    }
    findings.push({
      kind: 'renal',
      severity,
      medications: [i],
      title: {
        en: `Renal: ${drug.names.en} — ${rule.action === 'avoid' ? 'avoid' : rule.action === 'reduce' ? 'reduce dose' : 'use with caution'} (${band})`,
        zh: `肾功能：${drug.names.zh} — ${rule.action === 'avoid' ? '避免使用' : rule.action === 'reduce' ? '需减量' : '慎用'}（${band}）`,
      },
      detail: { en: `${rule.note.en}${extra.en}`, zh: `${rule.note.zh}${extra.zh}` },
      source: rule.source,
      ref: { type: 'drug', id: drug.id },
    });
  }
}

function findHepatic(drug: KbDrug, i: number, childPugh: 'A' | 'B' | 'C' | undefined, findings: MedicationFinding[]): void {
  if (!childPugh) return;
  for (const rule of drug.hepatic) {
    if (childPugh < rule.childPugh) continue; // 'A' < 'B' < 'C': a rule from class B applies to B and C
    findings.push({
      kind: 'hepatic',
      severity: rule.action === 'avoid' ? 'major' : rule.action === 'reduce' ? 'moderate' : 'minor',
      medications: [i],
      title: { en: `Hepatic: ${drug.names.en} (Child–Pugh ${childPugh})`, zh: `肝功能：${drug.names.zh}（Child–Pugh ${childPugh}级）` },
      detail: rule.note,
      source: rule.source,
      ref: { type: 'drug', id: drug.id },
    });
  }
}

function findAllergies(index: MedicationIndex, drug: KbDrug, i: number, allergies: string[], findings: MedicationFinding[]): void {
  for (const allergy of allergies) {
    const groups = index.allergyGroups(allergy);
    if (!groups) continue;
    if (groups.has(`drug:${drug.id}`)) {
      findings.push({
        kind: 'allergy',
        severity: 'contraindicated',
        medications: [i],
        title: { en: `Allergy: ${drug.names.en} is on the allergy list`, zh: `过敏：${drug.names.zh}在过敏清单中` },
        detail: { en: `The patient reports an allergy to "${allergy}".`, zh: `患者报告对"${allergy}"过敏。` },
        source: { title: "Patient's allergy list" },
        ref: { type: 'drug', id: drug.id },
      });
      continue;
    }
    const matched = new Set<string>();
    for (const group of groups) {
      if (group.startsWith('drug:')) continue;
      for (const rule of index.crossReactivityFor(group)) {
        if (!drug.allergyGroups.includes(rule.drugGroup) || matched.has(rule.drugGroup)) continue;
        matched.add(rule.drugGroup);
        findings.push({
          kind: 'allergy',
          severity: RISK_SEVERITY[rule.risk],
          medications: [i],
          title: {
            en: `Allergy: ${drug.names.en} with a reported ${allergy} allergy (${rule.risk} cross-reactivity)`,
            zh: `过敏：${drug.names.zh}与所报告的"${allergy}"过敏（交叉反应风险${rule.risk === 'high' ? '高' : rule.risk === 'moderate' ? '中' : '低'}）`,
          },
          detail: rule.note,
          source: rule.source,
          ref: { type: 'cross-reactivity', id: `${rule.allergy}→${rule.drugGroup}` },
        });
      }
    }
  }
}

function noteFinding(kind: 'pregnancy' | 'lactation', drug: KbDrug, i: number, note: KbDrug['pregnancy']): MedicationFinding {
  return {
    kind,
    severity: 'info',
    medications: [i],
    title:
      kind === 'pregnancy'
        ? { en: `Pregnancy: ${drug.names.en}`, zh: `妊娠期：${drug.names.zh}` }
        : { en: `Breastfeeding: ${drug.names.en}`, zh: `哺乳期：${drug.names.zh}` },
    detail: note.text,
    source: note.source,
    ref: { type: 'drug', id: drug.id },
  };
}

function doseFinding(
  kind: FindingKind,
  severity: FindingSeverity,
  drug: KbDrug,
  i: number,
  range: DoseRange,
  detail: Bilingual,
): MedicationFinding {
  const title =
    kind === 'dose-below-usual'
      ? { en: `Low dose: ${drug.names.en}`, zh: `剂量偏低：${drug.names.zh}` }
      : { en: `Dose above range: ${drug.names.en}`, zh: `剂量超出范围：${drug.names.zh}` };
  return { kind, severity, medications: [i], title, detail, source: range.source, ref: { type: 'drug', id: drug.id } };
}

function fmt(value: number): string {
  return Number(value.toPrecision(6)).toString();
}

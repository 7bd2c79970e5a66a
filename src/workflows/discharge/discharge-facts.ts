/**
 * Numbered record facts (R1…Rn) for a discharge summary, computed from the stay by code: each fact
 * is one sentence of a computed section, names the database rows it rests on, and is what the
 * model may cite when it writes the hospital course. Nothing here calls a model.
 */

import { interpretLabs, type LabFlag, type LabIndex } from '../../engines/labs/index.js';
import type { NoteLanguage } from '../../engines/notes/index.js';
import { getClinicalNames } from '../../knowledge/index.js';
import type { StayRecord } from './load-stay.js';
import { type MedicationReconciliation, reconcileMedications } from './medication-reconciliation.js';

export type FactSection =
  | 'admission_diagnoses'
  /** Resolved, inactive and long-past episodic conditions: history, not a diagnosis of this stay. */
  | 'past_history'
  | 'discharge_diagnoses'
  | 'procedures'
  | 'key_results'
  | 'medication_reconciliation'
  | 'condition_at_discharge'
  | 'follow_up'
  /** Facts only the model sees (document excerpts). */
  | 'context';

export interface RecordFact {
  id: string;
  section: FactSection;
  kind: string;
  /** The fact as one sentence in the summary's language (record terms stay as recorded). */
  text: string;
  /** Database row ids (encounters, conditions, medications, procedures, observations, documents). */
  recordIds: string[];
}

export interface ResultSummary {
  code: string | null;
  display: string;
  unit: string | null;
  count: number;
  first: number;
  last: number;
  min: number;
  max: number;
  /** Flags of the values that were not normal, from the lab engine where the test maps, else the record. */
  abnormal: LabFlag[];
  observationIds: string[];
}

export interface DischargeFacts {
  facts: RecordFact[];
  reconciliation: MedicationReconciliation;
  results: ResultSummary[];
}

/** SNOMED CT semantic tags of social and administrative findings, which are not diagnoses. */
const NON_DIAGNOSIS_TAG = /\((finding|person|social concept|life style|occupation|environment|observable entity)\)\s*$/i;

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');

/** FHIR Condition.clinicalStatus codes that mean the condition is no longer present. */
const PAST_STATUSES = new Set(['resolved', 'inactive', 'remission']);
/**
 * Conditions that are events of one episode — pregnancy and its outcomes, injuries and acute
 * illnesses. Records often leave them `active` with no abatement (the Synthea demo data does:
 * "Miscarriage in first trimester" from 2011 on a 2022 stay, "Sepsis" from 1971 on a 2018 stay),
 * yet none is still going on a year after it began: a pregnancy ends by 42 weeks, the puerperium six
 * weeks after delivery, and an acute illness or injury is by definition not chronic. A year is a
 * deliberately generous bound, not a clinical threshold.
 */
const EPISODIC =
  /miscarriage|abortion|ectopic|molar pregnancy|hydatidiform|\bpregnan|\bdelivery\b|\bbirth\b|preeclampsia|pre-eclampsia|eclampsia|gestational|antepartum|postpartum|puerper|\bacute\b|sepsis|septic|fracture|laceration|sprain|concussion|\binjury\b|\bburn\b|pneumonia|bronchitis|sinusitis|pharyngitis|tonsillitis|otitis|cystitis|gastroenteritis|cellulitis|influenza|covid|流产|妊娠|分娩|早产|产后|急性|骨折|脓毒症/i;
const EPISODE_DAYS = 365;

type StayCondition = StayRecord['conditions'][number];

/** Whether a condition is past history at admission rather than an active diagnosis. */
export function isPastCondition(c: StayCondition, admittedAt: string): boolean {
  if (c.abatedAt !== null) return c.abatedAt <= admittedAt;
  if (c.status && PAST_STATUSES.has(c.status)) return true;
  if (EPISODIC.test(c.display) && !/chronic|慢性/i.test(c.display) && c.onsetAt !== null)
    return Date.parse(admittedAt) - Date.parse(c.onsetAt) > EPISODE_DAYS * 86_400_000;
  return false;
}

export function buildDischargeFacts(stay: StayRecord, labs: LabIndex, language: NoteLanguage): DischargeFacts {
  const zh = language === 'zh';
  // Chinese sentences name conditions, results and drugs in Chinese where a name is on file; a
  // diagnosis keeps the record's English term after it, so the coded original stays on the page.
  const names = getClinicalNames();
  const conditionName = (display: string) => {
    const chinese = zh ? names.condition({ display })?.zh : undefined;
    return chinese ? `${chinese}（${display.replace(/\s*\((disorder|finding|situation)\)\s*$/i, '')}）` : display;
  };
  const facts: RecordFact[] = [];
  const add = (section: FactSection, kind: string, text: string, recordIds: string[]) => {
    const fact = { id: `R${facts.length + 1}`, section, kind, text, recordIds };
    facts.push(fact);
    return fact;
  };
  const { encounter: e } = stay;
  const days = Math.max(0, Math.round((Date.parse(e.end) - Date.parse(e.start)) / 86_400_000));
  add(
    'admission_diagnoses',
    'admission',
    zh
      ? `入院日期 ${day(e.start)}，出院日期 ${day(e.end)}（住院 ${days} 天）；就诊类型：${e.type ?? '未记录'}；入院原因：${e.reason ? conditionName(e.reason) : '未记录'}。`
      : `Admitted ${day(e.start)}, discharged ${day(e.end)} (${days} days); encounter: ${e.type ?? 'not recorded'}; reason for admission: ${e.reason ?? 'not recorded'}.`,
    [e.id],
  );

  const recorded = stay.conditions.filter((c) => !NON_DIAGNOSIS_TAG.test(c.display) && c.status !== 'entered-in-error');
  const newInStay = recorded.filter((c) => c.encounterId === e.id || (c.onsetAt !== null && c.onsetAt > e.start && c.onsetAt <= e.end));
  const newIds = new Set(newInStay.map((c) => c.id));
  // Resolved, inactive and long-past episodic conditions are history, not diagnoses of this stay.
  const past = recorded.filter((c) => !newIds.has(c.id) && c.onsetAt !== null && c.onsetAt <= e.start && isPastCondition(c, e.start));
  const pastIds = new Set(past.map((c) => c.id));
  const diagnoses = recorded.filter((c) => !pastIds.has(c.id));
  const activeAt = (c: (typeof diagnoses)[number], t: string) => Boolean(c.onsetAt && c.onsetAt <= t && (!c.abatedAt || c.abatedAt > t));
  for (const c of dedupe(diagnoses.filter((c) => activeAt(c, e.start)))) {
    add(
      'admission_diagnoses',
      'condition',
      zh ? `${conditionName(c.display)}（起病 ${day(c.onsetAt)}）` : `${c.display} (since ${day(c.onsetAt)})`,
      [c.id],
    );
  }
  for (const c of dedupe(newInStay)) {
    const resolved = c.abatedAt !== null && c.abatedAt <= e.end;
    add(
      'discharge_diagnoses',
      'condition-new',
      zh
        ? `${conditionName(c.display)}（本次住院期间新记录，${day(c.onsetAt)}${resolved ? `，已于 ${day(c.abatedAt)} 缓解` : ''}）`
        : `${c.display} (new during this stay, ${day(c.onsetAt)}${resolved ? `; resolved ${day(c.abatedAt)}` : ''})`,
      [c.id],
    );
  }
  for (const c of dedupe(diagnoses.filter((c) => activeAt(c, e.start) && !newIds.has(c.id)))) {
    const resolvedInStay = c.abatedAt !== null && c.abatedAt <= e.end;
    add(
      'discharge_diagnoses',
      resolvedInStay ? 'condition-resolved' : 'condition-ongoing',
      resolvedInStay
        ? zh
          ? `${conditionName(c.display)}（住院期间于 ${day(c.abatedAt)} 记录为缓解）`
          : `${c.display} (recorded as resolved during the stay, ${day(c.abatedAt)})`
        : zh
          ? `${conditionName(c.display)}（出院时仍为活动性）`
          : `${c.display} (still active at discharge)`,
      [c.id],
    );
  }

  for (const group of groupBy(stay.procedures, (p) => p.display)) {
    const first = group[0] as (typeof group)[number];
    const last = group.at(-1) as (typeof group)[number];
    const when = group.length === 1 ? day(first.performedAt) : `${day(first.performedAt)} – ${day(last.performedAt)}`;
    add(
      'procedures',
      'procedure',
      group.length === 1
        ? `${first.display} (${when})`
        : zh
          ? `${first.display} ×${group.length}（${when}）`
          : `${first.display} ×${group.length} (${when})`,
      group.map((p) => p.id),
    );
  }

  const results = summariseResults(stay, labs);
  for (const r of results) {
    const unit = r.unit ? ` ${r.unit}` : '';
    const flags = [...new Set(r.abnormal)].map((f) => flagLabel(f, zh)).join(zh ? '、' : ', ');
    const values =
      r.count === 1
        ? `${fmt(r.first)}${unit}`
        : zh
          ? `首次 ${fmt(r.first)}${unit}，末次 ${fmt(r.last)}${unit}，最低 ${fmt(r.min)}，最高 ${fmt(r.max)}（${r.count} 次，${trendLabel(r, zh)}）`
          : `first ${fmt(r.first)}${unit}, last ${fmt(r.last)}${unit}, min ${fmt(r.min)}, max ${fmt(r.max)} (${r.count} results, ${trendLabel(r, zh)})`;
    const flagText = flags ? (zh ? `；异常：${flags}` : `; abnormal: ${flags}`) : '';
    add(
      'key_results',
      'result',
      zh ? `${names.observation(r.code, r.display)?.zh ?? r.display}：${values}${flagText}` : `${r.display}: ${values}${flagText}`,
      r.observationIds,
    );
  }

  const reconciliation = reconcileMedications(stay.orders, { encounterId: e.id, start: e.start, end: e.end }, stay.inpatientEncounterEnds);
  for (const row of reconciliation.rows) {
    const before = row.admission?.dosageText ?? (zh ? '未记录剂量' : 'dose not recorded');
    const after = row.discharge?.dosageText ?? (zh ? '未记录剂量' : 'dose not recorded');
    const text = zh
      ? {
          started: `新开：${names.medication(row.display)?.zh ?? row.display}（${after}）`,
          stopped: `停用：${names.medication(row.display)?.zh ?? row.display}（入院时 ${before}）`,
          changed: `调整：${names.medication(row.display)?.zh ?? row.display}（${before} → ${after}）`,
          continued: `继续：${names.medication(row.display)?.zh ?? row.display}（${after}）`,
        }[row.status]
      : {
          started: `Started: ${row.display} (${after})`,
          stopped: `Stopped: ${row.display} (at admission: ${before})`,
          changed: `Changed: ${row.display} (${before} → ${after})`,
          continued: `Continued: ${row.display} (${after})`,
        }[row.status];
    add('medication_reconciliation', `medication-${row.status}`, text, row.recordIds);
  }
  for (const m of reconciliation.inpatient) {
    const span = m.first === m.last ? day(m.first) : `${day(m.first)} – ${day(m.last)}`;
    add(
      'medication_reconciliation',
      'medication-inpatient',
      zh
        ? `住院期间用药：${names.medication(m.display)?.zh ?? m.display}（${m.orderIds.length} 次医嘱，${span}）${m.onDischargeList ? '' : '，出院时未继续'}`
        : `Given during the stay: ${m.display} (${m.orderIds.length} orders, ${span})${m.onDischargeList ? '' : '; not continued at discharge'}`,
      m.orderIds,
    );
  }

  if (stay.patient.deceasedAt && stay.patient.deceasedAt >= e.start && stay.patient.deceasedAt <= e.end) {
    add(
      'condition_at_discharge',
      'death',
      zh ? `患者于 ${day(stay.patient.deceasedAt)} 住院期间死亡。` : `The patient died during the stay on ${day(stay.patient.deceasedAt)}.`,
      [stay.patient.id],
    );
  } else if (e.dischargeDisposition) {
    add(
      'condition_at_discharge',
      'disposition',
      zh ? `出院去向：${e.dischargeDisposition}` : `Discharge disposition: ${e.dischargeDisposition}`,
      [e.id],
    );
  }
  for (const f of stay.followUps) {
    add(
      'follow_up',
      'follow-up',
      zh
        ? `病历中记录的后续就诊：${day(f.start)}，${f.type ?? '就诊'}${f.reason ? `（${f.reason}）` : ''}`
        : `Follow-up visit in the record: ${day(f.start)}, ${f.type ?? 'encounter'}${f.reason ? ` (${f.reason})` : ''}`,
      [f.id],
    );
  }
  // Past history last, so the other facts keep their numbers whatever the history holds.
  for (const c of dedupe([...past].reverse()).reverse()) {
    const status = c.status && PAST_STATUSES.has(c.status) ? c.status : null;
    const statusText = status ? (zh ? { resolved: '已缓解', inactive: '非活动', remission: '缓解期' }[status] : status) : null;
    const details = [
      zh ? `起病 ${day(c.onsetAt)}` : `onset ${day(c.onsetAt)}`,
      ...(c.abatedAt
        ? [zh ? `${day(c.abatedAt)} 缓解` : `resolved ${day(c.abatedAt)}`]
        : statusText
          ? [zh ? `记录为${statusText}` : `recorded as ${statusText}`]
          : []),
    ];
    add(
      'past_history',
      'condition-past',
      zh ? `${conditionName(c.display)}（${details.join('，')}）` : `${c.display} (${details.join('; ')})`,
      [c.id],
    );
  }
  for (const d of stay.documents) {
    add('context', 'document', `${d.title} (${day(d.date)})${d.excerpt ? `: ${d.excerpt.replace(/\s+/g, ' ')}` : ''}`, [d.id]);
  }
  return { facts, reconciliation, results };
}

function dedupe<T extends { display: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (seen.has(row.display)) return false;
    seen.add(row.display);
    return true;
  });
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.values()];
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

function trendLabel(r: ResultSummary, zh: boolean): string {
  // Same 5 % display convention as the lab engine's trends (interpret-labs.ts STABLE_PERCENT).
  const change = r.first === 0 ? r.last - r.first : (r.last - r.first) / Math.abs(r.first);
  if (Math.abs(change) < 0.05) return zh ? '基本稳定' : 'stable';
  return change > 0 ? (zh ? '上升' : 'rising') : zh ? '下降' : 'falling';
}

function flagLabel(flag: LabFlag, zh: boolean): string {
  const labels: Record<LabFlag, [string, string]> = {
    low: ['偏低', 'low'],
    high: ['偏高', 'high'],
    'critical-low': ['危急低值', 'critically low'],
    'critical-high': ['危急高值', 'critically high'],
    normal: ['正常', 'normal'],
    unknown: ['异常', 'abnormal'],
  };
  return labels[flag][zh ? 0 : 1];
}

/** Record interpretation codes (HL7 v3 ObservationInterpretation) as lab flags. */
const RECORD_FLAGS: Record<string, LabFlag> = {
  H: 'high',
  L: 'low',
  HH: 'critical-high',
  LL: 'critical-low',
  N: 'normal',
  A: 'unknown',
  AA: 'unknown',
};

function summariseResults(stay: StayRecord, labs: LabIndex): ResultSummary[] {
  const numeric = stay.observations.filter((o): o is typeof o & { value: number } => o.value !== null);
  const engine = interpretLabs(labs, {
    ...(stay.patient.sex ? { sex: stay.patient.sex } : {}),
    ...(stay.patient.ageAtAdmission !== null ? { age: stay.patient.ageAtAdmission } : {}),
    results: numeric.map((o) => ({
      test: o.code ?? o.display,
      value: o.value,
      ...(o.unit ? { unit: o.unit } : {}),
      ...(o.at ? { time: o.at } : {}),
    })),
  });
  const flagOf = (i: number): LabFlag => {
    const o = numeric[i] as (typeof numeric)[number];
    const fromEngine = engine.results[i]?.flag;
    if (fromEngine && fromEngine !== 'unknown') return fromEngine;
    if (o.interpretation && RECORD_FLAGS[o.interpretation]) return RECORD_FLAGS[o.interpretation] as LabFlag;
    if (o.low !== null && o.value < o.low) return 'low';
    if (o.high !== null && o.value > o.high) return 'high';
    return o.low !== null || o.high !== null ? 'normal' : 'unknown';
  };
  const groups = new Map<string, ResultSummary>();
  numeric.forEach((o, i) => {
    const key = o.code ?? o.display;
    const flag = flagOf(i);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, {
        code: o.code,
        display: o.display,
        unit: o.unit,
        count: 1,
        first: o.value,
        last: o.value,
        min: o.value,
        max: o.value,
        abnormal: flag === 'normal' || (flag === 'unknown' && !o.interpretation) ? [] : [flag],
        observationIds: [o.id],
      });
      return;
    }
    g.count += 1;
    g.last = o.value;
    g.min = Math.min(g.min, o.value);
    g.max = Math.max(g.max, o.value);
    if (flag !== 'normal' && !(flag === 'unknown' && !o.interpretation)) g.abnormal.push(flag);
    g.observationIds.push(o.id);
  });
  return [...groups.values()];
}

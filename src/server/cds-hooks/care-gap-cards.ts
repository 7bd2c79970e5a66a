import { randomUUID } from 'node:crypto';
import type { CdsCard, CdsHookRequest } from '../../api/cds-hooks-types.js';
import { type CareGap, type CareGapDomain, type CareGapPatient, findCareGaps } from '../../engines/care-gaps/index.js';
import type { KnowledgeEngines } from '../../engines/knowledge-engines.js';
import type { Bilingual } from '../../knowledge/index.js';
import type { Locale } from '../../shared/locale.js';
import type { Store } from '../../store/database.js';
import { careGapPatientFromRecord, todayUtc } from '../../workflows/decision/care-gaps.js';
import { conceptText, patientFacts, resourcesOf } from './fhir-extract.js';

/**
 * patient-view care gaps: the patient's problems, medications, results and procedures from the
 * prefetch where the client sent them, else from Suwen's record; a kind of data neither holds is
 * reported unavailable, so the rules that need it stay silent rather than flag a false gap.
 */

type Json = Record<string, unknown>;
const obj = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

function codesOf(concept: unknown): string[] {
  const coding = obj(concept)?.coding;
  return Array.isArray(coding) ? coding.flatMap((c) => str(obj(c)?.code) ?? []).slice(0, 10) : [];
}
const statusCode = (concept: unknown) => codesOf(concept)[0];
const ref = (type: string, resource: Json) => (str(resource.id) ? `${type}/${str(resource.id)}` : undefined);
const withRef = (type: string, resource: Json) => {
  const r = ref(type, resource);
  return r ? { ref: r } : {};
};

const INACTIVE_CONDITION = new Set(['inactive', 'resolved', 'remission']);
const UNCONFIRMED = new Set(['refuted', 'entered-in-error']);

function prefetchConditions(value: unknown): CareGapPatient['conditions'] {
  return resourcesOf(value, 'Condition').flatMap((c) => {
    const clinical = statusCode(c.clinicalStatus);
    const verification = statusCode(c.verificationStatus);
    if ((clinical && INACTIVE_CONDITION.has(clinical)) || (verification && UNCONFIRMED.has(verification))) return [];
    const text = conceptText(c.code);
    if (!text) return [];
    const onset = str(c.onsetDateTime) ?? str(obj(c.onsetPeriod)?.start) ?? str(c.recordedDate);
    return [{ ...withRef('Condition', c), codes: codesOf(c.code), text: text.slice(0, 300), ...(onset ? { onset } : {}) }];
  });
}

function prefetchMedications(value: unknown, knowledge: KnowledgeEngines): CareGapPatient['medications'] {
  return resourcesOf(value, 'MedicationRequest')
    .filter((m) => m.status === undefined || m.status === 'active')
    .flatMap((m) => {
      const name = conceptText(m.medicationCodeableConcept) ?? str(obj(m.medicationReference)?.display);
      if (!name) return [];
      const resolved = knowledge.medications.resolve(name.slice(0, 200));
      const since = str(m.authoredOn);
      return [
        {
          ...withRef('MedicationRequest', m),
          name: name.slice(0, 200),
          ...(resolved ? { kbId: resolved.id } : {}),
          ...(resolved?.drug?.atc ? { atc: resolved.drug.atc } : {}),
          ...(since ? { since } : {}),
        },
      ];
    });
}

function prefetchObservations(value: unknown): CareGapPatient['observations'] {
  return resourcesOf(value, 'Observation').flatMap((o) => {
    if (o.status === 'entered-in-error' || o.status === 'cancelled') return [];
    const at = str(o.effectiveDateTime) ?? str(obj(o.effectivePeriod)?.start) ?? str(o.issued);
    const text = conceptText(o.code);
    if (!at || !text) return [];
    const quantity = obj(o.valueQuantity);
    const value = typeof quantity?.value === 'number' ? quantity.value : undefined;
    const unit = str(quantity?.unit) ?? str(quantity?.code);
    return [
      {
        ...withRef('Observation', o),
        codes: codesOf(o.code),
        text,
        at,
        ...(value !== undefined ? { value } : {}),
        ...(unit ? { unit } : {}),
      },
    ];
  });
}

function prefetchProcedures(value: unknown): CareGapPatient['procedures'] {
  return resourcesOf(value, 'Procedure').flatMap((p) => {
    if (p.status !== undefined && p.status !== 'completed') return [];
    const at = str(p.performedDateTime) ?? str(obj(p.performedPeriod)?.start);
    const text = conceptText(p.code);
    return at && text ? [{ ...withRef('Procedure', p), codes: codesOf(p.code), text, at }] : [];
  });
}

export interface CareGapCardsResult {
  cards: CdsCard[];
  /** Whether Suwen's record of `context.patientId` was read. */
  usedRecord: boolean;
  source: 'prefetch' | 'record' | 'mixed' | 'none';
}

/**
 * Whether a service may read Suwen's record of the request's patient: asked of the record layer
 * once per hook call (checked and audited as a `patient.read` from source cds-hooks), and only
 * when a fact is missing from the prefetch.
 */
export type RecordGate = () => Promise<boolean>;

/** The care-gap input from the prefetch, filling what it lacks from Suwen's record. */
async function careGapInput(request: CdsHookRequest, deps: { store: Store; knowledge: KnowledgeEngines }, mayReadRecord: RecordGate) {
  const prefetch = request.prefetch ?? {};
  const has = (key: string) => key in prefetch;
  const keys = ['patient', 'conditions', 'medications', 'labs', 'vitals', 'procedures'];
  const needsRecord = keys.some((key) => !has(key));
  const asOf = todayUtc();
  const record = needsRecord && (await mayReadRecord()) ? await careGapPatientFromRecord(deps, request.context.patientId, asOf) : null;
  const unavailable: CareGapDomain[] = [];
  const pick = <T>(key: string, domain: CareGapDomain, fromPrefetch: () => T[], fromRecord: T[] | undefined): T[] => {
    if (has(key)) return fromPrefetch();
    if (fromRecord) return fromRecord;
    unavailable.push(domain);
    return [];
  };
  const facts = has('patient') ? patientFacts(prefetch.patient) : { age: record?.age, sex: record?.sex };
  const deceased = has('patient') ? resourcesOf(prefetch.patient, 'Patient')[0] : undefined;
  const deceasedAt = deceased
    ? (str(deceased.deceasedDateTime) ?? (deceased.deceasedBoolean === true ? asOf : undefined))
    : record?.deceasedAt;
  const input: CareGapPatient = {
    asOf,
    ...(facts.age !== undefined ? { age: facts.age } : {}),
    ...(facts.sex !== undefined ? { sex: facts.sex } : {}),
    ...(deceasedAt ? { deceasedAt } : {}),
    conditions: pick('conditions', 'conditions', () => prefetchConditions(prefetch.conditions), record?.conditions),
    medications: pick('medications', 'medications', () => prefetchMedications(prefetch.medications, deps.knowledge), record?.medications),
    observations: [
      ...pick('labs', 'labs', () => prefetchObservations(prefetch.labs), record?.observations),
      // Record observations hold labs and vitals alike: taken once, under whichever key is missing first.
      ...pick(
        'vitals',
        'vitals',
        () => prefetchObservations(prefetch.vitals),
        record ? (has('labs') ? record.observations : []) : undefined,
      ),
    ],
    procedures: pick('procedures', 'procedures', () => prefetchProcedures(prefetch.procedures), record?.procedures),
    unavailable,
  };
  const source = !record ? (keys.some(has) ? 'prefetch' : 'none') : keys.some(has) ? 'mixed' : 'record';
  return { input, usedRecord: record !== null, source } as const;
}

const TEXT = {
  gap: { en: 'Care gap', zh: '待补项目' },
  why: { en: 'Why', zh: '依据' },
  closes: { en: 'Closed by', zh: '满足以下任一项即可' },
  source: { en: 'Source', zh: '来源' },
  notFound: { en: 'not found in the record', zh: '记录中未见' },
  disclaimer: {
    en: 'Decision support from Suwen for the treating clinician, from the record as sent; data held elsewhere may close this gap.',
    zh: '素问提供的临床决策支持，供主治医生参考；依据所提供的记录，其他系统中的资料可能已满足此项。',
  },
} satisfies Record<string, Bilingual>;

const pick = (text: Bilingual, locale: Locale) => (locale === 'zh-CN' ? text.zh : text.en);

/** One info card per gap: no suggestions and no links in the detail; the guideline is the source label. */
export function careGapCard(gap: CareGap, locale: Locale): CdsCard {
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const summary = `${pick(TEXT.gap, locale)}${colon}${pick(gap.title, locale)}`;
  const facts = gap.facts.map((fact) => {
    const value = fact.kind === 'absent' ? pick(TEXT.notFound, locale) : fact.value;
    return `- ${pick(fact.label, locale)}${colon}${value}${fact.date ? ` (${fact.date})` : ''}`;
  });
  const source = gap.source;
  const detail = [
    pick(gap.reason, locale),
    `**${pick(TEXT.why, locale)}**\n\n${facts.join('\n')}`,
    pick(gap.detail, locale),
    `**${pick(TEXT.closes, locale)}**${colon}${gap.closedBy.map((c) => pick(c, locale)).join(locale === 'zh-CN' ? '；' : '; ')}${locale === 'zh-CN' ? '。' : '. '}${pick(gap.action, locale)}`,
    `*${pick(TEXT.source, locale)}:* ${source.publication} — ${source.section}`,
    `_${pick(TEXT.disclaimer, locale)}_`,
  ].join('\n\n');
  return {
    uuid: randomUUID(),
    summary: summary.length < 140 ? summary : `${summary.slice(0, 138)}…`,
    detail,
    indicator: 'info',
    source: { label: source.label, ...(source.url ? { url: source.url } : {}) },
  };
}

/** The care-gap cards for a patient-view request. */
export async function careGapCardsForRequest(
  request: CdsHookRequest,
  locale: Locale,
  deps: { store: Store; knowledge: KnowledgeEngines },
  mayReadRecord: RecordGate,
): Promise<CareGapCardsResult> {
  const { input, usedRecord, source } = await careGapInput(request, deps, mayReadRecord);
  const result = findCareGaps(input);
  return { cards: result.gaps.map((gap) => careGapCard(gap, locale)), usedRecord, source };
}

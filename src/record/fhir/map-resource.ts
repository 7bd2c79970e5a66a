/**
 * Maps a validated FHIR R4 resource to one row of Suwen's database: typed columns for querying,
 * plus the original resource as JSON text so nothing the source said is lost.
 */
import type { Insertable } from 'kysely';
import { toUtcIso } from '../../shared/ids.js';
import type {
  AllergyTable,
  ConditionTable,
  DocumentTable,
  EncounterTable,
  MedicationTable,
  ObservationTable,
  PatientTable,
  ProcedureTable,
} from '../../store/schema.js';
import {
  type AllergyIntoleranceResource,
  type CodeableConcept,
  type ConditionResource,
  type DocumentReferenceResource,
  type Dosage,
  type EncounterResource,
  type MedicationRequestResource,
  type MedicationStatementResource,
  type ObservationResource,
  type PatientResource,
  type ProcedureResource,
  referencedId,
  type SupportedResource,
} from './fhir-resources.js';

export type MappedRow =
  | { table: 'patients'; row: Insertable<PatientTable> }
  | { table: 'encounters'; row: Insertable<EncounterTable> }
  | { table: 'conditions'; row: Insertable<ConditionTable> }
  | { table: 'medications'; row: Insertable<MedicationTable> }
  | { table: 'allergies'; row: Insertable<AllergyTable> }
  | { table: 'observations'; row: Insertable<ObservationTable> }
  | { table: 'procedures'; row: Insertable<ProcedureTable> }
  | { table: 'documents'; row: Insertable<DocumentTable> };

export type RecordTable = MappedRow['table'];

export interface MapContext {
  /** Resolves a reference to a patient known to this import or the database; null when unknown. */
  resolvePatient(reference: string): string | null;
  /** Resolves `urn:uuid:` references of a bundle to the resource's id; null when not in the bundle. */
  resolveUrn(urn: string): string | null;
  /** Import time, for created_at / updated_at. */
  now: string;
  /** Where patients came from, stored in patients.source. */
  source: string;
}

export type MapResult = { ok: true; mapped: MappedRow } | { ok: false; problem: string };

/** The raw reference to the resource's patient, or null for a Patient. */
export function patientReferenceOf(resource: SupportedResource): string | null {
  if (resource.resourceType === 'Patient') return null;
  return resource.resourceType === 'AllergyIntolerance' ? resource.patient.reference : resource.subject.reference;
}

export function mapResource(resource: SupportedResource, ctx: MapContext): MapResult {
  if (resource.resourceType === 'Patient') return { ok: true, mapped: { table: 'patients', row: mapPatient(resource, ctx) } };
  const reference = patientReferenceOf(resource) ?? '';
  const patientId = ctx.resolvePatient(reference);
  if (!patientId) {
    const field = resource.resourceType === 'AllergyIntolerance' ? 'patient' : 'subject';
    return { ok: false, problem: `${resource.resourceType}.${field}: patient not found in this import or in the database` };
  }
  const base = { id: resource.id, patient_id: patientId, resource: JSON.stringify(resource), created_at: ctx.now };
  const encounterOf = (ref: string | undefined): string | null => {
    const id = referencedId(ref, 'Encounter');
    if (!id?.startsWith('urn:')) return id;
    return ctx.resolveUrn(id) ?? /^urn:uuid:([A-Za-z0-9\-.]{1,64})$/.exec(id)?.[1] ?? null;
  };
  switch (resource.resourceType) {
    case 'Encounter':
      return ok({ table: 'encounters', row: { ...base, encounter_id: null, ...encounterColumns(resource) } });
    case 'Condition':
      return ok({
        table: 'conditions',
        row: { ...base, encounter_id: encounterOf(resource.encounter?.reference), ...conditionColumns(resource) },
      });
    case 'MedicationRequest':
    case 'MedicationStatement': {
      const encounter = resource.resourceType === 'MedicationRequest' ? resource.encounter : resource.context;
      return ok({
        table: 'medications',
        row: { ...base, encounter_id: encounterOf(encounter?.reference), ...medicationColumns(resource) },
      });
    }
    case 'AllergyIntolerance':
      return ok({
        table: 'allergies',
        row: { ...base, encounter_id: encounterOf(resource.encounter?.reference), ...allergyColumns(resource) },
      });
    case 'Observation':
      return ok({
        table: 'observations',
        row: { ...base, encounter_id: encounterOf(resource.encounter?.reference), ...observationColumns(resource) },
      });
    case 'Procedure':
      return ok({
        table: 'procedures',
        row: { ...base, encounter_id: encounterOf(resource.encounter?.reference), ...procedureColumns(resource) },
      });
    case 'DocumentReference':
      return ok({
        table: 'documents',
        row: { ...base, encounter_id: encounterOf(resource.context?.encounter?.[0]?.reference), ...documentColumns(resource) },
      });
  }
}

function ok(mapped: MappedRow): MapResult {
  return { ok: true, mapped };
}

function firstCoding(concept: CodeableConcept | undefined) {
  return concept?.coding?.find((c) => c.code || c.display) ?? concept?.coding?.[0];
}

/** What a person reads for a concept: its text, else the first coding's display, else its code. */
function conceptText(concept: CodeableConcept | undefined): string | null {
  if (!concept) return null;
  const coding = firstCoding(concept);
  return concept.text || coding?.display || coding?.code || null;
}

function conceptCode(concept: CodeableConcept | undefined): string | null {
  return firstCoding(concept)?.code ?? null;
}

function joinDistinct(values: (string | null | undefined)[], separator: string): string | null {
  const distinct = [...new Set(values.filter((v): v is string => Boolean(v)))];
  return distinct.length > 0 ? distinct.join(separator) : null;
}

// Han, kana and Hangul: such names are written family name first, without a space (张伟, not 伟 张).
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

export function patientNameColumns(resource: Pick<PatientResource, 'name'>) {
  const name = resource.name?.find((n) => n.use === 'official') ?? resource.name?.[0];
  const family = name?.family?.trim() || null;
  const givenParts = (name?.given ?? []).map((g) => g.trim()).filter(Boolean);
  const cjk = CJK.test(`${family ?? ''}${givenParts.join('')}`);
  const given = givenParts.length > 0 ? givenParts.join(cjk ? '' : ' ') : null;
  const composed = cjk ? `${family ?? ''}${given ?? ''}` : [given, family].filter(Boolean).join(' ');
  const text = composed || name?.text?.trim() || resource.name?.find((n) => n.text)?.text?.trim() || '';
  return { family_name: family, given_name: given, name_text: text };
}

function mapPatient(resource: PatientResource, ctx: MapContext): Insertable<PatientTable> {
  const names = patientNameColumns(resource);
  const mrnIdentifier =
    resource.identifier?.find((i) => i.value && i.type?.coding?.some((c) => c.code === 'MR')) ?? resource.identifier?.find((i) => i.value);
  const mrn = mrnIdentifier?.value ?? null;
  const birthDate = resource.birthDate ?? null;
  const phone = resource.telecom?.find((t) => t.system === 'phone' && t.value)?.value ?? null;
  const address = resource.address?.find((a) => a.text || a.line || a.city);
  const addressText = address
    ? address.text || joinDistinct([...(address.line ?? []), address.city, address.state, address.postalCode, address.country], ', ')
    : null;
  const communication = resource.communication?.find((c) => c.preferred) ?? resource.communication?.[0];
  return {
    id: resource.id,
    mrn,
    ...names,
    gender: resource.gender ?? null,
    birth_date: birthDate,
    deceased_at: toUtcIso(resource.deceasedDateTime),
    phone,
    address_text: addressText,
    language: conceptCode(communication?.language) ?? communication?.language.text ?? null,
    search_text: [names.name_text, mrn, birthDate].filter(Boolean).join(' ').toLowerCase(),
    resource: JSON.stringify(resource),
    source: ctx.source,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
}

function encounterColumns(r: EncounterResource) {
  return {
    status: r.status,
    class_code: r.class?.code ?? null,
    type_text: conceptText(r.type?.[0]),
    reason_text: joinDistinct((r.reasonCode ?? []).map(conceptText), '; '),
    period_start: toUtcIso(r.period?.start),
    period_end: toUtcIso(r.period?.end),
    provider_text: r.participant?.find((p) => p.individual?.display)?.individual?.display ?? r.serviceProvider?.display ?? null,
  };
}

function conditionColumns(r: ConditionResource) {
  const coding = firstCoding(r.code);
  return {
    code_system: coding?.system ?? null,
    code: coding?.code ?? null,
    display: conceptText(r.code) ?? '',
    clinical_status: conceptCode(r.clinicalStatus),
    onset_at: toUtcIso(r.onsetDateTime ?? r.onsetPeriod?.start),
    abated_at: toUtcIso(r.abatementDateTime ?? r.abatementPeriod?.start),
    recorded_at: toUtcIso(r.recordedDate),
  };
}

/** The medication concept: inline, from a contained Medication (`#id`), or only a reference display. */
function medicationConcept(r: MedicationRequestResource | MedicationStatementResource): CodeableConcept {
  if (r.medicationCodeableConcept) return r.medicationCodeableConcept;
  const ref = r.medicationReference?.reference;
  const contained = ref?.startsWith('#') ? r.contained?.find((c) => c.resourceType === 'Medication' && c.id === ref.slice(1)) : undefined;
  const text = contained?.code?.text ?? r.medicationReference?.display;
  return { ...contained?.code, ...(text ? { text } : {}) };
}

export function describeDosage(dosage: Dosage): string | null {
  if (dosage.text) return dosage.text;
  const dose = dosage.doseAndRate?.find((d) => d.doseQuantity)?.doseQuantity;
  const repeat = dosage.timing?.repeat;
  const parts = [
    dose?.value !== undefined ? `dose ${dose.value}${dose.unit ? ` ${dose.unit}` : ''}` : null,
    repeat?.frequency !== undefined && repeat.periodUnit ? `${repeat.frequency}× per ${repeat.period ?? 1} ${repeat.periodUnit}` : null,
    dosage.asNeededBoolean ? 'as needed' : null,
  ];
  return joinDistinct(parts, ', ');
}

function medicationColumns(r: MedicationRequestResource | MedicationStatementResource) {
  const concept = medicationConcept(r);
  const coding = firstCoding(concept);
  const isRequest = r.resourceType === 'MedicationRequest';
  const dosages = (isRequest ? r.dosageInstruction : r.dosage) ?? [];
  return {
    status: r.status,
    code_system: coding?.system ?? null,
    code: coding?.code ?? null,
    display: conceptText(concept) ?? '',
    authored_at: toUtcIso(isRequest ? r.authoredOn : (r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.dateAsserted)),
    dosage_text: joinDistinct(dosages.map(describeDosage), '; '),
  };
}

function allergyColumns(r: AllergyIntoleranceResource) {
  const manifestations = (r.reaction ?? []).flatMap((reaction) => (reaction.manifestation ?? []).map(conceptText));
  return {
    code: conceptCode(r.code),
    display: conceptText(r.code) ?? '',
    category: r.category?.[0] ?? null,
    criticality: r.criticality ?? null,
    clinical_status: conceptCode(r.clinicalStatus),
    reaction_text: joinDistinct(manifestations, ', '),
    recorded_at: toUtcIso(r.recordedDate ?? r.onsetDateTime),
  };
}

function observationColumns(r: ObservationResource) {
  const coding = firstCoding(r.code);
  const range = r.referenceRange?.[0];
  let valueText: string | null = r.valueString ?? conceptText(r.valueCodeableConcept);
  if (valueText === null && r.valueBoolean !== undefined) valueText = String(r.valueBoolean);
  return {
    category: conceptCode(r.category?.[0]) ?? r.category?.[0]?.text ?? null,
    code_system: coding?.system ?? null,
    code: coding?.code ?? null,
    display: conceptText(r.code) ?? '',
    value_num: r.valueQuantity?.value ?? r.valueInteger ?? null,
    value_text: valueText,
    unit: r.valueQuantity?.unit ?? r.valueQuantity?.code ?? null,
    reference_low: range?.low?.value ?? null,
    reference_high: range?.high?.value ?? null,
    interpretation: conceptCode(r.interpretation?.[0]),
    effective_at: toUtcIso(r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.effectiveInstant ?? r.issued),
  };
}

function procedureColumns(r: ProcedureResource) {
  return {
    status: r.status,
    code: conceptCode(r.code),
    display: conceptText(r.code) ?? '',
    performed_at: toUtcIso(r.performedDateTime ?? r.performedPeriod?.start),
  };
}

function documentColumns(r: DocumentReferenceResource) {
  const attachments = r.content.map((c) => c.attachment);
  const textual = attachments.find((a) => a.data && /^text\//i.test(a.contentType ?? ''));
  const typeText = conceptText(r.type);
  return {
    type_text: typeText,
    title: r.description || typeText || attachments.find((a) => a.title)?.title || 'Document',
    content_type: (textual ?? attachments[0])?.contentType ?? null,
    // FHIR attachments carry base64; Suwen stores text bodies decoded so they can be searched and summarised.
    body: textual?.data ? Buffer.from(textual.data, 'base64').toString('utf8') : null,
    author_text: r.author?.find((a) => a.display)?.display ?? null,
    date: toUtcIso(r.date ?? r.context?.period?.start),
  };
}

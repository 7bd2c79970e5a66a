/**
 * Loose zod schemas for the FHIR R4 resources Suwen stores. They check only what the mapping to
 * database rows relies on (type, id, patient reference, code, required status fields) and keep
 * every other field untouched, so the original resource can be stored and exported as it came.
 * Problem messages name the field, never its value: values may be patient data.
 */
import { z } from 'zod';

export const coding = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});

export const codeableConcept = z.looseObject({
  coding: z.array(coding).optional(),
  text: z.string().optional(),
});

export const reference = z.looseObject({
  reference: z.string().optional(),
  display: z.string().optional(),
});

const period = z.looseObject({ start: z.string().optional(), end: z.string().optional() });
const quantity = z.looseObject({
  value: z.number().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});

export type Coding = z.infer<typeof coding>;
export type CodeableConcept = z.infer<typeof codeableConcept>;
export type Reference = z.infer<typeof reference>;

/** A parsed reference to a patient: a plain id, a bundle-local `urn:uuid:`, or a conditional identifier search. */
export type PatientReference =
  | { kind: 'id'; id: string }
  | { kind: 'urn'; urn: string }
  | { kind: 'identifier'; system: string | null; value: string };

/** Reads `Patient/<id>`, `…/Patient/<id>[/_history/n]`, `urn:uuid:<id>` or `Patient?identifier=[system|]value`. */
export function parsePatientReference(ref: string): PatientReference | null {
  if (ref.startsWith('urn:uuid:') || ref.startsWith('urn:oid:')) return { kind: 'urn', urn: ref };
  const conditional = /^(?:.*\/)?Patient\?(.*)$/.exec(ref);
  if (conditional) {
    const identifier = new URLSearchParams(conditional[1]).get('identifier');
    if (!identifier) return null;
    const bar = identifier.lastIndexOf('|');
    const value = bar < 0 ? identifier : identifier.slice(bar + 1);
    if (!value) return null;
    return { kind: 'identifier', system: bar > 0 ? identifier.slice(0, bar) : null, value };
  }
  const literal = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref);
  return literal?.[1] ? { kind: 'id', id: literal[1] } : null;
}

/** The id in `Type/<id>` (or an absolute URL ending so); `urn:uuid:` references are returned whole. */
export function referencedId(ref: string | undefined, type: string): string | null {
  if (!ref) return null;
  if (ref.startsWith('urn:')) return ref;
  const match = new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$`).exec(ref);
  return match?.[1] ?? null;
}

function patientReferenceProblem(value: unknown): string {
  const ref = (value as { reference?: unknown } | undefined)?.reference;
  if (typeof ref !== 'string' || ref === '') return 'missing reference to a patient';
  const type = /^(?:.*\/)?([A-Z][A-Za-z]+)[/?]/.exec(ref)?.[1];
  return type && type !== 'Patient'
    ? `must reference a Patient, not a ${type}`
    : 'expected Patient/<id>, urn:uuid:<id> or Patient?identifier=<system>|<value>';
}

/** A reference that must point at a patient; required even though some R4 resources make it optional. */
const patientReference = z.custom<Reference & { reference: string }>(
  (value) => {
    const ref = (value as { reference?: unknown } | undefined)?.reference;
    return typeof ref === 'string' && parsePatientReference(ref) !== null;
  },
  { error: (issue) => patientReferenceProblem(issue.input) },
);

/** Suwen needs something to show for a coded item: a text or a coding with a display or code. */
const namedConcept = codeableConcept.refine((concept) => Boolean(concept.text || concept.coding?.some((c) => c.display || c.code)), {
  error: 'needs a text or a coding with a code or display',
});

const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be 1–64 letters, digits, "-" or "."');

const humanName = z.looseObject({
  use: z.string().optional(),
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
});

export const patientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  id,
  identifier: z
    .array(z.looseObject({ type: codeableConcept.optional(), system: z.string().optional(), value: z.string().optional() }))
    .optional(),
  name: z.array(humanName).optional(),
  telecom: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional(), use: z.string().optional() })).optional(),
  gender: z.string().optional(),
  birthDate: z.string().optional(),
  deceasedDateTime: z.string().optional(),
  address: z
    .array(
      z.looseObject({
        text: z.string().optional(),
        line: z.array(z.string()).optional(),
        city: z.string().optional(),
        state: z.string().optional(),
        postalCode: z.string().optional(),
        country: z.string().optional(),
      }),
    )
    .optional(),
  communication: z.array(z.looseObject({ language: codeableConcept, preferred: z.boolean().optional() })).optional(),
});

export const encounterSchema = z.looseObject({
  resourceType: z.literal('Encounter'),
  id,
  status: z.string(),
  class: coding.optional(),
  type: z.array(codeableConcept).optional(),
  subject: patientReference,
  participant: z.array(z.looseObject({ individual: reference.optional() })).optional(),
  period: period.optional(),
  reasonCode: z.array(codeableConcept).optional(),
  serviceProvider: reference.optional(),
});

export const conditionSchema = z.looseObject({
  resourceType: z.literal('Condition'),
  id,
  clinicalStatus: codeableConcept.optional(),
  code: namedConcept,
  subject: patientReference,
  encounter: reference.optional(),
  onsetDateTime: z.string().optional(),
  onsetPeriod: period.optional(),
  abatementDateTime: z.string().optional(),
  abatementPeriod: period.optional(),
  recordedDate: z.string().optional(),
});

const dosage = z.looseObject({
  text: z.string().optional(),
  timing: z
    .looseObject({
      repeat: z
        .looseObject({ frequency: z.number().optional(), period: z.number().optional(), periodUnit: z.string().optional() })
        .optional(),
    })
    .optional(),
  asNeededBoolean: z.boolean().optional(),
  doseAndRate: z.array(z.looseObject({ doseQuantity: quantity.optional() })).optional(),
});
export type Dosage = z.infer<typeof dosage>;

/** medication[x]: a concept, or a reference (to a contained Medication or with a display). */
const medicationFields = {
  id,
  status: z.string(),
  medicationCodeableConcept: namedConcept.optional(),
  medicationReference: reference.optional(),
  contained: z.array(z.looseObject({ resourceType: z.string(), id: z.string().optional(), code: codeableConcept.optional() })).optional(),
  subject: patientReference,
};

function hasMedication(resource: { medicationCodeableConcept?: unknown; medicationReference?: Reference | undefined }): boolean {
  return Boolean(resource.medicationCodeableConcept || resource.medicationReference?.reference || resource.medicationReference?.display);
}
const medicationProblem = { error: 'missing medication[x]: medicationCodeableConcept or medicationReference', path: ['medication[x]'] };

export const medicationRequestSchema = z
  .looseObject({
    resourceType: z.literal('MedicationRequest'),
    ...medicationFields,
    encounter: reference.optional(),
    authoredOn: z.string().optional(),
    dosageInstruction: z.array(dosage).optional(),
  })
  .refine(hasMedication, medicationProblem);

export const medicationStatementSchema = z
  .looseObject({
    resourceType: z.literal('MedicationStatement'),
    ...medicationFields,
    context: reference.optional(),
    effectiveDateTime: z.string().optional(),
    effectivePeriod: period.optional(),
    dateAsserted: z.string().optional(),
    dosage: z.array(dosage).optional(),
  })
  .refine(hasMedication, medicationProblem);

export const allergyIntoleranceSchema = z.looseObject({
  resourceType: z.literal('AllergyIntolerance'),
  id,
  clinicalStatus: codeableConcept.optional(),
  category: z.array(z.string()).optional(),
  criticality: z.string().optional(),
  code: namedConcept,
  patient: patientReference,
  encounter: reference.optional(),
  onsetDateTime: z.string().optional(),
  recordedDate: z.string().optional(),
  reaction: z.array(z.looseObject({ manifestation: z.array(codeableConcept).optional() })).optional(),
});

export const observationSchema = z.looseObject({
  resourceType: z.literal('Observation'),
  id,
  status: z.string(),
  category: z.array(codeableConcept).optional(),
  code: namedConcept,
  subject: patientReference,
  encounter: reference.optional(),
  effectiveDateTime: z.string().optional(),
  effectiveInstant: z.string().optional(),
  effectivePeriod: period.optional(),
  issued: z.string().optional(),
  valueQuantity: quantity.optional(),
  valueString: z.string().optional(),
  valueCodeableConcept: codeableConcept.optional(),
  valueInteger: z.number().optional(),
  valueBoolean: z.boolean().optional(),
  interpretation: z.array(codeableConcept).optional(),
  referenceRange: z.array(z.looseObject({ low: quantity.optional(), high: quantity.optional() })).optional(),
});

export const procedureSchema = z.looseObject({
  resourceType: z.literal('Procedure'),
  id,
  status: z.string(),
  code: namedConcept,
  subject: patientReference,
  encounter: reference.optional(),
  performedDateTime: z.string().optional(),
  performedPeriod: period.optional(),
});

const attachment = z.looseObject({
  contentType: z.string().optional(),
  data: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
});

export const documentReferenceSchema = z.looseObject({
  resourceType: z.literal('DocumentReference'),
  id,
  status: z.string(),
  type: codeableConcept.optional(),
  subject: patientReference,
  date: z.string().optional(),
  author: z.array(reference).optional(),
  description: z.string().optional(),
  content: z.array(z.looseObject({ attachment })).min(1),
  context: z.looseObject({ encounter: z.array(reference).optional(), period: period.optional() }).optional(),
});

export const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string(),
  entry: z.array(
    z.looseObject({
      fullUrl: z.string().optional(),
      resource: z.looseObject({ resourceType: z.string() }).optional(),
      request: z.looseObject({ method: z.string().optional() }).optional(),
    }),
  ),
});

export type PatientResource = z.infer<typeof patientSchema>;
export type EncounterResource = z.infer<typeof encounterSchema>;
export type ConditionResource = z.infer<typeof conditionSchema>;
export type MedicationRequestResource = z.infer<typeof medicationRequestSchema>;
export type MedicationStatementResource = z.infer<typeof medicationStatementSchema>;
export type AllergyIntoleranceResource = z.infer<typeof allergyIntoleranceSchema>;
export type ObservationResource = z.infer<typeof observationSchema>;
export type ProcedureResource = z.infer<typeof procedureSchema>;
export type DocumentReferenceResource = z.infer<typeof documentReferenceSchema>;
export type Bundle = z.infer<typeof bundleSchema>;

export const RESOURCE_SCHEMAS = {
  Patient: patientSchema,
  Encounter: encounterSchema,
  Condition: conditionSchema,
  MedicationRequest: medicationRequestSchema,
  MedicationStatement: medicationStatementSchema,
  AllergyIntolerance: allergyIntoleranceSchema,
  Observation: observationSchema,
  Procedure: procedureSchema,
  DocumentReference: documentReferenceSchema,
} as const;

export type SupportedResourceType = keyof typeof RESOURCE_SCHEMAS;
export type SupportedResource =
  | PatientResource
  | EncounterResource
  | ConditionResource
  | MedicationRequestResource
  | MedicationStatementResource
  | AllergyIntoleranceResource
  | ObservationResource
  | ProcedureResource
  | DocumentReferenceResource;

export function isSupportedResourceType(type: string): type is SupportedResourceType {
  return Object.hasOwn(RESOURCE_SCHEMAS, type);
}

function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'missing' : `expected ${issue.expected}`;
  if (issue.code === 'too_small') return 'must not be empty';
  if (issue.code === 'invalid_value') return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  return undefined;
}

export type ValidationResult = { ok: true; resource: SupportedResource } | { ok: false; problems: string[] };

/**
 * Checks a resource of a supported type. Problems read `Observation.subject: missing reference to
 * a patient`; they name fields only, so they are safe to print and log.
 */
export function validateResource(type: SupportedResourceType, value: unknown): ValidationResult {
  const result = RESOURCE_SCHEMAS[type].safeParse(value, { error: describeIssue });
  if (result.success) return { ok: true, resource: result.data };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${type}${path}: ${issue.message}`;
  });
  return { ok: false, problems };
}

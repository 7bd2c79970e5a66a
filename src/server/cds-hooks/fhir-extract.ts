import type { CdsHookRequest } from '../../api/cds-hooks-types.js';
import type { LabResultInput } from '../../engines/labs/index.js';
import type { MedicationCheckInput } from '../../engines/medication/index.js';

/**
 * Reads the FHIR R4 resources a CDS client sends (in `context.draftOrders` and in `prefetch`) into
 * the engines' inputs. Only the fields the engines use are read; anything malformed is skipped,
 * never thrown on — a hook must answer even when one resource is odd.
 */

type Json = Record<string, unknown>;
type MedicationLine = MedicationCheckInput['medications'][number];

export interface DraftMedication extends MedicationLine {
  /** The FHIR id, for suggestions that act on the draft order. */
  resourceId: string | null;
}

/** A draft ServiceRequest (imaging, procedures) — read now, used once an engine evaluates it. */
export interface DraftService {
  resourceId: string | null;
  text: string;
  codings: { system?: string; code?: string; display?: string }[];
}

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}
function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The resources in a Bundle, or the resource itself when it is not a Bundle. */
export function resourcesOf(value: unknown, resourceType: string): Json[] {
  const resource = obj(value);
  if (!resource) return [];
  if (resource.resourceType === 'Bundle') {
    return arr(resource.entry)
      .map((entry) => obj(obj(entry)?.resource))
      .filter((r): r is Json => r?.resourceType === resourceType);
  }
  return resource.resourceType === resourceType ? [resource] : [];
}

function codings(concept: unknown): { system?: string; code?: string; display?: string }[] {
  return arr(obj(concept)?.coding).flatMap((c) => {
    const coding = obj(c);
    if (!coding) return [];
    const system = str(coding.system);
    const code = str(coding.code);
    const display = str(coding.display);
    return [{ ...(system ? { system } : {}), ...(code ? { code } : {}), ...(display ? { display } : {}) }];
  });
}

/** A CodeableConcept's text, else its first coding's display. */
export function conceptText(concept: unknown): string | undefined {
  return str(obj(concept)?.text) ?? codings(concept).find((c) => c.display)?.display;
}

/** FHIR Timing.repeat → a frequency the dose checker parses ("3 times a day", "every 8 hours"). */
function frequencyOf(timing: unknown): string | undefined {
  const coded = conceptText(obj(timing)?.code);
  const repeat = obj(obj(timing)?.repeat);
  if (repeat) {
    const frequency = num(repeat.frequency) ?? 1;
    const period = num(repeat.period) ?? 1;
    const unit = str(repeat.periodUnit);
    if (unit === 'd' && period === 1) return `${frequency} times a day`;
    if (unit === 'h' && frequency === 1) return `every ${period} hours`;
  }
  return coded;
}

function medicationLine(resource: Json): MedicationLine | undefined {
  const name = conceptText(resource.medicationCodeableConcept) ?? str(obj(resource.medicationReference)?.display);
  if (!name) return undefined;
  const dosage = obj(arr(resource.dosageInstruction)[0]);
  const quantity = obj(obj(arr(dosage?.doseAndRate)[0])?.doseQuantity);
  const value = num(quantity?.value);
  const unit = str(quantity?.unit) ?? str(quantity?.code);
  const frequency = frequencyOf(dosage?.timing);
  const route = conceptText(dosage?.route);
  return {
    name: name.slice(0, 200),
    ...(value !== undefined && unit ? { dose: `${value} ${unit}`.slice(0, 50) } : {}),
    ...(frequency ? { frequency: frequency.slice(0, 50) } : {}),
    ...(route ? { route: route.slice(0, 30) } : {}),
  };
}

/** MedicationRequests in `context.draftOrders`, with their ids. */
export function draftMedications(request: CdsHookRequest): DraftMedication[] {
  return resourcesOf(request.context.draftOrders, 'MedicationRequest').flatMap((resource) => {
    const line = medicationLine(resource);
    return line ? [{ ...line, resourceId: str(resource.id) ? `MedicationRequest/${str(resource.id)}` : null }] : [];
  });
}

/** ServiceRequests in `context.draftOrders` (the imaging extension point reads these). */
export function draftServices(request: CdsHookRequest): DraftService[] {
  return resourcesOf(request.context.draftOrders, 'ServiceRequest').flatMap((resource) => {
    const text = conceptText(resource.code);
    if (!text) return [];
    return [{ resourceId: str(resource.id) ? `ServiceRequest/${str(resource.id)}` : null, text, codings: codings(resource.code) }];
  });
}

/** Active MedicationRequests from a prefetch value (the template already asks for status=active). */
export function activeMedications(value: unknown): MedicationLine[] {
  return resourcesOf(value, 'MedicationRequest')
    .filter((resource) => resource.status === undefined || resource.status === 'active')
    .flatMap((resource) => medicationLine(resource) ?? [])
    .slice(0, 100);
}

const INACTIVE_ALLERGY = new Set(['inactive', 'resolved']);
const UNCONFIRMED_ALLERGY = new Set(['refuted', 'entered-in-error']);

/** Substances from AllergyIntolerance resources, leaving out resolved, refuted and entered-in-error ones. */
export function allergySubstances(value: unknown): string[] {
  return resourcesOf(value, 'AllergyIntolerance')
    .filter((resource) => {
      const clinical = codings(resource.clinicalStatus)[0]?.code;
      const verification = codings(resource.verificationStatus)[0]?.code;
      return !(clinical && INACTIVE_ALLERGY.has(clinical)) && !(verification && UNCONFIRMED_ALLERGY.has(verification));
    })
    .flatMap((resource) => conceptText(resource.code) ?? [])
    .map((substance) => substance.slice(0, 200))
    .slice(0, 50);
}

/** Age in whole years and sex from a Patient resource. */
export function patientFacts(value: unknown, now = new Date()): { age?: number; sex?: 'M' | 'F' } {
  const patient = resourcesOf(value, 'Patient')[0];
  if (!patient) return {};
  const sex = patient.gender === 'male' ? 'M' : patient.gender === 'female' ? 'F' : undefined;
  const birth = str(patient.birthDate);
  let age: number | undefined;
  if (birth && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(birth)) {
    const [year = 0, month = 1, day = 1] = birth.split('-').map(Number);
    age = now.getUTCFullYear() - year;
    if (now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day)) age -= 1;
    if (age < 0 || age > 130) age = undefined;
  }
  return { ...(age !== undefined ? { age } : {}), ...(sex ? { sex } : {}) };
}

/** Numeric Observations as lab results: LOINC code when present (the lab engine knows it), else the name. */
export function labResults(value: unknown): LabResultInput[] {
  return resourcesOf(value, 'Observation')
    .filter((resource) => resource.status !== 'entered-in-error' && resource.status !== 'cancelled')
    .flatMap((resource) => {
      const quantity = obj(resource.valueQuantity);
      const measured = num(quantity?.value);
      const loinc = codings(resource.code).find((c) => c.system === 'http://loinc.org' && c.code)?.code;
      const test = loinc ?? conceptText(resource.code);
      if (measured === undefined || !test) return [];
      const unit = str(quantity?.unit) ?? str(quantity?.code);
      const time = str(resource.effectiveDateTime) ?? str(resource.issued);
      return [{ test, value: measured, ...(unit ? { unit } : {}), ...(time ? { time } : {}) }];
    })
    .slice(0, 2000);
}

import type { CdsCard, CdsHookRequest, CdsServiceDefinition } from '../../api/cds-hooks-types.js';
import type { Actor } from '../../auth/actor.js';
import type { KnowledgeEngines } from '../../engines/knowledge-engines.js';
import { interpretLabs, type LabResultInput } from '../../engines/labs/index.js';
import { checkMedications, type MedicationCheckInput } from '../../engines/medication/index.js';
import type { PatientAccess } from '../../record/patient-access.js';
import { getPatientChart, type PatientChart } from '../../record/patient-chart.js';
import type { Locale } from '../../shared/locale.js';
import type { Store } from '../../store/database.js';
import { labInputFromChart } from '../../workflows/lab-review/chart-lab-input.js';
import { medicationInputFromChart } from '../../workflows/medication-review/chart-medication-input.js';
import { careGapCardsForRequest, type RecordGate } from './care-gap-cards.js';
import { criticalLabCards, medicationCards } from './cds-cards.js';
import {
  activeMedications,
  allergySubstances,
  type DraftMedication,
  draftMedications,
  draftServices,
  labResults,
  patientFacts,
} from './fhir-extract.js';
import { imagingOrderCard } from './imaging-cards.js';
import { type FactValue, IMAGING_INPUT_SYSTEM, observedInputs, orderReason, recordAffirmedInputs } from './imaging-order-facts.js';

const PATIENT = 'Patient/{{context.patientId}}';
const ACTIVE_MEDICATIONS = 'MedicationRequest?patient={{context.patientId}}&status=active';
const ALLERGIES = 'AllergyIntolerance?patient={{context.patientId}}';
const LABS = 'Observation?patient={{context.patientId}}&category=laboratory';
const CONDITIONS = 'Condition?patient={{context.patientId}}&clinical-status=active';
/** Blood pressure readings and completed procedures (colonoscopy and the like) for the care-gap rules. */
const VITALS = 'Observation?patient={{context.patientId}}&category=vital-signs';
const PROCEDURES = 'Procedure?patient={{context.patientId}}&status=completed';
/** Scenario inputs recorded as Observations (Suwen's code system) and GCS total (LOINC 9269-2). */
const IMAGING_OBSERVATIONS = `Observation?patient={{context.patientId}}&code=${IMAGING_INPUT_SYSTEM}|,http://loinc.org|9269-2`;

/** What `GET /cds-services` lists. Prefetch keys are read back by the same names below. */
export const CDS_SERVICES: CdsServiceDefinition[] = [
  {
    hook: 'patient-view',
    id: 'suwen-patient-view',
    title: 'Suwen: critical results, medication problems and care gaps',
    description:
      'Critical laboratory values, major or contraindicated medication problems (interactions, doses, allergies) and care gaps (e.g. diabetes without a recent HbA1c or urine albumin, AF at the anticoagulation threshold without an anticoagulant, colorectal screening due), each with its guideline source. Decision support for the clinician.',
    prefetch: {
      patient: PATIENT,
      medications: ACTIVE_MEDICATIONS,
      allergies: ALLERGIES,
      labs: LABS,
      conditions: CONDITIONS,
      vitals: VITALS,
      procedures: PROCEDURES,
    },
  },
  {
    hook: 'order-select',
    id: 'suwen-order-select',
    title: 'Suwen: medication and imaging order check',
    description:
      'Checks the draft medication orders against each other and the active medications and allergies (interactions, duplicate therapy, doses, allergy cross-reactivity), and rates draft imaging ServiceRequests for appropriateness (ACR Appropriateness Criteria, Canadian CT Head Rule, Ottawa rules, Wells/PERC) with their sources.',
    prefetch: {
      patient: PATIENT,
      medications: ACTIVE_MEDICATIONS,
      allergies: ALLERGIES,
      conditions: CONDITIONS,
      observations: IMAGING_OBSERVATIONS,
    },
  },
  {
    hook: 'order-sign',
    id: 'suwen-order-sign',
    title: 'Suwen: medication and imaging order check before signing',
    description:
      'The final check of the orders about to be signed: medications against the active medications and allergies (interactions, duplicate therapy, doses, allergy cross-reactivity), and imaging orders for appropriateness with their sources.',
    prefetch: {
      patient: PATIENT,
      medications: ACTIVE_MEDICATIONS,
      allergies: ALLERGIES,
      conditions: CONDITIONS,
      observations: IMAGING_OBSERVATIONS,
    },
  },
];

export function findCdsService(id: string): CdsServiceDefinition | undefined {
  return CDS_SERVICES.find((service) => service.id === id);
}

export interface CdsRunDeps {
  knowledge: KnowledgeEngines;
  store: Store;
  access: PatientAccess;
}

export interface CdsRunResult {
  cards: CdsCard[];
  /** Whether the Suwen record of `context.patientId` was read (for the audit entry). */
  usedRecord: boolean;
  /** Where the patient facts came from, for the audit entry (no patient text). */
  sources: {
    medications: 'prefetch' | 'record' | 'none';
    allergies: 'prefetch' | 'record' | 'none';
    labs?: 'prefetch' | 'record' | 'none';
    careGaps?: 'prefetch' | 'record' | 'mixed' | 'none';
  };
  draftOrders: number;
}

/**
 * The patient's facts: each from the prefetch when the client sent that key (a `null` value means
 * "fetched, nothing there"), else from Suwen's own record when it holds this patient id.
 */
async function patientContext(request: CdsHookRequest, deps: CdsRunDeps, mayReadRecord: RecordGate) {
  const prefetch = request.prefetch ?? {};
  const has = (key: string) => key in prefetch;
  let chart: PatientChart | null | undefined;
  const loadChart = async () => {
    chart ??= (await mayReadRecord()) ? await getPatientChart(deps.store, request.context.patientId) : null;
    return chart;
  };
  const needsRecord = !has('medications') || !has('allergies') || !has('patient');
  const record = needsRecord ? await loadChart() : null;
  const fromRecord = record ? medicationInputFromChart(record).input : null;
  const facts = has('patient') ? patientFacts(prefetch.patient) : fromRecord ? { age: fromRecord.age, sex: fromRecord.sex } : {};
  const medications = has('medications') ? activeMedications(prefetch.medications) : (fromRecord?.medications ?? []);
  const allergies = has('allergies') ? allergySubstances(prefetch.allergies) : (fromRecord?.allergies ?? []);
  return {
    facts: {
      ...(facts.age !== undefined ? { age: facts.age } : {}),
      ...(facts.sex !== undefined ? { sex: facts.sex } : {}),
      ...(fromRecord?.egfr !== undefined ? { egfr: fromRecord.egfr } : {}),
      ...(fromRecord?.weightKg !== undefined ? { weightKg: fromRecord.weightKg } : {}),
    },
    medications,
    allergies,
    loadChart,
    chartRead: () => chart !== undefined && chart !== null,
    sources: {
      medications: has('medications') ? ('prefetch' as const) : fromRecord ? ('record' as const) : ('none' as const),
      allergies: has('allergies') ? ('prefetch' as const) : fromRecord ? ('record' as const) : ('none' as const),
    },
  };
}

/** Runs one service on a validated request. Pure reads: nothing is written to the record. */
export async function runCdsService(
  service: CdsServiceDefinition,
  request: CdsHookRequest,
  locale: Locale,
  deps: CdsRunDeps,
  actor: Actor,
): Promise<CdsRunResult> {
  let allowed: Promise<boolean> | undefined;
  const mayReadRecord: RecordGate = () => (allowed ??= deps.access.checkIfPresent(actor, request.context.patientId, 'patient.read'));
  const patient = await patientContext(request, deps, mayReadRecord);
  if (service.hook === 'patient-view') {
    const cards: CdsCard[] = [];
    let labs: LabResultInput[] = [];
    let labSource: 'prefetch' | 'record' | 'none' = 'none';
    if (request.prefetch && 'labs' in request.prefetch) {
      labs = labResults(request.prefetch.labs);
      labSource = 'prefetch';
    } else {
      const chart = await patient.loadChart();
      if (chart) {
        labs = [...(await labInputFromChart(deps.store, chart.patient)).input.results];
        labSource = 'record';
      }
    }
    if (labs.length > 0) {
      cards.push(...criticalLabCards(interpretLabs(deps.knowledge.labs, { ...patient.facts, results: labs }), locale));
    }
    if (patient.medications.length > 0) {
      const result = checkMedications(deps.knowledge.medications, {
        ...patient.facts,
        allergies: patient.allergies,
        medications: patient.medications,
      });
      cards.push(...medicationCards(result, { locale, minSeverity: 'major' }));
    }
    const careGaps = await careGapCardsForRequest(request, locale, deps, mayReadRecord);
    cards.push(...careGaps.cards);
    return {
      cards,
      usedRecord: patient.chartRead() || careGaps.usedRecord,
      sources: { ...patient.sources, labs: labSource, careGaps: careGaps.source },
      draftOrders: 0,
    };
  }

  // order-select and order-sign: the draft orders first, so their indices are 0..n-1.
  const drafts: DraftMedication[] = draftMedications(request);
  const services = draftServices(request);
  const cards: CdsCard[] = [];
  if (drafts.length > 0) {
    const input: MedicationCheckInput = {
      ...patient.facts,
      allergies: patient.allergies,
      medications: [...drafts.map(({ resourceId: _id, ...line }) => line), ...patient.medications].slice(0, 100),
    };
    const result = checkMedications(deps.knowledge.medications, input);
    const draftIndices = new Set(drafts.map((_, index) => index));
    const removable = new Map<number, string>();
    drafts.forEach((draft, index) => {
      if (draft.resourceId) removable.set(index, draft.resourceId);
    });
    cards.push(...medicationCards(result, { locale, involving: draftIndices, minSeverity: 'info', removable }));
  }
  if (services.length > 0) {
    // Imaging inputs come only from the prefetch (and the patient's age): the card names what is missing.
    const facts = new Map<string, FactValue>([
      ...recordAffirmedInputs(
        request.prefetch?.conditions,
        [...drafts, ...patient.medications].map((m) => m.name),
      ),
      ...observedInputs(request.prefetch?.observations),
    ]);
    // order-select is about the orders just chosen (context.selections); order-sign checks them all.
    const selected = request.hook === 'order-select' ? request.context.selections : undefined;
    const targets = selected?.length ? services.filter((s) => s.resourceId !== null && selected.includes(s.resourceId)) : services;
    for (const service of targets) {
      const card = imagingOrderCard({
        service,
        reason: orderReason(request, service.resourceId),
        facts,
        ...(patient.facts.age !== undefined ? { age: patient.facts.age } : {}),
        locale,
      });
      if (card) cards.push(card);
    }
  }
  return {
    cards,
    usedRecord: patient.chartRead(),
    sources: patient.sources,
    draftOrders: drafts.length + services.length,
  };
}

import type { Actor } from '../../auth/actor.js';
import type { KnowledgeEngines } from '../../engines/knowledge-engines.js';
import { checkMedications } from '../../engines/medication/index.js';
import type { PatientAccess } from '../../record/patient-access.js';
import { medicationInputFromChart } from './chart-medication-input.js';

/**
 * The medication check on a patient's record: active medications against allergies, age, sex,
 * latest eGFR and weight. The chart read is checked and audited by the record layer
 * (`medication.check`), whoever calls.
 */
export async function checkPatientMedications(
  deps: { access: PatientAccess; knowledge: KnowledgeEngines },
  input: { patientId: string; actor: Actor },
) {
  const chart = await deps.access.chart(input.actor, input.patientId, 'medication.check');
  const { input: check, context } = medicationInputFromChart(chart);
  if (check.medications.length === 0) return { context, result: null };
  return { context, input: check, result: checkMedications(deps.knowledge.medications, check) };
}

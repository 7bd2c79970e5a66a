import type { Actor } from '../../auth/actor.js';
import type { KnowledgeEngines } from '../../engines/knowledge-engines.js';
import { interpretLabs } from '../../engines/labs/index.js';
import type { PatientAccess } from '../../record/patient-access.js';
import type { Store } from '../../store/database.js';
import { labInputFromChart } from './chart-lab-input.js';

/**
 * The patient's laboratory results (newest 12 per test) interpreted with their age and sex. The
 * chart read is checked and audited by the record layer (`labs.interpret`), whoever calls.
 */
export async function interpretPatientLabs(
  deps: { store: Store; access: PatientAccess; knowledge: KnowledgeEngines },
  input: { patientId: string; actor: Actor },
) {
  const chart = await deps.access.chart(input.actor, input.patientId, 'labs.interpret');
  const { input: labs, context } = await labInputFromChart(deps.store, chart.patient);
  if (labs.results.length === 0) return { context, result: null };
  return { context, result: interpretLabs(deps.knowledge.labs, labs) };
}

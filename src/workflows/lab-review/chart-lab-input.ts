import type { InterpretLabsInput, LabResultInput } from '../../engines/labs/index.js';
import { listNumericObservations } from '../../record/observation-queries.js';
import type { PatientDetail } from '../../record/patient-queries.js';
import type { Store } from '../../store/database.js';

/** The newest results per test that feed the interpretation (older ones add nothing to a trend). */
const PER_TEST_LIMIT = 12;
const SCAN_LIMIT = 5000;

export interface ChartLabContext {
  age: number | null;
  sex: 'M' | 'F' | null;
  results: number;
  tests: number;
}

/**
 * Reads the patient's numeric laboratory observations (LOINC-coded, newest first, at most
 * `PER_TEST_LIMIT` per test) into the lab engine's input, each with the reference range the
 * Observation carries (the same range the chart's labs card shows). Vital signs and survey answers
 * are left out: the lab engine only knows laboratory tests and reports the rest as unknown.
 */
export async function labInputFromChart(
  store: Store,
  patient: PatientDetail,
): Promise<{ input: InterpretLabsInput; context: ChartLabContext }> {
  const rows = await listNumericObservations(store, patient.id, SCAN_LIMIT);
  const perTest = new Map<string, number>();
  const results: LabResultInput[] = [];
  for (const row of rows) {
    if (row.value_num === null || (row.category && row.category !== 'laboratory')) continue;
    const test = row.code ?? row.display;
    const count = perTest.get(test) ?? 0;
    if (count >= PER_TEST_LIMIT) continue;
    perTest.set(test, count + 1);
    // The Observation's own reference range (the laboratory's) is the one the chart's labs card
    // shows; the interpretation applies the same, and the knowledge base's only where none is on file.
    const reportedRange = {
      ...(row.reference_low !== null ? { low: row.reference_low } : {}),
      ...(row.reference_high !== null ? { high: row.reference_high } : {}),
    };
    results.push({
      test,
      value: row.value_num,
      ...(row.unit ? { unit: row.unit } : {}),
      ...(row.effective_at ? { time: row.effective_at } : {}),
      ...(row.reference_low !== null || row.reference_high !== null ? { reportedRange } : {}),
    });
  }
  results.reverse(); // oldest first, as trends read
  const sex = patient.gender === 'male' ? 'M' : patient.gender === 'female' ? 'F' : null;
  return {
    input: { ...(sex ? { sex } : {}), ...(patient.age !== null ? { age: patient.age } : {}), results },
    context: { age: patient.age, sex, results: results.length, tests: perTest.size },
  };
}

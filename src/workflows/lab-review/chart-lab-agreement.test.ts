import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpretLabs, loadLabIndex } from '../../engines/labs/index.js';
import { importFhir } from '../../record/fhir/import-fhir.js';
import { getPatientChart } from '../../record/patient-chart.js';
import { listPatientIdsByName } from '../../record/patient-lookups.js';
import { REPO_ROOT } from '../../shared/repo-root.js';
import { createTestStore, DIALECTS, type TestStore } from '../../store/test-stores.js';
import { labInputFromChart } from './chart-lab-input.js';

const FLAG_OF_CODE: Record<string, string[]> = { H: ['high', 'critical-high'], L: ['low', 'critical-low'], N: ['normal'] };

/**
 * Issue 23 item 4: on one chart page the labs card showed the record's reference range (the
 * laboratory's own, e.g. creatinine 0.74–1.35 mg/dL) while the lab-interpretation card flagged the
 * same value against the knowledge base's (57–111 µmol/L). One source of truth now: the range the
 * result carries, the knowledge base only where it carries none.
 */
describe.each(DIALECTS)('the chart labs card and the lab interpretation agree for the demo patients (%s)', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    await importFhir(store, [join(REPO_ROOT, 'data/demo/synthea-10'), join(REPO_ROOT, 'data/demo/observations')]);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('gives every latest laboratory result the same range and the same direction of flag on both cards', async () => {
    // What interpretPatientLabs runs after its audited chart read: the chart's lab input, interpreted.
    const labs = loadLabIndex();
    let compared = 0;
    const disagreements: string[] = [];
    for (const patientId of await listPatientIdsByName(store)) {
      const chart = await getPatientChart(store, patientId);
      if (!chart) continue;
      const result = interpretLabs(labs, (await labInputFromChart(store, chart.patient)).input);
      for (const lab of chart.labs) {
        if (lab.latestValue === null || lab.latestAt === null) continue;
        const interpreted = result.results.filter((r) => r.test === lab.code && r.time === lab.latestAt).at(-1);
        if (!interpreted?.labId || interpreted.siValue === undefined || interpreted.value === 0) continue; // vital signs: not a lab
        compared++;
        const factor = interpreted.siValue / interpreted.value;
        const where = `${patientId} ${lab.display} ${lab.latestValue} ${lab.unit}`;
        if (lab.refLow !== null && Math.abs((interpreted.range?.low ?? Number.NaN) - lab.refLow * factor) > 1e-6)
          disagreements.push(`${where}: low ${lab.refLow} vs ${interpreted.range?.low}`);
        if (lab.refHigh !== null && Math.abs((interpreted.range?.high ?? Number.NaN) - lab.refHigh * factor) > 1e-6)
          disagreements.push(`${where}: high ${lab.refHigh} vs ${interpreted.range?.high}`);
        if (lab.refLow !== null || lab.refHigh !== null) {
          if (interpreted.range?.origin !== 'reported') disagreements.push(`${where}: range from ${interpreted.range?.origin}`);
        }
        if (lab.interpretation && !FLAG_OF_CODE[lab.interpretation]?.includes(interpreted.flag))
          disagreements.push(`${where}: chart ${lab.interpretation} vs interpretation ${interpreted.flag}`);
      }
    }
    expect(compared).toBeGreaterThan(20);
    expect(disagreements).toEqual([]);
  }, 60_000);
});

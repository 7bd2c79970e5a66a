/**
 * Knowledge engines: cold load time of the knowledge base (read + parse + all indexes, in a fresh
 * process), medication check of a 20-drug list, lab interpretation of a 50-result panel, and a
 * knowledge search — p50/p99 after load.
 *
 *   npx tsx bench/knowledge.ts [--iterations 5000]
 *
 * Goals (issue 4): p99 ≤ 1 ms for the medication check and the lab interpretation; load ≤ 300 ms.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getKnowledgeEngines } from '../src/engines/knowledge-engines.js';
import { interpretLabs, type LabResultInput } from '../src/engines/labs/index.js';
import { checkMedications, type MedicationCheckInput } from '../src/engines/medication/index.js';

const arg = process.argv.indexOf('--iterations');
const ITERATIONS = arg > 0 ? Number(process.argv[arg + 1]) : 5000;
const LOAD_RUNS = 5;

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const ms = (value: number) => `${value.toFixed(3)} ms`;

function measure(label: string, fn: () => unknown): { p50: number; p99: number; max: number } {
  for (let i = 0; i < 500; i++) fn(); // warm-up: JIT and caches
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result = { p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: times.at(-1) ?? Number.NaN };
  process.stdout.write(`${label.padEnd(44)} p50 ${ms(result.p50)}  p99 ${ms(result.p99)}  max ${ms(result.max)}\n`);
  return result;
}

function coldLoads(): number[] {
  const script = fileURLToPath(new URL('./knowledge-load.ts', import.meta.url));
  const totals: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    const timing = JSON.parse(out) as { total: number; read: number; index: number };
    totals.push(timing.total);
    process.stdout.write(`  cold load ${i + 1}: ${ms(timing.total)} (read+parse ${ms(timing.read)}, indexes ${ms(timing.index)})\n`);
  }
  return totals.sort((a, b) => a - b);
}

/** A 20-drug list of an older multimorbid patient, names as clinicians type them (zh and en, brands, doses). */
const TWENTY_DRUGS: MedicationCheckInput = {
  age: 78,
  sex: 'F',
  weightKg: 60,
  egfr: 25,
  allergies: ['penicillin', '磺胺'],
  medications: [
    { name: 'warfarin', dose: '5 mg', frequency: 'daily' },
    { name: '阿司匹林', dose: '100 mg', frequency: 'daily' },
    { name: 'ibuprofen', dose: '400 mg', frequency: 'tid' },
    { name: 'metformin', dose: '1000 mg', frequency: 'bid' },
    { name: 'Lipitor', dose: '40 mg', frequency: 'daily' },
    { name: 'amlodipine', dose: '10 mg', frequency: 'daily' },
    { name: '美托洛尔', dose: '47.5 mg', frequency: 'daily' },
    { name: 'lisinopril', dose: '20 mg', frequency: 'daily' },
    { name: 'furosemide', dose: '40 mg', frequency: 'bid' },
    { name: 'spironolactone', dose: '25 mg', frequency: 'daily' },
    { name: 'omeprazole', dose: '20 mg', frequency: 'daily' },
    { name: 'sertraline', dose: '50 mg', frequency: 'daily' },
    { name: 'tramadol', dose: '50 mg', frequency: 'q6h' },
    { name: 'gabapentin', dose: '300 mg', frequency: 'tid' },
    { name: 'levothyroxine', dose: '100 mcg', frequency: 'daily' },
    { name: 'allopurinol', dose: '300 mg', frequency: 'daily' },
    { name: 'clarithromycin', dose: '500 mg', frequency: 'bid' },
    { name: 'amoxicillin', dose: '500 mg', frequency: 'tid' },
    { name: 'digoxin', dose: '0.25 mg', frequency: 'daily' },
    { name: 'simvastatin', dose: '20 mg', frequency: 'daily' },
  ],
};

/** A 50-result panel: chemistry, blood count, liver, lipids, coagulation — with repeats for trends. */
function fiftyResults(): LabResultInput[] {
  const day = (d: number) => `2026-11-${String(10 + d).padStart(2, '0')}T08:00:00Z`;
  const panel: [string, number, string][] = [
    ['Na', 128, 'mmol/L'],
    ['K', 6.1, 'mmol/L'],
    ['Cl', 99, 'mmol/L'],
    ['HCO3', 17, 'mmol/L'],
    ['BUN', 38, 'mg/dL'],
    ['creatinine', 2.1, 'mg/dL'],
    ['glucose', 320, 'mg/dL'],
    ['HbA1c', 9.1, '%'],
    ['Ca', 8.1, 'mg/dL'],
    ['Mg', 0.7, 'mmol/L'],
    ['phosphate', 1.6, 'mmol/L'],
    ['albumin', 31, 'g/L'],
    ['ALT', 88, 'U/L'],
    ['AST', 95, 'U/L'],
    ['ALP', 140, 'U/L'],
    ['total bilirubin', 1.4, 'mg/dL'],
    ['GGT', 90, 'U/L'],
    ['LDH', 300, 'U/L'],
    ['CK', 250, 'U/L'],
    ['troponin I', 0.01, 'ng/mL'],
    ['Hb', 9.8, 'g/dL'],
    ['MCV', 72, 'fL'],
    ['WBC', 13.5, '10^9/L'],
    ['platelets', 95, '10^9/L'],
    ['ferritin', 8, 'ng/mL'],
    ['TSH', 6.2, 'mIU/L'],
    ['free T4', 9, 'pmol/L'],
    ['cholesterol', 240, 'mg/dL'],
    ['LDL', 160, 'mg/dL'],
    ['HDL', 38, 'mg/dL'],
    ['triglycerides', 220, 'mg/dL'],
    ['INR', 3.8, ''],
    ['APTT', 40, 's'],
    ['CRP', 45, 'mg/L'],
    ['lactate', 2.8, 'mmol/L'],
    ['uric acid', 9.2, 'mg/dL'],
    ['lipase', 60, 'U/L'],
    ['pH', 7.28, ''],
    ['pCO2', 30, 'mmHg'],
    ['D-dimer', 0.9, 'mg/L FEU'],
  ];
  const results: LabResultInput[] = panel.map(([test, value, unit]) => ({ test, value, ...(unit ? { unit } : {}), time: day(3) }));
  // Ten earlier values for trends (creatinine, sodium, potassium, Hb, glucose over days 0–2).
  for (const [test, value, unit, d] of [
    ['creatinine', 1.0, 'mg/dL', 0],
    ['creatinine', 1.4, 'mg/dL', 1],
    ['creatinine', 1.8, 'mg/dL', 2],
    ['Na', 134, 'mmol/L', 0],
    ['Na', 131, 'mmol/L', 1],
    ['K', 5.2, 'mmol/L', 1],
    ['K', 5.6, 'mmol/L', 2],
    ['Hb', 11.0, 'g/dL', 0],
    ['glucose', 210, 'mg/dL', 1],
    ['glucose', 260, 'mg/dL', 2],
  ] as [string, number, string, number][]) {
    results.push({ test, value, unit, time: day(d) });
  }
  return results;
}

const loads = coldLoads();
const engines = getKnowledgeEngines();
const { kb } = engines;
process.stdout.write(
  `knowledge base ${kb.version}: ${kb.drugs.length} drugs, ${kb.labs.length} labs, ${kb.interactions.rules.length} interaction rules / ${kb.interactions.pairs.length} pairs, ${kb.conditions.length} conditions\n`,
);
process.stdout.write(
  `cold load (${LOAD_RUNS} fresh processes): median ${ms(quantile(loads, 0.5))}, max ${ms(loads.at(-1) ?? Number.NaN)}  (goal ≤ 300 ms)\n`,
);

const medsResult = checkMedications(engines.medications, TWENTY_DRUGS);
process.stdout.write(`20-drug list: ${medsResult.findings.length} findings (${JSON.stringify(medsResult.counts)})\n`);
const meds = measure('medication check, 20 drugs', () => checkMedications(engines.medications, TWENTY_DRUGS));
// Names are remembered once resolved; this run forgets them before every check (first-seen names).
measure('medication check, 20 first-seen names', () => {
  engines.medications.forgetResolvedNames();
  checkMedications(engines.medications, TWENTY_DRUGS);
});

const panel = { sex: 'F' as const, age: 78, results: fiftyResults() };
const labsResult = interpretLabs(engines.labs, panel);
process.stdout.write(
  `50-result panel: ${labsResult.results.length} results, ${labsResult.patterns.length} patterns, ${labsResult.trends.length} trends\n`,
);
const labs = measure('lab interpretation, 50 results', () => interpretLabs(engines.labs, panel));

measure('knowledge search "华法林"', () => engines.search.search('华法林'));
measure('knowledge search "metfromin" (typo)', () => engines.search.search('metfromin'));

const verdict = (name: string, value: number, goal: number) =>
  `${name}: ${value <= goal ? 'met' : 'NOT met'} (${ms(value)} vs ${ms(goal)})`;
process.stdout.write(
  `\n${[
    verdict('medication check p99 ≤ 1 ms', meds.p99, 1),
    verdict('lab interpretation p99 ≤ 1 ms', labs.p99, 1),
    verdict('KB load ≤ 300 ms (median cold)', quantile(loads, 0.5), 300),
  ].join('\n')}\n`,
);

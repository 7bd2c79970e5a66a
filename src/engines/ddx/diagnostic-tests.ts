/**
 * The curated diagnostic-test table (data/decision/diagnostic-tests.json): for each test, the DDXPlus
 * conditions a positive result points to with their sensitivity, one specificity, invasiveness, a
 * relative cost tier and the source of the figures. Used only to rank next tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bilingualSchema, citationSchema } from '../../knowledge/index.js';

export const DIAGNOSTIC_TESTS_PATH = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../data/decision/diagnostic-tests.json');

const probability = z.number().gt(0).lt(1);

export const invasivenessSchema = z.enum(['non-invasive', 'minimally-invasive', 'invasive']);
export type Invasiveness = z.infer<typeof invasivenessSchema>;
export const costTierSchema = z.enum(['low', 'medium', 'high']);
export type CostTier = z.infer<typeof costTierSchema>;

const diagnosticTestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: bilingualSchema,
    invasiveness: invasivenessSchema,
    cost: costTierSchema,
    targets: z.array(z.object({ condition: z.string().min(1), sensitivity: probability }).strict()).min(1),
    /** P(negative result) in every condition the test does not target. */
    specificity: probability,
    source: citationSchema,
    /** How the operating point was derived when the source does not state it directly. */
    basis: z.string().optional(),
    /** Names in data/intake/condition-tests.json that this entry covers. */
    conditionTests: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type DiagnosticTest = z.infer<typeof diagnosticTestSchema>;

const fileSchema = z
  .object({
    version: z.literal(1),
    note: z.string(),
    costTiers: z.object({ low: bilingualSchema, medium: bilingualSchema, high: bilingualSchema }).strict(),
    costSource: citationSchema,
    tests: z.array(diagnosticTestSchema).min(1),
  })
  .strict();
export type DiagnosticTestTable = z.infer<typeof fileSchema>;

let cached: DiagnosticTestTable | undefined;

/** Reads and validates the table (cached per process); unknown condition names are rejected. */
export function loadDiagnosticTests(conditionNames?: readonly string[], path: string = DIAGNOSTIC_TESTS_PATH): DiagnosticTestTable {
  if (cached && path === DIAGNOSTIC_TESTS_PATH) return cached;
  const table = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  if (conditionNames) {
    const known = new Set(conditionNames);
    for (const test of table.tests) {
      const unknown = test.targets.find((target) => !known.has(target.condition));
      if (unknown) throw new Error(`${path}: test ${test.id} targets unknown DDXPlus condition '${unknown.condition}'`);
    }
  }
  if (path === DIAGNOSTIC_TESTS_PATH) cached = table;
  return table;
}

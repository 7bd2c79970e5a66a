/** Suggested next tests per DDXPlus condition (data/intake/condition-tests.json), each with its guideline. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bilingualSchema, citationSchema } from '../../knowledge/index.js';

export const CONDITION_TESTS_PATH = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../data/intake/condition-tests.json');

const suggestedTestSchema = z.object({ test: bilingualSchema, source: citationSchema }).strict();
export type SuggestedTest = z.infer<typeof suggestedTestSchema>;

const fileSchema = z
  .object({ version: z.literal(1), note: z.string(), conditions: z.record(z.string(), z.array(suggestedTestSchema).min(1).max(4)) })
  .strict();

let cached: Record<string, SuggestedTest[]> | undefined;

/** Every condition's suggested tests, keyed by DDXPlus English condition name. */
export function loadConditionTests(): Record<string, SuggestedTest[]> {
  cached ??= fileSchema.parse(JSON.parse(readFileSync(CONDITION_TESTS_PATH, 'utf8'))).conditions;
  return cached;
}

/** The next tests a clinician might consider for this condition (empty when unknown). */
export function suggestNextTests(conditionName: string): SuggestedTest[] {
  return loadConditionTests()[conditionName] ?? [];
}

/**
 * Builds data/ddxplus/model.json from the DDXPlus files: a seeded 80/20 split of the validate
 * patients, likelihoods estimated on the 80 % (likelihood-model.ts), the 20 % kept for evaluation.
 *
 *   npx tsx src/engines/ddx/build-model.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type DdxplusData, type DdxplusPatient, DEFAULT_DDXPLUS_DIR, loadDdxplusData, loadValidatePatients } from './ddxplus-data.js';
import { type DdxModelFile, estimateLikelihoods, LIKELIHOOD_PARAMETERS } from './likelihood-model.js';

/** Fixed split seed: changing it changes model.json and every reported figure. */
export const SPLIT_SEED = 20_240_607;
export const TRAIN_FRACTION = 0.8;

/** mulberry32: a small, well-mixed 32-bit PRNG, so the split is identical on every platform. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface PatientSplit {
  train: DdxplusPatient[];
  heldOut: DdxplusPatient[];
}

/** Fisher–Yates shuffle of the file order with SPLIT_SEED; first 80 % train, rest held out. */
export function splitPatients(patients: readonly DdxplusPatient[], seed = SPLIT_SEED): PatientSplit {
  const order = patients.map((_, i) => i);
  const random = createRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const cut = Math.round(patients.length * TRAIN_FRACTION);
  const pick = (idx: number[]) => idx.map((i) => patients[i]).filter((p) => p !== undefined);
  return { train: pick(order.slice(0, cut)), heldOut: pick(order.slice(cut)) };
}

/** Builds the model file contents in memory (deterministic). */
export function buildDdxModel(
  data: DdxplusData = loadDdxplusData(),
  patients: readonly DdxplusPatient[] = loadValidatePatients(data),
): DdxModelFile {
  const { train, heldOut } = splitPatients(patients);
  return {
    version: 1,
    split: {
      seed: SPLIT_SEED,
      trainFraction: TRAIN_FRACTION,
      trainCount: train.length,
      heldOutCount: heldOut.length,
    },
    parameters: LIKELIHOOD_PARAMETERS,
    ...estimateLikelihoods(data, train),
  };
}

/**
 * Stress-test model: every condition estimated from its DDXPlus symptom list alone, uniform
 * priors — the method the 30 conditions without patients get, applied to all 49.
 */
export function buildListingOnlyModel(data: DdxplusData = loadDdxplusData()): DdxModelFile {
  return {
    version: 1,
    split: { seed: SPLIT_SEED, trainFraction: 0, trainCount: 0, heldOutCount: 0 },
    parameters: LIKELIHOOD_PARAMETERS,
    ...estimateLikelihoods(data, []),
  };
}

/** Serialises the model the way it is committed: one condition or evidence per line. */
export function serializeDdxModel(model: DdxModelFile): string {
  const lines = (items: unknown[]) => items.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  return [
    '{',
    `  "version": ${model.version},`,
    `  "split": ${JSON.stringify(model.split)},`,
    `  "parameters": ${JSON.stringify(model.parameters)},`,
    `  "conditions": [\n${lines(model.conditions)}\n  ],`,
    `  "evidences": [\n${lines(model.evidences)}\n  ]`,
    '}',
    '',
  ].join('\n');
}

export const MODEL_PATH = join(DEFAULT_DDXPLUS_DIR, 'model.json');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const model = buildDdxModel();
  writeFileSync(MODEL_PATH, serializeDdxModel(model));
  process.stdout.write(
    `wrote ${MODEL_PATH}: ${model.conditions.length} conditions, ${model.evidences.length} evidences, ` +
      `${model.split.trainCount} training / ${model.split.heldOutCount} held-out patients\n`,
  );
}

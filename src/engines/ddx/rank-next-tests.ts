/**
 * Ranks diagnostic tests by how much they are expected to change the differential: the mutual
 * information (bits) between the test result and the condition under the current posterior, with
 * P(positive | c) = sensitivity for the conditions the test targets and 1 − specificity otherwise.
 * Also reports the probability of the targeted conditions now, after a positive and after a
 * negative result, so the clinician sees what each result would do.
 */
import type { CostTier, DiagnosticTest, Invasiveness } from './diagnostic-tests.js';
import type { BilingualText } from './load-ddx-model.js';

export interface PosteriorEntry {
  condition: string;
  probability: number;
}

export interface RankedTest {
  id: string;
  name: DiagnosticTest['name'];
  invasiveness: Invasiveness;
  cost: CostTier;
  /** Expected reduction of the differential's uncertainty, in bits. */
  expectedInformationBits: number;
  probabilityPositive: number;
  /** The conditions the test points to, with their current probabilities (names in both languages when known). */
  targets: { condition: string; name: BilingualText; sensitivity: number; probability: number }[];
  specificity: number;
  targetProbability: { now: number; ifPositive: number; ifNegative: number };
  source: DiagnosticTest['source'];
  basis?: string;
}

const INVASIVENESS_ORDER: Invasiveness[] = ['non-invasive', 'minimally-invasive', 'invasive'];
const COST_ORDER: CostTier[] = ['low', 'medium', 'high'];

const h2 = (p: number): number => (p <= 0 || p >= 1 ? 0 : -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p)));
const round = (x: number, digits = 4): number => Number(x.toFixed(digits));
/** A probability, kept inside [0, 1] against floating-point drift. */
const probability = (x: number): number => round(Math.min(1, Math.max(0, x)));

/** Scores one test against a posterior (probabilities over all conditions, summing to 1). */
export function scoreTest(
  test: DiagnosticTest,
  posterior: readonly PosteriorEntry[],
  names?: ReadonlyMap<string, BilingualText>,
): RankedTest {
  const sensitivity = new Map(test.targets.map((target) => [target.condition, target.sensitivity]));
  const falsePositive = 1 - test.specificity;
  let positive = 0;
  let conditional = 0;
  let targetMass = 0;
  let targetPositive = 0;
  for (const entry of posterior) {
    const sens = sensitivity.get(entry.condition);
    const q = sens ?? falsePositive;
    positive += entry.probability * q;
    conditional += entry.probability * h2(q);
    if (sens !== undefined) {
      targetMass += entry.probability;
      targetPositive += entry.probability * sens;
    }
  }
  const byName = new Map(posterior.map((entry) => [entry.condition, entry.probability]));
  return {
    id: test.id,
    name: test.name,
    invasiveness: test.invasiveness,
    cost: test.cost,
    expectedInformationBits: round(Math.max(0, h2(positive) - conditional)),
    probabilityPositive: probability(positive),
    targets: test.targets.map((target) => ({
      condition: target.condition,
      name: names?.get(target.condition) ?? { en: target.condition, zh: target.condition },
      sensitivity: target.sensitivity,
      probability: round(byName.get(target.condition) ?? 0),
    })),
    specificity: test.specificity,
    targetProbability: {
      now: probability(targetMass),
      ifPositive: probability(positive > 0 ? targetPositive / positive : 0),
      ifNegative: probability(positive < 1 ? (targetMass - targetPositive) / (1 - positive) : 0),
    },
    source: test.source,
    ...(test.basis ? { basis: test.basis } : {}),
  };
}

/**
 * The tests relevant to the leading candidates (any target among the top `topCandidates`), most
 * informative first; ties go to the less invasive, then the cheaper test.
 *
 * @example
 * rankNextTests(loadDiagnosticTests().tests, [{ condition: 'Pulmonary embolism', probability: 0.5 }, …])[0].id
 */
export function rankNextTests(
  tests: readonly DiagnosticTest[],
  posterior: readonly PosteriorEntry[],
  options: { topCandidates?: number; limit?: number; names?: ReadonlyMap<string, BilingualText> } = {},
): RankedTest[] {
  const top = new Set(
    [...posterior]
      .sort((a, b) => b.probability - a.probability)
      .slice(0, options.topCandidates ?? 5)
      .map((entry) => entry.condition),
  );
  return tests
    .filter((test) => test.targets.some((target) => top.has(target.condition)))
    .map((test) => scoreTest(test, posterior, options.names))
    .sort(
      (a, b) =>
        b.expectedInformationBits - a.expectedInformationBits ||
        INVASIVENESS_ORDER.indexOf(a.invasiveness) - INVASIVENESS_ORDER.indexOf(b.invasiveness) ||
        COST_ORDER.indexOf(a.cost) - COST_ORDER.indexOf(b.cost),
    )
    .slice(0, options.limit ?? 8);
}

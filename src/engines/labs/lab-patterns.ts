import { detectHyperlactataemia, detectOveranticoagulation } from './acute-patterns.js';
import { detectMyocardialInjury } from './cardiac-patterns.js';
import {
  detectAki,
  detectDka,
  detectHyperkalaemia,
  detectHypoglycaemia,
  detectHyponatraemia,
  detectSevereHyperglycaemia,
} from './chemistry-patterns.js';
import type { LabPattern } from './lab-types.js';
import { detectAnaemia, detectIronDeficiency, detectLiverPattern, detectThrombocytopenia, detectThyroidPattern } from './organ-patterns.js';
import { buildPatternContext, type PatternContext, type PatternInput } from './pattern-context.js';

/** Every pattern rule, in report order (most time-critical first). Each cites its own source. */
const RULES: readonly ((ctx: PatternContext) => LabPattern | null)[] = [
  detectMyocardialInjury,
  detectHyperlactataemia,
  detectOveranticoagulation,
  detectDka,
  detectSevereHyperglycaemia,
  detectHyperkalaemia,
  detectHyponatraemia,
  detectHypoglycaemia,
  detectAki,
  detectAnaemia,
  detectIronDeficiency,
  detectThrombocytopenia,
  detectLiverPattern,
  detectThyroidPattern,
];

/** Runs every pattern rule over interpreted results; returns the findings that apply. */
export function detectLabPatterns(input: PatternInput): LabPattern[] {
  const ctx = buildPatternContext(input);
  const found: LabPattern[] = [];
  for (const rule of RULES) {
    const pattern = rule(ctx);
    if (pattern) found.push(pattern);
  }
  return found;
}

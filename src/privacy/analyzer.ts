import { z } from 'zod';
import { type AnalyzerConfig, PHI_TYPES, type PhiFinding, type PhiType, type TextLanguage } from './phi-types.js';
import { RECOGNIZERS } from './recognizers/index.js';
import { detectLanguages, foldForMatching } from './recognizers/normalize-text.js';
import type { PhiRecognizer, RecognizerContext } from './recognizers/recognizer.js';
import registryData from './registry.json' with { type: 'json' };

/**
 * The PHI analyzer: runs the registered recognizers over a note, keeps findings at or above their
 * type's threshold, applies the deployment's allow and deny lists and resolves overlaps. It is
 * deterministic and has no model: the same text and configuration give the same findings.
 *
 * @example
 * const findings = analyzePhi('患者张三，男，92岁，电话13812345678。');
 * // NAME 张三, AGE 92岁, PHONE 13812345678 — offsets into the original string
 */
export interface AnalyzeOptions {
  /** `auto` (the default) detects the languages present and runs both on mixed text. */
  language?: TextLanguage | 'auto';
  config?: AnalyzerConfig;
}

const registrySchema = z.object({
  threshold: z.number().min(0).max(1),
  recognizers: z.array(z.object({ name: z.string(), enabled: z.boolean() })),
});
const registry = registrySchema.parse(registryData);
for (const entry of registry.recognizers) {
  if (!RECOGNIZERS.has(entry.name)) throw new Error(`PHI registry names recognizer ${entry.name}, which does not exist`);
}

export const DEFAULT_ANALYZER_CONFIG: AnalyzerConfig = {
  recognizers: registry.recognizers.filter((r) => r.enabled).map((r) => r.name),
  threshold: registry.threshold,
  thresholds: {},
  allowList: [],
  denyList: [],
};

const scoreSchema = z.number().min(0).max(1);
const phiTypeSchema = z.enum(PHI_TYPES);

/** AnalyzerConfig as read from a deployment's configuration file; unknown keys and recognizers are errors. */
export const analyzerConfigSchema: z.ZodType<AnalyzerConfig> = z
  .strictObject({
    recognizers: z.array(z.string().min(1)).optional(),
    threshold: scoreSchema.optional(),
    thresholds: z.partialRecord(phiTypeSchema, scoreSchema).optional(),
    allowList: z.array(z.string().min(1)).optional(),
    denyList: z.array(z.strictObject({ text: z.string().min(1), type: phiTypeSchema })).optional(),
  })
  .superRefine((config, ctx) => {
    for (const [i, name] of (config.recognizers ?? []).entries()) {
      if (!RECOGNIZERS.has(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['recognizers', i],
          message: `Unknown recognizer ${name}; known: ${[...RECOGNIZERS.keys()].join(', ')}`,
        });
      }
    }
  });

/** Finds the PHI in a text; findings are sorted by start and their offsets point into `text`. */
export function analyzePhi(text: string, options: AnalyzeOptions = {}): PhiFinding[] {
  if (text.length === 0) return [];
  const plan = planFor(options.config);
  const folded = foldForMatching(text);
  const languages: ReadonlySet<TextLanguage> =
    options.language === 'zh' || options.language === 'en' ? new Set([options.language]) : detectLanguages(folded).present;
  const ctx: RecognizerContext = { original: text, languages };

  const candidates: PhiFinding[] = [];
  for (const recognizer of plan.recognizers) {
    if (!recognizer.languages.some((l) => languages.has(l))) continue;
    for (const finding of recognizer.recognize(folded, ctx)) {
      if (finding.score >= plan.thresholdFor(finding.type) && finding.end > finding.start) candidates.push(finding);
    }
  }
  candidates.push(...findDenied(folded, plan.denyList));
  return resolveOverlaps(removeAllowed(text, folded, candidates, plan.allowList));
}

interface Plan {
  recognizers: PhiRecognizer[];
  thresholdFor(type: PhiType): number;
  allowList: string[];
  denyList: { text: string; type: PhiType }[];
}

// Configurations are usually one object per deployment: compile each once.
const plans = new WeakMap<AnalyzerConfig, Plan>();
const defaultPlan = compilePlan(DEFAULT_ANALYZER_CONFIG);

function planFor(config: AnalyzerConfig | undefined): Plan {
  if (config === undefined) return defaultPlan;
  let plan = plans.get(config);
  if (!plan) {
    plan = compilePlan(config);
    plans.set(config, plan);
  }
  return plan;
}

function compilePlan(config: AnalyzerConfig): Plan {
  const names = config.recognizers ?? DEFAULT_ANALYZER_CONFIG.recognizers ?? [];
  const recognizers = names.map((name) => {
    const recognizer = RECOGNIZERS.get(name);
    if (!recognizer) throw new Error(`Unknown PHI recognizer ${name}; check the analyzer configuration`);
    return recognizer;
  });
  const threshold = config.threshold ?? registry.threshold;
  const thresholds = config.thresholds ?? {};
  return {
    recognizers,
    thresholdFor: (type) => thresholds[type] ?? threshold,
    allowList: (config.allowList ?? []).map(foldForMatching),
    denyList: (config.denyList ?? []).map((d) => ({ text: foldForMatching(d.text), type: d.type })),
  };
}

const DENY = 'deny-list';

function findDenied(folded: string, denyList: Plan['denyList']): PhiFinding[] {
  const findings: PhiFinding[] = [];
  for (const { text, type } of denyList) {
    for (const start of occurrences(folded, text)) {
      findings.push({ type, start, end: start + text.length, score: 1, recognizer: DENY, pattern: DENY, context: [] });
    }
  }
  return findings;
}

/** Drops findings that are an allowed string, or lie inside an occurrence of one. */
function removeAllowed(text: string, folded: string, findings: PhiFinding[], allowList: string[]): PhiFinding[] {
  if (allowList.length === 0) return findings;
  const allowed: [number, number][] = [];
  for (const entry of allowList) for (const start of occurrences(folded, entry)) allowed.push([start, start + entry.length]);
  const exact = new Set(allowList);
  return findings.filter((f) => {
    if (f.recognizer === DENY) return true;
    if (exact.has(folded.slice(f.start, f.end)) || exact.has(text.slice(f.start, f.end))) return false;
    return !allowed.some(([start, end]) => start <= f.start && f.end <= end);
  });
}

/** Occurrences of a literal; one starting or ending with a letter or digit must stand as a whole word. */
function* occurrences(folded: string, needle: string): Generator<number> {
  if (needle.length === 0) return;
  const wordStart = /^[A-Za-z0-9]/.test(needle);
  const wordEnd = /[A-Za-z0-9]$/.test(needle);
  for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + 1)) {
    if (wordStart && /[A-Za-z0-9]/.test(folded.charAt(i - 1))) continue;
    if (wordEnd && /[A-Za-z0-9]/.test(folded.charAt(i + needle.length))) continue;
    yield i;
  }
}

/**
 * Resolves overlapping findings: a span inside a larger one of the same type is absorbed (the
 * larger keeps the higher score); among the rest the higher score wins, then the longer span,
 * then the earlier one.
 */
export function resolveOverlaps(findings: readonly PhiFinding[]): PhiFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end || b.score - a.score);
  const kept: PhiFinding[] = [];
  const widest = new Map<PhiType, PhiFinding>();
  for (const finding of sorted) {
    const container = widest.get(finding.type);
    if (container && finding.end <= container.end) {
      if (finding.score > container.score) container.score = finding.score;
      for (const word of finding.context) if (!container.context.includes(word)) container.context.push(word);
      continue;
    }
    const copy = { ...finding, context: [...finding.context] };
    kept.push(copy);
    widest.set(finding.type, copy);
  }
  return resolveClusters(kept);
}

function resolveClusters(sorted: PhiFinding[]): PhiFinding[] {
  const result: PhiFinding[] = [];
  let cluster: PhiFinding[] = [];
  let clusterEnd = -1;
  const flush = () => {
    if (cluster.length === 1) result.push(...cluster);
    else if (cluster.length > 1) result.push(...pickNonOverlapping(cluster));
    cluster = [];
  };
  for (const finding of sorted) {
    if (finding.start >= clusterEnd) flush();
    cluster.push(finding);
    clusterEnd = Math.max(clusterEnd, finding.end);
  }
  flush();
  return result;
}

function pickNonOverlapping(cluster: PhiFinding[]): PhiFinding[] {
  const ranked = [...cluster].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: PhiFinding[] = [];
  for (const f of ranked) if (chosen.every((c) => f.end <= c.start || f.start >= c.end)) chosen.push(f);
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * Reads chart facts (problem list, active medications) into DDXPlus antecedent evidence with the
 * mapping in data/decision/chart-evidence-map.json. A chart fact only ever sets evidence present:
 * a problem missing from the chart is not a denial.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { citationSchema } from '../../knowledge/index.js';

export const CHART_EVIDENCE_MAP_PATH = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../data/decision/chart-evidence-map.json',
);

const mappingSchema = z
  .object({
    evidence: z.string().regex(/^E_\d+$/),
    kind: z.enum(['condition', 'medication']),
    pattern: z.string().min(1),
    exclude: z.string().min(1).optional(),
    /** A resolved problem counts too (DDXPlus asks "have you ever had…"). */
    ever: z.boolean().optional(),
  })
  .strict();

const fileSchema = z
  .object({ version: z.literal(1), note: z.string(), source: citationSchema, mappings: z.array(mappingSchema).min(1) })
  .strict();

export interface ChartFact {
  /** The id the caller uses to cite the fact (e.g. a numbered source). */
  id: string;
  kind: 'condition' | 'medication';
  display: string;
  /** Problem: not resolved; medication: an active order. */
  active: boolean;
}

export interface ChartEvidence {
  code: string;
  /** Ids of the facts that set it. */
  factIds: string[];
}

interface CompiledMapping {
  evidence: string;
  kind: ChartFact['kind'];
  pattern: RegExp;
  exclude: RegExp | null;
  ever: boolean;
}

let cached: CompiledMapping[] | undefined;

/** Reads and compiles the mapping (cached per process); an invalid pattern fails loudly. */
export function loadChartEvidenceMap(path: string = CHART_EVIDENCE_MAP_PATH): CompiledMapping[] {
  if (cached && path === CHART_EVIDENCE_MAP_PATH) return cached;
  const file = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const compiled = file.mappings.map((m) => ({
    evidence: m.evidence,
    kind: m.kind,
    pattern: new RegExp(m.pattern, 'iu'),
    exclude: m.exclude ? new RegExp(m.exclude, 'iu') : null,
    ever: m.ever ?? false,
  }));
  if (path === CHART_EVIDENCE_MAP_PATH) cached = compiled;
  return compiled;
}

/** The DDXPlus evidence the chart establishes, each with the facts that set it (first seen first). */
export function chartEvidence(facts: readonly ChartFact[], mappings: readonly CompiledMapping[] = loadChartEvidenceMap()): ChartEvidence[] {
  const found = new Map<string, string[]>();
  for (const fact of facts) {
    for (const m of mappings) {
      if (m.kind !== fact.kind || (!fact.active && !m.ever)) continue;
      if (!m.pattern.test(fact.display) || m.exclude?.test(fact.display)) continue;
      const ids = found.get(m.evidence) ?? [];
      if (!ids.includes(fact.id)) ids.push(fact.id);
      found.set(m.evidence, ids);
    }
  }
  return [...found].map(([code, factIds]) => ({ code, factIds }));
}

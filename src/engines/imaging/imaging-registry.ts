import type { Bilingual, Citation } from '../../knowledge/index.js';
import type { FieldDescriptor, InputIssue } from '../scores/index.js';
import { appendicitisImaging, renalColicImaging } from './abdominal-pain-imaging.js';
import { breastImaging } from './breast-imaging.js';
import { headInjuryImaging } from './head-injury-imaging.js';
import { headacheImaging } from './headache-imaging.js';
import type { ImagingResult, RegisteredImagingScenario } from './imaging-types.js';
import { lowBackPainImaging } from './low-back-pain-imaging.js';
import { ankleInjuryImaging, kneeInjuryImaging } from './ottawa-rules.js';
import { pulmonaryEmbolismImaging } from './pulmonary-embolism-imaging.js';

/**
 * Imaging appropriateness: deterministic rules per clinical scenario, each rating cited to its
 * guideline or decision-rule publication. Decision support for a clinician, not an order.
 */

const SCENARIOS: readonly RegisteredImagingScenario[] = [
  breastImaging,
  headacheImaging,
  lowBackPainImaging,
  pulmonaryEmbolismImaging,
  headInjuryImaging,
  ankleInjuryImaging,
  kneeInjuryImaging,
  appendicitisImaging,
  renalColicImaging,
];

const normalizeKey = (s: string) => s.toLowerCase().replace(/[\s\-_/()]+/g, '');

const keysOf = (s: RegisteredImagingScenario) => [s.id, ...s.aliases, s.names.en, s.names.zh].map(normalizeKey);

function findScenario(idOrAlias: string): RegisteredImagingScenario | undefined {
  const k = normalizeKey(idOrAlias);
  return SCENARIOS.find((s) => keysOf(s).includes(k));
}

export interface ImagingScenarioSummary {
  id: string;
  names: Bilingual;
  summary: Bilingual;
  source: Citation;
}

/** All scenarios, in a stable order. */
export function listImagingScenarios(): ImagingScenarioSummary[] {
  return SCENARIOS.map((s) => structuredClone({ id: s.id, names: s.names, summary: s.summary, source: s.source }));
}

export interface ImagingScenarioDescription extends ImagingScenarioSummary {
  aliases: string[];
  inputs: FieldDescriptor[];
  references: Citation[];
}

/** A scenario's form (inputs with bilingual labels, bounds and options) and sources; undefined when unknown. */
export function describeImagingScenario(idOrAlias: string): ImagingScenarioDescription | undefined {
  const s = findScenario(idOrAlias);
  if (!s) return undefined;
  return structuredClone({
    id: s.id,
    names: s.names,
    summary: s.summary,
    source: s.source,
    aliases: [...s.aliases],
    inputs: [...s.fields],
    references: [...s.references],
  });
}

export type EvaluateImagingOutcome =
  | { ok: true; result: ImagingResult }
  | { ok: false; error: { code: 'invalid-input'; scenarioId: string; issues: InputIssue[] } }
  | { ok: false; error: { code: 'unknown-scenario'; message: Bilingual; suggestions: string[] } };

/** Validates `rawInput` for the scenario and rates the imaging options. Never throws on bad input or an unknown id. */
export function evaluateImaging(idOrAlias: string, rawInput: unknown): EvaluateImagingOutcome {
  const s = typeof idOrAlias === 'string' ? findScenario(idOrAlias) : undefined;
  if (!s) {
    return {
      ok: false,
      error: {
        code: 'unknown-scenario',
        message: {
          en: 'No imaging scenario by that name; see the suggestions or list the scenarios.',
          zh: '未找到该影像检查场景；请参考建议或查看场景列表。',
        },
        suggestions: suggestImagingScenarios(typeof idOrAlias === 'string' ? idOrAlias : ''),
      },
    };
  }
  const outcome = s.evaluate(rawInput);
  return outcome.ok ? outcome : { ok: false, error: { ...outcome.error, scenarioId: s.id } };
}

/** Ids of scenarios whose names or aliases contain the query or share a word with it; all ids when nothing matches. */
export function suggestImagingScenarios(query: string): string[] {
  const q = normalizeKey(query);
  const words = query
    .toLowerCase()
    .split(/[\s\-_/]+/)
    .filter((w) => w.length >= 3);
  const hits = SCENARIOS.filter((s) => {
    const keys = keysOf(s);
    if (q !== '' && keys.some((k) => k.includes(q) || q.includes(k))) return true;
    const text = [s.id, ...s.aliases, s.names.en].join(' ').toLowerCase();
    return words.some((w) => text.includes(w));
  });
  return (hits.length > 0 ? hits : SCENARIOS).map((s) => s.id);
}

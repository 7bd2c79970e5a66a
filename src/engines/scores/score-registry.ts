import { type Bilingual, type Citation, editDistance } from '../../knowledge/index.js';
import { abcd2 } from './abcd2.js';
import { apgar } from './apgar.js';
import { cha2ds2Vasc, hasBled } from './atrial-fibrillation-scores.js';
import { bmi, bsaMosteller } from './body-size-scores.js';
import { centorMcIsaac } from './centor-mcisaac.js';
import { curb65 } from './curb-65.js';
import { anionGap, correctedCalcium } from './electrolyte-scores.js';
import { gcs } from './gcs.js';
import { heart } from './heart-score.js';
import { cockcroftGault, egfrCkdEpi2021 } from './kidney-scores.js';
import { childPugh, meldNa } from './liver-scores.js';
import { gad7, phq9 } from './mental-health-scores.js';
import { news2 } from './news2.js';
import { correctedQtBazett, correctedQtFridericia } from './qtc-scores.js';
import type { FieldDescriptor } from './score-inputs.js';
import type { InputIssue } from './score-issues.js';
import type { RegisteredScore, ScoreBand, ScoreResult } from './score-types.js';
import { qsofa, sirs } from './sepsis-scores.js';
import { perc, wellsDvt, wellsPe } from './vte-diagnosis-scores.js';
import { caprini, padua } from './vte-prophylaxis-scores.js';

const SCORES: readonly RegisteredScore[] = [
  egfrCkdEpi2021,
  cockcroftGault,
  bmi,
  bsaMosteller,
  cha2ds2Vasc,
  hasBled,
  curb65,
  qsofa,
  sirs,
  news2,
  gcs,
  wellsDvt,
  wellsPe,
  perc,
  centorMcIsaac,
  childPugh,
  meldNa,
  heart,
  caprini,
  padua,
  phq9,
  gad7,
  apgar,
  abcd2,
  correctedCalcium,
  anionGap,
  correctedQtBazett,
  correctedQtFridericia,
];

/** Folds case, width and punctuation so "CHA2DS2-VASc", "cha₂ds₂ vasc" and "CHA2DS2VASc" meet. */
function normalizeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_–—·.,()（）/'’]+/g, '');
}

const INDEX = new Map<string, RegisteredScore>();
for (const score of SCORES) {
  for (const key of [score.id, ...score.aliases, score.names.en, score.names.zh]) {
    const k = normalizeKey(key);
    // First score wins an alias both could claim (e.g. "QTc" → Bazett, the conventional QTc).
    if (!INDEX.has(k)) INDEX.set(k, score);
  }
}

/** All scores, in a stable order. */
export function listScores(): readonly RegisteredScore[] {
  return SCORES;
}

/** Finds a score by id, alias or name (either language), ignoring case, spaces and hyphens. */
export function getScore(idOrAlias: string): RegisteredScore | undefined {
  return INDEX.get(normalizeKey(idOrAlias));
}

export type ComputeScoreOutcome =
  | { ok: true; result: ScoreResult }
  | { ok: false; error: { code: 'invalid-input'; scoreId: string; issues: InputIssue[] } }
  | { ok: false; error: { code: 'unknown-score'; message: Bilingual; suggestions: string[] } };

/** Validates `rawInput` against the score's schema and computes it. Never throws on bad input or an unknown score. */
export function computeScore(idOrAlias: string, rawInput: unknown): ComputeScoreOutcome {
  const score = getScore(idOrAlias);
  if (!score) {
    return {
      ok: false,
      error: {
        code: 'unknown-score',
        message: { en: 'No score by that name; see the suggestions or list the scores.', zh: '未找到该评分；请参考建议或查看评分列表。' },
        suggestions: suggestScores(idOrAlias),
      },
    };
  }
  const outcome = score.evaluate(acceptSexCodes(rawInput));
  return outcome.ok ? outcome : { ok: false, error: { ...outcome.error, scoreId: score.id } };
}

/** The medication and lab engines take sex as "M"/"F"; scores take "male"/"female" — accept both. */
function acceptSexCodes(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !('sex' in raw)) return raw;
  const sex = raw.sex;
  const mapped = sex === 'M' ? 'male' : sex === 'F' ? 'female' : sex;
  return mapped === sex ? raw : { ...raw, sex: mapped };
}

/** Ids of the scores whose id or aliases are closest to `query` (substring match first, then edit distance). */
export function suggestScores(query: string, limit = 5): string[] {
  const q = normalizeKey(query);
  if (q === '') return [];
  const ranked: { id: string; distance: number }[] = [];
  for (const score of SCORES) {
    let best = Number.POSITIVE_INFINITY;
    for (const key of [score.id, ...score.aliases, score.names.en, score.names.zh].map(normalizeKey)) {
      const d = key.includes(q) || q.includes(key) ? 0 : editDistance(q, key, Number.MAX_SAFE_INTEGER);
      best = Math.min(best, d);
    }
    ranked.push({ id: score.id, distance: best });
  }
  const threshold = Math.max(2, Math.floor(q.length / 3));
  return ranked
    .filter((r) => r.distance <= threshold)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map((r) => r.id);
}

/** JSON-able description of a score for the web form. */
export interface ScoreDescription {
  id: string;
  names: Bilingual;
  aliases: string[];
  summary: Bilingual;
  inputs: FieldDescriptor[];
  bands: ScoreBand[];
  source: Citation;
  references: Citation[];
}

/** Describes a score's inputs (type, unit, bounds, options, labels), bands and sources; undefined when unknown. */
export function describeScore(idOrAlias: string): ScoreDescription | undefined {
  const score = getScore(idOrAlias);
  if (!score) return undefined;
  // A structured clone keeps callers from mutating the registry's definitions.
  return structuredClone({
    id: score.id,
    names: score.names,
    aliases: [...score.aliases],
    summary: score.summary,
    inputs: [...score.fields],
    bands: [...score.bands],
    source: score.source,
    references: [...(score.references ?? [])],
  });
}

/**
 * The curated treatment options (data/decision/treatment-options.json): per diagnosis, 2–5 options
 * with mechanism, expected benefit, main risks, evidence level (grading system named) and source,
 * and the knowledge-base drug ids the medication check runs against a patient's record.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bilingualSchema, citationSchema } from '../../knowledge/index.js';

export const TREATMENT_OPTIONS_PATH = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../data/decision/treatment-options.json',
);

const optionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: bilingualSchema,
    drugIds: z.array(z.string().min(1)).max(4),
    notInKb: z.array(z.string().min(1)).optional(),
    mechanism: bilingualSchema,
    benefit: bilingualSchema,
    risks: bilingualSchema,
    evidence: z.object({ level: z.string().min(1) }).strict(),
    source: citationSchema,
  })
  .strict();
export type TreatmentOption = z.infer<typeof optionSchema>;

const diagnosisSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    names: bilingualSchema,
    synonyms: z.array(z.string().min(1)),
    /** Texts that name something else although they contain a synonym ("prediabetes", "type 1"). */
    excludes: z.array(z.string().min(1)).optional(),
    icd10: z.array(z.string().regex(/^[A-Z]\d{2}(\.\d{1,2})?$/)).min(1),
    /** The grading system the evidence levels use. */
    evidenceSystem: bilingualSchema,
    source: citationSchema,
    note: bilingualSchema.optional(),
    /** The DDXPlus condition this diagnosis corresponds to, when there is one. */
    ddxplus: z.string().optional(),
    /**
     * Chinese guidelines shown beside the source above, each with its key recommendation where it
     * differs (cited exactly; a recommendation is given only where the source's text was checked).
     */
    chineseGuidelines: z.array(z.object({ source: citationSchema, recommendation: bilingualSchema }).strict()).optional(),
    options: z.array(optionSchema).min(2).max(5),
  })
  .strict();
export type TreatmentDiagnosis = z.infer<typeof diagnosisSchema>;

const fileSchema = z.object({ version: z.literal(1), note: z.string(), diagnoses: z.array(diagnosisSchema).min(1) }).strict();

let cached: TreatmentDiagnosis[] | undefined;

/** Reads and validates the catalogue (cached per process). */
export function loadTreatmentCatalogue(path: string = TREATMENT_OPTIONS_PATH): TreatmentDiagnosis[] {
  if (cached && path === TREATMENT_OPTIONS_PATH) return cached;
  const diagnoses = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).diagnoses;
  if (path === TREATMENT_OPTIONS_PATH) cached = diagnoses;
  return diagnoses;
}

/** Lower case, full-width folded, SNOMED/record suffixes like "(disorder)" and punctuation removed. */
export function normaliseDiagnosisText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\((disorder|finding|situation)\)/g, ' ')
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

const ICD10 = /^[a-z]\d{2}(\.\d{1,2})?$/;

/**
 * Finds the curated diagnosis a text names: an id, an ICD-10 code (by category prefix, e.g. I48.91
 * → I48), or a name/synonym in either language — exactly, or contained in a longer record text
 * ("Essential hypertension (disorder)"); the longest match wins, and a diagnosis's `excludes`
 * ("prediabetes", "type 1") rule it out.
 */
export function matchDiagnosis(
  text: string,
  catalogue: readonly TreatmentDiagnosis[] = loadTreatmentCatalogue(),
): TreatmentDiagnosis | undefined {
  const query = normaliseDiagnosisText(text);
  if (!query) return undefined;
  const byId = catalogue.find((d) => d.id === query.replace(/ /g, '-'));
  if (byId) return byId;
  if (ICD10.test(query)) {
    const code = query.toUpperCase();
    return catalogue.find((d) => d.icd10.some((c) => code.startsWith(c)));
  }
  let best: { diagnosis: TreatmentDiagnosis; length: number } | undefined;
  for (const diagnosis of catalogue) {
    if (diagnosis.excludes?.some((exclude) => containsTerm(query, normaliseDiagnosisText(exclude)))) continue;
    for (const term of [diagnosis.names.en, diagnosis.names.zh, ...diagnosis.synonyms].map(normaliseDiagnosisText)) {
      if (!term) continue;
      const hit = query === term || containsTerm(query, term);
      if (hit && (!best || term.length > best.length)) best = { diagnosis, length: term.length };
    }
  }
  return best?.diagnosis;
}

/** Whole-word containment for Latin text; plain containment for Chinese (no word breaks). */
function containsTerm(query: string, term: string): boolean {
  if (/[\u4e00-\u9fff]/u.test(term)) return query.includes(term);
  return new RegExp(`(^| )${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`, 'u').test(query);
}

/**
 * Loads the DDXPlus release files (Fansi Tchango et al., NeurIPS 2022 Datasets track; CC BY 4.0,
 * see data/ddxplus/NOTICE.md) and reads the first-release patient file into current-release
 * evidence codes (`E_91`, `E_55_@_V_89`, `E_56_@_7`).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const DEFAULT_DDXPLUS_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../data/ddxplus');

const ValueCode = z.union([z.string(), z.number()]);

const EvidenceSchema = z.object({
  name: z.string(),
  code_question: z.string(),
  question_en: z.string(),
  question_fr: z.string(),
  is_antecedent: z.boolean(),
  default_value: ValueCode,
  value_meaning: z.record(z.string(), z.object({ en: z.string(), fr: z.string() })),
  'possible-values': z.array(ValueCode),
  data_type: z.enum(['B', 'C', 'M']),
});
export type DdxplusEvidence = z.infer<typeof EvidenceSchema>;

const ConditionSchema = z.object({
  condition_name: z.string(),
  'cond-name-fr': z.string(),
  'cond-name-eng': z.string(),
  'icd10-id': z.string(),
  symptoms: z.record(z.string(), z.unknown()),
  antecedents: z.record(z.string(), z.unknown()),
  severity: z.number().int().min(1).max(5),
});
export type DdxplusCondition = z.infer<typeof ConditionSchema>;

const MergedEvidenceSchema = z.record(
  z.string(),
  z.looseObject({ Values: z.record(z.string(), z.string()), datatype: z.enum(['B', 'C', 'M']) }),
);

export interface DdxplusData {
  evidences: Record<string, DdxplusEvidence>;
  conditions: Record<string, DdxplusCondition>;
  /** first-release French evidence name → current code, e.g. 'fievre' → 'E_91'. */
  frenchEvidence: Map<string, string>;
  /** per current code: first-release French value → current value code, e.g. 'nulle_part' → 'V_123'. */
  frenchValues: Map<string, Map<string, string>>;
  /** first-release French condition name → English name. */
  frenchConditions: Map<string, string>;
}

export interface DdxplusPatient {
  age: number;
  sex: 'M' | 'F';
  /** DDXPlus English condition name (`cond-name-eng`). */
  pathology: string;
  /** Present evidence in current codes: `E_91`, `E_55_@_V_89`, `E_56_@_7`. */
  evidence: string[];
  initialEvidence: string;
}

function readJson(dir: string, file: string): unknown {
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}

/** Reads and validates the DDXPlus release and mapping files; throws on a malformed file. */
export function loadDdxplusData(dir: string = DEFAULT_DDXPLUS_DIR): DdxplusData {
  const evidences = z.record(z.string(), EvidenceSchema).parse(readJson(dir, 'release_evidences.json'));
  const conditions = z.record(z.string(), ConditionSchema).parse(readJson(dir, 'release_conditions.json'));
  const merged = MergedEvidenceSchema.parse(readJson(dir, 'merged_evidences.json'));
  const mergedConditions = z.record(z.string(), z.string()).parse(readJson(dir, 'merged_conditions.json'));

  const frenchEvidence = new Map<string, string>();
  const frenchValues = new Map<string, Map<string, string>>();
  for (const [code, entry] of Object.entries(merged)) {
    const french = entry[code];
    if (typeof french !== 'string') throw new Error(`merged_evidences.json: ${code} has no name`);
    if (!evidences[code]) throw new Error(`merged_evidences.json: ${code} is not in the release`);
    frenchEvidence.set(french, code);
    frenchValues.set(code, new Map(Object.entries(entry.Values).map(([v, fr]) => [fr, v])));
  }
  const frenchConditions = new Map(Object.entries(mergedConditions));
  for (const english of frenchConditions.values()) {
    if (!conditions[english]) throw new Error(`merged_conditions.json: unknown ${english}`);
  }
  return { evidences, conditions, frenchEvidence, frenchValues, frenchConditions };
}

/** Splits CSV text (RFC 4180 quoting) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads a Python list literal of plain strings, e.g. `['fievre', 'toux']`. */
function parsePythonStringList(literal: string): string[] {
  const items = literal.match(/'[^']*'/g) ?? [];
  return items.map((item) => item.slice(1, -1));
}

/** Maps one first-release evidence token to its current code; throws when unknown. */
export function mapFrenchEvidence(data: DdxplusData, token: string): string {
  const [name, value] = token.split('_@_');
  const code = name === undefined ? undefined : data.frenchEvidence.get(name);
  if (!code) throw new Error(`Unknown DDXPlus evidence '${token}'; check merged_evidences.json`);
  if (value === undefined) return code;
  const values = data.frenchValues.get(code);
  // Numeric scales (pain intensity 0–10) have no value table: the number is the value.
  if (!values || values.size === 0) return `${code}_@_${value}`;
  const mapped = values.get(value);
  if (!mapped) throw new Error(`Unknown value '${value}' for DDXPlus evidence ${code}`);
  return `${code}_@_${mapped}`;
}

const RowSchema = z.object({
  AGE: z.coerce.number().int().min(0).max(130),
  SEX: z.enum(['M', 'F']),
  PATHOLOGY: z.string(),
  EVIDENCES: z.string(),
  INITIAL_EVIDENCE: z.string(),
});

/** Parses one patient row (header → field) into current-release codes and the English condition. */
export function parsePatientRow(data: DdxplusData, row: Record<string, string>): DdxplusPatient {
  const parsed = RowSchema.parse(row);
  const pathology = data.frenchConditions.get(parsed.PATHOLOGY);
  if (!pathology) throw new Error(`Unknown DDXPlus pathology; check merged_conditions.json`);
  return {
    age: parsed.AGE,
    sex: parsed.SEX,
    pathology,
    evidence: parsePythonStringList(parsed.EVIDENCES).map((t) => mapFrenchEvidence(data, t)),
    initialEvidence: mapFrenchEvidence(data, parsed.INITIAL_EVIDENCE),
  };
}

/** Reads every patient of `release_validate_patients.csv`, in file order. */
export function loadValidatePatients(data: DdxplusData, dir: string = DEFAULT_DDXPLUS_DIR): DdxplusPatient[] {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, 'release_validate_patients.csv'), 'utf8'));
  if (!header) throw new Error('release_validate_patients.csv is empty');
  return rows
    .filter((r) => r.length === header.length)
    .map((r) => parsePatientRow(data, Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))));
}

/**
 * Loads data/ddxplus/model.json with the question texts (English from DDXPlus with the plain
 * wording of plain-en.json over it, Chinese from questions-zh.json), the short finding names of
 * findings.json (what a history says: "发热" / "fever"), and precomputes the logs and entropies the posterior and planner need.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type DdxplusData, DEFAULT_DDXPLUS_DIR, loadDdxplusData } from './ddxplus-data.js';
import type { DdxModelFile, EvidenceType, ModelCondition } from './likelihood-model.js';

export interface BilingualText {
  en: string;
  zh: string;
}

export interface CompiledCondition extends ModelCondition {
  index: number;
  label: BilingualText;
  logPrior: number;
  logAge: number[];
  logMale: number;
  logFemale: number;
}

export interface CompiledEvidence {
  index: number;
  code: string;
  type: EvidenceType;
  parent: string | null;
  antecedent: boolean;
  values: string[];
  valueIndex: Map<string, number>;
  defaultValue: string;
  label: BilingualText;
  valueLabels: BilingualText[];
  /** The finding as a history names it ("发热" / "fever"); the question text where none is listed. */
  finding: BilingualText;
  /** Values as a history names them ("压榨样/紧缩感"), where they differ from the option labels. */
  valueTerms: Map<string, BilingualText>;
  /** The order to offer the values in, where it is not the file order (pain words). */
  optionOrder?: string[];
  /** [value][condition]; B evidence has one column, P(yes). */
  p: Float64Array[];
  logYes: Float64Array[];
  /** log(1 − p): B and M only (C is categorical). */
  logNo: Float64Array[];
  /** Per condition: entropy (nats) of the answer given the condition. */
  condEntropy: Float64Array;
}

export interface DdxModel {
  file: DdxModelFile;
  conditions: CompiledCondition[];
  evidences: CompiledEvidence[];
  byCode: Map<string, CompiledEvidence>;
}

const QuestionsZhSchema = z.object({
  evidences: z.record(z.string(), z.string()),
  values: z.record(z.string(), z.string()),
});
export type QuestionsZh = z.infer<typeof QuestionsZhSchema>;

/** Chinese question texts and value meanings, keyed by evidence code / value code. */
export function loadQuestionsZh(dir: string = DEFAULT_DDXPLUS_DIR): QuestionsZh {
  return QuestionsZhSchema.parse(JSON.parse(readFileSync(join(dir, 'questions-zh.json'), 'utf8')));
}

const PlainEnSchema = z.object({
  questions: z.record(z.string(), z.string()),
  values: z.record(z.string(), z.string()),
  valueOrder: z.record(z.string(), z.array(z.string())),
});
export type PlainEnglish = z.infer<typeof PlainEnSchema>;

/** Plain English over the DDXPlus wording ("a knife stroke" → "Stabbing, like a knife"). */
export function loadPlainEnglish(dir: string = DEFAULT_DDXPLUS_DIR): PlainEnglish {
  return PlainEnSchema.parse(JSON.parse(readFileSync(join(dir, 'plain-en.json'), 'utf8')));
}

const bilingual = z.object({ en: z.string().min(1), zh: z.string().min(1) });
const FindingsSchema = z.object({
  findings: z.record(z.string(), bilingual),
  valueTerms: z.record(z.string(), z.record(z.string(), bilingual)),
});
export type EvidenceFindings = z.infer<typeof FindingsSchema>;

/** Short finding names per evidence code, and value terms, for the written history. */
export function loadEvidenceFindings(dir: string = DEFAULT_DDXPLUS_DIR): EvidenceFindings {
  return FindingsSchema.parse(JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')));
}

/** Chinese condition names keyed by DDXPlus English name. */
export function loadConditionsZh(dir: string = DEFAULT_DDXPLUS_DIR): Record<string, string> {
  return z.record(z.string(), z.string()).parse(JSON.parse(readFileSync(join(dir, 'conditions-zh.json'), 'utf8')));
}

const binaryEntropy = (p: number): number => (p <= 0 || p >= 1 ? 0 : -(p * Math.log(p) + (1 - p) * Math.log(1 - p)));

interface Texts {
  data: DdxplusData;
  questionsZh: QuestionsZh;
  conditionsZh: Record<string, string>;
  /** Optional so older callers keep working; loadDdxModel always passes them. */
  plainEn?: PlainEnglish;
  findings?: EvidenceFindings;
}

function compileEvidence(ev: DdxModelFile['evidences'][number], index: number, texts: Texts): CompiledEvidence {
  const source = texts.data.evidences[ev.code];
  const nCond = ev.p.length;
  const columns = Math.max(1, ev.values.length);
  const p = Array.from({ length: columns }, (_, v) => Float64Array.from({ length: nCond }, (_, c) => ev.p[c]?.[v] ?? 0));
  const condEntropy = new Float64Array(nCond);
  for (let c = 0; c < nCond; c++) {
    let h = 0;
    for (const col of p) {
      const x = col[c] ?? 0;
      h += ev.type === 'C' ? (x > 0 ? -x * Math.log(x) : 0) : binaryEntropy(x);
    }
    condEntropy[c] = h;
  }
  const label = {
    en: texts.plainEn?.questions[ev.code] ?? source?.question_en ?? ev.code,
    zh: texts.questionsZh.evidences[ev.code] ?? source?.question_en ?? ev.code,
  };
  return {
    index,
    code: ev.code,
    type: ev.type,
    parent: ev.parent,
    antecedent: ev.antecedent,
    values: ev.values,
    valueIndex: new Map(ev.values.map((v, i) => [v, i])),
    defaultValue: ev.defaultValue,
    label,
    valueLabels: ev.values.map((v) => ({
      en: texts.plainEn?.values[v] ?? source?.value_meaning[v]?.en ?? v,
      zh: texts.questionsZh.values[v] ?? source?.value_meaning[v]?.en ?? v,
    })),
    finding: texts.findings?.findings[ev.code] ?? label,
    valueTerms: new Map(Object.entries(texts.findings?.valueTerms[ev.code] ?? {})),
    ...(texts.plainEn?.valueOrder[ev.code] ? { optionOrder: texts.plainEn.valueOrder[ev.code] } : {}),
    p,
    logYes: p.map((col) => col.map(Math.log)),
    logNo: p.map((col) => col.map((x) => Math.log(1 - x))),
    condEntropy,
  };
}

/** Turns a model file into the runtime model (logs, entropies, labels). */
export function compileDdxModel(file: DdxModelFile, texts: Texts): DdxModel {
  const conditions = file.conditions.map(
    (c, index): CompiledCondition => ({
      ...c,
      index,
      label: { en: c.name, zh: texts.conditionsZh[c.name] ?? c.name },
      logPrior: Math.log(c.prior),
      logAge: c.age.map(Math.log),
      logMale: Math.log(c.male),
      logFemale: Math.log(1 - c.male),
    }),
  );
  const evidences = file.evidences.map((ev, i) => compileEvidence(ev, i, texts));
  return { file, conditions, evidences, byCode: new Map(evidences.map((e) => [e.code, e])) };
}

let cached: DdxModel | undefined;

/** Loads the committed model (cached per process). */
export function loadDdxModel(dir: string = DEFAULT_DDXPLUS_DIR): DdxModel {
  if (cached && dir === DEFAULT_DDXPLUS_DIR) return cached;
  const file = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as DdxModelFile;
  if (file.version !== 1) throw new Error('data/ddxplus/model.json has an unknown version; rebuild it');
  const model = compileDdxModel(file, {
    data: loadDdxplusData(dir),
    questionsZh: loadQuestionsZh(dir),
    conditionsZh: loadConditionsZh(dir),
    plainEn: loadPlainEnglish(dir),
    findings: loadEvidenceFindings(dir),
  });
  if (dir === DEFAULT_DDXPLUS_DIR) cached = model;
  return model;
}

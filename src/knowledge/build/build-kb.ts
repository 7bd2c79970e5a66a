/**
 * Builds the knowledge base store `data/knowledge/kb.json` from the curated files
 * (`data/knowledge/curated/`) and the open data sets copied into `data/knowledge/sources/` and
 * `data/ddxplus/`. Every input is validated; the output is deterministic (same inputs, same
 * bytes), and its version is the hash of its content.
 *
 *   npm run build:kb            write data/knowledge/kb.json
 *   npm run build:kb -- --check exit 1 if the committed file is out of date
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KB_FILE, KB_VOCABULARY_FILE } from '../kb-paths.js';
import {
  type CrossReactivity,
  type CuratedDrug,
  type CuratedLab,
  crossReactivitySchema,
  curatedDrugSchema,
  curatedLabSchema,
  interactionTablesSchema,
} from '../kb-schema.js';
import {
  KB_FORMAT,
  type KbCondition,
  type KbDrug,
  type KbEducationTopic,
  type KnowledgeBase,
  type KnowledgeVocabulary,
} from '../knowledge-base-types.js';
import { normalizeTerm } from '../normalize-term.js';
import { buildInteractionTables } from './interaction-tables.js';
import { KB_CREDITS } from './kb-credits.js';
import { parseDelimited } from './read-csv.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export { KB_FILE, KB_VOCABULARY_FILE };

export class KnowledgeBuildError extends Error {}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

/** Validates an array file entry by entry, reporting every problem with file, entry and path. */
function readEntries<T>(file: string, schema: z.ZodType<T>): T[] {
  const raw = readJson(file);
  if (!Array.isArray(raw)) throw new KnowledgeBuildError(`${file}: expected a JSON array`);
  const problems: string[] = [];
  const entries: T[] = [];
  raw.forEach((item: unknown, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
    else {
      const id = (item as { id?: unknown }).id;
      for (const issue of parsed.error.issues) {
        problems.push(`${path.basename(file)} entry ${index} (${String(id)}) ${issue.path.join('.')}: ${issue.message}`);
      }
    }
  });
  if (problems.length > 0) throw new KnowledgeBuildError(`invalid knowledge entries:\n${problems.join('\n')}`);
  return entries;
}

function requireUniqueIds(kind: string, entries: { id: string }[]): void {
  const seen = new Set<string>();
  for (const { id } of entries) {
    if (seen.has(id)) throw new KnowledgeBuildError(`duplicate ${kind} id "${id}"`);
    seen.add(id);
  }
}

/** Maps any generic name, synonym or brand (normalised) to the curated drug id. */
export function createCuratedNameResolver(drugs: CuratedDrug[]): (name: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const drug of drugs) {
    for (const name of [drug.id, drug.names.en, drug.names.zh, ...drug.synonyms, ...drug.brands]) {
      const key = normalizeTerm(name);
      if (key && !byName.has(key)) byName.set(key, drug.id);
    }
  }
  return (name) => byName.get(normalizeTerm(name));
}

function attachIndications(drugs: CuratedDrug[], sourcesDir: string): Map<string, KbDrug['indications']> {
  const rows = parseDelimited(readFileSync(path.join(sourcesDir, 'repodb/approved-indications.csv'), 'utf8'));
  const resolve = createCuratedNameResolver(drugs);
  const byDrug = new Map<string, KbDrug['indications']>();
  for (const [drugName, , indication, cui] of rows.slice(1)) {
    if (!drugName || !indication || !cui) continue;
    const id = resolve(drugName);
    if (!id) continue;
    const list = byDrug.get(id) ?? [];
    if (!list.some((entry) => entry.umlsCui === cui)) list.push({ name: indication, umlsCui: cui });
    byDrug.set(id, list);
  }
  return byDrug;
}

function labelEvents(drug: CuratedDrug, labels: Record<string, string[]>): KbDrug['labelAdverseEvents'] {
  for (const brand of drug.brands) {
    const events = labels[brand.toUpperCase()];
    if (events) {
      return {
        label: brand,
        events,
        source: {
          title: `FDA label: ${brand}, section 6 Adverse Reactions (annotated in the TAC 2017 ADR data set)`,
          licence: 'Public domain',
        },
      };
    }
  }
  return undefined;
}

function buildDrugs(curatedDir: string, sourcesDir: string): KbDrug[] {
  const files = readdirSync(curatedDir)
    .filter((name) => /^drugs-.*\.json$/.test(name))
    .sort();
  const curated = files.flatMap((file) => readEntries(path.join(curatedDir, file), curatedDrugSchema));
  requireUniqueIds('drug', curated);
  const indications = attachIndications(curated, sourcesDir);
  const labels = readJson(path.join(sourcesDir, 'fda-label-adr/label-adverse-events.json')) as Record<string, string[]>;
  return curated
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((drug) => {
      const found = indications.get(drug.id) ?? [];
      const label = labelEvents(drug, labels);
      return {
        ...drug,
        indications: found.slice(0, 25),
        ...(found.length > 0 ? { indicationsSource: { title: 'repoDB (DrugCentral approved indications)', licence: 'CC BY 4.0' } } : {}),
        ...(label ? { labelAdverseEvents: label } : {}),
      };
    });
}

const ddxConditionSchema = z.object({
  'cond-name-eng': z.string(),
  'cond-name-fr': z.string(),
  'icd10-id': z.string(),
  severity: z.number(),
  symptoms: z.record(z.string(), z.unknown()),
  antecedents: z.record(z.string(), z.unknown()),
});
const ddxEvidenceSchema = z.object({ question_en: z.string() });

function buildConditions(ddxDir: string): KbCondition[] {
  const conditions = z.record(z.string(), ddxConditionSchema).parse(readJson(path.join(ddxDir, 'release_conditions.json')));
  const evidences = z.record(z.string(), ddxEvidenceSchema).parse(readJson(path.join(ddxDir, 'release_evidences.json')));
  const zhFile = path.join(ddxDir, 'conditions-zh.json');
  const zhNames = existsSync(zhFile) ? z.record(z.string(), z.string()).parse(readJson(zhFile)) : {};
  const questionsZh = z
    .object({ evidences: z.record(z.string(), z.string()) })
    .parse(readJson(path.join(ddxDir, 'questions-zh.json'))).evidences;
  const ref = (code: string) => ({
    code,
    question: evidences[code]?.question_en ?? code,
    questionZh: questionsZh[code] ?? evidences[code]?.question_en ?? code,
  });
  return Object.values(conditions)
    .map((condition) => ({
      id: normalizeTerm(condition['cond-name-eng']).replace(/ /g, '-'),
      names: {
        en: condition['cond-name-eng'],
        zh: zhNames[condition['cond-name-eng']] ?? condition['cond-name-eng'],
        fr: condition['cond-name-fr'],
      },
      icd10: condition['icd10-id'],
      severity: condition.severity,
      symptoms: Object.keys(condition.symptoms).map(ref),
      antecedents: Object.keys(condition.antecedents).map(ref),
      source: { title: 'DDXPlus release_conditions.json (Fansi Tchango et al., NeurIPS 2022)', licence: 'CC BY 4.0' },
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function buildIcd10(sourcesDir: string): KnowledgeVocabulary['icd10'] {
  const rows = parseDelimited(readFileSync(path.join(sourcesDir, 'icd10cm/categories.csv'), 'utf8'));
  return {
    source: { title: 'ICD-10-CM 2018 category and subcategory titles (CDC/NCHS)', licence: 'US government work; ICD-10 © WHO' },
    entries: rows.filter((row) => row.length >= 2).map(([code, title]) => [code ?? '', title ?? ''] as [string, string]),
  };
}

function buildVocabulary(sourcesDir: string): KnowledgeVocabulary['vocabulary'] {
  const rows = parseDelimited(readFileSync(path.join(sourcesDir, 'hetionet/disease-symptom-nodes.tsv'), 'utf8'), '\t').slice(1);
  return {
    source: { title: 'Hetionet v1.0 nodes: Disease (Disease Ontology) and Symptom (MeSH)', licence: 'CC0 1.0' },
    entries: rows
      .filter((row) => row.length === 3)
      .map(
        ([id, name, kind]) => [id ?? '', name ?? '', kind === 'Disease' ? 'disease' : 'symptom'] as [string, string, 'disease' | 'symptom'],
      ),
  };
}

const medquadTopicSchema = z.object({
  docId: z.string(),
  collection: z.string(),
  source: z.string(),
  url: z.string(),
  focus: z.string(),
  synonyms: z.array(z.string()),
  summary: z.string(),
});

function buildEducation(sourcesDir: string): KbEducationTopic[] {
  return readFileSync(path.join(sourcesDir, 'medquad/topics.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => medquadTopicSchema.parse(JSON.parse(line)))
    .map((topic) => ({
      id: `medquad-${topic.collection.split('_')[0]}-${topic.docId}`,
      title: topic.focus,
      synonyms: topic.synonyms,
      summary: topic.summary,
      publisher: topic.source,
      source: { title: `MedQuAD (${topic.source})`, url: topic.url, licence: 'CC BY 4.0' },
    }));
}

export interface BuiltKnowledge {
  core: KnowledgeBase;
  vocabulary: KnowledgeVocabulary;
}

/** Builds the whole store in memory: the engines' core file and the search vocabularies. */
export function buildKnowledgeBase(root = REPO_ROOT): BuiltKnowledge {
  const curatedDir = path.join(root, 'data/knowledge/curated');
  const sourcesDir = path.join(root, 'data/knowledge/sources');
  const drugs = buildDrugs(curatedDir, sourcesDir);
  const labs: CuratedLab[] = readEntries(path.join(curatedDir, 'labs.json'), curatedLabSchema).sort((a, b) => a.id.localeCompare(b.id));
  requireUniqueIds('lab', labs);
  const crossReactivity: CrossReactivity[] = readEntries(path.join(curatedDir, 'allergy-cross-reactivity.json'), crossReactivitySchema);
  const interactions = interactionTablesSchema.parse(
    buildInteractionTables({
      sourcesDir: path.join(sourcesDir, 'ddi-ansm-onc'),
      resolveDrugId: createCuratedNameResolver(drugs),
    }),
  );
  const content = {
    format: KB_FORMAT as typeof KB_FORMAT,
    credits: KB_CREDITS,
    drugs,
    crossReactivity,
    interactions,
    labs,
    conditions: buildConditions(path.join(root, 'data/ddxplus')),
  };
  const bulk = {
    format: KB_FORMAT as typeof KB_FORMAT,
    icd10: buildIcd10(sourcesDir),
    vocabulary: buildVocabulary(sourcesDir),
    education: buildEducation(sourcesDir),
  };
  const version = createHash('sha256').update(JSON.stringify(content)).update(JSON.stringify(bulk)).digest('hex').slice(0, 12);
  return { core: { ...content, version }, vocabulary: { ...bulk, version } };
}

/** The two files' text, as written to `data/knowledge/`. */
export function serializeKnowledgeBase(built: BuiltKnowledge): { core: string; vocabulary: string } {
  return { core: `${JSON.stringify(built.core)}\n`, vocabulary: `${JSON.stringify(built.vocabulary)}\n` };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = performance.now();
  const built = buildKnowledgeBase();
  const { core: kb, vocabulary } = built;
  const text = serializeKnowledgeBase(built);
  const summary = `knowledge base ${kb.version}: ${kb.drugs.length} drugs, ${kb.labs.length} labs, ${kb.interactions.rules.length} interaction rules (${kb.interactions.pairs.length} pairs), ${kb.conditions.length} conditions, ${vocabulary.icd10.entries.length} ICD-10 codes, ${vocabulary.education.length} education topics; ${(text.core.length / 1e6).toFixed(1)} + ${(text.vocabulary.length / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`;
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  if (process.argv.includes('--check')) {
    if (read(KB_FILE) !== text.core || read(KB_VOCABULARY_FILE) !== text.vocabulary) {
      process.stderr.write('data/knowledge/kb.json or kb-vocabulary.json is out of date: run `npm run build:kb`\n');
      process.exit(1);
    }
    process.stdout.write(`up to date — ${summary}\n`);
  } else {
    writeFileSync(KB_FILE, text.core);
    writeFileSync(KB_VOCABULARY_FILE, text.vocabulary);
    process.stdout.write(`wrote data/knowledge/kb.json and kb-vocabulary.json — ${summary}\n`);
  }
}

/**
 * Copies the open data sets the knowledge base is built from out of the curated data folder
 * (`../shared/data` beside a developer checkout) into `data/knowledge/sources/`, trimmed to what
 * the build reads, each with its NOTICE and licence. Run once when a source changes:
 *
 *   npx tsx src/knowledge/build/prepare-sources.ts [path/to/shared/data]
 *
 * The copies are committed, so `npm run build:kb` (and a fresh clone) never needs the originals.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const sharedData = path.resolve(process.argv[2] ?? path.join(repoRoot, '../shared/data'));
const out = path.join(repoRoot, 'data/knowledge/sources');

function target(...parts: string[]): string {
  const file = path.join(out, ...parts);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

function copy(from: string, ...to: string[]): void {
  copyFileSync(path.join(sharedData, from), target(...to));
}

function readJsonLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

function prepareIcd10(): void {
  copy('icd10cm-2018-categories/categories.csv', 'icd10cm', 'categories.csv');
  copy('icd10cm-2018-categories/NOTICE.md', 'icd10cm', 'NOTICE.md');
}

/** Hetionet: only the disease and symptom vocabulary (the rest of the graph is not used). */
function prepareHetionet(): void {
  const lines = readFileSync(path.join(sharedData, 'hetionet-nodes/hetnet/tsv/hetionet-v1.0-nodes.tsv'), 'utf8').split(/\r?\n/);
  const kept = lines.filter((line, index) => index === 0 || /\t(Disease|Symptom)$/.test(line));
  writeFileSync(target('hetionet', 'disease-symptom-nodes.tsv'), `${kept.join('\n')}\n`);
  copy('hetionet-nodes/NOTICE.md', 'hetionet', 'NOTICE.md');
}

interface MedquadDoc {
  collection: string;
  doc_id: string | null;
  source: string;
  url: string;
  focus: string;
  category: string | null;
  synonyms: string[];
}
interface MedquadQa {
  collection: string;
  doc_id: string;
  qtype: string;
  answer: string | null;
}

/** Collections whose answers MedQuAD ships (the MedlinePlus A.D.A.M./drug ones are empty upstream). */
const EDUCATION_COLLECTIONS = new Set([
  '4_MPlus_Health_Topics_QA',
  '5_NIDDK_QA',
  '6_NINDS_QA',
  '7_SeniorHealth_QA',
  '8_NHLBI_QA_XML',
  '9_CDC_QA',
  '1_CancerGov_QA',
]);
const SUMMARY_LIMIT = 600;

function prepareMedquad(): void {
  const docs = readJsonLines(path.join(sharedData, 'medquad/medquad_docs.jsonl')) as MedquadDoc[];
  const answers = new Map<string, string>();
  for (let part = 0; existsSync(path.join(sharedData, `medquad/medquad_qa.part0${part}.jsonl`)); part++) {
    for (const qa of readJsonLines(path.join(sharedData, `medquad/medquad_qa.part0${part}.jsonl`)) as MedquadQa[]) {
      const key = `${qa.collection}/${qa.doc_id}`;
      if (qa.qtype === 'information' && qa.answer && !answers.has(key)) answers.set(key, qa.answer);
    }
  }
  const rows: string[] = [];
  const seenFocus = new Set<string>();
  for (const doc of docs) {
    // A document without an id (one in the CDC set) cannot be linked to its answers.
    if (!EDUCATION_COLLECTIONS.has(doc.collection) || !doc.doc_id) continue;
    const answer = answers.get(`${doc.collection}/${doc.doc_id}`);
    const focusKey = doc.focus.trim().toLowerCase();
    if (!answer || seenFocus.has(focusKey)) continue;
    seenFocus.add(focusKey);
    const summary = answer.replace(/\s+/g, ' ').trim();
    rows.push(
      JSON.stringify({
        collection: doc.collection,
        docId: doc.doc_id,
        source: doc.source,
        url: doc.url,
        focus: doc.focus.trim(),
        synonyms: doc.synonyms,
        summary: summary.length > SUMMARY_LIMIT ? `${summary.slice(0, summary.lastIndexOf(' ', SUMMARY_LIMIT))} …` : summary,
      }),
    );
  }
  writeFileSync(target('medquad', 'topics.jsonl'), `${rows.join('\n')}\n`);
  copy('medquad/NOTICE.md', 'medquad', 'NOTICE.md');
  copy('medquad/LICENSE.txt', 'medquad', 'LICENSE.txt');
}

/** repoDB: approved drug–indication rows only. */
function prepareRepodb(): void {
  const lines = readFileSync(path.join(sharedData, 'repodb-drug-indications/DrugDataProcessor/Data/RepoDB/repodb.txt'), 'utf8').split('\n');
  const kept = lines.filter((line, index) => index === 0 || line.includes(',Approved,'));
  writeFileSync(target('repodb', 'approved-indications.csv'), `${kept.join('\n')}\n`);
  copy('repodb-drug-indications/NOTICE.md', 'repodb', 'NOTICE.md');
}

interface AdrLabel {
  label_id: string;
  adverse_events: [string, string, ...unknown[]][];
}

/** FDA label ADR annotations: event names per label, without the MedDRA codes (not licensed for redistribution). */
function prepareFdaLabels(): void {
  const events = new Map<string, Set<string>>();
  for (const split of ['train', 'test']) {
    const labels = JSON.parse(
      readFileSync(path.join(sharedData, `fda-label-adr-200/database/annotations/demner-fushman-${split}-labels.json`), 'utf8'),
    ) as AdrLabel[];
    for (const label of labels) {
      const set = events.get(label.label_id.toUpperCase()) ?? new Set<string>();
      for (const event of label.adverse_events) set.add(event[0].toLowerCase());
      events.set(label.label_id.toUpperCase(), set);
    }
  }
  const json = Object.fromEntries([...events].sort(([a], [b]) => a.localeCompare(b)).map(([label, set]) => [label, [...set].sort()]));
  writeFileSync(target('fda-label-adr', 'label-adverse-events.json'), `${JSON.stringify(json, null, 0)}\n`);
  copy('fda-label-adr-200/NOTICE.md', 'fda-label-adr', 'NOTICE.md');
  copy('fda-label-adr-200/LICENSE', 'fda-label-adr', 'LICENSE');
}

prepareIcd10();
prepareHetionet();
prepareMedquad();
prepareRepodb();
prepareFdaLabels();
process.stdout.write(`knowledge sources prepared in ${path.relative(process.cwd(), out)}\n`);

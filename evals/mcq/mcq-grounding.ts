import type { KnowledgeEngines } from '../../src/engines/knowledge-engines.js';
import type { SearchHit } from '../../src/engines/search/index.js';
import type { McqQuestion } from './mcq-sets.js';

/** Kinds worth showing a model: curated entries and conditions, not the bulk vocabularies. */
const GROUNDING_KINDS: SearchHit['kind'][] = ['drug', 'lab', 'condition', 'score', 'education'];
const MAX_SNIPPETS = 5;
const MAX_TERM_QUERIES = 40;
const STOPWORDS = new Set(
  'which following most likely patient year years old with that this from have been were what when there their these after about because following shows'.split(
    ' ',
  ),
);

/** Curated entries first; education topics are broad and come last. */
const KIND_RANK: Partial<Record<SearchHit['kind'], number>> = { drug: 0, lab: 0, score: 1, condition: 1, education: 2 };

/**
 * The search matches names, not prose, so a whole question rarely hits. Queries, in order: the
 * whole stem, each option (often a drug or a disease; name prefixes accepted), then the stem's
 * words and word pairs (exact names only, since a prefix of one word is mostly noise).
 */
function queriesOf(question: McqQuestion): { text: string; prefix: boolean }[] {
  const options = Object.values(question.options).filter((o): o is string => Boolean(o));
  const queries = [{ text: question.question, prefix: false }, ...options.map((text) => ({ text, prefix: true }))];
  if (question.language === 'en') {
    const words = (question.question.toLowerCase().match(/[a-z][a-z0-9-]*/g) ?? []).filter((w) => !STOPWORDS.has(w));
    const pairs = words
      .slice(1)
      .map((word, i) => [words[i] ?? '', word])
      .filter(([a, b]) => (a?.length ?? 0) >= 4 && (b?.length ?? 0) >= 4)
      .map(([a, b]) => `${a} ${b}`);
    // Each search scans every name once; the cap keeps a long vignette to ~0.1 s.
    const terms = [...new Set([...pairs, ...words.filter((w) => w.length >= 5)])].slice(0, MAX_TERM_QUERIES);
    for (const text of terms) queries.push({ text, prefix: false });
  }
  return queries;
}

function summaryOf(hit: SearchHit, engines: KnowledgeEngines, language: 'en' | 'zh'): string {
  if (hit.kind === 'drug') {
    const drug = engines.kb.drugs.find((d) => d.id === hit.id);
    if (drug) {
      const effects = drug.adverseEffects
        .slice(0, 3)
        .map((e) => e[language])
        .join(language === 'zh' ? '、' : ', ');
      return language === 'zh'
        ? `药物类别：${drug.drugClass.zh}；主要不良反应：${effects}`
        : `class: ${drug.drugClass.en}; major adverse effects: ${effects}`;
    }
  }
  if (hit.kind === 'lab') {
    const lab = engines.kb.labs.find((l) => l.id === hit.id);
    const range = lab?.ranges.find((r) => !r.sex && r.ageMin === undefined) ?? lab?.ranges[0];
    if (lab && range) {
      const span = `${range.low ?? '—'}–${range.high ?? '—'} ${lab.siUnit}`;
      return language === 'zh' ? `标本：${lab.specimen.zh}；参考范围：${span}` : `specimen: ${lab.specimen.en}; reference range: ${span}`;
    }
  }
  return '';
}

/** Up to five knowledge-base snippets for a question, one line each (none when nothing matched). */
export function groundingSnippets(question: McqQuestion, engines: KnowledgeEngines): string[] {
  const hits = new Map<string, { hit: SearchHit; order: number }>();
  for (const query of queriesOf(question)) {
    for (const hit of engines.search.search(query.text, { kinds: GROUNDING_KINDS, limit: MAX_SNIPPETS })) {
      if (hit.match !== 'exact' && !(query.prefix && hit.match === 'prefix')) continue;
      const key = `${hit.kind}:${hit.id}`;
      if (!hits.has(key)) hits.set(key, { hit, order: hits.size });
    }
  }
  return [...hits.values()]
    .sort((a, b) => (KIND_RANK[a.hit.kind] ?? 3) - (KIND_RANK[b.hit.kind] ?? 3) || a.order - b.order)
    .slice(0, MAX_SNIPPETS)
    .map(({ hit }) => {
      const summary = summaryOf(hit, engines, question.language);
      return `- [${hit.kind}] ${hit.label[question.language]}${summary ? ` — ${summary}` : ''}`;
    });
}

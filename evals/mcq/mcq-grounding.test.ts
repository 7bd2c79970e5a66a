import { describe, expect, it } from 'vitest';
import { getKnowledgeEngines } from '../../src/engines/knowledge-engines.js';
import { groundingSnippets } from './mcq-grounding.js';
import type { McqQuestion } from './mcq-sets.js';

const question = (text: string, options: McqQuestion['options'], language: 'en' | 'zh' = 'en'): McqQuestion => ({
  id: 't-1',
  set: 'usmle',
  language,
  question: text,
  options,
  answer: 'A',
});

describe('MCQ grounding snippets', () => {
  it('puts a drug named in an option first, with its class from the knowledge base', () => {
    const snippets = groundingSnippets(
      question('A 60-year-old man with knee pain and a raised platelet count starts which drug?', { A: 'Naproxen', B: 'Surgery' }),
      getKnowledgeEngines(),
    );
    expect(snippets.length).toBeGreaterThan(0);
    expect(snippets.length).toBeLessThanOrEqual(5);
    expect(snippets[0]).toMatch(/^- \[drug\] naproxen — class: Non-steroidal anti-inflammatory/);
    expect(snippets.some((s) => s.startsWith('- [lab] Platelet count'))).toBe(true);
  });

  it('returns nothing for text that names nothing in the knowledge base', () => {
    expect(groundingSnippets(question('Zzqx wvut?', { A: 'qqqq', B: 'xxxx' }), getKnowledgeEngines())).toEqual([]);
  });
});

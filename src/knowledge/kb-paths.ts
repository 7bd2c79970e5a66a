import path from 'node:path';

/** The built knowledge base shipped with Suwen (`npm run build:kb` writes it). */
export const KB_FILE = path.resolve(import.meta.dirname, '../../data/knowledge/kb.json');

/** ICD-10 titles, Hetionet names and education topics (for search), built beside it. */
export const KB_VOCABULARY_FILE = path.resolve(import.meta.dirname, '../../data/knowledge/kb-vocabulary.json');

import path from 'node:path';

/** The built knowledge base shipped with Suwen (`npm run build:kb` writes it). */
export const KB_FILE = path.resolve(import.meta.dirname, '../../data/knowledge/kb.json');

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type CuratedLab, curatedLabSchema } from '../../knowledge/index.js';
import { createLabIndex, type LabIndex } from './lab-index.js';

/** Test helper: the shipped curated labs, validated, and an index over them. */
export function loadCuratedLabs(): CuratedLab[] {
  const raw: unknown = JSON.parse(readFileSync(new URL('../../../data/knowledge/curated/labs.json', import.meta.url), 'utf8'));
  return z.array(curatedLabSchema).parse(raw);
}

export function loadLabIndex(): LabIndex {
  return createLabIndex(loadCuratedLabs());
}

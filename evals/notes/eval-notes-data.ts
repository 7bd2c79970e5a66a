/**
 * The shipped note-generation development sets: ACI-Bench *valid* (20 full visit dialogues with
 * reference notes) and MTS-Dialog *validation* (100 short dialogues, each with one reference note
 * section). Provenance and licence: data/eval/aci-bench/NOTICE.md, data/eval/mts-dialog/NOTICE.md.
 * Also Suwen's own six short zh/en visits with fact checklists (`visits`, eval-notes-visits.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/engines/ddx/index.js';
import { loadSuwenVisits, type VisitChecklistItem } from './eval-notes-visits.js';

export const NOTE_EVAL_DATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '../../data/eval');
export const NOTE_EVAL_SETS = ['aci-bench', 'mts-dialog', 'visits'] as const;
/** The published development sets, what `--set all` runs. */
export const NOTE_DEV_SETS = ['aci-bench', 'mts-dialog'] as const;
export type NoteEvalSetName = (typeof NOTE_EVAL_SETS)[number];

export interface NoteEvalCase {
  set: NoteEvalSetName;
  id: string;
  /** The dialogue as published ("[doctor] …" lines, or "Doctor: …" lines). */
  dialogue: string;
  /** The reference note (ACI-Bench) or note section (MTS-Dialog). */
  reference: string;
  /** MTS-Dialog's section header (GENHX, ROS, …); absent for full notes. */
  section?: string;
  /** The dialogue's language (Suwen's visits); the published sets are English. */
  language?: 'zh' | 'en';
  /** Facts the note must carry, with the section each belongs in (Suwen's visits). */
  checklist?: VisitChecklistItem[];
}

function rowsOf(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  if (!header) throw new Error(`${file} is empty`);
  return rows
    .filter((row) => row.length >= header.length)
    .map((row) => Object.fromEntries(header.map((name, i) => [name.trim(), row[i] ?? ''])));
}

export function loadNoteEvalSet(set: NoteEvalSetName, dataDir = NOTE_EVAL_DATA_DIR): NoteEvalCase[] {
  if (set === 'visits') {
    return loadSuwenVisits().map((visit) => ({
      set,
      id: visit.id,
      dialogue: visit.dialogue,
      reference: visit.reference,
      language: visit.language,
      checklist: visit.checklist,
    }));
  }
  if (set === 'aci-bench') {
    return rowsOf(join(dataDir, 'aci-bench', 'valid.csv')).map((row) => ({
      set,
      id: row.encounter_id ?? '',
      dialogue: row.dialogue ?? '',
      reference: row.note ?? '',
    }));
  }
  return rowsOf(join(dataDir, 'mts-dialog', 'MTS-Dialog-ValidationSet.csv')).map((row) => ({
    set,
    id: `MTS-${row.ID ?? ''}`,
    dialogue: row.dialogue ?? '',
    reference: row.section_text ?? '',
    section: row.section_header ?? '',
  }));
}

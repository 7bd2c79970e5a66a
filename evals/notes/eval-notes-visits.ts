/**
 * Suwen's own short visits (evals/notes/suwen-visits.json): three Chinese and three English
 * outpatient consultations with reference notes and a checklist of the facts each note must carry
 * — allergies with their reaction, point-of-care and laboratory results, pregnancy status,
 * medicines, orders and follow-up. A checklist item is *found* when one of its wordings appears in
 * the note, and *placed* when it appears in the section it belongs to (orders in the plan, results
 * already obtained under 辅助检查 / Objective …).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VISIT_CHECKLIST_KINDS = [
  'chief_complaint',
  'symptom',
  'problem',
  'medication',
  'allergy',
  'result',
  'vital',
  'pregnancy',
  'order',
  'follow_up',
] as const;
export type VisitChecklistKind = (typeof VISIT_CHECKLIST_KINDS)[number];

export interface VisitChecklistItem {
  id: string;
  kind: VisitChecklistKind;
  /** Section key where the fact belongs; absent when any section will do. */
  section?: string;
  anyOf: string[];
}

export interface SuwenVisit {
  id: string;
  language: 'zh' | 'en';
  dialogue: string;
  reference: string;
  checklist: VisitChecklistItem[];
}

export const SUWEN_VISITS_FILE = join(fileURLToPath(new URL('.', import.meta.url)), 'suwen-visits.json');

export function loadSuwenVisits(file = SUWEN_VISITS_FILE): SuwenVisit[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { visits?: SuwenVisit[] };
  if (!Array.isArray(data.visits) || data.visits.length === 0) throw new Error(`${file} holds no visits`);
  for (const visit of data.visits) {
    for (const item of visit.checklist) {
      if (!VISIT_CHECKLIST_KINDS.includes(item.kind)) throw new Error(`${visit.id}/${item.id}: unknown kind ${item.kind}`);
      if (item.anyOf.length === 0) throw new Error(`${visit.id}/${item.id}: no wordings`);
    }
  }
  return data.visits;
}

/** A written note as its sections' plain text. */
export interface NoteSectionsText {
  key: string;
  text: string;
}

export interface ChecklistCounts {
  items: number;
  found: number;
  placed: number;
  /** Item ids not found, `visit/item`. */
  missed: string[];
  /** Item ids found outside their section, `visit/item→section where found`. */
  misplaced: string[];
}

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/** Checklist counts of one note. */
export function scoreChecklist(
  visitId: string,
  checklist: readonly VisitChecklistItem[],
  sections: readonly NoteSectionsText[],
): ChecklistCounts {
  const counts: ChecklistCounts = { items: 0, found: 0, placed: 0, missed: [], misplaced: [] };
  const squashed = sections.map((section) => ({ key: section.key, text: squash(section.text) }));
  for (const item of checklist) {
    counts.items++;
    const wordings = item.anyOf.map(squash);
    const hits = squashed.filter((section) => wordings.some((wording) => section.text.includes(wording)));
    if (hits.length === 0) {
      counts.missed.push(`${visitId}/${item.id}`);
      continue;
    }
    counts.found++;
    if (!item.section || hits.some((hit) => hit.key === item.section)) counts.placed++;
    else counts.misplaced.push(`${visitId}/${item.id}→${hits.map((hit) => hit.key).join(',')}`);
  }
  return counts;
}

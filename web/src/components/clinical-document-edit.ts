// Editing a clinical document as plain text per section, one sentence a line, without losing the
// provenance of the sentences the clinician left as they were.
import type { NoteDocument, NoteSentence } from '../features/notes/notes-api';

/** Section texts for editing: one sentence a line. */
export function sectionDrafts(document: NoteDocument): Record<string, string> {
  return Object.fromEntries(document.sections.map((s) => [s.key, s.sentences.map((x) => x.text).join('\n')]));
}

/**
 * The document with the edited section texts. A line left as it was keeps its sentence and
 * support; a changed or new line is the clinician's own text: it cites nothing and is marked
 * `clinician` (theirs to vouch for), not `unsupported` (a possible hallucination).
 */
export function applyDrafts(document: NoteDocument, drafts: Record<string, string>): NoteDocument {
  let next = Math.max(0, ...document.sections.flatMap((s) => s.sentences.map((x) => Number(x.id.slice(1)) || 0)));
  const sections = document.sections.map((section) => {
    const draft = drafts[section.key];
    if (draft === undefined) return section;
    const byText = new Map(section.sentences.map((s) => [s.text, s]));
    const sentences = draft
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((line): NoteSentence => {
        const kept = byText.get(line);
        if (kept) {
          byText.delete(line);
          return kept;
        }
        next += 1;
        return { id: `S${next}`, text: line, support: { sourceIds: [], status: 'clinician', score: 0 } };
      });
    return { ...section, sentences, placeholder: section.placeholder && sentences.length === 0 ? true : undefined };
  });
  return { ...document, sections };
}

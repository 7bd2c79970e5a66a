/**
 * The clinical document an artifact holds: the reviewer's edit when there is one, else the
 * original draft. Any artifact whose content has a valid `document` (visit notes, discharge
 * summaries) qualifies; anything else is refused with NOT_A_CLINICAL_DOCUMENT.
 */
import type { Artifact } from '../../audit/artifacts.js';
import { type ClinicalDocument, clinicalDocumentSchema } from '../../engines/notes/index.js';
import { SuwenError } from '../../shared/errors.js';

export interface ArtifactDocument {
  document: ClinicalDocument;
  /** True when the document is the reviewer's edited version. */
  edited: boolean;
}

export function clinicalDocumentOf(artifact: Artifact): ArtifactDocument {
  const original = clinicalDocumentSchema.safeParse(artifact.content.document);
  if (!original.success) throw new SuwenError('NOT_A_CLINICAL_DOCUMENT', 'Artifact content has no clinical document');
  const edited = artifact.editedContent;
  if (!edited) return { document: original.data, edited: false };
  const editedDocument = clinicalDocumentSchema.safeParse(edited.document);
  if (editedDocument.success) return { document: editedDocument.data, edited: true };
  // An edit that changed only the text: its paragraphs (heading line, then one sentence per line).
  if (typeof edited.text === 'string' && edited.text.trim()) {
    return {
      document: textToDocument(edited.text, typeof edited.title === 'string' ? edited.title : original.data.title, original.data),
      edited: true,
    };
  }
  return { document: original.data, edited: false };
}

function textToDocument(text: string, title: string, base: ClinicalDocument): ClinicalDocument {
  let next = 1;
  const sections = text
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0)
    .slice(0, 40)
    .map((lines, index) => ({
      key: base.sections[index]?.key ?? `section_${index + 1}`,
      title: (lines[0] as string).slice(0, 200),
      sentences: lines.slice(1, 501).map((line) => ({
        id: `S${next++}`,
        text: line.slice(0, 4000),
        // Written by the reviewing clinician: nothing to cite.
        support: { sourceIds: [], status: 'computed' as const, score: 0 },
      })),
    }));
  return { ...base, title: title.slice(0, 500), sections };
}

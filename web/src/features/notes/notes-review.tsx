import { useTranslation } from 'react-i18next';
import { applyDrafts } from '../../components/clinical-document-edit';
import { Badge, Card } from '../../components/feedback';
import { type ReviewChoice, ReviewForm } from '../../components/review-form';
import { formatDateTime } from '../../format';
import { href } from '../../router';
import { type Artifact, type ArtifactStatus, artifactFhirUrl, artifactPdfUrl } from '../artifacts/artifacts-api';
import { STATUS_TONE } from '../artifacts/inbox-page';
import { documentText, type NoteDocument, notesApi } from './notes-api';

/**
 * Review and export of a drafted document (note or discharge summary): accept, edit (the sections
 * become editable in place; the line diff is kept on the artifact) or reject; then print, PDF,
 * and — once accepted — FHIR.
 */
export function DocumentReview({
  artifactId,
  document,
  reviewed,
  editing,
  drafts,
  onEdit,
  onReviewed,
  fileStem,
}: {
  artifactId: string;
  document: NoteDocument;
  /** The artifact as the review answered it; undefined while it is a draft. */
  reviewed: Artifact | undefined;
  editing: boolean;
  drafts: Record<string, string>;
  onEdit: (editing: boolean) => void;
  onReviewed: (artifact: Artifact) => void;
  fileStem: string;
}) {
  const { t } = useTranslation();
  const status: ArtifactStatus = reviewed?.status ?? 'draft';
  const final = status === 'accepted' || status === 'edited';

  const send = (choice: ReviewChoice) => {
    if (choice.decision !== 'edit') return notesApi.review(artifactId, choice);
    const edited = applyDrafts(document, drafts);
    return notesApi.review(artifactId, {
      decision: 'edit',
      content: { title: edited.title, text: documentText(edited), document: edited },
    });
  };

  return (
    <Card
      title={t('notes.review')}
      testId="note-review"
      className="note-review"
      actions={
        <Badge tone={STATUS_TONE[status] ?? 'neutral'}>
          <span data-testid="note-status" data-status={status}>
            {t(`artifactStatus.${status}`)}
          </span>
        </Badge>
      }
    >
      {status === 'draft' ? (
        <ReviewForm
          send={send}
          onReviewed={onReviewed}
          editing={editing}
          onEditingChange={onEdit}
          intro={<p className="muted small">{t('notes.reviewHint')}</p>}
          testIdPrefix="note"
          rejectNoteId="note-reject-note"
          rejectNoteRows={2}
        />
      ) : (
        <p data-testid="note-review-outcome">
          {t('inbox.reviewedBy', {
            status: t(`artifactStatus.${status}`),
            reviewer: reviewed?.reviewer?.displayName ?? t('common.unknown'),
            time: formatDateTime(reviewed?.reviewedAt ?? null),
          })}{' '}
          <a href={href(`/artifacts/${encodeURIComponent(artifactId)}`)} data-testid="note-artifact-link">
            {status === 'edited' ? t('notes.seeDiff') : t('notes.seeRecord')}
          </a>
        </p>
      )}
      <div className="button-row note-export" data-testid="note-export">
        <button type="button" className="button button-small" onClick={() => window.print()} data-testid="note-print">
          {t('notes.print')}
        </button>
        <a className="button button-small" href={artifactPdfUrl(artifactId)} download={`${fileStem}.pdf`} data-testid="note-pdf">
          {t('notes.downloadPdf')}
        </a>
        {final ? (
          <a className="button button-small" href={artifactFhirUrl(artifactId)} download={`${fileStem}.fhir.json`} data-testid="note-fhir">
            {t('notes.downloadFhir')}
          </a>
        ) : (
          <button type="button" className="button button-small" disabled title={t('notes.fhirAfterAccept')} data-testid="note-fhir">
            {t('notes.downloadFhir')}
          </button>
        )}
      </div>
      {!final && <p className="muted small">{t('notes.fhirAfterAccept')}</p>}
    </Card>
  );
}

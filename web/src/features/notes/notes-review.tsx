import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { applyDrafts } from '../../components/clinical-document-edit';
import { Badge, Card, ErrorMessage } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { href } from '../../router';
import { type Artifact, type ArtifactStatus, artifactFhirUrl, artifactPdfUrl } from '../artifacts/artifacts-api';
import { STATUS_TONE } from '../artifacts/inbox-page';
import { documentText, type NoteDocument, type NoteReview, notesApi } from './notes-api';

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
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const status: ArtifactStatus = reviewed?.status ?? 'draft';
  const final = status === 'accepted' || status === 'edited';

  const send = (body: NoteReview) => {
    setBusy(true);
    setError(undefined);
    notesApi.review(artifactId, body).then(
      (artifact) => {
        setBusy(false);
        setRejecting(false);
        onEdit(false);
        onReviewed(artifact);
      },
      (caught: unknown) => {
        setBusy(false);
        setError(caught instanceof ApiError ? caught : new ApiError('CLIENT', 0, String(caught)));
      },
    );
  };

  const saveEdit = () => {
    const edited = applyDrafts(document, drafts);
    send({ decision: 'edit', content: { title: edited.title, text: documentText(edited), document: edited } });
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
      {error && <ErrorMessage error={error} />}
      {status === 'draft' ? (
        <>
          <p className="muted small">{t('notes.reviewHint')}</p>
          {rejecting && (
            <div className="field">
              <label htmlFor="note-reject-note">{t('inbox.rejectNote')}</label>
              <textarea
                id="note-reject-note"
                rows={2}
                value={note}
                placeholder={t('inbox.rejectNotePlaceholder')}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
          )}
          <div className="button-row">
            {editing ? (
              <>
                <button type="button" className="button button-primary" disabled={busy} onClick={saveEdit} data-testid="note-save-edit">
                  {t('inbox.saveEdited')}
                </button>
                <button type="button" className="button button-quiet" disabled={busy} onClick={() => onEdit(false)}>
                  {t('inbox.cancel')}
                </button>
              </>
            ) : rejecting ? (
              <>
                <button
                  type="button"
                  className="button button-danger"
                  disabled={busy}
                  onClick={() => send(note.trim() ? { decision: 'reject', note: note.trim() } : { decision: 'reject' })}
                  data-testid="note-confirm-reject"
                >
                  {t('inbox.confirmReject')}
                </button>
                <button type="button" className="button button-quiet" disabled={busy} onClick={() => setRejecting(false)}>
                  {t('inbox.cancel')}
                </button>
              </>
            ) : (
              <>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy}
                  onClick={() => send({ decision: 'accept' })}
                  data-testid="note-accept"
                >
                  {t('inbox.accept')}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => onEdit(true)} data-testid="note-edit">
                  {t('inbox.edit')}
                </button>
                <button
                  type="button"
                  className="button button-danger-quiet"
                  disabled={busy}
                  onClick={() => setRejecting(true)}
                  data-testid="note-reject"
                >
                  {t('inbox.reject')}
                </button>
              </>
            )}
          </div>
        </>
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

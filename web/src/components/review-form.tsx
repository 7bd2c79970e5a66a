import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { ErrorMessage } from './feedback';

/** What the reviewer chose; the page turns `edit` into its own edited content. */
export type ReviewChoice = { decision: 'accept' } | { decision: 'edit' } | { decision: 'reject'; note?: string };

/**
 * Accept, edit or reject a drafted artifact. Accept sends at once; edit opens the editing (the
 * `editor` here, or the document itself where the page edits in place) until it is saved; reject
 * asks for an optional note first. The page sends the choice and gets the server's answer back.
 */
export function ReviewForm<Result>({
  send,
  onReviewed,
  editing,
  onEditingChange,
  editor,
  canSaveEdit = true,
  intro,
  testIdPrefix,
  rejectNoteId,
  rejectNoteRows = 3,
}: {
  /** Sends the choice to the server; its answer goes to `onReviewed`. */
  send: (choice: ReviewChoice) => Promise<Result>;
  onReviewed: (result: Result) => void;
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
  /** The editing field, shown while editing; omit it where the page edits in place. */
  editor?: ReactNode;
  canSaveEdit?: boolean;
  /** A line shown above the controls. */
  intro?: ReactNode;
  /** Test ids: `<prefix>-accept`, `-edit`, `-reject`, `-save-edit`, `-confirm-reject`. */
  testIdPrefix: string;
  rejectNoteId: string;
  rejectNoteRows?: number;
}) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  const submit = (choice: ReviewChoice) => {
    setBusy(true);
    setError(undefined);
    send(choice).then(
      (result) => {
        setBusy(false);
        setRejecting(false);
        onEditingChange(false);
        onReviewed(result);
      },
      (caught: unknown) => {
        setBusy(false);
        setError(caught instanceof ApiError ? caught : new ApiError('CLIENT', 0, String(caught)));
      },
    );
  };

  return (
    <>
      {error && <ErrorMessage error={error} />}
      {intro}
      {editing && editor}
      {rejecting && (
        <div className="field">
          <label htmlFor={rejectNoteId}>{t('inbox.rejectNote')}</label>
          <textarea
            id={rejectNoteId}
            rows={rejectNoteRows}
            value={note}
            placeholder={t('inbox.rejectNotePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      )}
      <div className="button-row">
        {editing ? (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !canSaveEdit}
              onClick={() => submit({ decision: 'edit' })}
              data-testid={`${testIdPrefix}-save-edit`}
            >
              {t('inbox.saveEdited')}
            </button>
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => onEditingChange(false)}>
              {t('inbox.cancel')}
            </button>
          </>
        ) : rejecting ? (
          <>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => submit(note.trim() ? { decision: 'reject', note: note.trim() } : { decision: 'reject' })}
              data-testid={`${testIdPrefix}-confirm-reject`}
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
              onClick={() => submit({ decision: 'accept' })}
              data-testid={`${testIdPrefix}-accept`}
            >
              {t('inbox.accept')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => onEditingChange(true)}
              data-testid={`${testIdPrefix}-edit`}
            >
              {t('inbox.edit')}
            </button>
            <button
              type="button"
              className="button button-danger-quiet"
              disabled={busy}
              onClick={() => setRejecting(true)}
              data-testid={`${testIdPrefix}-reject`}
            >
              {t('inbox.reject')}
            </button>
          </>
        )}
      </div>
    </>
  );
}

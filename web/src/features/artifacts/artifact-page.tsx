import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Card, ErrorMessage, Loading } from '../../components/feedback';
import { GuardrailList } from '../../components/guardrail-list';
import { type ReviewChoice, ReviewForm } from '../../components/review-form';
import { formatDateTime, formatNumber, shortHash } from '../../format';
import { href } from '../../router';
import { useApi } from '../../use-api';
import { type Artifact, type ArtifactContent, artifactsApi } from './artifacts-api';
import { STATUS_TONE } from './inbox-page';

/** Artifact kinds with a workspace of their own (`#/notes/<id>`, `#/discharge/<id>`): provenance, checks, exports. */
const WORKSPACES: Record<string, string> = { 'clinical-note': 'notes', 'discharge-summary': 'discharge' };

export function ArtifactPage({ artifactId }: { artifactId: string }) {
  const { t } = useTranslation();
  const loaded = useApi(`artifact:${artifactId}`, () => artifactsApi.get(artifactId));
  // The review answer replaces the loaded artifact.
  const [reviewed, setReviewed] = useState<Artifact | undefined>(undefined);
  const artifact = reviewed ?? loaded.data;

  return (
    <div className="page" data-testid="artifact-page">
      <p className="breadcrumb">
        <a href={href('/inbox')}>← {t('inbox.backToInbox')}</a>
      </p>
      {loaded.error ? (
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
      ) : !artifact ? (
        <Loading />
      ) : (
        <ArtifactView artifact={artifact} onReviewed={setReviewed} />
      )}
    </div>
  );
}

function ArtifactView({ artifact, onReviewed }: { artifact: Artifact; onReviewed: (a: Artifact) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <h1>
          {artifact.content.title ?? t('inbox.detailTitle')}{' '}
          <Badge tone={STATUS_TONE[artifact.status] ?? 'neutral'}>{t(`artifactStatus.${artifact.status}`)}</Badge>
        </h1>
        <p className="muted">
          {t(`artifactKinds.${artifact.kind.replaceAll('.', '_')}`, { defaultValue: artifact.kind })} ·{' '}
          {t(`workflows.${artifact.workflow.replaceAll('.', '_')}`, { defaultValue: artifact.workflow })}
          {artifact.patientName && (
            <>
              {' · '}
              {artifact.patientId ? <a href={href(`/patients/${artifact.patientId}`)}>{artifact.patientName}</a> : artifact.patientName}
            </>
          )}
          {WORKSPACES[artifact.kind] && (
            <>
              {' · '}
              <a href={href(`/${WORKSPACES[artifact.kind]}/${encodeURIComponent(artifact.id)}`)} data-testid="artifact-open-workspace">
                {t('inbox.openWorkspace')}
              </a>
            </>
          )}
        </p>
      </div>
      <div className="artifact-layout">
        <div className="artifact-main">
          {artifact.status === 'draft' && (
            <p className="alert alert-warning" role="note">
              {t('inbox.draftNotice')}
            </p>
          )}
          <Card title={t('inbox.content')} testId="artifact-content">
            <ContentView content={artifact.editedContent ?? artifact.content} />
          </Card>
          {artifact.status === 'draft' ? (
            <ReviewActions artifact={artifact} onReviewed={onReviewed} />
          ) : (
            <ReviewOutcome artifact={artifact} />
          )}
        </div>
        <aside className="artifact-side">
          <Card title={t('inbox.guardrails')} testId="artifact-guardrails">
            <GuardrailList findings={artifact.guardrails} />
          </Card>
          <Card title={t('inbox.sources')} testId="artifact-sources">
            {artifact.sources.length === 0 ? (
              <p className="alert alert-warning">{t('inbox.sourcesEmpty')}</p>
            ) : (
              <ol className="source-list">
                {artifact.sources.map((s) => (
                  <li key={`${s.type}:${s.ref}`}>
                    <span className="badge badge-neutral">{s.type}</span> {s.label}
                    <div className="mono small muted">{s.ref}</div>
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <Card title={t('inbox.metadata')} testId="artifact-metadata">
            <dl className="meta-list">
              <dt>{t('inbox.metaModel')}</dt>
              <dd className="mono">
                {artifact.model.id}
                {artifact.model.version ? ` @ ${artifact.model.version}` : ''}
              </dd>
              <dt>{t('inbox.metaPrompt')}</dt>
              <dd className="mono">
                {artifact.prompt.id ?? t('common.none')}
                {artifact.prompt.id && artifact.prompt.version ? ` v${artifact.prompt.version}` : ''}
                {artifact.prompt.hash ? (
                  <span className="mono muted" title={artifact.prompt.hash}>{` #${artifact.prompt.hash.slice(0, 10)}`}</span>
                ) : null}
              </dd>
              <dt>{t('inbox.metaInputHash')}</dt>
              <dd className="mono" title={artifact.inputHash}>
                {shortHash(artifact.inputHash)}
              </dd>
              <dt>{t('inbox.metaLatency')}</dt>
              <dd>{artifact.latencyMs !== null ? t('common.ms', { value: formatNumber(artifact.latencyMs, 0) }) : '—'}</dd>
              <dt>{t('inbox.metaTokens')}</dt>
              <dd>
                {formatNumber(artifact.tokensIn, 0)} / {formatNumber(artifact.tokensOut, 0)}
              </dd>
              <dt>{t('inbox.created')}</dt>
              <dd>{formatDateTime(artifact.createdAt)}</dd>
            </dl>
          </Card>
        </aside>
      </div>
    </>
  );
}

function ContentView({ content }: { content: ArtifactContent }) {
  if (typeof content.text === 'string') {
    return (
      <div className="document-text" data-testid="artifact-text">
        {content.text}
      </div>
    );
  }
  return <pre className="json-view">{JSON.stringify(content, null, 2)}</pre>;
}

function ReviewActions({ artifact, onReviewed }: { artifact: Artifact; onReviewed: (a: Artifact) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(artifact.content.text ?? JSON.stringify(artifact.content, null, 2));
  const title = artifact.content.title;
  const send = (choice: ReviewChoice) =>
    artifactsApi.review(
      artifact.id,
      choice.decision === 'edit' ? { decision: 'edit', content: title ? { title, text } : { text } } : choice,
    );

  return (
    <Card title={t('inbox.review')} testId="artifact-review">
      <ReviewForm
        send={send}
        onReviewed={onReviewed}
        editing={editing}
        onEditingChange={setEditing}
        editor={
          <div className="field">
            <label htmlFor="edit-text">{t('inbox.editLabel')}</label>
            <textarea id="edit-text" rows={14} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
        }
        canSaveEdit={text.trim() !== ''}
        testIdPrefix="review"
        rejectNoteId="reject-note"
      />
    </Card>
  );
}

function ReviewOutcome({ artifact }: { artifact: Artifact }) {
  const { t } = useTranslation();
  return (
    <Card title={t('inbox.review')} testId="artifact-outcome">
      <p data-testid="review-outcome-line">
        {t('inbox.reviewedBy', {
          status: t(`artifactStatus.${artifact.status}`),
          reviewer: artifact.reviewer?.displayName ?? t('common.unknown'),
          time: formatDateTime(artifact.reviewedAt),
        })}
      </p>
      {artifact.reviewNote && (
        <div className="review-note">
          <h3>{t('inbox.reviewNote')}</h3>
          <p>{artifact.reviewNote}</p>
        </div>
      )}
      {artifact.status === 'edited' && (
        <div className="diff-block">
          <h3>{t('inbox.diff')}</h3>
          {artifact.editDistance !== null && <p className="muted small">{t('inbox.editDistance', { count: artifact.editDistance })}</p>}
          {artifact.editDiff ? <DiffView diff={artifact.editDiff} /> : <p className="muted">{t('inbox.diffEmpty')}</p>}
        </div>
      )}
    </Card>
  );
}

function DiffView({ diff }: { diff: string }) {
  return (
    <pre className="diff" data-testid="edit-diff">
      {diff.split('\n').map((line, i) => {
        const kind = line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : 'same';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed diff never reorder
          <span key={i} className={`diff-line diff-${kind}`}>
            {line}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}

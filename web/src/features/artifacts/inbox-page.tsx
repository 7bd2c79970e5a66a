import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, EmptyState, ErrorMessage, Loading, Pager } from '../../components/feedback';
import { GuardrailList } from '../../components/guardrail-list';
import { SegmentedChoice } from '../../components/segmented-group';
import { formatDateTime } from '../../format';
import { href, navigate } from '../../router';
import { useApi } from '../../use-api';
import { type ArtifactFilter, type ArtifactSummary, artifactsApi } from './artifacts-api';

const FILTERS: ArtifactFilter[] = ['draft', 'accepted', 'edited', 'rejected', 'all'];
const PAGE_SIZE = 25;

export const STATUS_TONE: Record<string, string> = {
  draft: 'warning',
  accepted: 'success',
  edited: 'accent',
  rejected: 'danger',
};

export function InboxPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<{ status: ArtifactFilter; offset: number }>({ status: 'draft', offset: 0 });
  const list = useApi(`artifacts:${view.status}:${view.offset}`, () => artifactsApi.list(view.status, PAGE_SIZE, view.offset));

  return (
    <div className="page" data-testid="inbox-page">
      <div className="page-header">
        <h1>{t('inbox.title')}</h1>
        <p className="muted">{t('inbox.intro')}</p>
      </div>
      <div className="toolbar">
        <SegmentedChoice
          label={t('inbox.filter')}
          testId="inbox-filter"
          options={FILTERS}
          value={view.status}
          onChange={(f) => setView({ status: f, offset: 0 })}
          optionLabel={(f) => t(`artifactStatus.${f}`)}
          optionTestId={(f) => `inbox-filter-${f}`}
        />
      </div>
      {list.error ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t('inbox.empty')}</EmptyState>
      ) : (
        <>
          <ArtifactTable items={list.data.items} />
          <Pager offset={view.offset} limit={PAGE_SIZE} total={list.data.total} onChange={(offset) => setView((v) => ({ ...v, offset }))} />
        </>
      )}
    </div>
  );
}

function ArtifactTable({ items }: { items: ArtifactSummary[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table-clickable" data-testid="artifact-table">
        <thead>
          <tr>
            <th scope="col">{t('inbox.kind')}</th>
            <th scope="col">{t('inbox.workflow')}</th>
            <th scope="col">{t('inbox.patient')}</th>
            <th scope="col">{t('inbox.model')}</th>
            <th scope="col">{t('inbox.created')}</th>
            <th scope="col">{t('inbox.guardrails')}</th>
            <th scope="col">{t('inbox.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} data-testid="artifact-row" onClick={() => navigate(`/inbox/${a.id}`)}>
              <td data-label={t('inbox.kind')}>
                <a href={href(`/inbox/${a.id}`)}>{a.kind}</a>
              </td>
              <td data-label={t('inbox.workflow')}>{a.workflow}</td>
              <td data-label={t('inbox.patient')}>{a.patientName ?? t('common.none')}</td>
              <td data-label={t('inbox.model')} className="mono small">
                {a.model.id}
                {a.model.version ? `@${a.model.version}` : ''}
              </td>
              <td data-label={t('inbox.created')}>{formatDateTime(a.createdAt)}</td>
              <td data-label={t('inbox.guardrails')}>
                <GuardrailList findings={a.guardrails} compact />
              </td>
              <td data-label={t('inbox.status')}>
                <Badge tone={STATUS_TONE[a.status] ?? 'neutral'}>{t(`artifactStatus.${a.status}`)}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

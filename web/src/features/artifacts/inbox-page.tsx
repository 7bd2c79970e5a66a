import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '../../components/data-table';
import { Badge, EmptyState, ErrorMessage, Loading, Pager } from '../../components/feedback';
import { GuardrailList } from '../../components/guardrail-list';
import { SegmentedChoice } from '../../components/segmented-group';
import { formatDateTime } from '../../format';
import { href, navigate } from '../../router';
import { useApi } from '../../use-api';
import { ALERT_COUNT_EVENT } from '../alerts/emergency-badge';
import { EmergencyWorklist } from '../alerts/emergency-worklist';
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
  // A new emergency brings its draft: reload the list when the header badge sees one.
  const reload = list.reload;
  useEffect(() => {
    window.addEventListener(ALERT_COUNT_EVENT, reload);
    return () => window.removeEventListener(ALERT_COUNT_EVENT, reload);
  }, [reload]);

  return (
    <div className="page" data-testid="inbox-page">
      <div className="page-header">
        <h1>{t('inbox.title')}</h1>
        <p className="muted">{t('inbox.intro')}</p>
      </div>
      <EmergencyWorklist />
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
  const columns: DataColumn<ArtifactSummary>[] = [
    {
      labelKey: 'inbox.kind',
      cell: (a) => (
        <a href={href(`/inbox/${a.id}`)} title={a.kind}>
          {t(`artifactKinds.${a.kind.replaceAll('.', '_')}`, { defaultValue: a.kind })}
        </a>
      ),
    },
    { labelKey: 'inbox.workflow', cell: (a) => t(`workflows.${a.workflow.replaceAll('.', '_')}`, { defaultValue: a.workflow }) },
    { labelKey: 'inbox.patient', cell: (a) => a.patientName ?? t('common.none') },
    {
      labelKey: 'inbox.model',
      className: 'mono small',
      cell: (a) => (
        <>
          {a.model.id}
          {a.model.version ? `@${a.model.version}` : ''}
        </>
      ),
    },
    { labelKey: 'inbox.created', cell: (a) => formatDateTime(a.createdAt) },
    { labelKey: 'inbox.guardrails', cell: (a) => <GuardrailList findings={a.guardrails} compact /> },
    { labelKey: 'inbox.status', cell: (a) => <Badge tone={STATUS_TONE[a.status] ?? 'neutral'}>{t(`artifactStatus.${a.status}`)}</Badge> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={items}
      rowKey={(a) => a.id}
      onRowClick={(a) => navigate(`/inbox/${a.id}`)}
      testId="artifact-table"
      rowTestId="artifact-row"
    />
  );
}

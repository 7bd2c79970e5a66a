import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { type DataColumn, DataTable } from '../../components/data-table';
import { Badge, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { useApi } from '../../use-api';
import { type AuditEntry, type AuditVerification, adminApi } from './admin-api';

const PAGE_SIZE = 50;

interface Filters {
  action: string;
  actorId: string;
  patientId: string;
}

const NO_FILTERS: Filters = { action: '', actorId: '', patientId: '' };

export function AuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // A stack of `before` cursors: the last one is the page on screen; empty means the newest.
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors.at(-1) ?? null;
  const page = useApi(`audit:${JSON.stringify(filters)}:${before}`, () => adminApi.audit({ limit: PAGE_SIZE, before, ...filters }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters({ action: draft.action.trim(), actorId: draft.actorId.trim(), patientId: draft.patientId.trim() });
    setCursors([]);
  }

  return (
    <div className="page" data-testid="audit-page">
      <div className="page-header page-header-row">
        <div>
          <h1>{t('audit.title')}</h1>
          <p className="muted">{t('audit.intro')}</p>
        </div>
        <VerifyChain />
      </div>
      <form className="toolbar filters" onSubmit={apply}>
        <FilterField
          id="audit-action"
          label={t('audit.filterAction')}
          placeholder={t('audit.filterActionPlaceholder')}
          value={draft.action}
          onChange={(action) => setDraft({ ...draft, action })}
        />
        <FilterField
          id="audit-actor"
          label={t('audit.filterActor')}
          value={draft.actorId}
          onChange={(actorId) => setDraft({ ...draft, actorId })}
        />
        <FilterField
          id="audit-patient"
          label={t('audit.filterPatient')}
          value={draft.patientId}
          onChange={(patientId) => setDraft({ ...draft, patientId })}
        />
        <div className="button-row filters-buttons">
          <button type="submit" className="button button-primary">
            {t('common.apply')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
              setCursors([]);
            }}
          >
            {t('common.clear')}
          </button>
        </div>
      </form>
      {page.error ? (
        <ErrorMessage error={page.error} onRetry={page.reload} />
      ) : !page.data ? (
        <Loading />
      ) : page.data.items.length === 0 ? (
        <EmptyState>{t('audit.empty')}</EmptyState>
      ) : (
        <AuditTable entries={page.data.items} />
      )}
      <div className="pager">
        {cursors.length > 0 && (
          <button type="button" className="button button-small" onClick={() => setCursors([])}>
            {t('audit.newest')}
          </button>
        )}
        <button
          type="button"
          className="button button-small"
          disabled={!page.data?.nextBefore}
          onClick={() => {
            const next = page.data?.nextBefore;
            if (next) setCursors([...cursors, next]);
          }}
          data-testid="audit-older"
        >
          {t('audit.older')}
        </button>
      </div>
    </div>
  );
}

function FilterField(props: { id: string; label: string; value: string; placeholder?: string; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} value={props.value} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />
    </div>
  );
}

const OUTCOME_TONE: Record<string, string> = { success: 'success', failure: 'danger', denied: 'warning' };

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const outcomeLabel = (o: string) => t(`audit.outcome${o.charAt(0).toUpperCase()}${o.slice(1)}`, { defaultValue: o });
  const columns: DataColumn<AuditEntry>[] = [
    { labelKey: 'audit.seq', numeric: true, className: 'mono', cell: (e) => e.seq },
    { labelKey: 'audit.time', className: 'nowrap', cell: (e) => formatDateTime(e.at) },
    { labelKey: 'audit.actor', cell: (e) => e.actorName ?? (e.actorId ? <ShortId id={e.actorId} /> : '—') },
    { labelKey: 'audit.role', cell: (e) => (e.actorRole ? t(`roles.${e.actorRole}`, { defaultValue: e.actorRole }) : '—') },
    { labelKey: 'audit.action', className: 'mono small', cell: (e) => e.action },
    {
      labelKey: 'audit.entity',
      className: 'small',
      cell: (e) => (
        <>
          {e.entityType ?? '—'}
          {e.entityId && (
            <div className="muted">
              <ShortId id={e.entityId} />
            </div>
          )}
        </>
      ),
    },
    { labelKey: 'audit.patient', className: 'small', cell: (e) => (e.patientId ? <ShortId id={e.patientId} /> : '—') },
    { labelKey: 'audit.outcome', cell: (e) => <Badge tone={OUTCOME_TONE[e.outcome] ?? 'neutral'}>{outcomeLabel(e.outcome)}</Badge> },
    { labelKey: 'audit.requestId', className: 'small muted', cell: (e) => (e.requestId ? <ShortId id={e.requestId} /> : '—') },
  ];
  return <DataTable columns={columns} rows={entries} rowKey={(e) => e.id} compact testId="audit-table" rowTestId="audit-row" />;
}

/** Long identifiers (UUIDs) shortened for the table; the whole value stays in the tooltip. */
function ShortId({ id }: { id: string }) {
  return (
    <span className="mono" title={id}>
      {id.length > 12 ? `${id.slice(0, 8)}…` : id}
    </span>
  );
}

function VerifyChain() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerification | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  async function verify() {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await adminApi.verifyAudit());
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('CLIENT', 0, String(caught)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="verify-chain">
      <button type="button" className="button" onClick={verify} disabled={busy} data-testid="audit-verify">
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div aria-live="polite">
        {error && <ErrorMessage error={error} />}
        {result &&
          (result.ok || !result.firstBroken ? (
            <p className="alert alert-success" data-testid="audit-verify-result">
              ✓ {t('audit.verifyOk', { count: result.checked })}
            </p>
          ) : (
            <p className="alert alert-error" data-testid="audit-verify-result">
              {t('audit.verifyBroken', {
                seq: result.firstBroken.seq,
                id: result.firstBroken.id,
                reason: result.firstBroken.reason,
                count: result.checked,
              })}
            </p>
          ))}
      </div>
    </div>
  );
}

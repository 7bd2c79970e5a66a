import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '../../components/data-table';
import { Badge, EmptyState, ErrorMessage, Loading, Pager } from '../../components/feedback';
import { formatDate, label } from '../../format';
import { href, navigate } from '../../router';
import { useApi, useDebounced } from '../../use-api';
import { type PatientSummary, patientsApi } from './patients-api';

const PAGE_SIZE = 20;

export function PatientsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  // A new search starts at its first page.
  const [page, setPage] = useState({ q: '', offset: 0 });
  const offset = page.q === q ? page.offset : 0;
  const setOffset = (next: number) => setPage({ q, offset: next });
  const result = useApi(`patients:${q}:${offset}`, () => patientsApi.list(q, PAGE_SIZE, offset));

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('patients.title')}</h1>
        {result.data && (
          <p className="muted" data-testid="patient-count">
            {t('patients.count', { count: result.data.total })}
          </p>
        )}
      </div>
      <div className="toolbar">
        <div className="field field-inline search-field">
          <label htmlFor="patient-search">{t('patients.search')}</label>
          <input
            id="patient-search"
            type="search"
            placeholder={t('patients.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="patient-search"
          />
        </div>
      </div>
      {result.error ? (
        <ErrorMessage error={result.error} onRetry={result.reload} />
      ) : !result.data ? (
        <Loading />
      ) : result.data.items.length === 0 ? (
        <EmptyState>{q ? t('patients.empty') : t('patients.emptyAll')}</EmptyState>
      ) : (
        <>
          <PatientTable patients={result.data.items} />
          <Pager offset={offset} limit={PAGE_SIZE} total={result.data.total} onChange={setOffset} />
        </>
      )}
    </div>
  );
}

function PatientTable({ patients }: { patients: PatientSummary[] }) {
  const { t } = useTranslation();
  const columns: DataColumn<PatientSummary>[] = [
    {
      labelKey: 'patients.name',
      cell: (p) => (
        <a href={href(`/patients/${p.id}`)} aria-label={t('patients.open', { name: p.name })}>
          {p.name}
        </a>
      ),
    },
    { labelKey: 'patients.mrn', className: 'mono', cell: (p) => p.mrn },
    { labelKey: 'patients.sex', cell: (p) => label('gender', p.gender) },
    {
      labelKey: 'patients.birthDate',
      cell: (p) => (
        <>
          {formatDate(p.birthDate)}
          {p.age !== null && <span className="muted"> · {t('common.years', { count: p.age })}</span>}
        </>
      ),
    },
    {
      labelKey: 'patients.deceased',
      cell: (p) =>
        p.deceased ? <Badge tone="dark">{t('patients.deceasedBadge')}</Badge> : <span className="muted">{t('common.no')}</span>,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={patients}
      rowKey={(p) => p.id}
      onRowClick={(p) => navigate(`/patients/${p.id}`)}
      testId="patient-table"
      rowTestId="patient-row"
    />
  );
}

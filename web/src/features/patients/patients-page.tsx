import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  return (
    <div className="table-wrap">
      <table className="table table-clickable" data-testid="patient-table">
        <thead>
          <tr>
            <th scope="col">{t('patients.name')}</th>
            <th scope="col">{t('patients.mrn')}</th>
            <th scope="col">{t('patients.sex')}</th>
            <th scope="col">{t('patients.birthDate')}</th>
            <th scope="col">{t('patients.deceased')}</th>
          </tr>
        </thead>
        <tbody>
          {patients.map((p) => (
            <tr key={p.id} data-testid="patient-row" onClick={() => navigate(`/patients/${p.id}`)}>
              <td data-label={t('patients.name')}>
                <a href={href(`/patients/${p.id}`)} aria-label={t('patients.open', { name: p.name })}>
                  {p.name}
                </a>
              </td>
              <td data-label={t('patients.mrn')} className="mono">
                {p.mrn}
              </td>
              <td data-label={t('patients.sex')}>{label('gender', p.gender)}</td>
              <td data-label={t('patients.birthDate')}>
                {formatDate(p.birthDate)}
                {p.age !== null && <span className="muted"> · {t('common.years', { count: p.age })}</span>}
              </td>
              <td data-label={t('patients.deceased')}>
                {p.deceased ? <Badge tone="dark">{t('patients.deceasedBadge')}</Badge> : <span className="muted">{t('common.no')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
import { formatDate } from '../../format';
import { useApi } from '../../use-api';
import { useHistoryList } from './chart-sections';
import { type DocumentSummary, patientsApi } from './patients-api';

export function DocumentsCard({ patientId, documents, total }: { patientId: string; documents: DocumentSummary[]; total: number }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const { shown, toggle, footer } = useHistoryList(documents, total, 8, (offset, limit) => patientsApi.documents(patientId, limit, offset));

  return (
    <Card title={t('chart.documents')} testId="chart-documents" headingId="chart-documents-title" actions={toggle}>
      {documents.length === 0 ? (
        <EmptyState>{t('chart.documentsEmpty')}</EmptyState>
      ) : (
        <ul className="item-list">
          {shown.map((d) => (
            <li key={d.id} className={openId === d.id ? 'is-selected' : undefined}>
              <button
                type="button"
                className="link-button item-title"
                aria-expanded={openId === d.id}
                onClick={() => setOpenId(openId === d.id ? undefined : d.id)}
                data-testid="document-item"
              >
                {d.title}
              </button>
              <div className="item-meta">
                <span>{formatDate(d.date)}</span>
                {d.type && <span>{d.type}</span>}
                {d.author && <span>{t('chart.documentBy', { author: d.author })}</span>}
              </div>
              {openId === d.id && <DocumentPanel patientId={patientId} documentId={d.id} onClose={() => setOpenId(undefined)} />}
            </li>
          ))}
        </ul>
      )}
      {footer}
    </Card>
  );
}

function DocumentPanel({ patientId, documentId, onClose }: { patientId: string; documentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const doc = useApi(`doc:${patientId}:${documentId}`, () => patientsApi.document(patientId, documentId));
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (doc.data) panel.current?.focus();
  }, [doc.data]);

  return (
    <div className="document-panel" ref={panel} tabIndex={-1} data-testid="document-panel">
      {doc.error ? (
        <ErrorMessage error={doc.error} onRetry={doc.reload} />
      ) : !doc.data ? (
        <Loading />
      ) : (
        <>
          <div className="document-text">{doc.data.body}</div>
          <button type="button" className="button button-small" onClick={onClose}>
            {t('chart.documentClose')}
          </button>
        </>
      )}
    </div>
  );
}

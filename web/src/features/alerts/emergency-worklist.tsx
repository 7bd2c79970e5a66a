import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { usePick } from '../../bilingual';
import { ErrorMessage } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { href } from '../../router';
import { ALERTS_CHANGED, alertsApi, type EmergencyAlert } from './alerts-api';
import { ALERT_COUNT_EVENT } from './emergency-badge';

/**
 * Emergencies pinned at the top of the inbox: every red flag (an intake stopped for an emergency,
 * a draft with a red-flag finding) stays here until a clinician acknowledges it; acknowledging
 * records who and when. Refreshes whenever the header badge's count changes.
 */
export function EmergencyWorklist() {
  const { t } = useTranslation();
  const [items, setItems] = useState<EmergencyAlert[] | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(() => {
    alertsApi.list().then(
      (result) => {
        setItems(result.items);
        setError(null);
      },
      (failure: ApiError | Error) => setError(failure),
    );
  }, []);

  useEffect(() => {
    load();
    window.addEventListener(ALERT_COUNT_EVENT, load);
    return () => window.removeEventListener(ALERT_COUNT_EVENT, load);
  }, [load]);

  const acknowledge = (id: string) => {
    setBusy(id);
    alertsApi
      .acknowledge(id)
      .then(
        () => {
          setItems((current) => (current ?? []).filter((item) => item.id !== id));
          window.dispatchEvent(new Event(ALERTS_CHANGED));
        },
        (failure: ApiError | Error) => {
          setError(failure);
          load();
        },
      )
      .finally(() => setBusy(null));
  };

  if (error) return <ErrorMessage error={error} onRetry={load} />;
  if (!items || items.length === 0) return null;
  return (
    <section className="emergency-worklist" aria-labelledby="emergency-worklist-title" data-testid="emergency-worklist">
      <h2 id="emergency-worklist-title">
        {t('alerts.pinnedTitle')} <span className="badge badge-danger">{items.length}</span>
      </h2>
      <p className="small">{t('alerts.pinnedIntro')}</p>
      <ul className="emergency-list">
        {items.map((item) => (
          <EmergencyItem key={item.id} item={item} busy={busy === item.id} onAcknowledge={() => acknowledge(item.id)} />
        ))}
      </ul>
    </section>
  );
}

function EmergencyItem({ item, busy, onAcknowledge }: { item: EmergencyAlert; busy: boolean; onAcknowledge: () => void }) {
  const { t, i18n } = useTranslation();
  const pick = usePick();
  const separator = i18n.language.startsWith('zh') ? '、' : ', ';
  return (
    <li className="emergency-item" data-testid="emergency-item" data-alert-id={item.id} data-pinned="true">
      <div className="emergency-item-head">
        <span className="badge badge-danger">{t(`alerts.kind.${item.kind}`)}</span>
        <strong data-testid="emergency-rules">{item.ruleLabels.map((label) => pick(label)).join(separator)}</strong>
      </div>
      <div className="emergency-item-meta small">
        <span>{item.patientName ?? t('common.none')}</span>
        <span className="muted">{formatDateTime(item.createdAt)}</span>
        {item.artifactId && (
          <a href={href(`/inbox/${item.artifactId}`)} data-testid="emergency-open">
            {t('alerts.openDraft')}
          </a>
        )}
        {item.patientId && <a href={href(`/patients/${item.patientId}`)}>{t('alerts.openChart')}</a>}
      </div>
      <button type="button" className="button button-danger" disabled={busy} onClick={onAcknowledge} data-testid="emergency-acknowledge">
        {t('alerts.acknowledge')}
      </button>
    </li>
  );
}

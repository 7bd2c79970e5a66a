import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../../router';
import { playAlertBeep } from './alert-sound';
import { ALERTS_CHANGED, alertsApi } from './alerts-api';

/** How often the badge asks for the count (a small, unaudited query with no patient data). */
export const ALERT_POLL_MS = 10_000;

/** Fired on window when the count or the newest alert changes, so an open worklist and inbox refresh. */
export const ALERT_COUNT_EVENT = 'suwen:alert-count';

/**
 * The header's emergency badge: the number of red flags waiting for acknowledgement, refreshed
 * by polling (and at once after an acknowledgement or when the window regains focus); a short
 * beep when a new one arrives (not on first load), unless muted in settings.
 */
export function EmergencyBadge() {
  const { t } = useTranslation();
  const [count, setCount] = useState<number | null>(null);
  const latest = useRef<string | null | undefined>(undefined);
  const shown = useRef<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    const refresh = () => {
      alertsApi.count().then(
        (result) => {
          if (cancelled) return;
          const previous = latest.current;
          if (previous !== undefined && result.latestAt && (previous === null || result.latestAt > previous)) playAlertBeep();
          latest.current = result.latestAt;
          const changed = previous !== undefined && (previous !== result.latestAt || shown.current !== result.open);
          shown.current = result.open;
          setCount(result.open);
          if (changed) window.dispatchEvent(new CustomEvent(ALERT_COUNT_EVENT, { detail: result }));
        },
        () => undefined, // a failed poll keeps the last figure; the next one tries again
      );
    };
    refresh();
    const timer = window.setInterval(refresh, ALERT_POLL_MS);
    window.addEventListener(ALERTS_CHANGED, refresh);
    window.addEventListener('focus', refresh);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      window.removeEventListener(ALERTS_CHANGED, refresh);
      window.removeEventListener('focus', refresh);
    };
  }, []);

  if (count === null) return null;
  const label = t('alerts.badgeTitle', { count });
  return (
    <a
      href={href('/inbox')}
      className={`emergency-badge ${count > 0 ? 'is-active' : ''}`}
      title={label}
      aria-label={label}
      data-testid="emergency-badge"
      data-count={count}
    >
      <span aria-hidden="true">{t('alerts.badge')}</span>
      <span className="emergency-badge-count" data-testid="emergency-badge-count">
        {count}
      </span>
    </a>
  );
}

import { useTranslation } from 'react-i18next';
import type { IntakeStatus, TriageLevel } from '../features/intake/intake-api';

const STATUS_TONE: Record<IntakeStatus, string> = {
  open: 'info',
  finished: 'success',
  emergency: 'danger',
  expired: 'dark',
  cancelled: 'dark',
};

const TRIAGE_TONE: Record<TriageLevel, string> = {
  emergency: 'danger',
  urgent: 'warning',
  soon: 'info',
  routine: 'neutral',
  'self-care': 'success',
};

export function IntakeStatusBadge({ status }: { status: IntakeStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${STATUS_TONE[status]}`} data-testid="intake-status" data-status={status}>
      {t(`intakes.status.${status}`)}
    </span>
  );
}

export function TriageBadge({ level }: { level: TriageLevel }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${TRIAGE_TONE[level]}`} data-testid="intake-triage" data-level={level}>
      {t('intakes.triageLabel')}: {t(`intakes.triage.${level}`)}
    </span>
  );
}

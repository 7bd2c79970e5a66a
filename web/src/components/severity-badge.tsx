import { useTranslation } from 'react-i18next';
import type { FindingSeverity } from '../features/knowledge/knowledge-api';

/** Colour-coded severity of a medication finding, label in the interface language. */
export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation();
  return (
    <span className={`badge severity severity-${severity}`} data-testid="severity-badge" data-severity={severity}>
      {t(`medications.severity.${severity}`)}
    </span>
  );
}

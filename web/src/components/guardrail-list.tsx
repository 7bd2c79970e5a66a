import { useTranslation } from 'react-i18next';
import type { GuardrailFinding } from '../features/artifacts/artifacts-api';
import { BilingualText } from './bilingual-text';

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

export function GuardrailList({ findings, compact = false }: { findings: GuardrailFinding[]; compact?: boolean }) {
  const { t } = useTranslation();
  if (findings.length === 0) return <span className="muted small">{t('inbox.noFindings')}</span>;
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <ul className={`guardrails ${compact ? 'guardrails-compact' : ''}`}>
      {sorted.map((f) => (
        <li key={`${f.code}:${f.message}`} className={`guardrail guardrail-${f.severity}`}>
          <span className={`badge badge-${f.severity}`}>{t(`severity.${f.severity}`)}</span>
          <span className="guardrail-message">
            <BilingualText text={f.text} fallback={f.message} />
          </span>
        </li>
      ))}
    </ul>
  );
}

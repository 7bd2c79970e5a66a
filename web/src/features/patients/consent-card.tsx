import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { Card, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { useApi } from '../../use-api';
import type { User } from '../auth/auth-api';
import { type ConsentChange, type PatientConsent, patientsApi } from './patients-api';

/** How many history entries the card shows (newest first). */
const HISTORY_SHOWN = 5;

/** Clinicians may change any patient's consent; a patient only their own. */
export function canEditConsent(user: User, patientId: string): boolean {
  return user.role === 'clinician' || (user.role === 'patient' && user.patientId === patientId);
}

export function ConsentCard({ patientId, user }: { patientId: string; user: User }) {
  const { t } = useTranslation();
  const loaded = useApi(`consent:${patientId}`, () => patientsApi.consent(patientId));
  const [saved, setSaved] = useState<PatientConsent | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | Error | undefined>(undefined);
  const consent = saved?.patientId === patientId ? saved : loaded.data;
  const editable = canEditConsent(user, patientId);

  const change = (body: ConsentChange) => {
    setSaving(true);
    setSaveError(undefined);
    patientsApi.updateConsent(patientId, body).then(
      (next) => {
        setSaved(next);
        setSaving(false);
      },
      (error: unknown) => {
        setSaveError(error instanceof Error ? error : new Error(String(error)));
        setSaving(false);
      },
    );
  };

  return (
    <Card title={t('consent.title')} testId="chart-consent" headingId="chart-consent-title">
      {loaded.error && !consent ? (
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
      ) : !consent ? (
        <Loading />
      ) : (
        <>
          <p className="muted small">{t('consent.intro')}</p>
          <div className="consent-switches">
            <ConsentSwitch
              id={`consent-ai-${patientId}`}
              label={t('consent.aiAssistance')}
              hint={t('consent.aiAssistanceHint')}
              checked={consent.aiAssistance}
              disabled={!editable || saving}
              onChange={(value) => change({ aiAssistance: value })}
              testId="consent-ai"
            />
            <ConsentSwitch
              id={`consent-research-${patientId}`}
              label={t('consent.researchUse')}
              hint={t('consent.researchUseHint')}
              checked={consent.researchUse}
              disabled={!editable || saving}
              onChange={(value) => change({ researchUse: value })}
              testId="consent-research"
            />
          </div>
          {saveError && <ErrorMessage error={saveError} />}
          <p className="muted small" data-testid="consent-updated">
            {consent.updatedAt
              ? t('consent.lastChanged', {
                  who: consent.updatedByName ?? t('consent.unknownUser'),
                  date: formatDateTime(consent.updatedAt),
                })
              : t('consent.defaults')}
          </p>
          {!editable && <p className="muted small">{t('consent.readOnly')}</p>}
          <h3 className="consent-history-title">{t('consent.history')}</h3>
          {consent.history.length === 0 ? (
            <EmptyState>{t('consent.historyEmpty')}</EmptyState>
          ) : (
            <ul className="item-list" data-testid="consent-history">
              {consent.history.slice(0, HISTORY_SHOWN).map((h) => (
                <li key={h.id}>
                  <div className="item-title">
                    {t('consent.historyEntry', {
                      ai: h.aiAssistance ? t('consent.allowed') : t('consent.declined'),
                      research: h.researchUse ? t('consent.allowed') : t('consent.declined'),
                    })}
                  </div>
                  <div className="item-meta">
                    <span>{formatDateTime(h.changedAt)}</span>
                    <span>
                      {t('consent.changedBy', {
                        who: h.changedByName ?? t('consent.unknownUser'),
                        role: h.changedRole ? t(`roles.${h.changedRole}`, { defaultValue: h.changedRole }) : t('common.unknown'),
                      })}
                    </span>
                    {h.note && <span>{h.note}</span>}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}

function ConsentSwitch({
  id,
  label,
  hint,
  checked,
  disabled,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  disabled: boolean;
  onChange: (value: boolean) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="consent-switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-checked={checked}
        aria-describedby={`${id}-hint`}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
      />
      <label htmlFor={id}>
        <span className="consent-switch-label">{label}</span>{' '}
        <span className="consent-switch-state">{checked ? t('consent.allowed') : t('consent.declined')}</span>
      </label>
      <p id={`${id}-hint`} className="muted small">
        {hint}
      </p>
    </div>
  );
}

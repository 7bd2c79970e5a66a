import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { usePick } from '../../bilingual';
import { Card, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
import { IntakeStatusBadge, TriageBadge } from '../../components/intake-badges';
import { QrCodeSvg } from '../../components/qr-code-svg';
import { formatDateTime } from '../../format';
import { href } from '../../router';
import { useApi } from '../../use-api';
import type { Encounter } from '../patients/patients-api';
import { type CreatedIntake, type IntakeLanguage, type IntakeSummary, intakeApi, intakeUrl } from './intake-api';

/** Link lifetimes offered, in hours (the server accepts 1–168). */
const EXPIRY_HOURS = [4, 24, 72, 168];

/**
 * "Intake / 诊前问诊" on the chart: make a single-use link for the patient's phone (URL, copy,
 * QR code), and follow the patient's interviews — status, red flags, triage and the draft.
 */
export function IntakeCard({ patientId, encounters = [] }: { patientId: string; encounters?: Encounter[] }) {
  const { t, i18n } = useTranslation();
  const [nonce, setNonce] = useState(0);
  const list = useApi(`intakes:${patientId}:${nonce}`, () => intakeApi.list(patientId));
  const [language, setLanguage] = useState<IntakeLanguage>(i18n.language.startsWith('zh') ? 'zh' : 'en');
  const [hours, setHours] = useState(24);
  const [encounterId, setEncounterId] = useState('');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<ApiError | undefined>(undefined);
  const [created, setCreated] = useState<CreatedIntake | undefined>(undefined);

  const create = () => {
    setCreating(true);
    setCreateError(undefined);
    intakeApi.create({ patientId, language, expiresInHours: hours, ...(encounterId ? { encounterId } : {}) }).then(
      (link) => {
        setCreated(link);
        setCreating(false);
        setNonce((n) => n + 1);
      },
      (error: unknown) => {
        setCreateError(error instanceof ApiError ? error : new ApiError('CLIENT', 0, String(error)));
        setCreating(false);
      },
    );
  };

  return (
    <Card
      title={t('intakes.title')}
      testId="intake-card"
      headingId="intake-card-title"
      actions={
        <button type="button" className="button button-small" onClick={() => setNonce((n) => n + 1)} data-testid="intake-refresh">
          {t('intakes.refresh')}
        </button>
      }
    >
      <p className="muted small">{t('intakes.intro')}</p>
      <div className="intake-create">
        <label>
          <span>{t('intakes.language')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as IntakeLanguage)} data-testid="intake-language-select">
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          <span>{t('intakes.expiresIn')}</span>
          <select value={hours} onChange={(e) => setHours(Number(e.target.value))} data-testid="intake-expiry-select">
            {EXPIRY_HOURS.map((h) => (
              <option key={h} value={h}>
                {t('intakes.hours', { count: h })}
              </option>
            ))}
          </select>
        </label>
        {encounters.length > 0 && (
          <label>
            <span>{t('intakes.encounter')}</span>
            <select value={encounterId} onChange={(e) => setEncounterId(e.target.value)} data-testid="intake-encounter-select">
              <option value="">{t('intakes.noEncounter')}</option>
              {encounters.slice(0, 10).map((encounter) => (
                <option key={encounter.id} value={encounter.id}>
                  {[encounter.start ? formatDateTime(encounter.start) : '', encounter.type ?? encounter.classCode ?? '']
                    .filter(Boolean)
                    .join(' · ')}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button button-primary" disabled={creating} onClick={create} data-testid="intake-create">
          {t('intakes.create')}
        </button>
      </div>
      {createError && <ErrorMessage error={createError} />}
      {created && <CreatedLink link={created} />}
      {list.error && !list.data ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <EmptyState>{t('intakes.none')}</EmptyState>
      ) : (
        <ul className="intake-list" data-testid="intake-list">
          {list.data.map((intake) => (
            <IntakeRow key={intake.id} intake={intake} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function CreatedLink({ link }: { link: CreatedIntake }) {
  const { t } = useTranslation();
  const url = intakeUrl(link.path);
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>(undefined);
  const copy = () => {
    // The clipboard needs a secure context; where it is missing the field is selected for Ctrl+C.
    const fallback = () => {
      const field = document.getElementById(`intake-url-${link.id}`);
      if (field instanceof HTMLInputElement) field.select();
      setCopied('no');
    };
    if (!navigator.clipboard) return fallback();
    navigator.clipboard.writeText(url).then(() => setCopied('yes'), fallback);
  };
  return (
    <div className="intake-link" data-testid="intake-link">
      <div className="intake-link-text">
        <label htmlFor={`intake-url-${link.id}`}>{t('intakes.linkLabel')}</label>
        <div className="intake-link-row">
          <input
            id={`intake-url-${link.id}`}
            className="mono intake-url-input"
            readOnly
            value={url}
            onFocus={(e) => e.target.select()}
            data-testid="intake-url"
          />
          <button type="button" className="button" onClick={copy} data-testid="intake-copy">
            {copied === 'yes' ? t('intakes.copied') : t('intakes.copy')}
          </button>
        </div>
        {copied === 'no' && <p className="muted small">{t('intakes.copyManually')}</p>}
        <p className="muted small">{t('intakes.linkNote', { time: formatDateTime(link.expiresAt) })}</p>
      </div>
      <QrCodeSvg text={url} size={192} title={t('intakes.qrTitle')} />
    </div>
  );
}

function IntakeRow({ intake }: { intake: IntakeSummary }) {
  const { t } = useTranslation();
  const pick = usePick();
  return (
    <li className={`intake-row intake-row-${intake.status}`} data-testid="intake-row" data-status={intake.status} data-id={intake.id}>
      <div className="intake-row-badges">
        <IntakeStatusBadge status={intake.status} />
        {intake.triage && <TriageBadge level={intake.triage.level} />}
        {intake.redFlags.map((flag) => (
          <span key={flag.id} className="badge badge-danger" data-testid="intake-red-flag">
            {pick(flag.label)}
          </span>
        ))}
      </div>
      <p className="muted small">
        {t('intakes.rowFacts', {
          language: intake.language === 'zh' ? '中文' : 'English',
          answers: intake.answers,
          created: formatDateTime(intake.createdAt),
        })}
        {intake.finishedAt && ` · ${t('intakes.finishedAt', { time: formatDateTime(intake.finishedAt) })}`}
        {intake.status === 'open' && ` · ${t('intakes.expiresAt', { time: formatDateTime(intake.expiresAt) })}`}
      </p>
      <p className="intake-row-links">
        <a href={href(`/intakes/${intake.id}`)} data-testid="intake-answers-link">
          {t('intakes.viewAnswers')}
        </a>
        {intake.artifactId && (
          <a href={href(`/inbox/${intake.artifactId}`)} data-testid="intake-draft-link">
            {t('intakes.viewDraft')}
          </a>
        )}
      </p>
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import { pickText } from '../../bilingual';
import type { IntakeLanguage, IntakeView } from './intake-api';

type Emergency = NonNullable<IntakeView['emergency']>;

/**
 * A red flag stopped the interview: one call to action, large, and nothing to continue with.
 * 120 is mainland China's medical emergency number, so only the Chinese screen dials it.
 */
export function IntakeEmergency({ emergency, language }: { emergency: Emergency; language: IntakeLanguage }) {
  const { t } = useTranslation();
  const message = pickText(emergency.message, language);
  // The flags' clinical labels are for the clinician; the patient gets actions, not a diagnosis.
  const advice = emergency.advice.map((line) => pickText(line, language)).filter((line) => line !== message);
  return (
    <section className="intake-emergency" role="alert" aria-labelledby="intake-emergency-message" data-testid="intake-emergency">
      <p className="intake-emergency-icon" aria-hidden="true">
        !
      </p>
      <h1 id="intake-emergency-message" data-testid="intake-emergency-message">
        {message}
      </h1>
      {language === 'zh' ? (
        <a className="intake-call" href="tel:120" data-testid="intake-call">
          {t('intake.emergency.call120')}
        </a>
      ) : (
        <p className="intake-call intake-call-text" data-testid="intake-call">
          {t('intake.emergency.callLocal')}
        </p>
      )}
      {advice.length > 0 && (
        <ul className="intake-emergency-advice" data-testid="intake-emergency-advice">
          {advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <p className="intake-emergency-saved">{t('intake.emergency.saved')}</p>
    </section>
  );
}

/** Finished: what happens next, and when not to wait for it. */
export function IntakeDone() {
  const { t } = useTranslation();
  return (
    <section className="intake-done" data-testid="intake-done">
      <p className="intake-done-icon" aria-hidden="true">
        ✓
      </p>
      <h1>{t('intake.done.title')}</h1>
      <p>{t('intake.done.review')}</p>
      <p className="intake-done-care">{t('intake.done.seekCare')}</p>
      <p className="muted">{t('intake.done.close')}</p>
    </section>
  );
}

/** A link that is spent, expired, cancelled or unknown. */
export function IntakeClosed({ reason }: { reason: 'expired' | 'closed' | 'not-found' }) {
  const { t } = useTranslation();
  return (
    <section className="intake-done intake-closed" data-testid="intake-closed" data-reason={reason}>
      <h1>{t(`intake.closed.${reason}`)}</h1>
      <p>{t('intake.closed.ask')}</p>
      <p className="intake-done-care">{t('intake.done.seekCare')}</p>
    </section>
  );
}

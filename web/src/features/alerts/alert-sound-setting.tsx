import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/feedback';
import { alertSoundMuted, playAlertBeep, setAlertSoundMuted } from './alert-sound';

/** Settings: whether this browser beeps when a new emergency arrives (clinicians). */
export function AlertSoundSetting() {
  const { t } = useTranslation();
  const [muted, setMuted] = useState(alertSoundMuted);
  return (
    <Card title={t('alerts.soundTitle')} testId="settings-alert-sound">
      <p className="muted small">{t('alerts.soundHint')}</p>
      <label className="alert-sound-toggle">
        <input
          type="checkbox"
          checked={!muted}
          onChange={(event) => {
            setAlertSoundMuted(!event.target.checked);
            setMuted(!event.target.checked);
          }}
          data-testid="alert-sound-toggle"
        />{' '}
        {t('alerts.soundOn')}
      </label>{' '}
      <button type="button" className="button button-quiet" onClick={() => playAlertBeep({ force: true })}>
        {t('alerts.soundTest')}
      </button>
    </Card>
  );
}

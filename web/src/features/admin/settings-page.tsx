import { useTranslation } from 'react-i18next';
import { Badge, Card, ErrorMessage, Loading } from '../../components/feedback';
import { KbAbout } from '../../components/kb-about';
import { LanguageSwitch } from '../../components/language-switch';
import { useApi } from '../../use-api';
import { AlertSoundSetting } from '../alerts/alert-sound-setting';
import { adminApi, type ModelSetting } from './admin-api';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useApi('settings', adminApi.settings);

  return (
    <div className="page page-narrow" data-testid="settings-page">
      <div className="page-header">
        <h1>{t('settings.title')}</h1>
      </div>
      {settings.error ? (
        <ErrorMessage error={settings.error} onRetry={settings.reload} />
      ) : !settings.data ? (
        <Loading />
      ) : (
        <>
          <Card title={t('settings.model')} testId="settings-model">
            {settings.data.model.configured && settings.data.model.models.length > 0 ? (
              <ModelList models={settings.data.model.models} />
            ) : (
              <NoModel />
            )}
          </Card>
          <Card title={t('settings.system')} testId="settings-system">
            <dl className="meta-list">
              <dt>{t('settings.version')}</dt>
              <dd className="mono">{settings.data.version}</dd>
              <dt>{t('settings.database')}</dt>
              <dd>{settings.data.database.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}</dd>
              <dt>{t('settings.databaseUrl')}</dt>
              <dd className="mono small break">{settings.data.database.url}</dd>
              <dt>{t('settings.demoMode')}</dt>
              <dd>{settings.data.demo ? t('settings.demoOn') : t('settings.demoOff')}</dd>
            </dl>
          </Card>
        </>
      )}
      <Card title={t('settings.uiLanguage')} testId="settings-language">
        <p className="muted small">{t('settings.uiLanguageHint')}</p>
        <LanguageSwitch testIdPrefix="settings-lang" />
      </Card>
      <AlertSoundSetting />
      <KbAbout testId="settings-kb" />
    </div>
  );
}

function NoModel() {
  const { t } = useTranslation();
  return (
    <div className="no-model" data-testid="no-model">
      <h3>{t('settings.noModelTitle')}</h3>
      <p>{t('settings.noModelText')}</p>
      <p>{t('settings.noModelHow')}</p>
      <pre className="code-block">
        {[
          'SUWEN_MODEL_BASE_URL=http://127.0.0.1:8000/v1',
          'SUWEN_MODEL_NAME=qwen2.5-7b-instruct',
          'SUWEN_MODEL_API_KEY=sk-…',
          'SUWEN_MODEL_DATA_BOUNDARY=local   # local | external',
        ].join('\n')}
      </pre>
      <p>{t('settings.noModelGguf')}</p>
      <pre className="code-block">SUWEN_MODEL_GGUF=/path/model.gguf</pre>
      <p className="muted small">{t('settings.boundaryHint')}</p>
    </div>
  );
}

function ModelList({ models }: { models: ModelSetting[] }) {
  const { t } = useTranslation();
  // Reachability is probed separately: a slow endpoint must not hold up the settings page.
  const status = useApi('models-probe', adminApi.models);
  const probed = new Map((status.data?.models ?? []).map((m) => [m.id, m]));
  return (
    <ul className="item-list">
      {models.map((m) => (
        <li key={m.id} data-testid="model-item">
          <div className="item-title">
            <span className="mono">{m.name ?? m.id}</span>
            <Badge tone={m.dataBoundary === 'local' ? 'success' : 'warning'}>
              {m.dataBoundary === 'local' ? t('settings.boundaryLocal') : t('settings.boundaryExternal')}
            </Badge>
            <span data-testid="model-status">
              {status.error ? (
                <Badge tone="danger">{t('settings.statusUnknown')}</Badge>
              ) : !status.data ? (
                <Badge>{t('settings.statusChecking')}</Badge>
              ) : probed.get(m.id)?.reachable ? (
                <Badge tone="success">{t('settings.statusReachable')}</Badge>
              ) : (
                <Badge tone="danger">{t('settings.statusUnreachable', { detail: probed.get(m.id)?.detail ?? '' })}</Badge>
              )}
            </span>
          </div>
          {m.dataBoundary === 'external' && <p className="muted small">{t('settings.externalNote')}</p>}
          <dl className="meta-list small">
            <dt>{t('settings.modelId')}</dt>
            <dd className="mono">{m.id}</dd>
            <dt>{t('settings.modelKind')}</dt>
            <dd>{m.kind}</dd>
            {m.baseUrl && (
              <>
                <dt>{t('settings.modelBaseUrl')}</dt>
                <dd className="mono break">{m.baseUrl}</dd>
              </>
            )}
            {m.gguf && (
              <>
                <dt>{t('settings.modelGguf')}</dt>
                <dd className="mono break">{m.gguf}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}

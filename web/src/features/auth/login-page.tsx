import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorMessage } from '../../components/feedback';
import { useApi } from '../../use-api';
import { authApi, type DemoAccount, type User } from './auth-api';

export function LoginPage({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const demo = useApi('demo', authApi.demo);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { user } = await authApi.login(username.trim(), password);
      onSignedIn(user);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('CLIENT', 0, String(caught)));
      setBusy(false);
    }
  }

  function fill(account: DemoAccount) {
    setUsername(account.username);
    setPassword(account.password);
    setError(undefined);
  }

  return (
    <div className="login-layout">
      <section className="card login-card" aria-labelledby="login-title">
        <div className="card-body">
          <h1 id="login-title">{t('login.title')}</h1>
          <p className="muted">{t('login.intro')}</p>
          <form className="form" onSubmit={submit} data-testid="login-form" noValidate>
            <div className="field">
              <label htmlFor="login-username">{t('login.username')}</label>
              <input
                id="login-username"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                data-testid="login-username"
              />
            </div>
            <div className="field">
              <label htmlFor="login-password">{t('login.password')}</label>
              <input
                id="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="login-password"
              />
            </div>
            {error && <ErrorMessage error={error} />}
            <button
              type="submit"
              className="button button-primary button-block"
              disabled={busy || username.trim() === '' || password === ''}
              data-testid="login-submit"
            >
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        </div>
      </section>
      {demo.data?.demo && demo.data.accounts.length > 0 && (
        <aside className="card demo-box" aria-labelledby="demo-title" data-testid="demo-accounts">
          <div className="card-body">
            <h2 id="demo-title">
              <span className="badge badge-demo">{t('app.demoBadge')}</span> {t('login.demoTitle')}
            </h2>
            <p className="muted">{t('login.demoIntro')}</p>
            <ul className="demo-accounts">
              {demo.data.accounts.map((account) => (
                <li key={account.username} data-testid={`demo-account-${account.role}`}>
                  <div>
                    <strong>{t(`roles.${account.role}`, { defaultValue: account.role })}</strong>
                    <div className="demo-credentials">
                      <code>{account.username}</code> / <code>{account.password}</code>
                    </div>
                  </div>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => fill(account)}
                    aria-label={t('login.demoUseFor', { role: t(`roles.${account.role}`, { defaultValue: account.role }) })}
                    data-testid={`demo-fill-${account.role}`}
                  >
                    {t('login.demoUse')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </aside>
      )}
    </div>
  );
}

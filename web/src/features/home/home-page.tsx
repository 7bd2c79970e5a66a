import { useTranslation } from 'react-i18next';
import { href } from '../../router';
import type { User } from '../auth/auth-api';

/** For roles whose workflows are still to come (researcher, educator). */
export function HomePage({ user }: { user: User }) {
  const { t } = useTranslation();
  const role = t(`roles.${user.role}`);
  return (
    <div className="page page-narrow">
      <h1>{t('home.title', { name: user.displayName })}</h1>
      <section className="card notice-card" data-testid="home-no-workflows">
        <div className="card-body">
          <h2>{t('home.noWorkflows', { role })}</h2>
          <p>{t('home.noWorkflowsText')}</p>
          <a className="button button-primary" href={href('/settings')}>
            {t('home.goSettings')}
          </a>
        </div>
      </section>
    </div>
  );
}

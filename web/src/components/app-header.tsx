import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmergencyBadge } from '../features/alerts/emergency-badge';
import type { User } from '../features/auth/auth-api';
import { navItemsFor } from '../nav';
import { href } from '../router';
import { LanguageSwitch } from './language-switch';

export function AppHeader({
  user,
  demo,
  currentPath,
  onSignOut,
}: {
  user: User | null;
  demo: boolean;
  currentPath: string;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = user ? navItemsFor(user) : [];
  const userId = user?.id;
  // The small-screen menu closes whenever the page or the user changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: both values are triggers, not inputs
  useEffect(() => setMenuOpen(false), [currentPath, userId]);

  return (
    <header className="app-header">
      {demo && (
        <div className="demo-banner" role="note" data-testid="demo-banner">
          <span className="badge badge-demo">{t('app.demoBadge')}</span>
          <span>{t('app.demoBanner')}</span>
        </div>
      )}
      <div className="header-bar">
        <a className="brand" href={href('/')} aria-label="素问 Suwen">
          <span className="brand-mark" aria-hidden="true">
            素
          </span>
          <span className="brand-text">
            <span className="brand-zh">素问</span> <span className="brand-en">Suwen</span>
          </span>
        </a>
        {items.length > 0 && (
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
            data-testid="menu-toggle"
          >
            <span className="menu-icon" aria-hidden="true" />
            {t('nav.menu')}
          </button>
        )}
        <div className={`header-collapse ${menuOpen ? 'is-open' : ''}`}>
          {items.length > 0 && (
            <nav id="main-nav" className="main-nav" aria-label={t('nav.label')}>
              <ul>
                {items.map((item) => {
                  const active = currentPath === item.path || currentPath.startsWith(`${item.path}/`);
                  return (
                    <li key={item.id}>
                      <a
                        href={href(item.path)}
                        className={active ? 'is-active' : undefined}
                        aria-current={active ? 'page' : undefined}
                        data-testid={`nav-${item.id}`}
                        onClick={() => setMenuOpen(false)}
                      >
                        {t(item.labelKey)}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </nav>
          )}
          <div className="header-tools">
            <LanguageSwitch />
            {user?.role === 'clinician' && <EmergencyBadge />}
            {user && (
              <>
                <span className="current-user" data-testid="current-user">
                  <span className="current-user-name">{user.displayName}</span>
                  <span className="badge badge-role">{t(`roles.${user.role}`)}</span>
                </span>
                <button type="button" className="button button-quiet" onClick={onSignOut} data-testid="sign-out">
                  {t('nav.signOut')}
                </button>
              </>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setUnauthenticatedHandler } from './api';
import { AppHeader } from './components/app-header';
import { Loading } from './components/feedback';
import { adminApi, type Health } from './features/admin/admin-api';
import { AuditPage } from './features/admin/audit-page';
import { MonitoringPage } from './features/admin/monitoring-page';
import { SettingsPage } from './features/admin/settings-page';
import { ArtifactPage } from './features/artifacts/artifact-page';
import { InboxPage } from './features/artifacts/inbox-page';
import { authApi, type User } from './features/auth/auth-api';
import { LoginPage } from './features/auth/login-page';
import { DeidPage } from './features/deid/deid-page';
import { DischargePage } from './features/discharge/discharge-page';
import { HomePage } from './features/home/home-page';
import { NotFoundPage } from './features/home/not-found-page';
import { IntakeDetailPage } from './features/intake/intake-detail-page';
import { IntakePage } from './features/intake/intake-page';
import { CalculatorsPage } from './features/knowledge/calculators/calculators-page';
import { ImagingPage } from './features/knowledge/imaging-page';
import { KnowledgePage } from './features/knowledge/knowledge-page';
import { LabsPage } from './features/knowledge/labs-page';
import { MedicationsPage } from './features/knowledge/medications-page';
import { NotesPage } from './features/notes/notes-page';
import { ChartPage } from './features/patients/chart-page';
import { PatientsPage } from './features/patients/patients-page';
import { ReportPage } from './features/reports/report-page';
import { homePathFor } from './nav';
import { navigate, type Route, useRoute } from './router';

export function App() {
  const route = useRoute();
  // The patient's history-taking link is public: no session probe, no sign-in, no app menus.
  if (route.segments[0] === 'intake' && route.segments[1]) return <IntakePage key={route.segments[1]} token={route.segments[1]} />;
  return <StaffApp route={route} />;
}

function StaffApp({ route }: { route: Route }) {
  const { t } = useTranslation();
  // undefined while the session probe runs; null when signed out.
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [health, setHealth] = useState<Health | undefined>(undefined);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setUser(null);
      navigate('/login', { replace: true });
    });
    authApi.me().then(
      ({ user: me }) => setUser(me),
      () => setUser(null),
    );
    adminApi.health().then(setHealth, () => undefined);
  }, []);

  // A signed-in user on the sign-in page or at the root goes to their home.
  useEffect(() => {
    if (user && (route.path === '/' || route.path === '/login')) navigate(homePathFor(user), { replace: true });
  }, [user, route.path]);

  const signIn = useCallback((signedIn: User) => {
    setUser(signedIn);
    navigate(homePathFor(signedIn), { replace: true });
  }, []);

  const signOut = useCallback(() => {
    void authApi.logout().finally(() => {
      setUser(null);
      navigate('/login', { replace: true });
    });
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader user={user ?? null} demo={health?.demo ?? false} currentPath={route.path} onSignOut={signOut} />
      <main id="main" className="app-main" tabIndex={-1}>
        {user === undefined ? <Loading /> : user === null ? <LoginPage onSignedIn={signIn} /> : renderRoute(route, user)}
      </main>
      <footer className="app-footer">
        <p data-testid="disclaimer">{t('app.disclaimer')}</p>
        {health && <p className="muted">{t('app.version', { version: health.version })}</p>}
      </footer>
    </div>
  );
}

function renderRoute(route: Route, user: User) {
  const [first, second, third] = route.segments;
  switch (first) {
    case undefined:
    case 'login':
      return <Loading />;
    case 'patients':
      if (second === undefined) return <PatientsPage />;
      return third === undefined ? <ChartPage key={second} patientId={second} user={user} /> : <NotFoundPage />;
    case 'inbox':
      return second === undefined ? <InboxPage /> : <ArtifactPage key={second} artifactId={second} />;
    case 'artifacts':
      return second === undefined ? <InboxPage /> : <ArtifactPage key={second} artifactId={second} />;
    case 'intakes':
      return second === undefined ? <NotFoundPage /> : <IntakeDetailPage key={second} intakeId={second} />;
    case 'audit':
      return <AuditPage />;
    case 'monitoring':
      return <MonitoringPage />;
    case 'settings':
      return <SettingsPage />;
    case 'deid':
      return <DeidPage />;
    case 'home':
      return <HomePage user={user} />;
    // The server decides who may use these (knowledge.read / knowledge.check); the menu only tidies.
    case 'knowledge':
      return <KnowledgePage route={route} />;
    case 'medications': {
      const patient = route.query.get('patient') ?? undefined;
      return <MedicationsPage key={patient ?? ''} patientId={patient} />;
    }
    case 'labs':
      return <LabsPage />;
    case 'notes': {
      const patient = route.query.get('patient') ?? undefined;
      const encounter = route.query.get('encounter') ?? undefined;
      return (
        <NotesPage key={second ?? `${patient ?? ''}:${encounter ?? ''}`} artifactId={second} patientId={patient} encounterId={encounter} />
      );
    }
    case 'discharge': {
      const patient = route.query.get('patient') ?? undefined;
      const encounter = route.query.get('encounter') ?? undefined;
      return (
        <DischargePage
          key={second ?? `${patient ?? ''}:${encounter ?? ''}`}
          artifactId={second}
          patientId={patient}
          encounterId={encounter}
        />
      );
    }
    case 'report':
      return <ReportPage key={route.query.get('patient') ?? ''} patientId={route.query.get('patient') ?? undefined} />;
    case 'imaging':
      return <ImagingPage scenarioId={second} />;
    case 'calculators':
      return <CalculatorsPage key={second ?? ''} scoreId={second} />;
    default:
      return <NotFoundPage />;
  }
}

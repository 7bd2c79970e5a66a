import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Health, setUnauthenticatedHandler, type User } from './api';
import { AppHeader } from './components/app-header';
import { Loading } from './components/feedback';
import { homePathFor } from './nav';
import { ArtifactPage } from './pages/artifact-page';
import { AuditPage } from './pages/audit-page';
import { CalculatorsPage } from './pages/calculators-page';
import { ChartPage } from './pages/chart-page';
import { DeidPage } from './pages/deid-page';
import { DischargePage } from './pages/discharge-page';
import { HomePage } from './pages/home-page';
import { ImagingPage } from './pages/imaging-page';
import { InboxPage } from './pages/inbox-page';
import { IntakeDetailPage } from './pages/intake-detail-page';
import { IntakePage } from './pages/intake-page';
import { KnowledgePage } from './pages/knowledge-page';
import { LabsPage } from './pages/labs-page';
import { LoginPage } from './pages/login-page';
import { MedicationsPage } from './pages/medications-page';
import { MonitoringPage } from './pages/monitoring-page';
import { NotFoundPage } from './pages/not-found-page';
import { NotesPage } from './pages/notes-page';
import { PatientsPage } from './pages/patients-page';
import { ReportPage } from './pages/report-page';
import { SettingsPage } from './pages/settings-page';
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
    api.me().then(
      ({ user: me }) => setUser(me),
      () => setUser(null),
    );
    api.health().then(setHealth, () => undefined);
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
    void api.logout().finally(() => {
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

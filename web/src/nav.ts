import type { Role, User } from './features/auth/auth-api';

export interface NavItem {
  id: string;
  path: string;
  labelKey: string;
}

const PATIENTS: NavItem = { id: 'patients', path: '/patients', labelKey: 'nav.patients' };
const INBOX: NavItem = { id: 'inbox', path: '/inbox', labelKey: 'nav.inbox' };
const AUDIT: NavItem = { id: 'audit', path: '/audit', labelKey: 'nav.audit' };
const MONITORING: NavItem = { id: 'monitoring', path: '/monitoring', labelKey: 'nav.monitoring' };
const SETTINGS: NavItem = { id: 'settings', path: '/settings', labelKey: 'nav.settings' };
const DEID: NavItem = { id: 'deid', path: '/deid', labelKey: 'nav.deid' };
const KNOWLEDGE: NavItem = { id: 'knowledge', path: '/knowledge', labelKey: 'nav.knowledge' };
const MEDICATIONS: NavItem = { id: 'medications', path: '/medications', labelKey: 'nav.medications' };
const LABS: NavItem = { id: 'labs', path: '/labs', labelKey: 'nav.labs' };
const CALCULATORS: NavItem = { id: 'calculators', path: '/calculators', labelKey: 'nav.calculators' };
const NOTES: NavItem = { id: 'notes', path: '/notes', labelKey: 'nav.notes' };
const HOME: NavItem = { id: 'home', path: '/home', labelKey: 'nav.home' };
const REPORT: NavItem = { id: 'report', path: '/report', labelKey: 'nav.report' };
const IMAGING: NavItem = { id: 'imaging', path: '/imaging', labelKey: 'nav.imaging' };

/** What each role may open; the server enforces the same rules, this only tidies the menu. */
export function navItemsFor(user: User): NavItem[] {
  switch (user.role) {
    case 'clinician':
      return [PATIENTS, INBOX, NOTES, KNOWLEDGE, MEDICATIONS, LABS, REPORT, IMAGING, CALCULATORS, DEID, SETTINGS];
    case 'admin':
      return [AUDIT, MONITORING, DEID, SETTINGS];
    case 'patient':
      return user.patientId ? [{ id: 'my-chart', path: `/patients/${user.patientId}`, labelKey: 'nav.myChart' }] : [];
    case 'researcher':
    case 'educator':
      return [HOME, KNOWLEDGE, REPORT, IMAGING, CALCULATORS, DEID, SETTINGS];
    default:
      return assertNever(user.role);
  }
}

export function homePathFor(user: User): string {
  const byRole: Record<Role, string> = {
    clinician: '/patients',
    admin: '/audit',
    patient: user.patientId ? `/patients/${user.patientId}` : '/home',
    researcher: '/home',
    educator: '/home',
  };
  return byRole[user.role];
}

function assertNever(value: never): never {
  throw new Error(`Unexpected role ${String(value)}`);
}

import { randomBytes } from 'node:crypto';
import type { AuthService } from '../auth/auth-service.js';
import { ROLES, type Role } from '../auth/roles.js';
import type { Store } from '../store/database.js';
import { insertMeta, readMeta } from '../store/meta.js';

/**
 * Demo mode gives a newcomer one account per role at once. Passwords are random per data
 * directory and shown on the console and the login page — demo mode is for trying Suwen, never
 * for real patients (`SUWEN_DEMO=0` turns it off).
 */
export interface DemoAccount {
  role: Role;
  username: string;
  password: string;
}

const META_KEY = 'demo.accounts';

const DISPLAY_NAMES: Record<Role, string> = {
  admin: 'Demo Admin 演示管理员',
  clinician: 'Dr. Demo 演示医生',
  researcher: 'Demo Researcher 演示研究员',
  educator: 'Demo Educator 演示教师',
  patient: 'Demo Patient 演示患者',
};

export async function readDemoAccounts(store: Store): Promise<DemoAccount[]> {
  const value = await readMeta(store, META_KEY);
  return value !== null ? (JSON.parse(value) as DemoAccount[]) : [];
}

export async function ensureDemoAccounts(store: Store, auth: AuthService, patientId: string | null): Promise<DemoAccount[]> {
  const existing = await readDemoAccounts(store);
  if (existing.length > 0) return existing;
  const accounts: DemoAccount[] = [];
  for (const role of ROLES) {
    if (role === 'patient' && !patientId) continue;
    const account = { role, username: `demo-${role}`, password: `demo-${randomBytes(6).toString('base64url')}` };
    await auth.createUser({ ...account, displayName: DISPLAY_NAMES[role], patientId: role === 'patient' ? patientId : null });
    accounts.push(account);
  }
  await insertMeta(store, META_KEY, JSON.stringify(accounts));
  return accounts;
}

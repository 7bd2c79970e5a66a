// Signing in and out, the session, and the demo accounts the sign-in page offers.
import type { Role } from '../../../../src/api/auth';
import { request } from '../../api';

export type { Role };

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  patientId: string | null;
}

export interface DemoAccount {
  role: Role;
  username: string;
  password: string;
}

export interface DemoInfo {
  demo: boolean;
  accounts: DemoAccount[];
}

export const authApi = {
  demo: () => request<DemoInfo>('GET', '/demo'),
  login: (username: string, password: string) =>
    request<{ user: User }>('POST', '/auth/login', { body: { username, password }, redirectOn401: false }),
  logout: () => request<void>('POST', '/auth/logout', { redirectOn401: false }),
  me: () => request<{ user: User }>('GET', '/auth/me', { redirectOn401: false }),
};

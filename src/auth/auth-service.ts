import { SuwenError } from '../shared/errors.js';
import { newId, newSecret, nowIso, sha256Hex } from '../shared/ids.js';
import type { Store } from '../store/database.js';
import type { UserRow } from '../store/schema.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.js';
import { isRole, type Principal, type Role } from './roles.js';

export interface NewUser {
  username: string;
  displayName?: string;
  role: Role;
  password: string;
  patientId?: string | null;
}

export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  patientId: string | null;
}

/** Session and token secrets are stored only as SHA-256 hashes; the clear value goes to the client once. */
const SESSION_PREFIX = 'sws_';
const TOKEN_PREFIX = 'swt_';
/** How long a resolved credential is trusted from memory before the database is asked again. */
const CACHE_TTL_MS = 5_000;
const CACHE_MAX = 10_000;

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: isRole(row.role) ? row.role : 'patient',
    patientId: row.patient_id,
  };
}

export class AuthService {
  private readonly store: Store;
  private readonly sessionTtlMs: number;
  private readonly cache = new Map<string, { principal: Principal; until: number }>();

  constructor(store: Store, options: { sessionTtlHours: number }) {
    this.store = store;
    this.sessionTtlMs = options.sessionTtlHours * 3_600_000;
  }

  async createUser(input: NewUser): Promise<PublicUser> {
    const username = input.username.trim();
    if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(username)) {
      throw new SuwenError('VALIDATION_FAILED', 'Invalid username', {
        params: { summary: 'username: 2–64 letters, digits, . _ @ -' },
      });
    }
    if (checkPasswordStrength(input.password)) {
      throw new SuwenError('VALIDATION_FAILED', 'Password too short', { params: { summary: 'password: at least 10 characters' } });
    }
    if (input.role === 'patient' && !input.patientId) {
      throw new SuwenError('VALIDATION_FAILED', 'A patient account needs a patient record', {
        params: { summary: 'patientId: required for the patient role' },
      });
    }
    const existing = await this.store.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (existing) throw new SuwenError('CONFLICT', 'Username taken', { params: { reason: `username ${username}` } });
    const row: UserRow = {
      id: newId(),
      username,
      display_name: input.displayName?.trim() || username,
      role: input.role,
      password_hash: await hashPassword(input.password),
      patient_id: input.patientId ?? null,
      locale: null,
      disabled: 0,
      created_at: nowIso(),
    };
    await this.store.db.insertInto('users').values(row).execute();
    return toPublicUser(row);
  }

  async countUsers(): Promise<number> {
    const { n } = await this.store.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Checks a password; returns the user or null. Always spends one hash to keep timing flat. */
  async authenticate(username: string, password: string): Promise<PublicUser | null> {
    const row = await this.store.db.selectFrom('users').selectAll().where('username', '=', username.trim()).executeTakeFirst();
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok || row.disabled) return null;
    return toPublicUser(row);
  }

  async createSession(userId: string): Promise<{ token: string; expiresAt: string }> {
    const token = newSecret(SESSION_PREFIX);
    const expiresAt = new Date(Date.now() + this.sessionTtlMs).toISOString();
    await this.store.db
      .insertInto('sessions')
      .values({ token_hash: sha256Hex(token), user_id: userId, created_at: nowIso(), expires_at: expiresAt })
      .execute();
    return { token, expiresAt };
  }

  async endSession(token: string): Promise<void> {
    const hash = sha256Hex(token);
    this.cache.delete(hash);
    await this.store.db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
  }

  async createApiToken(userId: string, name: string, ttlDays?: number): Promise<{ id: string; token: string }> {
    const token = newSecret(TOKEN_PREFIX);
    const id = newId();
    await this.store.db
      .insertInto('api_tokens')
      .values({
        id,
        user_id: userId,
        name,
        token_hash: sha256Hex(token),
        created_at: nowIso(),
        expires_at: ttlDays ? new Date(Date.now() + ttlDays * 86_400_000).toISOString() : null,
        revoked: 0,
      })
      .execute();
    return { id, token };
  }

  /** Resolves a session cookie or bearer token to who is calling, or null. */
  async resolve(secret: string): Promise<Principal | null> {
    const hash = sha256Hex(secret);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) return cached.principal;
    const principal = secret.startsWith(TOKEN_PREFIX) ? await this.resolveToken(hash) : await this.resolveSession(hash);
    if (principal) {
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(hash, { principal, until: now + CACHE_TTL_MS });
    } else {
      this.cache.delete(hash);
    }
    return principal;
  }

  private async resolveSession(hash: string): Promise<Principal | null> {
    const row = await this.store.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select('sessions.expires_at')
      .where('sessions.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.disabled || row.expires_at <= nowIso()) return null;
    return { ...principalOf(row), via: 'session' };
  }

  private async resolveToken(hash: string): Promise<Principal | null> {
    const row = await this.store.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .select(['api_tokens.expires_at', 'api_tokens.revoked'])
      .where('api_tokens.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.disabled || row.revoked) return null;
    if (row.expires_at && row.expires_at <= nowIso()) return null;
    return { ...principalOf(row), via: 'token' };
  }
}

function principalOf(row: UserRow): Omit<Principal, 'via'> {
  const user = toPublicUser(row);
  return { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, patientId: user.patientId };
}

// A fixed, valid hash of a random password, verified when the username is unknown.
const DUMMY_HASH = 'scrypt$32768$8$1$c3V3ZW4tZHVtbXktc2FsdA==$0i7LFZPl0X7C1mQ0lJv8N5v7o5sXgG8mZl2xg0k9pZ0=';

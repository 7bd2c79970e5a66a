/**
 * API contract: auth — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { z } from 'zod';
import { ROLES } from '../auth/roles.js';

export { ROLES, type Role } from '../auth/roles.js';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  patientId: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const loginBodySchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof loginBodySchema>;

/** `POST /auth/login` and `GET /auth/me`: the signed-in user. */
export const sessionUserSchema = z.object({ user: userSchema });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const createTokenBodySchema = z.object({ name: z.string().min(1).max(100), ttlDays: z.number().int().min(1).max(3650).optional() });
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;

/** The token is shown once: only its hash is stored. */
export const createdTokenSchema = z.object({ id: z.string(), token: z.string() });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

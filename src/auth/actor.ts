import type { Principal, Role } from './roles.js';

/**
 * Who is acting, whatever the entry point. Workflows and the record layer take an `Actor`, never
 * an HTTP context, so a CLI command, a job worker and a CDS Hooks call are checked and audited the
 * same way a signed-in user is.
 */
export type ActorSource = 'http' | 'cli' | 'worker' | 'cds-hooks' | 'system';

/**
 * A user acts with one of the product roles. An operator is someone already trusted with the
 * database itself (a shell on the server, the job worker, start-up): the record layer lets them
 * read any record, and audits every read like anyone else's. Anonymous is a caller not signed in
 * (a login attempt, a public route): it may read no record.
 */
export type ActorRole = Role | 'operator' | 'anonymous';

export interface Actor {
  /** User id, or a name for operators (`cli:<os user>`, `worker:<id>`). */
  userId: string | null;
  role: ActorRole;
  /** For the patient role: the one record they may see. */
  patientId: string | null;
  source: ActorSource;
  /** Correlation id for the audit log (the HTTP request id, the job id). */
  requestId: string | null;
  sourceIp: string | null;
}

/** The actor behind an HTTP request (or a CDS Hooks call) made by a signed-in principal. */
export function actorOfPrincipal(
  principal: Principal,
  request: { requestId?: string | null; sourceIp?: string | null; source?: ActorSource } = {},
): Actor {
  return {
    userId: principal.userId,
    role: principal.role,
    patientId: principal.patientId,
    source: request.source ?? 'http',
    requestId: request.requestId ?? null,
    sourceIp: request.sourceIp ?? null,
  };
}

/** A caller not signed in (public routes, login attempts). */
export function anonymousActor(request: { requestId?: string | null; sourceIp?: string | null } = {}): Actor {
  return {
    userId: null,
    role: 'anonymous',
    patientId: null,
    source: 'http',
    requestId: request.requestId ?? null,
    sourceIp: request.sourceIp ?? null,
  };
}

/** An operator actor: the CLI, a job worker, start-up tasks. */
export function operatorActor(source: Exclude<ActorSource, 'http' | 'cds-hooks'>, name: string, requestId: string | null = null): Actor {
  return { userId: `${source}:${name}`, role: 'operator', patientId: null, source, requestId, sourceIp: null };
}

/** How the audit log names the actor's role: the product role, the operator's entry point, or none. */
export function auditRoleOf(actor: Actor): string | null {
  if (actor.role === 'anonymous') return null;
  return actor.role === 'operator' ? actor.source : actor.role;
}

/**
 * API contract: admin — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { z } from 'zod';
import type { DailyStats, WorkflowModelStats } from '../audit/monitoring.js';
import { ROLES } from '../auth/roles.js';
import { userSchema } from './auth.js';
import { type Agrees, type ContentResponse, type Expect, FHIR_JSON, fhirBundleSchema } from './common.js';
import { describedModelsSchema } from './models.js';

export type { DailyStats, WorkflowModelStats };

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** Audit entries newest first; `before` pages by sequence number. */
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
  action: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  patientId: z.string().max(100).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const monitoringQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });
export type MonitoringQuery = z.infer<typeof monitoringQuerySchema>;

export const createUserBodySchema = z.object({
  username: z.string().min(2).max(64),
  displayName: z.string().max(100).optional(),
  role: z.enum(ROLES),
  password: z.string().min(10).max(200),
  patientId: z.string().max(100).optional(),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

/** An audit entry as listed: without its details and hashes (those stay for verification). */
export const auditListEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  patientId: z.string().nullable(),
  outcome: z.string(),
  sourceIp: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditListEntry = z.infer<typeof auditListEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditListEntrySchema),
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), id: z.string(), reason: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const auditFhirResponse: ContentResponse = {
  description: 'Audit entries as a FHIR R4 Bundle (collection) of AuditEvent resources',
  content: { [FHIR_JSON]: { schema: fhirBundleSchema } },
};

const rate = z.number().nullable();

export const workflowModelStatsSchema = z.object({
  workflow: z.string(),
  modelId: z.string().nullable(),
  total: z.number().int(),
  accepted: z.number().int(),
  edited: z.number().int(),
  rejected: z.number().int(),
  draft: z.number().int(),
  /** Shares of reviewed artifacts (drafts excluded); null when none was reviewed. */
  acceptanceRate: rate,
  editRate: rate,
  rejectionRate: rate,
  medianEditDistance: z.number().nullable(),
  medianLatencyMs: z.number().nullable(),
  tokensIn: z.number(),
  tokensOut: z.number(),
});

export const dailyStatsSchema = z.object({
  day: z.string(),
  count: z.number().int(),
  medianLatencyMs: z.number().nullable(),
  tokensIn: z.number(),
  tokensOut: z.number(),
});

export const monitoringSchema = z.object({
  days: z.number().int(),
  byWorkflowModel: z.array(workflowModelStatsSchema),
  daily: z.array(dailyStatsSchema),
});
export type Monitoring = z.infer<typeof monitoringSchema>;

/** Model connection, database and mode; never a secret. */
export const settingsSchema = z.object({
  version: z.string(),
  demo: z.boolean(),
  database: z.object({ dialect: z.enum(['sqlite', 'postgres']), url: z.string() }),
  model: describedModelsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const userListEntrySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  patientId: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export const userListSchema = z.object({ items: z.array(userListEntrySchema) });
export type UserList = z.infer<typeof userListSchema>;

export const createdUserSchema = z.object({ user: userSchema });
export type CreatedUser = z.infer<typeof createdUserSchema>;

// The server types re-exported above and these contracts describe the same values.
type _Checks = [
  Expect<Agrees<WorkflowModelStats, z.infer<typeof workflowModelStatsSchema>>>,
  Expect<Agrees<DailyStats, z.infer<typeof dailyStatsSchema>>>,
];

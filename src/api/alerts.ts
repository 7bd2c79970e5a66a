/**
 * API contract: the emergency worklist — zod request/response schemas and the types the web and
 * other clients use. Imported by server routes and by the web (which imports nothing else under src/).
 *
 * Red flags (an intake stopped for an emergency, an artifact with a red-flag finding) pinned at the
 * top of the inbox until a clinician acknowledges them; the header badge polls the count.
 */
import { z } from 'zod';
import type { EmergencyAlert, EmergencyWorklist } from '../workflows/alerts/emergency-alerts.js';
import { type Agrees, bilingualSchema, type Expect } from './common.js';

export type { EmergencyAlert, EmergencyWorklist };

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** `acknowledged=true` adds the acknowledged alerts after the open ones. */
export const alertListQuerySchema = z.object({
  acknowledged: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertListQuery = z.input<typeof alertListQuerySchema>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

export const emergencyAlertSchema = z.object({
  id: z.string(),
  kind: z.enum(['intake-red-flag', 'artifact-red-flag']),
  patientId: z.string().nullable(),
  patientName: z.string().nullable(),
  intakeId: z.string().nullable(),
  artifactId: z.string().nullable(),
  /** Red-flag rule ids. */
  rules: z.array(z.string()),
  /** The rules' names in both languages. */
  ruleLabels: z.array(bilingualSchema),
  triage: z.string().nullable(),
  createdAt: z.string(),
  /** Who acknowledged it and when; null while it is pinned. */
  acknowledged: z.object({ at: z.string(), by: z.object({ id: z.string().nullable(), displayName: z.string().nullable() }) }).nullable(),
});

export const emergencyWorklistSchema = z.object({
  items: z.array(emergencyAlertSchema),
  /** Unacknowledged alerts in all. */
  open: z.number().int(),
});

export const alertCountSchema = z.object({ open: z.number().int(), latestAt: z.string().nullable() });
export type AlertCount = z.infer<typeof alertCountSchema>;

type _Checks = [
  Expect<Agrees<EmergencyAlert, z.infer<typeof emergencyAlertSchema>>>,
  Expect<Agrees<EmergencyWorklist, z.infer<typeof emergencyWorklistSchema>>>,
];

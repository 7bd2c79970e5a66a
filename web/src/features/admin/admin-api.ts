// Administration over HTTP: the audit trail, model monitoring, settings and the server's health.
// Response shapes that the server defines are imported from it, type-only (nothing server-side is
// bundled), so the two cannot drift apart.
import type { DailyStats, WorkflowModelStats } from '../../../../src/api/admin';
import { request } from '../../api';

export type { DailyStats, WorkflowModelStats };

export interface Health {
  status: 'ok';
  version: string;
  database: 'sqlite' | 'postgres';
  demo: boolean;
  time: string;
}

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  outcome: string;
  sourceIp: string | null;
  requestId: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; id: string; reason: string } | null;
}

export interface Monitoring {
  byWorkflowModel: WorkflowModelStats[];
  daily: DailyStats[];
}

export interface ModelSetting {
  id: string;
  kind: 'openai-compatible' | 'llama-cpp';
  preset?: string;
  /** Present when the status was probed (`/models?probe=1`). */
  reachable?: boolean;
  detail?: string;
  baseUrl: string | null;
  name: string | null;
  dataBoundary: 'local' | 'external';
  gguf: string | null;
}

export interface Settings {
  version: string;
  demo: boolean;
  database: { dialect: string; url: string };
  model: { configured: boolean; models: ModelSetting[] };
}

export const adminApi = {
  health: () => request<Health>('GET', '/health'),
  audit: (query: { limit?: number; before?: number | null; action?: string; actorId?: string; patientId?: string }) =>
    request<AuditPage>('GET', '/audit', { query }),
  verifyAudit: () => request<AuditVerification>('GET', '/audit/verify'),
  monitoring: (days: number) => request<Monitoring>('GET', '/monitoring', { query: { days } }),
  settings: () => request<Settings>('GET', '/settings'),
  models: () => request<{ configured: boolean; models: ModelSetting[] }>('GET', '/models', { query: { probe: '1' } }),
};

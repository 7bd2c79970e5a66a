import type { Store } from '../store/database.js';

/**
 * Post-deployment monitoring of AI output: how often clinicians accept, edit or reject each
 * workflow's drafts per model, how much they change, and what the outputs cost in time and tokens.
 */

export interface WorkflowModelStats {
  workflow: string;
  modelId: string | null;
  total: number;
  accepted: number;
  edited: number;
  rejected: number;
  draft: number;
  /** Shares of reviewed artifacts (drafts excluded); null when none was reviewed. */
  acceptanceRate: number | null;
  editRate: number | null;
  rejectionRate: number | null;
  medianEditDistance: number | null;
  medianLatencyMs: number | null;
  tokensIn: number;
  tokensOut: number;
}

export interface DailyStats {
  day: string;
  count: number;
  medianLatencyMs: number | null;
  tokensIn: number;
  tokensOut: number;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export async function computeMonitoring(store: Store, days: number, now = new Date()) {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = await store.db
    .selectFrom('artifacts')
    .select(['workflow', 'model_id', 'status', 'created_at', 'latency_ms', 'tokens_in', 'tokens_out', 'edit_distance'])
    .where('created_at', '>=', since)
    .execute();

  const groups = new Map<string, { stats: WorkflowModelStats; edits: number[]; latencies: number[] }>();
  const daily = new Map<string, { count: number; latencies: number[]; tokensIn: number; tokensOut: number }>();
  for (const row of rows) {
    const key = `${row.workflow}\u0000${row.model_id ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        stats: {
          workflow: row.workflow,
          modelId: row.model_id,
          total: 0,
          accepted: 0,
          edited: 0,
          rejected: 0,
          draft: 0,
          acceptanceRate: null,
          editRate: null,
          rejectionRate: null,
          medianEditDistance: null,
          medianLatencyMs: null,
          tokensIn: 0,
          tokensOut: 0,
        },
        edits: [],
        latencies: [],
      };
      groups.set(key, group);
    }
    const s = group.stats;
    s.total += 1;
    if (row.status === 'accepted' || row.status === 'edited' || row.status === 'rejected' || row.status === 'draft') s[row.status] += 1;
    if (row.status === 'edited' && row.edit_distance !== null) group.edits.push(row.edit_distance);
    if (row.latency_ms !== null) group.latencies.push(row.latency_ms);
    s.tokensIn += row.tokens_in ?? 0;
    s.tokensOut += row.tokens_out ?? 0;

    const day = row.created_at.slice(0, 10);
    const d = daily.get(day) ?? { count: 0, latencies: [], tokensIn: 0, tokensOut: 0 };
    d.count += 1;
    if (row.latency_ms !== null) d.latencies.push(row.latency_ms);
    d.tokensIn += row.tokens_in ?? 0;
    d.tokensOut += row.tokens_out ?? 0;
    daily.set(day, d);
  }

  const byWorkflowModel = [...groups.values()].map(({ stats, edits, latencies }) => {
    const reviewed = stats.accepted + stats.edited + stats.rejected;
    return {
      ...stats,
      acceptanceRate: reviewed ? stats.accepted / reviewed : null,
      editRate: reviewed ? stats.edited / reviewed : null,
      rejectionRate: reviewed ? stats.rejected / reviewed : null,
      medianEditDistance: median(edits),
      medianLatencyMs: median(latencies),
    };
  });
  byWorkflowModel.sort((a, b) => b.total - a.total || a.workflow.localeCompare(b.workflow));
  const dailyList: DailyStats[] = [...daily.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, d]) => ({ day, count: d.count, medianLatencyMs: median(d.latencies), tokensIn: d.tokensIn, tokensOut: d.tokensOut }));
  return { days, byWorkflowModel, daily: dailyList };
}

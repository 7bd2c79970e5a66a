import type { Store } from '../store/database.js';
import { getPatientChart } from './patient-chart.js';

/**
 * Serialised charts, keyed by patient and record version (`patients.updated_at`, moved by every
 * record write). A hit costs one indexed lookup instead of a dozen queries; entries also expire
 * after a minute because the chart shows an age computed from today's date.
 */
export class ChartCache {
  private readonly entries = new Map<string, { version: string; json: string; until: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;

  constructor(
    private readonly store: Store,
    options: { maxEntries?: number; ttlMs?: number } = {},
  ) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.ttlMs = options.ttlMs ?? 60_000;
  }

  /** The chart as JSON text, or null when the patient does not exist. */
  async getJson(patientId: string): Promise<string | null> {
    // Read the version before building: a write racing with us then only makes the entry stale
    // under the old version, which the next request replaces.
    const current = await this.store.db.selectFrom('patients').select('updated_at').where('id', '=', patientId).executeTakeFirst();
    if (!current) return null;
    const now = Date.now();
    const hit = this.entries.get(patientId);
    if (hit && hit.version === current.updated_at && hit.until > now) return hit.json;
    const chart = await getPatientChart(this.store, patientId);
    if (!chart) return null;
    const json = JSON.stringify(chart);
    if (this.entries.size >= this.maxEntries) {
      // Drop the oldest insertion (Map keeps insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(patientId);
    this.entries.set(patientId, { version: current.updated_at, json, until: now + this.ttlMs });
    return json;
  }
}

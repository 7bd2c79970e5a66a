// The emergency worklist (red flags pinned until acknowledged) and the header badge's count, over HTTP.
// The server's types are imported so the two cannot drift apart.
import type { AlertCount, EmergencyAlert, EmergencyWorklist } from '../../../../src/api/alerts';
import { request } from '../../api';

export type { AlertCount, EmergencyAlert, EmergencyWorklist };

export const alertsApi = {
  list: (acknowledged = false) => request<EmergencyWorklist>('GET', '/alerts', { query: { acknowledged: String(acknowledged) } }),
  count: () => request<AlertCount>('GET', '/alerts/count'),
  acknowledge: (id: string) => request<EmergencyAlert>('POST', `/alerts/${encodeURIComponent(id)}/acknowledge`, { body: {} }),
};

/** Fired on window after an acknowledgement, so the badge refreshes at once. */
export const ALERTS_CHANGED = 'suwen:alerts-changed';

import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../store/test-stores.js';
import {
  acknowledgeEmergencyAlert,
  countOpenEmergencyAlerts,
  type EmergencyAlertRow,
  findEmergencyAlertListing,
  insertEmergencyAlert,
  listEmergencyAlerts,
} from './emergency-alert-store.js';

const alert = (id: string, createdAt: string): EmergencyAlertRow => ({
  id,
  kind: 'intake-red-flag',
  patient_id: null,
  intake_id: `intake-${id}`,
  artifact_id: null,
  rules: '["cardiac-chest-pain"]',
  triage: 'emergency',
  created_at: createdAt,
  acknowledged_at: null,
  acknowledged_by: null,
});

describe.each(DIALECTS)('emergency alert store (migration 0007) on %s', (dialect) => {
  let store: TestStore | undefined;
  afterEach(async () => {
    await store?.dispose();
    store = undefined;
  });

  it('lists open alerts newest first, then acknowledged ones, and acknowledges each only once', async () => {
    store = await createTestStore(dialect);
    await insertEmergencyAlert(store, alert('a', '2026-03-01T08:00:00.000Z'));
    await insertEmergencyAlert(store, alert('b', '2026-03-01T09:00:00.000Z'));
    await insertEmergencyAlert(store, alert('c', '2026-03-01T10:00:00.000Z'));
    expect(await countOpenEmergencyAlerts(store)).toEqual({ open: 3, latestAt: '2026-03-01T10:00:00.000Z' });

    expect(await acknowledgeEmergencyAlert(store, 'c', null, '2026-03-01T10:05:00.000Z')).toBe(true);
    expect(await acknowledgeEmergencyAlert(store, 'c', null, '2026-03-01T10:06:00.000Z')).toBe(false);
    expect(await acknowledgeEmergencyAlert(store, 'a', null, '2026-03-01T10:07:00.000Z')).toBe(true);

    expect((await listEmergencyAlerts(store, { includeAcknowledged: false, limit: 10 })).map((row) => row.id)).toEqual(['b']);
    expect((await listEmergencyAlerts(store, { includeAcknowledged: true, limit: 10 })).map((row) => row.id)).toEqual(['b', 'a', 'c']);
    expect((await listEmergencyAlerts(store, { includeAcknowledged: true, limit: 2 })).map((row) => row.id)).toEqual(['b', 'a']);
    expect(await countOpenEmergencyAlerts(store)).toEqual({ open: 1, latestAt: '2026-03-01T09:00:00.000Z' });
    expect(await findEmergencyAlertListing(store, 'c')).toMatchObject({ acknowledged_at: '2026-03-01T10:05:00.000Z', patient_name: null });
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listAlertDeliveries } from '../../record/emergency-alert-store.js';
import { createTestStore, DIALECTS, type TestStore } from '../../store/test-stores.js';
import { raiseEmergencyAlert } from './emergency-alerts.js';
import { AlertDispatcher, type DispatcherSettings, signAlertBody } from './webhook-dispatcher.js';

/** A paging endpoint on loopback whose answer to each request the test scripts: a status, or hanging. */
async function startEndpoint(script: (n: number) => number | 'hang') {
  const bodies: { body: string; signature: string | undefined; delivery: string | undefined }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      bodies.push({
        body,
        signature: req.headers['x-suwen-signature'] as string | undefined,
        delivery: req.headers['x-suwen-delivery'] as string | undefined,
      });
      const answer = script(bodies.length);
      if (answer !== 'hang') res.writeHead(answer).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const SECRET = 'a-shared-secret-of-some-length';

function settingsFor(url: string): DispatcherSettings {
  return { webhookUrl: url, webhookSecret: SECRET, patientRef: 'pseudonym', timeoutMs: 300, retryDelayMs: 1_000, maxRetryDelayMs: 4_000 };
}

function logger() {
  const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    info: (details: object, message: string) => lines.push({ level: 'info', details: details as Record<string, unknown>, message }),
    warn: (details: object, message: string) => lines.push({ level: 'warn', details: details as Record<string, unknown>, message }),
  };
}

describe.each(DIALECTS)('paging webhook outbox on %s', (dialect) => {
  let store: TestStore | undefined;
  let endpoint: Awaited<ReturnType<typeof startEndpoint>> | undefined;
  afterEach(async () => {
    await endpoint?.close();
    await store?.dispose();
    store = undefined;
    endpoint = undefined;
  });

  it('retries a failed or timed-out delivery with backoff, logs each failure, and delivers it signed in the end', async () => {
    store = await createTestStore(dialect);
    // 500, then no answer (timeout), then 200.
    endpoint = await startEndpoint((n) => (n === 1 ? 500 : n === 2 ? 'hang' : 200));
    let clock = new Date('2026-03-01T08:00:00.000Z');
    const log = logger();
    const dispatcher = new AlertDispatcher({ store, settings: settingsFor(endpoint.url), logger: log, now: () => clock });
    const alert = await raiseEmergencyAlert(store, dispatcher.settings, {
      kind: 'intake-red-flag',
      patientId: null,
      intakeId: 'intake-1',
      artifactId: 'artifact-1',
      rules: ['cardiac-chest-pain'],
      triage: 'emergency',
      at: clock.toISOString(),
    });

    expect(await dispatcher.deliverDue()).toBe(0);
    let [row] = await listAlertDeliveries(store, alert.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500', next_attempt_at: '2026-03-01T08:00:01.000Z' });
    expect(log.lines.at(-1)).toMatchObject({ level: 'warn', details: { attempts: 1, error: 'HTTP 500' } });

    // Not yet due: nothing is sent.
    expect(await dispatcher.deliverDue()).toBe(0);
    expect(endpoint.bodies).toHaveLength(1);

    clock = new Date('2026-03-01T08:00:01.000Z');
    expect(await dispatcher.deliverDue()).toBe(0);
    [row] = await listAlertDeliveries(store, alert.id);
    expect(row).toMatchObject({ attempts: 2, last_error: 'timed out after 300 ms', next_attempt_at: '2026-03-01T08:00:03.000Z' });

    clock = new Date('2026-03-01T08:00:03.000Z');
    expect(await dispatcher.deliverDue()).toBe(1);
    [row] = await listAlertDeliveries(store, alert.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, last_error: null, delivered_at: '2026-03-01T08:00:03.000Z' });

    expect(endpoint.bodies).toHaveLength(3);
    const last = endpoint.bodies[2];
    expect(last?.signature).toBe(signAlertBody(last?.body ?? '', SECRET));
    expect(new Set(endpoint.bodies.map((b) => b.delivery))).toEqual(new Set([row?.id]));
    expect(JSON.parse(last?.body ?? '{}')).toMatchObject({ type: 'suwen.emergency', alertId: alert.id, rules: ['cardiac-chest-pain'] });
    // Delivered: never sent again.
    clock = new Date('2026-03-01T09:00:00.000Z');
    expect(await dispatcher.deliverDue()).toBe(0);
    expect(endpoint.bodies).toHaveLength(3);
  });

  it('keeps a delivery while the endpoint is down (backoff capped), and sends it once it is back', async () => {
    store = await createTestStore(dialect);
    let up = false;
    endpoint = await startEndpoint(() => (up ? 200 : 503));
    let clock = new Date('2026-03-01T08:00:00.000Z');
    const dispatcher = new AlertDispatcher({ store, settings: settingsFor(endpoint.url), logger: logger(), now: () => clock });
    const alert = await raiseEmergencyAlert(store, dispatcher.settings, {
      kind: 'artifact-red-flag',
      patientId: null,
      artifactId: 'artifact-2',
      rules: ['stroke-signs'],
      at: clock.toISOString(),
    });
    for (let i = 0; i < 6; i++) {
      await dispatcher.deliverDue();
      const [row] = await listAlertDeliveries(store, alert.id);
      clock = new Date(row?.next_attempt_at ?? '');
    }
    const [waiting] = await listAlertDeliveries(store, alert.id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 6, last_error: 'HTTP 503' });
    // Backoff doubles from 1 s and stops growing at the 4 s cap.
    expect(Date.parse(waiting?.next_attempt_at ?? '') - Date.parse(waiting?.created_at ?? '')).toBe(1_000 + 2_000 + 4_000 * 4);
    up = true;
    expect(await dispatcher.deliverDue()).toBe(1);
  });

  it('does not write a delivery when no webhook is configured, and rolls back with the red flag', async () => {
    store = await createTestStore(dialect);
    const alert = await raiseEmergencyAlert(
      store,
      { patientRef: 'id' },
      { kind: 'intake-red-flag', patientId: null, rules: ['x'], at: '2026-03-01T08:00:00.000Z' },
    );
    expect(await listAlertDeliveries(store, alert.id)).toEqual([]);
    const s = store;
    await expect(
      s.db.transaction().execute(async (trx) => {
        await raiseEmergencyAlert({ ...s, db: trx }, settingsFor('http://127.0.0.1:9/hook'), {
          kind: 'intake-red-flag',
          patientId: null,
          rules: ['y'],
          at: '2026-03-01T08:00:00.000Z',
        });
        throw new Error('the red flag write failed');
      }),
    ).rejects.toThrow('the red flag write failed');
    expect(await s.db.selectFrom('emergency_alerts').select('id').execute()).toHaveLength(1);
    expect(await s.db.selectFrom('alert_deliveries').select('id').execute()).toHaveLength(0);
  });
});

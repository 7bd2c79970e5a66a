import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertCount, EmergencyAlert, EmergencyWorklist } from '../../api/alerts.js';
import { DIALECTS } from '../../store/test-stores.js';
import { signAlertBody } from '../../workflows/alerts/webhook-dispatcher.js';
import type { IntakeView } from '../../workflows/intake/intake-service.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const SECRET = 'paging-shared-secret-0123456789';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** The hospital's paging system: a real HTTP server on loopback that records what it receives. */
async function startPager(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`, received, server };
}

async function json<T>(response: Response, status = 200): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

/** A patient on the phone intake types an emergency; returns the intake id. */
async function redFlagIntake(server: TestServer, clinician: string, patientId: string, text: string): Promise<string> {
  const link = await json<{ id: string; token: string }>(
    await server.request('/api/v1/intake', { cookie: clinician, body: { patientId, language: 'zh' } }),
    201,
  );
  const first = await json<IntakeView>(await server.request(`/api/v1/intake/session/${link.token}`));
  const stopped = await json<IntakeView>(
    await server.request(`/api/v1/intake/session/${link.token}/answers`, {
      body: { questionId: first.question?.id, text, version: first.version },
    }),
  );
  expect(stopped.status).toBe('emergency');
  return link.id;
}

describe.each(DIALECTS)('emergency worklist over HTTP on %s (issue 23 item 5)', (dialect) => {
  let pager: Awaited<ReturnType<typeof startPager>>;
  let server: TestServer;
  let clinician: string;
  beforeAll(async () => {
    pager = await startPager();
    server = await startTestServer(dialect, {
      env: {
        SUWEN_ALERTS_WEBHOOK_URL: pager.url,
        SUWEN_ALERTS_WEBHOOK_SECRET: SECRET,
        SUWEN_ALERTS_LINK_BASE_URL: 'https://suwen.example',
      },
    });
    clinician = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => pager?.server.close(resolve));
  });

  it('pins red-flag intakes newest first until acknowledged, counts them for the badge, and records who acknowledged', async () => {
    const [first = '', second = ''] = server.patientIds;
    const empty = await json<AlertCount>(await server.request('/api/v1/alerts/count', { cookie: clinician }));
    expect(empty).toEqual({ open: 0, latestAt: null });

    const older = await redFlagIntake(server, clinician, first, '胸口压榨样疼痛1小时，向左臂放射，伴大汗');
    const newer = await redFlagIntake(server, clinician, second, '最近总想自杀');
    const count = await json<AlertCount>(await server.request('/api/v1/alerts/count', { cookie: clinician }));
    expect(count.open).toBe(2);

    const pinned = await json<EmergencyWorklist>(await server.request('/api/v1/alerts', { cookie: clinician }));
    expect(pinned.open).toBe(2);
    expect(pinned.items.map((alert) => alert.intakeId)).toEqual([newer, older]);
    const [top, next] = pinned.items as [EmergencyAlert, EmergencyAlert];
    expect(top).toMatchObject({ kind: 'intake-red-flag', patientId: second, triage: 'emergency', acknowledged: null });
    expect(top.patientName).toBeTruthy();
    expect(top.artifactId).toBeTruthy();
    expect(next.rules).toContain('cardiac-chest-pain');
    expect(next.ruleLabels.map((label) => label.zh)).toContain('疑似急性心肌梗死');

    const acknowledged = await json<EmergencyAlert>(
      await server.request(`/api/v1/alerts/${next.id}/acknowledge`, { cookie: clinician, body: {} }),
    );
    expect(acknowledged.acknowledged?.by.displayName).toBeTruthy();
    expect(Date.parse(acknowledged.acknowledged?.at ?? '')).toBeGreaterThan(0);
    expect((await server.request(`/api/v1/alerts/${next.id}/acknowledge`, { cookie: clinician, body: {} })).status).toBe(409);

    const after = await json<EmergencyWorklist>(await server.request('/api/v1/alerts', { cookie: clinician }));
    expect(after.items.map((alert) => alert.id)).toEqual([top.id]);
    const withDone = await json<EmergencyWorklist>(await server.request('/api/v1/alerts?acknowledged=true', { cookie: clinician }));
    expect(withDone.items.map((alert) => alert.id)).toEqual([top.id, next.id]);
    expect((await json<AlertCount>(await server.request('/api/v1/alerts/count', { cookie: clinician }))).open).toBe(1);

    await server.services.audit.flush();
    const audited = await server.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'alert.acknowledge')
      .where('entity_id', '=', next.id)
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ outcome: 'success', patient_id: first, actor_role: 'clinician' });
    expect(audited[0]?.actor_id).toBeTruthy();
  });

  it('POSTs each emergency to the paging webhook, signed, with a pseudonymous patient and no names', async () => {
    await server.services.alerts.idle();
    expect(pager.received.length).toBeGreaterThanOrEqual(2);
    const delivery = pager.received[0] as Received;
    expect(delivery.headers['x-suwen-signature']).toBe(signAlertBody(delivery.body, SECRET));
    expect(delivery.headers['x-suwen-event']).toBe('emergency');
    const payload = JSON.parse(delivery.body) as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: 'suwen.emergency',
      kind: 'intake-red-flag',
      intakeId: expect.any(String),
      artifactId: expect.any(String),
      patientRef: expect.stringMatching(/^P-[0-9a-f]{20}$/),
      patientRefKind: 'pseudonym',
      rules: expect.arrayContaining([expect.any(String)]),
      triage: 'emergency',
      createdAt: expect.any(String),
      link: expect.stringMatching(/^https:\/\/suwen\.example\/#\/inbox\//),
    });
    expect(delivery.body).not.toContain(server.patientIds[0]);
    const outbox = await server.store.db.selectFrom('alert_deliveries').select(['status', 'attempts']).execute();
    expect(outbox.every((row) => row.status === 'delivered' && row.attempts === 1)).toBe(true);
  });

  it('pins an artifact recorded with a red-flag finding, too', async () => {
    const admin = await server.login('admin');
    const recorded = await json<{ id: string }>(
      await server.request('/api/v1/artifacts', {
        cookie: admin,
        body: {
          kind: 'triage-note',
          workflow: 'external',
          patientId: server.patientIds[2],
          input: {},
          content: { text: 'Possible stroke' },
          guardrails: [{ code: 'red-flag:stroke-signs', severity: 'critical', message: 'Stroke signs' }],
        },
      }),
      201,
    );
    const pinned = await json<EmergencyWorklist>(await server.request('/api/v1/alerts', { cookie: clinician }));
    expect(pinned.items[0]).toMatchObject({ kind: 'artifact-red-flag', artifactId: recorded.id, rules: ['stroke-signs'] });
  });

  it('keeps the worklist to clinicians and answers an unknown alert with 404', async () => {
    const patient = await server.login('patient');
    expect((await server.request('/api/v1/alerts', { cookie: patient })).status).toBe(403);
    expect((await server.request('/api/v1/alerts/count', { cookie: patient })).status).toBe(403);
    expect((await server.request('/api/v1/alerts/count')).status).toBe(401);
    expect((await server.request('/api/v1/alerts/nope/acknowledge', { cookie: clinician, body: {} })).status).toBe(404);
  });
});

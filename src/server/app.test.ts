import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-log.js';
import type { Role } from '../auth/roles.js';
import { DIALECTS } from '../store/test-stores.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

interface ErrorBody {
  error: { code: string; message: string; details?: { path?: string; message: string }[] };
}

describe.each(DIALECTS)('HTTP API on %s', (dialect) => {
  let server: TestServer;
  const cookies = {} as Record<Role, string>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    for (const role of ['admin', 'clinician', 'researcher', 'educator', 'patient'] as const) cookies[role] = await server.login(role);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers health with a request id, and keeps a well-formed caller id', async () => {
    const response = await server.request('/api/v1/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as { status: string; database: string };
    expect(body).toMatchObject({ status: 'ok', database: dialect });
    const echoed = await server.request('/api/v1/health', { headers: { 'x-request-id': 'trace-12345678' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-12345678');
  });

  it('refuses a wrong password in the caller’s language and sets a strict HttpOnly cookie on success', async () => {
    const zh = await server.request('/api/v1/auth/login', {
      body: { username: 'test-clinician', password: 'wrong password' },
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(zh.status).toBe(401);
    expect(((await zh.json()) as ErrorBody).error).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误。' });
    const en = await server.request('/api/v1/auth/login', {
      body: { username: 'nobody', password: 'x' },
      headers: { 'accept-language': 'en' },
    });
    expect(((await en.json()) as ErrorBody).error.message).toBe('Wrong username or password.');
    const ok = await server.request('/api/v1/auth/login', { body: { username: 'test-clinician', password: 'correct horse battery' } });
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/suwen_session=sws_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  // Every protected route, and the roles that may use it; every other role must get 403.
  const matrix: { path: string; allowed: Role[]; method?: string; body?: unknown }[] = [
    { path: '/api/v1/patients', allowed: ['clinician'] },
    { path: '/api/v1/artifacts', allowed: ['clinician', 'admin'] },
    { path: '/api/v1/audit', allowed: ['admin'] },
    { path: '/api/v1/audit/verify', allowed: ['admin'] },
    { path: '/api/v1/monitoring', allowed: ['admin'] },
    { path: '/api/v1/users', allowed: ['admin'] },
    { path: '/api/v1/settings', allowed: ['admin', 'clinician', 'researcher', 'educator', 'patient'] },
    { path: '/api/v1/auth/me', allowed: ['admin', 'clinician', 'researcher', 'educator', 'patient'] },
  ];

  it.each(matrix)('$path: 401 without a session, allowed roles 200, others 403', async ({ path, allowed }) => {
    const anonymous = await server.request(path);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ErrorBody).error.code).toBe('UNAUTHENTICATED');
    for (const role of ['admin', 'clinician', 'researcher', 'educator', 'patient'] as const) {
      const response = await server.request(path, { cookie: cookies[role] });
      expect({ role, status: response.status }).toEqual({ role, status: allowed.includes(role) ? 200 : 403 });
    }
  });

  it('lets a patient read only their own chart', async () => {
    const [own, other] = server.patientIds;
    const mine = await server.request(`/api/v1/patients/${own}/chart`, { cookie: cookies.patient });
    expect(mine.status).toBe(200);
    const theirs = await server.request(`/api/v1/patients/${other}/chart`, {
      cookie: cookies.patient,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(theirs.status).toBe(403);
    expect(((await theirs.json()) as ErrorBody).error.message).toBe('您的角色无权执行此操作。');
    const list = await server.request('/api/v1/patients', { cookie: cookies.patient });
    expect(list.status).toBe(403);
    for (const role of ['admin', 'researcher', 'educator'] as const) {
      expect((await server.request(`/api/v1/patients/${own}/chart`, { cookie: cookies[role] })).status).toBe(403);
    }
  });

  it('serves a chart with labs and searches patients by name', async () => {
    const list = (await (await server.request('/api/v1/patients?limit=100', { cookie: cookies.clinician })).json()) as {
      items: { id: string; name: string }[];
      total: number;
    };
    expect(list.total).toBe(server.patientIds.length);
    const first = list.items[0];
    if (!first) throw new Error('no patients');
    const fragment = first.name.slice(0, 4).toUpperCase();
    const found = (await (
      await server.request(`/api/v1/patients?q=${encodeURIComponent(fragment)}`, { cookie: cookies.clinician })
    ).json()) as {
      items: { id: string }[];
    };
    expect(found.items.map((p) => p.id)).toContain(first.id);
    const none = (await (await server.request('/api/v1/patients?q=%25%25zz_no_match', { cookie: cookies.clinician })).json()) as {
      total: number;
    };
    expect(none.total).toBe(0);

    const chart = (await (await server.request(`/api/v1/patients/${first.id}/chart`, { cookie: cookies.clinician })).json()) as {
      patient: { id: string };
      labs: { code: string; count: number }[];
    };
    expect(chart.patient.id).toBe(first.id);
    expect(chart.labs.length).toBeGreaterThan(0);
    const lab = chart.labs[0];
    if (!lab) throw new Error('no labs');
    const series = (await (
      await server.request(`/api/v1/patients/${first.id}/observations?code=${lab.code}`, { cookie: cookies.clinician })
    ).json()) as {
      items: { at: string }[];
    };
    expect(series.items).toHaveLength(lab.count);
    const times = series.items.map((i) => i.at);
    expect([...times].sort()).toEqual(times);
    const missing = await server.request('/api/v1/patients/no-such-patient/chart', { cookie: cookies.clinician });
    expect(missing.status).toBe(404);
  });

  it('pages through the whole encounter and document history beyond the chart', async () => {
    const patientId = server.patientIds[0] as string;
    const chart = (await (await server.request(`/api/v1/patients/${patientId}/chart`, { cookie: cookies.clinician })).json()) as {
      encounters: { id: string }[];
      counts: { encounters: number; documents: number };
    };
    expect(chart.counts.encounters).toBeGreaterThan(chart.encounters.length);
    const seen: string[] = [];
    for (let offset = 0; offset < chart.counts.encounters; offset += 7) {
      const page = (await (
        await server.request(`/api/v1/patients/${patientId}/encounters?limit=7&offset=${offset}`, { cookie: cookies.clinician })
      ).json()) as {
        items: { id: string }[];
        total: number;
      };
      expect(page.total).toBe(chart.counts.encounters);
      seen.push(...page.items.map((e) => e.id));
    }
    expect(new Set(seen).size).toBe(chart.counts.encounters);
    expect(seen.slice(0, chart.encounters.length)).toEqual(chart.encounters.map((e) => e.id));
    const docs = (await (
      await server.request(`/api/v1/patients/${patientId}/documents?limit=3&offset=1`, { cookie: cookies.clinician })
    ).json()) as {
      items: { id: string; title: string }[];
      total: number;
    };
    expect(docs).toMatchObject({ total: chart.counts.documents });
    expect(docs.items).toHaveLength(3);
    expect((await server.request(`/api/v1/patients/${server.patientIds[1]}/encounters`, { cookie: cookies.patient })).status).toBe(403);
    expect((await server.request(`/api/v1/patients/${patientId}/encounters?limit=0`, { cookie: cookies.clinician })).status).toBe(400);
  });

  it('audits each chart read with the patient and the request id', async () => {
    const patientId = server.patientIds[1] as string;
    const response = await server.request(`/api/v1/patients/${patientId}/chart`, {
      cookie: cookies.clinician,
      headers: { 'x-request-id': 'audit-probe-0001' },
    });
    expect(response.status).toBe(200);
    const rows = await server.store.db.selectFrom('audit_log').selectAll().where('request_id', '=', 'audit-probe-0001').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'patient.read', patient_id: patientId, outcome: 'success', actor_role: 'clinician' });
    expect(rows[0]?.source_ip).toMatch(/127\.0\.0\.1/);
  });

  it('rejects invalid bodies with details, and non-JSON bodies with 415', async () => {
    const bad = await server.request('/api/v1/artifacts', { cookie: cookies.clinician, body: { kind: '', content: { text: 5 } } });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.map((d) => d.path)).toEqual(expect.arrayContaining(['body.kind', 'body.content.text']));
    const text = await server.request('/api/v1/artifacts', {
      method: 'POST',
      cookie: cookies.clinician,
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    const unknown = await server.request('/api/v1/nothing-here', { cookie: cookies.clinician });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe('NOT_FOUND');
  });

  it('takes an AI draft through review: edit with a diff, no second review, provenance and monitoring', async () => {
    const patientId = server.patientIds[0] as string;
    const created = await server.request('/api/v1/artifacts', {
      cookie: cookies.clinician,
      body: {
        kind: 'note.soap',
        workflow: 'notes',
        patientId,
        model: { id: 'scripted-model', version: '1' },
        prompt: { id: 'notes.soap', version: '3' },
        input: { transcript: 'synthetic' },
        content: { title: 'SOAP', text: 'S: cough\nO: afebrile\nA: viral URI\nP: fluids' },
        sources: [{ type: 'record', ref: `Patient/${patientId}`, label: 'record' }],
        guardrails: [{ code: 'unsupported.sentence', severity: 'warning', message: 'one sentence has no source' }],
        latencyMs: 1234,
        tokensIn: 500,
        tokensOut: 120,
      },
    });
    expect(created.status).toBe(201);
    const artifact = (await created.json()) as { id: string; status: string; inputHash: string };
    expect(artifact.status).toBe('draft');
    expect(artifact.inputHash).toMatch(/^[0-9a-f]{64}$/);

    const inbox = (await (await server.request('/api/v1/artifacts?status=draft', { cookie: cookies.clinician })).json()) as {
      items: { id: string }[];
    };
    expect(inbox.items.map((i) => i.id)).toContain(artifact.id);

    const adminReview = await server.request(`/api/v1/artifacts/${artifact.id}/review`, {
      cookie: cookies.admin,
      body: { decision: 'accept' },
    });
    expect(adminReview.status).toBe(403);

    const edited = await server.request(`/api/v1/artifacts/${artifact.id}/review`, {
      cookie: cookies.clinician,
      body: { decision: 'edit', content: { title: 'SOAP', text: 'S: cough for 3 days\nO: afebrile\nA: viral URI\nP: fluids' } },
    });
    expect(edited.status).toBe(200);
    const reviewed = (await edited.json()) as { status: string; editDiff: string; editDistance: number; reviewer: { displayName: string } };
    expect(reviewed.status).toBe('edited');
    expect(reviewed.editDiff).toContain('- S: cough');
    expect(reviewed.editDiff).toContain('+ S: cough for 3 days');
    expect(reviewed.editDistance).toBeGreaterThan(0);
    expect(reviewed.reviewer.displayName).toBe('test-clinician');

    const again = await server.request(`/api/v1/artifacts/${artifact.id}/review`, {
      cookie: cookies.clinician,
      body: { decision: 'accept' },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.code).toBe('INVALID_TRANSITION');

    const provenance = (await (
      await server.request(`/api/v1/artifacts/${artifact.id}/provenance`, { cookie: cookies.clinician })
    ).json()) as {
      resourceType: string;
      activity: { coding: { code: string }[] };
      agent: unknown[];
    };
    expect(provenance.resourceType).toBe('Provenance');
    expect(provenance.activity.coding[0]?.code).toBe('UPDATE');
    expect(provenance.agent).toHaveLength(2);

    const monitoring = (await (await server.request('/api/v1/monitoring?days=7', { cookie: cookies.admin })).json()) as {
      byWorkflowModel: { workflow: string; modelId: string; edited: number; editRate: number; medianLatencyMs: number }[];
    };
    const notes = monitoring.byWorkflowModel.find((g) => g.workflow === 'notes');
    expect(notes).toMatchObject({ modelId: 'scripted-model', edited: 1, editRate: 1, medianLatencyMs: 1234 });
  });

  it('works with a bearer API token instead of a cookie', async () => {
    const created = await server.request('/api/v1/auth/tokens', { cookie: cookies.clinician, body: { name: 'integration' } });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const list = await server.request('/api/v1/patients', { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(200);
    const forged = await server.request('/api/v1/patients', { headers: { authorization: `Bearer ${token}x` } });
    expect(forged.status).toBe(401);
  });

  it('keeps an intact audit chain across all of the above, with denials recorded', async () => {
    await server.services.audit.flush();
    const verification = await verifyAuditChain(server.store);
    expect(verification.ok).toBe(true);
    expect(verification.checked).toBeGreaterThan(20);
    const denials = await server.store.db.selectFrom('audit_log').select('action').where('outcome', '=', 'denied').execute();
    expect(denials.map((d) => d.action)).toEqual(expect.arrayContaining(['access.denied', 'auth.login', 'patient.read']));
    const response = await server.request('/api/v1/audit/verify', { cookie: cookies.admin });
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('publishes an OpenAPI 3.1 document generated from the routes', async () => {
    const doc = (await (await server.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; 'x-permission': string | null }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/patients/{id}/chart']?.get?.['x-permission']).toBe('patient.read');
    expect(doc.paths['/api/v1/artifacts/{id}/review']?.post?.requestBody).toBeDefined();
  });
});

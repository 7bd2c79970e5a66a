import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

interface ConsentBody {
  aiAssistance: boolean;
  researchUse: boolean;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string | null;
  history: { aiAssistance: boolean; researchUse: boolean; changedRole: string | null; note: string | null }[];
}

describe('patient consent API', () => {
  let upstream: ScriptedModelServer;
  let server: TestServer;
  let clinician: string;
  let patient: string;
  let own: string;
  let other: string;
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
    server = await startTestServer('sqlite', { env: { SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model' } });
    clinician = await server.login('clinician');
    patient = await server.login('patient');
    own = server.patientIds[0] as string;
    other = server.patientIds[1] as string;
  });
  afterAll(async () => {
    await server?.close();
    await upstream?.close();
  });

  const put = (id: string, cookie: string, body: unknown) =>
    server.request(`/api/v1/patients/${id}/consent`, { method: 'PUT', cookie, body });

  it('shows the defaults to the patient and to clinicians', async () => {
    const mine = await server.request(`/api/v1/patients/${own}/consent`, { cookie: patient });
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({ aiAssistance: true, researchUse: false, updatedAt: null, history: [] });
    expect((await server.request(`/api/v1/patients/${other}/consent`, { cookie: clinician })).status).toBe(200);
    expect((await server.request(`/api/v1/patients/${other}/consent`, { cookie: patient })).status).toBe(403);
    expect((await server.request(`/api/v1/patients/${other}/consent`, { cookie: await server.login('researcher') })).status).toBe(403);
    expect((await server.request('/api/v1/patients/nobody/consent', { cookie: clinician })).status).toBe(404);
  });

  it('lets a patient change their own consent but not another’s, and audits flags only', async () => {
    const response = await put(own, patient, { researchUse: true, note: 'happy to help research' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ConsentBody;
    expect(body).toMatchObject({ aiAssistance: true, researchUse: true, updatedBy: expect.any(String) });
    expect(body.history[0]).toMatchObject({ researchUse: true, changedRole: 'patient', note: 'happy to help research' });

    const denied = await put(other, patient, { aiAssistance: false });
    expect(denied.status).toBe(403);
    const unchanged = (await (await server.request(`/api/v1/patients/${other}/consent`, { cookie: clinician })).json()) as ConsentBody;
    expect(unchanged).toMatchObject({ aiAssistance: true, history: [] });

    await server.services.audit.flush();
    const rows = await server.store.db
      .selectFrom('audit_log')
      .select(['outcome', 'patient_id', 'details', 'actor_role'])
      .where('action', '=', 'consent.update')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.outcome, r.patient_id, r.actor_role])).toEqual([
      ['success', own, 'patient'],
      ['denied', other, 'patient'],
    ]);
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({ aiAssistance: true, researchUse: true });
    for (const row of rows) expect(row.details).not.toContain('happy to help');
  });

  it('lets a clinician change any record, and refuses researchers and empty or unknown changes', async () => {
    const response = await put(other, clinician, { aiAssistance: false });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ aiAssistance: false, researchUse: false, updatedByName: expect.any(String) });
    expect((await put(other, await server.login('researcher'), { aiAssistance: true })).status).toBe(403);
    expect((await put(other, await server.login('admin'), { aiAssistance: true })).status).toBe(403);
    expect((await put(other, clinician, {})).status).toBe(400);
    expect((await put(other, clinician, { aiAssistance: 'yes' })).status).toBe(400);
    expect((await put(other, clinician, { aiAssistance: true, extra: 1 })).status).toBe(400);
    expect((await put('nobody', clinician, { aiAssistance: true })).status).toBe(404);
  });

  it('refuses a chat about a non-consenting patient before any model call, then works once consent is restored', async () => {
    await put(other, clinician, { aiAssistance: false });
    const before = upstream.requests.length;
    for (const locale of ['en', 'zh-CN']) {
      const refused = await server.request('/api/v1/chat', {
        cookie: clinician,
        body: { messages: [{ role: 'user', content: 'summarise this patient' }], patientId: other },
        headers: { 'accept-language': locale },
      });
      expect(refused.status).toBe(403);
      const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('CONSENT_REQUIRED');
      expect(error.message).toMatch(locale === 'en' ? /has not consented to AI assistance/ : /未同意在其病历上使用 AI 辅助/);
    }
    expect(upstream.requests.length).toBe(before);

    await server.services.audit.flush();
    const denials = await server.store.db
      .selectFrom('audit_log')
      .select(['outcome', 'details', 'patient_id'])
      .where('action', '=', 'model.call')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denials).toHaveLength(2);
    expect(denials[0]?.patient_id).toBe(other);
    expect(JSON.parse(denials[0]?.details ?? '{}')).toMatchObject({ code: 'CONSENT_REQUIRED' });

    expect((await put(other, clinician, { aiAssistance: true, note: 'patient agreed' })).status).toBe(200);
    upstream.enqueue({ kind: 'text', text: 'A summary.', chunks: 2 });
    const ok = await server.request('/api/v1/chat', {
      cookie: clinician,
      body: { messages: [{ role: 'user', content: 'summarise this patient' }], patientId: other },
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('event: finish');
    expect(upstream.requests.length).toBeGreaterThan(before);
  });
});

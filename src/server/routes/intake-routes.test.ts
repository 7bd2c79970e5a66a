import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeQuestion } from '../../engines/intake/index.js';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import type { IntakeView } from '../../workflows/intake/intake-service.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/** A plain, safe form answer for any question (no, the first option, 3/10, skip text). */
function formAnswer(question: IntakeQuestion): Record<string, unknown> {
  switch (question.kind) {
    case 'yes-no':
      return { value: false };
    case 'choice':
      return { value: question.options?.[0]?.value };
    case 'multi':
      return { value: question.options?.some((o) => o.value === 'none') ? ['none'] : [question.options?.[0]?.value] };
    case 'scale':
      return { value: Math.min(3, question.max ?? 10) };
    case 'text':
      return question.optional ? { skipped: true } : { text: question.id === 'frame:chief-complaint' ? '头痛两天' : '无' };
  }
}

async function createLink(server: TestServer, cookie: string, body: Record<string, unknown>) {
  const response = await server.request('/api/v1/intake', { cookie, body: { patientId: server.patientIds[1], ...body } });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; token: string; path: string; expiresAt: string; mode: string };
}

async function view(server: TestServer, token: string): Promise<IntakeView> {
  const response = await server.request(`/api/v1/intake/session/${token}`);
  expect(response.status).toBe(200);
  return (await response.json()) as IntakeView;
}

async function answer(server: TestServer, token: string, body: Record<string, unknown>) {
  return server.request(`/api/v1/intake/session/${token}/answers`, { body });
}

describe('history taking over HTTP (form mode, no model)', () => {
  let server: TestServer;
  let clinician: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    clinician = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs a whole interview in Chinese without an account, writes a draft history, and spends the link', async () => {
    const link = await createLink(server, clinician, { language: 'zh' });
    expect(link.path).toBe(`/#/intake/${link.token}`);
    expect(link.mode).toBe('form');
    let current = await view(server, link.token);
    expect(current.status).toBe('open');
    expect(current.question?.id).toBe('frame:chief-complaint');
    expect(current.question?.text).toMatch(/[\u4e00-\u9fff]/);
    const patientName = (
      await server.store.db
        .selectFrom('patients')
        .select('name_text')
        .where('id', '=', server.patientIds[1] ?? '')
        .executeTakeFirstOrThrow()
    ).name_text;
    expect(JSON.stringify(current).toLowerCase()).not.toContain(String(patientName).split(' ')[0]?.toLowerCase());
    let asked = 0;
    while (current.question && asked < 80) {
      const response = await answer(server, link.token, {
        questionId: current.question.id,
        version: current.version,
        ...formAnswer(current.question),
      });
      expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
      current = (await response.json()) as IntakeView;
      asked++;
    }
    expect(current.status).toBe('open');
    expect(current.complete).toBe(true);
    expect(asked).toBeGreaterThan(8);
    const finished = await server.request(`/api/v1/intake/session/${link.token}/finish`, { body: {} });
    expect(finished.status).toBe(200);
    expect(((await finished.json()) as IntakeView).status).toBe('finished');

    // The clinician sees it with a triage level and a draft to review.
    const list = (await (await server.request(`/api/v1/patients/${server.patientIds[1]}/intakes`, { cookie: clinician })).json()) as {
      intakes: { id: string; status: string; triage: { level: string } | null; artifactId: string | null }[];
    };
    const entry = list.intakes.find((intake) => intake.id === link.id);
    expect(entry?.status).toBe('finished');
    expect(['emergency', 'urgent', 'soon', 'routine', 'self-care']).toContain(entry?.triage?.level);
    const artifact = (await (await server.request(`/api/v1/artifacts/${entry?.artifactId}`, { cookie: clinician })).json()) as {
      status: string;
      kind: string;
      content: { text: string };
    };
    expect(artifact).toMatchObject({ status: 'draft', kind: 'intake-history' });
    for (const heading of ['主诉', '现病史', '既往史', '个人史', '家族史', '过敏史']) expect(artifact.content.text).toContain(heading);

    // Single use: the finished link answers nothing more.
    const again = await answer(server, link.token, { questionId: 'frame:chief-complaint', value: 'E_53' });
    expect(again.status).toBe(410);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('INTAKE_CLOSED');
    await server.services.audit.flush();
    const actions = await server.store.db.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', link.id).execute();
    expect(new Set(actions.map((row) => row.action))).toEqual(new Set(['intake.create', 'intake.answer', 'intake.finish']));
    expect(actions.map((row) => row.details).join()).not.toContain('头痛');
  });

  it.each([
    ['zh', '胸口很痛，一直出冷汗'],
    ['en', 'crushing chest pain and I am sweating a lot'],
    ['zh', '最近总想自杀'],
    ['en', 'my lips and throat are swelling after the peanut'],
  ])('stops for a red flag typed in %s and flags the record', async (language, text) => {
    const link = await createLink(server, clinician, { language });
    const first = await view(server, link.token);
    const response = await answer(server, link.token, { questionId: first.question?.id, text, version: first.version });
    expect(response.status).toBe(200);
    const stopped = (await response.json()) as IntakeView;
    expect(stopped.status).toBe('emergency');
    expect(stopped.question).toBeNull();
    expect(stopped.emergency?.message.zh).toContain('120');
    expect(stopped.emergency?.flags.length).toBeGreaterThan(0);
    expect((await answer(server, link.token, { questionId: 'frame:onset', value: 'days' })).status).toBe(410);
    const detail = (await (await server.request(`/api/v1/intake/${link.id}`, { cookie: clinician })).json()) as {
      status: string;
      triage: { level: string };
      artifactId: string;
    };
    expect(detail).toMatchObject({ status: 'emergency', triage: { level: 'emergency' } });
    const artifact = (await (await server.request(`/api/v1/artifacts/${detail.artifactId}`, { cookie: clinician })).json()) as {
      guardrails: { code: string; severity: string }[];
    };
    expect(artifact.guardrails.some((guardrail) => guardrail.code.startsWith('red-flag:') && guardrail.severity === 'critical')).toBe(true);
  });

  it('stops for a red flag given as form answers (pregnant with vaginal bleeding)', async () => {
    const link = await createLink(server, clinician, { language: 'zh', sex: 'F', age: 29 });
    let current = await view(server, link.token);
    let steps = 0;
    while (current.status === 'open' && current.question && steps < 80) {
      const q = current.question;
      const body =
        q.id === 'frame:pregnant' || q.id === 'frame:vaginal-bleeding'
          ? { value: true }
          : q.id === 'frame:weeks-pregnant'
            ? { value: 10 }
            : formAnswer(q);
      const response = await answer(server, link.token, { questionId: q.id, version: current.version, ...body });
      expect(response.status).toBe(200);
      current = (await response.json()) as IntakeView;
      steps++;
    }
    expect(current.status).toBe('emergency');
    expect(current.emergency?.flags.map((flag) => flag.en).join()).toMatch(/pregnan/i);
  });

  it('attaches the draft to the encounter the link was made for, and refuses an encounter of another patient', async () => {
    const encounters = await server.store.db.selectFrom('encounters').select(['id', 'patient_id']).execute();
    const own = encounters.find((encounter) => encounter.patient_id === server.patientIds[1]);
    const other = encounters.find((encounter) => encounter.patient_id !== server.patientIds[1]);
    const link = await createLink(server, clinician, { language: 'en', encounterId: own?.id });
    const first = await view(server, link.token);
    await answer(server, link.token, { questionId: first.question?.id, text: 'I cannot breathe, I cannot speak in full sentences' });
    const detail = (await (await server.request(`/api/v1/intake/${link.id}`, { cookie: clinician })).json()) as {
      encounterId: string;
      artifactId: string;
    };
    expect(detail.encounterId).toBe(own?.id);
    const artifact = (await (await server.request(`/api/v1/artifacts/${detail.artifactId}`, { cookie: clinician })).json()) as {
      encounterId: string;
    };
    expect(artifact.encounterId).toBe(own?.id);
    const refused = await server.request('/api/v1/intake', {
      cookie: clinician,
      body: { patientId: server.patientIds[1], language: 'en', encounterId: other?.id },
    });
    expect(refused.status).toBe(404);
  });

  it('refuses stale versions, wrong questions, bad values, unknown and expired links with clear errors', async () => {
    const link = await createLink(server, clinician, { language: 'en' });
    const first = await view(server, link.token);
    expect((await answer(server, link.token, { questionId: first.question?.id, value: 'E_53', version: first.version + 5 })).status).toBe(
      409,
    );
    expect((await answer(server, link.token, { questionId: 'frame:nope', value: 'x' })).status).toBe(409);
    const bad = await answer(server, link.token, { questionId: first.question?.id, value: 'not-an-option' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
    expect((await answer(server, link.token, { questionId: first.question?.id })).status).toBe(400);
    expect((await server.request('/api/v1/intake/session/short')).status).toBe(400);
    expect((await server.request(`/api/v1/intake/session/${'A'.repeat(32)}`)).status).toBe(404);
    await server.store.db
      .updateTable('intake_sessions')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', link.id)
      .execute();
    expect((await view(server, link.token)).status).toBe('expired');
    expect((await answer(server, link.token, { questionId: first.question?.id, value: 'E_53' })).status).toBe(410);
    // Only clinicians create links; a patient cannot.
    const patient = await server.login('patient');
    expect(
      (await server.request('/api/v1/intake', { cookie: patient, body: { patientId: server.patientIds[0], language: 'zh' } })).status,
    ).toBe(403);
  });
});

describe('history taking with a model (scripted OpenAI-compatible server)', () => {
  let upstream: ScriptedModelServer;
  let server: TestServer;
  let clinician: string;
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
    server = await startTestServer('sqlite', { env: { SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model' } });
    clinician = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
    await upstream?.close();
  });

  it('reads a free-text reply into the structured answer and phrases the next question', async () => {
    const link = await createLink(server, clinician, { language: 'zh' });
    expect(link.mode).toBe('model');
    const first = await view(server, link.token);
    upstream.enqueue({ kind: 'json', value: { value: 'E_201' } }, { kind: 'text', text: '请问咳嗽是从什么时候开始的呢？' });
    const response = await answer(server, link.token, { questionId: first.question?.id, text: '我这几天一直咳嗽', version: first.version });
    expect(response.status).toBe(200);
    const next = (await response.json()) as IntakeView;
    expect(next.status).toBe('open');
    expect(next.question?.text).toBe('请问咳嗽是从什么时候开始的呢？');
    const detail = (await (await server.request(`/api/v1/intake/${link.id}`, { cookie: clinician })).json()) as {
      state: { answers: { questionId: string; value: unknown; text?: string }[] };
    };
    expect(detail.state.answers[0]).toMatchObject({ questionId: 'frame:chief-complaint', value: 'E_201' });
  });

  it('asks again when the model finds no answer to a closed question in the reply', async () => {
    const link = await createLink(server, clinician, { language: 'en' });
    const first = await view(server, link.token);
    upstream.enqueue({ kind: 'json', value: { value: 'E_201' } }, { kind: 'text', text: 'When did the cough start?' });
    const second = (await (
      await answer(server, link.token, { questionId: first.question?.id, text: 'I keep coughing' })
    ).json()) as IntakeView;
    expect(second.question?.kind).not.toBe('text');
    upstream.enqueue({ kind: 'json', value: { value: null } });
    const response = await answer(server, link.token, { questionId: second.question?.id, text: 'hmm, not sure what you mean' });
    const again = (await response.json()) as IntakeView;
    expect(again.question?.id).toBe(second.question?.id);
    expect(again.retry?.en).toMatch(/couldn't tell/);
  });

  it('stops for a red flag even when the model tries to carry on with the interview', async () => {
    const link = await createLink(server, clinician, { language: 'zh' });
    const first = await view(server, link.token);
    const before = upstream.requests.length;
    upstream.enqueue({ kind: 'json', value: { value: 'E_53' } }, { kind: 'text', text: '好的，请问疼痛是什么性质的？我们继续问诊。' });
    const response = await answer(server, link.token, { questionId: first.question?.id, text: '胸口压着痛，还喘不过气，出了一身冷汗' });
    const stopped = (await response.json()) as IntakeView;
    expect(stopped.status).toBe('emergency');
    expect(stopped.question).toBeNull();
    expect(JSON.stringify(stopped)).not.toContain('我们继续问诊');
    // The safety rules ran on the patient's words before any model call.
    expect(upstream.requests.length).toBe(before);
  });
});

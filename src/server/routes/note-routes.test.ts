import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicalDocument, NoteSection, Transcript } from '../../engines/notes/index.js';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import { CONSULTATION_EN, INVENTED_SENTENCES, MODEL_NOTE_EN, streamedNote } from '../../workflows/notes/note-test-fixtures.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

interface NoteResponse {
  artifactId: string;
  document: ClinicalDocument;
  transcript: Transcript;
}

interface TimedEvent {
  event: string;
  data: unknown;
  atMs: number;
}

/** Reads a server-sent event stream to its end, noting when each event arrived. */
async function readEvents(response: Response): Promise<TimedEvent[]> {
  const started = performance.now();
  const events: TimedEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data !== undefined) events.push({ event, data: JSON.parse(data), atMs: performance.now() - started });
    }
  }
  return events;
}

const sentencesOf = (doc: ClinicalDocument) => doc.sections.flatMap((section) => section.sentences);

describe('notes API — scripted model', () => {
  let upstream: ScriptedModelServer;
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
    server = await startTestServer('sqlite', { env: { SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model' } });
    cookie = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
    await upstream?.close();
  });

  it('links every supported sentence to real turns, flags invented sentences and reports the dropped medication', async () => {
    upstream.enqueue(streamedNote(MODEL_NOTE_EN));
    const response = await server.request('/api/v1/notes/generate', { cookie, body: { transcript: CONSULTATION_EN, language: 'en' } });
    expect(response.status, await response.clone().text()).toBe(200);
    const note = (await response.json()) as NoteResponse;
    expect(note.document).toMatchObject({ format: 'soap', language: 'en', method: 'model' });
    // The title stays when the note is accepted, so it does not say "draft" (the review status does).
    expect(note.document.title).toBe('SOAP note');
    expect(note.document.extras?.supportCheck).toBeUndefined();
    expect(note.document.sections.map((section) => section.key)).toEqual(['subjective', 'objective', 'assessment', 'plan']);
    const turnIds = new Set(note.transcript.turns.map((turn) => turn.id));
    expect(turnIds.size).toBe(6);
    const sentences = sentencesOf(note.document);
    expect(sentences).toHaveLength(10);
    expect(new Set(sentences.map((sentence) => sentence.id)).size).toBe(10);
    for (const sentence of sentences.filter((s) => s.support.status === 'supported')) {
      expect(sentence.support.sourceIds.length).toBeGreaterThan(0);
      for (const id of sentence.support.sourceIds) expect(turnIds.has(id), `${sentence.text} cites ${id}`).toBe(true);
    }
    const flagged = sentences.filter((sentence) => sentence.support.status === 'unsupported').map((sentence) => sentence.text);
    expect(flagged.sort()).toEqual([...INVENTED_SENTENCES].sort());
    expect(sentences.find((sentence) => sentence.text.startsWith('Temperature'))?.support.sourceIds).toEqual(['T5']);
    const medication = note.document.omissions.filter((omission) => omission.kind === 'medication');
    expect(medication.some((omission) => /paracetamol/i.test(omission.text) && omission.turnIds.includes('T6'))).toBe(true);
    expect(medication.some((omission) => /lisinopril/i.test(omission.text))).toBe(false);
    // The model saw the numbered turns.
    expect(JSON.stringify(upstream.requests.at(-1)?.body)).toContain('[T4] Patient: I have high blood pressure');

    const stored = await server.request(`/api/v1/notes/${note.artifactId}`, { cookie });
    expect(stored.status).toBe(200);
    const body = (await stored.json()) as {
      artifact: { kind: string; status: string; prompt: { id: string }; guardrails: { code: string }[]; sources: { ref: string }[] };
      document: ClinicalDocument;
      transcript: Transcript;
    };
    expect(body.artifact).toMatchObject({ kind: 'clinical-note', status: 'draft', prompt: { id: 'notes.write-note' } });
    expect(body.artifact.guardrails.filter((guardrail) => guardrail.code === 'unsupported-sentence')).toHaveLength(2);
    expect(body.artifact.guardrails.some((guardrail) => guardrail.code === 'omission:medication')).toBe(true);
    expect(body.artifact.sources.map((source) => source.ref)).toContain('T5');
    expect(body.document).toEqual(note.document);
    expect(body.transcript.turns).toHaveLength(6);
  });

  it('streams each section as the model finishes it, then the checks and the result', async () => {
    // 24 chunks 40 ms apart: the first section must arrive long before the model is done.
    upstream.enqueue(streamedNote(MODEL_NOTE_EN, 24, 40));
    const response = await server.request('/api/v1/notes/generate', {
      cookie,
      body: { transcript: CONSULTATION_EN },
      headers: { accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = await readEvents(response);
    const names = events.map((event) => event.event);
    expect(names).toEqual(['transcript', 'section', 'section', 'section', 'section', 'checks', 'result', 'done']);
    const sections = events.filter((event) => event.event === 'section').map((event) => (event.data as { section: NoteSection }).section);
    expect(sections.map((section) => section.key)).toEqual(['subjective', 'objective', 'assessment', 'plan']);
    const firstSection = events.find((event) => event.event === 'section') as TimedEvent;
    const result = events.find((event) => event.event === 'result') as TimedEvent;
    expect(result.atMs - firstSection.atMs).toBeGreaterThan(300);
    const streamed = sections[0] as NoteSection;
    expect(streamed.sentences.find((sentence) => sentence.text === INVENTED_SENTENCES[0])?.support.status).toBe('unsupported');
    const final = (result.data as NoteResponse).document;
    expect(final.sections[0]).toEqual(streamed);
    expect(events.find((event) => event.event === 'checks')?.data).toMatchObject({ unsupported: 2 });
  });

  it('repairs an invalid answer once and still returns every section', async () => {
    upstream.enqueue({ kind: 'text', text: '{"subjective": [{"text": "Cough."}]}' }, streamedNote(MODEL_NOTE_EN));
    const response = await server.request('/api/v1/notes/generate', { cookie, body: { transcript: CONSULTATION_EN } });
    expect(response.status, await response.clone().text()).toBe(200);
    const note = (await response.json()) as NoteResponse;
    expect(sentencesOf(note.document)).toHaveLength(10);
    expect(JSON.stringify(upstream.requests.at(-1)?.body)).toContain('sourceTurnIds');
  });

  it('files the note on a patient and writes it in the other language on request', async () => {
    const patientId = server.patientIds[0] as string;
    upstream.enqueue(
      streamedNote({
        chief_complaint: [{ text: '咳嗽、发热3天。', sourceTurnIds: ['T2'] }],
        present_illness: [],
        past_history: [{ text: '高血压，口服赖诺普利10 mg每日一次。', sourceTurnIds: ['T4'] }],
        allergy_history: [{ text: '青霉素过敏（皮疹）。', sourceTurnIds: ['T4'] }],
        physical_exam: [],
        investigations: [],
        preliminary_diagnosis: [],
        plan: [],
      }),
    );
    const response = await server.request('/api/v1/notes/generate', {
      cookie,
      body: { transcript: CONSULTATION_EN, outputLanguage: 'zh', patientId },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const note = (await response.json()) as NoteResponse;
    expect(note.document).toMatchObject({ format: 'zh-outpatient', language: 'zh' });
    // The 门诊病历 header comes from the record (never from the model, which is not shown the name).
    const record = await server.store.db
      .selectFrom('patients')
      .select(['name_text', 'gender'])
      .where('id', '=', patientId)
      .executeTakeFirstOrThrow();
    const header = note.document.sections[0];
    expect(header?.key).toBe('header');
    expect(header?.title).toBe('门诊病历');
    const lines = header?.sentences.map((sentence) => sentence.text) ?? [];
    expect(lines[0]).toBe(`姓名：${record.name_text}`);
    expect(lines[1]).toBe(`性别：${record.gender === 'male' ? '男' : '女'}`);
    expect(lines[2]).toMatch(/^年龄：\d+岁$/);
    expect(lines[5]).toBe('医师签名：＿＿＿＿＿＿');
    expect(header?.sentences.every((sentence) => sentence.support.status === 'computed')).toBe(true);
    expect(JSON.stringify(upstream.requests.at(-1)?.body)).not.toContain(record.name_text);
    expect(note.document.sections[1]?.title).toBe('主诉');
    const ids = note.document.sections.flatMap((section) => section.sentences.map((sentence) => sentence.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(note.transcript.language).toBe('en');
    expect(note.document.extras?.supportCheck).toBe('cross-language');
    expect(JSON.stringify(upstream.requests.at(-1)?.body)).toContain('门诊病历');
    const artifact = (await (await server.request(`/api/v1/artifacts/${note.artifactId}`, { cookie })).json()) as {
      patientId: string;
      guardrails: { code: string }[];
    };
    expect(artifact.patientId).toBe(patientId);
    expect(artifact.guardrails.some((guardrail) => guardrail.code === 'support-cross-language')).toBe(true);
    // Written for one of the patient's encounters: the visit date is the encounter's.
    const encounter = await server.store.db
      .selectFrom('encounters')
      .select(['id', 'period_start'])
      .where('patient_id', '=', patientId)
      .where('period_start', 'is not', null)
      .executeTakeFirstOrThrow();
    const forEncounter = await server.request('/api/v1/notes/generate', {
      cookie,
      body: { transcript: '医生：哪里不舒服？\n患者：咳嗽两天了。', patientId, encounterId: encounter.id, mode: 'extractive' },
    });
    expect(forEncounter.status, await forEncounter.clone().text()).toBe(200);
    const dated = ((await forEncounter.json()) as NoteResponse).document.sections[0]?.sentences.map((sentence) => sentence.text);
    expect(dated?.[4]).toBe(`就诊日期：${String(encounter.period_start).slice(0, 10)}`);
    const unknown = await server.request('/api/v1/notes/generate', { cookie, body: { transcript: CONSULTATION_EN, patientId: 'nope' } });
    expect(unknown.status).toBe(404);
  });

  it('refuses an empty transcript with a message in the caller’s language', async () => {
    for (const [locale, pattern] of [
      ['en', /transcript is empty/],
      ['zh-CN', /对话记录为空/],
    ] as const) {
      const response = await server.request('/api/v1/notes/generate', {
        cookie,
        body: { transcript: '  \n ' },
        headers: { 'accept-language': locale, accept: 'text/event-stream' },
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.message).toMatch(pattern);
    }
    expect((await server.request('/api/v1/notes/generate', { cookie, body: { turns: [] } })).status).toBe(400);
    expect((await server.request('/api/v1/notes/generate', { cookie, body: { transcript: 'x', mode: 'poetry' } })).status).toBe(400);
    const researcher = await server.login('researcher');
    expect((await server.request('/api/v1/notes/generate', { cookie: researcher, body: { transcript: CONSULTATION_EN } })).status).toBe(
      403,
    );
  });
});

describe('notes API — external model', () => {
  it('sends the model no name, phone number or MRN from the transcript, and restores them in the note', async () => {
    // The scripted model copies the (pseudonymised) name it was shown into its note.
    const upstream = await startScriptedModelServer({
      defaultReply: (prompt) => {
        if (prompt.includes('[T1] 医生：')) {
          const keys = ['chief_complaint', 'present_illness', 'past_history', 'allergy_history', 'physical_exam', 'investigations'];
          return streamedNote({
            ...Object.fromEntries(keys.map((key) => [key, []])),
            chief_complaint: [{ text: '咳嗽三天。', sourceTurnIds: ['T2'] }],
            preliminary_diagnosis: [],
            plan: [],
          });
        }
        const name = /\[T1\] Doctor: Good morning, (.+?)\. /.exec(prompt)?.[1] ?? 'unknown';
        return streamedNote({
          subjective: [{ text: `${name} has had a cough for three days.`, sourceTurnIds: ['T1', 'T2'] }],
          objective: [],
          assessment: [],
          plan: [],
        });
      },
    });
    const server = await startTestServer('sqlite', {
      withPatients: false,
      env: { SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model', SUWEN_MODEL_DATA_BOUNDARY: 'external' },
    });
    try {
      const cookie = await server.login('clinician');
      const planted = ['John Carter', '617-555-0142', '4482913'];
      const transcript = [
        'Doctor: Good morning, John Carter. Can I check your phone number and record number?',
        'Patient: My phone is 617-555-0142 and my MRN is 4482913. I have had a cough for three days.',
      ].join('\n');
      const response = await server.request('/api/v1/notes/generate', {
        cookie,
        body: { transcript },
        headers: { accept: 'text/event-stream' },
      });
      const events = await readEvents(response);
      const result = events.find((event) => event.event === 'result')?.data as NoteResponse | undefined;
      expect(result, JSON.stringify(events.find((event) => event.event === 'error'))).toBeDefined();
      const sent = JSON.stringify(upstream.requests.map((request) => request.body));
      expect(sent).toContain('[T2]');
      for (const value of planted) expect(sent).not.toContain(value);
      expect(result?.document.sections[0]?.sentences[0]?.text).toBe('John Carter has had a cough for three days.');
      const artifact = (await (await server.request(`/api/v1/artifacts/${result?.artifactId}`, { cookie })).json()) as {
        guardrails: { code: string; message: string }[];
      };
      expect(artifact.guardrails.find((guardrail) => guardrail.code === 'deid.applied')?.message).toMatch(/NAME/);

      const zh = await server.request('/api/v1/notes/generate', {
        cookie,
        body: { transcript: '医生：张伟先生您好，请报一下电话和住院号。\n患者：电话13812345678，住院号ZY20240311。我咳嗽三天了。' },
      });
      expect(zh.status, await zh.clone().text()).toBe(200);
      const zhNote = ((await zh.json()) as NoteResponse).document;
      expect(zhNote.sections.find((section) => section.key === 'chief_complaint')?.sentences[0]?.support.status).toBe('supported');
      const sentZh = JSON.stringify(upstream.requests.at(-1)?.body);
      expect(sentZh).toContain('[T2] 患者：');
      for (const value of ['张伟', '13812345678', 'ZY20240311']) expect(sentZh).not.toContain(value);
    } finally {
      await server.close();
      await upstream.close();
    }
  });
});

describe('notes API — no model', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { withPatients: false });
    cookie = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('builds a complete extractive note, labelled as such, and streams its sections', async () => {
    const response = await server.request('/api/v1/notes/generate', {
      cookie,
      body: { transcript: CONSULTATION_EN },
      headers: { accept: 'text/event-stream' },
    });
    const events = await readEvents(response);
    expect(events.map((event) => event.event)).toEqual(['transcript', ...Array(4).fill('section'), 'checks', 'result', 'done']);
    const note = events.find((event) => event.event === 'result')?.data as NoteResponse;
    expect(note.document.method).toBe('extractive');
    expect(note.document.title).toMatch(/^Extractive note/);
    expect(note.document.title).not.toMatch(/draft/i);
    expect(sentencesOf(note.document).length).toBeGreaterThan(3);
    for (const sentence of sentencesOf(note.document)) expect(sentence.support.sourceIds.length).toBeGreaterThan(0);
    const stored = (await (await server.request(`/api/v1/notes/${note.artifactId}`, { cookie })).json()) as {
      artifact: { model: { id: string | null }; guardrails: { code: string }[] };
    };
    expect(stored.artifact.model.id).toBeNull();
    expect(stored.artifact.guardrails.some((guardrail) => guardrail.code === 'extractive-note')).toBe(true);
  });

  it('says no model is connected when a model-written note is demanded', async () => {
    const response = await server.request('/api/v1/notes/generate', {
      cookie,
      body: { transcript: '医生：哪里不舒服？\n患者：头痛两天。', mode: 'model' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'MODEL_NOT_CONFIGURED' });
    expect(body.error.message).toMatch(/尚未连接语言模型/);
    const chinese = (await (
      await server.request('/api/v1/notes/generate', { cookie, body: { transcript: '医生：哪里不舒服？\n患者：头痛两天，没有药物过敏。' } })
    ).json()) as NoteResponse;
    expect(chinese.document).toMatchObject({ format: 'zh-outpatient', language: 'zh', method: 'extractive' });
    // The 门诊病历 header, then the eight sections; with no chart patient the header is left to fill in.
    expect(chinese.document.sections).toHaveLength(9);
    expect(chinese.document.sections[0]?.sentences.map((sentence) => sentence.text)).toEqual([
      '姓名：＿＿＿＿＿＿',
      '性别：＿＿＿＿＿＿',
      '年龄：＿＿＿＿＿＿',
      '科别：＿＿＿＿＿＿',
      '就诊日期：＿＿＿＿＿＿',
      '医师签名：＿＿＿＿＿＿',
    ]);
    expect(chinese.document.sections[1]?.sentences[0]?.text).toBe('头痛2天。');
    expect((await server.request('/api/v1/notes/nope', { cookie })).status).toBe(404);
  });
});

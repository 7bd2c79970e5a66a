import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isContentResponse } from '../api/common.js';
import type { DiagnosisList, DifferentialResult } from '../api/decision.js';
import type { DischargeSummaryResult } from '../api/discharge.js';
import type { CreatedIntake, IntakeQuestion, IntakeView } from '../api/intake.js';
import type { KnowledgeSearch } from '../api/knowledge.js';
import type { GeneratedNote } from '../api/notes.js';
import type { DocumentPage, PatientChartView, PatientList } from '../api/patients.js';
import { API_ROUTES } from './app.js';
import type { RouteSpec } from './route.js';
import { cdsHooksRoutes } from './routes/cds-hooks-routes.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from './testing/test-server.js';

/**
 * The response contracts of src/api against the real server: each answer below is parsed with the
 * schema its route declares, and every field the server sent must be one the schema describes
 * (zod drops undescribed fields, so the parsed value is compared with what came over the wire).
 */

// A demo stay (Synthea): kidney transplant, ended inpatient encounter.
const STAY_PATIENT = '79a66c97-6131-3213-f3c9-4606946ab056';
const STAY = '78cbcee4-5c37-aa56-ac25-1b9244646fb2';

const CONSULTATION = [
  'Doctor: What brings you in today?',
  'Patient: I have had a cough and fever for three days. I take warfarin 5 mg daily and ibuprofen 400 mg three times a day.',
  'Doctor: Any allergies?',
  'Patient: Penicillin gives me a rash.',
  'Doctor: Your temperature is 38.2. I will order a chest X-ray; come back in one week.',
].join('\n');

const ZH_REPORT = ['血红蛋白(HGB) 98 g/L 130-175 ↓', '钾(K) 6.8 mmol/L 3.5-5.3 ↑', '肌酐(Cr) 80 μmol/L 57-111'].join('\n');

function findRoute(routes: RouteSpec[], method: string, path: string): RouteSpec {
  const route = routes.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`no route ${method.toUpperCase()} ${path}`);
  return route;
}

/** Paths of `sent` (objects' keys, array items) that `parsed` lacks: fields the schema does not describe. */
function undescribed(sent: unknown, parsed: unknown, path = '$'): string[] {
  if (Array.isArray(sent)) {
    return sent.flatMap((item, index) => undescribed(item, Array.isArray(parsed) ? parsed[index] : undefined, `${path}[${index}]`));
  }
  if (sent === null || typeof sent !== 'object') return [];
  const out = (parsed ?? {}) as Record<string, unknown>;
  return Object.entries(sent).flatMap(([key, value]) => (key in out ? undescribed(value, out[key], `${path}.${key}`) : [`${path}.${key}`]));
}

/** Checks one answer against its route's contract; returns the body for the next request. */
async function expectContract(route: RouteSpec, response: Response): Promise<unknown> {
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(route.status ?? 200);
  const type = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
  const declared = isContentResponse(route.response) ? route.response.content : { 'application/json': { schema: route.response } };
  expect(Object.keys(declared), `${route.method} ${route.path} sent ${type}`).toContain(type);
  const schema: z.ZodType | undefined = declared[type]?.schema;
  if (!schema) return text;
  const label = `${route.method.toUpperCase()} ${route.path}`;
  // A stream is checked event by event: each `{ event, data }` against the declared events.
  const bodies = type === 'text/event-stream' ? parseEvents(text) : [JSON.parse(text) as unknown];
  for (const body of bodies) {
    const result = schema.safeParse(body);
    expect(result.success ? [] : result.error.issues.slice(0, 5), `${label}: body does not match its schema`).toEqual([]);
    expect(undescribed(body, result.data).slice(0, 10), `${label}: fields missing from its schema`).toEqual([]);
  }
  return type === 'text/event-stream' ? bodies : bodies[0];
}

function parseEvents(text: string): { event: string; data: unknown }[] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('event:'))
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? '',
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as unknown,
    }));
}

describe('API response contracts (real server, declared schemas)', () => {
  let server: TestServer;
  let clinician: string;
  let admin: string;
  let patient: string;
  const checked = new Set<RouteSpec>();

  /** Requests `path` and checks the answer against the route `method pattern`. */
  async function call<T = unknown>(
    method: RouteSpec['method'],
    pattern: string,
    path: string,
    init: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const route = findRoute(API_ROUTES, method, pattern);
    checked.add(route);
    const response = await server.request(`/api/v1${path}`, { method: method.toUpperCase(), ...init });
    return (await expectContract(route, response)) as T;
  }

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    [clinician, admin] = await Promise.all([server.login('clinician'), server.login('admin')]);
    patient = server.patientIds[0] ?? '';
  });
  afterAll(async () => {
    await server?.close();
  });

  it('system, auth and admin routes', async () => {
    await call('get', '/health', '/health');
    await call('get', '/demo', '/demo');
    await call('post', '/auth/login', '/auth/login', { body: { username: 'test-educator', password: TEST_PASSWORD } });
    await call('get', '/auth/me', '/auth/me', { cookie: clinician });
    await call('post', '/auth/tokens', '/auth/tokens', { cookie: clinician, body: { name: 'contract test' } });
    await call('get', '/models', '/models', { cookie: admin });
    await call('get', '/settings', '/settings', { cookie: admin });
    await call('get', '/users', '/users', { cookie: admin });
    await call('post', '/users', '/users', {
      cookie: admin,
      body: { username: 'contract-user', role: 'educator', password: 'a long enough password' },
    });
    await call('post', '/deid', '/deid', { cookie: clinician, body: { text: '患者张三，电话13812345678，2024年3月5日就诊。' } });
  });

  it('the patient record', async () => {
    const list = await call<PatientList>('get', '/patients', '/patients?limit=5', { cookie: clinician });
    expect(list.items.length).toBeGreaterThan(0);
    const chart = await call<PatientChartView>('get', '/patients/:id/chart', `/patients/${patient}/chart`, { cookie: clinician });
    const code = chart.labs[0]?.code as string;
    await call('get', '/patients/:id/observations', `/patients/${patient}/observations?code=${encodeURIComponent(code)}`, {
      cookie: clinician,
    });
    await call('get', '/patients/:id/encounters', `/patients/${patient}/encounters?limit=3`, { cookie: clinician });
    const documents = await call<DocumentPage>('get', '/patients/:id/documents', `/patients/${patient}/documents?limit=3`, {
      cookie: clinician,
    });
    if (documents.items[0]) {
      await call('get', '/patients/:id/documents/:docId', `/patients/${patient}/documents/${documents.items[0].id}`, { cookie: clinician });
    }
    await call('get', '/patients/:id/consent', `/patients/${patient}/consent`, { cookie: clinician });
    await call('put', '/patients/:id/consent', `/patients/${patient}/consent`, { cookie: clinician, body: { researchUse: true } });
    await call('get', '/patients/:id/fhir', `/patients/${patient}/fhir`, { cookie: clinician });
  });

  it('the knowledge base and its engines', async () => {
    await call('get', '/knowledge/info', '/knowledge/info', { cookie: clinician });
    const search = await call<KnowledgeSearch>('get', '/knowledge/search', '/knowledge/search?q=warfarin', { cookie: clinician });
    expect(search.hits.length).toBeGreaterThan(0);
    await call('get', '/knowledge/drugs/:id', '/knowledge/drugs/warfarin', { cookie: clinician });
    const labs = await call<KnowledgeSearch>('get', '/knowledge/search', '/knowledge/search?q=potassium&kind=lab', { cookie: clinician });
    await call('get', '/knowledge/labs/:id', `/knowledge/labs/${labs.hits[0]?.id}`, { cookie: clinician });
    const conditions = await call<KnowledgeSearch>('get', '/knowledge/search', '/knowledge/search?q=pneumonia&kind=condition', {
      cookie: clinician,
    });
    await call('get', '/knowledge/conditions/:id', `/knowledge/conditions/${conditions.hits[0]?.id}`, { cookie: clinician });
    const topics = await call<KnowledgeSearch>('get', '/knowledge/search', '/knowledge/search?q=diabetes&kind=education', {
      cookie: clinician,
    });
    await call('get', '/knowledge/education/:id', `/knowledge/education/${topics.hits[0]?.id}`, { cookie: clinician });
    await call('post', '/knowledge/medications/check', '/knowledge/medications/check', {
      cookie: clinician,
      body: {
        age: 80,
        egfr: 25,
        allergies: ['penicillin'],
        medications: [
          { name: 'warfarin', dose: '5 mg', frequency: 'daily' },
          { name: 'ibuprofen', dose: '400 mg', frequency: 'tid' },
          { name: 'amoxicillin' },
        ],
      },
    });
    await call('get', '/patients/:id/medication-check', `/patients/${patient}/medication-check`, { cookie: clinician });
    await call('post', '/knowledge/labs/interpret', '/knowledge/labs/interpret', {
      cookie: clinician,
      body: {
        sex: 'M',
        age: 60,
        results: [
          { test: 'creatinine', value: 80, time: '2024-01-01T08:00:00Z' },
          { test: 'creatinine', value: 200, time: '2024-01-02T08:00:00Z' },
          { test: 'K', value: 6.8 },
        ],
      },
    });
    await call('get', '/patients/:id/lab-interpretation', `/patients/${patient}/lab-interpretation`, { cookie: clinician });
    await call('get', '/knowledge/scores', '/knowledge/scores', { cookie: clinician });
    await call('get', '/knowledge/scores/:id', '/knowledge/scores/cha2ds2-vasc', { cookie: clinician });
    await call('post', '/knowledge/scores/:id', '/knowledge/scores/curb-65', {
      cookie: clinician,
      body: { confusion: true, urea: 9, ureaUnit: 'mmol/L', respiratoryRate: 32, systolicBp: 85, diastolicBp: 50, age: 70 },
    });
  });

  it('reports and imaging', async () => {
    await call('post', '/decision/report', '/decision/report', { cookie: clinician, body: { text: ZH_REPORT, sex: 'M', age: 60 } });
    await call('get', '/decision/imaging', '/decision/imaging', { cookie: clinician });
    await call('get', '/decision/imaging/:id', '/decision/imaging/minor-head-injury', { cookie: clinician });
    await call('post', '/decision/imaging/:id', '/decision/imaging/minor-head-injury', {
      cookie: clinician,
      body: {
        age: 70,
        gcs: 15,
        locAmnesiaOrDisorientation: true,
        gcsBelow15At2h: false,
        suspectedOpenOrDepressedFracture: false,
        basalSkullFractureSigns: false,
        vomitingTwiceOrMore: false,
        amnesiaBeforeImpact30min: false,
        dangerousMechanism: false,
        anticoagulationOrBleedingDisorder: false,
        seizure: false,
      },
    });
  });

  it('decision support on a patient (no model connected)', async () => {
    await call('post', '/patients/:id/decision/ask', `/patients/${patient}/decision/ask`, {
      cookie: clinician,
      body: { question: 'Is the current medication safe?' },
    });
    await call('get', '/patients/:id/decision/differential', `/patients/${patient}/decision/differential`, { cookie: clinician });
    const listed = await call<DiagnosisList>('get', '/decision/treatments/diagnoses', '/decision/treatments/diagnoses', {
      cookie: clinician,
    });
    await call('get', '/patients/:id/decision/treatments', `/patients/${patient}/decision/treatments`, { cookie: clinician });
    await call('post', '/patients/:id/decision/treatments', `/patients/${patient}/decision/treatments`, {
      cookie: clinician,
      body: { diagnosis: listed.diagnoses[0]?.id },
    });
    await call('get', '/patients/:id/care-gaps', `/patients/${patient}/care-gaps`, { cookie: clinician });
  });

  it('history taking, then the differential from it', async () => {
    const subject = server.patientIds[1] ?? '';
    const link = await call<CreatedIntake>('post', '/intake', '/intake', {
      cookie: clinician,
      body: { patientId: subject, language: 'en' },
    });
    let view = await call<IntakeView>('get', '/intake/session/:token', `/intake/session/${link.token}`);
    for (let asked = 0; view.question && asked < 80; asked++) {
      view = await call<IntakeView>('post', '/intake/session/:token/answers', `/intake/session/${link.token}/answers`, {
        body: { questionId: view.question.id, version: view.version, ...formAnswer(view.question) },
      });
    }
    await call('post', '/intake/session/:token/finish', `/intake/session/${link.token}/finish`);
    await call('get', '/patients/:id/intakes', `/patients/${subject}/intakes`, { cookie: clinician });
    await call('get', '/intake/:id', `/intake/${link.id}`, { cookie: clinician });
    const ranked = await call<DifferentialResult>(
      'get',
      '/patients/:id/decision/differential',
      `/patients/${subject}/decision/differential`,
      {
        cookie: clinician,
      },
    );
    expect(ranked.status).toBe('ranked');
    await call('post', '/patients/:id/decision/differential', `/patients/${subject}/decision/differential`, {
      cookie: clinician,
      body: { language: 'zh' },
    });
    await call('get', '/decision/ddx-evidence', '/decision/ddx-evidence?q=fever', { cookie: clinician });
    await call('post', '/patients/:id/decision/differential', `/patients/${subject}/decision/differential`, {
      cookie: clinician,
      body: { widen: false, findings: [{ code: 'E_91', present: true }] },
    });
  });

  it('the emergency worklist after a red-flag intake', async () => {
    const link = await call<CreatedIntake>('post', '/intake', '/intake', {
      cookie: clinician,
      body: { patientId: server.patientIds[2], language: 'en' },
    });
    const view = await call<IntakeView>('get', '/intake/session/:token', `/intake/session/${link.token}`);
    await call('post', '/intake/session/:token/answers', `/intake/session/${link.token}/answers`, {
      body: { questionId: view.question?.id, version: view.version, text: 'crushing chest pain and I am sweating a lot' },
    });
    await call('get', '/alerts/count', '/alerts/count', { cookie: clinician });
    const worklist = await call<{ items: { id: string }[] }>('get', '/alerts', '/alerts?acknowledged=true', { cookie: clinician });
    await call('post', '/alerts/:id/acknowledge', `/alerts/${worklist.items[0]?.id}/acknowledge`, { cookie: clinician, body: {} });
  });

  it('clinical writing, review and export', async () => {
    const note = await call<GeneratedNote>('post', '/notes/generate', '/notes/generate', {
      cookie: clinician,
      body: { transcript: CONSULTATION },
    });
    const events = await call<{ event: string }[]>('post', '/notes/generate', '/notes/generate', {
      cookie: clinician,
      body: { transcript: CONSULTATION, language: 'en', format: 'zh-outpatient' },
      headers: { accept: 'text/event-stream' },
    });
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['transcript', 'section', 'checks', 'result', 'done']));
    await call('get', '/notes/:artifactId', `/notes/${note.artifactId}`, { cookie: clinician });
    const summary = await call<DischargeSummaryResult>(
      'post',
      '/patients/:id/encounters/:encounterId/discharge-summary',
      `/patients/${STAY_PATIENT}/encounters/${STAY}/discharge-summary`,
      { cookie: clinician, body: { language: 'en' } },
    );
    await call('get', '/artifacts', '/artifacts', { cookie: clinician });
    await call('get', '/artifacts/:id', `/artifacts/${summary.artifactId}`, { cookie: clinician });
    await call('get', '/artifacts/:id/provenance', `/artifacts/${summary.artifactId}/provenance`, { cookie: clinician });
    await call('get', '/artifacts/:id/pdf', `/artifacts/${note.artifactId}/pdf`, { cookie: clinician });
    await call('post', '/artifacts/:id/review', `/artifacts/${summary.artifactId}/review`, {
      cookie: clinician,
      body: { decision: 'accept' },
    });
    await call('get', '/artifacts/:id/fhir', `/artifacts/${summary.artifactId}/fhir`, { cookie: clinician });
    await call('post', '/artifacts', '/artifacts', {
      cookie: clinician,
      body: { kind: 'external.summary', workflow: 'external', content: { text: 'A draft from another tool.' } },
    });
  });

  it('audit and monitoring (after the above)', async () => {
    await call('get', '/audit', '/audit?limit=20', { cookie: admin });
    await call('get', '/audit/verify', '/audit/verify', { cookie: admin });
    await call('get', '/audit/fhir', '/audit/fhir?limit=5', { cookie: admin });
    await call('get', '/monitoring', '/monitoring', { cookie: admin });
  });

  it('CDS Hooks discovery', async () => {
    const route = findRoute(cdsHooksRoutes, 'get', '/');
    await expectContract(route, await fetch(`${server.url}/cds-services`));
  });

  it('covered every JSON route that needs no model, no audio and no photo', () => {
    const unchecked = API_ROUTES.filter((route) => !checked.has(route)).map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(unchecked.sort()).toEqual(['POST /auth/logout', 'POST /chat', 'POST /decision/report/image', 'POST /notes/transcribe']);
  });
});

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
      return question.optional ? { skipped: true } : { text: question.id === 'frame:chief-complaint' ? 'Headache for two days' : 'none' };
  }
}

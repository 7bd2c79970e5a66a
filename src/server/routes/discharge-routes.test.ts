import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicalDocument } from '../../engines/notes/index.js';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import type { FhirDocumentBundle } from '../../workflows/export/document-fhir.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

// A demo stay (Synthea): kidney transplant, 1990-10-28 → 1990-11-09; its H&P note names the patient.
const PATIENT = '79a66c97-6131-3213-f3c9-4606946ab056';
const STAY = '78cbcee4-5c37-aa56-ac25-1b9244646fb2';
const path = (encounter = STAY, patient = PATIENT) => `/api/v1/patients/${patient}/encounters/${encounter}/discharge-summary`;

interface SummaryResponse {
  artifactId: string;
  document: ClinicalDocument;
  modelMessage: string | null;
}

function pdfText(bytes: ArrayBuffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'suwen-pdf-')), 'doc.pdf');
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('discharge summary and export — without a model', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    cookie = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('drafts a computed summary with the hospital course as a marked placeholder', async () => {
    const response = await server.request(path(), { cookie, body: { language: 'zh' } });
    expect(response.status, await response.clone().text()).toBe(200);
    const result = (await response.json()) as SummaryResponse;
    expect(result.document.method).toBe('computed');
    expect(result.document.sections.map((s) => s.title)).toEqual([
      '入院情况及入院诊断',
      '既往史',
      '出院诊断',
      '手术及操作',
      '诊疗经过',
      '主要检查结果',
      '出院带药 / 用药核对',
      '出院情况',
      '出院医嘱 / 随访',
      '患者须知',
    ]);
    const course = result.document.sections.find((s) => s.key === 'hospital_course');
    expect(course?.placeholder).toBe(true);
    expect(course?.sentences[0]?.text).toMatch(/临床医生/);
    const meds = result.document.sections.find((s) => s.key === 'medication_reconciliation');
    expect(meds?.sentences[0]?.text).toBe('新开：他克莫司 1 mg 24小时缓释片（Take as needed.）');
    expect(result.modelMessage).toMatch(/未连接语言模型/);
    const artifact = (await (await server.request(`/api/v1/artifacts/${result.artifactId}`, { cookie })).json()) as {
      kind: string;
      workflow: string;
      encounterId: string;
      content: { text: string };
    };
    expect([artifact.kind, artifact.workflow, artifact.encounterId]).toEqual(['discharge-summary', 'discharge', STAY]);
    expect(artifact.content.text).toContain('出院诊断');

    // Reopened through the notes route, like a visit note: the document, no transcript, the read audited.
    const reopened = await server.request(`/api/v1/notes/${result.artifactId}`, { cookie });
    expect(reopened.status, await reopened.clone().text()).toBe(200);
    const stored = (await reopened.json()) as { artifact: { kind: string; status: string }; document: unknown; transcript: unknown };
    expect(stored.artifact).toMatchObject({ kind: 'discharge-summary', status: 'draft' });
    expect(stored.document).toEqual(result.document);
    expect(stored.transcript).toBeNull();
    const reads = await server.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', result.artifactId)
      .where('action', '=', 'artifact.read')
      .execute();
    expect(reads.length).toBeGreaterThan(0);
    expect((await server.request(`/api/v1/notes/${result.artifactId}`, { cookie: await server.login('researcher') })).status).toBe(403);
  });

  it('answers 404 for an unknown encounter and 409 with a localized message for an outpatient one', async () => {
    expect((await server.request(path('no-such-encounter'), { cookie, body: {} })).status).toBe(404);
    const outpatient = await server.store.db
      .selectFrom('encounters')
      .select('id')
      .where('patient_id', '=', PATIENT)
      .where('class_code', '=', 'AMB')
      .executeTakeFirstOrThrow();
    const zh = await server.request(path(outpatient.id), { cookie, body: {}, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.status).toBe(409);
    expect(JSON.stringify(await zh.json())).toContain('出院小结仅适用于住院就诊');
    const en = await server.request(path(outpatient.id), { cookie, body: {}, headers: { 'accept-language': 'en' } });
    expect(JSON.stringify(await en.json())).toContain('needs an inpatient stay');
    expect((await server.request(path(), { cookie: await server.login('researcher'), body: {} })).status).toBe(403);
  });

  it('exports any draft as a watermarked PDF and only a reviewed one as a FHIR document', async () => {
    const zhDraft = (await (await server.request(path(), { cookie, body: { language: 'zh' } })).json()) as SummaryResponse;
    const pdf = await server.request(`/api/v1/artifacts/${zhDraft.artifactId}/pdf`, { cookie });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"$/);
    const zhText = pdfText(await pdf.arrayBuffer());
    for (const expected of ['出院小结', '出院诊断', '用药核对', '草稿', 'AI辅助草稿，尚未经临床医生审核', 'Marine542'])
      expect(zhText).toContain(expected);

    const fhirDraft = await server.request(`/api/v1/artifacts/${zhDraft.artifactId}/fhir`, {
      cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(fhirDraft.status).toBe(409);
    expect(JSON.stringify(await fhirDraft.json())).toContain('accepted or edited');

    const enDraft = (await (await server.request(path(), { cookie, body: { language: 'en' } })).json()) as SummaryResponse;
    const edited = structuredClone(enDraft.document);
    const course = edited.sections.find((s) => s.key === 'hospital_course');
    if (!course) throw new Error('no hospital course');
    course.placeholder = false;
    course.sentences = [
      {
        id: 'S900',
        text: 'Kidney transplant without complications; discharged on oral tacrolimus.',
        support: { sourceIds: ['R38'], status: 'supported', score: 1 },
      },
    ];
    const review = await server.request(`/api/v1/artifacts/${enDraft.artifactId}/review`, {
      cookie,
      body: { decision: 'edit', content: { title: edited.title, text: 'edited', document: edited } },
    });
    expect(review.status, await review.clone().text()).toBe(200);
    // Reopening it gives the summary as the clinician left it.
    const reopened = (await (await server.request(`/api/v1/notes/${enDraft.artifactId}`, { cookie })).json()) as {
      artifact: { status: string };
      document: typeof edited;
    };
    expect(reopened.artifact.status).toBe('edited');
    expect(reopened.document.sections.find((s) => s.key === 'hospital_course')?.sentences[0]?.id).toBe('S900');

    const enPdf = pdfText(await (await server.request(`/api/v1/artifacts/${enDraft.artifactId}/pdf`, { cookie })).arrayBuffer());
    expect(enPdf).toContain('Kidney transplant without complications');
    expect(enPdf).toMatch(/AI-assisted draft reviewed by \S+/);
    expect(enPdf).not.toContain('DRAFT');

    const fhir = await server.request(`/api/v1/artifacts/${enDraft.artifactId}/fhir`, { cookie });
    expect(fhir.status).toBe(200);
    expect(fhir.headers.get('content-type')).toMatch(/application\/fhir\+json/);
    const bundle = (await fhir.json()) as FhirDocumentBundle;
    expect(bundle.type).toBe('document');
    const [composition, ...rest] = bundle.entry.map((entry) => entry.resource);
    expect(composition?.resourceType).toBe('Composition');
    expect(rest.map((r) => r.resourceType)).toEqual(['Patient', 'DocumentReference', 'Provenance']);
    expect(composition).toMatchObject({ status: 'final', type: { coding: [{ system: 'http://loinc.org', code: '18842-5' }] } });
    const sections = composition?.section as { code?: { coding: { code: string }[] }; text: { div: string } }[];
    const hospitalCourse = sections.find((s) => s.code?.coding[0]?.code === '8648-8');
    expect(hospitalCourse?.text.div).toContain('Kidney transplant without complications');
    expect(sections.some((s) => s.code?.coding[0]?.code === '10183-2')).toBe(true);
    // Every reference to a bundled resource resolves to an entry's fullUrl.
    const fullUrls = new Set(bundle.entry.map((entry) => entry.fullUrl));
    expect(fullUrls.has((composition?.subject as { reference: string } | undefined)?.reference ?? '')).toBe(true);
    const reference = rest.find((r) => r.resourceType === 'DocumentReference') as unknown as {
      docStatus: string;
      content: { attachment: { contentType: string; data: string } }[];
    };
    expect(reference.docStatus).toBe('amended');
    expect(reference.content.map((c) => c.attachment.contentType)).toEqual(['text/plain; charset=utf-8', 'application/pdf']);
    expect(Buffer.from(reference.content[0]?.attachment.data ?? '', 'base64').toString('utf8')).toContain(
      'Kidney transplant without complications',
    );
    expect(
      Buffer.from(reference.content[1]?.attachment.data ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const provenance = rest.find((r) => r.resourceType === 'Provenance') as unknown as { target: { reference: string }[] };
    expect(provenance.target.every((t) => fullUrls.has(t.reference))).toBe(true);

    await server.services.audit.flush();
    const exports = await server.store.db
      .selectFrom('audit_log')
      .select(['entity_id', 'details'])
      .where('action', '=', 'artifact.export')
      .execute();
    expect(exports.map((row) => (JSON.parse(row.details) as { format: string }).format).sort()).toEqual(['fhir', 'pdf', 'pdf']);
    expect((await server.request('/api/v1/artifacts/nope/pdf', { cookie })).status).toBe(404);
  });
});

const courseReply = (sentences: { text: string; sourceIds: string[] }[]) => ({ kind: 'json' as const, value: { sentences } });

describe('discharge summary — scripted model', () => {
  let upstream: ScriptedModelServer;
  let server: TestServer;
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
    server = await startTestServer('sqlite', {
      env: { SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model', SUWEN_MODEL_DATA_BOUNDARY: 'external' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await upstream?.close();
  });

  it('keeps cited sentences supported, marks an invented fact id unsupported, and sends an external model no patient name', async () => {
    const cookie = await server.login('clinician');
    upstream.enqueue(
      courseReply([
        { text: 'Admitted for kidney transplantation, which was performed on the day of admission.', sourceIds: ['R1', 'R38'] },
        { text: 'Discharged on oral tacrolimus.', sourceIds: ['R40'] },
        { text: 'A post-operative CT scan was normal.', sourceIds: ['R999'] },
      ]),
    );
    const response = await server.request(path(), { cookie, body: { language: 'en', mode: 'model' } });
    expect(response.status, await response.clone().text()).toBe(200);
    const result = (await response.json()) as SummaryResponse;
    expect(result.document.method).toBe('model');
    const course = result.document.sections.find((s) => s.key === 'hospital_course');
    expect(course?.placeholder).toBeUndefined();
    expect(course?.sentences.map((s) => s.support.status)).toEqual(['supported', 'supported', 'unsupported']);
    const facts = result.document.extras?.facts as { id: string; text: string }[];
    expect(facts.find((f) => f.id === 'R40')?.text).toMatch(/^Started: 24 HR tacrolimus/);
    // Computed sections stay computed whatever the model wrote.
    expect(
      result.document.sections.find((s) => s.key === 'medication_reconciliation')?.sentences.every((s) => s.support.status === 'computed'),
    ).toBe(true);

    const sent = JSON.stringify(upstream.requests.at(-1)?.body);
    expect(sent).toContain('[R40] Started: 24 HR tacrolimus');
    const patient = await server.store.db
      .selectFrom('patients')
      .select(['given_name', 'family_name'])
      .where('id', '=', PATIENT)
      .executeTakeFirstOrThrow();
    for (const name of [...(patient.given_name ?? '').split(' '), patient.family_name ?? '']) {
      expect(name.length).toBeGreaterThan(2);
      expect(sent).not.toContain(name);
    }
    const artifact = (await (await server.request(`/api/v1/artifacts/${result.artifactId}`, { cookie })).json()) as {
      guardrails: { code: string }[];
      prompt: { id: string };
    };
    expect(artifact.guardrails.map((g) => g.code)).toEqual(['unsupported-sentence']);
    expect(artifact.prompt.id).toBe('discharge.hospital-course');
  });
});

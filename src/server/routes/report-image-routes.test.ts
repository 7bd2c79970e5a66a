import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportImageInterpretation } from '../../workflows/decision/report-image-interpretation.js';
import type { ReportInterpretation } from '../../workflows/decision/report-interpretation.js';
import { renderLabReportImage } from '../../workflows/decision/testing/lab-report-image.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('POST /api/v1/decision/report/image and prose reports', () => {
  let server: TestServer;
  let clinician: string;
  let photo: Buffer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { withPatients: false });
    clinician = await server.login('clinician');
    photo = await renderLabReportImage({ format: 'jpeg', tiltDegrees: 2 });
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = (form: FormData, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/decision/report/image`, { method: 'POST', headers: { cookie: clinician, ...headers }, body: form });

  it('reads an uploaded photo (multipart) into flagged results and returns the OCR rows', async () => {
    const form = new FormData();
    form.set('image', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'report.jpg');
    form.set('language', 'en');
    form.set('sex', 'M');
    form.set('age', '60');
    const response = await upload(form);
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as ReportImageInterpretation;
    const flags: Record<string, [number, string]> = Object.fromEntries(
      body.interpretation.results.map((r) => [r.labId, [r.value, r.flag]]),
    );
    expect(flags.haemoglobin).toEqual([98, 'low']);
    expect(flags.potassium?.[0]).toBe(6.2);
    expect(body.ocr.lines.length).toBeGreaterThan(5);
    expect(body.ocr.engine).toMatch(/PP-OCRv4/);
    expect(body.patientSummary).toMatch(/doctor/);
  });

  it('accepts a raw image body with fields in the query (a blank page: 400 in the language asked for)', async () => {
    const sharp = (await import('sharp')).default;
    const blank = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const response = await fetch(`${server.url}/api/v1/decision/report/image?language=zh`, {
      method: 'POST',
      headers: { cookie: clinician, 'content-type': 'image/png', 'accept-language': 'zh-CN' },
      body: new Uint8Array(blank),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/未识别到文字/);
  });

  it('answers 400 in Chinese for a non-image file or a missing field, 413 past the size limit, 401 signed out', async () => {
    const pdf = new FormData();
    pdf.set('image', new Blob(['%PDF-1.7'], { type: 'image/png' }), 'fake.png');
    const bad = await upload(pdf, { 'accept-language': 'zh-CN' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/不是 PNG、JPEG 或 WebP/);
    const noFile = new FormData();
    noFile.set('language', 'en');
    expect((await upload(noFile)).status).toBe(400);
    const badAge = new FormData();
    badAge.set('image', new Blob([new Uint8Array(photo)]), 'r.jpg');
    badAge.set('age', 'old');
    expect((await upload(badAge)).status).toBe(400);
    const json = await server.request('/api/v1/decision/report/image', { cookie: clinician, body: { text: 'x' } });
    expect(json.status).toBe(400);
    const huge = new FormData();
    huge.set('image', new Blob([new Uint8Array(13 * 1024 * 1024)]), 'big.jpg');
    expect((await upload(huge)).status).toBe(413);
    expect((await fetch(`${server.url}/api/v1/decision/report/image`, { method: 'POST', body: new FormData() })).status).toBe(401);
  });

  it('reads a pasted imaging report into sections and key terms, with a see-a-doctor-today patient summary', async () => {
    const text = '胸部CT\n检查所见:右侧胸腔见气体密度影,右肺压缩约30%。未见胸腔积液。\n印象:右侧气胸。';
    const response = await server.request('/api/v1/decision/report', { cookie: clinician, body: { text, language: 'zh' } });
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as ReportInterpretation;
    expect(body.narrative?.kind).toBe('imaging');
    expect(body.narrative?.sections.map((s) => s.name)).toEqual(['findings', 'impression']);
    expect(body.narrative?.keyTerms.find((k) => k.term.en === 'pneumothorax')?.negated).toBe(false);
    expect(body.clinicianSummary).toContain('ACR Practice Parameter');
    expect(body.patientSummary).toContain('今天');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabInterpretation } from '../../engines/labs/index.js';
import type { MedicationCheckResult } from '../../engines/medication/index.js';
import type { SearchHit } from '../../engines/search/index.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('/api/v1/knowledge', () => {
  let server: TestServer;
  let clinician: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    clinician = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reports the version, counts and credits', async () => {
    const response = await server.request('/api/v1/knowledge/info', { cookie: clinician });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { version: string; counts: Record<string, number>; credits: unknown[] };
    expect(body.version).toMatch(/^[0-9a-f]{12}$/);
    expect(body.counts.drugs).toBeGreaterThanOrEqual(150);
    expect(body.counts.labs).toBeGreaterThanOrEqual(120);
    expect(body.credits.length).toBeGreaterThan(5);
  });

  it('searches across kinds in Chinese and English and opens the entry', async () => {
    const search = async (q: string, kind?: string) => {
      const response = await server.request(`/api/v1/knowledge/search?q=${encodeURIComponent(q)}${kind ? `&kind=${kind}` : ''}`, {
        cookie: clinician,
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { hits: SearchHit[] }).hits;
    };
    expect((await search('华法林'))[0]).toMatchObject({ kind: 'drug', id: 'warfarin' });
    expect((await search('肌酐', 'lab'))[0]?.kind).toBe('lab');
    expect((await search('CHA2DS2-VASc'))[0]).toMatchObject({ kind: 'score', id: 'cha2ds2-vasc' });
    expect((await search('I48', 'icd10'))[0]?.id).toBe('I48');
    expect((await search('pneumonia', 'condition')).length).toBeGreaterThan(0);
    const drug = await server.request('/api/v1/knowledge/drugs/warfarin', { cookie: clinician });
    expect(((await drug.json()) as { names: { zh: string } }).names.zh).toBe('华法林');
    expect((await server.request('/api/v1/knowledge/drugs/not-a-drug', { cookie: clinician })).status).toBe(404);
    expect((await server.request('/api/v1/knowledge/search?q=', { cookie: clinician })).status).toBe(400);
    expect((await server.request('/api/v1/knowledge/search?q=x&kind=planet', { cookie: clinician })).status).toBe(400);
  });

  it('finds Chinese typos, homophones and abbreviations over HTTP (issue 23 item 8)', async () => {
    const search = async (q: string) => {
      const response = await server.request(`/api/v1/knowledge/search?q=${encodeURIComponent(q)}`, { cookie: clinician });
      expect(response.status).toBe(200);
      return ((await response.json()) as { hits: SearchHit[] }).hits;
    };
    expect((await search('阿斯匹林'))[0]).toMatchObject({ kind: 'drug', id: 'aspirin', matched: '阿司匹林', match: 'fuzzy' });
    expect((await search('华法令'))[0]).toMatchObject({ kind: 'drug', id: 'warfarin' });
    expect((await search('二甲双瓜'))[0]).toMatchObject({ kind: 'drug', id: 'metformin' });
    const [infarction] = await search('心梗');
    expect(infarction).toMatchObject({ kind: 'condition', id: 'possible-nstemi-stemi' });
    expect(infarction?.matched).toContain('心肌梗死');
    expect(await search('学校')).toEqual([]);
  });

  it('reports an abbreviation hit as an alias and keeps short Chinese words to word boundaries, over HTTP', async () => {
    const search = async (q: string) => {
      const response = await server.request(`/api/v1/knowledge/search?q=${encodeURIComponent(q)}`, { cookie: clinician });
      expect(response.status).toBe(200);
      return ((await response.json()) as { hits: SearchHit[] }).hits;
    };
    expect((await search('心梗'))[0]).toMatchObject({
      id: 'possible-nstemi-stemi',
      match: 'alias',
      alias: { short: '心梗', full: '心肌梗死' },
    });
    expect(await search('痛风')).toEqual([]);
    expect((await search('中风'))[0]).toMatchObject({ id: 'cha2ds2-vasc', match: 'alias', alias: { full: '卒中' } });
  });

  it('checks Chinese drug names typed with a slip (华法令, 阿斯匹林) as the drug they name, says so, and asks about a close call', async () => {
    const response = await server.request('/api/v1/knowledge/medications/check', {
      cookie: clinician,
      body: { medications: [{ name: '华法令' }, { name: '阿斯匹林' }, { name: '二甲双瓜' }, { name: '克波霉素' }] },
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as MedicationCheckResult;
    expect(result.medications.map((m) => m.drugId)).toEqual(['warfarin', 'aspirin', 'metformin', undefined]);
    expect(result.medications.map((m) => m.matchedName)).toEqual(['华法林', '阿司匹林', '二甲双胍', undefined]);
    expect(result.findings.filter((f) => f.kind === 'name-read-as').map((f) => f.medications[0])).toEqual([0, 1, 2]);
    expect(result.findings.some((f) => f.kind === 'interaction' && f.medications.includes(0) && f.medications.includes(1))).toBe(true);
    expect(result.medications[3]?.suggestions).toEqual(expect.arrayContaining(['克拉霉素', '克林霉素']));
  });

  it('checks a typed medication list, and refuses a patient or bad input with a message in the caller language', async () => {
    const response = await server.request('/api/v1/knowledge/medications/check', {
      cookie: clinician,
      body: { egfr: 25, medications: [{ name: 'warfarin' }, { name: 'aspirin' }, { name: 'ibuprofen', dose: '400 mg', frequency: 'tid' }] },
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as MedicationCheckResult;
    expect(result.findings.some((finding) => finding.kind === 'interaction')).toBe(true);
    expect(result.findings.some((finding) => finding.kind === 'renal')).toBe(true);
    const bad = await server.request('/api/v1/knowledge/medications/check', {
      cookie: clinician,
      body: { medications: [] },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/请求内容无效/);
    const patient = await server.login('patient');
    const refused = await server.request('/api/v1/knowledge/medications/check', {
      cookie: patient,
      body: { medications: [{ name: 'warfarin' }] },
    });
    expect(refused.status).toBe(403);
  });

  it("checks a chart's active medications and interprets its labs", async () => {
    const results = await Promise.all(
      server.patientIds.map(async (id) => {
        const meds = await server.request(`/api/v1/patients/${id}/medication-check`, { cookie: clinician });
        expect(meds.status).toBe(200);
        const labs = await server.request(`/api/v1/patients/${id}/lab-interpretation`, { cookie: clinician });
        expect(labs.status).toBe(200);
        return {
          meds: (await meds.json()) as { result: MedicationCheckResult | null },
          labs: (await labs.json()) as { result: LabInterpretation | null; context: { results: number } },
        };
      }),
    );
    const checked = results.filter((entry) => entry.meds.result !== null);
    expect(checked.length).toBeGreaterThan(0);
    // Record displays such as "Simvastatin 20 MG Oral Tablet" resolve to knowledge-base drugs.
    const recognised = checked.flatMap((entry) => entry.meds.result?.medications ?? []).filter((medication) => medication.drugId);
    expect(recognised.length).toBeGreaterThan(0);
    const interpreted = results.filter((entry) => entry.labs.result !== null);
    expect(interpreted.length).toBeGreaterThan(0);
    expect(interpreted.some((entry) => (entry.labs.result?.results ?? []).some((result) => result.flag !== 'unknown'))).toBe(true);
    expect((await server.request('/api/v1/patients/nope/medication-check', { cookie: clinician })).status).toBe(404);
  });

  it('interprets a typed panel with unit conversion', async () => {
    const response = await server.request('/api/v1/knowledge/labs/interpret', {
      cookie: clinician,
      body: {
        sex: 'M',
        age: 60,
        results: [
          { test: 'Na', value: 118, unit: 'mmol/L' },
          { test: '肌酐', value: 2.0, unit: 'mg/dL' },
        ],
      },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as LabInterpretation;
    expect(body.results[0]?.flag).toBe('critical-low');
    expect(body.results[1]?.flag).toBe('high');
  });

  it('lists, describes and computes scores, with per-field errors', async () => {
    const list = (await (await server.request('/api/v1/knowledge/scores', { cookie: clinician })).json()) as { scores: { id: string }[] };
    expect(list.scores.length).toBeGreaterThanOrEqual(20);
    const described = await server.request('/api/v1/knowledge/scores/cha2ds2-vasc', { cookie: clinician });
    expect(described.status).toBe(200);
    const computed = await server.request('/api/v1/knowledge/scores/curb-65', {
      cookie: clinician,
      body: { confusion: true, urea: 9, ureaUnit: 'mmol/L', respiratoryRate: 32, systolicBp: 85, diastolicBp: 50, age: 70 },
    });
    const outcome = (await computed.json()) as { value?: number; error?: { details: { path: string; message: string }[] } };
    if (computed.status !== 200) throw new Error(JSON.stringify(outcome));
    expect(outcome.value).toBeGreaterThanOrEqual(4);
    const invalid = await server.request('/api/v1/knowledge/scores/curb-65', {
      cookie: clinician,
      body: { confusion: 'maybe', respiratoryRate: 900 },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(invalid.status).toBe(400);
    const details = ((await invalid.json()) as { error: { details: { path: string; message: string }[] } }).error.details;
    expect(details.map((detail) => detail.path)).toEqual(expect.arrayContaining(['confusion', 'respiratoryRate']));
    expect(details.some((detail) => /[\u4e00-\u9fff]/.test(detail.message))).toBe(true);
    expect((await server.request('/api/v1/knowledge/scores/nope', { cookie: clinician })).status).toBe(404);
  });

  it('rates imaging for a scenario (Canadian CT Head Rule) with radiation and source, and lists per-field errors', async () => {
    const list = (await (await server.request('/api/v1/decision/imaging', { cookie: clinician })).json()) as {
      scenarios: { id: string }[];
    };
    expect(list.scenarios.map((scenario) => scenario.id)).toEqual(
      expect.arrayContaining(['minor-head-injury', 'suspected-pe', 'ankle-injury']),
    );
    const input = {
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
    };
    const response = await server.request('/api/v1/decision/imaging/minor-head-injury', { cookie: clinician, body: input });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      recommendations: { rating: string; source: { title: string } }[];
      decisionRule?: { name: { en: string } };
    };
    expect(result.recommendations.some((recommendation) => recommendation.rating === 'usually-appropriate')).toBe(true);
    expect(result.recommendations.every((recommendation) => recommendation.source.title.length > 3)).toBe(true);
    const invalid = await server.request('/api/v1/decision/imaging/minor-head-injury', { cookie: clinician, body: { age: 'old' } });
    expect(invalid.status).toBe(400);
    expect((await server.request('/api/v1/decision/imaging/nope', { cookie: clinician })).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientCareGaps } from '../../workflows/decision/care-gaps.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('GET /api/v1/patients/:id/care-gaps (SQLite, Synthea demo patients)', () => {
  let server: TestServer;
  let cookie: string;
  const idOf = async (family: string) =>
    (await server.store.db.selectFrom('patients').select('id').where('name_text', 'like', `%${family}%`).executeTakeFirstOrThrow()).id;
  const get = (path: string, as = cookie, headers: Record<string, string> = {}) =>
    server.request(`/api/v1${path}`, { cookie: as, headers });
  const gapsOf = async (path: string) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    return (await response.json()) as PatientCareGaps;
  };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    cookie = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('finds the diabetic patient’s gaps as the record stood before her death, each citing its record rows and guideline', async () => {
    // Upton904: type 2 diabetes, hypertension, CKD; metformin and simvastatin active; died 1994-11-11.
    const upton = await idOf('Upton');
    const result = await gapsOf(`/patients/${upton}/care-gaps?asOf=1994-11-01`);
    expect(result).toMatchObject({ patientId: upton, asOf: '1994-11-01', deceased: false });
    const ids = result.gaps.map((gap) => gap.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['diabetes-hba1c', 'diabetes-urine-acr', 'metformin-egfr']));
    // Simvastatin is active and a colonoscopy was done in 1992; the CKD albuminuria card gives way to the diabetes one.
    expect(ids).not.toContain('diabetes-statin');
    expect(ids).not.toContain('colorectal-cancer-screening');
    expect(ids).not.toContain('ckd-urine-acr');

    const hba1c = result.gaps.find((gap) => gap.ruleId === 'diabetes-hba1c');
    expect(hba1c?.source.label).toMatch(/^ADA Standards of Care/);
    const diabetes = hba1c?.facts.find((fact) => fact.kind === 'condition');
    expect(diabetes?.value).toMatch(/diabetes/i);
    const last = hba1c?.facts.find((fact) => fact.kind === 'observation');
    expect(last?.date && last.date < '1994-05-01').toBe(true);
    // The refs point at real rows of this patient's record.
    const conditionId = diabetes?.ref?.replace('Condition/', '') ?? '';
    const row = await server.store.db
      .selectFrom('conditions')
      .select(['patient_id', 'display'])
      .where('id', '=', conditionId)
      .executeTakeFirst();
    expect(row).toEqual({ patient_id: upton, display: diabetes?.value });
    const observationId = last?.ref?.replace('Observation/', '') ?? '';
    const observation = await server.store.db
      .selectFrom('observations')
      .select(['code', 'patient_id'])
      .where('id', '=', observationId)
      .executeTakeFirst();
    expect(observation).toEqual({ code: '4548-4', patient_id: upton });

    const acr = result.gaps.find((gap) => gap.ruleId === 'diabetes-urine-acr');
    expect(acr?.reason.en).toBe('No urine albumin-to-creatinine ratio in the record.');
  });

  it('lists nothing for a patient who has died, by default judged today', async () => {
    const upton = await idOf('Upton');
    expect(await gapsOf(`/patients/${upton}/care-gaps`)).toMatchObject({ deceased: true, gaps: [] });
  });

  it('flags colorectal screening at 48 and no diabetes gaps for prediabetes', async () => {
    const champlin = await idOf('Champlin');
    const ids = (await gapsOf(`/patients/${champlin}/care-gaps`)).gaps.map((gap) => gap.ruleId);
    expect(ids).toContain('colorectal-cancer-screening');
    expect(ids.filter((id) => id.startsWith('diabetes-'))).toEqual([]);
    // Cummings51: hypertension, last reading 2022; colonoscopy 2018 is within 10 years.
    const cummings = await idOf('Cummings');
    const gaps = (await gapsOf(`/patients/${cummings}/care-gaps`)).gaps;
    expect(gaps.map((gap) => gap.ruleId)).toContain('hypertension-bp');
    expect(gaps.map((gap) => gap.ruleId)).not.toContain('colorectal-cancer-screening');
  });

  it('answers 404 for an unknown patient, 400 for a malformed date, 403 for another patient’s own account, 401 signed out', async () => {
    const missing = await get('/patients/no-such-patient/care-gaps', cookie, { 'accept-language': 'zh-CN' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const upton = await idOf('Upton');
    expect((await get(`/patients/${upton}/care-gaps?asOf=1994-13-45`)).status).toBe(400);
    const patientCookie = await server.login('patient');
    const own = server.patientIds[0] ?? '';
    const other = server.patientIds.find((id) => id !== own) ?? '';
    expect((await get(`/patients/${other}/care-gaps`, patientCookie)).status).toBe(403);
    expect((await server.request(`/api/v1/patients/${upton}/care-gaps`)).status).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientMedicationCheck } from '../../api/knowledge.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/**
 * The medication check opened from a chart, over a real socket on the demo record (issue 23
 * item 3): kidney function comes from the record's creatinine, the demo "triple whammy" patient
 * gets one combination alert, and frequencies come from the record's dosage.
 */

/** Demo patients (data/demo/synthea-10 + data/demo/observations). */
const UPTON = '79a66c97-6131-3213-f3c9-4606946ab056'; // woman born 1927, creatinine 3.21 mg/dL and 93.9 kg in 1994, on metformin
const CUMMINGS = '6a4160eb-a793-2f86-2302-378626f46cce'; // woman born 1963: lisinopril + hydrochlorothiazide + naproxen sodium 220 mg

describe('GET /api/v1/patients/:id/medication-check — from the record', () => {
  let server: TestServer;
  let clinician: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    clinician = await server.login('clinician');
  });
  afterAll(async () => {
    await server?.close();
  });

  const check = async (id: string) => {
    const response = await server.request(`/api/v1/patients/${id}/medication-check`, { cookie: clinician });
    expect(response.status).toBe(200);
    return (await response.json()) as PatientMedicationCheck;
  };

  it('computes eGFR (CKD-EPI 2021) and CrCl (Cockcroft–Gault) from the chart creatinine, so the renal rules run with no eGFR typed in', async () => {
    const body = await check(UPTON);
    expect(body.context.egfr).toMatchObject({ method: 'ckd-epi-2021', value: 15, code: '2160-0', ageAtTest: 67 });
    expect(body.context.egfr?.creatinine).toEqual({ value: 3.21, unit: 'mg/dL' });
    expect(body.context.egfr?.source?.title).toMatch(/Inker/);
    expect(body.context.crcl).toMatchObject({ method: 'cockcroft-gault', weightKg: 93.9 });
    expect(body.context.crcl?.value).toBeCloseTo(25.2, 1);
    expect(body.input?.egfr).toBe(15);
    expect(body.input?.crcl).toBeCloseTo(25.2, 1);
    const metformin = body.result?.medications.findIndex((medication) => medication.drugId === 'metformin') ?? -1;
    expect(metformin).toBeGreaterThanOrEqual(0);
    const renal = body.result?.findings.filter((finding) => finding.kind === 'renal' && finding.medications.includes(metformin)) ?? [];
    expect(renal.length).toBeGreaterThan(0);
    expect(renal[0]?.title.en).toMatch(/avoid/i);
  });

  it('gives the demo triple-whammy patient one combination alert, no low-dose flag for naproxen sodium 220 mg, and the record frequencies', async () => {
    const body = await check(CUMMINGS);
    const findings = body.result?.findings ?? [];
    const combination = findings.filter((finding) => finding.kind === 'combination');
    expect(combination).toHaveLength(1);
    expect(combination[0]?.medications).toHaveLength(3);
    expect(findings.filter((finding) => finding.kind === 'interaction')).toEqual([]);
    expect(findings.some((finding) => finding.kind === 'dose-below-usual')).toBe(false);
    const naproxen = body.result?.medications.find((medication) => medication.drugId === 'naproxen');
    expect(naproxen?.baseDose).toEqual({ amount: 200, unit: 'mg' });
    const lisinopril = body.input?.medications.find((medication) => /lisinopril/i.test(medication.name));
    expect(lisinopril).toMatchObject({ dose: '10 mg', frequency: 'daily', route: 'po' });
    expect(body.context.egfr?.method).toBe('ckd-epi-2021');
  });
});

import { describe, expect, it } from 'vitest';
import { parsePatientReference, validateResource } from './fhir-resources.js';
import { describeDosage, type MapContext, mapResource, patientNameColumns } from './map-resource.js';

const ctx: MapContext = {
  resolvePatient: (ref) => (ref === 'Patient/p1' ? 'p1' : null),
  resolveUrn: () => null,
  now: '2024-01-01T00:00:00.000Z',
  source: 'test',
};

function mapped(resource: Record<string, unknown>) {
  const valid = validateResource(resource.resourceType as 'Patient', resource);
  if (!valid.ok) throw new Error(valid.problems.join('; '));
  const result = mapResource(valid.resource, ctx);
  if (!result.ok) throw new Error(result.problem);
  return result.mapped.row as Record<string, unknown>;
}

describe('patientNameColumns', () => {
  it.each([
    [[{ use: 'official', family: 'Testperson', given: ['Alex', 'B.'] }], 'Alex B. Testperson', 'Testperson', 'Alex B.'],
    [
      [
        { use: 'usual', given: ['Nick'] },
        { use: 'official', family: '王', given: ['小明'] },
      ],
      '王小明',
      '王',
      '小明',
    ],
    [[{ text: 'Dr. Sam Example' }], 'Dr. Sam Example', null, null],
    [undefined, '', null, null],
  ])('names %j as %s', (name, text, family, given) => {
    expect(patientNameColumns({ name })).toEqual({ name_text: text, family_name: family, given_name: given });
  });
});

describe('mapResource', () => {
  it('takes the MRN from the identifier typed MR and builds the search text', () => {
    const row = mapped({
      resourceType: 'Patient',
      id: 'p1',
      identifier: [
        { system: 'urn:x', value: 'other' },
        { type: { coding: [{ code: 'MR' }] }, value: 'M-42' },
      ],
      name: [{ family: 'Testperson', given: ['Alex'] }],
      birthDate: '1970-01-01',
      communication: [{ language: { coding: [{ code: 'en' }] } }, { language: { coding: [{ code: 'zh-CN' }] }, preferred: true }],
      address: [{ line: ['1 Test Street'], city: 'Testville', postalCode: '00000' }],
    });
    expect(row).toMatchObject({
      mrn: 'M-42',
      language: 'zh-CN',
      address_text: '1 Test Street, Testville, 00000',
      search_text: 'alex testperson m-42 1970-01-01',
    });
  });

  it('reads a medication from a contained Medication and composes the dosage', () => {
    const row = mapped({
      resourceType: 'MedicationRequest',
      id: 'm1',
      status: 'active',
      contained: [
        { resourceType: 'Medication', id: 'med', code: { coding: [{ system: 'rxnorm', code: '123', display: 'Testamol 5 MG' }] } },
      ],
      medicationReference: { reference: '#med' },
      subject: { reference: 'Patient/p1' },
      encounter: { reference: 'Encounter/e1' },
      authoredOn: '2021-05-06',
      dosageInstruction: [
        { doseAndRate: [{ doseQuantity: { value: 2, unit: 'tablet' } }], timing: { repeat: { frequency: 3, period: 1, periodUnit: 'd' } } },
      ],
    });
    expect(row).toMatchObject({
      patient_id: 'p1',
      encounter_id: 'e1',
      code: '123',
      display: 'Testamol 5 MG',
      authored_at: '2021-05-06',
      dosage_text: 'dose 2 tablet, 3× per 1 d',
    });
  });

  it('maps an observation value, range and interpretation', () => {
    const row = mapped({
      resourceType: 'Observation',
      id: 'o1',
      status: 'final',
      category: [{ coding: [{ code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose' }] },
      subject: { reference: 'Patient/p1' },
      effectivePeriod: { start: '2022-03-04T05:06:07+02:00' },
      valueQuantity: { value: 120, unit: 'mg/dL' },
      referenceRange: [{ low: { value: 70 }, high: { value: 99 } }],
      interpretation: [{ coding: [{ code: 'H' }] }],
    });
    expect(row).toMatchObject({
      category: 'laboratory',
      display: 'Glucose',
      value_num: 120,
      unit: 'mg/dL',
      reference_low: 70,
      reference_high: 99,
      interpretation: 'H',
      effective_at: '2022-03-04T03:06:07.000Z',
    });
  });

  it('decodes text attachments and leaves binary ones undecoded', () => {
    const doc = (contentType: string) =>
      mapped({
        resourceType: 'DocumentReference',
        id: 'd1',
        status: 'current',
        type: { coding: [{ display: 'Progress note' }] },
        subject: { reference: 'Patient/p1' },
        content: [{ attachment: { contentType, data: Buffer.from('复诊：血压平稳。', 'utf8').toString('base64') } }],
      });
    expect(doc('text/plain; charset=utf-8')).toMatchObject({ title: 'Progress note', body: '复诊：血压平稳。' });
    expect(doc('application/pdf')).toMatchObject({ body: null, content_type: 'application/pdf' });
  });

  it('rejects a resource whose patient cannot be resolved', () => {
    const valid = validateResource('Procedure', {
      resourceType: 'Procedure',
      id: 'x1',
      status: 'completed',
      code: { text: 'Test procedure' },
      subject: { reference: 'Patient/unknown' },
    });
    expect(valid.ok && mapResource(valid.resource, ctx)).toEqual({
      ok: false,
      problem: 'Procedure.subject: patient not found in this import or in the database',
    });
  });

  it('describes dosage text first, then structure', () => {
    expect(describeDosage({ text: 'Take one daily' })).toBe('Take one daily');
    expect(describeDosage({ asNeededBoolean: true })).toBe('as needed');
    expect(describeDosage({})).toBeNull();
  });
});

describe('validateResource', () => {
  it.each([
    [{ resourceType: 'Observation', id: 'o', status: 'final', code: { text: 'x' } }, 'Observation.subject: missing reference to a patient'],
    [
      { resourceType: 'Observation', id: 'o', status: 'final', code: { text: 'x' }, subject: { reference: 'Group/g' } },
      'Observation.subject: must reference a Patient, not a Group',
    ],
    [
      { resourceType: 'Condition', id: 'c', code: {}, subject: { reference: 'Patient/p' } },
      'Condition.code: needs a text or a coding with a code or display',
    ],
    [{ resourceType: 'Encounter', id: 'e', subject: { reference: 'Patient/p' } }, 'Encounter.status: missing'],
    [
      { resourceType: 'MedicationRequest', id: 'm', status: 'active', subject: { reference: 'Patient/p' } },
      'MedicationRequest.medication[x]: missing medication[x]: medicationCodeableConcept or medicationReference',
    ],
    [{ resourceType: 'Patient', id: 'has space' }, 'Patient.id: must be 1–64 letters, digits, "-" or "."'],
  ])('reports %j as %s', (resource, problem) => {
    const result = validateResource(resource.resourceType as 'Patient', resource);
    expect(result.ok ? [] : result.problems).toEqual([problem]);
  });
});

describe('parsePatientReference', () => {
  it.each([
    ['Patient/abc', { kind: 'id', id: 'abc' }],
    ['https://fhir.example/r4/Patient/abc/_history/2', { kind: 'id', id: 'abc' }],
    ['urn:uuid:1234', { kind: 'urn', urn: 'urn:uuid:1234' }],
    ['Patient?identifier=http://hospital.example|M-1', { kind: 'identifier', system: 'http://hospital.example', value: 'M-1' }],
    ['Patient?identifier=M-1', { kind: 'identifier', system: null, value: 'M-1' }],
    ['Practitioner/abc', null],
  ])('reads %s', (ref, expected) => {
    expect(parsePatientReference(ref)).toEqual(expected);
  });
});

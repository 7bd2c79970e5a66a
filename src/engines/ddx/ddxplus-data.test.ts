import { describe, expect, it } from 'vitest';
import { loadDdxplusData, loadValidatePatients, mapFrenchEvidence, parseCsv, parsePatientRow } from './ddxplus-data.js';

const data = loadDdxplusData();

describe('loadDdxplusData', () => {
  it('reads the 223 evidences and 49 conditions of the release', () => {
    expect(Object.keys(data.evidences)).toHaveLength(223);
    expect(Object.keys(data.conditions)).toHaveLength(49);
    expect(data.evidences.E_91?.data_type).toBe('B');
  });
});

describe('mapFrenchEvidence', () => {
  it.each([
    ['fievre', 'E_91'],
    ['douleurxx', 'E_53'],
    ['douleurxx_carac_@_sensible', 'E_54_@_V_161'],
    ['douleurxx_endroitducorps_@_palais', 'E_55_@_V_137'],
    ['douleurxx_intens_@_5', 'E_56_@_5'],
    ['trav1_@_N', 'E_204_@_V_10'],
  ])('maps %s to %s', (token, code) => {
    expect(mapFrenchEvidence(data, token)).toBe(code);
  });

  it('rejects an unknown evidence or value', () => {
    expect(() => mapFrenchEvidence(data, 'not_an_evidence')).toThrow(/Unknown DDXPlus evidence/);
    expect(() => mapFrenchEvidence(data, 'douleurxx_carac_@_nope')).toThrow(/Unknown value/);
  });
});

describe('parseCsv', () => {
  it('keeps commas inside quoted fields and unescapes doubled quotes', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });
});

describe('parsePatientRow', () => {
  it('reads a first-release row into current codes and the English condition', () => {
    const patient = parsePatientRow(data, {
      AGE: '65',
      SEX: 'M',
      PATHOLOGY: 'Laryngite aigue',
      EVIDENCES: "['douleurxx', 'douleurxx_intens_@_5', 'fievre', 'trav1_@_N']",
      INITIAL_EVIDENCE: 'fievre',
    });
    expect(patient).toEqual({
      age: 65,
      sex: 'M',
      pathology: 'Acute laryngitis',
      evidence: ['E_53', 'E_56_@_5', 'E_91', 'E_204_@_V_10'],
      initialEvidence: 'E_91',
    });
  });

  it('loads every validate patient with one of 19 covered conditions', () => {
    const patients = loadValidatePatients(data);
    expect(patients).toHaveLength(6763);
    expect(new Set(patients.map((p) => p.pathology)).size).toBe(19);
    expect(patients.every((p) => p.evidence.includes(p.initialEvidence))).toBe(true);
  });
});

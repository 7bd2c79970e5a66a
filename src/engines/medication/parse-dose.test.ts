import { describe, expect, it } from 'vitest';
import { convertDose, parseDose, parseFrequency } from './parse-dose.js';
import { parseRoute } from './parse-route.js';

describe('parseDose', () => {
  it.each([
    ['5 mg', 5, 'mg'],
    ['0.5g', 0.5, 'g'],
    ['1,000 mg', 1000, 'mg'],
    ['100 mcg', 100, 'mcg'],
    ['100 µg', 100, 'mcg'],
    ['10 units', 10, 'units'],
    ['10 IU', 10, 'units'],
    ['500 毫克', 500, 'mg'],
    ['５ｍｇ', 5, 'mg'],
    ['0,5 g', 0.5, 'g'],
  ])('reads "%s"', (text, amount, unit) => {
    expect(parseDose(text)).toEqual({ amount, unit });
  });

  it.each(['', 'five mg', '5', 'mg', '-5 mg', '5 tablets', '0 mg'])('rejects "%s"', (text) => {
    expect(parseDose(text)).toBeUndefined();
  });
});

describe('convertDose', () => {
  it('converts between mass units and round-trips', () => {
    expect(convertDose(0.5, 'g', 'mg')).toBe(500);
    expect(convertDose(250, 'mcg', 'mg')).toBe(0.25);
    expect(convertDose(convertDose(37.5, 'mg', 'mcg') ?? 0, 'mcg', 'mg')).toBeCloseTo(37.5, 12);
  });

  it('refuses to convert units to mass', () => {
    expect(convertDose(10, 'units', 'mg')).toBeUndefined();
  });
});

describe('parseFrequency', () => {
  it.each([
    ['daily', 1],
    ['QD', 1],
    ['bid', 2],
    ['q8h', 3],
    ['q6h', 4],
    ['every 4 hours', 6],
    ['3 times a day', 3],
    ['每日3次', 3],
    ['一日两次', 2],
    ['每8小时', 3],
    ['q6h prn', 4],
    ['weekly', 1 / 7],
  ])('reads "%s" as %d doses a day', (text, times) => {
    expect(parseFrequency(text)).toBeCloseTo(times, 10);
  });

  it('leaves "prn" alone and unknown words unparsed', () => {
    expect(parseFrequency('prn')).toBeUndefined();
    expect(parseFrequency('when I remember')).toBeUndefined();
  });
});

describe('parseRoute', () => {
  it.each([
    ['po', 'po'],
    ['Oral', 'po'],
    ['口服', 'po'],
    ['静滴', 'iv'],
    ['SC', 'sc'],
    ['inhaled', 'inh'],
  ])('reads "%s"', (text, route) => {
    expect(parseRoute(text)).toBe(route);
  });

  it('returns nothing for an unknown route', () => {
    expect(parseRoute('by owl')).toBeUndefined();
  });
});

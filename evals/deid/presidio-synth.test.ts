import { describe, expect, it } from 'vitest';
import { loadPresidioSynth, mapPresidioLabel, presidioToDeidDocs } from './presidio-synth.js';

describe('mapPresidioLabel', () => {
  it.each([
    ['PERSON', 'Maria Garcia', 'NAME'],
    ['STREET_ADDRESS', '24 Clarke Avenue', 'ADDRESS'],
    ['ZIP_CODE', '90010-170', 'ADDRESS'],
    ['CREDIT_CARD', '4111111111111111', 'BANK_CARD'],
    ['IBAN_CODE', 'GB59NAWV77136867049356', 'BANK_CARD'],
    ['PHONE_NUMBER', '079 0442 1744', 'PHONE'],
    ['EMAIL_ADDRESS', 'a@example.com', 'EMAIL'],
    ['DOMAIN_NAME', 'https://www.example.se/', 'URL'],
    ['IP_ADDRESS', '36.106.174.11', 'IP'],
    ['US_SSN', '125-17-4954', 'SSN'],
    ['ORGANIZATION', 'Hill Inc.', 'ORGANIZATION'],
    ['DATE_TIME', '7/14/1995', 'DATE'],
    ['DATE_TIME', '1971', null],
    ['DATE_TIME', 'friday', null],
    ['AGE', '84', null],
    ['AGE', '93', 'AGE'],
    ['GPE', 'Austria', null],
    ['NRP', 'Polish', null],
    ['TITLE', 'Mr.', null],
    ['US_DRIVER_LICENSE', 'F162823540116', null],
    ['SOMETHING_NEW', 'x', null],
  ])('maps %s "%s" to %s', (label, value, expected) => {
    expect(mapPresidioLabel(label, value)).toBe(expected);
  });
});

describe('presidioToDeidDocs', () => {
  it('keeps mapped spans as gold and the rest as ignored regions', () => {
    const [doc] = presidioToDeidDocs([
      {
        full_text: 'Maria lives in Austria.',
        spans: [
          { entity_type: 'PERSON', entity_value: 'Maria', start_position: 0, end_position: 5 },
          { entity_type: 'GPE', entity_value: 'Austria', start_position: 15, end_position: 22 },
        ],
      },
    ]);
    expect(doc?.spans).toEqual([{ type: 'NAME', start: 0, end: 5 }]);
    expect(doc?.ignored).toEqual([{ label: 'GPE', start: 15, end: 22 }]);
  });

  it('converts code-point offsets to UTF-16 past U+FFFF', () => {
    const [doc] = presidioToDeidDocs([
      { full_text: '😀 Ann', spans: [{ entity_type: 'PERSON', entity_value: 'Ann', start_position: 2, end_position: 5 }] },
    ]);
    expect(doc?.text.slice(doc.spans[0]?.start, doc.spans[0]?.end)).toBe('Ann');
  });

  it('loads the shipped copy: 1,500 English documents whose gold spans slice their values', () => {
    const docs = loadPresidioSynth();
    expect(docs).toHaveLength(1500);
    expect(docs.every((d) => d.lang === 'en')).toBe(true);
    const names = docs.flatMap((d) => d.spans.filter((s) => s.type === 'NAME'));
    expect(names.length).toBe(857);
    for (const d of docs) for (const s of d.spans) expect(d.text.slice(s.start, s.end).length).toBe(s.end - s.start);
  });
});

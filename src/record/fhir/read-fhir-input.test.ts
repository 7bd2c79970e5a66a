import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateEntryResourceLines, locateJsonError, readFhirFile } from './read-fhir-input.js';

describe('locateJsonError', () => {
  it.each([
    '{"a":1,}',
    '{"a":1',
    '{"a":1}x',
    '{"a" 1}',
    '{"a":"x\ny"}',
    '[1,2',
    '{"a":-}',
    '{"a":01}',
    '{"a":"\\q"}',
    '{"a":1.}',
    '{"a":"\\u12G4"}',
  ])('finds the offset V8 reports for %j', (text) => {
    const v8 = (() => {
      try {
        JSON.parse(text);
        return null;
      } catch (error) {
        return /at position (\d+)/.exec((error as Error).message)?.[1];
      }
    })();
    expect(v8).toBeDefined();
    expect(locateJsonError(text)).toBe(Number(v8));
  });

  it.each([
    ['{"a":bad}', 5],
    ['{"a":tru}', 8],
    ['{\n  "a": [1, 2, x]\n}', 16],
    ['', 0],
  ])('finds the offending character of %j when V8 gives no position', (text, offset) => {
    expect(locateJsonError(text)).toBe(offset);
  });
});

describe('locateEntryResourceLines', () => {
  it('gives the line of each entry resource in a pretty-printed bundle', () => {
    const text = JSON.stringify(
      {
        resourceType: 'Bundle',
        meta: { tag: [{ code: 'entry' }] },
        type: 'collection',
        entry: [
          { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Patient', id: '1', note: ['"resource": {'] } },
          { request: { method: 'DELETE' } },
          { resource: { resourceType: 'Condition', id: '2', contained: [{ resource: {} }] } },
        ],
      },
      null,
      2,
    );
    const lines = text.split('\n');
    const lineOf = (marker: string) => lines.findIndex((l) => l.includes(marker)) + 1;
    expect(locateEntryResourceLines(text)).toEqual([
      lineOf('"resourceType": "Patient"') - 1,
      lineOf('"method": "DELETE"') - 2,
      lineOf('"resourceType": "Condition"') - 1,
    ]);
  });

  it('puts every entry of a one-line bundle on line 1', () => {
    const text = JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: [{ resource: { a: 1 } }, { resource: { b: 2 } }] });
    expect(locateEntryResourceLines(text)).toEqual([1, 1]);
  });
});

describe('readFhirFile', () => {
  it('never quotes the input in a JSON problem', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'suwen-read-')), 'x.ndjson');
    writeFileSync(file, '{"resourceType": "Patient", "name": [{"text": "Secret Name"}], "id": oops}\n');
    const read = async () => {
      for await (const item of readFhirFile(file)) expect(item).toBeUndefined();
    };
    await expect(read()).rejects.toThrow(`${file}:1: invalid JSON at column 70: unexpected token 'o'`);
    await expect(read()).rejects.not.toThrow(/Secret/);
  });
});

import { randomBytes } from 'node:crypto';
import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeidGuard } from '../model/index.js';
import { PseudonymVault } from '../privacy/index.js';
import { createTestStore, DIALECTS, type TestStore } from '../store/test-stores.js';
import { patientIdentifiers } from './patient-identifiers.js';

async function addPatient(store: TestStore, id: string, fields: { given: string; family: string; mrn: string; phone: string }) {
  const now = new Date().toISOString();
  await store.db
    .insertInto('patients')
    .values({
      id,
      mrn: fields.mrn,
      family_name: fields.family,
      given_name: fields.given,
      name_text: `${fields.given} ${fields.family}`,
      gender: 'female',
      birth_date: '1960-02-03',
      deceased_at: null,
      phone: fields.phone,
      address_text: null,
      language: null,
      search_text: '',
      resource: '{}',
      source: 'test',
      created_at: now,
      updated_at: now,
    })
    .execute();
}

const promptOf = (text: string): LanguageModelV3Prompt => [{ role: 'user', content: [{ type: 'text', text }] }];

describe.each(DIALECTS)('known patient identifiers on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    await addPatient(store, 'p1', { given: 'Marine542', family: 'Ai120', mrn: 'A-99812', phone: '555-010-7788' });
    await addPatient(store, 'p2', { given: 'May', family: 'Li', mrn: 'B-1', phone: '12' });
  });
  afterEach(async () => {
    await store.dispose();
  });

  it('lists full name first, generated name parts, MRN and phone; skips short Latin parts', async () => {
    expect(await patientIdentifiers(store, 'p1')).toEqual([
      { text: 'Marine542 Ai120', type: 'NAME' },
      { text: '555-010-7788', type: 'PHONE' },
      { text: 'Marine542', type: 'NAME' },
      { text: 'A-99812', type: 'MRN' },
      { text: 'Ai120', type: 'NAME' },
    ]);
    // "May" and "Li" alone are not blanked everywhere; the phone "12" is too short to be one.
    expect(await patientIdentifiers(store, 'p2')).toEqual([
      { text: 'May Li', type: 'NAME' },
      { text: 'B-1', type: 'MRN' },
    ]);
    expect(await patientIdentifiers(store, 'nobody')).toEqual([]);
  });

  it('the guard removes identifiers the recognizers miss, and restores them in the answer', async () => {
    const vault = new PseudonymVault(store, randomBytes(32));
    const guard = createDeidGuard({ vault, operator: 'tag', knownIdentifiers: (id) => patientIdentifiers(store, id) });
    const text = 'Admission note: Marine542 Ai120 (A-99812) came in with chest pain; Marine542 may call 555-010-7788.';
    const { prompt, restore } = await guard.protect(promptOf(text), { patientId: 'p1', workflow: 'test' } as never);
    const sent = JSON.stringify(prompt);
    for (const identifier of ['Marine542', 'Ai120', 'A-99812', '555-010-7788']) expect(sent).not.toContain(identifier);
    expect(sent).toContain('chest pain');
    expect(sent).toContain('may call'); // the ordinary word "may" is untouched
    const tag = /\[[^\]]*NAME[^\]]*\]|\[[^\]]*姓名[^\]]*\]/.exec(sent)?.[0] ?? '';
    expect(tag).not.toBe('');
    expect(restore(`Summary for ${tag}.`)).toContain('Marine542');

    // Without a patient on the call there is nothing to look up.
    const plain = await createDeidGuard({ vault, operator: 'tag', knownIdentifiers: (id) => patientIdentifiers(store, id) }).protect(
      promptOf('Marine542 Ai120'),
      { workflow: 'test' } as never,
    );
    expect(JSON.stringify(plain.prompt)).toContain('Ai120');
  });
});

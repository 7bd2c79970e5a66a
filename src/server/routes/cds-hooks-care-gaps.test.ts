import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../testing/test-server.js';

function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../cds-hooks/fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** A CDS Hooks 2.0 card (§Card Attributes). */
const cardSchema = z.object({
  uuid: z.string().uuid().optional(),
  summary: z.string().min(1).max(139),
  detail: z.string().optional(),
  indicator: z.enum(['info', 'warning', 'critical']),
  source: z.object({ label: z.string().min(1), url: z.string().url().optional() }),
  suggestions: z.array(z.unknown()).optional(),
});
const responseSchema = z.object({ cards: z.array(cardSchema) });
type Card = z.infer<typeof cardSchema>;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('CDS Hooks patient-view: care gaps', () => {
  let server: TestServer;
  let token: string;
  const call = async (body: unknown, headers: Record<string, string> = {}): Promise<Card[]> => {
    const response = await server.request('/cds-services/suwen-patient-view', {
      body,
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    expect(response.status).toBe(200);
    return responseSchema.parse(await response.json()).cards;
  };
  const hba1cCard = (cards: Card[]) => cards.find((card) => /HbA1c|糖化血红蛋白/.test(card.summary));

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const user = await server.store.db.selectFrom('users').select('id').where('username', '=', 'test-clinician').executeTakeFirstOrThrow();
    token = (await server.services.auth.createApiToken(user.id, 'ehr')).token;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows an info card citing ADA for a diabetic patient with no HbA1c in the prefetch, without reading Suwen’s record', async () => {
    const cards = await call(fixture('patient-view-diabetes-care-gap'));
    const card = hba1cCard(cards);
    expect(card).toMatchObject({ indicator: 'info', summary: 'Care gap: No HbA1c in the last 6 months' });
    expect(card?.source.label).toBe('ADA Standards of Care in Diabetes—2024');
    expect(card?.suggestions).toBeUndefined();
    expect(card?.detail).toContain('Type 2 diabetes mellitus (2018-04-03)');
    expect(card?.detail).toContain('Recommendation 6.1');
    expect(card?.detail).not.toMatch(/https?:\/\/|\]\(/);
    // Atorvastatin is active and the 2021 colonoscopy is within 10 years: no statin or screening card.
    expect(cards.map((c) => c.summary).join('\n')).not.toMatch(/statin|Colorectal/i);
    const [entry] = await server.services.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cds.hook')
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(entry?.patient_id).toBeNull();
    expect(entry?.details).toContain('"careGaps":"prefetch"');
  });

  it('answers in Chinese, and drops the card once a recent HbA1c is in the prefetch', async () => {
    const zh = hba1cCard(await call(fixture('patient-view-diabetes-care-gap'), { 'accept-language': 'zh-CN' }));
    expect(zh?.summary).toBe('待补项目：近6个月无糖化血红蛋白结果');
    expect(zh?.detail).toContain('素问');

    const body = fixture('patient-view-diabetes-care-gap') as { prefetch: Record<string, unknown> };
    body.prefetch.labs = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        {
          resource: {
            resourceType: 'Observation',
            id: 'obs-a1c',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }] },
            effectiveDateTime: `${daysAgo(30)}T09:00:00Z`,
            valueQuantity: { value: 6.9, unit: '%' },
          },
        },
      ],
    };
    expect(hba1cCard(await call(body))).toBeUndefined();
  });

  it('does not guess at gaps when neither the prefetch nor Suwen’s record has the data', async () => {
    const body = fixture('patient-view-diabetes-care-gap') as { prefetch: Record<string, unknown> };
    delete body.prefetch.labs;
    const cards = await call(body);
    expect(hba1cCard(cards)).toBeUndefined();
  });

  it('reads Suwen’s record through the record layer: a patient.read entry beside the cds.hook one, none for an outside id', async () => {
    const [patientId = ''] = server.patientIds;
    const request = (id: string, requestId: string) =>
      call(
        { hook: 'patient-view', hookInstance: crypto.randomUUID(), context: { userId: 'Practitioner/1', patientId: id } },
        { 'x-request-id': requestId },
      );
    await request(patientId, 'req-cds-own');
    await request('pt-not-in-suwen', 'req-cds-outside');
    await server.services.audit.flush();
    const entries = await server.store.db.selectFrom('audit_log').select(['action', 'patient_id', 'request_id', 'actor_role']).execute();
    const of = (requestId: string) => entries.filter((e) => e.request_id === requestId).map((e) => [e.action, e.patient_id, e.actor_role]);
    expect(of('req-cds-own')).toEqual(
      expect.arrayContaining([
        ['patient.read', patientId, 'clinician'],
        ['cds.hook', patientId, 'clinician'],
      ]),
    );
    expect(of('req-cds-outside')).toEqual([['cds.hook', null, 'clinician']]);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CdsCard } from '../../api/cds-hooks-types.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../cds-hooks/fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** The CDS Hooks 2.0 discovery response (§Discovery): services with hook, id and description; prefetch values are query strings. */
const discoverySchema = z.object({
  services: z
    .array(
      z.object({
        hook: z.string().min(1),
        id: z.string().regex(/^[A-Za-z0-9._~-]+$/),
        title: z.string().optional(),
        description: z.string().min(1),
        prefetch: z.record(z.string(), z.string()).optional(),
        usageRequirements: z.string().optional(),
      }),
    )
    .min(1),
});

/** A CDS Hooks 2.0 card (§Card Attributes). */
const cardSchema = z.object({
  uuid: z.string().uuid().optional(),
  summary: z.string().min(1).max(139),
  detail: z.string().optional(),
  indicator: z.enum(['info', 'warning', 'critical']),
  source: z.object({ label: z.string().min(1), url: z.string().url().optional() }),
  suggestions: z
    .array(
      z.object({
        label: z.string().min(1),
        uuid: z.string().optional(),
        actions: z.array(
          z.object({ type: z.enum(['create', 'update', 'delete']), description: z.string(), resourceId: z.string().optional() }),
        ),
      }),
    )
    .optional(),
  selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
});
const responseSchema = z.object({ cards: z.array(cardSchema) });

describe('/cds-services (HL7 CDS Hooks 2.0)', () => {
  let server: TestServer;
  let token: string;
  let researcherToken: string;
  const call = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    server.request(`/cds-services/${id}`, { body, headers: { authorization: `Bearer ${token}`, ...headers } });
  const cardsOf = async (response: Response): Promise<CdsCard[]> => responseSchema.parse(await response.json()).cards as CdsCard[];

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const tokenFor = async (role: string) => {
      const user = await server.store.db.selectFrom('users').select('id').where('username', '=', `test-${role}`).executeTakeFirstOrThrow();
      return (await server.services.auth.createApiToken(user.id, 'ehr')).token;
    };
    token = await tokenFor('clinician');
    researcherToken = await tokenFor('researcher');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists the three services in the shape of the spec discovery response, with CORS', async () => {
    const response = await server.request('/cds-services', { headers: { origin: 'https://ehr.example.org' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const discovery = discoverySchema.parse(await response.json());
    expect(discovery.services.map((service) => [service.hook, service.id])).toEqual([
      ['patient-view', 'suwen-patient-view'],
      ['order-select', 'suwen-order-select'],
      ['order-sign', 'suwen-order-sign'],
    ]);
    for (const service of discovery.services) {
      for (const template of Object.values(service.prefetch ?? {})) expect(template).toContain('{{context.patientId}}');
    }
    const preflight = await server.request('/cds-services/suwen-order-select', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://ehr.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('warns on an order-select for warfarin with active aspirin, citing the interaction source and offering to remove the draft', async () => {
    const response = await call('suwen-order-select', fixture('order-select-warfarin-aspirin'));
    expect(response.status).toBe(200);
    const cards = await cardsOf(response);
    const interaction = cards.find((card) => /warfarin/i.test(card.summary) && /aspirin/i.test(card.summary));
    expect(interaction).toBeDefined();
    expect(['warning', 'critical']).toContain(interaction?.indicator);
    expect(interaction?.source.label).toMatch(/interactions médicamenteuses|ANSM/);
    expect(interaction?.detail).toContain('hemorrhage');
    expect(interaction?.selectionBehavior).toBe('at-most-one');
    expect(interaction?.suggestions?.[0]?.actions[0]).toMatchObject({
      type: 'delete',
      resourceId: 'MedicationRequest/smart-MedicationRequest-103',
    });
    const [entry] = await server.services.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cds.hook')
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(entry?.entity_id).toBe('suwen-order-select');
    expect(entry?.patient_id).toBeNull();
    expect(entry?.details).not.toMatch(/warfarin|aspirin/i);
  });

  it('runs the same check on order-sign, and answers in Chinese for Accept-Language zh-CN', async () => {
    const body = { ...fixture('order-select-warfarin-aspirin'), hook: 'order-sign' };
    const response = await call('suwen-order-sign', body, { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(response.status).toBe(200);
    const cards = await cardsOf(response);
    const interaction = cards.find((card) => card.summary.includes('华法林') && card.summary.includes('阿司匹林'));
    expect(interaction?.summary).toMatch(/^(禁忌|严重|中度)：|^(禁忌|严重|中度):/);
    expect(interaction?.suggestions?.[0]?.label).toBe('撤销华法林的草稿医嘱');
    expect(interaction?.detail).toContain('素问');
  });

  it('shows a critical card for a prefetched potassium of 6.8 mmol/L on patient-view', async () => {
    const response = await call('suwen-patient-view', fixture('patient-view-hyperkalaemia'));
    expect(response.status).toBe(200);
    const cards = await cardsOf(response);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ indicator: 'critical' });
    expect(cards[0]?.summary).toMatch(/Critical value: Potassium 6\.8 mmol\/L/);
    expect(cards[0]?.source.label.length).toBeGreaterThan(3);
    const zh = await cardsOf(await call('suwen-patient-view', fixture('patient-view-hyperkalaemia'), { 'accept-language': 'zh-CN' }));
    expect(zh[0]?.summary).toMatch(/^危急值：钾 6\.8 mmol\/L/);
  });

  it("reads the patient's medications and labs from Suwen's record when the client sends no prefetch", async () => {
    const patientId = server.patientIds[0] ?? '';
    const response = await call('suwen-patient-view', {
      hookInstance: '0f3e5c2a-9a55-4f5b-8a3e-2c8b8f1d7e60',
      hook: 'patient-view',
      context: { userId: 'Practitioner/1', patientId },
    });
    expect(response.status).toBe(200);
    await cardsOf(response);
    const [entry] = await server.services.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cds.hook')
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(entry?.patient_id).toBe(patientId);
  });

  it('refuses a malformed body, a hook sent to the wrong service and an unknown service', async () => {
    const bad = await call('suwen-order-select', { hook: 'order-select', context: { patientId: '1' } });
    expect(bad.status).toBe(400);
    const message = ((await bad.json()) as { error: { message: string } }).error.message;
    expect(message).toMatch(/hookInstance/);
    const wrongHook = await call('suwen-order-sign', fixture('order-select-warfarin-aspirin'));
    expect(wrongHook.status).toBe(400);
    const noOrders = await call('suwen-order-select', {
      hookInstance: 'x',
      hook: 'order-select',
      context: { userId: 'u', patientId: 'p' },
    });
    expect(noOrders.status).toBe(400);
    expect((await call('suwen-nothing', fixture('order-select-warfarin-aspirin'))).status).toBe(404);
  });

  it('needs a clinician API token', async () => {
    const body = fixture('order-select-warfarin-aspirin');
    expect((await server.request('/cds-services/suwen-order-select', { body })).status).toBe(401);
    expect((await call('suwen-order-select', body, { authorization: 'Bearer swt_not-a-token' })).status).toBe(401);
    const cookie = await server.login('clinician');
    expect((await server.request('/cds-services/suwen-order-select', { body, cookie })).status).toBe(401);
    expect((await call('suwen-order-select', body, { authorization: `Bearer ${researcherToken}` })).status).toBe(403);
  });
});

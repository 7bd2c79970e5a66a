import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsCard } from '../../api/cds-hooks-types.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

type Body = Record<string, unknown> & { prefetch: Record<string, { entry?: unknown[] }>; context: Record<string, unknown> };

function fixture(name: string): Body {
  const url = new URL(`../cds-hooks/fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Body;
}

describe('/cds-services imaging appropriateness on order-select / order-sign, and feedback', () => {
  let server: TestServer;
  let token: string;
  const call = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    server.request(`/cds-services/${id}`, { body, headers: { authorization: `Bearer ${token}`, ...headers } });
  const cards = async (response: Response): Promise<CdsCard[]> => {
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { cards: CdsCard[] }).cards;
  };

  beforeAll(async () => {
    server = await startTestServer('sqlite', { withPatients: false });
    const user = await server.store.db.selectFrom('users').select('id').where('username', '=', 'test-clinician').executeTakeFirstOrThrow();
    token = (await server.services.auth.createApiToken(user.id, 'ehr')).token;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('warns that CT head is usually not appropriate for a low-risk minor head injury (Canadian CT Head Rule) and suggests removing it', async () => {
    const [card, ...rest] = await cards(await call('suwen-order-select', fixture('order-select-ct-head-minor-injury')));
    expect(rest).toHaveLength(0);
    expect(card?.indicator).toBe('warning');
    expect(card?.summary).toMatch(/CT head without contrast: usually not appropriate \(Low risk: CT not required\)/);
    expect(card?.source.label).toMatch(/Stiell IG .*Canadian CT Head Rule/);
    expect(card?.detail).toMatch(/☢☢☢ 1–10 mSv/);
    // What the record did not state is named, not silently assumed.
    expect(card?.detail).toMatch(/taken as absent[\s\S]*Suspected open or depressed skull fracture/);
    expect(card?.suggestions?.[0]?.actions[0]).toEqual({
      type: 'delete',
      description: 'Remove the order for CT head without contrast',
      resourceId: 'ServiceRequest/sr-ct-head-1',
    });
    expect(card?.overrideReasons?.map((r) => r.code)).toContain('clinical-judgement');
  });

  it('rates CT head usually appropriate when the prefetched record shows vomiting twice, and no removal is suggested', async () => {
    const body = fixture('order-select-ct-head-minor-injury');
    const observations = body.prefetch.observations?.entry as {
      resource: { code: { coding: { code: string }[] }; valueBoolean?: boolean };
    }[];
    for (const e of observations) if (e.resource.code.coding[0]?.code === 'vomitingTwiceOrMore') e.resource.valueBoolean = true;
    const [card] = await cards(await call('suwen-order-select', body));
    expect(card).toMatchObject({ indicator: 'info' });
    expect(card?.summary).toMatch(/usually appropriate \(High risk: CT required\)/);
    expect(card?.suggestions).toBeUndefined();
  });

  it('on order-select rates only the selected orders', async () => {
    const body = fixture('order-select-ct-head-minor-injury');
    body.context.selections = ['ServiceRequest/some-other-order'];
    expect(await cards(await call('suwen-order-select', body))).toEqual([]);
  });

  it('says the rule does not apply for a patient on warfarin (problem list and medications are read)', async () => {
    const body = fixture('order-select-ct-head-minor-injury');
    body.prefetch.medications = {
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'MedicationRequest', status: 'active', medicationCodeableConcept: { text: 'Warfarin 5 mg tablet' } } },
      ],
    } as never;
    const [card] = await cards(await call('suwen-order-select', body));
    expect(card?.summary).toMatch(/may be appropriate \(Rule not applicable\)/);
    expect(card?.detail).toMatch(/Anticoagulation or bleeding disorder/);
  });

  it('warns on order-sign that lumbar MRI at 2 weeks without red flags is usually not appropriate, in Chinese', async () => {
    const [card] = await cards(
      await call('suwen-order-sign', fixture('order-sign-mri-lumbar-no-red-flags'), { 'accept-language': 'zh-CN' }),
    );
    expect(card?.indicator).toBe('warning');
    expect(card?.summary).toContain('通常不适宜');
    expect(card?.source.label).toMatch(/Low Back Pain/);
    expect(card?.suggestions?.[0]?.label).toContain('撤销');
  });

  it('warns that CTPA is usually not appropriate with Wells 1 and PERC negative, citing the PE source', async () => {
    const [card] = await cards(await call('suwen-order-select', fixture('order-select-ctpa-low-wells-perc-negative')));
    expect(card?.indicator).toBe('warning');
    expect(card?.summary).toMatch(/^CT pulmonary angiography .*: usually not appropriate/);
    expect(card?.detail).toMatch(/PERC/);
    expect(card?.suggestions?.[0]?.actions[0]).toMatchObject({ type: 'delete', resourceId: 'ServiceRequest/sr-ctpa-1' });
  });

  it('names the missing inputs instead of rating when the record lacks them, and asks for the reason when the order gives none', async () => {
    const body = fixture('order-select-ctpa-low-wells-perc-negative');
    body.prefetch.observations = { resourceType: 'Bundle', entry: [] } as never;
    const [missing] = await cards(await call('suwen-order-select', body));
    expect(missing?.indicator).toBe('info');
    expect(missing?.summary).toMatch(/Not rated: the record does not state Wells PE score, PERC rule, D-dimer/);
    expect(missing?.suggestions).toBeUndefined();

    const noReason = fixture('order-select-ct-head-minor-injury');
    const order = (noReason.context.draftOrders as { entry: { resource: Record<string, unknown> }[] }).entry[0]?.resource;
    if (order) delete order.reasonCode;
    const [ask] = await cards(await call('suwen-order-select', noReason));
    expect(ask?.summary).toMatch(/rating needs the reason for the order/);
    expect(ask?.detail).toMatch(/Minor head injury[\s\S]*Headache/);
  });

  it('stores CDS Hooks 2.0 feedback (accepted / overridden with a reason) in the audit log, without the free-text comment', async () => {
    const [card] = await cards(await call('suwen-order-select', fixture('order-select-ct-head-minor-injury')));
    const feedback = {
      feedback: [
        {
          card: card?.uuid,
          outcome: 'overridden',
          overrideReason: {
            reason: {
              system: 'https://suwen.dev/fhir/CodeSystem/cds-override-reason',
              code: 'clinical-judgement',
              display: 'Clinical findings not captured by the rule',
            },
            userComment: 'Patient Zhang San looks unwell',
          },
          outcomeTimestamp: '2026-11-25T10:02:00Z',
        },
        {
          card: 'c2',
          outcome: 'accepted',
          acceptedSuggestions: [{ id: card?.suggestions?.[0]?.uuid ?? 'x' }],
          outcomeTimestamp: '2026-11-25T10:03:00Z',
        },
      ],
    };
    const response = await call('suwen-order-select/feedback', feedback);
    expect(response.status).toBe(200);
    const entries = await server.services.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cds.feedback')
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.entity_id)).toEqual([card?.uuid, 'c2']);
    expect(entries[0]?.details).toContain('clinical-judgement');
    expect(entries[0]?.details).not.toContain('Zhang');
    expect(entries[1]?.details).toContain(card?.suggestions?.[0]?.uuid);

    expect(
      (await call('suwen-order-select/feedback', { feedback: [{ card: 'x', outcome: 'maybe', outcomeTimestamp: 'now' }] })).status,
    ).toBe(400);
    expect((await call('no-such-service/feedback', feedback)).status).toBe(404);
    expect((await server.request('/cds-services/suwen-order-select/feedback', { body: feedback })).status).toBe(401);
  });
});

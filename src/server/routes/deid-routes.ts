import { randomUUID } from 'node:crypto';
import { deidBodySchema, deidResultSchema } from '../../api/deid.js';
import { auditEvent } from '../../audit/audit-actions.js';
import { deidentifyText, PseudonymScope } from '../../privacy/index.js';
import { defineRoute } from '../route.js';

/** `POST /deid`: the de-identification engine on pasted text, with every finding explained. */
export const deidRoutes = [
  defineRoute({
    method: 'post',
    path: '/deid',
    summary: 'De-identify Chinese or English text; returns the text, each finding with its explanation, and counts by type',
    tag: 'privacy',
    permission: 'deid.use',
    body: deidBodySchema,
    response: deidResultSchema,
    handler: async (c, { body, actor }, { audit, vault, deidAnalyzer }) => {
      const scope = new PseudonymScope({ scope: `request:${c.get('requestId') ?? randomUUID()}`, secret: vault.secret });
      const started = performance.now();
      const result = deidentifyText(body.text, {
        operator: body.operator,
        scope,
        language: body.language,
        ...(deidAnalyzer ? { config: deidAnalyzer } : {}),
      });
      await audit.append(
        auditEvent(actor, 'deid.run', { details: { operator: body.operator, characters: body.text.length, counts: result.counts } }),
      );
      return c.json({ ...result, operator: body.operator, ms: Math.round((performance.now() - started) * 100) / 100 });
    },
  }),
];

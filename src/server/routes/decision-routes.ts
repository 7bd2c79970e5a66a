import { z } from 'zod';
import { askAboutCase } from '../../workflows/decision/ask-case.js';
import { defineRoute } from '../route.js';
import { guardPatientRead } from './patient-routes.js';

/** Decision support on one patient: a question answered from the record and the knowledge base, claims cited. */
export const decisionRoutes = [
  defineRoute({
    method: 'post',
    path: '/patients/:id/decision/ask',
    summary:
      "Ask about a patient's case: PICO, answer, considerations, claims each citing record or knowledge-base sources (unsupported ones marked), and the deterministic alerts",
    tag: 'decision',
    permission: 'knowledge.check',
    params: z.object({ id: z.string().min(1).max(100) }),
    body: z.object({ question: z.string().trim().min(1).max(2000), language: z.enum(['zh', 'en']).optional() }).strict(),
    handler: async (c, { params, body, principal }, services) => {
      await guardPatientRead(c, services, principal, params.id, 'decision.ask');
      const result = await askAboutCase(
        { store: services.store, models: services.models, artifacts: services.artifacts, knowledge: services.knowledge },
        {
          patientId: params.id,
          question: body.question,
          language: body.language ?? (c.get('locale') === 'zh-CN' ? 'zh' : 'en'),
          actor: { userId: principal.userId, role: principal.role },
          requestId: c.get('requestId'),
        },
      );
      return c.json(result);
    },
  }),
];

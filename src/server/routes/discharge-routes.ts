import { z } from 'zod';
import { generateDischargeSummary } from '../../workflows/discharge/discharge-summary.js';
import { defineRoute } from '../route.js';
import { guardPatientRead } from './patient-routes.js';

/** Discharge summary (出院小结) of one inpatient stay: computed sections, model-written hospital course. */
export const dischargeRoutes = [
  defineRoute({
    method: 'post',
    path: '/patients/:id/encounters/:encounterId/discharge-summary',
    summary:
      'Draft a discharge summary for an ended inpatient stay: diagnoses, procedures, key results and medication reconciliation computed from the record (citing record facts R#), hospital course written by the model or left as a placeholder',
    tag: 'discharge',
    permission: 'artifact.create',
    params: z.object({ id: z.string().min(1).max(100), encounterId: z.string().min(1).max(100) }),
    body: z.object({ language: z.enum(['zh', 'en']).optional(), mode: z.enum(['auto', 'model', 'computed']).optional() }).strict(),
    handler: async (c, { params, body, principal }, services) => {
      await guardPatientRead(c, services, principal, params.id, 'discharge.summary', { type: 'encounter', id: params.encounterId });
      const result = await generateDischargeSummary(
        { store: services.store, models: services.models, artifacts: services.artifacts, knowledge: services.knowledge },
        {
          patientId: params.id,
          encounterId: params.encounterId,
          language: body.language ?? (c.get('locale') === 'zh-CN' ? 'zh' : 'en'),
          mode: body.mode ?? 'auto',
          actor: { userId: principal.userId, role: principal.role },
          requestId: c.get('requestId'),
        },
      );
      await services.audit.append({
        actorId: principal.userId,
        actorRole: principal.role,
        action: 'artifact.create',
        entityType: 'artifact',
        entityId: result.artifactId,
        patientId: params.id,
        sourceIp: c.get('clientIp'),
        requestId: c.get('requestId'),
        details: { kind: 'discharge-summary', workflow: 'discharge', method: result.document.method },
      });
      return c.json(result);
    },
  }),
];

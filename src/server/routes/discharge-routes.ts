import { dischargeBodySchema, dischargeParamsSchema, dischargeSummarySchema } from '../../api/discharge.js';
import { generateDischargeSummary } from '../../workflows/discharge/discharge-summary.js';
import { defineRoute } from '../route.js';

/** Discharge summary (出院小结) of one inpatient stay: computed sections, model-written hospital course. */
export const dischargeRoutes = [
  defineRoute({
    method: 'post',
    path: '/patients/:id/encounters/:encounterId/discharge-summary',
    summary:
      'Draft a discharge summary for an ended inpatient stay: diagnoses, procedures, key results and medication reconciliation computed from the record (citing record facts R#), hospital course written by the model or left as a placeholder',
    tag: 'discharge',
    permission: 'artifact.create',
    params: dischargeParamsSchema,
    body: dischargeBodySchema,
    response: dischargeSummarySchema,
    handler: async (c, { params, body, actor }, services) =>
      c.json(
        await generateDischargeSummary(services, {
          patientId: params.id,
          encounterId: params.encounterId,
          language: body.language ?? (c.get('locale') === 'zh-CN' ? 'zh' : 'en'),
          mode: body.mode ?? 'auto',
          actor,
        }),
      ),
  }),
];

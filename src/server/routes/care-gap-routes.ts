import { careGapsQuerySchema, patientCareGapsSchema } from '../../api/care-gaps.js';
import { idParamsSchema } from '../../api/common.js';
import { findPatientCareGaps } from '../../workflows/decision/care-gaps.js';
import { defineRoute } from '../route.js';

/** Care gaps on one patient: curated, cited rules over the record (no model). */
export const careGapRoutes = [
  defineRoute({
    method: 'get',
    path: '/patients/:id/care-gaps',
    summary:
      "Care gaps in the patient's record (e.g. diabetes without a recent HbA1c, AF at the anticoagulation threshold without an anticoagulant, colorectal screening due), each with the record facts it used, what would close it and its guideline source; asOf judges the record as it stood on that day",
    tag: 'decision',
    permission: 'knowledge.check',
    params: idParamsSchema,
    query: careGapsQuerySchema,
    response: patientCareGapsSchema,
    handler: async (c, { params, query, actor }, services) =>
      c.json(await findPatientCareGaps(services, { patientId: params.id, ...(query.asOf ? { asOf: query.asOf } : {}), actor })),
  }),
];

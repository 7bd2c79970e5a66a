import { z } from 'zod';
import { findPatientCareGaps } from '../../workflows/decision/care-gaps.js';
import { defineRoute } from '../route.js';
import { guardPatientRead } from './patient-routes.js';

/** Care gaps on one patient: curated, cited rules over the record (no model). */
export const careGapRoutes = [
  defineRoute({
    method: 'get',
    path: '/patients/:id/care-gaps',
    summary:
      "Care gaps in the patient's record (e.g. diabetes without a recent HbA1c, AF at the anticoagulation threshold without an anticoagulant, colorectal screening due), each with the record facts it used, what would close it and its guideline source; asOf judges the record as it stood on that day",
    tag: 'decision',
    permission: 'knowledge.check',
    params: z.object({ id: z.string().min(1).max(100) }),
    query: z.object({ asOf: z.iso.date().optional() }),
    handler: async (c, { params, query, principal }, services) => {
      await guardPatientRead(c, services, principal, params.id, 'decision.care-gaps');
      const result = await findPatientCareGaps(
        { store: services.store, knowledge: services.knowledge },
        { patientId: params.id, ...(query.asOf ? { asOf: query.asOf } : {}) },
      );
      return c.json(result);
    },
  }),
];

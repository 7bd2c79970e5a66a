import { z } from 'zod';
import { defineRoute } from '../route.js';

const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'not an intake link') });
const answerBody = z
  .object({
    questionId: z.string().min(1).max(120),
    value: z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.array(z.string().max(200)).max(50)]).optional(),
    text: z.string().max(4000).optional(),
    skipped: z.boolean().optional(),
    version: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((body) => body.value !== undefined || (body.text?.trim() ?? '') !== '' || body.skipped === true, {
    message: 'give a value, a text or skipped: true',
  });

/**
 * History taking. Clinicians create a single-use, expiring link for a patient; the patient's page
 * uses the `/intake/session/:token` routes without an account — the secret in the link is the
 * credential, and those routes never return the patient's name or record.
 */
export const intakeRoutes = [
  defineRoute({
    method: 'post',
    path: '/intake',
    summary: 'Create a history-taking link for a patient (and encounter): single use, expires',
    tag: 'intake',
    permission: 'intake.manage',
    body: z
      .object({
        patientId: z.string().min(1).max(100),
        encounterId: z.string().min(1).max(100).optional(),
        language: z.enum(['zh', 'en']),
        mode: z.enum(['form', 'model']).optional(),
        expiresInHours: z.number().int().min(1).max(168).default(24),
        age: z.number().int().min(0).max(120).optional(),
        sex: z.enum(['M', 'F']).optional(),
      })
      .strict(),
    handler: async (c, { body, actor }, services) => c.json(await services.intake.create({ ...body, actor }), 201),
  }),
  defineRoute({
    method: 'get',
    path: '/intake/session/:token',
    summary: 'The patient opens the link: the current question, progress, or the emergency / finished state',
    tag: 'intake',
    permission: null,
    params: tokenParams,
    handler: async (c, { params }, services) => c.json(await services.intake.open(params.token)),
  }),
  defineRoute({
    method: 'post',
    path: '/intake/session/:token/answers',
    summary: 'Answer the current question (form value, or free text read by the model); red flags are checked first',
    tag: 'intake',
    permission: null,
    params: tokenParams,
    body: answerBody,
    handler: async (c, { params, body }, services) => c.json(await services.intake.answer(params.token, body, c.get('requestId'))),
  }),
  defineRoute({
    method: 'post',
    path: '/intake/session/:token/finish',
    summary: 'Finish the interview: triage, differential and the structured history as a draft for the clinician; the link is spent',
    tag: 'intake',
    permission: null,
    params: tokenParams,
    handler: async (c, { params }, services) => c.json(await services.intake.finish(params.token, c.get('requestId'))),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/intakes',
    summary: "The patient's history-taking interviews: status, red flags, triage and the draft to review",
    tag: 'intake',
    permission: 'intake.manage',
    params: z.object({ id: z.string().min(1).max(100) }),
    handler: async (c, { params, actor }, services) => c.json({ intakes: await services.intake.listForPatient(actor, params.id) }),
  }),
  defineRoute({
    method: 'get',
    path: '/intake/:id',
    summary: 'One interview with every recorded answer (for the clinician)',
    tag: 'intake',
    permission: 'intake.manage',
    params: z.object({ id: z.string().min(1).max(100) }),
    handler: async (c, { params, actor }, services) => c.json(await services.intake.detail(actor, params.id)),
  }),
];

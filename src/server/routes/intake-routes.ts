import {
  createdIntakeSchema,
  createIntakeBodySchema,
  intakeAnswerBodySchema,
  intakeDetailSchema,
  intakeIdParamsSchema,
  intakeListSchema,
  intakeTokenParamsSchema,
  intakeViewSchema,
} from '../../api/intake.js';
import { defineRoute } from '../route.js';

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
    status: 201,
    body: createIntakeBodySchema,
    response: createdIntakeSchema,
    handler: async (c, { body, actor }, services) => c.json(await services.intake.create({ ...body, actor }), 201),
  }),
  defineRoute({
    method: 'get',
    path: '/intake/session/:token',
    summary: 'The patient opens the link: the current question, progress, or the emergency / finished state',
    tag: 'intake',
    permission: null,
    params: intakeTokenParamsSchema,
    response: intakeViewSchema,
    handler: async (c, { params }, services) => c.json(await services.intake.open(params.token)),
  }),
  defineRoute({
    method: 'post',
    path: '/intake/session/:token/answers',
    summary: 'Answer the current question (form value, or free text read by the model); red flags are checked first',
    tag: 'intake',
    permission: null,
    params: intakeTokenParamsSchema,
    body: intakeAnswerBodySchema,
    response: intakeViewSchema,
    handler: async (c, { params, body }, services) => c.json(await services.intake.answer(params.token, body, c.get('requestId'))),
  }),
  defineRoute({
    method: 'post',
    path: '/intake/session/:token/finish',
    summary: 'Finish the interview: triage, differential and the structured history as a draft for the clinician; the link is spent',
    tag: 'intake',
    permission: null,
    params: intakeTokenParamsSchema,
    response: intakeViewSchema,
    handler: async (c, { params }, services) => c.json(await services.intake.finish(params.token, c.get('requestId'))),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/intakes',
    summary: "The patient's history-taking interviews: status, red flags, triage and the draft to review",
    tag: 'intake',
    permission: 'intake.manage',
    params: intakeIdParamsSchema,
    response: intakeListSchema,
    handler: async (c, { params, actor }, services) => c.json({ intakes: await services.intake.listForPatient(actor, params.id) }),
  }),
  defineRoute({
    method: 'get',
    path: '/intake/:id',
    summary: 'One interview with every recorded answer (for the clinician)',
    tag: 'intake',
    permission: 'intake.manage',
    params: intakeIdParamsSchema,
    response: intakeDetailSchema,
    handler: async (c, { params, actor }, services) => c.json(await services.intake.detail(actor, params.id)),
  }),
];

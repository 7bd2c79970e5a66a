import { idParamsSchema } from '../../api/common.js';
import {
  askCaseBodySchema,
  askCaseResultSchema,
  ddxEvidenceListSchema,
  ddxEvidenceQuerySchema,
  diagnosisListSchema,
  differentialBodySchema,
  differentialQuerySchema,
  differentialResultSchema,
  treatmentBodySchema,
  treatmentComparisonSchema,
} from '../../api/decision.js';
import { askAboutCase } from '../../workflows/decision/ask-case.js';
import { buildDifferential, listDifferentialFindings } from '../../workflows/decision/differential.js';
import { compareTreatmentOptions, listTreatmentDiagnoses } from '../../workflows/decision/treatment-options.js';
import { defineRoute } from '../route.js';

const languageOf = (c: { get: (key: 'locale') => string }, language?: 'zh' | 'en') =>
  language ?? (c.get('locale') === 'zh-CN' ? 'zh' : 'en');

/** Decision support on one patient: a question answered from the record and the knowledge base, claims cited. */
export const decisionRoutes = [
  defineRoute({
    method: 'post',
    path: '/patients/:id/decision/ask',
    summary:
      "Ask about a patient's case: PICO, answer, considerations, claims each citing record or knowledge-base sources (unsupported ones marked), and the deterministic alerts",
    tag: 'decision',
    permission: 'knowledge.check',
    params: idParamsSchema,
    body: askCaseBodySchema,
    response: askCaseResultSchema,
    handler: async (c, { params, body, actor }, services) =>
      c.json(
        await askAboutCase(services, { patientId: params.id, question: body.question, language: languageOf(c, body.language), actor }),
      ),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/decision/differential',
    summary:
      'Bayesian differential over the DDXPlus conditions from the latest finished intake and the chart: candidates with cited findings for and against, next tests ranked by expected information gain (no model)',
    tag: 'decision',
    permission: 'knowledge.check',
    params: idParamsSchema,
    query: differentialQuerySchema,
    response: differentialResultSchema,
    handler: async (c, { params, query, actor }, services) =>
      c.json(
        await buildDifferential(services, {
          patientId: params.id,
          language: languageOf(c, query.language),
          widen: false,
          ...(query.intakeId ? { intakeId: query.intakeId } : {}),
          actor,
        }),
      ),
  }),
  defineRoute({
    method: 'post',
    path: '/patients/:id/decision/differential',
    summary:
      'The differential from the intake (finished, or stopped early on a red flag: partial), the chart and the findings the clinician enters; widened by the model (when connected and widen is not false) with candidates outside DDXPlus, each citing record, intake or clinician sources (unsupported ones marked)',
    tag: 'decision',
    permission: 'knowledge.check',
    params: idParamsSchema,
    body: differentialBodySchema,
    response: differentialResultSchema,
    handler: async (c, { params, body, actor }, services) =>
      c.json(
        await buildDifferential(services, {
          patientId: params.id,
          language: languageOf(c, body.language),
          widen: body.widen ?? true,
          ...(body.intakeId ? { intakeId: body.intakeId } : {}),
          ...(body.findings ? { findings: body.findings } : {}),
          actor,
        }),
      ),
  }),
  defineRoute({
    method: 'get',
    path: '/decision/ddx-evidence',
    summary:
      'The DDXPlus findings (symptoms, signs, antecedents) a clinician can enter for the differential, searched in Chinese and English, each with its answer kind (B yes/no, C one value, M values) and values',
    tag: 'decision',
    permission: 'knowledge.check',
    query: ddxEvidenceQuerySchema,
    response: ddxEvidenceListSchema,
    handler: (c, { query }) => c.json({ evidence: listDifferentialFindings(query.q, query.limit) }),
  }),
  defineRoute({
    method: 'get',
    path: '/decision/treatments/diagnoses',
    summary: 'The diagnoses with curated treatment options (names in Chinese and English, ICD-10 codes)',
    tag: 'decision',
    permission: 'knowledge.check',
    response: diagnosisListSchema,
    handler: (c) => c.json({ diagnoses: listTreatmentDiagnoses(null) }),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/decision/treatments',
    summary: "The diagnoses with curated treatment options, those on the patient's active problem list first (inRecord)",
    tag: 'decision',
    permission: 'knowledge.check',
    params: idParamsSchema,
    response: diagnosisListSchema,
    handler: async (c, { params, actor }, services) =>
      c.json({ diagnoses: listTreatmentDiagnoses(await services.access.chart(actor, params.id, 'decision.treatments')) }),
  }),
  defineRoute({
    method: 'post',
    path: '/patients/:id/decision/treatments',
    summary:
      "Treatment options to discuss for a diagnosis (text, ICD-10, curated id or a chart condition id), side by side, each run through the medication check against the patient's record",
    tag: 'decision',
    permission: 'knowledge.check',
    params: idParamsSchema,
    body: treatmentBodySchema,
    response: treatmentComparisonSchema,
    handler: async (c, { params, body, actor }, services) =>
      c.json(await compareTreatmentOptions(services, { patientId: params.id, diagnosis: body.diagnosis, actor })),
  }),
];

import { idParamsSchema } from '../../api/common.js';
import {
  entryParamsSchema,
  kbConditionSchema,
  kbDrugSchema,
  kbEducationTopicSchema,
  kbLabSchema,
  knowledgeInfoSchema,
  knowledgeSearchQuerySchema,
  knowledgeSearchSchema,
  labInterpretationSchema,
  labInterpretInputSchema,
  medicationCheckInputSchema,
  medicationCheckResultSchema,
  patientLabInterpretationSchema,
  patientMedicationCheckSchema,
  scoreDescriptionSchema,
  scoreInputBodySchema,
  scoreListSchema,
  scoreResultSchema,
} from '../../api/knowledge.js';
import { imagingResultSchema, imagingScenarioDescriptionSchema, imagingScenarioListSchema } from '../../api/reports.js';
import { describeImagingScenario, evaluateImaging, listImagingScenarios } from '../../engines/imaging/index.js';
import { interpretLabs } from '../../engines/labs/index.js';
import { checkMedications } from '../../engines/medication/index.js';
import { computeScore, describeScore, listScores } from '../../engines/scores/index.js';
import { notFound, SuwenError } from '../../shared/errors.js';
import { interpretPatientLabs } from '../../workflows/lab-review/patient-lab-interpretation.js';
import { checkPatientMedications } from '../../workflows/medication-review/patient-medication-check.js';
import { defineRoute } from '../route.js';

/** `/knowledge/...`: the shipped knowledge base and its deterministic engines (no model involved). */
export const knowledgeRoutes = [
  defineRoute({
    method: 'get',
    path: '/knowledge/info',
    summary: 'Knowledge base version, entry counts, load time and the data sets it is built from',
    tag: 'knowledge',
    permission: 'knowledge.read',
    response: knowledgeInfoSchema,
    handler: (c, _input, { knowledge }) => {
      const { kb } = knowledge;
      return c.json({
        version: kb.version,
        counts: {
          drugs: kb.drugs.length,
          labs: kb.labs.length,
          interactionRules: kb.interactions.rules.length,
          interactionPairs: kb.interactions.pairs.length,
          interactionDrugs: kb.interactions.vocabulary.length,
          conditions: kb.conditions.length,
          icd10: knowledge.vocabulary.icd10.entries.length,
          education: knowledge.vocabulary.education.length,
        },
        loadMs: knowledge.loadMs,
        credits: kb.credits,
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/knowledge/search',
    summary:
      'Find drugs, labs, conditions, scores, ICD-10 codes and education topics by name, synonym, abbreviation or code (zh/en, typo-tolerant)',
    tag: 'knowledge',
    permission: 'knowledge.read',
    query: knowledgeSearchQuerySchema,
    response: knowledgeSearchSchema,
    handler: (c, { query }, { knowledge }) =>
      c.json({
        query: query.q,
        hits: knowledge.search.search(query.q, { ...(query.kind ? { kinds: query.kind } : {}), limit: query.limit }),
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/knowledge/drugs/:id',
    summary:
      'One curated drug: names, class, ATC, doses, renal/hepatic rules, pregnancy and lactation, adverse effects, indications — each with its source',
    tag: 'knowledge',
    permission: 'knowledge.read',
    params: entryParamsSchema,
    response: kbDrugSchema,
    handler: (c, { params }, { knowledge }) => {
      const drug = knowledge.medications.drug(params.id);
      if (!drug) throw notFound('drug');
      return c.json(drug);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/knowledge/labs/:id',
    summary: 'One lab test: names, LOINC, units and conversion, reference ranges and critical values with sources',
    tag: 'knowledge',
    permission: 'knowledge.read',
    params: entryParamsSchema,
    response: kbLabSchema,
    handler: (c, { params }, { knowledge }) => {
      const lab = knowledge.kb.labs.find((entry) => entry.id === params.id);
      if (!lab) throw notFound('lab');
      return c.json(lab);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/knowledge/conditions/:id',
    summary: 'One condition (DDXPlus): ICD-10, severity, symptoms and antecedents',
    tag: 'knowledge',
    permission: 'knowledge.read',
    params: entryParamsSchema,
    response: kbConditionSchema,
    handler: (c, { params }, { knowledge }) => {
      const condition = knowledge.kb.conditions.find((entry) => entry.id === params.id);
      if (!condition) throw notFound('condition');
      return c.json(condition);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/knowledge/education/:id',
    summary: 'One patient-education topic (MedQuAD, NIH sources) with its link',
    tag: 'knowledge',
    permission: 'knowledge.read',
    params: entryParamsSchema,
    response: kbEducationTopicSchema,
    handler: (c, { params }, { knowledge }) => {
      const topic = knowledge.vocabulary.education.find((entry) => entry.id === params.id);
      if (!topic) throw notFound('topic');
      return c.json(topic);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/knowledge/medications/check',
    summary:
      'Check a medication list: interactions, duplicate therapy, doses with renal/hepatic rules, allergy cross-reactivity, pregnancy and lactation',
    tag: 'knowledge',
    permission: 'knowledge.check',
    body: medicationCheckInputSchema,
    response: medicationCheckResultSchema,
    handler: (c, { body }, { knowledge }) => c.json(checkMedications(knowledge.medications, body)),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/medication-check',
    summary: "Check the patient's active medications against their allergies, age, sex, latest eGFR and weight",
    tag: 'knowledge',
    permission: 'knowledge.check',
    params: idParamsSchema,
    response: patientMedicationCheckSchema,
    handler: async (c, { params, actor }, services) => c.json(await checkPatientMedications(services, { patientId: params.id, actor })),
  }),

  defineRoute({
    method: 'post',
    path: '/knowledge/labs/interpret',
    summary:
      'Interpret lab results: flags (low/high/critical) with unit conversion, trends, and patterns (AKI, DKA, iron deficiency, hyponatraemia…) each citing its rule',
    tag: 'knowledge',
    permission: 'knowledge.check',
    body: labInterpretInputSchema,
    response: labInterpretationSchema,
    handler: (c, { body }, { knowledge }) => c.json(interpretLabs(knowledge.labs, body)),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/lab-interpretation',
    summary: "Interpret the patient's laboratory results (newest 12 per test) with their age and sex",
    tag: 'knowledge',
    permission: 'knowledge.check',
    params: idParamsSchema,
    response: patientLabInterpretationSchema,
    handler: async (c, { params, actor }, services) => c.json(await interpretPatientLabs(services, { patientId: params.id, actor })),
  }),

  defineRoute({
    method: 'get',
    path: '/knowledge/scores',
    summary: 'The clinical score calculators: id, names, aliases, what each estimates, and its source',
    tag: 'knowledge',
    permission: 'knowledge.read',
    response: scoreListSchema,
    handler: (c) =>
      c.json({
        scores: listScores().map((score) => ({
          id: score.id,
          names: score.names,
          aliases: score.aliases,
          summary: score.summary,
          source: score.source,
        })),
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/knowledge/scores/:id',
    summary: "One score's inputs (type, unit, bounds, options, bilingual labels), interpretation bands and sources — for a form",
    tag: 'knowledge',
    permission: 'knowledge.read',
    params: entryParamsSchema,
    response: scoreDescriptionSchema,
    handler: (c, { params }) => {
      const description = describeScore(params.id);
      if (!description) throw notFound('score');
      return c.json(description);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/knowledge/scores/:id',
    summary:
      'Compute a score: validated inputs in, value with its interpretation band and source out; every input problem listed in the caller language',
    tag: 'knowledge',
    permission: 'knowledge.read',
    params: entryParamsSchema,
    body: scoreInputBodySchema,
    response: scoreResultSchema,
    handler: (c, { params, body }) => {
      const outcome = computeScore(params.id, body);
      if (outcome.ok) return c.json(outcome.result);
      if (outcome.error.code === 'unknown-score') throw notFound('score');
      const zh = c.get('locale') === 'zh-CN';
      const details = outcome.error.issues.map((issue) => ({
        path: issue.field || '(body)',
        message: zh ? issue.message.zh : issue.message.en,
      }));
      throw new SuwenError('VALIDATION_FAILED', 'Invalid score input', {
        params: { summary: details.map((detail) => detail.message).join('; ') },
        details,
      });
    },
  }),

  defineRoute({
    method: 'get',
    path: '/decision/imaging',
    summary:
      'Imaging-appropriateness scenarios (breast, headache, low back pain, suspected PE, minor head injury, ankle, knee, appendicitis, renal colic)',
    tag: 'decision',
    permission: 'knowledge.read',
    response: imagingScenarioListSchema,
    handler: (c) => c.json({ scenarios: listImagingScenarios() }),
  }),
  defineRoute({
    method: 'get',
    path: '/decision/imaging/:id',
    summary: "One imaging scenario's inputs (for a form), aliases and sources",
    tag: 'decision',
    permission: 'knowledge.read',
    params: entryParamsSchema,
    response: imagingScenarioDescriptionSchema,
    handler: (c, { params }) => {
      const description = describeImagingScenario(params.id);
      if (!description) throw notFound('scenario');
      return c.json(description);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/decision/imaging/:id',
    summary:
      'Rate imaging options for a scenario: usually / may be / usually not appropriate, with radiation level, reason, decision rule and source',
    tag: 'decision',
    permission: 'knowledge.read',
    params: entryParamsSchema,
    body: scoreInputBodySchema,
    response: imagingResultSchema,
    handler: (c, { params, body }) => {
      const outcome = evaluateImaging(params.id, body);
      if (outcome.ok) return c.json(outcome.result);
      if (outcome.error.code === 'unknown-scenario') throw notFound('scenario');
      const zh = c.get('locale') === 'zh-CN';
      const details = outcome.error.issues.map((issue) => ({
        path: issue.field || '(body)',
        message: zh ? issue.message.zh : issue.message.en,
      }));
      throw new SuwenError('VALIDATION_FAILED', 'Invalid scenario input', {
        params: { summary: details.map((detail) => detail.message).join('; ') },
        details,
      });
    },
  }),
];

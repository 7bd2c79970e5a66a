import { z } from 'zod';
import { checkMedications, medicationCheckInputSchema } from '../../engines/medication/check-medications.js';
import type { SearchKind } from '../../engines/search/knowledge-search.js';
import { getPatientChart } from '../../record/patient-chart.js';
import { notFound } from '../../shared/errors.js';
import { medicationInputFromChart } from '../../workflows/medication-review/chart-medication-input.js';
import { defineRoute } from '../route.js';
import { guardPatientRead } from './patient-routes.js';

const SEARCH_KINDS = ['drug', 'lab', 'condition', 'score', 'icd10', 'education', 'vocabulary', 'interaction-drug'] as const satisfies readonly SearchKind[];
const idParams = z.object({ id: z.string().min(1).max(200) });

/** `/knowledge/...`: the shipped knowledge base and its deterministic engines (no model involved). */
export const knowledgeRoutes = [
  defineRoute({
    method: 'get',
    path: '/knowledge/info',
    summary: 'Knowledge base version, entry counts, load time and the data sets it is built from',
    tag: 'knowledge',
    permission: 'knowledge.read',
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
          icd10: kb.icd10.entries.length,
          education: kb.education.length,
        },
        loadMs: knowledge.loadMs,
        credits: kb.credits,
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/knowledge/search',
    summary: 'Find drugs, labs, conditions, scores, ICD-10 codes and education topics by name, synonym, abbreviation or code (zh/en, typo-tolerant)',
    tag: 'knowledge',
    permission: 'knowledge.read',
    query: z.object({
      q: z.string().trim().min(1).max(200),
      kind: z
        .string()
        .optional()
        .transform((value) => (value ? value.split(',') : undefined))
        .pipe(z.array(z.enum(SEARCH_KINDS)).optional()),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
    handler: (c, { query }, { knowledge }) =>
      c.json({ query: query.q, hits: knowledge.search.search(query.q, { ...(query.kind ? { kinds: query.kind } : {}), limit: query.limit }) }),
  }),
  defineRoute({
    method: 'get',
    path: '/knowledge/drugs/:id',
    summary: 'One curated drug: names, class, ATC, doses, renal/hepatic rules, pregnancy and lactation, adverse effects, indications — each with its source',
    tag: 'knowledge',
    permission: 'knowledge.read',
    params: idParams,
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
    params: idParams,
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
    params: idParams,
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
    params: idParams,
    handler: (c, { params }, { knowledge }) => {
      const topic = knowledge.kb.education.find((entry) => entry.id === params.id);
      if (!topic) throw notFound('topic');
      return c.json(topic);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/knowledge/medications/check',
    summary: 'Check a medication list: interactions, duplicate therapy, doses with renal/hepatic rules, allergy cross-reactivity, pregnancy and lactation',
    tag: 'knowledge',
    permission: 'knowledge.check',
    body: medicationCheckInputSchema,
    handler: (c, { body }, { knowledge }) => c.json(checkMedications(knowledge.medications, body)),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/medication-check',
    summary: "Check the patient's active medications against their allergies, age, sex, latest eGFR and weight",
    tag: 'knowledge',
    permission: 'knowledge.check',
    params: z.object({ id: z.string().min(1).max(100) }),
    handler: async (c, { params, principal }, services) => {
      await guardPatientRead(c, services, principal, params.id, 'medication.check');
      const chart = await getPatientChart(services.store, params.id);
      if (!chart) throw notFound('patient');
      const { input, context } = medicationInputFromChart(chart);
      if (input.medications.length === 0) {
        return c.json({ context, result: null });
      }
      return c.json({ context, input, result: checkMedications(services.knowledge.medications, input) });
    },
  }),
];

import { idParamsSchema, pageQuerySchema } from '../../api/common.js';
import {
  clinicalRecordDocumentSchema,
  consentSchema,
  consentUpdateBodySchema,
  documentPageSchema,
  documentParamsSchema,
  encounterPageSchema,
  observationQuerySchema,
  observationSeriesSchema,
  patientChartSchema,
  patientFhirResponse,
  patientListQuerySchema,
  patientListSchema,
} from '../../api/patients.js';
import { defineRoute } from '../route.js';

export const patientRoutes = [
  defineRoute({
    method: 'get',
    path: '/patients',
    summary: 'List and search patients (name, MRN, birth date)',
    tag: 'patients',
    permission: 'patient.list',
    query: patientListQuerySchema,
    response: patientListSchema,
    handler: async (c, { query, actor }, services) => c.json(await services.access.searchPatients(actor, query)),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/chart',
    summary: 'The patient chart: demographics, problems, medications, allergies, encounters, labs, documents',
    tag: 'patients',
    permission: 'patient.read',
    params: idParamsSchema,
    response: patientChartSchema,
    handler: async (c, { params, actor }, services) =>
      c.body(await services.access.chartJson(actor, params.id), 200, { 'Content-Type': 'application/json; charset=utf-8' }),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/observations',
    summary: 'One lab or vital sign over time, oldest first (for trend charts)',
    tag: 'patients',
    permission: 'patient.read',
    params: idParamsSchema,
    query: observationQuerySchema,
    response: observationSeriesSchema,
    handler: async (c, { params, query, actor }, services) =>
      c.json({ items: await services.access.observations(actor, params.id, query.code) }),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/encounters',
    summary: 'The patient’s encounters, newest first, a page at a time',
    tag: 'patients',
    permission: 'patient.read',
    params: idParamsSchema,
    query: pageQuerySchema,
    response: encounterPageSchema,
    handler: async (c, { params, query, actor }, services) =>
      c.json(await services.access.encounters(actor, params.id, query.limit, query.offset)),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/documents',
    summary: 'The patient’s documents (titles, dates, authors), newest first, a page at a time',
    tag: 'patients',
    permission: 'patient.read',
    params: idParamsSchema,
    query: pageQuerySchema,
    response: documentPageSchema,
    handler: async (c, { params, query, actor }, services) =>
      c.json(await services.access.documents(actor, params.id, query.limit, query.offset)),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/documents/:docId',
    summary: 'One clinical document with its text',
    tag: 'patients',
    permission: 'patient.read',
    params: documentParamsSchema,
    response: clinicalRecordDocumentSchema,
    handler: async (c, { params, actor }, services) => c.json(await services.access.document(actor, params.id, params.docId)),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/consent',
    summary: 'The patient’s consent (AI assistance, research and evaluation use) and its history, newest first',
    tag: 'patients',
    permission: 'patient.read',
    params: idParamsSchema,
    response: consentSchema,
    handler: async (c, { params, actor }, services) => c.json(await services.access.consent(actor, params.id)),
  }),
  defineRoute({
    method: 'put',
    path: '/patients/:id/consent',
    summary: 'Change the patient’s consent (patients their own record, clinicians any); the change is kept in the history',
    tag: 'patients',
    permission: 'consent.update',
    params: idParamsSchema,
    body: consentUpdateBodySchema,
    response: consentSchema,
    handler: async (c, { params, body, actor }, services) => c.json(await services.access.updateConsent(actor, params.id, body)),
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/fhir',
    summary: 'Export the patient as a FHIR R4 Bundle',
    tag: 'patients',
    permission: 'patient.read',
    params: idParamsSchema,
    response: patientFhirResponse,
    handler: async (c, { params, actor }, services) => {
      const bundle = await services.access.exportBundle(actor, params.id);
      c.header('Content-Disposition', `attachment; filename="patient-${params.id}.fhir.json"`);
      return c.body(JSON.stringify(bundle, null, 2), 200, { 'Content-Type': 'application/fhir+json; charset=utf-8' });
    },
  }),
];

import type { Context } from 'hono';
import { z } from 'zod';
import { canReadPatient, type Principal } from '../../auth/roles.js';
import { getConsent, updateConsent } from '../../record/consent.js';
import { exportPatientBundle } from '../../record/fhir/export-fhir.js';
import { getDocument, getObservationSeries, getPatientChart, listDocuments, listEncounters } from '../../record/patient-chart.js';
import { listPatients } from '../../record/patient-queries.js';
import { notFound, SuwenError } from '../../shared/errors.js';
import { defineRoute } from '../route.js';
import type { AppEnv, Services } from '../types.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/**
 * Record reads are audited before the data is returned; a patient asking for another record is
 * refused and the refusal is audited too.
 */
export async function guardPatientRead(
  c: Context<AppEnv>,
  services: Services,
  principal: Principal,
  patientId: string,
  action: string,
  entity?: { type: string; id: string },
): Promise<void> {
  const allowed = canReadPatient(principal, patientId);
  await services.audit.append({
    actorId: principal.userId,
    actorRole: principal.role,
    action,
    entityType: entity?.type ?? 'patient',
    entityId: entity?.id ?? patientId,
    patientId,
    outcome: allowed ? 'success' : 'denied',
    sourceIp: c.get('clientIp'),
    requestId: c.get('requestId'),
  });
  if (!allowed) throw new SuwenError('FORBIDDEN', 'Not this patient’s record', { params: { reason: 'own record only' } });
}

async function uncachedChartJson(services: Services, patientId: string): Promise<string | null> {
  const chart = await getPatientChart(services.store, patientId);
  return chart ? JSON.stringify(chart) : null;
}

const consentEntry = z.object({
  id: z.string(),
  aiAssistance: z.boolean(),
  researchUse: z.boolean(),
  changedBy: z.string().nullable(),
  changedByName: z.string().nullable(),
  changedRole: z.string().nullable(),
  changedAt: z.string(),
  note: z.string().nullable(),
});
const consentResponse = z.object({
  patientId: z.string(),
  aiAssistance: z.boolean(),
  researchUse: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedByName: z.string().nullable(),
  history: z.array(consentEntry),
});

const patientSummary = z.object({
  id: z.string(),
  mrn: z.string().nullable(),
  name: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  deceased: z.boolean(),
});

export const patientRoutes = [
  defineRoute({
    method: 'get',
    path: '/patients',
    summary: 'List and search patients (name, MRN, birth date)',
    tag: 'patients',
    permission: 'patient.list',
    query: z.object({
      q: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    response: z.object({ items: z.array(patientSummary), total: z.number() }),
    handler: async (c, { query, principal }, services) => {
      const result = await listPatients(services.store, query);
      await services.audit.append({
        actorId: principal.userId,
        actorRole: principal.role,
        action: 'patient.search',
        entityType: 'patient',
        sourceIp: c.get('clientIp'),
        requestId: c.get('requestId'),
        // How many were shown, not what was searched: the query may be a patient's name.
        details: { returned: result.items.length, hasQuery: Boolean(query.q) },
      });
      return c.json(result);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/chart',
    summary: 'The patient chart: demographics, problems, medications, allergies, encounters, labs, documents',
    tag: 'patients',
    permission: 'patient.read',
    params: idParams,
    handler: async (c, { params, principal }, services) => {
      await guardPatientRead(c, services, principal, params.id, 'patient.read');
      const json = services.chartCache ? await services.chartCache.getJson(params.id) : await uncachedChartJson(services, params.id);
      if (json === null) throw notFound('patient');
      return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/observations',
    summary: 'One lab or vital sign over time, oldest first (for trend charts)',
    tag: 'patients',
    permission: 'patient.read',
    params: idParams,
    query: z.object({ code: z.string().min(1).max(100) }),
    handler: async (c, { params, query, principal }, services) => {
      await guardPatientRead(c, services, principal, params.id, 'observation.read', { type: 'observation', id: query.code });
      return c.json({ items: await getObservationSeries(services.store, params.id, query.code) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/encounters',
    summary: 'The patient’s encounters, newest first, a page at a time',
    tag: 'patients',
    permission: 'patient.read',
    params: idParams,
    query: pageQuery,
    handler: async (c, { params, query, principal }, services) => {
      await guardPatientRead(c, services, principal, params.id, 'encounter.list', { type: 'encounter', id: '*' });
      return c.json(await listEncounters(services.store, params.id, query.limit, query.offset));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/documents',
    summary: 'The patient’s documents (titles, dates, authors), newest first, a page at a time',
    tag: 'patients',
    permission: 'patient.read',
    params: idParams,
    query: pageQuery,
    handler: async (c, { params, query, principal }, services) => {
      await guardPatientRead(c, services, principal, params.id, 'document.list', { type: 'document', id: '*' });
      return c.json(await listDocuments(services.store, params.id, query.limit, query.offset));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/documents/:docId',
    summary: 'One clinical document with its text',
    tag: 'patients',
    permission: 'patient.read',
    params: z.object({ id: z.string().min(1).max(100), docId: z.string().min(1).max(100) }),
    handler: async (c, { params, principal }, services) => {
      await guardPatientRead(c, services, principal, params.id, 'document.read', { type: 'document', id: params.docId });
      const doc = await getDocument(services.store, params.id, params.docId);
      if (!doc) throw notFound('patient');
      return c.json(doc);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/consent',
    summary: 'The patient’s consent (AI assistance, research and evaluation use) and its history, newest first',
    tag: 'patients',
    permission: 'patient.read',
    params: idParams,
    response: consentResponse,
    handler: async (c, { params, principal }, services) => {
      await guardPatientRead(c, services, principal, params.id, 'consent.read', { type: 'consent', id: params.id });
      return c.json(await getConsent(services.store, params.id));
    },
  }),
  defineRoute({
    method: 'put',
    path: '/patients/:id/consent',
    summary: 'Change the patient’s consent (patients their own record, clinicians any); the change is kept in the history',
    tag: 'patients',
    permission: 'consent.update',
    params: idParams,
    body: z
      .object({ aiAssistance: z.boolean().optional(), researchUse: z.boolean().optional(), note: z.string().max(500).optional() })
      .strict()
      .refine((b) => b.aiAssistance !== undefined || b.researchUse !== undefined, 'give aiAssistance or researchUse'),
    response: consentResponse,
    handler: async (c, { params, body, principal }, services) => {
      const allowed = canReadPatient(principal, params.id);
      const audit = {
        actorId: principal.userId,
        actorRole: principal.role,
        action: 'consent.update',
        entityType: 'consent',
        entityId: params.id,
        patientId: params.id,
        sourceIp: c.get('clientIp'),
        requestId: c.get('requestId'),
      };
      if (!allowed) {
        await services.audit.append({ ...audit, outcome: 'denied' });
        throw new SuwenError('FORBIDDEN', 'Not this patient’s record', { params: { reason: 'own record only' } });
      }
      const consent = await updateConsent(services.store, params.id, body, { userId: principal.userId, role: principal.role });
      // The new flags only: the note is free text and stays out of the audit log.
      await services.audit.append({
        ...audit,
        outcome: 'success',
        details: { aiAssistance: consent.aiAssistance, researchUse: consent.researchUse },
      });
      return c.json(consent);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/patients/:id/fhir',
    summary: 'Export the patient as a FHIR R4 Bundle',
    tag: 'patients',
    permission: 'patient.read',
    params: idParams,
    handler: async (c, { params, principal }, services) => {
      await guardPatientRead(c, services, principal, params.id, 'patient.export');
      const bundle = await exportPatientBundle(services.store, params.id);
      if (!bundle) throw notFound('patient');
      c.header('Content-Disposition', `attachment; filename="patient-${params.id}.fhir.json"`);
      return c.body(JSON.stringify(bundle, null, 2), 200, { 'Content-Type': 'application/fhir+json; charset=utf-8' });
    },
  }),
];

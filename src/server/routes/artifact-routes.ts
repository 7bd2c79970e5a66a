import { z } from 'zod';
import { ARTIFACT_STATUSES, newArtifactSchema, reviewSchema } from '../../audit/artifacts.js';
import { toFhirProvenance } from '../../audit/fhir-audit.js';
import { canReadPatient } from '../../auth/roles.js';
import { notFound } from '../../shared/errors.js';
import { defineRoute } from '../route.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export const artifactRoutes = [
  defineRoute({
    method: 'get',
    path: '/artifacts',
    summary: 'AI outputs, newest first; the review inbox is status=draft',
    tag: 'artifacts',
    permission: 'artifact.read',
    query: z.object({
      status: z.enum([...ARTIFACT_STATUSES, 'all']).default('draft'),
      patientId: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async (c, { query }, { artifacts }) => c.json(await artifacts.list(query)),
  }),
  defineRoute({
    method: 'get',
    path: '/artifacts/:id',
    summary: 'One AI output with its content, sources, guardrail findings and review',
    tag: 'artifacts',
    permission: 'artifact.read',
    params: idParams,
    handler: async (c, { params, principal }, { artifacts, audit }) => {
      const artifact = await artifacts.get(params.id);
      if (!artifact) throw notFound('artifact');
      await audit.append({
        actorId: principal.userId,
        actorRole: principal.role,
        action: 'artifact.read',
        entityType: 'artifact',
        entityId: artifact.id,
        patientId: artifact.patientId,
        sourceIp: c.get('clientIp'),
        requestId: c.get('requestId'),
      });
      return c.json(artifact);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/artifacts/:id/provenance',
    summary: 'The artifact as a FHIR R4 Provenance resource',
    tag: 'artifacts',
    permission: 'artifact.read',
    params: idParams,
    handler: async (c, { params }, { artifacts }) => {
      const artifact = await artifacts.get(params.id);
      if (!artifact) throw notFound('artifact');
      return c.body(JSON.stringify(toFhirProvenance(artifact)), 200, { 'Content-Type': 'application/fhir+json; charset=utf-8' });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/artifacts',
    summary: 'Record an AI output as a draft for review (workflows and external tools)',
    tag: 'artifacts',
    permission: 'artifact.create',
    status: 201,
    body: newArtifactSchema,
    handler: async (c, { body, principal }, { artifacts, audit, store }) => {
      if (body.patientId) {
        const exists = await store.db.selectFrom('patients').select('id').where('id', '=', body.patientId).executeTakeFirst();
        if (!exists) throw notFound('patient');
      }
      const artifact = await artifacts.create(body, principal.userId);
      await audit.append({
        actorId: principal.userId,
        actorRole: principal.role,
        action: 'artifact.create',
        entityType: 'artifact',
        entityId: artifact.id,
        patientId: artifact.patientId,
        sourceIp: c.get('clientIp'),
        requestId: c.get('requestId'),
        details: { kind: artifact.kind, workflow: artifact.workflow, model: artifact.model.id },
      });
      return c.json(artifact, 201);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/artifacts/:id/review',
    summary: 'Accept, edit or reject a draft (a clinician signs it off)',
    tag: 'artifacts',
    permission: 'artifact.review',
    params: idParams,
    body: reviewSchema,
    handler: async (c, { params, body, principal }, { artifacts, audit }) => {
      const before = await artifacts.get(params.id);
      if (!before) throw notFound('artifact');
      if (before.patientId && !canReadPatient(principal, before.patientId)) throw notFound('artifact');
      const artifact = await artifacts.review(params.id, body, principal.userId);
      await audit.append({
        actorId: principal.userId,
        actorRole: principal.role,
        action: 'artifact.review',
        entityType: 'artifact',
        entityId: artifact.id,
        patientId: artifact.patientId,
        sourceIp: c.get('clientIp'),
        requestId: c.get('requestId'),
        details: { decision: body.decision, status: artifact.status, editDistance: artifact.editDistance },
      });
      return c.json(artifact);
    },
  }),
];

import {
  artifactListQuerySchema,
  artifactListSchema,
  artifactProvenanceResponse,
  artifactSchema,
  newArtifactSchema,
  reviewSchema,
} from '../../api/artifacts.js';
import { idParamsSchema } from '../../api/common.js';
import { toFhirProvenance } from '../../audit/fhir-audit.js';
import { notFound } from '../../shared/errors.js';
import { readArtifact, recordArtifact, reviewArtifact } from '../../workflows/review/artifact-review.js';
import { defineRoute } from '../route.js';

export const artifactRoutes = [
  defineRoute({
    method: 'get',
    path: '/artifacts',
    summary: 'AI outputs, newest first; the review inbox is status=draft',
    tag: 'artifacts',
    permission: 'artifact.read',
    query: artifactListQuerySchema,
    response: artifactListSchema,
    handler: async (c, { query }, { artifacts }) => c.json(await artifacts.list(query)),
  }),
  defineRoute({
    method: 'get',
    path: '/artifacts/:id',
    summary: 'One AI output with its content, sources, guardrail findings and review',
    tag: 'artifacts',
    permission: 'artifact.read',
    params: idParamsSchema,
    response: artifactSchema,
    handler: async (c, { params, actor }, services) => c.json(await readArtifact(services, actor, params.id)),
  }),
  defineRoute({
    method: 'get',
    path: '/artifacts/:id/provenance',
    summary: 'The artifact as a FHIR R4 Provenance resource',
    tag: 'artifacts',
    permission: 'artifact.read',
    params: idParamsSchema,
    response: artifactProvenanceResponse,
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
    response: artifactSchema,
    handler: async (c, { body, actor }, services) => c.json(await recordArtifact(services, actor, body), 201),
  }),
  defineRoute({
    method: 'post',
    path: '/artifacts/:id/review',
    summary: 'Accept, edit or reject a draft (a clinician signs it off)',
    tag: 'artifacts',
    permission: 'artifact.review',
    params: idParamsSchema,
    body: reviewSchema,
    response: artifactSchema,
    handler: async (c, { params, body, actor }, services) => c.json(await reviewArtifact(services, actor, params.id, body)),
  }),
];

import type { Context } from 'hono';
import { z } from 'zod';
import type { Principal } from '../../auth/roles.js';
import { NOTE_LANGUAGES } from '../../engines/notes/clinical-document.js';
import { notFound } from '../../shared/errors.js';
import { type GenerateNoteDeps, type GenerateNoteResult, NOTE_MODES, prepareNote, writeNote } from '../../workflows/notes/generate-note.js';
import { noteTranscriptInputSchema } from '../../workflows/notes/note-input.js';
import { defineRoute } from '../route.js';
import { sseResponse } from '../sse.js';
import type { AppEnv, Services } from '../types.js';
import { guardPatientRead } from './patient-routes.js';

/** Artifact kinds whose content is a clinical document this route serves. */
const DOCUMENT_KINDS = new Set(['clinical-note', 'discharge-summary']);

const generateBody = noteTranscriptInputSchema
  .extend({
    outputLanguage: z.enum(NOTE_LANGUAGES).optional(),
    format: z.enum(['zh-outpatient', 'soap']).optional(),
    patientId: z.string().min(1).max(100).optional(),
    encounterId: z.string().min(1).max(100).optional(),
    mode: z.enum(NOTE_MODES).default('auto'),
  })
  .strict();

function depsOf(services: Services): GenerateNoteDeps {
  return { store: services.store, models: services.models, artifacts: services.artifacts, knowledge: services.knowledge };
}

async function auditCreated(
  c: Context<AppEnv>,
  services: Services,
  principal: Principal,
  result: GenerateNoteResult,
  patientId: string | null,
) {
  await services.audit.append({
    actorId: principal.userId,
    actorRole: principal.role,
    action: 'artifact.create',
    entityType: 'artifact',
    entityId: result.artifactId,
    patientId,
    requestId: c.get('requestId'),
    sourceIp: c.get('clientIp'),
    details: { kind: 'clinical-note', method: result.document.method },
  });
}

/** Strips the benchmark timings from what clients receive: they are Suwen's, not the note's. */
function publicResult(result: GenerateNoteResult) {
  return { artifactId: result.artifactId, document: result.document, transcript: result.transcript };
}

/** Clinical writing: consultation transcript → structured visit note with provenance and checks. */
export const noteRoutes = [
  defineRoute({
    method: 'post',
    path: '/notes/generate',
    summary:
      'Consultation transcript → draft visit note (门诊病历 or SOAP): sentences citing transcript turns, unsupported ones flagged, omissions and medication check; server-sent events (transcript, section…, checks, result, done) with Accept: text/event-stream',
    tag: 'notes',
    permission: 'artifact.create',
    body: generateBody,
    handler: async (c, { body, principal }, services) => {
      const messageLanguage = c.get('locale') === 'zh-CN' ? 'zh' : 'en';
      if (body.patientId) await guardPatientRead(c, services, principal, body.patientId, 'notes.generate');
      const deps = depsOf(services);
      const prepared = await prepareNote(deps, {
        ...body,
        actor: { userId: principal.userId, role: principal.role },
        requestId: c.get('requestId'),
        sourceIp: c.get('clientIp'),
        messageLanguage,
      });
      const patientId = body.patientId ?? null;
      if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
        const result = await writeNote(deps, prepared);
        await auditCreated(c, services, principal, result, patientId);
        return c.json(publicResult(result));
      }
      return sseResponse(c, async (send, signal) => {
        const result = await writeNote(deps, prepared, {
          signal,
          onTranscript: (transcript) => send('transcript', { transcript }),
          onSection: (section) => send('section', { section }),
          onChecks: (checks) => send('checks', checks),
        });
        await auditCreated(c, services, principal, result, patientId);
        await send('result', publicResult(result));
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/notes/:artifactId',
    summary:
      'A stored visit note or discharge summary: the artifact (status, review), the document as it stands (edited if edited) and the transcript (null for a discharge summary)',
    tag: 'notes',
    permission: 'artifact.read',
    params: z.object({ artifactId: z.string().min(1).max(100) }),
    handler: async (c, { params, principal }, services) => {
      const artifact = await services.artifacts.get(params.artifactId);
      if (!artifact || !DOCUMENT_KINDS.has(artifact.kind)) throw notFound('artifact');
      if (artifact.patientId) {
        await guardPatientRead(c, services, principal, artifact.patientId, 'artifact.read', { type: 'artifact', id: artifact.id });
      } else {
        await services.audit.append({
          actorId: principal.userId,
          actorRole: principal.role,
          action: 'artifact.read',
          entityType: 'artifact',
          entityId: artifact.id,
          patientId: null,
          sourceIp: c.get('clientIp'),
          requestId: c.get('requestId'),
        });
      }
      const document = artifact.editedContent?.document ?? artifact.content.document;
      const transcript = artifact.kind === 'clinical-note' ? (artifact.content.transcript ?? null) : null;
      return c.json({ artifact, document, transcript });
    },
  }),
];

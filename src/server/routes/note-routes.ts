import { generateNoteBodySchema, generateNoteResponse, noteParamsSchema, storedNoteSchema } from '../../api/notes.js';
import { type GenerateNoteResult, prepareNote, writeNote } from '../../workflows/notes/generate-note.js';
import { readDocumentArtifact } from '../../workflows/review/artifact-review.js';
import { defineRoute } from '../route.js';
import { sseResponse } from '../sse.js';

/** Artifact kinds whose content is a clinical document this route serves. */
const DOCUMENT_KINDS = new Set(['clinical-note', 'discharge-summary']);

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
    body: generateNoteBodySchema,
    response: generateNoteResponse,
    handler: async (c, { body, actor }, services) => {
      const messageLanguage = c.get('locale') === 'zh-CN' ? 'zh' : 'en';
      // Checks (access, consent, input) all happen here, before anything streams.
      const prepared = await prepareNote(services, { ...body, actor, messageLanguage });
      if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
        return c.json(publicResult(await writeNote(services, prepared)));
      }
      return sseResponse(c, async (send, signal) => {
        const result = await writeNote(services, prepared, {
          signal,
          onTranscript: (transcript) => send('transcript', { transcript }),
          onSection: (section) => send('section', { section }),
          onChecks: (checks) => send('checks', checks),
        });
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
    params: noteParamsSchema,
    response: storedNoteSchema,
    handler: async (c, { params, actor }, services) => {
      const artifact = await readDocumentArtifact(services, actor, params.artifactId, DOCUMENT_KINDS);
      const document = artifact.editedContent?.document ?? artifact.content.document;
      const transcript = artifact.kind === 'clinical-note' ? (artifact.content.transcript ?? null) : null;
      return c.json({ artifact, document, transcript });
    },
  }),
];

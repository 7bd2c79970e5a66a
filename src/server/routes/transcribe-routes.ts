import { transcribeFieldsSchema as fieldsSchema, transcribeResponse } from '../../api/transcribe.js';
import { MAX_AUDIO_BYTES, type ModelCallContext } from '../../model/index.js';
import { SuwenError } from '../../shared/errors.js';
import { defineRoute } from '../route.js';
import { sseResponse } from '../sse.js';

/** The upload route's own body limit: the largest audio file plus the multipart envelope. */
export const TRANSCRIBE_PATH = '/api/v1/notes/transcribe';
export const TRANSCRIBE_MAX_BODY = MAX_AUDIO_BYTES + 1024 * 1024;

function invalid(summary: string): SuwenError {
  return new SuwenError('VALIDATION_FAILED', summary, { params: { summary }, details: [{ path: 'body', message: summary }] });
}

/**
 * Consultation audio → transcript with speaker turns, for the note workspace (the browser's
 * MediaRecorder sends WebM/Ogg) or any client. Nothing is stored: the transcript goes back to the
 * caller, who sends it on to `/notes/generate`. Every check that needs no recognizer runs before
 * the answer starts, so bad audio is a 4xx even when events were asked for.
 */
export const transcribeRoutes = [
  defineRoute({
    method: 'post',
    path: '/notes/transcribe',
    summary:
      'Transcribe consultation audio (multipart form: file = WAV/MP3/WebM/OGG/M4A up to 100 MB, language = zh|en) into speaker turns; long WAV is chunked; server-sent events (progress {chunk, chunks, seconds}, result {transcript, text}, done) with Accept: text/event-stream',
    tag: 'notes',
    permission: 'artifact.create',
    response: transcribeResponse,
    handler: async (c, { principal }, { speech }) => {
      if (!speech.configured) throw new SuwenError('ASR_NOT_CONFIGURED', 'No speech recognition configured');
      if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data'))
        throw invalid('send multipart/form-data with the recording in a "file" field');
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw invalid('body: not a readable multipart form');
      }
      const file = form.get('file');
      if (!(file instanceof Blob)) throw invalid('file: missing (attach the recording as "file")');
      const language = form.get('language');
      const fields = fieldsSchema.safeParse({ language: typeof language === 'string' && language !== '' ? language : undefined });
      if (!fields.success) throw invalid('language: must be zh or en');
      const audio = new Uint8Array(await file.arrayBuffer());
      const context: ModelCallContext = {
        workflow: 'notes.transcribe',
        actorId: principal.userId,
        actorRole: principal.role,
        requestId: c.get('requestId'),
        sourceIp: c.get('clientIp'),
        containsPhi: true, // a consultation recording is patient data
      };
      await speech.validate(audio, context);
      const options = { context, ...(fields.data.language ? { language: fields.data.language } : {}) };

      if ((c.req.header('accept') ?? '').includes('text/event-stream')) {
        return sseResponse(c, async (send, signal) => {
          let sending = Promise.resolve();
          const result = await speech.transcribe(audio, {
            ...options,
            signal,
            onProgress: (progress) => {
              sending = sending.then(() => send('progress', progress));
            },
          });
          await sending;
          await send('result', { transcript: result.transcript, text: result.text, durationS: result.durationS, chunks: result.chunks });
        });
      }
      const result = await speech.transcribe(audio, { ...options, signal: c.req.raw.signal });
      return c.json({ transcript: result.transcript, text: result.text, durationS: result.durationS, chunks: result.chunks });
    },
  }),
];

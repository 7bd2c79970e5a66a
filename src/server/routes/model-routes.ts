import { z } from 'zod';
import { hashInput } from '../../audit/artifacts.js';
import { canReadPatient } from '../../auth/roles.js';
import type { ModelCallContext } from '../../model/call-context.js';
import { describeModels } from '../../model/describe-models.js';
import { streamModelText } from '../../model/generate.js';
import { renderPrompt } from '../../model/prompts/prompt-templates.js';
import { assertAiConsent } from '../../record/consent.js';
import { notFound, SuwenError } from '../../shared/errors.js';
import type { Locale } from '../../shared/locale.js';
import { defineRoute } from '../route.js';
import { sseResponse } from '../sse.js';

const ROLE_WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': { clinician: '临床医生', researcher: '研究人员', educator: '医学教师', admin: '管理员' },
  en: { clinician: 'clinician', researcher: 'researcher', educator: 'medical educator', admin: 'administrator' },
};

const chatBody = z.object({
  messages: z
    .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1).max(20_000) }))
    .min(1)
    .max(50)
    .refine((messages) => messages.at(-1)?.role === 'user', 'the last message must be from the user'),
  modelId: z.string().max(100).optional(),
  patientId: z.string().max(100).optional(),
  /** Free text is assumed to possibly carry patient data unless the sender says it does not. */
  containsPatientData: z.boolean().default(true),
});

export const modelRoutes = [
  defineRoute({
    method: 'get',
    path: '/models',
    summary:
      'Configured language models, their data boundary and (with probe=1) reachability; the speech recognizer (SUWEN_ASR_*) likewise, never its key',
    tag: 'models',
    permission: 'settings.read',
    query: z.object({ probe: z.enum(['0', '1']).default('0') }),
    handler: async (c, { query }, { config, models, speech }) => {
      const described = describeModels(config.models);
      const withStatus = await Promise.all(
        described.models.map(async (m) => ({ ...m, ...(query.probe === '1' ? await models.reachability(m.id) : {}) })),
      );
      const recognizer = { ...speech.describe(), ...(query.probe === '1' && speech.configured ? await speech.reachability() : {}) };
      return c.json({ configured: described.configured, models: withStatus, speech: recognizer });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/chat',
    summary: 'Ask the model; the answer streams as server-sent events and is stored as a draft artifact',
    tag: 'models',
    permission: 'model.chat',
    body: chatBody,
    handler: async (c, { body, principal }, services) => {
      const { models, artifacts, audit } = services;
      if (!models.configured) throw new SuwenError('MODEL_NOT_CONFIGURED', 'No model configured');
      if (body.patientId) {
        const exists = await services.store.db.selectFrom('patients').select('id').where('id', '=', body.patientId).executeTakeFirst();
        if (!exists) throw notFound('patient');
        if (!canReadPatient(principal, body.patientId))
          throw new SuwenError('FORBIDDEN', 'Not this patient’s record', { params: { reason: 'patient' } });
        // Consent before any model call: nothing of this patient goes to a model without it.
        try {
          await assertAiConsent(services.store, body.patientId);
        } catch (error) {
          if (error instanceof SuwenError && error.code === 'CONSENT_REQUIRED') {
            await audit.append({
              actorId: principal.userId,
              actorRole: principal.role,
              action: 'model.call',
              entityType: 'model',
              entityId: body.modelId ?? null,
              patientId: body.patientId,
              outcome: 'denied',
              sourceIp: c.get('clientIp'),
              requestId: c.get('requestId'),
              details: { workflow: 'chat', code: 'CONSENT_REQUIRED' },
            });
          }
          throw error;
        }
      }
      const locale = c.get('locale');
      const prompt = renderPrompt('chat.assistant', locale, { role: ROLE_WORDS[locale][principal.role] ?? principal.role });
      const context: ModelCallContext = {
        workflow: 'chat',
        actorId: principal.userId,
        actorRole: principal.role,
        requestId: c.get('requestId'),
        sourceIp: c.get('clientIp'),
        patientId: body.patientId ?? null,
        containsPhi: body.patientId !== undefined || body.containsPatientData,
        privacy: { operator: null, counts: {} },
      };
      const profile = models.profile(body.modelId);
      const abort = new AbortController();
      const started = performance.now();
      const result = streamModelText({
        model: models.model(context, body.modelId),
        system: prompt.system,
        messages: body.messages,
        abortSignal: abort.signal,
      });
      const parts = result.fullStream[Symbol.asyncIterator]();
      // Wait for the first event before committing to a stream, so that a refusal or an
      // unreachable model is an ordinary HTTP error with the right status.
      let first = await parts.next();
      while (!first.done && first.value.type !== 'text-delta' && first.value.type !== 'error' && first.value.type !== 'finish')
        first = await parts.next();
      if (!first.done && first.value.type === 'error') {
        const error = first.value.error;
        throw error instanceof SuwenError
          ? error
          : new SuwenError('MODEL_UNAVAILABLE', 'Model failed', { params: { reason: 'error' }, cause: error });
      }
      return sseResponse(c, async (send, signal) => {
        signal.addEventListener('abort', () => abort.abort(), { once: true });
        await send('meta', {
          model: profile.id,
          dataBoundary: profile.dataBoundary,
          prompt: { id: prompt.templateId, version: prompt.version },
        });
        let text = '';
        let part = first;
        while (!part.done) {
          const value = part.value;
          if (value.type === 'text-delta') {
            text += value.text;
            await send('text-delta', { text: value.text });
          } else if (value.type === 'error') {
            throw value.error instanceof SuwenError
              ? value.error
              : new SuwenError('MODEL_UNAVAILABLE', 'Model failed', { params: { reason: 'stream' } });
          } else if (value.type === 'finish') {
            const usage = value.totalUsage;
            const artifact = await artifacts.create(
              {
                kind: 'chat.answer',
                workflow: 'chat',
                patientId: body.patientId ?? null,
                model: { id: profile.id, version: profile.modelName },
                prompt: { id: prompt.templateId, version: prompt.version, hash: prompt.hash },
                inputHash: hashInput({ prompt: prompt.hash, messages: body.messages, patientId: body.patientId ?? null }),
                content: { text },
                // What the privacy layer replaced before the prompt left: counts by type, never text.
                guardrails: context.privacy?.operator
                  ? [
                      {
                        code: 'deid.applied',
                        severity: 'info' as const,
                        message: `De-identified (${context.privacy.operator}) before sending to an external model: ${
                          Object.entries(context.privacy.counts)
                            .map(([type, n]) => `${type}×${n}`)
                            .join(', ') || 'no identifiers found'
                        }`,
                      },
                    ]
                  : [],
                latencyMs: Math.round(performance.now() - started),
                tokensIn: usage.inputTokens ?? null,
                tokensOut: usage.outputTokens ?? null,
              },
              principal.userId,
            );
            await audit.append({
              actorId: principal.userId,
              actorRole: principal.role,
              action: 'artifact.create',
              entityType: 'artifact',
              entityId: artifact.id,
              patientId: artifact.patientId,
              requestId: c.get('requestId'),
              sourceIp: c.get('clientIp'),
              details: { kind: artifact.kind, model: profile.id },
            });
            await send('finish', {
              artifactId: artifact.id,
              tokensIn: artifact.tokensIn,
              tokensOut: artifact.tokensOut,
              latencyMs: artifact.latencyMs,
            });
          }
          part = await parts.next();
        }
      });
    },
  }),
];

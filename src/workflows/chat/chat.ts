import { type ArtifactService, hashInput } from '../../audit/artifacts.js';
import { auditEvent } from '../../audit/audit-actions.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Actor } from '../../auth/actor.js';
import { type ModelCallContext, type ModelGateway, renderPrompt, streamModelText } from '../../model/index.js';
import { assertAiConsent } from '../../record/consent.js';
import type { PatientAccess } from '../../record/patient-access.js';
import { patientExists } from '../../record/patient-lookups.js';
import { notFound, SuwenError } from '../../shared/errors.js';
import type { Locale } from '../../shared/locale.js';
import type { Store } from '../../store/database.js';

/**
 * Free-form chat with the model: the answer streams, and when it ends it is stored as a draft
 * artifact (with what the privacy layer replaced, as counts). A chat about a patient passes the
 * record's access check and the AI-consent check before any model call.
 */

const ROLE_WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': { clinician: '临床医生', researcher: '研究人员', educator: '医学教师', admin: '管理员', operator: '临床医生' },
  en: { clinician: 'clinician', researcher: 'researcher', educator: 'medical educator', admin: 'administrator', operator: 'clinician' },
};

export interface ChatDeps {
  store: Store;
  audit: AuditLog;
  access: PatientAccess;
  artifacts: ArtifactService;
  models: ModelGateway;
}

export interface ChatInput {
  messages: { role: 'user' | 'assistant'; content: string }[];
  modelId?: string | undefined;
  patientId?: string | undefined;
  /** Free text counts as patient data unless the sender says it is not. */
  containsPatientData: boolean;
  locale: Locale;
  actor: Actor;
  /** Cancels the upstream model request (the client went away). */
  abortSignal?: AbortSignal;
}

/** What a chat stream yields: text as it comes, then the stored draft. */
export type ChatEvent =
  | { type: 'text-delta'; text: string }
  | { type: 'finish'; artifactId: string; tokensIn: number | null; tokensOut: number | null; latencyMs: number | null };

export interface OpenedChat {
  meta: { model: string; dataBoundary: 'local' | 'external'; prompt: { id: string; version: string } };
  events: AsyncGenerator<ChatEvent>;
}

function modelFailure(error: unknown, reason: string): SuwenError {
  return error instanceof SuwenError ? error : new SuwenError('MODEL_UNAVAILABLE', 'Model failed', { params: { reason }, cause: error });
}

/**
 * Checks the request, starts the model and waits for its first event, so that a refusal or an
 * unreachable model is an ordinary error before any stream is committed to.
 */
export async function openChat(deps: ChatDeps, input: ChatInput): Promise<OpenedChat> {
  const { models } = deps;
  const { actor } = input;
  if (!models.configured) throw new SuwenError('MODEL_NOT_CONFIGURED', 'No model configured');
  if (input.patientId) {
    if (!(await patientExists(deps.store, input.patientId))) throw notFound('patient');
    await deps.access.check(actor, input.patientId, 'patient.read');
    // Consent before any model call: nothing of this patient goes to a model without it.
    try {
      await assertAiConsent(deps.store, input.patientId);
    } catch (error) {
      if (error instanceof SuwenError && error.code === 'CONSENT_REQUIRED') {
        await deps.audit.append(
          auditEvent(actor, 'model.call', {
            entityType: 'model',
            entityId: input.modelId ?? null,
            patientId: input.patientId,
            outcome: 'denied',
            details: { workflow: 'chat', code: 'CONSENT_REQUIRED' },
          }),
        );
      }
      throw error;
    }
  }
  const prompt = renderPrompt('chat.assistant', input.locale, { role: ROLE_WORDS[input.locale][actor.role] ?? actor.role });
  const context: ModelCallContext = {
    workflow: 'chat',
    actorId: actor.userId,
    actorRole: actor.role,
    requestId: actor.requestId,
    sourceIp: actor.sourceIp,
    patientId: input.patientId ?? null,
    containsPhi: input.patientId !== undefined || input.containsPatientData,
    privacy: { operator: null, counts: {} },
  };
  const profile = models.profile(input.modelId);
  const started = performance.now();
  const result = streamModelText({
    model: models.model(context, input.modelId),
    system: prompt.system,
    messages: input.messages,
    ...(input.abortSignal ? { abortSignal: input.abortSignal } : {}),
  });
  const parts = result.fullStream[Symbol.asyncIterator]();
  let first = await parts.next();
  while (!first.done && first.value.type !== 'text-delta' && first.value.type !== 'error' && first.value.type !== 'finish')
    first = await parts.next();
  if (!first.done && first.value.type === 'error') throw modelFailure(first.value.error, 'error');

  async function* events(): AsyncGenerator<ChatEvent> {
    let text = '';
    let part = first;
    while (!part.done) {
      const value = part.value;
      if (value.type === 'text-delta') {
        text += value.text;
        yield { type: 'text-delta', text: value.text };
      } else if (value.type === 'error') {
        throw modelFailure(value.error, 'stream');
      } else if (value.type === 'finish') {
        const usage = value.totalUsage;
        const artifact = await deps.artifacts.create(
          {
            kind: 'chat.answer',
            workflow: 'chat',
            patientId: input.patientId ?? null,
            model: { id: profile.id, version: profile.modelName },
            prompt: { id: prompt.templateId, version: prompt.version, hash: prompt.hash },
            inputHash: hashInput({ prompt: prompt.hash, messages: input.messages, patientId: input.patientId ?? null }),
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
          actor.userId,
        );
        await deps.access.recordChange(actor, 'artifact.create', {
          entityType: 'artifact',
          entityId: artifact.id,
          patientId: artifact.patientId,
          details: { kind: artifact.kind, model: profile.id },
        });
        yield {
          type: 'finish',
          artifactId: artifact.id,
          tokensIn: artifact.tokensIn,
          tokensOut: artifact.tokensOut,
          latencyMs: artifact.latencyMs,
        };
      }
      part = await parts.next();
    }
  }

  return {
    meta: { model: profile.id, dataBoundary: profile.dataBoundary, prompt: { id: prompt.templateId, version: prompt.version } },
    events: events(),
  };
}

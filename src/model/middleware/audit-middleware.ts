import type { LanguageModelV3Middleware, LanguageModelV3StreamPart, LanguageModelV3Usage } from '@ai-sdk/provider';
import type { AuditLog } from '../../audit/audit-log.js';
import { SuwenError } from '../../shared/errors.js';
import type { ModelCallContext, ModelProfile } from '../call-context.js';

/**
 * The outermost middleware: one audit entry per model call — who, which workflow, which model and
 * data boundary, latency (and time to first token for streams), tokens, and the outcome. The text
 * itself is never recorded here; the artifact holds the draft.
 */
export interface ModelCallRecord {
  outcome: 'success' | 'denied' | 'failure';
  code: string | null;
  latencyMs: number;
  ttftMs: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
  mode: 'generate' | 'stream';
}

function tokensOf(usage: LanguageModelV3Usage | undefined): { tokensIn: number | null; tokensOut: number | null } {
  return { tokensIn: usage?.inputTokens.total ?? null, tokensOut: usage?.outputTokens.total ?? null };
}

function outcomeOf(error: unknown): { outcome: 'denied' | 'failure'; code: string } {
  const code = error instanceof SuwenError ? error.code : 'MODEL_UNAVAILABLE';
  return { outcome: code === 'PHI_POLICY_VIOLATION' ? 'denied' : 'failure', code };
}

export function auditMiddleware(
  profile: ModelProfile,
  context: ModelCallContext,
  audit: AuditLog | null,
  onRecord?: (record: ModelCallRecord) => void,
): LanguageModelV3Middleware {
  const record = async (entry: ModelCallRecord) => {
    onRecord?.(entry);
    if (!audit) return;
    await audit.append({
      actorId: context.actorId ?? null,
      actorRole: context.actorRole ?? null,
      action: 'model.call',
      entityType: 'model',
      entityId: profile.id,
      patientId: context.patientId ?? null,
      outcome: entry.outcome,
      sourceIp: context.sourceIp ?? null,
      requestId: context.requestId ?? null,
      details: {
        workflow: context.workflow,
        model: profile.modelName,
        boundary: profile.dataBoundary,
        containsPhi: context.containsPhi,
        mode: entry.mode,
        latencyMs: Math.round(entry.latencyMs),
        ttftMs: entry.ttftMs === null ? null : Math.round(entry.ttftMs),
        tokensIn: entry.tokensIn,
        tokensOut: entry.tokensOut,
        code: entry.code,
        ...(context.privacy?.operator ? { deid: { operator: context.privacy.operator, counts: context.privacy.counts } } : {}),
      },
    });
  };

  return {
    specificationVersion: 'v3',
    wrapGenerate: async ({ doGenerate }) => {
      const started = performance.now();
      try {
        const result = await doGenerate();
        await record({
          outcome: 'success',
          code: null,
          latencyMs: performance.now() - started,
          ttftMs: null,
          mode: 'generate',
          ...tokensOf(result.usage),
        });
        return result;
      } catch (error) {
        await record({
          ...outcomeOf(error),
          latencyMs: performance.now() - started,
          ttftMs: null,
          tokensIn: null,
          tokensOut: null,
          mode: 'generate',
        });
        throw error;
      }
    },
    wrapStream: async ({ doStream }) => {
      const started = performance.now();
      let result: Awaited<ReturnType<typeof doStream>>;
      try {
        result = await doStream();
      } catch (error) {
        await record({
          ...outcomeOf(error),
          latencyMs: performance.now() - started,
          ttftMs: null,
          tokensIn: null,
          tokensOut: null,
          mode: 'stream',
        });
        throw error;
      }
      let ttftMs: number | null = null;
      let usage: LanguageModelV3Usage | undefined;
      let failure: unknown = null;
      let recorded = false;
      const finish = async (cancelled: boolean) => {
        if (recorded) return;
        recorded = true;
        const base = { latencyMs: performance.now() - started, ttftMs, mode: 'stream' as const, ...tokensOf(usage) };
        if (failure) await record({ ...outcomeOf(failure), ...base });
        else if (cancelled) await record({ outcome: 'failure', code: 'CANCELLED', ...base });
        else await record({ outcome: 'success', code: null, ...base });
      };
      const reader = result.stream.getReader();
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        pull: async (out) => {
          const next = await reader.read();
          if (next.done) {
            await finish(false);
            out.close();
            return;
          }
          const part = next.value;
          if (part.type === 'text-delta' && ttftMs === null) ttftMs = performance.now() - started;
          if (part.type === 'finish') usage = part.usage;
          if (part.type === 'error') failure = part.error;
          out.enqueue(part);
        },
        cancel: async (reason) => {
          await reader.cancel(reason).catch(() => undefined);
          await finish(true);
        },
      });
      return { ...result, stream };
    },
  };
}

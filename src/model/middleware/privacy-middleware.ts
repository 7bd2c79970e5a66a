import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Middleware,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { SuwenError } from '../../shared/errors.js';
import type { ModelCallContext, ModelProfile } from '../call-context.js';

/**
 * The privacy seam. Text bound for an `external` model that may carry patient data is handed to a
 * PrivacyGuard (the de-identification engine) before it leaves, and answers are re-identified when
 * they return. Until a guard is installed, such calls are refused with PHI_POLICY_VIOLATION unless
 * the administrator allowed external PHI explicitly (`SUWEN_ALLOW_EXTERNAL_PHI=1`).
 */
export interface PrivacyGuard {
  /** Replaces identifiers in the prompt; returns the safe prompt and a function that restores answers. */
  protect(
    prompt: LanguageModelV3Prompt,
    context: ModelCallContext,
  ): Promise<{ prompt: LanguageModelV3Prompt; restore: (text: string) => string }>;
}

export interface PrivacyPolicy {
  guard: PrivacyGuard | null;
  allowExternalPhi: boolean;
}

export function privacyMiddleware(profile: ModelProfile, context: ModelCallContext, policy: PrivacyPolicy): LanguageModelV3Middleware {
  const restorers = new WeakMap<LanguageModelV3CallOptions, (text: string) => string>();
  const needsProtection = profile.dataBoundary === 'external' && context.containsPhi;
  return {
    specificationVersion: 'v3',
    transformParams: async ({ params }) => {
      if (!needsProtection) return params;
      if (policy.guard) {
        const { prompt, restore } = await policy.guard.protect(params.prompt, context);
        const next = { ...params, prompt };
        restorers.set(next, restore);
        return next;
      }
      if (policy.allowExternalPhi) return params;
      throw new SuwenError('PHI_POLICY_VIOLATION', `Refused: patient data to external model ${profile.id} without de-identification`);
    },
    wrapGenerate: async ({ doGenerate, params }) => {
      const result = await doGenerate();
      const restore = restorers.get(params);
      if (!restore) return result;
      return { ...result, content: result.content.map((part) => (part.type === 'text' ? { ...part, text: restore(part.text) } : part)) };
    },
    wrapStream: async ({ doStream, params }) => {
      const result = await doStream();
      const restore = restorers.get(params);
      if (!restore) return result;
      // Pseudonyms can be split across deltas, so restore per text block rather than per delta.
      const buffers = new Map<string, string>();
      const stream = result.stream.pipeThrough(
        new TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart>({
          transform(part, out) {
            if (part.type === 'text-delta') {
              buffers.set(part.id, (buffers.get(part.id) ?? '') + part.delta);
              return;
            }
            if (part.type === 'text-end') {
              out.enqueue({ type: 'text-delta', id: part.id, delta: restore(buffers.get(part.id) ?? '') });
              buffers.delete(part.id);
            }
            out.enqueue(part);
          },
        }),
      );
      return { ...result, stream };
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import {
  type AnalyzerConfig,
  analyzePhi,
  anonymize,
  type OperatorName,
  type PhiType,
  PseudonymScope,
  type PseudonymVault,
  reidentify,
} from '../../privacy/index.js';
import type { ModelCallContext } from '../call-context.js';
import type { PrivacyGuard } from './privacy-middleware.js';

/**
 * The privacy seam, filled: every text part bound for an external model is de-identified with
 * the configured operator inside one pseudonym scope (the patient when there is one, so the same
 * person keeps the same pseudonym across calls; otherwise the request), the mapping goes to the
 * vault, and the answer is re-identified locally. The call context receives counts by type —
 * never the text — for the audit entry and the artifact.
 */
export function createDeidGuard(options: {
  vault: PseudonymVault;
  operator: OperatorName;
  analyzer?: AnalyzerConfig;
  /** The patient's identifiers as the record holds them; always removed, whatever the recognizers find. */
  knownIdentifiers?: (patientId: string) => Promise<{ text: string; type: PhiType }[]>;
}): PrivacyGuard {
  return {
    async protect(prompt: LanguageModelV3Prompt, context: ModelCallContext) {
      const scopeId = context.patientId ? `patient:${context.patientId}` : `request:${context.requestId ?? randomUUID()}`;
      const scope = new PseudonymScope({ scope: scopeId, secret: options.vault.secret });
      scope.preload(await options.vault.load(scopeId));
      const known = context.patientId && options.knownIdentifiers ? await options.knownIdentifiers(context.patientId) : [];
      const analyzer: AnalyzerConfig | undefined =
        known.length > 0 ? { ...options.analyzer, denyList: [...(options.analyzer?.denyList ?? []), ...known] } : options.analyzer;
      const counts: Partial<Record<PhiType, number>> = {};
      const protectText = (text: string): string => {
        const findings = analyzePhi(text, { language: 'auto', ...(analyzer ? { config: analyzer } : {}) });
        for (const finding of findings) counts[finding.type] = (counts[finding.type] ?? 0) + 1;
        return anonymize(text, findings, options.operator, scope).text;
      };
      const safe = prompt.map((message) => {
        if (message.role === 'system') return { ...message, content: protectText(message.content) };
        if (message.role === 'user' || message.role === 'assistant') {
          return {
            ...message,
            content: message.content.map((part) => (part.type === 'text' ? { ...part, text: protectText(part.text) } : part)),
          };
        }
        return message;
      }) as LanguageModelV3Prompt;
      await options.vault.save(scopeId, scope.newEntries());
      if (context.privacy) {
        context.privacy.operator = options.operator;
        for (const [type, n] of Object.entries(counts))
          context.privacy.counts[type as PhiType] = (context.privacy.counts[type as PhiType] ?? 0) + n;
      }
      const entries = scope.entries();
      return { prompt: safe, restore: (text: string) => reidentify(text, entries) };
    },
  };
}

import type { LanguageModelV3 } from '@ai-sdk/provider';
import { wrapLanguageModel } from 'ai';
import type { AuditLog } from '../audit/audit-log.js';
import type { ModelConfig } from '../config/load-config.js';
import { SuwenError } from '../shared/errors.js';
import type { ModelCallContext, ModelProfile } from './call-context.js';
import { isUsableModel } from './describe-models.js';
import { auditMiddleware, type ModelCallRecord } from './middleware/audit-middleware.js';
import { limitsMiddleware } from './middleware/limits-middleware.js';
import { type PrivacyGuard, privacyMiddleware } from './middleware/privacy-middleware.js';
import { Semaphore } from './middleware/semaphore.js';
import { baseUrlOf, dataBoundaryOf } from './presets.js';
import { createLlamaCppModel } from './providers/llama-cpp/llama-cpp-model.js';
import { createNoneModel } from './providers/none-model.js';
import { createOpenAiCompatibleModel } from './providers/openai-compatible.js';

/**
 * The one seam between Suwen and language models. It holds the configured models (or `none`),
 * and hands a workflow a model bound to its call context, wrapped in middleware in a fixed order:
 * audit (outermost) → privacy → limits → the provider.
 */
interface Entry {
  profile: ModelProfile;
  config: ModelConfig | null;
  base: LanguageModelV3;
  semaphore: Semaphore;
  dispose?: () => Promise<void>;
}

export interface GatewayOptions {
  audit: AuditLog | null;
  privacyGuard?: PrivacyGuard | null;
  allowExternalPhi?: boolean;
  /** For tests and benchmarks: a fetch for OpenAI-compatible providers. */
  fetch?: typeof fetch;
  /** Observes each call's audit record (used by artifacts and benchmarks). */
  onCall?: (record: ModelCallRecord, context: ModelCallContext, profile: ModelProfile) => void;
}

const NONE_PROFILE: ModelProfile = {
  id: 'none',
  kind: 'none',
  modelName: 'none',
  dataBoundary: 'local',
  concurrency: 1,
  timeoutMs: 1000,
  idleTimeoutMs: 1000,
  maxRetries: 0,
};

export class ModelGateway {
  private readonly entries: Entry[];
  private readonly none: Entry;

  constructor(
    models: ModelConfig[],
    private readonly options: GatewayOptions,
  ) {
    this.entries = models.filter(isUsableModel).map((config) => createEntry(config, options));
    this.none = { profile: NONE_PROFILE, config: null, base: createNoneModel(), semaphore: new Semaphore(1) };
  }

  /** Whether any model is configured; with none, generation features say how to connect one. */
  get configured(): boolean {
    return this.entries.length > 0;
  }

  profiles(): ModelProfile[] {
    return this.entries.map((e) => e.profile);
  }

  /** The profile of a model by id, the default (first) model without an id, or `none`. */
  profile(id?: string): ModelProfile {
    return this.entry(id).profile;
  }

  /** A model ready for one workflow call: audited, privacy-checked, limited. */
  model(context: ModelCallContext, id?: string): LanguageModelV3 {
    const entry = this.entry(id);
    const onRecord = this.options.onCall ? (record: ModelCallRecord) => this.options.onCall?.(record, context, entry.profile) : undefined;
    return wrapLanguageModel({
      model: entry.base,
      middleware: [
        auditMiddleware(entry.profile, context, this.options.audit, onRecord),
        privacyMiddleware(entry.profile, context, {
          guard: this.options.privacyGuard ?? null,
          allowExternalPhi: this.options.allowExternalPhi ?? false,
        }),
        limitsMiddleware(entry.profile, entry.semaphore),
      ],
    });
  }

  /** Is the endpoint up? `GET /models` for an endpoint; the file for a GGUF model. */
  async reachability(id?: string): Promise<{ reachable: boolean; detail: string }> {
    const entry = this.entry(id);
    if (!entry.config) return { reachable: false, detail: 'no model configured' };
    if (entry.config.gguf) {
      const { existsSync } = await import('node:fs');
      return existsSync(entry.config.gguf)
        ? { reachable: true, detail: 'GGUF file present' }
        : { reachable: false, detail: 'GGUF file missing' };
    }
    const url = `${(baseUrlOf(entry.config) ?? '').replace(/\/$/, '')}/models`;
    const headers: Record<string, string> = { ...entry.config.headers };
    if (entry.config.apiKey)
      headers[entry.config.preset === 'azure' ? 'api-key' : 'authorization'] =
        entry.config.preset === 'azure' ? entry.config.apiKey : `Bearer ${entry.config.apiKey}`;
    try {
      const response = await (this.options.fetch ?? fetch)(url, { headers, signal: AbortSignal.timeout(5000) });
      return { reachable: response.ok, detail: `HTTP ${response.status}` };
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      return { reachable: false, detail: code ?? (error as Error).name };
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(this.entries.map((e) => (e.dispose ? e.dispose() : Promise.resolve())));
  }

  private entry(id?: string): Entry {
    if (id === undefined) return this.entries[0] ?? this.none;
    const found = this.entries.find((e) => e.profile.id === id);
    if (found) return found;
    if (!this.configured) return this.none;
    throw new SuwenError('VALIDATION_FAILED', `Unknown model ${id}`, { params: { summary: `model: unknown id "${id}"` } });
  }
}

function createEntry(config: ModelConfig, options: GatewayOptions): Entry {
  const profile: ModelProfile = {
    id: config.id,
    kind: config.gguf ? 'llama-cpp' : 'openai-compatible',
    modelName: config.name ?? config.gguf?.split('/').at(-1) ?? config.id,
    dataBoundary: dataBoundaryOf(config),
    concurrency: config.gguf ? 1 : config.concurrency,
    timeoutMs: config.timeoutMs,
    idleTimeoutMs: config.idleTimeoutMs,
    maxRetries: config.gguf ? 0 : config.maxRetries,
  };
  if (config.gguf) {
    const model = createLlamaCppModel({
      modelPath: config.gguf,
      modelId: profile.modelName,
      ...(config.threads ? { threads: config.threads } : {}),
    });
    return { profile, config, base: model, semaphore: new Semaphore(1), dispose: () => model.dispose() };
  }
  return {
    profile,
    config,
    base: createOpenAiCompatibleModel(config, options.fetch ? { fetch: options.fetch } : {}),
    semaphore: new Semaphore(profile.concurrency),
  };
}

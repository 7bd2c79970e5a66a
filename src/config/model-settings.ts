import type { ModelConfig } from './load-config.js';

/**
 * What the settings page and `suwen doctor` show about the configured models: never the key.
 * A local GGUF file is always `local`; an endpoint on loopback defaults to `local`, any other
 * endpoint to `external` (de-identification applies) unless the operator says otherwise.
 */
export interface ModelDescription {
  id: string;
  kind: 'openai-compatible' | 'llama-cpp';
  baseUrl: string | null;
  name: string | null;
  dataBoundary: 'local' | 'external';
  gguf: string | null;
  hasApiKey: boolean;
}

export function defaultBoundary(model: ModelConfig): 'local' | 'external' {
  if (model.dataBoundary) return model.dataBoundary;
  if (model.gguf) return 'local';
  try {
    const host = new URL(model.baseUrl ?? '').hostname;
    return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.') ? 'local' : 'external';
  } catch {
    return 'external';
  }
}

export function describeModels(models: ModelConfig[]): { configured: boolean; models: ModelDescription[] } {
  const described = models
    .filter((m) => m.gguf || (m.baseUrl && m.name))
    .map((m) => ({
      id: m.id,
      kind: m.gguf ? ('llama-cpp' as const) : ('openai-compatible' as const),
      baseUrl: m.baseUrl ?? null,
      name: m.name ?? null,
      dataBoundary: defaultBoundary(m),
      gguf: m.gguf ?? null,
      hasApiKey: Boolean(m.apiKey),
    }));
  return { configured: described.length > 0, models: described };
}

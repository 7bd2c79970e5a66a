import type { ModelConfig } from '../config/load-config.js';
import { baseUrlOf, dataBoundaryOf, presetOf } from './presets.js';

/** What the settings page and `suwen doctor` show about the configured models: never the key. */
export interface ModelDescription {
  id: string;
  kind: 'openai-compatible' | 'llama-cpp';
  preset: string;
  baseUrl: string | null;
  name: string | null;
  dataBoundary: 'local' | 'external';
  gguf: string | null;
  hasApiKey: boolean;
}

export function isUsableModel(model: ModelConfig): boolean {
  return Boolean(model.gguf || (baseUrlOf(model) && model.name));
}

export function describeModels(models: ModelConfig[]): { configured: boolean; models: ModelDescription[] } {
  const described = models.filter(isUsableModel).map((m) => ({
    id: m.id,
    kind: m.gguf ? ('llama-cpp' as const) : ('openai-compatible' as const),
    preset: m.gguf ? 'gguf' : presetOf(m).label,
    baseUrl: m.gguf ? null : baseUrlOf(m),
    name: m.name ?? null,
    dataBoundary: dataBoundaryOf(m),
    gguf: m.gguf ?? null,
    hasApiKey: Boolean(m.apiKey),
  }));
  return { configured: described.length > 0, models: described };
}

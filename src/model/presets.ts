import type { ModelConfig } from '../config/load-config.js';

/**
 * What differs between the OpenAI-compatible servers hospitals run. Each preset fills in what the
 * operator did not say; anything configured explicitly wins.
 */
export interface ServerPreset {
  label: string;
  /** Used when no base URL is configured. */
  defaultBaseUrl?: string;
  dataBoundary: 'local' | 'external';
  /** Sends `response_format: json_schema`; otherwise JSON mode plus the schema in the prompt. */
  structuredOutputs: boolean;
  /** Azure sends the key as `api-key` and needs `api-version`. */
  apiKeyHeader?: 'authorization' | 'api-key';
  defaultApiVersion?: string;
  /** vLLM (older releases) and SGLang read the schema from `guided_json`. */
  guidedJson?: boolean;
}

export const PRESETS: Record<NonNullable<ModelConfig['preset']>, ServerPreset> = {
  openai: { label: 'OpenAI', defaultBaseUrl: 'https://api.openai.com/v1', dataBoundary: 'external', structuredOutputs: true },
  azure: {
    label: 'Azure OpenAI',
    dataBoundary: 'external',
    structuredOutputs: true,
    apiKeyHeader: 'api-key',
    defaultApiVersion: '2024-10-21',
  },
  ollama: { label: 'Ollama', defaultBaseUrl: 'http://127.0.0.1:11434/v1', dataBoundary: 'local', structuredOutputs: true },
  vllm: { label: 'vLLM', defaultBaseUrl: 'http://127.0.0.1:8000/v1', dataBoundary: 'local', structuredOutputs: true, guidedJson: true },
  sglang: { label: 'SGLang', defaultBaseUrl: 'http://127.0.0.1:30000/v1', dataBoundary: 'local', structuredOutputs: true },
  'llamacpp-server': {
    label: 'llama.cpp server',
    defaultBaseUrl: 'http://127.0.0.1:8080/v1',
    dataBoundary: 'local',
    structuredOutputs: true,
  },
  lmstudio: { label: 'LM Studio', defaultBaseUrl: 'http://127.0.0.1:1234/v1', dataBoundary: 'local', structuredOutputs: true },
  deepseek: { label: 'DeepSeek', defaultBaseUrl: 'https://api.deepseek.com/v1', dataBoundary: 'external', structuredOutputs: false },
  dashscope: {
    label: 'Qwen (DashScope compatible mode)',
    defaultBaseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    dataBoundary: 'external',
    structuredOutputs: false,
  },
  generic: { label: 'OpenAI-compatible', dataBoundary: 'external', structuredOutputs: true },
};

export function presetOf(model: ModelConfig): ServerPreset {
  return PRESETS[model.preset ?? 'generic'];
}

export function baseUrlOf(model: ModelConfig): string | null {
  return model.baseUrl ?? presetOf(model).defaultBaseUrl ?? null;
}

/**
 * Where the data goes. Explicit configuration wins; a GGUF file is local; an endpoint on this
 * machine is local; a preset says what its server usually is; anything else is external, so
 * de-identification applies unless an operator says otherwise.
 */
export function dataBoundaryOf(model: ModelConfig): 'local' | 'external' {
  if (model.dataBoundary) return model.dataBoundary;
  if (model.gguf) return 'local';
  const url = baseUrlOf(model);
  if (url) {
    try {
      const host = new URL(url).hostname;
      if (host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.')) return 'local';
    } catch {
      return 'external';
    }
  }
  return model.preset && model.baseUrl === undefined ? presetOf(model).dataBoundary : 'external';
}

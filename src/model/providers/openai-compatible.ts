import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { ModelConfig } from '../../config/load-config.js';
import { baseUrlOf, presetOf } from '../presets.js';

/**
 * A model behind any OpenAI-compatible endpoint, on the AI SDK's provider (streaming, JSON schema
 * output, tool calls). The preset adapts the request to the server: Azure's key header and
 * api-version, vLLM's `guided_json`, JSON mode where a server has no JSON-schema support.
 */
export function createOpenAiCompatibleModel(model: ModelConfig, options: { fetch?: typeof fetch } = {}): LanguageModelV3 {
  const preset = presetOf(model);
  const baseURL = baseUrlOf(model);
  if (!baseURL || !model.name) throw new Error(`Model "${model.id}" needs a base URL and a model name`);
  const headers: Record<string, string> = { ...model.headers };
  let apiKey = model.apiKey;
  if (preset.apiKeyHeader === 'api-key' && apiKey) {
    headers['api-key'] = apiKey;
    apiKey = undefined;
  }
  const apiVersion = model.apiVersion ?? preset.defaultApiVersion;
  const provider = createOpenAICompatible({
    name: `suwen.${model.id}`,
    baseURL: baseURL.replace(/\/$/, ''),
    ...(apiKey ? { apiKey } : {}),
    headers,
    ...(apiVersion ? { queryParams: { 'api-version': apiVersion } } : {}),
    includeUsage: true,
    supportsStructuredOutputs: preset.structuredOutputs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(preset.guidedJson ? { transformRequestBody: moveSchemaToGuidedJson } : {}),
  });
  return provider.chatModel(model.name);
}

/** vLLM's guided decoding reads the schema from `guided_json` on releases before json_schema support. */
function moveSchemaToGuidedJson(body: Record<string, unknown>): Record<string, unknown> {
  const format = body.response_format as { type?: string; json_schema?: { schema?: unknown } } | undefined;
  if (format?.type !== 'json_schema' || !format.json_schema?.schema) return body;
  const { response_format: _dropped, ...rest } = body;
  return { ...rest, guided_json: format.json_schema.schema };
}

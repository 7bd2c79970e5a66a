import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ModelConfig } from '../config/load-config.js';
import { describeModels } from './describe-models.js';
import { ModelGateway } from './model-gateway.js';
import { baseUrlOf, dataBoundaryOf } from './presets.js';
import { generateStructured } from './structured-output.js';
import { type ScriptedModelServer, startScriptedModelServer } from './testing/scripted-model-server.js';

const base = { concurrency: 4, timeoutMs: 5000, idleTimeoutMs: 2000, maxRetries: 0 };
const context = { workflow: 'test', containsPhi: false };
const schema = z.object({ drug: z.string() });

describe('server presets', () => {
  let upstream: ScriptedModelServer;
  beforeAll(async () => {
    upstream = await startScriptedModelServer();
  });
  afterAll(async () => {
    await upstream?.close();
  });

  async function structuredCall(config: ModelConfig) {
    upstream.enqueue({ kind: 'json', value: { drug: 'Metformin' } });
    const gateway = new ModelGateway([config], { audit: null });
    await generateStructured({ model: gateway.model(context), schema, locale: 'en', messages: [{ role: 'user', content: 'x' }] });
    const request = upstream.requests.at(-1);
    if (!request) throw new Error('no request');
    return request;
  }

  it('Azure: sends the key as api-key with the api-version query, not a bearer token', async () => {
    const request = await structuredCall({
      ...base,
      id: 'az',
      preset: 'azure',
      baseUrl: upstream.baseUrl,
      name: 'gpt-4o',
      apiKey: 'azure-key',
    });
    expect(request.headers['api-key']).toBe('azure-key');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.url).toContain('api-version=2024-10-21');
  });

  it('vLLM: puts the JSON schema in guided_json', async () => {
    const request = await structuredCall({ ...base, id: 'v', preset: 'vllm', baseUrl: upstream.baseUrl, name: 'qwen' });
    expect(request.body.guided_json).toMatchObject({ type: 'object', properties: { drug: { type: 'string' } } });
    expect(request.body.response_format).toBeUndefined();
  });

  it('DeepSeek: JSON mode, with the schema carried in the prompt', async () => {
    const request = await structuredCall({
      ...base,
      id: 'd',
      preset: 'deepseek',
      baseUrl: upstream.baseUrl,
      name: 'deepseek-chat',
      apiKey: 'k',
    });
    expect(request.body.response_format).toEqual({ type: 'json_object' });
    expect(JSON.stringify(request.body.messages)).toContain('\\"drug\\"');
    expect(request.headers.authorization).toBe('Bearer k');
  });

  it('fill in default endpoints and data boundaries', () => {
    expect(baseUrlOf({ ...base, id: 'o', preset: 'ollama', name: 'qwen2.5:7b' })).toBe('http://127.0.0.1:11434/v1');
    expect(baseUrlOf({ ...base, id: 'q', preset: 'dashscope', name: 'qwen-plus' })).toBe(
      'https://dashscope.aliyuncs.com/compatible-mode/v1',
    );
    expect(dataBoundaryOf({ ...base, id: 'o', preset: 'ollama', name: 'x' })).toBe('local');
    expect(dataBoundaryOf({ ...base, id: 'q', preset: 'dashscope', name: 'x' })).toBe('external');
    expect(dataBoundaryOf({ ...base, id: 'v', preset: 'vllm', baseUrl: 'http://10.1.2.3:8000/v1', name: 'x' })).toBe('external');
    expect(dataBoundaryOf({ ...base, id: 'v', preset: 'vllm', baseUrl: 'http://10.1.2.3:8000/v1', name: 'x', dataBoundary: 'local' })).toBe(
      'local',
    );
    expect(dataBoundaryOf({ ...base, id: 'g', gguf: '/m.gguf' })).toBe('local');
    const described = describeModels([{ ...base, id: 'c', preset: 'openai', name: 'gpt-4o-mini', apiKey: 'sk-secret' }]);
    expect(described.models[0]).toMatchObject({
      preset: 'OpenAI',
      baseUrl: 'https://api.openai.com/v1',
      dataBoundary: 'external',
      hasApiKey: true,
    });
    expect(JSON.stringify(described)).not.toContain('sk-secret');
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LanguageModelV3CallOptions, LanguageModelV3Prompt, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { generateObject, generateText, Output, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { writeTinyGguf } from '../../testing/tiny-gguf.js';
import { createLlamaCppModel, type LlamaCppLanguageModel } from './llama-cpp-model.js';

const prompt: LanguageModelV3Prompt = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: [{ type: 'text', text: 'Summarise the note.' }] },
];
const prescription = z.object({ drug: z.string(), doseMg: z.number(), route: z.enum(['po', 'iv']) });

let dir: string;
let modelPath: string;
let model: LlamaCppLanguageModel;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'suwen-llama-cpp-'));
  modelPath = join(dir, 'tiny.gguf');
  await writeTinyGguf(modelPath);
  // threads: 1 — on a 2-core machine two llama.cpp threads are ~20× slower than one.
  model = createLlamaCppModel({ modelPath, contextSize: 2048, threads: 1 });
});

afterAll(async () => {
  await model.dispose();
  await rm(dir, { recursive: true, force: true });
});

function call(overrides: Partial<LanguageModelV3CallOptions> = {}): LanguageModelV3CallOptions {
  return { prompt, maxOutputTokens: 24, ...overrides };
}

async function readAll(stream: ReadableStream<LanguageModelV3StreamPart>): Promise<LanguageModelV3StreamPart[]> {
  const parts: LanguageModelV3StreamPart[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
  return parts;
}

describe('createLlamaCppModel', () => {
  it('describes itself as a v3 llama-cpp model named after the file', () => {
    expect(model).toMatchObject({ specificationVersion: 'v3', provider: 'llama-cpp', modelId: 'tiny', supportedUrls: {} });
  });

  it('generates text and reports token usage', async () => {
    const result = await model.doGenerate(call());
    const text = result.content.find((c) => c.type === 'text');
    expect(text?.type === 'text' && text.text.length).toBeGreaterThan(0);
    expect(result.usage.inputTokens.total).toBeGreaterThan(5);
    expect(result.usage.outputTokens.total).toBeGreaterThan(0);
    expect(result.usage.outputTokens.total).toBeLessThanOrEqual(24);
    expect(['stop', 'length']).toContain(result.finishReason.unified);
    expect(result.warnings).toEqual([]);
  });

  it('stops at maxOutputTokens with finish reason length', async () => {
    const result = await model.doGenerate(call({ maxOutputTokens: 5 }));
    expect(result.finishReason).toEqual({ unified: 'length', raw: 'maxTokens' });
    expect(result.usage.outputTokens.total).toBe(5);
  });

  it('stops at a stop sequence with finish reason stop', async () => {
    // The tiny model's biased output channel makes `"` its greedy choice.
    const result = await model.doGenerate(call({ stopSequences: ['"'] }));
    expect(result.finishReason).toEqual({ unified: 'stop', raw: 'customStopTrigger' });
  });

  it('streams stream-start, text-start, text-deltas, text-end and finish in order', async () => {
    const { stream } = await model.doStream(call({ maxOutputTokens: 8 }));
    const parts = await readAll(stream);
    const types = parts.map((p) => p.type);
    expect(types[0]).toBe('stream-start');
    expect(types[1]).toBe('text-start');
    expect(types.slice(2, -2).every((t) => t === 'text-delta')).toBe(true);
    expect(types.slice(-2)).toEqual(['text-end', 'finish']);
    expect(types.filter((t) => t === 'text-delta').length).toBeGreaterThan(0);
    const finish = parts.at(-1);
    expect(finish?.type === 'finish' && finish.finishReason.unified).toBe('length');
    expect(finish?.type === 'finish' && finish.usage.outputTokens.total).toBe(8);
  });

  it.each([1, 2, 3, 4, 5])('constrains output to a JSON schema even with random weights (seed %i)', async (seed) => {
    const result = await model.doGenerate(
      call({
        maxOutputTokens: 200,
        temperature: 1,
        seed,
        responseFormat: { type: 'json', schema: z.toJSONSchema(prescription) as never },
      }),
    );
    const text = result.content.find((c) => c.type === 'text');
    const json: unknown = JSON.parse(text?.type === 'text' ? text.text : '');
    expect(prescription.safeParse(json).success).toBe(true);
    expect(result.finishReason.unified).toBe('stop');
  });

  it('warns that tools and non-text parts are unsupported, and still answers', async () => {
    const result = await model.doGenerate({
      prompt: [
        {
          role: 'user',
          content: [
            { type: 'file', mediaType: 'image/png', data: 'AAAA' },
            { type: 'text', text: 'Hi' },
          ],
        },
      ],
      maxOutputTokens: 4,
      tools: [{ type: 'function', name: 'lookup', inputSchema: { type: 'object' } }],
    });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'unsupported', feature: 'tools' }),
        expect.objectContaining({ type: 'unsupported', feature: 'user file parts' }),
      ]),
    );
  });

  it('serialises concurrent calls on the one context sequence', async () => {
    const results = await Promise.all([1, 2, 3].map(() => model.doGenerate(call({ maxOutputTokens: 4 }))));
    expect(results.map((r) => r.usage.outputTokens.total)).toEqual([4, 4, 4]);
  });
});

describe('cancellation', () => {
  it('rejects at once when the signal is already aborted', async () => {
    const signal = AbortSignal.abort();
    await expect(model.doGenerate(call({ abortSignal: signal }))).rejects.toThrow(/abort/i);
    await expect(model.doStream(call({ abortSignal: signal }))).rejects.toThrow(/abort/i);
  });

  it('ends a stream promptly when aborted mid-generation, and the model keeps working', async () => {
    const controller = new AbortController();
    const { stream } = await model.doStream(call({ maxOutputTokens: 1500, abortSignal: controller.signal }));
    const reader = stream.getReader();
    const seen: string[] = [];
    let abortedAt = 0;
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          seen.push(value.type);
          if (value.type === 'text-delta' && !abortedAt) {
            abortedAt = Date.now();
            controller.abort();
          }
        }
      })(),
    ).rejects.toThrow(/abort/i);
    // 1500 tokens take several seconds here; an abort must end the stream well before that.
    expect(Date.now() - abortedAt).toBeLessThan(500);
    expect(seen).not.toContain('finish');
    const after = await model.doGenerate(call({ maxOutputTokens: 3 }));
    expect(after.usage.outputTokens.total).toBe(3);
  });

  it('releases a queued call at once when its signal aborts, leaving the running call alone', async () => {
    const running = model.doGenerate(call({ maxOutputTokens: 300 }));
    const controller = new AbortController();
    const queued = model.doGenerate(call({ abortSignal: controller.signal }));
    const started = Date.now();
    controller.abort();
    await expect(queued).rejects.toThrow(/abort/i);
    expect(Date.now() - started).toBeLessThan(100);
    expect((await running).usage.outputTokens.total).toBe(300);
  });

  it('stops generating when the stream reader cancels', async () => {
    const { stream } = await model.doStream(call({ maxOutputTokens: 1500 }));
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    const after = await model.doGenerate(call({ maxOutputTokens: 3 }));
    expect(after.finishReason.unified).toBe('length');
  });
});

describe('loading', () => {
  it('names the path when the model file is missing', async () => {
    const missing = join(dir, 'nope.gguf');
    const broken = createLlamaCppModel({ modelPath: missing });
    await expect(broken.doGenerate(call())).rejects.toThrow(missing);
    await expect(broken.doStream(call())).rejects.toMatchObject({ code: 'model-not-found' });
    await broken.dispose();
  });

  it('refuses calls after dispose', async () => {
    const other = createLlamaCppModel({ modelPath, contextSize: 2048, threads: 1 });
    await other.doGenerate(call({ maxOutputTokens: 2 }));
    await other.dispose();
    await expect(other.doGenerate(call())).rejects.toMatchObject({ code: 'disposed' });
  });
});

describe('through the AI SDK', () => {
  it('works with generateText', async () => {
    const result = await generateText({ model, prompt: 'Summarise the note.', maxOutputTokens: 6 });
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.finishReason).toBe('length');
    expect(result.usage.outputTokens).toBe(6);
  });

  it('works with streamText', async () => {
    const result = streamText({ model, system: 'Be brief.', prompt: 'Summarise the note.', maxOutputTokens: 6 });
    const chunks: string[] = [];
    for await (const chunk of result.textStream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(0);
    expect(await result.text).toBe(chunks.join(''));
    expect(await result.finishReason).toBe('length');
  });

  it('works with generateObject and a zod schema', async () => {
    const { object } = await generateObject({ model, schema: prescription, prompt: 'Extract the prescription.', maxOutputTokens: 200 });
    expect(prescription.parse(object)).toEqual(object);
  });

  it('works with generateText and Output.object', async () => {
    const { output } = await generateText({
      model,
      output: Output.object({ schema: prescription }),
      prompt: 'Extract the prescription.',
      maxOutputTokens: 200,
      temperature: 1,
      seed: 9,
    });
    expect(prescription.safeParse(output).success).toBe(true);
  });
});

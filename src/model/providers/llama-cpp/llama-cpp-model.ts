/**
 * An embedded llama.cpp model behind the AI SDK's `LanguageModelV3` interface: a GGUF file on this
 * machine, no server. node-llama-cpp loads lazily on the first call; one context sequence serves
 * all calls, one at a time.
 *
 * @example
 * ```ts
 * const model = createLlamaCppModel({ modelPath: '/models/qwen2.5-1.5b-instruct-q4_k_m.gguf' });
 * const { text } = await generateText({ model, prompt: 'Summarise: …' });
 * await model.dispose();
 * ```
 */
import { basename } from 'node:path';
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
  SharedV3Warning,
} from '@ai-sdk/provider';
import type {
  ChatHistoryItem,
  GbnfJsonSchema,
  LLamaChatGenerateResponseOptions,
  LlamaChatResponse,
  LlamaChatResponseChunk,
  LlamaGrammar,
} from 'node-llama-cpp';
import { convertToLlamaChatHistory } from './convert-prompt.js';
import { toGrammarJsonSchema } from './grammar-json-schema.js';
import {
  disposeLlamaCppRuntime,
  LlamaCppError,
  type LlamaCppRuntime,
  type LlamaCppRuntimeSettings,
  loadLlamaCppRuntime,
} from './llama-cpp-runtime.js';
import { abortError, isAbortError, SerialQueue } from './serial-queue.js';

export { LlamaCppError, type LlamaCppErrorCode } from './llama-cpp-runtime.js';

export interface LlamaCppModelSettings extends LlamaCppRuntimeSettings {
  /** Reported model id; default: the file name without `.gguf`. */
  modelId?: string;
  /** Output token cap when a call sets no `maxOutputTokens` (default 2048), so a looping model stops. */
  maxTokens?: number;
}

export type LlamaCppLanguageModel = LanguageModelV3 & {
  /** Frees the model and its context. Waits for the running call; later calls fail. */
  dispose(): Promise<void>;
};

const DEFAULT_MAX_TOKENS = 2048;
/** Grammars compile once per schema; a handful of schemas are in use at a time. */
const MAX_CACHED_GRAMMARS = 32;

interface PreparedCall {
  history: ChatHistoryItem[];
  options: LLamaChatGenerateResponseOptions;
  inputTokens: number;
}

interface CallEvents {
  onText(delta: string): void;
  onReasoning(delta: string): void;
}

export function createLlamaCppModel(settings: LlamaCppModelSettings): LlamaCppLanguageModel {
  const modelId = settings.modelId ?? basename(settings.modelPath).replace(/\.gguf$/i, '');
  const queue = new SerialQueue();
  const grammars = new Map<string, Promise<LlamaGrammar>>();
  let runtime: Promise<LlamaCppRuntime> | undefined;
  let disposed = false;

  function getRuntime(): Promise<LlamaCppRuntime> {
    if (disposed) return Promise.reject(new LlamaCppError('disposed', `The llama.cpp model ${modelId} has been disposed.`));
    runtime ??= loadLlamaCppRuntime(settings).catch((error: unknown) => {
      runtime = undefined; // let a later call retry, e.g. once the file is in place
      throw error;
    });
    return runtime;
  }

  function grammarFor(rt: LlamaCppRuntime, call: LanguageModelV3CallOptions): Promise<LlamaGrammar> | undefined {
    if (call.responseFormat?.type !== 'json') return undefined;
    const schema = call.responseFormat.schema;
    const key = schema ? JSON.stringify(schema) : '';
    let grammar = grammars.get(key);
    if (!grammar) {
      grammar = schema ? rt.llama.createGrammarForJsonSchema<GbnfJsonSchema>(toGrammarJsonSchema(schema)) : rt.llama.getGrammarFor('json');
      grammar.catch(() => grammars.delete(key));
      if (grammars.size >= MAX_CACHED_GRAMMARS) grammars.clear();
      grammars.set(key, grammar);
    }
    return grammar;
  }

  async function prepare(rt: LlamaCppRuntime, call: LanguageModelV3CallOptions, signal: AbortSignal | undefined, events: CallEvents) {
    const { history, warnings } = convertToLlamaChatHistory(call.prompt);
    if (call.tools?.length) warnings.push({ type: 'unsupported', feature: 'tools', details: 'The llama-cpp provider ignores tools.' });
    if (call.toolChoice) warnings.push({ type: 'unsupported', feature: 'toolChoice' });
    const grammar = await grammarFor(rt, call);
    const penalties = call.presencePenalty !== undefined || call.frequencyPenalty !== undefined;
    const options: LLamaChatGenerateResponseOptions = {
      maxTokens: call.maxOutputTokens ?? settings.maxTokens ?? DEFAULT_MAX_TOKENS,
      ...(call.temperature !== undefined ? { temperature: call.temperature } : {}),
      ...(call.topP !== undefined ? { topP: call.topP } : {}),
      ...(call.topK !== undefined ? { topK: call.topK } : {}),
      ...(call.seed !== undefined ? { seed: call.seed } : {}),
      ...(call.stopSequences?.length ? { customStopTriggers: call.stopSequences } : {}),
      ...(penalties ? { repeatPenalty: { presencePenalty: call.presencePenalty, frequencyPenalty: call.frequencyPenalty } } : {}),
      ...(grammar ? { grammar } : {}),
      ...(signal ? { signal } : {}),
      onResponseChunk: (chunk: LlamaChatResponseChunk) => {
        if (chunk.type === undefined) events.onText(chunk.text);
        else if (chunk.segmentType === 'thought') events.onReasoning(chunk.text);
      },
    };
    const inputTokens = rt.chat.chatWrapper.generateContextState({ chatHistory: history }).contextText.tokenize(rt.model.tokenizer).length;
    const prepared: PreparedCall = { history, options, inputTokens };
    return { prepared, warnings };
  }

  /** Runs one generation with the model to itself; counts generated tokens as they arrive. */
  async function generate(prepared: PreparedCall, rt: LlamaCppRuntime, signal: AbortSignal | undefined) {
    if (signal?.aborted) throw abortError(signal);
    let outputTokens = 0;
    const response = await rt.chat.generateResponse(prepared.history, {
      ...prepared.options,
      onToken: (tokens) => {
        outputTokens += tokens.length;
      },
    });
    return { response, usage: toUsage(prepared.inputTokens, outputTokens), finishReason: toFinishReason(response) };
  }

  return {
    specificationVersion: 'v3',
    provider: 'llama-cpp',
    modelId,
    supportedUrls: {},

    async doGenerate(call: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
      const signal = call.abortSignal;
      if (signal?.aborted) throw abortError(signal);
      return queue.run(async () => {
        const rt = await getRuntime();
        const noop = (): void => undefined;
        const { prepared, warnings } = await prepare(rt, call, signal, { onText: noop, onReasoning: noop });
        const { response, usage, finishReason } = await generate(prepared, rt, signal);
        return { content: toContent(response), finishReason, usage, warnings, response: { modelId, timestamp: new Date() } };
      }, signal);
    },

    async doStream(call: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
      if (call.abortSignal?.aborted) throw abortError(call.abortSignal);
      // Load before returning the stream, so a missing or broken model rejects the call itself,
      // as a refused connection would with an HTTP provider.
      await getRuntime();
      // Cancelling the stream (reader.cancel()) stops generation as the caller's signal would.
      const cancel = new AbortController();
      const signal = call.abortSignal ? AbortSignal.any([call.abortSignal, cancel.signal]) : cancel.signal;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start: (controller) => {
          const writer = createStreamWriter(controller, signal);
          queue
            .run(async () => {
              const rt = await getRuntime();
              const { prepared, warnings } = await prepare(rt, call, signal, writer);
              writer.begin(warnings);
              const { usage, finishReason } = await generate(prepared, rt, signal);
              writer.finish(usage, finishReason);
            }, signal)
            .catch((error: unknown) => writer.fail(error));
        },
        cancel: () => cancel.abort(),
      });
      return { stream };
    },

    async dispose(): Promise<void> {
      if (disposed) return;
      disposed = true;
      await queue.idle();
      const loaded = await runtime?.catch(() => undefined);
      runtime = undefined;
      grammars.clear();
      if (loaded) await disposeLlamaCppRuntime(loaded);
    },
  };
}

/** Emits V3 stream parts in order: stream-start, reasoning/text blocks, then finish (or error). */
function createStreamWriter(controller: ReadableStreamDefaultController<LanguageModelV3StreamPart>, signal: AbortSignal) {
  let open: 'text' | 'reasoning' | undefined;
  let textSeen = false;
  let blocks = 0;
  let id = '';
  let closed = false;
  const switchTo = (kind: 'text' | 'reasoning'): void => {
    if (open === kind) return;
    if (open) controller.enqueue({ type: `${open}-end`, id });
    id = String(blocks++);
    open = kind;
    if (kind === 'text') textSeen = true;
    controller.enqueue({ type: `${kind}-start`, id });
  };
  return {
    begin(warnings: SharedV3Warning[]): void {
      controller.enqueue({ type: 'stream-start', warnings });
    },
    onText(delta: string): void {
      if (closed || delta === '') return;
      switchTo('text');
      controller.enqueue({ type: 'text-delta', id, delta });
    },
    onReasoning(delta: string): void {
      if (closed || delta === '') return;
      switchTo('reasoning');
      controller.enqueue({ type: 'reasoning-delta', id, delta });
    },
    finish(usage: LanguageModelV3Usage, finishReason: LanguageModelV3FinishReason): void {
      if (!textSeen) switchTo('text'); // an empty answer is still one (empty) text block
      if (open) controller.enqueue({ type: `${open}-end`, id });
      controller.enqueue({ type: 'finish', usage, finishReason });
      closed = true;
      controller.close();
    },
    fail(error: unknown): void {
      if (closed) return;
      closed = true;
      // An abort ends the stream the way a cancelled HTTP body does: the read rejects.
      if (signal.aborted || isAbortError(error)) controller.error(error);
      else {
        controller.enqueue({ type: 'error', error });
        controller.close();
      }
    },
  };
}

function toContent(response: LlamaChatResponse): LanguageModelV3Content[] {
  const content: LanguageModelV3Content[] = [];
  for (const item of response.fullResponse) {
    if (typeof item === 'string') content.push({ type: 'text', text: item });
    else if (item.segmentType === 'thought') content.push({ type: 'reasoning', text: item.text });
  }
  if (!content.some((c) => c.type === 'text')) content.push({ type: 'text', text: response.response });
  return content;
}

function toFinishReason(response: LlamaChatResponse): LanguageModelV3FinishReason {
  const raw = response.metadata.stopReason;
  switch (raw) {
    case 'eogToken':
    case 'stopGenerationTrigger':
    case 'customStopTrigger':
      return { unified: 'stop', raw };
    case 'maxTokens':
      return { unified: 'length', raw };
    case 'functionCalls':
      return { unified: 'tool-calls', raw };
    case 'abort':
      return { unified: 'other', raw };
  }
}

function toUsage(inputTokens: number, outputTokens: number): LanguageModelV3Usage {
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
  };
}

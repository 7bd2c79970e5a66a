import { access } from 'node:fs/promises';
import type { Llama, LlamaChat, LlamaContext, LlamaModel } from 'node-llama-cpp';

export interface LlamaCppRuntimeSettings {
  modelPath: string;
  /** Context window in tokens; default: the model's training context, at most 4096. */
  contextSize?: number;
  /** CPU threads for evaluation; default: node-llama-cpp's choice (all math cores). On 2 cores use 1. */
  threads?: number;
}

/** A loaded model with its single context sequence, wrapped in a chat that applies the model's template. */
export interface LlamaCppRuntime {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  chat: LlamaChat;
}

export type LlamaCppErrorCode = 'model-not-found' | 'load-failed' | 'disposed';

/** A local-model failure; none of these get better by retrying the same call. */
export class LlamaCppError extends Error {
  override readonly name = 'LlamaCppError';
  readonly isRetryable = false;
  constructor(
    readonly code: LlamaCppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

let llamaPromise: Promise<Llama> | undefined;

/**
 * One llama.cpp binding per process. node-llama-cpp is imported here, on first use, because it is
 * ~700 MB installed and the server must start without loading it. CPU prebuilt binaries only:
 * never build from source or download at runtime.
 */
function getSharedLlama(): Promise<Llama> {
  llamaPromise ??= import('node-llama-cpp')
    .then(({ getLlama }) => getLlama({ gpu: false, build: 'never' }))
    .catch((error: unknown) => {
      llamaPromise = undefined;
      throw error;
    });
  return llamaPromise;
}

export async function loadLlamaCppRuntime(settings: LlamaCppRuntimeSettings): Promise<LlamaCppRuntime> {
  try {
    await access(settings.modelPath);
  } catch (error) {
    throw new LlamaCppError(
      'model-not-found',
      `The llama.cpp model file ${settings.modelPath} does not exist or cannot be read. Check the configured GGUF model path.`,
      { cause: error },
    );
  }
  let model: LlamaModel | undefined;
  try {
    const { LlamaChat } = await import('node-llama-cpp');
    const llama = await getSharedLlama();
    model = await llama.loadModel({ modelPath: settings.modelPath });
    const context = await model.createContext({
      contextSize: settings.contextSize ?? { max: 4096 },
      ...(settings.threads !== undefined ? { threads: settings.threads } : {}),
    });
    const chat = new LlamaChat({ contextSequence: context.getSequence(), autoDisposeSequence: true });
    return { llama, model, context, chat };
  } catch (error) {
    await model?.dispose(); // a model whose context failed (e.g. out of memory) must not stay resident
    const reason = error instanceof Error ? error.message : String(error);
    throw new LlamaCppError('load-failed', `Could not load the llama.cpp model ${settings.modelPath}: ${reason}`, { cause: error });
  }
}

export async function disposeLlamaCppRuntime(runtime: LlamaCppRuntime): Promise<void> {
  runtime.chat.dispose();
  await runtime.context.dispose();
  await runtime.model.dispose();
}

import type { LanguageModelV3 } from '@ai-sdk/provider';
import { SuwenError } from '../../shared/errors.js';

/** The model when none is configured: every call fails with MODEL_NOT_CONFIGURED, nothing else breaks. */
export function createNoneModel(): LanguageModelV3 {
  const refuse = (): never => {
    throw new SuwenError(
      'MODEL_NOT_CONFIGURED',
      'No language model is configured (set SUWEN_MODEL_BASE_URL and SUWEN_MODEL_NAME, or SUWEN_MODEL_GGUF)',
    );
  };
  return {
    specificationVersion: 'v3',
    provider: 'none',
    modelId: 'none',
    supportedUrls: {},
    doGenerate: () => Promise.resolve().then(refuse),
    doStream: () => Promise.resolve().then(refuse),
  };
}

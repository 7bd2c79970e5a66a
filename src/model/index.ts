/** The model seam: the gateway and its presets, call context, structured output, prompt templates, speech to text. Providers stay behind this face. */
export { type CallActor, type ModelCallContext, patientDataContext } from './call-context.js';
export { describeModels } from './describe-models.js';
export { generateModelText, streamModelText } from './generate.js';
export { createDeidGuard } from './middleware/deid-guard.js';
export { ModelGateway } from './model-gateway.js';
export { type RenderedPrompt, renderPrompt } from './prompts/prompt-templates.js';
export type { AsrEngine } from './speech/asr-engine.js';
export { MAX_AUDIO_BYTES } from './speech/audio-format.js';
export { transcriptToText } from './speech/speaker-turns.js';
export { SpeechTranscriber } from './speech/speech-transcriber.js';
export { parseWav } from './speech/wav.js';
export { generateStructured } from './structured-output.js';

/** Test support for the model seam: a scripted OpenAI-compatible server and synthetic speech. */
export { type Piece, synthesizeWav } from '../speech/testing/synthetic-wav.js';
export { type ScriptedModelServer, type ScriptStep, startScriptedModelServer } from './scripted-model-server.js';

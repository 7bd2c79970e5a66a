/** The composition root's face: entry points (server, CLI, worker, benchmarks) import only this. */
export { type CreateServicesOptions, closeServices, createLogger, createServices, REPO_ROOT } from './create-services.js';
export type { Services } from './services.js';

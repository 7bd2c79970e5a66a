/**
 * API contract: admin — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
export type { DailyStats, WorkflowModelStats } from '../audit/monitoring.js';

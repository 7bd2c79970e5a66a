/** Child process of bench/knowledge.ts: loads the knowledge base cold and prints the timings as JSON. */
import { performance } from 'node:perf_hooks';
import { createKnowledgeEngines } from '../src/engines/knowledge-engines.js';

const started = performance.now();
const engines = createKnowledgeEngines();
const total = performance.now() - started;
process.stdout.write(`${JSON.stringify({ total, ...engines.loadMs })}\n`);

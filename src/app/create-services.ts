import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Logger, pino } from 'pino';
import { ArtifactService } from '../audit/artifacts.js';
import { AuditLog } from '../audit/audit-log.js';
import { AuthService } from '../auth/auth-service.js';
import { databaseUrlOf, type SuwenConfig } from '../config/load-config.js';
import { getKnowledgeEngines } from '../engines/knowledge-engines.js';
import { createGuardedGateway } from '../model/create-guarded-gateway.js';
import { SpeechTranscriber } from '../model/speech/speech-transcriber.js';
import { ChartCache } from '../record/chart-cache.js';
import { openMigratedStore, type Store } from '../store/database.js';
import { IntakeService } from '../workflows/intake/intake-service.js';
import type { Services } from './types.js';

/** The repository root, where `data/` and `web/dist` live. */
export const REPO_ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');

export function createLogger(level: SuwenConfig['logLevel']): Logger {
  return pino({ level, base: { app: 'suwen' }, timestamp: pino.stdTimeFunctions.isoTime });
}

const META_DEMO = 'demo.mode';

/** Demo is on for a fresh data directory unless SUWEN_DEMO says otherwise; the choice is remembered. */
async function decideDemo(store: Store, configured: boolean | undefined): Promise<boolean> {
  const row = await store.db.selectFrom('meta').select('value').where('key', '=', META_DEMO).executeTakeFirst();
  const demo = configured ?? (row ? row.value === '1' : true);
  const value = demo ? '1' : '0';
  if (!row) await store.db.insertInto('meta').values({ key: META_DEMO, value }).execute();
  else if (row.value !== value) await store.db.updateTable('meta').set({ value }).where('key', '=', META_DEMO).execute();
  return demo;
}

export async function createServices(
  config: SuwenConfig,
  logger = createLogger(config.logLevel),
  store?: Store,
  options: { chartCache?: boolean; modelFetch?: typeof fetch } = {},
): Promise<Services> {
  const opened = store ?? (await openMigratedStore(databaseUrlOf(config)));
  const demo = await decideDemo(opened, config.demo);
  const audit = new AuditLog(opened);
  const { models, vault, deidAnalyzer } = createGuardedGateway(
    config,
    opened,
    audit,
    options.modelFetch ? { fetch: options.modelFetch } : {},
  );
  const artifacts = new ArtifactService(opened);
  return {
    config,
    store: opened,
    auth: new AuthService(opened, { sessionTtlHours: config.sessionTtlHours }),
    audit,
    vault,
    deidAnalyzer,
    models,
    speech: new SpeechTranscriber(config.asr, { audit, ...(options.modelFetch ? { fetch: options.modelFetch } : {}) }),
    artifacts,
    intake: new IntakeService({ store: opened, audit, artifacts, models }),
    chartCache: options.chartCache === false ? null : new ChartCache(opened),
    // Loaded on first use: most requests never touch the knowledge base.
    get knowledge() {
      return getKnowledgeEngines();
    },
    logger,
    demo,
  };
}

import { type Logger, pino } from 'pino';
import { ArtifactService } from '../audit/artifacts.js';
import { AuditLog } from '../audit/audit-log.js';
import { AuthService } from '../auth/auth-service.js';
import { databaseUrlOf, type SuwenConfig } from '../config/load-config.js';
import { getKnowledgeEngines } from '../engines/knowledge-engines.js';
import { SpeechTranscriber } from '../model/index.js';
import { ChartCache } from '../record/chart-cache.js';
import { PatientAccess } from '../record/patient-access.js';
import { openMigratedStore, type Store } from '../store/database.js';
import { insertMeta, readMeta, updateMeta } from '../store/meta.js';
import { AlertDispatcher } from '../workflows/alerts/webhook-dispatcher.js';
import { IntakeService } from '../workflows/intake/intake-service.js';
import { createGuardedGateway } from './guarded-gateway.js';
import type { Services } from './services.js';

/**
 * The composition root: the one place that builds the store, the audit log, the record's access
 * door, the guarded model gateway and the workflows, for every entry point — the HTTP server, the
 * CLI, job workers and benchmarks. Entry points read their configuration, call this, and close
 * what it returns with `closeServices`.
 */

export { REPO_ROOT } from '../shared/repo-root.js';

export function createLogger(level: SuwenConfig['logLevel']): Logger {
  return pino({ level, base: { app: 'suwen' }, timestamp: pino.stdTimeFunctions.isoTime });
}

const META_DEMO = 'demo.mode';

/** Demo is on for a fresh data directory unless SUWEN_DEMO says otherwise; the choice is remembered. */
async function decideDemo(store: Store, configured: boolean | undefined): Promise<boolean> {
  const stored = await readMeta(store, META_DEMO);
  const demo = configured ?? (stored !== null ? stored === '1' : true);
  const value = demo ? '1' : '0';
  if (stored === null) await insertMeta(store, META_DEMO, value);
  else if (stored !== value) await updateMeta(store, META_DEMO, value);
  return demo;
}

export interface CreateServicesOptions {
  logger?: Logger;
  /** An already opened store (tests, benchmarks); otherwise the configured database is opened and migrated. */
  store?: Store;
  /** False turns chart caching off (benchmarks compare both). */
  chartCache?: boolean;
  /** Replaces `fetch` for model and speech calls (tests pointing at a scripted server). */
  modelFetch?: typeof fetch;
  /**
   * Which entry point this is. Only the server decides (and remembers) demo mode; the CLI and
   * workers leave the data directory's choice alone.
   */
  entry?: 'server' | 'cli' | 'worker' | 'bench';
}

export async function createServices(config: SuwenConfig, options: CreateServicesOptions = {}): Promise<Services> {
  const store = options.store ?? (await openMigratedStore(databaseUrlOf(config)));
  const entry = options.entry ?? 'server';
  const demo = entry === 'server' ? await decideDemo(store, config.demo) : false;
  const audit = new AuditLog(store);
  const fetchOption = options.modelFetch ? { fetch: options.modelFetch } : {};
  const { models, vault, deidAnalyzer } = createGuardedGateway(config, store, audit, fetchOption);
  const artifacts = new ArtifactService(store);
  const chartCache = options.chartCache === false ? null : new ChartCache(store);
  const access = new PatientAccess({ store, audit, chartCache });
  const logger = options.logger ?? createLogger(config.logLevel);
  const alerts = new AlertDispatcher({ store, settings: config.alerts, logger });
  return {
    config,
    store,
    auth: new AuthService(store, { sessionTtlHours: config.sessionTtlHours }),
    audit,
    access,
    vault,
    deidAnalyzer,
    models,
    speech: new SpeechTranscriber(config.asr, { audit, ...fetchOption }),
    artifacts,
    intake: new IntakeService({ store, audit, access, artifacts, models, alerts }),
    alerts,
    chartCache,
    // Loaded on first use: most requests never touch the knowledge base.
    get knowledge() {
      return getKnowledgeEngines();
    },
    logger,
    demo,
  };
}

/** Finishes pending audit appends, closes model runtimes and the database. */
export async function closeServices(services: Services): Promise<void> {
  await services.alerts.stop();
  await services.audit.flush();
  await services.speech.dispose();
  await services.models.dispose();
  await services.store.close();
}

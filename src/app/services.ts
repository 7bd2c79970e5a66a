import type { Logger } from 'pino';
import type { ArtifactService } from '../audit/artifacts.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { AuthService } from '../auth/auth-service.js';
import type { SuwenConfig } from '../config/load-config.js';
import type { KnowledgeEngines } from '../engines/knowledge-engines.js';
import type { ModelGateway, SpeechTranscriber } from '../model/index.js';
import type { AnalyzerConfig, PseudonymVault } from '../privacy/index.js';
import type { ChartCache } from '../record/chart-cache.js';
import type { PatientAccess } from '../record/patient-access.js';
import type { Store } from '../store/database.js';
import type { AlertDispatcher } from '../workflows/alerts/webhook-dispatcher.js';
import type { IntakeService } from '../workflows/intake/intake-service.js';

/**
 * Everything an entry point needs — the server's routes, CLI commands, job workers, benchmarks —
 * built once per process by `createServices`, the one place that wires the layers together.
 */
export interface Services {
  config: SuwenConfig;
  store: Store;
  auth: AuthService;
  audit: AuditLog;
  artifacts: ArtifactService;
  /** The one door to patient records: access check and audit entry for every read and change. */
  access: PatientAccess;
  /** Null turns chart caching off (benchmarks compare both). */
  chartCache: ChartCache | null;
  /** The language models (or `none`), wrapped in audit, privacy and limits. */
  models: ModelGateway;
  /** Speech recognition (SUWEN_ASR_*): audio → transcript, audited, external only when allowed. */
  speech: SpeechTranscriber;
  /** Pseudonym mappings for re-identification (encrypted with SUWEN_VAULT_KEY). */
  vault: PseudonymVault;
  /** The deployment's de-identification analyzer settings (recognizers, thresholds, allow/deny lists). */
  deidAnalyzer: AnalyzerConfig | undefined;
  /** History-taking interviews (links, answers, drafts). */
  intake: IntakeService;
  /** Emergency alerts: the settings (config `alerts`) and the paging webhook's outbox dispatcher. */
  alerts: AlertDispatcher;
  /** The shipped knowledge base and the deterministic engines over it. */
  knowledge: KnowledgeEngines;
  logger: Logger;
  /** Whether this data directory runs in demo mode (decided at start). */
  demo: boolean;
}

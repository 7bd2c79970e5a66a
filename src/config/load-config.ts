import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * One configuration per process, read once at start: `SUWEN_*` environment variables over an
 * optional JSON config file (`SUWEN_CONFIG`, default `./suwen.config.json`) over defaults.
 * Every problem is reported at once, each with the setting's name.
 */

const boundary = z.enum(['local', 'external']);

export const MODEL_PRESETS = [
  'openai',
  'azure',
  'ollama',
  'vllm',
  'sglang',
  'llamacpp-server',
  'lmstudio',
  'deepseek',
  'dashscope',
  'generic',
] as const;

const modelSchema = z.object({
  id: z.string().min(1).default('default'),
  /** A known server kind: fills in defaults (port, headers, structured-output style). */
  preset: z.enum(MODEL_PRESETS).optional(),
  baseUrl: z.url().optional(),
  name: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
  /** Azure OpenAI's `api-version` query parameter. */
  apiVersion: z.string().min(1).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  dataBoundary: boundary.optional(),
  gguf: z.string().min(1).optional(),
  /** CPU threads for an embedded GGUF model (llama.cpp); on small machines 1 is often fastest. */
  threads: z.coerce.number().int().min(1).max(256).optional(),
  /** Calls in flight at once to this model; more wait in line. */
  concurrency: z.coerce.number().int().min(1).max(1000).default(8),
  /** Whole-call limit, and the longest silence allowed inside a stream. */
  timeoutMs: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
  idleTimeoutMs: z.coerce.number().int().min(100).max(600_000).default(30_000),
  maxRetries: z.coerce.number().int().min(0).max(10).default(2),
});

/**
 * Speech recognition: an OpenAI-compatible `/v1/audio/transcriptions` endpoint, or a Whisper model
 * folder (transformers.js layout) run in-process. Audio cannot be de-identified, so patient audio
 * goes to an `external` endpoint only when `allowExternal` is set.
 */
const asrSchema = z.object({
  baseUrl: z.url().optional(),
  model: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
  dataBoundary: boundary.optional(),
  allowExternal: z.boolean().default(false),
  whisperDir: z.string().min(1).optional(),
  /** Per-request limit; a long recording is many requests (one per ~30 s WAV chunk). */
  timeoutMs: z.coerce.number().int().min(100).max(3_600_000).default(300_000),
  /** Chunks transcribed at once. */
  concurrency: z.coerce.number().int().min(1).max(16).default(1),
  /** Largest compressed file (MP3/WebM/OGG/M4A, sent whole) in MB; OpenAI's own limit is 25 MB. */
  maxUploadMb: z.coerce.number().min(1).max(100).default(25),
});

/**
 * Emergency alerts to the hospital's paging system: every red flag is POSTed as JSON to
 * `webhookUrl` (from a database outbox, retried with backoff until delivered, never blocking the
 * intake), signed with HMAC-SHA256 of the body when `webhookSecret` is set. `patientRef` chooses
 * what identifies the patient: a pseudonym (HMAC of the record id) or the record id itself.
 */
const alertsSchema = z
  .object({
    webhookUrl: z
      .url()
      .refine((url) => /^https?:\/\//i.test(url), 'must be an http:// or https:// URL')
      .optional(),
    webhookSecret: z.string().min(16, 'must be at least 16 characters').optional(),
    patientRef: z.enum(['pseudonym', 'id']).default('pseudonym'),
    /** The address clinicians open Suwen at, for the link in each alert (e.g. https://suwen.hospital.example). */
    linkBaseUrl: z.url().optional(),
    timeoutMs: z.coerce.number().int().min(100).max(120_000).default(5_000),
    /** First retry after this long; each later one waits twice as long, up to `maxRetryDelayMs`. */
    retryDelayMs: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
    maxRetryDelayMs: z.coerce.number().int().min(10).max(86_400_000).default(300_000),
  })
  // A pseudonym keyed by a constant anyone can read in this source would link back to the record id.
  .refine((alerts) => !alerts.webhookUrl || alerts.patientRef === 'id' || alerts.webhookSecret, {
    path: ['webhookSecret'],
    message: 'is required with webhookUrl when patientRef is "pseudonym" (it keys the patient pseudonym and signs each alert)',
  });

const configSchema = z.object({
  dataDir: z.string().min(1).default('./.suwen'),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  host: z.string().min(1).default('127.0.0.1'),
  databaseUrl: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  /** undefined means "decide from the data directory": demo on a fresh one. */
  demo: z.boolean().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  sessionTtlHours: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  trustProxy: z.boolean().default(false),
  models: z.array(modelSchema).default([]),
  asr: asrSchema.default({ allowExternal: false, timeoutMs: 300_000, concurrency: 1, maxUploadMb: 25 }),
  alerts: alertsSchema.default({ patientRef: 'pseudonym', timeoutMs: 5_000, retryDelayMs: 5_000, maxRetryDelayMs: 300_000 }),
  /**
   * Until the de-identification layer is in place, calls that carry patient data to an `external`
   * model are refused; an administrator may allow them explicitly (e.g. under a signed agreement).
   */
  allowExternalPhi: z.boolean().default(false),
  /**
   * The de-identification analyzer for this deployment (config file only): which recognizers,
   * thresholds, allow and deny lists. Validated against the privacy layer's schema at start.
   */
  deidAnalyzer: z.record(z.string(), z.unknown()).optional(),
  /** How text is de-identified before it goes to an external model. */
  deidOperator: z.enum(['tag', 'mask', 'redact', 'hash', 'surrogate']).default('tag'),
  /** 32-byte key (base64 or hex) that encrypts the pseudonym vault; without it the vault lives in memory only. */
  vaultKey: z
    .string()
    .refine((v) => /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, as 64 hex digits or base64')
    .optional(),
});

export type SuwenConfig = z.infer<typeof configSchema> & { configFile: string | undefined };
export type ModelConfig = z.infer<typeof modelSchema>;
export type AsrConfig = z.infer<typeof asrSchema>;
export type AlertsConfig = z.infer<typeof alertsSchema>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Suwen's configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Environment variable → config path. Kept as data so errors can name the variable. */
const ENV_KEYS: Record<string, string> = {
  SUWEN_DATA_DIR: 'dataDir',
  SUWEN_PORT: 'port',
  SUWEN_HOST: 'host',
  SUWEN_DATABASE_URL: 'databaseUrl',
  SUWEN_DEMO: 'demo',
  SUWEN_LOG_LEVEL: 'logLevel',
  SUWEN_SESSION_TTL_HOURS: 'sessionTtlHours',
  SUWEN_TRUST_PROXY: 'trustProxy',
  SUWEN_ALLOW_EXTERNAL_PHI: 'allowExternalPhi',
  SUWEN_DEID_OPERATOR: 'deidOperator',
  SUWEN_VAULT_KEY: 'vaultKey',
};

const MODEL_ENV_KEYS: Record<string, keyof ModelConfig> = {
  SUWEN_MODEL_BASE_URL: 'baseUrl',
  SUWEN_MODEL_NAME: 'name',
  SUWEN_MODEL_API_KEY: 'apiKey',
  SUWEN_MODEL_DATA_BOUNDARY: 'dataBoundary',
  SUWEN_MODEL_GGUF: 'gguf',
  SUWEN_MODEL_PRESET: 'preset',
  SUWEN_MODEL_API_VERSION: 'apiVersion',
  SUWEN_MODEL_CONCURRENCY: 'concurrency',
  SUWEN_MODEL_TIMEOUT_MS: 'timeoutMs',
  SUWEN_MODEL_THREADS: 'threads',
};

const ASR_ENV_KEYS: Record<string, keyof AsrConfig> = {
  SUWEN_ASR_BASE_URL: 'baseUrl',
  SUWEN_ASR_MODEL: 'model',
  SUWEN_ASR_API_KEY: 'apiKey',
  SUWEN_ASR_BOUNDARY: 'dataBoundary',
  SUWEN_ASR_ALLOW_EXTERNAL: 'allowExternal',
  SUWEN_ASR_WHISPER_DIR: 'whisperDir',
  SUWEN_ASR_TIMEOUT_MS: 'timeoutMs',
  SUWEN_ASR_CONCURRENCY: 'concurrency',
  SUWEN_ASR_MAX_UPLOAD_MB: 'maxUploadMb',
};

const ALERTS_ENV_KEYS: Record<string, keyof AlertsConfig> = {
  SUWEN_ALERTS_WEBHOOK_URL: 'webhookUrl',
  SUWEN_ALERTS_WEBHOOK_SECRET: 'webhookSecret',
  SUWEN_ALERTS_PATIENT_REF: 'patientRef',
  SUWEN_ALERTS_LINK_BASE_URL: 'linkBaseUrl',
  SUWEN_ALERTS_TIMEOUT_MS: 'timeoutMs',
  SUWEN_ALERTS_RETRY_DELAY_MS: 'retryDelayMs',
};

function parseBool(name: string, raw: string, problems: string[]): boolean | undefined {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  problems.push(`${name}: expected 1 or 0 (true/false), got "${raw}"`);
  return undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): SuwenConfig {
  const problems: string[] = [];
  const explicitFile = env.SUWEN_CONFIG;
  const file = resolve(cwd, explicitFile ?? 'suwen.config.json');
  let fromFile: Record<string, unknown> = {};
  let configFile: string | undefined;
  if (existsSync(file)) {
    configFile = file;
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) fromFile = parsed as Record<string, unknown>;
      else problems.push(`SUWEN_CONFIG (${file}): must be a JSON object`);
    } catch (error) {
      problems.push(`SUWEN_CONFIG (${file}): not valid JSON (${(error as Error).message})`);
    }
  } else if (explicitFile) {
    problems.push(`SUWEN_CONFIG: file not found: ${file}`);
  }

  const merged: Record<string, unknown> = { ...fromFile };
  const origin: Record<string, string> = {};
  for (const key of Object.keys(fromFile)) origin[key] = `${key} in ${file}`;
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    merged[key] = key === 'demo' || key === 'trustProxy' || key === 'allowExternalPhi' ? parseBool(name, raw, problems) : raw;
    origin[key] = name;
  }

  // A model named by environment variables replaces the config file's default entry.
  const envModel: Record<string, string> = {};
  for (const [name, key] of Object.entries(MODEL_ENV_KEYS)) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') envModel[key] = raw;
  }
  if (Object.keys(envModel).length > 0) {
    const fileModels = Array.isArray(fromFile.models) ? (fromFile.models as unknown[]) : [];
    merged.models = [{ id: 'default', ...envModel }, ...fileModels.filter((m) => (m as { id?: string })?.id !== 'default')];
    for (const [name, key] of Object.entries(MODEL_ENV_KEYS)) if (envModel[key]) origin[`models.0.${key}`] = name;
  }

  // Speech recognition: environment variables over the config file's `asr` object, key by key.
  const fileAsrIsObject = typeof fromFile.asr === 'object' && fromFile.asr !== null && !Array.isArray(fromFile.asr);
  const asr: Record<string, unknown> = fileAsrIsObject ? { ...(fromFile.asr as Record<string, unknown>) } : {};
  for (const [name, key] of Object.entries(ASR_ENV_KEYS)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    asr[key] = key === 'allowExternal' ? parseBool(name, raw, problems) : raw;
    origin[`asr.${key}`] = name;
  }
  if (fromFile.asr !== undefined && !fileAsrIsObject)
    merged.asr = fromFile.asr; // let the schema name the problem
  else if (Object.keys(asr).length > 0) merged.asr = asr;

  // Emergency alerts: environment variables over the config file's `alerts` object, key by key.
  const fileAlertsIsObject = typeof fromFile.alerts === 'object' && fromFile.alerts !== null && !Array.isArray(fromFile.alerts);
  const alerts: Record<string, unknown> = fileAlertsIsObject ? { ...(fromFile.alerts as Record<string, unknown>) } : {};
  for (const [name, key] of Object.entries(ALERTS_ENV_KEYS)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    alerts[key] = raw;
    origin[`alerts.${key}`] = name;
  }
  if (fromFile.alerts !== undefined && !fileAlertsIsObject) merged.alerts = fromFile.alerts;
  else if (Object.keys(alerts).length > 0) merged.alerts = alerts;

  const result = configSchema.safeParse(merged);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      const named = origin[path] ?? origin[String(issue.path[0])] ?? envNameFor(path) ?? path;
      problems.push(`${named}: ${issue.message}`);
    }
  }
  if (result.success) {
    result.data.models.forEach((model, index) => {
      const where = origin[`models.${index}.baseUrl`] ? 'SUWEN_MODEL_*' : `models[${index}] in ${file}`;
      const presetGivesUrl = model.preset !== undefined && model.preset !== 'azure' && model.preset !== 'generic';
      if (!model.gguf && model.name === undefined && (model.baseUrl !== undefined || model.preset !== undefined))
        problems.push(`${where}: a model endpoint needs a model name (SUWEN_MODEL_NAME)`);
      if (!model.gguf && model.name !== undefined && model.baseUrl === undefined && !presetGivesUrl)
        problems.push(
          `${where}: a model endpoint needs a base URL (SUWEN_MODEL_BASE_URL)${model.preset === 'azure' ? ' — for Azure: https://<resource>.openai.azure.com/openai/deployments/<deployment>' : ''}`,
        );
    });
  }
  if (result.success) {
    const { asr: speech } = result.data;
    if (speech.baseUrl && !speech.model) problems.push('SUWEN_ASR_BASE_URL: a transcription endpoint needs a model name (SUWEN_ASR_MODEL)');
    if (speech.model && !speech.baseUrl) problems.push('SUWEN_ASR_MODEL: a transcription model needs an endpoint (SUWEN_ASR_BASE_URL)');
    if (speech.baseUrl && speech.whisperDir)
      problems.push('SUWEN_ASR_WHISPER_DIR: set either a transcription endpoint (SUWEN_ASR_BASE_URL) or a Whisper folder, not both');
  }
  if (result.success && result.data.alerts.webhookSecret && !result.data.alerts.webhookUrl)
    problems.push('SUWEN_ALERTS_WEBHOOK_SECRET: a webhook secret needs a webhook URL (SUWEN_ALERTS_WEBHOOK_URL)');
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return { ...result.data, dataDir: resolve(cwd, result.data.dataDir), configFile };
}

function envNameFor(path: string): string | undefined {
  const entry = Object.entries(ENV_KEYS).find(([, key]) => key === path);
  return entry?.[0];
}

/** The database URL in effect: the configured one, else an SQLite file in the data directory. */
export function databaseUrlOf(config: SuwenConfig): string {
  return config.databaseUrl ?? `sqlite:${resolve(config.dataDir, 'suwen.sqlite')}`;
}

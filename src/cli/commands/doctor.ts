import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { countUsers } from '../../auth/user-queries.js';
import { ConfigError, databaseUrlOf, loadConfig, type SuwenConfig } from '../../config/load-config.js';
import { describeModels, SpeechTranscriber } from '../../model/index.js';
import { countPatients } from '../../record/patient-lookups.js';
import { REPO_ROOT } from '../../shared/repo-root.js';
import { openMigratedStore } from '../../store/database.js';

interface Check {
  name: string;
  ok: boolean | 'warn';
  detail: string;
  fix?: string;
}

async function checkModel(config: SuwenConfig): Promise<Check[]> {
  const { configured, models } = describeModels(config.models);
  if (!configured) {
    return [
      {
        name: 'model',
        ok: 'warn',
        detail: 'no language model configured — deterministic features work; generation features will ask for one',
        fix: 'set SUWEN_MODEL_BASE_URL and SUWEN_MODEL_NAME (e.g. http://127.0.0.1:11434/v1 and qwen2.5:7b for Ollama), or SUWEN_MODEL_GGUF=/path/model.gguf',
      },
    ];
  }
  const checks: Check[] = [];
  for (const model of models) {
    if (model.kind === 'llama-cpp') {
      const ok = model.gguf !== null && existsSync(model.gguf);
      checks.push({
        name: `model ${model.id}`,
        ok,
        detail: `GGUF ${model.gguf} (${model.dataBoundary})`,
        ...(ok ? {} : { fix: 'SUWEN_MODEL_GGUF must name an existing .gguf file' }),
      });
      continue;
    }
    const url = `${(model.baseUrl ?? '').replace(/\/$/, '')}/models`;
    const apiKey = config.models.find((m) => m.id === model.id)?.apiKey;
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(5000),
        headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      });
      checks.push({
        name: `model ${model.id}`,
        ok: response.ok,
        detail: `${model.baseUrl} answered ${response.status} for ${model.name} (${model.dataBoundary})`,
        ...(response.ok
          ? {}
          : { fix: response.status === 401 ? 'check SUWEN_MODEL_API_KEY' : 'check SUWEN_MODEL_BASE_URL (it should end in /v1)' }),
      });
    } catch (error) {
      checks.push({
        name: `model ${model.id}`,
        ok: false,
        detail: `${model.baseUrl} unreachable (${(error as Error).name})`,
        fix: 'start the model server or correct SUWEN_MODEL_BASE_URL',
      });
    }
  }
  return checks;
}

async function checkSpeech(config: SuwenConfig): Promise<Check> {
  const speech = new SpeechTranscriber(config.asr, { audit: null });
  const described = speech.describe();
  if (!described.configured)
    return {
      name: 'speech recognition',
      ok: 'warn',
      detail: 'not configured — audio cannot be transcribed; typed or pasted transcripts work',
      fix: 'set SUWEN_ASR_BASE_URL and SUWEN_ASR_MODEL (an OpenAI-compatible /v1/audio/transcriptions server), or SUWEN_ASR_WHISPER_DIR',
    };
  const where =
    described.kind === 'whisper-folder' ? `Whisper folder ${described.whisperDir}` : `${described.baseUrl} (${described.model})`;
  if (described.dataBoundary === 'external' && !described.allowExternal)
    return {
      name: 'speech recognition',
      ok: false,
      detail: `${where} is external: patient audio will be refused (audio cannot be de-identified)`,
      fix: 'use a local recognizer, or set SUWEN_ASR_ALLOW_EXTERNAL=1 if an agreement covers it (or SUWEN_ASR_BOUNDARY=local if it is on your network)',
    };
  const { reachable, detail } = await speech.reachability();
  return {
    name: 'speech recognition',
    ok: reachable,
    detail: `${where}, ${described.dataBoundary}: ${detail}`,
    ...(reachable
      ? {}
      : {
          fix:
            described.kind === 'whisper-folder' ? 'put the missing files in the folder' : 'start the server or correct SUWEN_ASR_BASE_URL',
        }),
  };
}

export async function runDoctor(): Promise<Check[]> {
  const checks: Check[] = [];
  let config: SuwenConfig;
  try {
    config = loadConfig();
    checks.push({ name: 'config', ok: true, detail: config.configFile ? `loaded ${config.configFile}` : 'environment and defaults' });
  } catch (error) {
    if (error instanceof ConfigError) {
      return [{ name: 'config', ok: false, detail: error.problems.join('; '), fix: 'correct the named settings' }];
    }
    throw error;
  }
  try {
    mkdirSync(config.dataDir, { recursive: true });
    accessSync(config.dataDir, constants.W_OK);
    checks.push({ name: 'data directory', ok: true, detail: config.dataDir });
  } catch {
    checks.push({
      name: 'data directory',
      ok: false,
      detail: `${config.dataDir} is not writable`,
      fix: 'set SUWEN_DATA_DIR to a writable folder',
    });
  }
  try {
    const started = performance.now();
    const store = await openMigratedStore(databaseUrlOf(config));
    const patients = await countPatients(store);
    const users = await countUsers(store);
    await store.close();
    checks.push({
      name: 'database',
      ok: true,
      detail: `${store.dialect} ${store.displayUrl} migrated, ${patients} patients, ${users} users (${Math.round(performance.now() - started)} ms)`,
    });
    if (users === 0) {
      checks.push({
        name: 'users',
        ok: 'warn',
        detail: 'no users yet',
        fix: 'create an admin: echo "<password>" | suwen user add admin --role admin',
      });
    }
  } catch (error) {
    checks.push({
      name: 'database',
      ok: false,
      detail: `cannot open ${databaseUrlOf(config).replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}: ${(error as Error).message}`,
      fix: 'check SUWEN_DATABASE_URL and that the server is running (postgres://user@host:5432/db)',
    });
  }
  const index = join(REPO_ROOT, 'web/dist/index.html');
  checks.push(
    existsSync(index)
      ? { name: 'web app', ok: true, detail: `built ${statSync(index).mtime.toISOString()}` }
      : { name: 'web app', ok: 'warn', detail: 'not built', fix: 'npm run build:web (npm start builds it)' },
  );
  checks.push(...(await checkModel(config)));
  checks.push(await checkSpeech(config));
  checks.push(
    config.vaultKey
      ? { name: 'pseudonym vault', ok: true, detail: `encrypted (AES-256-GCM), operator ${config.deidOperator}` }
      : {
          name: 'pseudonym vault',
          ok: 'warn',
          detail: 'no SUWEN_VAULT_KEY: pseudonyms live in memory only and change after a restart',
          fix: 'set SUWEN_VAULT_KEY to 32 random bytes, e.g. SUWEN_VAULT_KEY=$(openssl rand -hex 32), and keep it safe',
        },
  );
  return checks;
}

export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('Check configuration, database, web app and model connection; print what to fix')
    .action(async () => {
      const checks = await runDoctor();
      for (const check of checks) {
        const mark = check.ok === true ? 'ok  ' : check.ok === 'warn' ? 'warn' : 'FAIL';
        process.stdout.write(`[${mark}] ${check.name}: ${check.detail}\n`);
        if (check.fix && check.ok !== true) process.stdout.write(`       fix: ${check.fix}\n`);
      }
      if (checks.some((c) => c.ok === false)) process.exitCode = 1;
    });
}

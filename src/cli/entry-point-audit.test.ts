import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditRows } from '../audit/audit-listing.js';
import { type AuditEntry, toAuditEntry } from '../audit/audit-log.js';
import { databaseUrlOf, loadConfig } from '../config/load-config.js';
import { type ScriptedModelServer, startScriptedModelServer } from '../model/testing/index.js';
import { listPatientIdsByName } from '../record/patient-lookups.js';
import { REPO_ROOT } from '../shared/repo-root.js';
import { openMigratedStore } from '../store/database.js';
import { CONSULTATION_EN } from '../workflows/notes/note-test-fixtures.js';
import { runCli } from './testing/run-cli.js';

/**
 * The CLI is an entry point like the HTTP API: a note filed on a patient from the shell passes
 * the record's access check and leaves the same audit entries, and every model call goes through
 * the guarded gateway (an external model never sees an identifier in clear text).
 */
describe('CLI entry point: record access, audit and the guarded gateway', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'suwen-cli-entry-'));
  const env = { SUWEN_DATA_DIR: dataDir };
  let patientId: string;
  let upstream: ScriptedModelServer;

  async function auditEntries(): Promise<AuditEntry[]> {
    const store = await openMigratedStore(databaseUrlOf(loadConfig(env, REPO_ROOT)));
    try {
      // Newest first.
      return (await listAuditRows(store, { limit: 500 })).map(toAuditEntry);
    } finally {
      await store.close();
    }
  }

  beforeAll(async () => {
    upstream = await startScriptedModelServer();
    const imported = await runCli(['import', 'fhir', join(REPO_ROOT, 'data/demo/synthea-10')], env);
    expect(imported.code, imported.stderr).toBe(0);
    const store = await openMigratedStore(databaseUrlOf(loadConfig(env, REPO_ROOT)));
    try {
      [patientId = ''] = await listPatientIdsByName(store, 1);
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('audits the import, and a note filed on a patient: the record check and the new draft', async () => {
    const transcript = join(dataDir, 'consultation.txt');
    writeFileSync(transcript, CONSULTATION_EN);
    const note = await runCli(
      ['note', '--transcript', transcript, '--patient', patientId, '--mode', 'extractive', '--format', 'json'],
      env,
    );
    expect(note.code, note.stderr).toBe(0);
    const { artifactId } = JSON.parse(note.stdout) as { artifactId: string };
    const entries = await auditEntries();
    expect(entries.find((e) => e.action === 'record.import')).toMatchObject({ actorRole: 'cli', outcome: 'success' });
    const read = entries.find((e) => e.action === 'notes.generate');
    expect(read).toMatchObject({ patientId, actorRole: 'cli', outcome: 'success', entityType: 'patient' });
    expect(read?.actorId).toMatch(/^cli:/);
    const created = entries.find((e) => e.action === 'artifact.create' && e.entityId === artifactId);
    expect(created).toMatchObject({ patientId, actorRole: 'cli', details: { kind: 'clinical-note', method: 'extractive' } });
    // One correlation id per command run ties the read to the draft it produced.
    expect(created?.requestId).toBe(read?.requestId);
  });

  it('audits a chart export from the shell under patient.export', async () => {
    const exported = await runCli(['export', 'fhir', '--patient', patientId], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect((await auditEntries()).find((e) => e.action === 'patient.export')).toMatchObject({ patientId, actorRole: 'cli' });
  });

  it('suwen ask sends an external model no name, phone number or record number, and restores them in the answer', async () => {
    upstream.enqueue({ kind: 'text', text: 'Noted.' });
    const question = 'Patient Margaret Okafor, phone 617-555-0199, MRN 88231475, has a cough: what should I ask next?';
    const result = await runCli(['ask', question, '--lang', 'en'], {
      ...env,
      SUWEN_MODEL_BASE_URL: upstream.baseUrl,
      SUWEN_MODEL_NAME: 'scripted-model',
      SUWEN_MODEL_DATA_BOUNDARY: 'external',
    });
    expect(result.code, result.stderr).toBe(0);
    const sent = JSON.stringify(upstream.requests.at(-1)?.body);
    expect(sent).toContain('cough');
    for (const identifier of ['Margaret', 'Okafor', '617-555-0199', '88231475']) expect(sent).not.toContain(identifier);
    const call = (await auditEntries()).find((e) => e.action === 'model.call');
    expect(call).toMatchObject({ actorRole: 'cli', outcome: 'success' });
    expect(call?.details.workflow).toBe('cli.ask');
  });
});

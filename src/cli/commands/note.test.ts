import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicalDocument, Transcript } from '../../engines/notes/index.js';
import { type ScriptedModelServer, startScriptedModelServer } from '../../model/testing/index.js';
import { CONSULTATION_EN, INVENTED_SENTENCES, MODEL_NOTE_EN, streamedNote } from '../../workflows/notes/note-test-fixtures.js';
import { runCli } from '../testing/run-cli.js';

describe('suwen note', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suwen-note-'));
  const transcriptFile = join(dir, 'consultation.txt');
  let upstream: ScriptedModelServer;
  beforeAll(async () => {
    writeFileSync(transcriptFile, CONSULTATION_EN);
    upstream = await startScriptedModelServer();
  });
  afterAll(async () => {
    await upstream?.close();
  });
  const withModel = () => ({ SUWEN_DATA_DIR: dir, SUWEN_MODEL_BASE_URL: upstream.baseUrl, SUWEN_MODEL_NAME: 'scripted-model' });

  it('prints the note as Markdown with sources, unsupported sentences marked, omissions and the medication check', async () => {
    upstream.enqueue(streamedNote(MODEL_NOTE_EN));
    const result = await runCli(['note', '--transcript', transcriptFile], withModel());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# SOAP note\n/);
    expect(result.stdout).toContain('## Subjective');
    expect(result.stdout).toContain('- Temperature 38.2, blood pressure 150/90. [T5]');
    expect(result.stdout).toContain(`- ${INVENTED_SENTENCES[1]} ⚠ unsupported`);
    expect(result.stdout).toMatch(new RegExp(`- ${INVENTED_SENTENCES[0]}.*⚠ unsupported`));
    expect(result.stdout).toMatch(/## Possible omissions[\s\S]*- medication: .*paracetamol.*\[T6\]/i);
    expect(result.stdout).toMatch(/## Medication check\nMedications mentioned: .*lisinopril/i);
    expect(result.stdout).toMatch(/Draft id: \S+/);
  });

  it('prints JSON, reads stdin, and falls back to an extractive note without a model', async () => {
    upstream.enqueue(streamedNote(MODEL_NOTE_EN));
    const json = await runCli(['note', '--transcript', '-', '--format', 'json', '--lang', 'en'], withModel(), CONSULTATION_EN);
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as { artifactId: string; document: ClinicalDocument; transcript: Transcript };
    expect(parsed.document.method).toBe('model');
    expect(parsed.transcript.turns).toHaveLength(6);
    expect(parsed.artifactId).toBeTruthy();

    const extractive = await runCli(['note', '--transcript', transcriptFile, '--output-lang', 'zh'], { SUWEN_DATA_DIR: dir });
    expect(extractive.code, extractive.stderr).toBe(0);
    expect(extractive.stdout).toContain('抽取式草稿');
    expect(extractive.stdout).toContain('## 主诉');
  });

  it('exits 2 with a message on bad input', async () => {
    const empty = await runCli(['note', '--transcript', '-', '--lang', 'zh'], { SUWEN_DATA_DIR: dir }, '   \n');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/对话记录为空/);
    const missing = await runCli(['note', '--transcript', join(dir, 'nope.txt')], { SUWEN_DATA_DIR: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    const badMode = await runCli(['note', '--transcript', transcriptFile, '--mode', 'poetry'], { SUWEN_DATA_DIR: dir });
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toMatch(/--mode/);
    const noModel = await runCli(['note', '--transcript', transcriptFile, '--mode', 'model'], { SUWEN_DATA_DIR: dir });
    expect(noModel.code).toBe(1);
    expect(noModel.stderr).toMatch(/No language model is connected/);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DischargeSummaryResult } from '../../workflows/discharge/discharge-summary.js';
import { runCli } from '../testing/run-cli.js';

const PATIENT = '79a66c97-6131-3213-f3c9-4606946ab056';
const STAY = '78cbcee4-5c37-aa56-ac25-1b9244646fb2';

describe('suwen discharge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suwen-discharge-cli-'));
  beforeAll(async () => {
    expect((await runCli(['import', 'fhir', 'data/demo/synthea-10', 'data/demo/observations'], { SUWEN_DATA_DIR: dir })).code).toBe(0);
  });

  it('prints the draft as Markdown or JSON and exits 2 for a stay it cannot summarise', async () => {
    const md = await runCli(['discharge', '--patient', PATIENT, '--encounter', STAY], { SUWEN_DATA_DIR: dir });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# 出院小结/);
    expect(md.stdout).toContain('- 新开：他克莫司 1 mg 24小时缓释片（Take as needed.）');
    expect(md.stderr).toMatch(/未连接语言模型/);
    const json = await runCli(['discharge', '--patient', PATIENT, '--encounter', STAY, '--lang', 'en', '--format', 'json'], {
      SUWEN_DATA_DIR: dir,
    });
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as DischargeSummaryResult;
    expect(result.document.sections.find((s) => s.key === 'hospital_course')?.placeholder).toBe(true);
    expect(result.artifactId).toBeTruthy();
    const unknown = await runCli(['discharge', '--patient', PATIENT, '--encounter', 'nope'], { SUWEN_DATA_DIR: dir });
    expect(unknown.code).toBe(2);
  });
});

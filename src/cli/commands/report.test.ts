import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportImageInterpretation } from '../../workflows/decision/report-image-interpretation.js';
import type { ReportInterpretation } from '../../workflows/decision/report-interpretation.js';
import { renderLabReportImage } from '../../workflows/decision/testing/lab-report-image.js';
import { runCli } from '../testing/run-cli.js';

/** A pasted Chinese lab report: low haemoglobin for a man, critical potassium. */
const ZH_REPORT = `检验报告单
项目	结果	单位	参考范围
血红蛋白(HGB)　98　g/L　130-175 ↓
钾(K)	6.8	mmol/L	3.5-5.3	↑↑
钠(Na)	139	mmol/L	137-147`;

const EN_REPORT = `BASIC METABOLIC PANEL
Sodium          131      mmol/L    (135-145)     L
Creatinine      0.9      mg/dL     0.7-1.3`;

describe('suwen report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suwen-report-'));
  const env = { SUWEN_DATA_DIR: dir };
  const textFile = join(dir, 'report.txt');
  const photo = join(dir, 'photo.jpg');
  beforeAll(async () => {
    writeFileSync(textFile, ZH_REPORT);
    writeFileSync(photo, await renderLabReportImage({ format: 'jpeg' }));
  });

  it('interprets a report text file as Markdown, in Chinese, with the sex-specific range', async () => {
    const result = await runCli(['report', '--text', textFile, '--sex', 'M', '--age', '58', '--lang', 'zh'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# 报告解读\n/);
    expect(result.stdout).toContain('不构成诊断');
    expect(result.stdout).toMatch(/\| 血红蛋白 \| 98 g\/L \| 偏低 \| 130–175 g\/L \|/);
    expect(result.stdout).toMatch(/\| 钾 \| 6\.8 mmol\/L \| \*\*危急值\(高\)\*\* \|/);
    expect(result.stdout).toContain('## 医生摘要');
    expect(result.stdout).toMatch(/## 患者说明\n\n.*请尽快就医/);
  });

  it('reads the text from stdin and prints JSON', async () => {
    const result = await runCli(['report', '--text', '-', '--format', 'json'], env, EN_REPORT);
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout) as ReportInterpretation;
    expect(parsed.language).toBe('en');
    const byLab = new Map(parsed.interpretation.results.map((r) => [r.labId, r.flag]));
    expect(byLab.get('sodium')).toBe('low');
    expect(byLab.get('creatinine')).toBe('normal');
  });

  it('reads a photographed report with the embedded OCR', async () => {
    const result = await runCli(['report', '--image', photo, '--sex', 'M', '--format', 'json'], env);
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout) as ReportImageInterpretation;
    const byLab = new Map(parsed.interpretation.results.map((r) => [r.labId, r]));
    expect(byLab.get('haemoglobin')).toMatchObject({ value: 98, flag: 'low' });
    expect(byLab.get('sodium')).toMatchObject({ value: 138, flag: 'normal' });
    expect(parsed.ocr.lines.some((line) => /血红蛋白.*98/.test(line))).toBe(true);
  }, 30_000);

  it('exits 2 with a message on bad input', async () => {
    // Independent runs, side by side: each is a fresh CLI process.
    const [neither, badSex, missing, empty, nothing, notImage] = await Promise.all([
      runCli(['report'], env),
      runCli(['report', '--text', textFile, '--sex', 'X', '--age', 'old'], env),
      runCli(['report', '--text', join(dir, 'nope.txt')], env),
      runCli(['report', '--text', '-', '--lang', 'zh'], env, '  \n'),
      runCli(['report', '--text', '-'], env, 'The patient feels well today.'),
      // Not an image at all: the OCR's own localized refusal.
      runCli(['report', '--image', textFile, '--lang', 'zh'], env),
    ]);
    for (const run of [neither, badSex, missing, empty, nothing, notImage]) expect(run.code, run.stderr).toBe(2);
    expect(neither.stderr).toMatch(/one of --image or --text/);
    expect(badSex.stderr).toMatch(/--sex.*--age/);
    expect(missing.stderr).toMatch(/cannot read/);
    expect(empty.stderr).toMatch(/报告文本为空/);
    expect(nothing.stderr).toMatch(/no lab results could be read/);
    expect(notImage.stderr).toMatch(/不是 PNG、JPEG 或 WebP 图片/);
  });
});

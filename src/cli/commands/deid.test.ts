import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.js';

describe('suwen deid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suwen-deid-'));
  const env = { SUWEN_DATA_DIR: dir };

  it('uses SUWEN_DEID_OPERATOR when no --operator is given', async () => {
    const result = await runCli(['deid'], { ...env, SUWEN_DEID_OPERATOR: 'mask' }, 'Call 555-123-4567 today.\n');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('Call ***-***-**** today.');
  });

  it('de-identifies stdin text with type tags', async () => {
    const result = await runCli(['deid'], env, '患者张三，电话13812345678，既往帕金森病，二甲双胍0.5g bid。\n');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('张三');
    expect(result.stdout).not.toContain('13812345678');
    expect(result.stdout).toContain('[姓名-1]');
    expect(result.stdout).toContain('帕金森病');
    expect(result.stdout).toContain('0.5g bid');
  });

  it('streams a JSONL file with findings as offsets into the original, and reports bad lines without stopping', async () => {
    const input = join(dir, 'notes.jsonl');
    const output = join(dir, 'out.jsonl');
    const good = { id: 'n1', text: 'Patient John Smith, phone 555-123-4567, seen on March 5, 2024.' };
    writeFileSync(
      input,
      Buffer.concat([
        Buffer.from(`${JSON.stringify(good)}\n`),
        Buffer.from('{"id": "n2", "text": \n'),
        Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]),
        Buffer.from(`${JSON.stringify({ id: 'n4', text: '患者李四，2024年3月5日入院。', lang: 'zh' })}\n`),
      ]),
    );
    const result = await runCli(['deid', '--input', input, '--output', output, '--operator', 'surrogate'], env);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${input}:2: not valid JSON`);
    expect(result.stderr).toContain(`${input}:3: not valid UTF-8`);
    const lines = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; text: string; findings: { type: string; start: number; end: number }[] });
    expect(lines.map((l) => l.id)).toEqual(['n1', 'n4']);
    const first = lines[0];
    expect(first?.text).not.toContain('John Smith');
    const spans = first?.findings.map((f) => good.text.slice(f.start, f.end)) ?? [];
    expect(spans).toEqual(expect.arrayContaining(['John Smith', '555-123-4567', 'March 5, 2024']));
  });

  it('skips a 50 MB line with a clear message and goes on with the next one', async () => {
    const input = join(dir, 'huge.jsonl');
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(input, 'w');
    writeSync(fd, '{"id":"huge","text":"');
    const block = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 50; i++) writeSync(fd, block);
    writeSync(fd, '"}\n{"id":"after","text":"Dr. Emily Chen"}\n');
    closeSync(fd);
    const output = join(dir, 'huge-out.jsonl');
    const result = await runCli(['deid', '--input', input, '--output', output], env);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${input}:1: line longer than 16 MB, skipped`);
    expect(readFileSync(output, 'utf8')).toContain('"id":"after"');
    rmSync(input);
  }, 60_000);

  it('follows the deployment’s analyzer settings from the config file, and names a bad one', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'suwen-deid-config-'));
    const configFile = join(configDir, 'suwen.config.json');
    writeFileSync(
      configFile,
      JSON.stringify({ deidAnalyzer: { allowList: ['张三'], denyList: [{ text: '协和', type: 'ORGANIZATION' }] } }),
    );
    const result = await runCli(['deid'], { ...env, SUWEN_CONFIG: configFile }, '患者张三在协和就诊，家属李四陪同。\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('张三');
    expect(result.stdout).not.toContain('协和');
    expect(result.stdout).not.toContain('李四');
    writeFileSync(configFile, JSON.stringify({ deidAnalyzer: { threshold: 7 } }));
    const bad = await runCli(['deid'], { ...env, SUWEN_CONFIG: configFile }, 'x\n');
    expect(bad.code).toBe(78);
    expect(bad.stderr).toMatch(/deidAnalyzer\.threshold/);
  });

  it('rejects binary input and a bad operator with a clear message', async () => {
    const binary = await runCli(['deid'], env, 'abc\u0000def');
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/binary data/);
    const operator = await runCli(['deid', '--operator', 'shred'], env, 'x');
    expect(operator.code).toBe(2);
    expect(operator.stderr).toMatch(/--operator must be one of tag, mask, redact, hash, surrogate/);
  });
});

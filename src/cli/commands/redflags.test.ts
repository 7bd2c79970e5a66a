import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenMessage } from '../../engines/red-flags/index.js';
import { runCli } from '../testing/run-cli.js';

// No model and no database configured: the screen is deterministic and needs neither.
const dir = mkdtempSync(join(tmpdir(), 'suwen-redflags-cli-'));
const env = { SUWEN_DATA_DIR: dir };
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const jsonl = (rows: unknown[]) => `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
const EVAL_DIR = join(import.meta.dirname, '../../../data/red-flags-eval');

interface Line {
  id: string | number;
  redFlag: boolean;
  rules: string[];
  triage: string;
}
const parseLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);

const MESSAGES = [
  { id: 'zh-chest', lang: 'zh', text: '胸口压榨样疼痛1小时，向左臂放射，伴大汗' },
  { id: 7, text: 'my 6-week-old has a fever' },
  { id: 'benign', lang: 'en', text: 'mild cough for two days, getting worse' },
  { id: 'neg', lang: 'zh', text: '没有胸痛，也不出汗' },
];

describe('suwen redflags', () => {
  it('writes one {id, redFlag, rules, triage} line per message, in order, as screenMessage decides', async () => {
    const result = await runCli(['redflags', '--input', file('msgs.jsonl', jsonl(MESSAGES)), '--format', 'json'], env);
    expect(result.code, result.stderr).toBe(0);
    const lines = parseLines(result.stdout);
    expect(lines.map((line) => line.id)).toEqual(['zh-chest', 7, 'benign', 'neg']);
    for (const [i, line] of lines.entries()) {
      expect(Object.keys(line)).toEqual(['id', 'redFlag', 'rules', 'triage']);
      const screen = screenMessage(MESSAGES[i]?.text ?? '');
      expect(line).toEqual({ id: MESSAGES[i]?.id, redFlag: screen.redFlag, rules: screen.rules, triage: screen.triage.level });
    }
    expect(lines[0]).toEqual({ id: 'zh-chest', redFlag: true, rules: ['cardiac-chest-pain'], triage: 'emergency' });
    expect(lines[1]).toMatchObject({ redFlag: true, rules: ['infant-fever'], triage: 'emergency' });
    expect(lines[2]).toEqual({ id: 'benign', redFlag: false, rules: [], triage: 'soon' });
    expect(lines[3]).toMatchObject({ redFlag: false, rules: [] });
  });

  it('reads stdin when there is no --input', async () => {
    const result = await runCli(['redflags'], env, jsonl(MESSAGES.slice(0, 2)));
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(result.stdout).map((line) => line.redFlag)).toEqual([true, true]);
  });

  it('flags every message of the second emergency set and none of its look-alikes', async () => {
    const emergencies = await runCli(['redflags', '--input', join(EVAL_DIR, 'emergencies-2.jsonl')], env);
    expect(emergencies.code, emergencies.stderr).toBe(0);
    const expected = readFileSync(join(EVAL_DIR, 'emergencies-2.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { expect: string[] });
    const lines = parseLines(emergencies.stdout);
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      expect(line.redFlag).toBe(true);
      expect(line.rules).toEqual(expect.arrayContaining(expected[i]?.expect ?? ['?']));
    });
    const lookalikes = await runCli(['redflags', '--input', join(EVAL_DIR, 'lookalikes-2.jsonl')], env);
    expect(lookalikes.code, lookalikes.stderr).toBe(0);
    expect(parseLines(lookalikes.stdout).filter((line) => line.redFlag)).toEqual([]);
  });

  it('checks every line first: a bad line exits 2, names the line and writes nothing', async () => {
    const input = file(
      'bad.jsonl',
      [
        JSON.stringify(MESSAGES[0]),
        '{"id": "x", "text": ',
        JSON.stringify({ id: 'y' }),
        '',
        JSON.stringify({ text: 'no id' }),
        JSON.stringify({ id: 'z', lang: 'fr', text: 'a' }),
      ].join('\n'),
    );
    const result = await runCli(['redflags', '--input', input], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/bad\.jsonl:2: not valid JSON/);
    expect(result.stderr).toMatch(/bad\.jsonl:3: missing "text"/);
    expect(result.stderr).toMatch(/bad\.jsonl:5: missing "id"/);
    expect(result.stderr).toMatch(/bad\.jsonl:6: "lang" must be "zh" or "en"/);
    expect(result.stderr).toMatch(/nothing was written/);
  });

  it('refuses a repeated id and an unreadable file with exit 2', async () => {
    const repeated = await runCli(
      ['redflags'],
      env,
      jsonl([
        { id: 1, text: 'a' },
        { id: 1, text: 'b' },
      ]),
    );
    expect([repeated.code, repeated.stdout]).toEqual([2, '']);
    expect(repeated.stderr).toMatch(/stdin:2: id "1" already used on line 1/);
    const missing = await runCli(['redflags', '--input', join(dir, 'nope.jsonl')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.jsonl: ENOENT/);
  });

  it('prints a table with --format text (here from --input -), labels in the message language', async () => {
    const result = await runCli(['redflags', '--input', '-', '--format', 'text'], env, jsonl(MESSAGES));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/zh-chest\s+YES\s+emergency\s+cardiac-chest-pain \(疑似急性心肌梗死\)/);
    expect(result.stdout).toMatch(/benign\s+no\s+soon\s+—/);
    expect(result.stdout).toMatch(/2 of 4 messages raised a red flag/);
  });
});

import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config/load-config.js';
import { deidAnalyzerConfigOf, deidentifyText, OPERATORS, type OperatorName, PseudonymScope } from '../../privacy/index.js';
import { CliError } from '../context.js';

/**
 * `suwen deid`: de-identify text from stdin, or a JSONL file of `{"id","text","lang"?}` lines,
 * streamed line by line (files larger than memory are fine), with progress on stderr. Each output
 * line carries the de-identified text and the findings' offsets into the original text.
 */
/** A clinical note is never this long; a longer line is skipped with an error instead of filling memory. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;
const lineSchema = z.object({ id: z.union([z.string(), z.number()]), text: z.string(), lang: z.enum(['zh', 'en']).optional() });

/** Splits a byte stream into lines without decoding first, so invalid UTF-8 is caught per line. */
async function* byteLines(stream: AsyncIterable<Buffer>): AsyncGenerator<{ bytes: Buffer; line: number; oversized: boolean }> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let oversized = false;
  let line = 0;
  for await (const chunk of stream) {
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
      line++;
      const piece = chunk.subarray(start, i);
      yield {
        bytes: oversized ? Buffer.alloc(0) : Buffer.concat([...pending, piece]),
        line,
        oversized: oversized || pendingLength + piece.length > MAX_LINE_BYTES,
      };
      pending = [];
      pendingLength = 0;
      oversized = false;
      start = i + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length) {
      pendingLength += rest.length;
      if (pendingLength > MAX_LINE_BYTES) {
        oversized = true;
        pending = [];
      } else pending.push(Buffer.from(rest));
    }
  }
  if (pendingLength > 0 || oversized) yield { bytes: Buffer.concat(pending), line: line + 1, oversized };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function registerDeidCommand(program: Command): void {
  program
    .command('deid')
    .description('De-identify clinical text (zh/en): stdin → stdout, or --input notes.jsonl → --output out.jsonl')
    .option('-i, --input <file>', 'JSONL input, one {"id","text","lang"?} per line')
    .option('-o, --output <file>', 'JSONL output (default: stdout)')
    .option('--operator <operator>', `one of ${OPERATORS.join(', ')} (default: SUWEN_DEID_OPERATOR, else tag)`)
    .option('--lang <lang>', 'zh, en or auto', 'auto')
    .action(async (options: { input?: string; output?: string; operator?: string; lang: string }) => {
      const config = loadConfig();
      options.operator ??= config.deidOperator;
      if (!(OPERATORS as readonly string[]).includes(options.operator))
        throw new CliError(`--operator must be one of ${OPERATORS.join(', ')}`, 2);
      if (!['zh', 'en', 'auto'].includes(options.lang)) throw new CliError('--lang must be zh, en or auto', 2);
      const operator = options.operator as OperatorName;
      const analyzer = deidAnalyzerConfigOf(config);
      const language = options.lang as 'zh' | 'en' | 'auto';
      // Surrogates and hashes are keyed per run; the CLI keeps no mapping (use the API for that).
      const secret = randomBytes(32).toString('hex');
      const input = options.input ? createReadStream(options.input) : process.stdin;
      const total = options.input ? statSync(options.input).size : 0;

      if (!options.input) {
        // Plain text on stdin: one document.
        let text = '';
        for await (const { bytes, line, oversized } of byteLines(input as AsyncIterable<Buffer>)) {
          if (oversized) throw new CliError(`stdin line ${line}: longer than ${MAX_LINE_BYTES / 1048576} MB`, 2);
          if (bytes.includes(0)) throw new CliError('stdin: binary data (NUL bytes); give UTF-8 text', 2);
          if (text.length + bytes.length > MAX_LINE_BYTES)
            throw new CliError(`stdin: more than ${MAX_LINE_BYTES / 1048576} MB; use --input with a JSONL file for large inputs`, 2);
          try {
            text += (line > 1 ? '\n' : '') + strictUtf8.decode(bytes);
          } catch {
            throw new CliError(`stdin line ${line}: not valid UTF-8`, 2);
          }
        }
        const result = deidentifyText(text, {
          operator,
          scope: new PseudonymScope({ scope: 'stdin', secret }),
          language,
          ...(analyzer ? { config: analyzer } : {}),
        });
        process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
        return;
      }

      const out = options.output ? createWriteStream(options.output) : process.stdout;
      const write = (line: string) => new Promise<void>((resolve) => (out.write(line) ? resolve() : out.once('drain', resolve)));
      let done = 0;
      let bytesRead = 0;
      const problems: string[] = [];
      let lastReport = 0;
      for await (const { bytes, line, oversized } of byteLines(input as AsyncIterable<Buffer>)) {
        bytesRead += bytes.length + 1;
        const problem = (why: string) => problems.push(`${options.input}:${line}: ${why}`);
        if (oversized) {
          problem(`line longer than ${MAX_LINE_BYTES / 1048576} MB, skipped`);
          continue;
        }
        if (bytes.length === 0) continue;
        let raw: string;
        try {
          raw = strictUtf8.decode(bytes);
        } catch {
          problem('not valid UTF-8, skipped');
          continue;
        }
        let parsed: z.infer<typeof lineSchema>;
        try {
          const result = lineSchema.safeParse(JSON.parse(raw));
          if (!result.success) {
            problem(
              `expected {"id","text","lang"?}: ${result.error.issues.map((i) => `${i.path.join('.') || 'line'} ${i.message}`).join('; ')}`,
            );
            continue;
          }
          parsed = result.data;
        } catch {
          problem('not valid JSON, skipped');
          continue;
        }
        const scope = new PseudonymScope({ scope: `doc:${parsed.id}`, secret });
        const result = deidentifyText(parsed.text, {
          operator,
          scope,
          language: parsed.lang ?? language,
          ...(analyzer ? { config: analyzer } : {}),
        });
        await write(
          `${JSON.stringify({ id: parsed.id, text: result.text, findings: result.findings.map((f) => ({ type: f.type, start: f.start, end: f.end, score: Number(f.score.toFixed(3)) })) })}\n`,
        );
        done++;
        if (process.stderr.isTTY && Date.now() - lastReport > 200) {
          lastReport = Date.now();
          process.stderr.write(`\rde-identified ${done} documents (${total ? Math.round((100 * bytesRead) / total) : 0}%)`);
        }
      }
      if (out !== process.stdout) await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(resolve));
      process.stderr.write(
        `${process.stderr.isTTY ? '\r' : ''}de-identified ${done} documents${problems.length ? `, ${problems.length} lines skipped` : ''}\n`,
      );
      for (const p of problems.slice(0, 20)) process.stderr.write(`suwen: ${p}\n`);
      if (problems.length > 20) process.stderr.write(`suwen: …and ${problems.length - 20} more\n`);
      if (problems.length) process.exitCode = 3;
    });
}

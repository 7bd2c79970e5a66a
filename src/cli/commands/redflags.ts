import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { type MessageScreen, RED_FLAG_RULES, screenMessage } from '../../engines/red-flags/index.js';
import { CliError } from '../context.js';

/**
 * `suwen redflags`: the intake's red-flag screen over a file of messages, one JSON line each
 * (`{id, lang?, text}`, other keys ignored, so the evaluation sets in data/red-flags-eval/ can be
 * piped in as they are). Every line is checked before anything is written: one bad line and the
 * command writes nothing to stdout, names each bad line on stderr and exits 2.
 */

/** The longest message screened (a phone intake answer is far shorter). */
export const MAX_MESSAGE_CHARS = 20_000;
/** Bad lines named on stderr before "… and N more". */
const MAX_REPORTED = 20;

const messageSchema = z.object({
  id: z.union([z.string().trim().min(1), z.number().int()]),
  lang: z.enum(['zh', 'en']).optional(),
  text: z.string().max(MAX_MESSAGE_CHARS),
});

type Message = z.infer<typeof messageSchema>;

export interface RedFlagLine {
  id: string | number;
  redFlag: boolean;
  rules: string[];
  triage: string;
}

/** What is wrong with one parsed line, in words (missing keys named first). */
function problemOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object {"id", "lang"?, "text"}';
  const missing = ['id', 'text'].filter((key) => !(key in value));
  if (missing.length > 0) return `missing ${missing.map((key) => `"${key}"`).join(' and ')}`;
  const parsed = messageSchema.safeParse(value);
  if (parsed.success) return undefined;
  return parsed.error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      if (path === 'id') return '"id" must be a non-empty string or an integer';
      if (path === 'lang') return '"lang" must be "zh" or "en"';
      if (path === 'text' && issue.code === 'too_big') return `"text" is longer than ${MAX_MESSAGE_CHARS} characters`;
      if (path === 'text') return '"text" must be a string';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

/** Parses and checks every line; throws a CliError (exit 2) naming each bad line. */
export function parseMessages(text: string, source: string): Message[] {
  const messages: Message[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `${source}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${where}: not valid JSON`);
      return;
    }
    const problem = problemOf(value);
    if (problem !== undefined) {
      problems.push(`${where}: ${problem}`);
      return;
    }
    const message = messageSchema.parse(value);
    const key = String(message.id);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`${where}: id "${key}" already used on line ${first}`);
      return;
    }
    seen.set(key, index + 1);
    messages.push(message);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED);
    const more = problems.length - shown.length;
    throw new CliError(
      `${shown.join('\nsuwen: ')}${more > 0 ? `\nsuwen: … and ${more} more bad lines` : ''}\nsuwen: nothing was written`,
      2,
    );
  }
  return messages;
}

function toLine(message: Message, screen: MessageScreen): RedFlagLine {
  return { id: message.id, redFlag: screen.redFlag, rules: screen.rules, triage: screen.triage.level };
}

const LABELS = new Map(RED_FLAG_RULES.map((rule) => [rule.id as string, rule.label]));

function textTable(rows: { message: Message; screen: MessageScreen }[]): string {
  const width = Math.max(2, ...rows.map((row) => String(row.message.id).length));
  const lines = [`${'id'.padEnd(width)}  red flag  triage      rules`];
  for (const { message, screen } of rows) {
    const lang = message.lang ?? 'zh';
    const rules = screen.rules.map((id) => `${id} (${LABELS.get(id)?.[lang] ?? id})`).join(', ');
    lines.push(
      `${String(message.id).padEnd(width)}  ${(screen.redFlag ? 'YES' : 'no').padEnd(8)}  ${screen.triage.level.padEnd(10)}  ${rules || '—'}`,
    );
  }
  const flagged = rows.filter((row) => row.screen.redFlag).length;
  lines.push(`${flagged} of ${rows.length} messages raised a red flag`);
  return `${lines.join('\n')}\n`;
}

function readInput(input: string | undefined): { text: string; source: string } {
  const fromStdin = input === undefined || input === '-';
  try {
    return { text: readFileSync(fromStdin ? 0 : input, 'utf8'), source: fromStdin ? 'stdin' : input };
  } catch (error) {
    throw new CliError(`cannot read ${fromStdin ? 'stdin' : input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
  }
}

export function registerRedFlagsCommand(program: Command): void {
  program
    .command('redflags')
    .description(
      'Screen patient messages for red flags with the intake\'s rules (no model): JSON lines {"id","lang"?,"text"} in, one {"id","redFlag","rules","triage"} line out per message',
    )
    .option('-i, --input <file>', 'JSON lines file; "-" or no --input reads stdin')
    .option('--format <format>', 'json (one line per message, the contract) or text (a table)', 'json')
    .action((options: { input?: string; format: string }) => {
      if (!['json', 'text'].includes(options.format)) throw new CliError('--format must be json or text', 2);
      const { text, source } = readInput(options.input);
      const messages = parseMessages(text, source);
      const rows = messages.map((message) => ({ message, screen: screenMessage(message.text) }));
      if (options.format === 'text') {
        process.stdout.write(textTable(rows));
        return;
      }
      process.stdout.write(rows.map(({ message, screen }) => `${JSON.stringify(toLine(message, screen))}\n`).join(''));
    });
}

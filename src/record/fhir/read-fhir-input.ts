/**
 * Reads FHIR input files: NDJSON (one resource per line, streamed) and JSON (a Bundle or a single
 * resource, read whole). Every resource comes with the file and line it starts on, so a problem can
 * be reported as `file:line`. Malformed input throws IMPORT_MALFORMED; problem texts never quote
 * the input, which may be patient data.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { SuwenError } from '../../shared/errors.js';

export interface FhirInputItem {
  file: string;
  /** 1-based line on which the resource starts. */
  line: number;
  resource: Record<string, unknown> & { resourceType: string };
  /** The bundle entry's fullUrl, when the resource came from a bundle. */
  fullUrl?: string;
}

export interface FhirInputFile {
  path: string;
  bytes: number;
}

/** Bundle types whose entries are resources to store. */
const BUNDLE_TYPES = new Set(['collection', 'transaction', 'batch', 'searchset', 'document']);

export function malformed(file: string, line: number, problem: string): SuwenError {
  const where = line > 0 ? `${file}:${line}` : file;
  return new SuwenError('IMPORT_MALFORMED', `${where}: ${problem}`, { params: { file, line, problem } });
}

/**
 * Expands files and directories into the list of input files. A directory contributes its
 * `*.ndjson` and `*.json` files (not subdirectories), Patient files first so a reader sees patients
 * before the resources that point at them.
 */
export async function listFhirInputFiles(paths: string[]): Promise<FhirInputFile[]> {
  const files: FhirInputFile[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw malformed(path, 0, 'no such file or directory');
    if (info.isFile()) {
      files.push({ path, bytes: info.size });
      continue;
    }
    const names = (await readdir(path)).filter((n) => /\.(nd)?json$/i.test(n)).sort(patientFilesFirst);
    for (const name of names) {
      const file = join(path, name);
      const entry = await stat(file);
      if (entry.isFile()) files.push({ path: file, bytes: entry.size });
    }
  }
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(f.path) && seen.add(f.path));
}

function patientFilesFirst(a: string, b: string): number {
  const rank = (n: string) => (/^patient\b/i.test(n) ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Yields the resources of one file in order. NDJSON files are streamed line by line. */
export async function* readFhirFile(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<FhirInputItem> {
  if (/^\.(ndjson|jsonl)$/i.test(extname(file))) {
    yield* readNdjson(file, onBytes);
    return;
  }
  const text = stripBom(await readFile(file, 'utf8'));
  onBytes?.(Buffer.byteLength(text));
  const value = parseJson(text, file, 1);
  const start = lineAt(text, text.length - text.trimStart().length);
  yield* resourcesOf(value, file, start, () => locateEntryResourceLines(text));
}

async function* readNdjson(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<FhirInputItem> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo += 1;
    onBytes?.(Buffer.byteLength(raw) + 1);
    const text = lineNo === 1 ? stripBom(raw) : raw;
    if (text.trim() === '') continue;
    const value = parseJson(text, file, lineNo);
    // A bundle on one line: all its entries start on this line.
    yield* resourcesOf(value, file, lineNo, (count) => new Array<number>(count).fill(lineNo));
  }
}

function* resourcesOf(value: unknown, file: string, line: number, entryLines: (count: number) => number[]): Generator<FhirInputItem> {
  const resource = asResource(value, file, line);
  if (resource.resourceType !== 'Bundle') {
    yield { file, line, resource };
    return;
  }
  const { entry, type } = resource as { entry?: unknown; type?: unknown };
  if (!Array.isArray(entry)) throw malformed(file, line, 'Bundle.entry: missing entry array');
  if (typeof type !== 'string' || !BUNDLE_TYPES.has(type)) {
    throw malformed(file, line, `Bundle.type: expected one of ${[...BUNDLE_TYPES].join(', ')}`);
  }
  const lines = entryLines(entry.length);
  for (const [index, item] of entry.entries()) {
    const at = lines[index] ?? line;
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw malformed(file, at, `Bundle.entry[${index}]: expected an object`);
    const { resource: inner, fullUrl, request } = item as { resource?: unknown; fullUrl?: unknown; request?: { method?: unknown } };
    // Transaction entries that delete or read carry no resource; there is nothing to store.
    if (inner === undefined && typeof request?.method === 'string' && request.method !== 'POST' && request.method !== 'PUT') continue;
    const entryResource = asResource(inner, file, at, `Bundle.entry[${index}].resource`);
    if (typeof fullUrl === 'string' && entryResource.id === undefined) {
      // Transaction bundles may identify new resources only by fullUrl; keep that id.
      const id = /^urn:uuid:([A-Za-z0-9\-.]{1,64})$/.exec(fullUrl)?.[1];
      if (id) entryResource.id = id;
    }
    yield { file, line: at, resource: entryResource, ...(typeof fullUrl === 'string' ? { fullUrl } : {}) };
  }
}

function asResource(value: unknown, file: string, line: number, what = 'resource'): FhirInputItem['resource'] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw malformed(file, line, `${what}: expected a JSON object (one FHIR resource)`);
  }
  const resourceType = (value as { resourceType?: unknown }).resourceType;
  if (typeof resourceType !== 'string' || !/^[A-Z][A-Za-z]+$/.test(resourceType)) {
    throw malformed(file, line, `${what}: missing resourceType`);
  }
  return value as FhirInputItem['resource'];
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** Parses JSON; a syntax error becomes IMPORT_MALFORMED at the exact line and column. */
function parseJson(text: string, file: string, firstLine: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const offset = position !== undefined ? Number(position) : locateJsonError(text);
    const before = text.slice(0, offset);
    const line = firstLine + (before.match(/\n/g)?.length ?? 0);
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    throw malformed(file, line, `invalid JSON at column ${column}: ${describeJsonError(message)}`);
  }
}

/** V8's message without the quoted input (which may be patient data) and without the position. */
function describeJsonError(message: string): string {
  const reason = message
    .replace(/, (\.\.\.)?".*$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+.*$/s, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/**
 * Offset of the first character that makes `text` invalid JSON (text.length when it ends early).
 * Used only when the parser's message carries no position, e.g. V8's "Unexpected token".
 */
export function locateJsonError(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new RangeError(String(i));
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (text.charAt(i) !== c) fail();
      i += 1;
    }
  };
  const digits = () => {
    const start = i;
    while (text.charAt(i) >= '0' && text.charAt(i) <= '9') i += 1;
    if (i === start) fail();
  };
  const string = () => {
    for (i += 1; text.charAt(i) !== '"'; i += 1) {
      const c = text.charAt(i);
      if (c === '' || c < ' ') fail();
      if (c !== '\\') continue;
      i += 1;
      const escaped = text.charAt(i);
      if (escaped === 'u') {
        for (let k = 0; k < 4; k += 1) {
          i += 1;
          if (!/^[0-9a-fA-F]$/.test(text.charAt(i))) fail();
        }
      } else if (escaped === '' || !'"\\/bfnrt'.includes(escaped)) fail();
    }
    i += 1;
  };
  const number = () => {
    if (text.charAt(i) === '-') i += 1;
    if (text.charAt(i) === '0') i += 1;
    else digits();
    if (text.charAt(i) === '.') {
      i += 1;
      digits();
    }
    if (text.charAt(i) === 'e' || text.charAt(i) === 'E') {
      i += 1;
      if (text.charAt(i) === '+' || text.charAt(i) === '-') i += 1;
      digits();
    }
  };
  const container = (open: string) => {
    const close = open === '{' ? '}' : ']';
    i += 1;
    ws();
    if (text.charAt(i) === close) {
      i += 1;
      return;
    }
    for (;;) {
      if (open === '{') {
        ws();
        if (text.charAt(i) !== '"') fail();
        string();
        ws();
        literal(':');
      }
      value();
      ws();
      if (text.charAt(i) !== ',' && text.charAt(i) !== close) fail();
      i += 1;
      if (text.charAt(i - 1) === close) return;
    }
  };
  function value(): void {
    ws();
    const c = text.charAt(i);
    if (c === '{' || c === '[') container(c);
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  }
  try {
    value();
    ws();
    if (i < text.length) fail();
    return text.length;
  } catch (error) {
    if (error instanceof RangeError) return Number(error.message);
    throw error;
  }
}

/**
 * Line on which each `entry[n].resource` of a Bundle starts (the entry's own line when it has no
 * resource). Walks valid JSON text once, tracking only strings and nesting: the root object's
 * `entry` array holds the entries at depth 3, whose `resource` key opens an object.
 */
export function locateEntryResourceLines(text: string): number[] {
  const lines: number[] = [];
  const stack: number[] = []; // char codes of the open containers
  const keys: (string | null)[] = []; // the last key seen at each depth
  let line = 1;
  let expectKey = false;
  let inEntryArray = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) line += 1;
    else if (c === 34) {
      const start = i + 1;
      for (i += 1; text.charCodeAt(i) !== 34; i += 1) if (text.charCodeAt(i) === 92) i += 1;
      if (expectKey) keys[stack.length] = stack.length === 1 || stack.length === 3 ? text.slice(start, i) : null;
    } else if (c === 123 || c === 91) {
      if (inEntryArray && stack.length === 2 && c === 123) lines.push(line);
      if (inEntryArray && stack.length === 3 && c === 123 && keys[3] === 'resource') lines[lines.length - 1] = line;
      if (stack.length === 1 && c === 91 && keys[1] === 'entry') inEntryArray = true;
      stack.push(c);
      keys[stack.length] = null;
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      stack.pop();
      if (stack.length === 1) inEntryArray = false;
    } else if (c === 44) expectKey = stack[stack.length - 1] === 123;
    else if (c === 58) expectKey = false;
  }
  return lines;
}

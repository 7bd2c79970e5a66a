/**
 * Writes a tiny, random-weight llama model as a GGUF v3 file, so tests can exercise the real
 * llama.cpp loading, tokenising, chat-template, grammar and streaming paths with no downloaded
 * weights. The text it generates is gibberish; structure (JSON via a grammar, stop reasons, token
 * counts) is what the tests check.
 *
 * Format: ggml `docs/gguf.md` (GGUF v3): header, metadata key/values, tensor infos, padding to
 * `general.alignment`, then the tensor data, each tensor at an aligned offset. Little-endian.
 *
 * @example
 * ```ts
 * const path = join(tmpdir(), 'tiny.gguf');
 * await writeTinyGguf(path, { seed: 7 });
 * ```
 */
import { writeFile } from 'node:fs/promises';

export interface TinyGgufOptions {
  /** Seed for the deterministic weights (default 1). */
  seed?: number;
  /** `llama.context_length` (default 4096; small values break chat-history handling). */
  contextLength?: number;
  embeddingLength?: number;
  blockCount?: number;
  feedForwardLength?: number;
  headCount?: number;
  headCountKv?: number;
  /** Jinja chat template stored in `tokenizer.chat_template` (default: ChatML). */
  chatTemplate?: string;
  /** Standard deviation of the random weights (default 0.05). */
  weightScale?: number;
  /**
   * Extra logits for single-character tokens (default `{ '"': 5, ',': 3, '}': 3 }`). Random
   * weights alone almost never close a JSON string or number, so grammar-constrained output would
   * run to the token limit; these nudges make values end after a few tokens. `{}` turns them off.
   */
  tokenBias?: Record<string, number>;
}

/** A ChatML template, the one most small instruct models ship. */
export const TINY_CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
const GGUF_VERSION = 3;
const ALIGNMENT = 32;
const GGML_TYPE_F32 = 0;

// GGUF metadata value types (gguf.md, `gguf_metadata_value_type`).
const T_UINT32 = 4;
const T_INT32 = 5;
const T_FLOAT32 = 6;
const T_BOOL = 7;
const T_STRING = 8;
const T_ARRAY = 9;

// llama.cpp token types (`llama_token_type`).
const TOKEN_NORMAL = 1;
const TOKEN_UNKNOWN = 2;
const TOKEN_CONTROL = 3;
const TOKEN_BYTE = 6;

type MetaValue =
  | { type: 'u32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'str'; value: string }
  | { type: 'str[]'; value: string[] }
  | { type: 'f32[]'; value: number[] }
  | { type: 'i32[]'; value: number[] };

interface TensorSpec {
  name: string;
  /** ggml order: ne[0] is the fastest-varying dimension (the input width of a weight matrix). */
  dims: number[];
  init: 'ones' | 'random';
}

interface Vocab {
  tokens: string[];
  scores: number[];
  types: number[];
}

const SPACE = '\u2581'; // SentencePiece's word-boundary marker
const COMMON_WORDS = [
  'the',
  'patient',
  'is',
  'stable',
  'pain',
  'chest',
  'dose',
  'drug',
  'mg',
  'route',
  'po',
  'iv',
  'and',
  'of',
  'with',
  'blood',
  'pressure',
  'diabetes',
  'metformin',
  'daily',
  'note',
  'history',
  'json',
  'true',
  'false',
  'null',
];
const PUNCTUATION_PIECES = ['{', '}', '[', ']', '"', ':', ',', '.', '-', '":', '",', '{"', '"}', '\n'];

/** An SPM vocab: specials, ChatML markers, all 256 byte-fallback tokens, printable ASCII, then word pieces. */
export function buildTinyVocab(): Vocab {
  const tokens: string[] = [];
  const scores: number[] = [];
  const types: number[] = [];
  const seen = new Set<string>();
  const add = (token: string, type: number, score: number): void => {
    if (seen.has(token)) return;
    seen.add(token);
    tokens.push(token);
    scores.push(score);
    types.push(type);
  };
  add('<unk>', TOKEN_UNKNOWN, 0);
  add('<s>', TOKEN_CONTROL, 0);
  add('</s>', TOKEN_CONTROL, 0);
  add('<|im_start|>', TOKEN_CONTROL, 0);
  add('<|im_end|>', TOKEN_CONTROL, 0);
  for (let b = 0; b < 256; b++) add(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, TOKEN_BYTE, 0);
  add(SPACE, TOKEN_NORMAL, -1);
  for (let c = 0x21; c < 0x7f; c++) add(String.fromCharCode(c), TOKEN_NORMAL, -2);
  // SPM merges adjacent pieces only when the merged piece is itself in the vocab, so every
  // prefix of a word piece is added too; longer pieces score higher so they win merges.
  for (const piece of [...COMMON_WORDS.map((w) => SPACE + w), ...PUNCTUATION_PIECES]) {
    for (let end = 2; end <= piece.length; end++) add(piece.slice(0, end), TOKEN_NORMAL, end - 10);
  }
  return { tokens, scores, types };
}

/** mulberry32: a small seeded PRNG, so the same seed always writes the same file. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tensorSpecs(o: Required<TinyGgufOptions>, nVocab: number): TensorSpec[] {
  const nEmbd = o.embeddingLength;
  const nEmbdKv = (nEmbd / o.headCount) * o.headCountKv;
  const specs: TensorSpec[] = [{ name: 'token_embd.weight', dims: [nEmbd, nVocab], init: 'random' }];
  for (let i = 0; i < o.blockCount; i++) {
    const p = `blk.${i}.`;
    specs.push(
      { name: `${p}attn_norm.weight`, dims: [nEmbd], init: 'ones' },
      { name: `${p}attn_q.weight`, dims: [nEmbd, nEmbd], init: 'random' },
      { name: `${p}attn_k.weight`, dims: [nEmbd, nEmbdKv], init: 'random' },
      { name: `${p}attn_v.weight`, dims: [nEmbd, nEmbdKv], init: 'random' },
      { name: `${p}attn_output.weight`, dims: [nEmbd, nEmbd], init: 'random' },
      { name: `${p}ffn_norm.weight`, dims: [nEmbd], init: 'ones' },
      { name: `${p}ffn_gate.weight`, dims: [nEmbd, o.feedForwardLength], init: 'random' },
      { name: `${p}ffn_up.weight`, dims: [nEmbd, o.feedForwardLength], init: 'random' },
      { name: `${p}ffn_down.weight`, dims: [o.feedForwardLength, nEmbd], init: 'random' },
    );
  }
  specs.push({ name: 'output_norm.weight', dims: [nEmbd], init: 'ones' }, { name: 'output.weight', dims: [nEmbd, nVocab], init: 'random' });
  return specs;
}

function metadata(o: Required<TinyGgufOptions>, vocab: Vocab): [string, MetaValue][] {
  const id = (token: string): number => vocab.tokens.indexOf(token);
  return [
    ['general.architecture', { type: 'str', value: 'llama' }],
    ['general.name', { type: 'str', value: 'suwen-tiny-test' }],
    ['general.alignment', { type: 'u32', value: ALIGNMENT }],
    ['general.file_type', { type: 'u32', value: 0 }], // 0 = all F32
    ['llama.context_length', { type: 'u32', value: o.contextLength }],
    ['llama.embedding_length', { type: 'u32', value: o.embeddingLength }],
    ['llama.block_count', { type: 'u32', value: o.blockCount }],
    ['llama.feed_forward_length', { type: 'u32', value: o.feedForwardLength }],
    ['llama.attention.head_count', { type: 'u32', value: o.headCount }],
    ['llama.attention.head_count_kv', { type: 'u32', value: o.headCountKv }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
    ['llama.rope.dimension_count', { type: 'u32', value: o.embeddingLength / o.headCount }],
    ['llama.rope.freq_base', { type: 'f32', value: 10000 }],
    ['llama.vocab_size', { type: 'u32', value: vocab.tokens.length }],
    ['tokenizer.ggml.model', { type: 'str', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'str[]', value: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: 'f32[]', value: vocab.scores }],
    ['tokenizer.ggml.token_type', { type: 'i32[]', value: vocab.types }],
    ['tokenizer.ggml.unknown_token_id', { type: 'u32', value: id('<unk>') }],
    ['tokenizer.ggml.bos_token_id', { type: 'u32', value: id('<s>') }],
    ['tokenizer.ggml.eos_token_id', { type: 'u32', value: id('<|im_end|>') }],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
    ['tokenizer.chat_template', { type: 'str', value: o.chatTemplate }],
  ];
}

/** Appends little-endian values to a growing list of chunks. */
class ByteWriter {
  private readonly chunks: Buffer[] = [];
  length = 0;

  private push(buf: Buffer): void {
    this.chunks.push(buf);
    this.length += buf.length;
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  i32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }
  u64(v: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  f32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  str(s: string): void {
    const bytes = Buffer.from(s, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }
  raw(buf: Buffer): void {
    this.push(buf);
  }
  padTo(alignment: number): void {
    const pad = (alignment - (this.length % alignment)) % alignment;
    if (pad > 0) this.push(Buffer.alloc(pad));
  }
  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

function writeMetaValue(w: ByteWriter, v: MetaValue): void {
  switch (v.type) {
    case 'u32':
      w.u32(T_UINT32);
      w.u32(v.value);
      return;
    case 'f32':
      w.u32(T_FLOAT32);
      w.f32(v.value);
      return;
    case 'bool':
      w.u32(T_BOOL);
      w.raw(Buffer.from([v.value ? 1 : 0]));
      return;
    case 'str':
      w.u32(T_STRING);
      w.str(v.value);
      return;
    case 'str[]':
      w.u32(T_ARRAY);
      w.u32(T_STRING);
      w.u64(v.value.length);
      for (const s of v.value) w.str(s);
      return;
    case 'f32[]':
      w.u32(T_ARRAY);
      w.u32(T_FLOAT32);
      w.u64(v.value.length);
      for (const x of v.value) w.f32(x);
      return;
    case 'i32[]':
      w.u32(T_ARRAY);
      w.u32(T_INT32);
      w.u64(v.value.length);
      for (const x of v.value) w.i32(x);
      return;
  }
}

function randomValues(spec: TensorSpec, random: () => number, scale: number): Float32Array {
  const count = spec.dims.reduce((a, b) => a * b, 1);
  const values = new Float32Array(count);
  if (spec.init === 'ones') values.fill(1);
  // Uniform in [-a, a] with a = scale·√3 has standard deviation `scale`.
  else for (let i = 0; i < count; i++) values[i] = (random() * 2 - 1) * scale * Math.sqrt(3);
  return values;
}

/**
 * Gives the model a constant "bias" channel: embedding dimension 0 is 1 for every token, so after
 * the final RMS norm that channel is large and roughly constant (about √nEmbd · 0.6), and the
 * output weight in that channel acts as a per-token logit bias.
 */
function addTokenBias(spec: TensorSpec, values: Float32Array, biasById: Map<number, number>): void {
  const nEmbd = spec.dims[0] ?? 0;
  const nVocab = spec.dims[1] ?? 0;
  if (spec.name === 'token_embd.weight') for (let t = 0; t < nVocab; t++) values[t * nEmbd] = 1;
  if (spec.name === 'output.weight') {
    for (let t = 0; t < nVocab; t++) values[t * nEmbd] = (biasById.get(t) ?? 0) / (Math.sqrt(nEmbd) * 0.6);
  }
}

function tensorData(spec: TensorSpec, random: () => number, o: Required<TinyGgufOptions>, biasById: Map<number, number>): Buffer {
  const values = randomValues(spec, random, o.weightScale);
  if (biasById.size > 0) addTokenBias(spec, values, biasById);
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** Builds the GGUF bytes in memory. */
export function buildTinyGguf(options: TinyGgufOptions = {}): Buffer {
  const o: Required<TinyGgufOptions> = {
    seed: 1,
    contextLength: 4096,
    embeddingLength: 64,
    blockCount: 2,
    feedForwardLength: 128,
    headCount: 4,
    headCountKv: 4,
    chatTemplate: TINY_CHATML_TEMPLATE,
    weightScale: 0.05,
    tokenBias: { '"': 5, ',': 3, '}': 3 },
    ...options,
  };
  if (o.embeddingLength % o.headCount !== 0 || o.headCount % o.headCountKv !== 0) {
    throw new Error('Tiny GGUF options are inconsistent: embeddingLength must divide by headCount, and headCount by headCountKv.');
  }
  const vocab = buildTinyVocab();
  const specs = tensorSpecs(o, vocab.tokens.length);
  const meta = metadata(o, vocab);
  const random = createRandom(o.seed);
  const biasById = new Map(Object.entries(o.tokenBias).map(([token, bias]) => [vocab.tokens.indexOf(token), bias] as const));
  if (biasById.has(-1)) throw new Error('Tiny GGUF tokenBias names a token that is not in the tiny vocab.');
  const data = specs.map((s) => tensorData(s, random, o, biasById));

  const w = new ByteWriter();
  w.u32(GGUF_MAGIC);
  w.u32(GGUF_VERSION);
  w.u64(specs.length);
  w.u64(meta.length);
  for (const [key, value] of meta) {
    w.str(key);
    writeMetaValue(w, value);
  }
  let offset = 0;
  specs.forEach((spec, i) => {
    w.str(spec.name);
    w.u32(spec.dims.length);
    for (const d of spec.dims) w.u64(d);
    w.u32(GGML_TYPE_F32);
    w.u64(offset);
    offset += Math.ceil((data[i]?.length ?? 0) / ALIGNMENT) * ALIGNMENT;
  });
  w.padTo(ALIGNMENT);
  for (const buf of data) {
    w.raw(buf);
    w.padTo(ALIGNMENT);
  }
  return w.toBuffer();
}

/** Writes a tiny random-weight llama GGUF to `path` (about 0.6 MB with the defaults). */
export async function writeTinyGguf(path: string, options: TinyGgufOptions = {}): Promise<void> {
  await writeFile(path, buildTinyGguf(options));
}

import { parsePartialJson } from 'ai';
import { type ModelSentence, modelSectionSchema } from './model-note-output.js';

/**
 * Reads the model's JSON note as it streams and hands back each section as soon as the model has
 * moved past it (the next section's key has appeared), so the first section reaches the clinician
 * while the rest is still being written. It only looks for the format's keys in the new text and
 * parses the prefix when one appears — a handful of parses per note, not one per token.
 */
export class StreamedSectionReader {
  private text = '';
  private scanned = 0;
  private readonly seen: string[] = [];
  private readonly released = new Set<string>();
  private readonly keyPattern: RegExp;

  constructor(keys: readonly string[]) {
    this.keyPattern = new RegExp(`(?<!\\\\)"(${keys.map((key) => key.replace(/[^a-z_]/g, '')).join('|')})"\\s*:`, 'g');
  }

  /** All text received so far. */
  get received(): string {
    return this.text;
  }

  /** Adds a delta; returns the sections (in the order written) that are now complete and valid. */
  async push(delta: string): Promise<{ key: string; sentences: ModelSentence[] }[]> {
    this.text += delta;
    // Step back far enough to catch a key split across deltas.
    this.keyPattern.lastIndex = Math.max(0, this.scanned - 40);
    let boundary = -1;
    for (let match = this.keyPattern.exec(this.text); match; match = this.keyPattern.exec(this.text)) {
      const key = match[1] as string;
      if (!this.seen.includes(key)) {
        this.seen.push(key);
        boundary = match.index;
      }
    }
    this.scanned = this.text.length;
    if (boundary < 0 || this.seen.length < 2) return [];
    // Every key seen before the newest one is finished; parse the text up to the newest key.
    const finished = this.seen.slice(0, -1).filter((key) => !this.released.has(key));
    if (finished.length === 0) return [];
    const value = await parsePrefix(this.text.slice(0, boundary));
    return this.release(finished, value);
  }

  /** Sections released so far. */
  releasedKeys(): ReadonlySet<string> {
    return this.released;
  }

  private release(keys: string[], value: unknown): { key: string; sentences: ModelSentence[] }[] {
    if (!value || typeof value !== 'object') return [];
    const out: { key: string; sentences: ModelSentence[] }[] = [];
    for (const key of keys) {
      const parsed = modelSectionSchema.safeParse((value as Record<string, unknown>)[key]);
      if (!parsed.success) continue; // left for the final, validated object
      this.released.add(key);
      out.push({ key, sentences: parsed.data });
    }
    return out;
  }
}

/** The JSON object in a model reply, tolerating Markdown fences or prose around it. */
export function jsonObjectText(text: string): string {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 && end > start ? text.slice(start, end + 1) : text;
}

async function parsePrefix(prefix: string): Promise<unknown> {
  const start = prefix.indexOf('{');
  if (start < 0) return undefined;
  const { value, state } = await parsePartialJson(prefix.slice(start));
  return state === 'failed-parse' ? undefined : value;
}

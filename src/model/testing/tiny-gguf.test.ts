import { describe, expect, it } from 'vitest';
import { buildTinyGguf, buildTinyVocab } from './tiny-gguf.js';

describe('buildTinyGguf', () => {
  it('writes a GGUF v3 header with every tensor and metadata entry counted', () => {
    const bytes = buildTinyGguf();
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('GGUF');
    expect(bytes.readUInt32LE(4)).toBe(3);
    expect(bytes.readBigUInt64LE(8)).toBe(2n + 2n * 9n + 1n); // embeddings, 9 per block, output norm + output
    expect(bytes.readBigUInt64LE(16)).toBe(24n);
    expect(bytes.length % 32).toBe(0);
  });

  it('is small and quick to build', () => {
    const started = performance.now();
    const bytes = buildTinyGguf();
    expect(performance.now() - started).toBeLessThan(100);
    expect(bytes.length).toBeLessThan(1024 * 1024);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(buildTinyGguf({ seed: 3 }).equals(buildTinyGguf({ seed: 3 }))).toBe(true);
    expect(buildTinyGguf({ seed: 3 }).equals(buildTinyGguf({ seed: 4 }))).toBe(false);
  });

  it('rejects inconsistent attention shapes', () => {
    expect(() => buildTinyGguf({ embeddingLength: 60, headCount: 8 })).toThrow(/headCount/);
  });
});

describe('buildTinyVocab', () => {
  it('has unique SPM pieces, the specials first and all 256 byte-fallback tokens', () => {
    const { tokens, scores, types } = buildTinyVocab();
    expect(tokens.slice(0, 3)).toEqual(['<unk>', '<s>', '</s>']);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.filter((t) => /^<0x[0-9A-F]{2}>$/.test(t))).toHaveLength(256);
    expect(scores).toHaveLength(tokens.length);
    expect(types).toHaveLength(tokens.length);
  });
});

import { describe, expect, it } from 'vitest';
import { encodeQr, reedSolomonDivisor, reedSolomonRemainder } from './qr-code';

/** Reads the 15 format bits around the top-left finder (ISO/IEC 18004 §7.9) and undoes the 0x5412 mask. */
function readFormat(modules: boolean[][]): number {
  const at = (x: number, y: number) => (modules[y]?.[x] ? 1 : 0);
  const bits: number[] = [];
  for (let i = 0; i <= 5; i++) bits[i] = at(8, i);
  bits[6] = at(8, 7);
  bits[7] = at(8, 8);
  bits[8] = at(7, 8);
  for (let i = 9; i < 15; i++) bits[i] = at(14 - i, 8);
  return bits.reduce((acc, b, i) => acc | ((b ?? 0) << i), 0) ^ 0x5412;
}

describe('the QR encoder', () => {
  it('computes the Reed–Solomon check words of the 1-M "HELLO WORLD" example', () => {
    // Data and check codewords of the worked example on thonky.com's QR code tutorial (version 1-M).
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(reedSolomonRemainder(data, reedSolomonDivisor(10))).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  it('picks the smallest version that holds an intake link and draws the three finder patterns', () => {
    const url = `http://127.0.0.1:5173/#/intake/${'a'.repeat(43)}`;
    const qr = encodeQr(url);
    expect(qr.size).toBe(qr.version * 4 + 17);
    expect(qr.version).toBe(5); // 74 bytes: 4-M holds 62, 5-M holds 84
    for (const [cx, cy] of [
      [3, 3],
      [qr.size - 4, 3],
      [3, qr.size - 4],
    ] as const) {
      const ring = [-3, -2, -1, 0, 1, 2, 3].map((d) => qr.modules[cy]?.[cx + d]);
      expect(ring).toEqual([true, false, true, true, true, false, true]);
    }
    // The dark module beside the bottom-left finder.
    expect(qr.modules[qr.size - 8]?.[8]).toBe(true);
  });

  it('writes format information for level M and the chosen mask, with a valid BCH remainder', () => {
    const qr = encodeQr('素问 intake');
    const format = readFormat(qr.modules);
    expect(format >>> 10).toBe(qr.mask); // level M is 00, so the top five bits are just the mask
    let rem = format >>> 10;
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    expect(format & 0x3ff).toBe(rem & 0x3ff);
  });

  it('refuses text beyond version 20', () => {
    expect(() => encodeQr('x'.repeat(700))).toThrow(/too long/);
  });
});

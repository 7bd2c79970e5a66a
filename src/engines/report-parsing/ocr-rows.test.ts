import { describe, expect, it } from 'vitest';
import { type OcrTextBox, ocrBoxesToLines } from './ocr-rows.js';
import { sniffReportImage } from './report-image.js';

/** An axis-aligned box at (x, y), w × h, optionally rotated by `angle` radians about the origin. */
function box(text: string, x: number, y: number, w: number, h = 20, angle = 0): OcrTextBox {
  const rot = ([px, py]: [number, number]): [number, number] => [
    px * Math.cos(angle) - py * Math.sin(angle),
    px * Math.sin(angle) + py * Math.cos(angle),
  ];
  return { text, confidence: 0.99, box: [rot([x, y]), rot([x + w, y]), rot([x + w, y + h]), rot([x, y + h])] };
}

describe('ocrBoxesToLines', () => {
  it('puts shuffled table cells back into rows, left to right', () => {
    const boxes = [
      box('6.2', 300, 62, 40),
      box('钾 Potassium', 10, 60, 200),
      box('3.5-5.3', 560, 58, 90),
      box('98', 300, 22, 30),
      box('mmol/L', 420, 61, 80),
      box('血红蛋白 Hemoglobin', 10, 20, 230),
      box('g/L', 420, 21, 40),
    ];
    expect(ocrBoxesToLines(boxes)).toEqual(['血红蛋白 Hemoglobin 98 g/L', '钾 Potassium 6.2 mmol/L 3.5-5.3']);
  });

  it('keeps rows together on a photo tilted by 4°, where the last cell sits lower than the next row starts', () => {
    const a = (4 * Math.PI) / 180;
    const boxes = [
      box('Sodium', 10, 100, 120, 20, a),
      box('128', 600, 100, 40, 20, a),
      box('Potassium', 10, 130, 150, 20, a),
      box('6.2', 600, 130, 40, 20, a),
    ];
    expect(ocrBoxesToLines(boxes)).toEqual(['Sodium 128', 'Potassium 6.2']);
  });

  it('ignores empty text and returns nothing for no boxes', () => {
    expect(ocrBoxesToLines([])).toEqual([]);
    expect(ocrBoxesToLines([box(' ', 0, 0, 10)])).toEqual([]);
  });
});

describe('sniffReportImage', () => {
  it.each([
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]],
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0]],
    ['webp', [0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]],
  ])('recognises %s by its first bytes', (format, bytes) => {
    expect(sniffReportImage(Uint8Array.from(bytes))).toEqual({ format });
  });

  it('rejects an empty file, a PDF and a GIF whatever their names say', () => {
    expect(sniffReportImage(new Uint8Array())).toEqual({ problem: 'empty' });
    expect(sniffReportImage(new TextEncoder().encode('%PDF-1.7'))).toEqual({ problem: 'unsupported-format' });
    expect(sniffReportImage(new TextEncoder().encode('GIF89a'))).toEqual({ problem: 'unsupported-format' });
  });

  it('rejects an upload over the size limit before decoding it', () => {
    expect(sniffReportImage(new Uint8Array(13 * 1024 * 1024))).toEqual({ problem: 'too-large' });
  });
});

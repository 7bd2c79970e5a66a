import { beforeAll, describe, expect, it } from 'vitest';
import { loadLabIndex } from '../../engines/labs/index.js';
import { isSuwenError } from '../../shared/errors.js';
import { interpretReportImage } from './report-image-interpretation.js';
import { loadReportOcr } from './report-ocr.js';
import { renderLabReportImage } from './testing/lab-report-image.js';

const labs = loadLabIndex();

describe('interpretReportImage (embedded OCR, real models)', () => {
  beforeAll(async () => {
    await loadReportOcr();
  });

  it.each([
    ['png', 0],
    ['webp', 3],
  ] as const)(
    'reads a bilingual printed report photo (%s, tilted %d°): haemoglobin 98 low, potassium 6.2 high',
    async (format, tiltDegrees) => {
      const image = await renderLabReportImage({ format, tiltDegrees });
      const result = await interpretReportImage(labs, image, { language: 'zh', sex: 'M', age: 60 });
      const byLab = new Map(result.interpretation.results.map((r) => [r.labId, r]));
      expect(byLab.get('haemoglobin')).toMatchObject({ value: 98, flag: 'low' });
      expect(byLab.get('potassium')?.value).toBe(6.2);
      expect(['high', 'critical-high']).toContain(byLab.get('potassium')?.flag);
      expect(byLab.get('sodium')).toMatchObject({ value: 138, flag: 'normal' });
      expect(byLab.get('platelets')).toMatchObject({ value: 210, flag: 'normal' });
      expect(byLab.get('creatinine')).toMatchObject({ value: 88, flag: 'normal' });
      // Name, value, unit and range were read as one row.
      expect(result.ocr.lines.some((l) => /血红蛋白.*Hemoglobin.*98.*g\/L.*130-175/.test(l))).toBe(true);
      expect(result.patientSummary).toContain('血红蛋白');
      expect(result.patientSummary).toContain('就医');
      expect(result.clinicianSummary).toContain('偏低');
      console.info(`OCR ${format}: ${result.ocr.width}×${result.ocr.height} px in ${result.ocr.ms} ms`);
    },
  );

  it('refuses a file that is not an image, and a blank page, with 400 errors in the requested language', async () => {
    const notImage = await interpretReportImage(labs, new TextEncoder().encode('%PDF-1.7 …'), { language: 'zh' }).catch((e: unknown) => e);
    expect(isSuwenError(notImage) && notImage.code).toBe('VALIDATION_FAILED');
    expect(isSuwenError(notImage) && notImage.params.summary).toMatch(/PNG、JPEG 或 WebP/);
    const sharp = (await import('sharp')).default;
    const blank = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const empty = await interpretReportImage(labs, blank, { language: 'en' }).catch((e: unknown) => e);
    expect(isSuwenError(empty) && empty.params.summary).toMatch(/no text was found/);
    const truncated = (await renderLabReportImage({ format: 'jpeg' })).subarray(0, 200);
    const broken = await interpretReportImage(labs, truncated, { language: 'en' }).catch((e: unknown) => e);
    expect(isSuwenError(broken) && broken.params.summary).toMatch(/could not be decoded/);
  });
});

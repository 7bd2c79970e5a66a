// Report interpretation (issue 6) over HTTP: pasted text or a photo of a lab report. Response types
// come from the server, type-only, so the two cannot drift apart.
import i18next from 'i18next';
import type { ReportImageInterpretation, ReportInterpretation } from '../../../../src/api/reports';
import { API_BASE, ApiError, request } from '../../api';
import { currentLocale } from '../../i18n';

export type { ReportImageInterpretation, ReportInterpretation };

export interface ReportOptions {
  sex?: 'M' | 'F';
  age?: number;
  language?: 'zh' | 'en';
}

/** Photos past this size are shrunk in the browser first: a 2000-pixel page reads as well and uploads faster. */
const SHRINK_ABOVE_BYTES = 3 * 1024 * 1024;
const MAX_SIDE = 2000;

async function shrinkPhoto(file: File): Promise<Blob> {
  if (file.size <= SHRINK_ABOVE_BYTES || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    return blob ?? file;
  } catch {
    // Not decodable here (e.g. HEIC in some browsers): let the server say what it accepts.
    return file;
  }
}

async function uploadReportImage(file: File, options: ReportOptions): Promise<ReportImageInterpretation> {
  const form = new FormData();
  form.set('image', await shrinkPhoto(file), file.name || 'report.jpg');
  if (options.sex) form.set('sex', options.sex);
  if (options.age !== undefined) form.set('age', String(options.age));
  if (options.language) form.set('language', options.language);
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/decision/report/image`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Accept-Language': currentLocale() },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError('NETWORK', 0, i18next.t('errors.network'));
  }
  const body = (await response.json().catch(() => undefined)) as
    | (ReportImageInterpretation & { error?: { code?: unknown; message?: unknown; details?: unknown } })
    | undefined;
  if (!response.ok) {
    const error = body?.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string')
      throw new ApiError(error.code, response.status, error.message, error.details);
    throw new ApiError('HTTP_ERROR', response.status, i18next.t('errors.http', { status: response.status }));
  }
  return body as ReportImageInterpretation;
}

export const reportApi = {
  interpretText: (text: string, options: ReportOptions) =>
    request<ReportInterpretation>('POST', '/decision/report', { body: { text, ...options } }),
  interpretImage: uploadReportImage,
};

/** Image formats the report reader accepts: what phones, scanners and browsers produce. */
export type ReportImageFormat = 'png' | 'jpeg' | 'webp';

/** Largest accepted upload; a phone photo of a page is 1–6 MB. */
export const MAX_REPORT_IMAGE_BYTES = 12 * 1024 * 1024;
/** Largest accepted image (pixels); a 48-megapixel phone photo still fits. */
export const MAX_REPORT_IMAGE_PIXELS = 50_000_000;
/** Smallest side worth reading: below this a printed line is a few pixels tall. */
export const MIN_REPORT_IMAGE_SIDE = 64;

export type ReportImageProblem = 'empty' | 'too-large' | 'unsupported-format';

/**
 * The format from the file's first bytes, never from its name or declared type (both are
 * whatever the sender says): PNG signature, JPEG SOI marker, RIFF…WEBP.
 */
export function sniffReportImage(bytes: Uint8Array): { format: ReportImageFormat } | { problem: ReportImageProblem } {
  if (bytes.length === 0) return { problem: 'empty' };
  if (bytes.length > MAX_REPORT_IMAGE_BYTES) return { problem: 'too-large' };
  const starts = (sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'png' };
  if (starts([0xff, 0xd8, 0xff])) return { format: 'jpeg' };
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return { format: 'webp' };
  return { problem: 'unsupported-format' };
}

/** What to tell the sender, per problem, in both languages (no file content quoted). */
export const REPORT_IMAGE_MESSAGES: Record<
  ReportImageProblem | 'unreadable' | 'too-many-pixels' | 'too-small' | 'no-text',
  { en: string; zh: string }
> = {
  empty: { en: 'the image file is empty', zh: '图片文件为空' },
  'too-large': {
    en: `the image is larger than ${MAX_REPORT_IMAGE_BYTES / 1024 / 1024} MB; take the photo at a lower resolution`,
    zh: `图片超过 ${MAX_REPORT_IMAGE_BYTES / 1024 / 1024} MB,请降低拍摄分辨率后重试`,
  },
  'unsupported-format': {
    en: 'the file is not a PNG, JPEG or WebP image (HEIC photos: choose "Most compatible" in the camera settings, or export as JPEG)',
    zh: '文件不是 PNG、JPEG 或 WebP 图片(苹果 HEIC 照片请在相机设置中选择“兼容性最佳”,或导出为 JPEG)',
  },
  unreadable: { en: 'the image could not be decoded; it may be damaged', zh: '无法解码该图片,文件可能已损坏' },
  'too-many-pixels': {
    en: `the image has more than ${MAX_REPORT_IMAGE_PIXELS / 1_000_000} million pixels`,
    zh: `图片像素超过 ${MAX_REPORT_IMAGE_PIXELS / 1_000_000} 百万`,
  },
  'too-small': {
    en: `the image is smaller than ${MIN_REPORT_IMAGE_SIDE} pixels on a side; photograph the whole report closer`,
    zh: `图片边长小于 ${MIN_REPORT_IMAGE_SIDE} 像素,请靠近拍摄完整报告`,
  },
  'no-text': {
    en: 'no text was found in the image; photograph the report flat, in good light, filling the frame',
    zh: '图片中未识别到文字;请在光线充足处平放报告拍摄,并让报告占满画面',
  },
};

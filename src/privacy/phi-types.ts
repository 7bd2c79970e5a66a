/**
 * The vocabulary of Suwen's de-identification engine, shared by recognizers, the analyzer, the
 * operators, the vault and the evaluation. Types follow the HIPAA Safe Harbor identifiers and the
 * identifiers of Chinese clinical records (身份证号, 住院号/门诊号/病案号, 车牌号).
 */
export const PHI_TYPES = [
  'NAME',
  'DATE',
  'AGE',
  'PHONE',
  'ID_CARD',
  'PASSPORT',
  'SSN',
  'MRN',
  'ADDRESS',
  'EMAIL',
  'URL',
  'IP',
  'ORGANIZATION',
  'BANK_CARD',
  'INSURANCE',
  'LICENSE_PLATE',
  'DEVICE_ID',
] as const;
export type PhiType = (typeof PHI_TYPES)[number];

export type TextLanguage = 'zh' | 'en';

/** One detected identifier. Offsets are UTF-16 code unit offsets into the analysed text. */
export interface PhiFinding {
  type: PhiType;
  start: number;
  end: number;
  /** 0–1: the pattern's base score, raised by context words, set to 1 by a passing checksum. */
  score: number;
  /** Why: which recognizer, which of its patterns, which context words were seen. */
  recognizer: string;
  pattern: string;
  context: string[];
}

export interface AnalyzerConfig {
  /** Recognizer names to run; all when omitted. */
  recognizers?: string[];
  /** Findings below this score are dropped (default 0.5); per type overrides. */
  threshold?: number;
  thresholds?: Partial<Record<PhiType, number>>;
  /** Exact strings never flagged (e.g. the hospital's own department names). */
  allowList?: string[];
  /** Exact strings always flagged, with their type (e.g. staff names). */
  denyList?: { text: string; type: PhiType }[];
}

import type { Bilingual, Citation } from '../../knowledge/index.js';

/** Where a value sits against its reference range and critical limits. */
export type LabFlag = 'low' | 'normal' | 'high' | 'critical-low' | 'critical-high' | 'unknown';

/** One measured value as it arrives (from a report, a FHIR Observation or a user). */
export interface LabResultInput {
  /** Test name, abbreviation, id or LOINC code, English or Chinese ("Cr", "肌酐", "2160-0"). */
  test: string;
  value: number;
  /** Unit as written; omitted = the lab's SI unit. */
  unit?: string;
  /** ISO 8601 time of collection; needed for trends and KDIGO AKI. */
  time?: string;
  /**
   * The laboratory's own reference range for this result (printed on the report, or carried by the
   * record's Observation), in `unit`. Used for the flag instead of the knowledge base's range.
   */
  reportedRange?: { low?: number; high?: number };
}

export interface InterpretLabsInput {
  sex?: 'M' | 'F';
  /** Age in years, for age-banded ranges. */
  age?: number;
  results: readonly LabResultInput[];
}

/** The reference range applied to one result, in the lab's SI unit. */
export interface AppliedRange {
  low?: number;
  high?: number;
  sex?: 'M' | 'F';
  ageMin?: number;
  ageMax?: number;
  unit: string;
  /** True when sex or age was missing and the widest of the candidate ranges was used. */
  merged: boolean;
  /** `reported`: the laboratory's own range given with the result (no KB source); `knowledge-base`: the cited curated range. */
  origin: 'reported' | 'knowledge-base';
  sources: Citation[];
}

export type LabProblemCode = 'unknown-test' | 'unknown-unit' | 'invalid-value' | 'no-range';

/** Why a result could not be (fully) interpreted; a per-result problem, never a throw. */
export interface LabProblem {
  code: LabProblemCode;
  message: Bilingual;
}

export interface InterpretedLabResult {
  /** Position in `input.results`. */
  index: number;
  test: string;
  value: number;
  unit?: string;
  time?: string;
  labId?: string;
  name?: Bilingual;
  /** The value in the lab's SI unit, at full precision. */
  siValue?: number;
  siUnit?: string;
  /** Decimals to display `siValue` and the range with (creatinine µmol/L 0, potassium 1, calcium 2); see `displayDecimals`. */
  decimals?: number;
  range?: AppliedRange;
  flag: LabFlag;
  message: Bilingual;
  /** Source of the range used (the first, when merged). */
  citation?: Citation;
  /** Source of the critical limit, when the flag is critical. */
  criticalCitation?: Citation;
  problem?: LabProblem;
}

export interface TrendPoint {
  time: string;
  value: number;
}

/** Change of one test over time (SI unit), from two or more timed results. */
export interface LabTrend {
  labId: string;
  name: Bilingual;
  unit: string;
  points: TrendPoint[];
  first: TrendPoint;
  last: TrendPoint;
  absoluteChange: number;
  /** Relative to the first value; null when the first value is 0. */
  percentChange: number | null;
  direction: 'rising' | 'falling' | 'stable';
  /** Decimals to display the points with. */
  decimals: number;
}

export interface PatternEvidence {
  labId: string;
  value: number;
  unit: string;
  /** Decimals to display `value` with (set by `interpretLabs`). */
  decimals?: number;
}

/** A multi-result finding with the rule it came from. Decision support for a clinician, not a diagnosis. */
export interface LabPattern {
  id:
    | 'myocardial-injury'
    | 'hyperlactataemia'
    | 'over-anticoagulation'
    | 'severe-hyperglycaemia'
    | 'iron-deficiency'
    | 'acute-kidney-injury'
    | 'diabetic-ketoacidosis'
    | 'hyponatraemia'
    | 'hyperkalaemia'
    | 'anaemia'
    | 'hypoglycaemia'
    | 'thrombocytopenia'
    | 'liver-injury-pattern'
    | 'thyroid-dysfunction';
  /** Stage, level, grade or subtype, e.g. "stage-2", "profound", "hepatocellular". */
  severity: string;
  message: Bilingual;
  evidence: PatternEvidence[];
  source: Citation;
}

/** What `interpretLabs` returns. */
export interface LabInterpretation {
  results: InterpretedLabResult[];
  trends: LabTrend[];
  patterns: LabPattern[];
  disclaimer: Bilingual;
}

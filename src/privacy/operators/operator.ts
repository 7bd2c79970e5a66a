import type { PhiType, TextLanguage } from '../phi-types.js';

/**
 * The contract every anonymization operator implements, after Presidio's `Operator`
 * (presidio-anonymizer/operators): a named way to replace one PHI value that first validates its
 * parameters, then operates. One file per operator beside this one; `operator-registry.ts` names
 * them; `anonymize.ts` applies one to a text's findings inside a PseudonymScope.
 */
export const OPERATORS = ['tag', 'mask', 'redact', 'hash', 'surrogate'] as const;
export type OperatorName = (typeof OPERATORS)[number];

/** What an operator may use, supplied by the PseudonymScope the replacement is made in. */
export interface OperatorParams {
  type: PhiType;
  /** The language of the text, for labels and realistic surrogates. */
  language: TextLanguage;
  /** The scope's key for keyed hashes and seeded surrogates. */
  secret: string;
  /** The scope's name (one document, or one patient across calls). */
  scope: string;
  /** Days every date in the scope moves by (computed on first call). */
  dateShiftDays: () => number;
  /** The highest tag number this type has in the scope so far. */
  tagsUsed: number;
  /** Whether this replacement already stands for another original in the scope. */
  takenByOther: (replacement: string) => boolean;
}

export interface PhiOperator {
  readonly name: OperatorName;
  /**
   * Reversible operators give an original the same replacement throughout a scope, and the scope
   * keeps the pair so a model's answer can be re-identified; mask and redact destroy the value.
   */
  readonly reversible: boolean;
  /** Throws when the parameters cannot give a safe replacement. */
  validate(params: OperatorParams): void;
  operate(original: string, params: OperatorParams): string;
}

/** A keyed operator without a key would be a plain hash, reversible by trying likely values. */
export function requireSecret(operator: OperatorName, params: OperatorParams): void {
  if (params.secret.length === 0) throw new Error(`The ${operator} operator needs the scope's secret`);
}

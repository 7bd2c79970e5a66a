/** De-identification: PHI recognizers and analyzer, anonymization operators, the pseudonym vault. The model's guard (src/model/middleware/deid-guard.ts) uses this face. */
export { analyzePhi } from './analyzer.js';
export { deidentifyText } from './deid-text.js';
export { deidAnalyzerConfigOf } from './deployment-config.js';
export { anonymize, OPERATORS, type OperatorName, PseudonymScope, reidentify } from './operators/anonymize.js';
export { type AnalyzerConfig, PHI_TYPES, type PhiType, type TextLanguage } from './phi-types.js';
export { PseudonymVault, parseVaultKey } from './pseudonym-vault.js';

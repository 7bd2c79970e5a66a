/** Curated treatment options per diagnosis (no model involved). */
export {
  loadTreatmentCatalogue,
  matchDiagnosis,
  normaliseDiagnosisText,
  type TreatmentDiagnosis,
  type TreatmentOption,
} from './treatment-catalogue.js';

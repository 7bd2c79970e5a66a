/** The medication check: interactions, duplicates, doses, renal and hepatic adjustments, allergies — every finding cited. */
export {
  checkMedications,
  type FindingSeverity,
  type MedicationCheckInput,
  type MedicationCheckResult,
  type MedicationFinding,
  medicationCheckInputSchema,
} from './check-medications.js';
export { MedicationIndex } from './medication-index.js';

/** Red flags in the patient's words (zh/en) and form answers, triage, and the emergency message. */
export { detectRedFlags } from './detect-red-flags.js';
export { EMERGENCY_MESSAGE, emergencyAdvice } from './emergency-message.js';
export { RED_FLAG_RULES, type RedFlagId } from './red-flag-rules.js';
export { type MessageScreen, screenMessage } from './screen-message.js';
export { triageIntake } from './triage.js';

/** History-taking evaluation on held-out DDXPlus patients: planner vs fixed order, form interviews, red-flag safety (suwen ddx eval). */
export { evaluateIntakeSafety } from './evaluate-intake-safety.js';
export { runIntakeEvaluation } from './simulate-intake.js';

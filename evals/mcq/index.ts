/** Multiple-choice evaluation (MedQA, MedMCQA): plain and knowledge-grounded runs (suwen eval mcq). */
export { groundingSnippets } from './mcq-grounding.js';
export { loadMcqSet, MCQ_SET_NAMES, type McqLetter, type McqSetName } from './mcq-sets.js';
export { formatMcqReport, type McqEvalReport, runMcqEval } from './run-mcq-eval.js';

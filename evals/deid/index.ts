/** De-identification evaluation: the synthetic zh/en corpus, the Presidio synthetic set, and the scorer (suwen eval deid). */
export { type DeidDoc, parseDeidJsonl } from './deid-doc.js';
export { DEID_EVAL_SET_NAMES, type DeidEvalSetName, loadDeidEvalSets, runDeidEval } from './eval-deid.js';

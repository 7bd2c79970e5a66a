/** Note-generation evaluation on ACI-Bench and MTS-Dialog: data, ROUGE and fact scores (suwen eval notes). */
export { loadNoteEvalSet, NOTE_DEV_SETS, NOTE_EVAL_SETS, type NoteEvalCase, type NoteEvalSetName } from './eval-notes-data.js';
export { formatNotesEvalReport, type NoteEvalReport, type NoteWriter, runNotesEval } from './eval-notes-run.js';
export { loadSuwenVisits, type SuwenVisit, scoreChecklist } from './eval-notes-visits.js';

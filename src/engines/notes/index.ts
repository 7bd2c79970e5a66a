/** The clinical-writing engine: transcripts, extractive notes, provenance, omission and medication checks, evaluation scores. */
export * from './check-note.js';
export * from './chief-complaint.js';
export * from './clinical-document.js';
export * from './clinical-facts.js';
export * from './extractive-note.js';
export { countFacts, FACT_SCORE_KINDS, type FactCounts, type FactScore, type FactScoreKind, factScore } from './fact-score.js';
export * from './find-omissions.js';
export * from './note-sections.js';
export * from './outpatient-header.js';
export * from './parse-transcript.js';
export * from './provenance.js';
export { rouge } from './rouge.js';
export * from './split-sentences.js';
export { cjkShare, contentUnitSet } from './text-units.js';

/** The clinical-writing engine: transcripts, extractive notes, provenance, omission and medication checks, evaluation scores. */
export * from './check-note.js';
export * from './clinical-document.js';
export * from './clinical-facts.js';
export * from './extractive-note.js';
export * from './find-omissions.js';
export * from './note-sections.js';
export * from './parse-transcript.js';
export * from './provenance.js';
export * from './split-sentences.js';
export { contentUnitSet } from './text-units.js';

/** The shipped knowledge base: its schema and types, the loader, and name normalisation. The build (npm run build:kb) stays behind this face. */
export { type ClinicalNames, type ConditionRef, createClinicalNames, getClinicalNames } from './clinical-names.js';
export { normaliseDrugName } from './drug-name-normalise.js';
export { editDistance } from './edit-distance.js';
export { getInteractionTranslations, type InteractionTranslations } from './interaction-translations.js';
export {
  type Bilingual,
  bilingualSchema,
  type Citation,
  type CrossReactivity,
  type CuratedLab,
  citationSchema,
  curatedDrugSchema,
  curatedLabSchema,
  type DoseRange,
  type DoseUnit,
  type InteractionRule,
  type Route,
  routeSchema,
} from './kb-schema.js';
export type { KbCondition, KbDrug, KbEducationTopic, KnowledgeBase, KnowledgeVocabulary } from './knowledge-base-types.js';
export { getKnowledgeBase, loadKnowledgeVocabulary } from './load-knowledge-base.js';
export { normalizeTerm } from './normalize-term.js';

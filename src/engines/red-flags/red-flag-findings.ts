/**
 * The findings red-flag rules are written over. Both the structured answers (frame questions,
 * DDXPlus evidence) and the patient's free text are reduced to this one vocabulary, so a rule
 * such as "chest pain with sweating" fires whichever way each half was told.
 */
export const RED_FLAG_FINDINGS = [
  'chest-pain',
  'sweating',
  'breathless',
  'severe-breathless',
  'crushing-chest-pain',
  'pain-to-arm-or-jaw',
  'face-droop',
  'arm-weakness',
  'speech-difficulty',
  'airway-swelling',
  'allergen-exposure',
  'wheeze',
  'vomiting-blood',
  'heavy-bleeding',
  'black-stool',
  'fainted',
  'seizure',
  'acute-confusion',
  'confusion',
  'fever',
  'low-temperature',
  'very-fast-breathing',
  'mottled-or-blue-skin',
  'no-urine',
  'suicidal-ideation',
  'pregnant',
  'vaginal-bleeding',
  'severe-abdominal-pain',
  'young-infant',
  'thunderclap-headache',
] as const;

export type RedFlagFinding = (typeof RED_FLAG_FINDINGS)[number];

/** A finding that implies another (a sudden acute confusion is also "confusion" for the sepsis rule). */
export const FINDING_IMPLIES: Partial<Record<RedFlagFinding, RedFlagFinding[]>> = {
  'severe-breathless': ['breathless'],
  'acute-confusion': ['confusion'],
};

/** Adds the implied findings in place and returns the same set. */
export function closeFindings(found: Set<RedFlagFinding>): Set<RedFlagFinding> {
  for (const f of [...found]) for (const implied of FINDING_IMPLIES[f] ?? []) found.add(implied);
  return found;
}

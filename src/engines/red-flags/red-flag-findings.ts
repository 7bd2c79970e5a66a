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
  // Pulmonary embolism
  'sudden-breathless',
  'dvt-sign',
  'clot-risk',
  'pleuritic-chest-pain',
  'coughing-blood',
  // Aortic dissection
  'tearing-chest-back-pain',
  'sudden-severe-back-pain',
  'chest-pain-through-to-back',
  // Diabetic emergencies
  'diabetes',
  'vomiting',
  'ketones-high',
  'ketotic-breath',
  'deep-breathing',
  'hypoglycaemia',
  'very-low-glucose',
  'cannot-swallow',
  'drowsy',
  // Status epilepticus
  'prolonged-seizure',
  'repeated-seizures-no-recovery',
  // Meningitis
  'stiff-neck',
  'photophobia',
  'non-blanching-rash',
  'bulging-fontanelle',
  // Acute abdomen
  'abdominal-pain',
  'sudden-severe-abdominal-pain',
  'rigid-abdomen',
  'peritoneal-pain',
  'no-flatus',
  'bilious-or-faecal-vomit',
  'shock-signs',
  // Head injury
  'head-injury',
  'fall-or-knock',
  'anticoagulant',
  'amnesia',
  'worsening-headache',
  // GI bleeding, respiratory failure
  'heavy-rectal-bleeding',
  'low-oxygen',
  'chest-recession',
  // Added with the third set (generalised classes, see extra-text-phrases.ts)
  'nausea',
  'hives',
  'missed-period',
  'one-sided-abdominal-pain',
  'shoulder-tip-pain',
  'purpuric-rash',
  'rigors',
  'low-blood-pressure',
  'very-fast-heart',
  'sense-of-doom',
  'cancer-treatment',
  'infection',
  'high-glucose',
  'polydipsia',
  'reliever-not-working',
  'csf-leak',
  'sudden-vision-loss',
  'blue-lips',
  'overdose-taken',
  'seizure-with-no-recovery',
  'sudden-balance-loss',
  'arm-and-jaw-pain',
  'indigestion-like',
  'face-swelling',
  // The patient names the emergency they fear now ("I think I'm having a heart attack", "怀疑是中风")
  'named-heart-attack',
  'named-stroke',
  'named-anaphylaxis',
  'named-ectopic',
  'gtn-not-working',
] as const;

export type RedFlagFinding = (typeof RED_FLAG_FINDINGS)[number];

/** A finding that implies another (a sudden acute confusion is also "confusion" for the sepsis rule). */
export const FINDING_IMPLIES: Partial<Record<RedFlagFinding, RedFlagFinding[]>> = {
  'severe-breathless': ['breathless'],
  'acute-confusion': ['confusion'],
  'sudden-breathless': ['breathless'],
  'prolonged-seizure': ['seizure'],
  'repeated-seizures-no-recovery': ['seizure'],
  'very-low-glucose': ['hypoglycaemia'],
  'sudden-severe-abdominal-pain': ['abdominal-pain', 'severe-abdominal-pain'],
  'severe-abdominal-pain': ['abdominal-pain'],
  'bilious-or-faecal-vomit': ['vomiting'],
  'vomiting-blood': ['vomiting'],
  'blue-lips': ['mottled-or-blue-skin'],
  'overdose-taken': ['suicidal-ideation'],
  'one-sided-abdominal-pain': ['abdominal-pain'],
};

/** Adds the implied findings in place and returns the same set. */
export function closeFindings(found: Set<RedFlagFinding>): Set<RedFlagFinding> {
  for (const f of [...found]) for (const implied of FINDING_IMPLIES[f] ?? []) found.add(implied);
  return found;
}

/**
 * Test support for the notes workflow: a short English consultation and a scripted model note
 * for it — faithful sentences, two invented ones (one citing a turn that says nothing of the
 * kind, one citing a turn that does not exist) and a medication the doctor prescribed left out.
 */
import type { ScriptStep } from '../../model/testing/index.js';

export const CONSULTATION_EN = [
  'Doctor: Good morning. What brings you in today?',
  'Patient: I have had a cough and a fever for three days.',
  'Doctor: Any medical problems, or medicines you take?',
  'Patient: I have high blood pressure and take lisinopril 10 mg once a day. I am allergic to penicillin, it gives me a rash.',
  'Doctor: Your temperature is 38.2 and your blood pressure is 150/90. Your lungs sound clear.',
  'Doctor: This looks like a viral chest infection. Keep taking the lisinopril, take paracetamol 500 mg every six hours for the fever, and come back in one week if you are not better.',
].join('\n');

export const INVENTED_SENTENCES = ['Patient reports a history of stroke.', 'She travelled abroad last month.'];

/** The model's SOAP note for CONSULTATION_EN: paracetamol is dropped; two sentences are invented. */
export const MODEL_NOTE_EN = {
  subjective: [
    { text: 'Cough and fever for three days.', sourceTurnIds: ['T2'] },
    { text: 'High blood pressure treated with lisinopril 10 mg once a day.', sourceTurnIds: ['T4'] },
    { text: 'Allergic to penicillin, which causes a rash.', sourceTurnIds: ['T4'] },
    { text: INVENTED_SENTENCES[0], sourceTurnIds: ['T2'] },
  ],
  objective: [
    { text: 'Temperature 38.2, blood pressure 150/90.', sourceTurnIds: ['T5'] },
    { text: 'Lungs sound clear.', sourceTurnIds: ['T5'] },
    { text: INVENTED_SENTENCES[1], sourceTurnIds: ['T99'] },
  ],
  assessment: [{ text: 'Viral chest infection.', sourceTurnIds: ['T6'] }],
  plan: [
    { text: 'Keep taking lisinopril.', sourceTurnIds: ['T6'] },
    { text: 'Come back in one week if not better.', sourceTurnIds: ['T6'] },
  ],
};

/** The note as the model streams it: JSON text in `chunks` pieces, `perChunkMs` apart. */
export function streamedNote(value: unknown, chunks = 12, perChunkMs = 0): ScriptStep {
  const text: ScriptStep = { kind: 'text', text: JSON.stringify(value), chunks };
  return perChunkMs ? { kind: 'slow', delayMs: 0, perChunkMs, reply: text } : text;
}

/**
 * The one part of a discharge summary a model writes: the narrative hospital course, as
 * structured output whose sentences cite record facts (R#). A sentence citing nothing, or an id
 * that is not among the facts given, is marked unsupported. The call carries the patient id and
 * is marked as containing PHI, so the guarded gateway de-identifies it for an external model.
 */
import { z } from 'zod';
import type { NoteLanguage, NoteSentence } from '../../engines/notes/index.js';
import {
  type CallActor,
  generateStructured,
  type ModelGateway,
  patientDataContext,
  type RenderedPrompt,
  renderPrompt,
} from '../../model/index.js';
import type { RecordFact } from './discharge-facts.js';

export const hospitalCourseSchema = z.object({
  sentences: z
    .array(z.object({ text: z.string().trim().min(1).max(1000), sourceIds: z.array(z.string().max(20)).max(20) }))
    .min(1)
    .max(30),
});

export interface HospitalCourse {
  sentences: Omit<NoteSentence, 'id'>[];
  prompt: RenderedPrompt;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
}

export async function writeHospitalCourse(
  models: ModelGateway,
  input: {
    patientId: string;
    facts: readonly RecordFact[];
    language: NoteLanguage;
    actor: CallActor;
  },
): Promise<HospitalCourse> {
  const locale = input.language === 'zh' ? 'zh-CN' : 'en';
  const listing = input.facts.map((fact) => `[${fact.id}] ${fact.text}`).join('\n');
  const prompt = renderPrompt('discharge.hospital-course', locale, { facts: listing });
  const context = patientDataContext('discharge.hospital-course', input);
  const started = performance.now();
  const { object, tokensIn, tokensOut } = await generateStructured({
    model: models.model(context),
    schema: hospitalCourseSchema,
    locale,
    ...(prompt.system ? { system: prompt.system } : {}),
    messages: [{ role: 'user', content: prompt.user ?? '' }],
    temperature: 0.2,
  });
  const known = new Set(input.facts.map((fact) => fact.id));
  const sentences = object.sentences.map((sentence) => {
    const cited = [...new Set(sentence.sourceIds.map((id) => id.trim().toUpperCase()))];
    const resolved = cited.filter((id) => known.has(id)).length;
    // Supported only when every cited id is a fact we gave; the score is the share that resolved.
    const supported = cited.length > 0 && resolved === cited.length;
    return {
      text: sentence.text,
      support: {
        sourceIds: cited,
        status: supported ? ('supported' as const) : ('unsupported' as const),
        score: cited.length ? resolved / cited.length : 0,
      },
    };
  });
  return { sentences, prompt, tokensIn, tokensOut, latencyMs: Math.round(performance.now() - started) };
}

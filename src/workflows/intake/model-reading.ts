import { z } from 'zod';
import type { IntakeLanguage, IntakeQuestion } from '../../engines/intake/index.js';
import { generateModelText, generateStructured, type ModelCallContext, type ModelGateway, renderPrompt } from '../../model/index.js';

const localeOf = (language: IntakeLanguage) => (language === 'zh' ? 'zh-CN' : 'en');

/** The structured answer the model must return for a question of this kind. */
function answerSchema(question: IntakeQuestion): z.ZodType<{ value: unknown }> {
  const values = (question.options ?? []).map((option) => option.value);
  switch (question.kind) {
    case 'yes-no':
      return z.object({ value: z.boolean().nullable() });
    case 'scale':
      return z.object({
        value: z
          .number()
          .min(question.min ?? 0)
          .max(question.max ?? 10)
          .nullable(),
      });
    case 'choice':
      return z.object({ value: values.length > 0 ? z.enum(values as [string, ...string[]]).nullable() : z.string().nullable() });
    case 'multi':
      return z.object({ value: values.length > 0 ? z.array(z.enum(values as [string, ...string[]])) : z.array(z.string()) });
    case 'text':
      return z.object({ value: z.string().nullable() });
  }
}

/**
 * Reads a free-text reply into the question's structured value with the model (schema-validated,
 * one repair round). Returns undefined when the reply did not answer the question.
 */
export async function readAnswerWithModel(
  models: ModelGateway,
  context: ModelCallContext,
  question: IntakeQuestion,
  text: string,
  language: IntakeLanguage,
): Promise<string | number | boolean | string[] | undefined> {
  const prompt = renderPrompt('intake.read-answer', localeOf(language), {
    question: question.text,
    kind: question.kind,
    options: (question.options ?? []).map((option) => `${option.value} = ${option.label}`).join('; ') || '-',
  });
  const { object } = await generateStructured({
    model: models.model(context),
    schema: answerSchema(question),
    locale: localeOf(language),
    ...(prompt.system ? { system: prompt.system } : {}),
    messages: [{ role: 'user', content: text }],
    temperature: 0,
    maxOutputTokens: 200,
  });
  const value = object.value as string | number | boolean | string[] | null;
  if (value === null || (Array.isArray(value) && value.length === 0 && question.kind !== 'multi')) return undefined;
  return value;
}

/** Phrases the next question kindly; the template wording stays when the model fails or rambles. */
export async function phraseQuestionWithModel(
  models: ModelGateway,
  context: ModelCallContext,
  question: IntakeQuestion,
  previous: string,
  language: IntakeLanguage,
): Promise<string> {
  const prompt = renderPrompt('intake.ask', localeOf(language), { question: question.text, previous: previous || '-' });
  try {
    const result = await generateModelText({
      model: models.model(context),
      ...(prompt.system ? { system: prompt.system } : {}),
      prompt: question.text,
      temperature: 0.3,
      maxOutputTokens: 120,
    });
    const phrased = result.text.trim();
    // One sentence, not an essay or a second question list.
    return phrased.length > 0 && phrased.length <= Math.max(200, question.text.length * 3) ? phrased : question.text;
  } catch {
    return question.text;
  }
}

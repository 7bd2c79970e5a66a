import type { LanguageModelV3 } from '@ai-sdk/provider';
import { generateObject, type ModelMessage, NoObjectGeneratedError } from 'ai';
import { z } from 'zod';
import { SuwenError } from '../shared/errors.js';
import type { Locale } from '../shared/locale.js';
import { renderPrompt } from './prompts/prompt-templates.js';

/**
 * Asks for an object described by a zod schema. The answer is validated; if it is not valid, the
 * model gets one repair round-trip (its answer and the problems), then OUTPUT_VALIDATION_FAILED.
 * Never a half-parsed result.
 */
export interface StructuredRequest<T> {
  model: LanguageModelV3;
  schema: z.ZodType<T>;
  locale: Locale;
  system?: string;
  messages: ModelMessage[];
  abortSignal?: AbortSignal;
  maxOutputTokens?: number;
  temperature?: number;
}

export interface StructuredResult<T> {
  object: T;
  repaired: boolean;
  tokensIn: number;
  tokensOut: number;
}

/** Problems as paths and messages only: the model's text may contain patient data. */
function problemsOf(error: NoObjectGeneratedError): string {
  const cause = error.cause as { issues?: { path: PropertyKey[]; message: string }[]; name?: string } | undefined;
  const issues =
    cause?.issues ??
    (cause && 'cause' in cause ? (cause.cause as { issues?: { path: PropertyKey[]; message: string }[] })?.issues : undefined);
  if (issues?.length)
    return issues
      .slice(0, 10)
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
      .join('; ');
  return cause?.name === 'JSONParseError' || /JSON/i.test(String(cause?.name)) ? 'not parseable JSON' : 'did not match the schema';
}

export async function generateStructured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
  const jsonSchema = JSON.stringify(z.toJSONSchema(request.schema, { io: 'output', unrepresentable: 'any' }));
  const instruction = renderPrompt('output.json-instruction', request.locale, { schema: jsonSchema }).system ?? '';
  const system = [request.system, instruction].filter(Boolean).join('\n\n');
  const call = (messages: ModelMessage[]) =>
    generateObject({
      model: request.model,
      schema: request.schema,
      system,
      messages,
      maxRetries: 0, // retries live in the gateway's limits middleware
      ...(request.abortSignal ? { abortSignal: request.abortSignal } : {}),
      ...(request.maxOutputTokens ? { maxOutputTokens: request.maxOutputTokens } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    });
  let tokensIn = 0;
  let tokensOut = 0;
  try {
    const first = await call(request.messages);
    return { object: first.object, repaired: false, tokensIn: first.usage.inputTokens ?? 0, tokensOut: first.usage.outputTokens ?? 0 };
  } catch (error) {
    if (!NoObjectGeneratedError.isInstance(error)) throw error;
    tokensIn += error.usage?.inputTokens ?? 0;
    tokensOut += error.usage?.outputTokens ?? 0;
    const repairPrompt = renderPrompt('output.repair', request.locale, { problems: problemsOf(error) }).user ?? '';
    const messages: ModelMessage[] = [
      ...request.messages,
      { role: 'assistant', content: error.text ?? '' },
      { role: 'user', content: repairPrompt },
    ];
    try {
      const second = await call(messages);
      return {
        object: second.object,
        repaired: true,
        tokensIn: tokensIn + (second.usage.inputTokens ?? 0),
        tokensOut: tokensOut + (second.usage.outputTokens ?? 0),
      };
    } catch (again) {
      if (!NoObjectGeneratedError.isInstance(again)) throw again;
      throw new SuwenError('OUTPUT_VALIDATION_FAILED', 'Model output failed validation after one repair', {
        details: [{ message: problemsOf(again) }],
      });
    }
  }
}

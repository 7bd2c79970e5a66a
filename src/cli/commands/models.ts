import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { describeModels, generateModelText, generateStructured, renderPrompt, streamModelText } from '../../model/index.js';
import { localizeError } from '../../shared/error-messages.js';
import { SuwenError } from '../../shared/errors.js';
import { type Locale, pickLocale } from '../../shared/locale.js';
import { CliError, withCliServices } from '../context.js';

/** Exit code for "no model configured", distinct from ordinary failures (1) and bad input (2). */
export const EXIT_NO_MODEL = 3;

function localeOf(option: string | undefined): Locale {
  return option ? pickLocale(option) : pickLocale(process.env.LANG?.replace('_', '-').split('.')[0]);
}

function failure(error: unknown, locale: Locale): CliError {
  if (error instanceof SuwenError) {
    return new CliError(localizeError(error.code, error.params, locale), error.code === 'MODEL_NOT_CONFIGURED' ? EXIT_NO_MODEL : 1);
  }
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof SuwenError ? failure(cause, locale) : new CliError(`model call failed (${(error as Error).name})`);
}

function readSchema(source: string): z.ZodType {
  let text = source.trim();
  if (!text.startsWith('{')) {
    try {
      text = readFileSync(source, 'utf8');
    } catch {
      throw new CliError(`--json-schema: not inline JSON and no such file: ${source}`, 2);
    }
  }
  try {
    return z.fromJSONSchema(JSON.parse(text) as Parameters<typeof z.fromJSONSchema>[0]);
  } catch (error) {
    throw new CliError(`--json-schema: not a usable JSON Schema (${(error as Error).message})`, 2);
  }
}

export function registerModelCommands(program: Command): void {
  program
    .command('models')
    .description('List the configured language models, check each is reachable, and make a one-line round trip')
    .action(async () => {
      await withCliServices(async ({ config, models: gateway }, actor) => {
        const { configured, models } = describeModels(config.models);
        if (!configured) {
          process.stdout.write(
            'No language model configured. Deterministic features work without one.\n' +
              'Connect one with SUWEN_MODEL_BASE_URL + SUWEN_MODEL_NAME (any OpenAI-compatible server) or SUWEN_MODEL_GGUF=/path/model.gguf.\n',
          );
          return;
        }
        let failed = 0;
        for (const model of models) {
          const where = model.kind === 'llama-cpp' ? model.gguf : model.baseUrl;
          process.stdout.write(`${model.id}  ${model.preset}  ${model.name ?? ''}  ${where}  [${model.dataBoundary}]\n`);
          const reach = await gateway.reachability(model.id);
          process.stdout.write(`  reachable: ${reach.reachable ? 'yes' : 'NO'} (${reach.detail})\n`);
          const started = performance.now();
          try {
            const result = await generateModelText({
              model: gateway.model(
                { workflow: 'cli.models', actorId: actor.userId, actorRole: 'cli', requestId: actor.requestId, containsPhi: false },
                model.id,
              ),
              prompt: 'Reply with the single word OK.',
              maxOutputTokens: 16,
            });
            process.stdout.write(
              `  round trip: ${Math.round(performance.now() - started)} ms, ${result.usage.outputTokens ?? '?'} tokens: ${JSON.stringify(result.text.slice(0, 60))}\n`,
            );
          } catch (error) {
            failed++;
            process.stdout.write(`  round trip FAILED: ${failure(error, 'en').message}\n`);
          }
        }
        if (failed) process.exitCode = 1;
      });
    });

  program
    .command('ask <question>')
    .description('Ask the model; the answer streams to stdout (a draft: Suwen does not diagnose or treat)')
    .option('-m, --model <id>', 'which configured model (default: the first)')
    .option('--json-schema <schema>', 'answer as JSON matching this JSON Schema (inline JSON or a file)')
    .option('--lang <locale>', 'zh-CN or en (default: from LANG)')
    .option('--no-phi', 'declare that the question contains no patient data (allows external models)')
    .action(async (question: string, options: { model?: string; jsonSchema?: string; lang?: string; phi: boolean }) => {
      const locale = localeOf(options.lang);
      const schema = options.jsonSchema ? readSchema(options.jsonSchema) : null;
      await withCliServices(async ({ models: gateway }, actor) => {
        try {
          // Unless declared free of patient data, the question is treated as PHI: an external model
          // receives it de-identified by the gateway's privacy guard.
          const model = gateway.model(
            { workflow: 'cli.ask', actorId: actor.userId, actorRole: 'cli', requestId: actor.requestId, containsPhi: options.phi },
            options.model,
          );
          const system = renderPrompt('chat.assistant', locale, { role: locale === 'zh-CN' ? '临床医生' : 'clinician' }).system;
          if (schema) {
            const result = await generateStructured({ model, schema, locale, system, messages: [{ role: 'user', content: question }] });
            process.stdout.write(`${JSON.stringify(result.object, null, 2)}\n`);
            return;
          }
          const result = streamModelText({ model, system, prompt: question });
          for await (const part of result.fullStream) {
            if (part.type === 'text-delta') process.stdout.write(part.text);
            if (part.type === 'error') throw part.error;
          }
          process.stdout.write('\n');
        } catch (error) {
          throw failure(error, locale);
        }
      });
    });
}

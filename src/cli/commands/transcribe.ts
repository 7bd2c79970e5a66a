import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { MAX_AUDIO_BYTES, transcriptToText } from '../../model/index.js';
import { localizeError } from '../../shared/error-messages.js';
import { isSuwenError } from '../../shared/errors.js';
import { CliError, withCliServices } from '../context.js';

const FORMATS = ['text', 'json', 'transcript'] as const;

/**
 * `suwen transcribe consult.wav [--lang zh|en] [--format text|json|transcript]`: audio through the
 * configured recognizer (SUWEN_ASR_*). `transcript` prints "Doctor: …" lines that `suwen note
 * --transcript` reads; progress for long recordings goes to stderr. The call is audited like the
 * server's; the audio and text are not stored.
 */
export function registerTranscribeCommand(program: Command): void {
  program
    .command('transcribe')
    .description('Transcribe consultation audio (WAV, MP3, WebM, OGG, M4A) with the configured speech recognizer')
    .argument('<audio>', 'audio file')
    .option('--lang <lang>', 'zh or en (default: what the recognizer detects)')
    .option('--format <format>', 'text, json or transcript ("Doctor: …" lines for suwen note)', 'text')
    .action(async (file: string, options: { lang?: string; format: string }) => {
      if (options.lang !== undefined && !['zh', 'en'].includes(options.lang)) throw new CliError('--lang must be zh or en', 2);
      if (!(FORMATS as readonly string[]).includes(options.format)) throw new CliError('--format must be text, json or transcript', 2);
      if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`no such file: ${file}`, 2);
      if (statSync(file).size > MAX_AUDIO_BYTES) throw new CliError(`${file} is larger than 100 MB`, 2);
      const abort = new AbortController();
      const onSignal = () => abort.abort();
      process.once('SIGINT', onSignal);
      try {
        const result = await withCliServices(({ speech }, actor) =>
          speech.transcribe(new Uint8Array(readFileSync(file)), {
            context: { workflow: 'cli.transcribe', actorId: actor.userId, actorRole: 'cli', requestId: actor.requestId, containsPhi: true },
            ...(options.lang ? { language: options.lang as 'zh' | 'en' } : {}),
            signal: abort.signal,
            onProgress: (p) => {
              if (p.chunks > 1 && p.chunk > 0)
                process.stderr.write(
                  `suwen: transcribed ${p.chunk}/${p.chunks} chunks (${Math.round(p.seconds ?? 0)} of ${Math.round(p.totalSeconds ?? 0)} s)\n`,
                );
            },
          }),
        );
        if (options.format === 'json')
          process.stdout.write(
            `${JSON.stringify({ transcript: result.transcript, text: result.text, durationS: result.durationS, chunks: result.chunks }, null, 2)}\n`,
          );
        else process.stdout.write(`${options.format === 'transcript' ? transcriptToText(result.transcript) : result.text}\n`);
      } catch (error) {
        if (!isSuwenError(error)) throw error;
        const exit = error.code === 'ASR_NOT_CONFIGURED' ? 78 : error.status >= 500 ? 1 : 2;
        throw new CliError(localizeError(error.code, error.params, 'en'), exit);
      } finally {
        process.off('SIGINT', onSignal);
      }
    });
}

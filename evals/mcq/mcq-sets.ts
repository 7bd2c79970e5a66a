import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Shipped multiple-choice sets (see data/eval/medqa-mcq/NOTICE.md for provenance and licence). */
export const MCQ_SET_NAMES = ['usmle', 'china', 'medmcqa'] as const;
export type McqSetName = (typeof MCQ_SET_NAMES)[number];

export const MCQ_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;
export type McqLetter = (typeof MCQ_LETTERS)[number];

export interface McqQuestion {
  id: string;
  set: McqSetName;
  language: 'en' | 'zh';
  question: string;
  options: Partial<Record<McqLetter, string>>;
  answer: McqLetter;
}

const SET_FILES: Record<McqSetName, { file: string; language: 'en' | 'zh' }> = {
  usmle: { file: 'medqa_us_4op_sample100.jsonl', language: 'en' },
  china: { file: 'medqa_zh_4op_sample100.jsonl', language: 'zh' },
  medmcqa: { file: 'medmcqa_dev.jsonl', language: 'en' },
};

export const MCQ_DATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '../../data/eval/medqa-mcq');

/** One row as the aistairc/medLLM_QA_benchmark files store it: lowercase answer letters, 2–5 choices. */
const rowSchema = z.object({
  problem_id: z.union([z.string().min(1), z.number().int().nonnegative()]),
  problem_text: z.string().min(1),
  choices: z.array(z.string()).min(2).max(5),
  answer: z.array(z.string().regex(/^[a-e]$/)).length(1),
});

/** Turns one stored row into Suwen's question shape; the answer must name one of the choices. */
export function normalizeMcqRow(raw: unknown, set: McqSetName, language: 'en' | 'zh'): McqQuestion {
  const row = rowSchema.parse(raw);
  const options: Partial<Record<McqLetter, string>> = {};
  row.choices.forEach((text, index) => {
    const letter = MCQ_LETTERS[index];
    if (letter) options[letter] = text.trim();
  });
  const answer = (row.answer[0] ?? '').toUpperCase() as McqLetter;
  if (!(answer in options)) throw new Error(`answer ${answer} is not one of the ${row.choices.length} choices`);
  return { id: `${set}-${row.problem_id}`, set, language, question: row.problem_text.trim(), options, answer };
}

export function loadMcqSet(name: McqSetName, dir = MCQ_DATA_DIR): McqQuestion[] {
  const { file, language } = SET_FILES[name];
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const questions: McqQuestion[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    try {
      questions.push(normalizeMcqRow(JSON.parse(line), name, language));
    } catch (error) {
      throw new Error(`${file} line ${index + 1}: ${(error as Error).message}`);
    }
  });
  return questions;
}

/** The letters a question offers, in order (the answer schema's enum). */
export function optionLetters(question: McqQuestion): McqLetter[] {
  return MCQ_LETTERS.filter((letter) => question.options[letter] !== undefined);
}

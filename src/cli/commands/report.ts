import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { getKnowledgeEngines } from '../../engines/knowledge-engines.js';
import type { InterpretedLabResult, LabFlag } from '../../engines/labs/index.js';
import { localizeError } from '../../shared/error-messages.js';
import { isSuwenError } from '../../shared/errors.js';
import { interpretReportImage, type ReportImageInterpretation } from '../../workflows/decision/report-image-interpretation.js';
import { interpretReport, type ReportInterpretation } from '../../workflows/decision/report-interpretation.js';
import { CliError } from '../context.js';
import { writeJson } from './knowledge.js';

/** The pasted-text limit of `POST /decision/report`. */
const MAX_TEXT_CHARS = 50_000;

const optionsSchema = z
  .object({
    image: z.string().min(1).optional(),
    text: z.string().min(1).optional(),
    sex: z.enum(['M', 'F']).optional(),
    age: z.coerce.number().min(0).max(130).optional(),
    lang: z.enum(['zh', 'en']).default('en'),
    format: z.enum(['md', 'json']).default('md'),
  })
  .refine((o) => (o.image === undefined) !== (o.text === undefined), { path: ['image'], message: 'give one of --image or --text' });

const NOTHING_READ = {
  text: {
    en: 'no lab results could be read from the text; give the report rows as printed, e.g. "Sodium 128 mmol/L (135-145) L"',
    zh: '未能从文本中识别出任何检验结果；请按报告原样提供结果行，例如“血红蛋白(HGB) 98 g/L 130-175 ↓”',
  },
  image: {
    en: 'no lab results or report sections could be read from the image; photograph the whole report flat and in focus',
    zh: '未能从图片中读出检验结果或报告段落；请将整份报告平放、对焦清晰后重新拍摄',
  },
};

function readInput(file: string): Buffer {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
  }
}

const WORDS = {
  en: {
    title: 'Report interpretation',
    disclaimer: '> Decision support for a clinician, not a diagnosis. Nothing is stored.',
    results: 'Results',
    header: '| Test | Result | Flag | Reference |',
    clinician: 'Clinician summary',
    patient: 'For the patient',
    ocr: 'Text read from the image (check it against the photo)',
  },
  zh: {
    title: '报告解读',
    disclaimer: '> 供临床医生参考的决策支持，不构成诊断。不保存任何数据。',
    results: '检验结果',
    header: '| 项目 | 结果 | 提示 | 参考区间 |',
    clinician: '医生摘要',
    patient: '患者说明',
    ocr: '图片识别文字（请对照原图核对）',
  },
} as const;

const FLAGS: Record<'zh' | 'en', Record<LabFlag, string>> = {
  en: {
    low: 'low',
    high: 'high',
    'critical-low': '**CRITICAL low**',
    'critical-high': '**CRITICAL high**',
    normal: 'normal',
    unknown: '—',
  },
  zh: { low: '偏低', high: '偏高', 'critical-low': '**危急值(低)**', 'critical-high': '**危急值(高)**', normal: '正常', unknown: '—' },
};

const cell = (text: string) => text.replace(/\|/g, '\\|');

function resultRow(r: InterpretedLabResult, language: 'zh' | 'en'): string {
  const range = r.range;
  const reference =
    range?.low !== undefined && range.high !== undefined
      ? `${range.low}–${range.high} ${range.unit}`
      : range?.low !== undefined
        ? `≥${range.low} ${range.unit}`
        : range?.high !== undefined
          ? `≤${range.high} ${range.unit}`
          : '';
  const name = r.name?.[language] ?? r.test;
  return `| ${cell(name)} | ${cell(`${r.value}${r.unit ? ` ${r.unit}` : ''}`)} | ${FLAGS[language][r.flag]} | ${cell(reference)} |`;
}

/** The interpretation as Markdown: results table, clinician and patient summaries, and the OCR rows of a photo. */
export function renderReportMarkdown(result: ReportInterpretation | ReportImageInterpretation): string {
  const language = result.language;
  const w = WORDS[language];
  const lines = [`# ${w.title}`, '', w.disclaimer, ''];
  if (result.interpretation.results.length > 0) {
    lines.push(`## ${w.results}`, '', w.header, '| --- | --- | --- | --- |');
    for (const r of result.interpretation.results) lines.push(resultRow(r, language));
    lines.push('');
  }
  lines.push(`## ${w.clinician}`, '', result.clinicianSummary, '', `## ${w.patient}`, '', result.patientSummary, '');
  if ('ocr' in result) {
    lines.push(`## ${w.ocr}`, '', '```', ...result.ocr.lines, '```', '', `_${result.ocr.engine}, ${Math.round(result.ocr.ms)} ms_`, '');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `suwen report --text report.txt` / `--image photo.jpg`: a printed lab, imaging or pathology
 * report (text, "-" for stdin, or a photo read by the embedded OCR) → results flagged against
 * cited ranges, a clinician summary and a plain-language patient summary. No model, nothing stored.
 */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('Interpret a printed lab report (pasted text or a photo, read on this machine): flags, clinician and patient summaries')
    .option('--image <file>', 'photo or scan of the report (PNG, JPEG or WebP)')
    .option('--text <file>', 'report text file ("-" for stdin)')
    .option('--sex <sex>', 'M or F, for sex-specific reference ranges')
    .option('--age <years>', 'age in years, for age-specific reference ranges')
    .option('--lang <lang>', 'summaries in zh or en', 'en')
    .option('--format <format>', 'output: md or json', 'md')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success)
        throw new CliError(parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join('; '), 2);
      const options = parsed.data;
      const language = options.lang;
      const input = {
        language,
        ...(options.sex ? { sex: options.sex } : {}),
        ...(options.age !== undefined ? { age: options.age } : {}),
      };
      const labs = getKnowledgeEngines().labs;
      let result: ReportInterpretation | ReportImageInterpretation;
      if (options.text !== undefined) {
        const text = readInput(options.text).toString('utf8');
        if (text.trim() === '') throw new CliError(language === 'zh' ? '报告文本为空' : 'the report text is empty', 2);
        if (text.length > MAX_TEXT_CHARS) throw new CliError(`the report text is longer than ${MAX_TEXT_CHARS} characters`, 2);
        result = interpretReport(labs, { ...input, text });
      } else {
        const bytes = readInput(options.image ?? '');
        try {
          result = await interpretReportImage(labs, new Uint8Array(bytes), input);
        } catch (error) {
          // Empty, oversized, unsupported, undecodable or textless images are the caller's to fix.
          if (isSuwenError(error))
            throw new CliError(localizeError(error.code, error.params, language === 'zh' ? 'zh-CN' : 'en'), error.status < 500 ? 2 : 1);
          throw error;
        }
      }
      if (result.parsed.results.length === 0 && !result.narrative)
        throw new CliError(NOTHING_READ[options.text !== undefined ? 'text' : 'image'][language], 2);
      if (options.format === 'json') writeJson(result);
      else process.stdout.write(renderReportMarkdown(result));
    });
}

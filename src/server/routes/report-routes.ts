import { z } from 'zod';
import { SuwenError } from '../../shared/errors.js';
import { interpretReport } from '../../workflows/decision/report-interpretation.js';
import { defineRoute } from '../route.js';

const NOTHING_PARSED = {
  en: 'no lab results could be read from the text; paste the report rows as printed, e.g. "Sodium 128 mmol/L (135-145) L"',
  zh: '未能从文本中识别出任何检验结果;请按报告原样粘贴结果行,例如“血红蛋白(HGB) 98 g/L 130-175 ↓”',
};

/** Decision support on a pasted lab report: no patient record involved, nothing stored. */
export const reportRoutes = [
  defineRoute({
    method: 'post',
    path: '/decision/report',
    summary:
      'Interpret a pasted lab report (zh/en): the results read from it, flags against cited ranges, patterns, a clinician summary and a plain-language patient summary',
    tag: 'decision',
    permission: 'knowledge.check',
    body: z
      .object({
        text: z.string().min(1).max(50_000),
        sex: z.enum(['M', 'F']).optional(),
        age: z.number().min(0).max(130).optional(),
        language: z.enum(['zh', 'en']).optional(),
      })
      .strict(),
    handler: (c, { body }, { knowledge }) => {
      const language = body.language ?? (c.get('locale') === 'zh-CN' ? 'zh' : 'en');
      const result = interpretReport(knowledge.labs, {
        text: body.text,
        language,
        ...(body.sex ? { sex: body.sex } : {}),
        ...(body.age !== undefined ? { age: body.age } : {}),
      });
      if (result.parsed.results.length === 0) {
        const summary = NOTHING_PARSED[c.get('locale') === 'zh-CN' ? 'zh' : 'en'];
        throw new SuwenError('VALIDATION_FAILED', 'No lab results in the report text', {
          params: { summary },
          details: [{ path: 'body.text', message: NOTHING_PARSED.en }],
        });
      }
      return c.json(result);
    },
  }),
];

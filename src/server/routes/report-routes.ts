import type { Context } from 'hono';
import {
  type ReportImageFields as ImageFields,
  reportImageFieldsSchema as imageFieldsSchema,
  reportBodySchema,
  reportImageInterpretationSchema,
  reportInterpretationSchema,
} from '../../api/reports.js';
import { MAX_REPORT_IMAGE_BYTES } from '../../engines/report-parsing/index.js';
import { SuwenError } from '../../shared/errors.js';
import { interpretReportImage } from '../../workflows/decision/report-image-interpretation.js';
import { interpretReport } from '../../workflows/decision/report-interpretation.js';
import { defineRoute } from '../route.js';
import type { AppEnv } from '../types.js';

const NOTHING_PARSED = {
  en: 'no lab results could be read from the text; paste the report rows as printed, e.g. "Sodium 128 mmol/L (135-145) L"',
  zh: '未能从文本中识别出任何检验结果;请按报告原样粘贴结果行,例如“血红蛋白(HGB) 98 g/L 130-175 ↓”',
};

const NOTHING_IN_IMAGE = {
  en: 'text was found in the image but no lab results or report sections could be read from it; photograph the whole report flat and in focus',
  zh: '图片中识别到文字,但未能读出检验结果或报告段落;请将整份报告平放、对焦清晰后重新拍摄',
};

const IMAGE_UPLOAD = {
  en: 'send the photo as multipart/form-data with the file in the field "image", or as the raw body with Content-Type image/png, image/jpeg or image/webp',
  zh: '请以 multipart/form-data 上传图片(字段名 image),或以 image/png、image/jpeg、image/webp 作为请求体直接发送',
};

/** The path the server's body limit lets through larger than JSON's 2 MB. */
export const REPORT_IMAGE_PATH = '/api/v1/decision/report/image';
/** The largest image plus room for the multipart framing and form fields. */
export const REPORT_IMAGE_MAX_BODY = MAX_REPORT_IMAGE_BYTES + 64 * 1024;

function localized(c: Context<AppEnv>, text: { en: string; zh: string }): string {
  return text[c.get('locale') === 'zh-CN' ? 'zh' : 'en'];
}

/** The image bytes and the form fields, from multipart/form-data or a raw image body with query fields. */
async function readImageUpload(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; fields: ImageFields }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const invalid = (message: { en: string; zh: string }, path: string): SuwenError =>
    new SuwenError('VALIDATION_FAILED', 'Bad report image upload', {
      params: { summary: localized(c, message) },
      details: [{ path, message: message.en }],
    });
  const parseFields = (raw: Record<string, unknown>): ImageFields => {
    const parsed = imageFieldsSchema.safeParse(raw);
    if (!parsed.success)
      throw invalid({ en: 'sex must be M or F, age 0–130, language zh or en', zh: '性别须为 M 或 F,年龄 0–130,语言 zh 或 en' }, 'fields');
    return parsed.data;
  };
  if (type.startsWith('multipart/form-data')) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw invalid(IMAGE_UPLOAD, 'body');
    }
    const { image, ...rest } = form;
    if (!(image instanceof File)) throw invalid(IMAGE_UPLOAD, 'body.image');
    return { bytes: new Uint8Array(await image.arrayBuffer()), fields: parseFields(rest) };
  }
  if (/^(image\/|application\/octet-stream)/.test(type)) {
    return { bytes: new Uint8Array(await c.req.arrayBuffer()), fields: parseFields(c.req.query()) };
  }
  throw invalid(IMAGE_UPLOAD, 'body');
}

/** Decision support on a pasted lab report: no patient record involved, nothing stored. */
export const reportRoutes = [
  defineRoute({
    method: 'post',
    path: '/decision/report',
    summary:
      'Interpret a pasted lab report (zh/en): the results read from it, flags against cited ranges, patterns, a clinician summary and a plain-language patient summary',
    tag: 'decision',
    permission: 'knowledge.check',
    body: reportBodySchema,
    response: reportInterpretationSchema,
    handler: (c, { body }, { knowledge }) => {
      const language = body.language ?? (c.get('locale') === 'zh-CN' ? 'zh' : 'en');
      const result = interpretReport(knowledge.labs, {
        text: body.text,
        language,
        ...(body.sex ? { sex: body.sex } : {}),
        ...(body.age !== undefined ? { age: body.age } : {}),
      });
      if (result.parsed.results.length === 0 && !result.narrative) {
        const summary = NOTHING_PARSED[c.get('locale') === 'zh-CN' ? 'zh' : 'en'];
        throw new SuwenError('VALIDATION_FAILED', 'No lab results in the report text', {
          params: { summary },
          details: [{ path: 'body.text', message: NOTHING_PARSED.en }],
        });
      }
      return c.json(result);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/decision/report/image',
    summary: `Read a photographed or scanned printed report (PNG/JPEG/WebP up to ${MAX_REPORT_IMAGE_BYTES / 1024 / 1024} MB; multipart field "image" plus optional sex, age, language, or a raw image body) with the embedded OCR, then interpret it as POST /decision/report does; the OCR text rows come back for checking`,
    tag: 'decision',
    permission: 'knowledge.check',
    response: reportImageInterpretationSchema,
    handler: async (c, _input, { knowledge }) => {
      const { bytes, fields } = await readImageUpload(c);
      const language = fields.language ?? (c.get('locale') === 'zh-CN' ? 'zh' : 'en');
      const result = await interpretReportImage(knowledge.labs, bytes, {
        language,
        ...(fields.sex ? { sex: fields.sex } : {}),
        ...(fields.age !== undefined ? { age: fields.age } : {}),
      });
      if (result.parsed.results.length === 0 && !result.narrative) {
        throw new SuwenError('VALIDATION_FAILED', 'Nothing readable in the report image', {
          params: { summary: localized(c, NOTHING_IN_IMAGE) },
          details: [{ path: 'image', message: NOTHING_IN_IMAGE.en }],
        });
      }
      return c.json(result);
    },
  }),
];

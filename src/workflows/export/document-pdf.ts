/**
 * A clinical document (visit note or discharge summary) as a PDF, with Noto Sans CJK embedded so
 * Chinese and English both render. Drafts carry a DRAFT / 草稿 watermark on every page; the footer
 * says who reviewed the AI-assisted draft (or that nobody has yet) and that it is not a diagnosis.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ArtifactStatus } from '../../audit/artifacts.js';
import type { ClinicalDocument, NoteLanguage } from '../../engines/notes/index.js';
import { SuwenError } from '../../shared/errors.js';

/** Debian/Ubuntu `fonts-noto-cjk`; the collection's Simplified Chinese face is named below. */
export const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

export interface PdfContext {
  artifactId: string;
  status: ArtifactStatus;
  createdAt: string;
  reviewer: string | null;
  reviewedAt: string | null;
  patient: { name: string; mrn: string | null; gender: string | null; birthDate: string | null } | null;
}

type PdfTextKey =
  | 'draft'
  | 'rejected'
  | 'patient'
  | 'mrn'
  | 'born'
  | 'sex'
  | 'status'
  | 'statusDraft'
  | 'statusAccepted'
  | 'statusEdited'
  | 'statusRejected'
  | 'unsupported'
  | 'clinician'
  | 'placeholder'
  | 'reviewed'
  | 'unreviewed'
  | 'safety'
  | 'method'
  | ClinicalDocument['method'];

const TEXT: Record<NoteLanguage, Record<PdfTextKey, string>> = {
  zh: {
    draft: '草稿',
    rejected: '已驳回',
    patient: '患者',
    mrn: '病历号',
    born: '出生日期',
    sex: '性别',
    status: '状态',
    statusDraft: 'AI 辅助草稿（未审核）',
    statusAccepted: '已审核接受',
    statusEdited: '已审核修改',
    statusRejected: '已驳回',
    unsupported: '〔无来源支持，请核实〕',
    clinician: '〔医生修改〕',
    placeholder: '〔待临床医生填写〕',
    reviewed: '经{who}于{when}审核的AI辅助草稿。',
    unreviewed: 'AI辅助草稿，尚未经临床医生审核。',
    safety: '本文书由 AI 辅助生成，仅供临床医生审核使用，不构成诊断或治疗决定。如病情变化，请及时就医。',
    method: '生成方式',
    model: '模型撰写',
    extractive: '抽取式（规则）',
    computed: '由病历计算',
  },
  en: {
    draft: 'DRAFT',
    rejected: 'REJECTED',
    patient: 'Patient',
    mrn: 'MRN',
    born: 'Born',
    sex: 'Sex',
    status: 'Status',
    statusDraft: 'AI-assisted draft (not reviewed)',
    statusAccepted: 'Reviewed and accepted',
    statusEdited: 'Reviewed and edited',
    statusRejected: 'Rejected',
    unsupported: '[unsupported — verify]',
    clinician: '[edited by clinician]',
    placeholder: '[for the clinician to complete]',
    reviewed: 'AI-assisted draft reviewed by {who} on {when}.',
    unreviewed: 'AI-assisted draft, not yet reviewed by a clinician.',
    safety:
      'Generated with AI assistance for clinician review; not a diagnosis or treatment decision. Seek medical care if the condition changes.',
    method: 'Method',
    model: 'written by a model',
    extractive: 'extractive (rules)',
    computed: 'computed from the record',
  },
};

/** Renders the document; throws PDF_FONT_MISSING when the CJK font is not installed. */
export async function renderDocumentPdf(document: ClinicalDocument, context: PdfContext, fontPath = CJK_FONT_PATH): Promise<Buffer> {
  if (!existsSync(fontPath)) throw new SuwenError('PDF_FONT_MISSING', 'CJK font missing', { params: { path: fontPath } });
  const t = TEXT[document.language];
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 72, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: document.title, Creator: 'Suwen', Producer: 'Suwen (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont(CJK_FONT_NAME, fontPath, CJK_FONT_NAME);
  pdf.font(CJK_FONT_NAME);

  pdf.fontSize(18).fillColor('#000').text(document.title);
  pdf.moveDown(0.3).fontSize(10).fillColor('#333');
  if (context.patient) {
    const p = context.patient;
    const parts = [
      `${t.patient}: ${p.name}`,
      p.mrn ? `${t.mrn}: ${p.mrn}` : null,
      p.gender ? `${t.sex}: ${p.gender}` : null,
      p.birthDate ? `${t.born}: ${p.birthDate}` : null,
    ];
    pdf.text(parts.filter(Boolean).join('    '));
  }
  const statusText = { draft: t.statusDraft, accepted: t.statusAccepted, edited: t.statusEdited, rejected: t.statusRejected }[
    context.status
  ];
  pdf.text(`${t.status}: ${statusText}    ${t.method}: ${t[document.method]}    ${context.createdAt.slice(0, 10)}`);
  pdf.moveDown(0.8);

  for (const section of document.sections) {
    pdf.fontSize(13).fillColor('#000').text(section.title);
    pdf.moveDown(0.2).fontSize(10.5);
    for (const sentence of section.sentences) {
      const unsupported = sentence.support.status === 'unsupported';
      const mark = unsupported ? ` ${t.unsupported}` : sentence.support.status === 'clinician' ? ` ${t.clinician}` : '';
      const cites = sentence.support.sourceIds.length ? ` [${sentence.support.sourceIds.join(', ')}]` : '';
      pdf
        .fillColor(section.placeholder ? '#666' : unsupported ? '#a00' : '#111')
        .text(`${sentence.text}${cites}${mark}`, { paragraphGap: 2 });
    }
    if (section.placeholder) pdf.fillColor('#666').fontSize(9).text(t.placeholder);
    pdf.moveDown(0.6);
  }

  const reviewed = (context.status === 'accepted' || context.status === 'edited') && context.reviewer;
  const footer = [
    reviewed
      ? t.reviewed.replace('{who}', context.reviewer ?? '').replace('{when}', (context.reviewedAt ?? '').slice(0, 10))
      : t.unreviewed,
    t.safety,
  ].join(' ');
  const watermark = context.status === 'draft' ? t.draft : context.status === 'rejected' ? t.rejected : null;
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    if (watermark) {
      pdf.save();
      pdf.rotate(-35, { origin: [pdf.page.width / 2, pdf.page.height / 2] });
      pdf
        .fontSize(96)
        .fillColor('#c00', 0.12)
        .text(watermark, 0, pdf.page.height / 2 - 60, { width: pdf.page.width, align: 'center', lineBreak: false });
      pdf.restore();
    }
    // Inside the bottom margin: lift the margin so pdfkit does not start a new page for the footer.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .fontSize(8)
      .fillColor('#555', 1)
      .text(`${footer}  (${i + 1}/${range.count})`, pdf.page.margins.left, pdf.page.height - 56, {
        width: pdf.page.width - pdf.page.margins.left - pdf.page.margins.right,
        align: 'center',
      });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}

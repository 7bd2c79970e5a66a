import { idParamsSchema } from '../../api/common.js';
import { documentFhirResponse, documentPdfResponse } from '../../api/export.js';
import { exportDocumentFhir, exportDocumentPdf } from '../../workflows/export/export-document.js';
import { defineRoute } from '../route.js';

/** Clinical documents (notes, discharge summaries) out of Suwen: a PDF of any draft, FHIR of reviewed ones. */
export const exportRoutes = [
  defineRoute({
    method: 'get',
    path: '/artifacts/:id/pdf',
    summary: 'A clinical document artifact as PDF (CJK embedded); drafts are watermarked, the footer names the reviewer',
    tag: 'artifacts',
    permission: 'artifact.read',
    params: idParamsSchema,
    response: documentPdfResponse,
    handler: async (c, { params, actor }, services) => {
      const { body, fileName } = await exportDocumentPdf(services, actor, params.id);
      return c.body(new Uint8Array(body), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${fileName}.pdf"`,
        'Cache-Control': 'no-store',
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/artifacts/:id/fhir',
    summary:
      'A reviewed (accepted or edited) clinical document as a FHIR R4 document Bundle: Composition, Patient, DocumentReference (text + PDF), Provenance',
    tag: 'artifacts',
    permission: 'artifact.read',
    params: idParamsSchema,
    response: documentFhirResponse,
    handler: async (c, { params, actor }, services) => {
      const { body, fileName } = await exportDocumentFhir(services, actor, params.id);
      return c.body(JSON.stringify(body), 200, {
        'Content-Type': 'application/fhir+json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}.fhir.json"`,
        'Cache-Control': 'no-store',
      });
    },
  }),
];

import type { Context } from 'hono';
import { idParamsSchema } from '../../api/common.js';
import { documentFhirResponse, documentPdfResponse } from '../../api/export.js';
import type { Artifact } from '../../audit/artifacts.js';
import type { Principal } from '../../auth/roles.js';
import { findPatientDemographics, findPatientResource } from '../../record/patient-lookups.js';
import { notFound } from '../../shared/errors.js';
import { clinicalDocumentOf } from '../../workflows/export/clinical-document-of.js';
import { toFhirDocumentBundle } from '../../workflows/export/document-fhir.js';
import { type PdfContext, renderDocumentPdf } from '../../workflows/export/document-pdf.js';
import { defineRoute } from '../route.js';
import type { AppEnv, Services } from '../types.js';

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
    handler: async (c, { params, principal }, services) => {
      const artifact = await readableArtifact(services, params.id);
      const { document, edited } = clinicalDocumentOf(artifact);
      const pdf = await renderDocumentPdf(document, await pdfContext(services, artifact));
      await auditExport(c, services, principal, artifact, { format: 'pdf', edited, bytes: pdf.length });
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${fileName(artifact)}.pdf"`,
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
    handler: async (c, { params, principal }, services) => {
      const artifact = await readableArtifact(services, params.id);
      const { document, edited } = clinicalDocumentOf(artifact);
      // Refuse drafts before rendering anything (toFhirDocumentBundle checks again).
      if (artifact.status !== 'accepted' && artifact.status !== 'edited')
        toFhirDocumentBundle({ artifact, document, patient: null, pdf: Buffer.alloc(0) });
      const pdf = await renderDocumentPdf(document, await pdfContext(services, artifact));
      const patient = artifact.patientId ? await findPatientResource(services.store, artifact.patientId) : null;
      const bundle = toFhirDocumentBundle({ artifact, document, patient, pdf });
      await auditExport(c, services, principal, artifact, { format: 'fhir', edited });
      return c.body(JSON.stringify(bundle), 200, {
        'Content-Type': 'application/fhir+json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName(artifact)}.fhir.json"`,
        'Cache-Control': 'no-store',
      });
    },
  }),
];

async function readableArtifact(services: Services, id: string): Promise<Artifact> {
  const artifact = await services.artifacts.get(id);
  // artifact.read (clinicians, admins) reads every artifact, as GET /artifacts/:id does.
  if (!artifact) throw notFound('artifact');
  return artifact;
}

async function pdfContext(services: Services, artifact: Artifact): Promise<PdfContext> {
  const patient = artifact.patientId ? await findPatientDemographics(services.store, artifact.patientId) : null;
  return {
    artifactId: artifact.id,
    status: artifact.status,
    createdAt: artifact.createdAt,
    reviewer: artifact.reviewer?.displayName ?? null,
    reviewedAt: artifact.reviewedAt,
    patient: patient ? { name: patient.name, mrn: patient.mrn, gender: patient.gender, birthDate: patient.birthDate } : null,
  };
}

function fileName(artifact: Artifact): string {
  return `${artifact.kind}-${artifact.id}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

async function auditExport(
  c: Context<AppEnv>,
  services: Services,
  principal: Principal,
  artifact: Artifact,
  details: Record<string, unknown>,
): Promise<void> {
  await services.audit.append({
    actorId: principal.userId,
    actorRole: principal.role,
    action: 'artifact.export',
    entityType: 'artifact',
    entityId: artifact.id,
    patientId: artifact.patientId,
    sourceIp: c.get('clientIp'),
    requestId: c.get('requestId'),
    details: { kind: artifact.kind, status: artifact.status, ...details },
  });
}

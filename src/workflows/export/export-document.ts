import type { Artifact, ArtifactService } from '../../audit/artifacts.js';
import type { Actor } from '../../auth/actor.js';
import type { PatientAccess } from '../../record/patient-access.js';
import { findPatientDemographics, findPatientResource } from '../../record/patient-lookups.js';
import { notFound } from '../../shared/errors.js';
import type { Store } from '../../store/database.js';
import { clinicalDocumentOf } from './clinical-document-of.js';
import { type FhirDocumentBundle, toFhirDocumentBundle } from './document-fhir.js';
import { type PdfContext, renderDocumentPdf } from './document-pdf.js';

/**
 * A clinical document (visit note, discharge summary) leaving Suwen: a PDF of any draft
 * (watermarked), FHIR of reviewed ones only. Each export is audited as `artifact.export` with the
 * format and size, whoever asks (route, CLI, job).
 */

export interface ExportDocumentDeps {
  store: Store;
  artifacts: ArtifactService;
  access: PatientAccess;
}

export interface ExportedDocument<T> {
  body: T;
  /** A safe file name without extension. */
  fileName: string;
}

async function exportableArtifact(deps: ExportDocumentDeps, id: string): Promise<Artifact> {
  // artifact.read (clinicians, admins) reads every artifact, as GET /artifacts/:id does.
  const artifact = await deps.artifacts.get(id);
  if (!artifact) throw notFound('artifact');
  return artifact;
}

async function pdfContext(store: Store, artifact: Artifact): Promise<PdfContext> {
  const patient = artifact.patientId ? await findPatientDemographics(store, artifact.patientId) : null;
  return {
    artifactId: artifact.id,
    status: artifact.status,
    createdAt: artifact.createdAt,
    reviewer: artifact.reviewer?.displayName ?? null,
    reviewedAt: artifact.reviewedAt,
    patient: patient ? { name: patient.name, mrn: patient.mrn, gender: patient.gender, birthDate: patient.birthDate } : null,
  };
}

function fileNameOf(artifact: Artifact): string {
  return `${artifact.kind}-${artifact.id}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

async function auditExport(deps: ExportDocumentDeps, actor: Actor, artifact: Artifact, details: Record<string, unknown>): Promise<void> {
  await deps.access.recordChange(actor, 'artifact.export', {
    entityType: 'artifact',
    entityId: artifact.id,
    patientId: artifact.patientId,
    details: { kind: artifact.kind, status: artifact.status, ...details },
  });
}

/** The document as PDF (CJK embedded); drafts are watermarked, the footer names the reviewer. */
export async function exportDocumentPdf(deps: ExportDocumentDeps, actor: Actor, id: string): Promise<ExportedDocument<Buffer>> {
  const artifact = await exportableArtifact(deps, id);
  const { document, edited } = clinicalDocumentOf(artifact);
  const pdf = await renderDocumentPdf(document, await pdfContext(deps.store, artifact));
  await auditExport(deps, actor, artifact, { format: 'pdf', edited, bytes: pdf.length });
  return { body: pdf, fileName: fileNameOf(artifact) };
}

/** A reviewed document as a FHIR R4 document Bundle (Composition, Patient, DocumentReference with the PDF, Provenance). */
export async function exportDocumentFhir(
  deps: ExportDocumentDeps,
  actor: Actor,
  id: string,
): Promise<ExportedDocument<FhirDocumentBundle>> {
  const artifact = await exportableArtifact(deps, id);
  const { document, edited } = clinicalDocumentOf(artifact);
  // Refuse drafts before rendering anything (toFhirDocumentBundle checks again).
  if (artifact.status !== 'accepted' && artifact.status !== 'edited')
    toFhirDocumentBundle({ artifact, document, patient: null, pdf: Buffer.alloc(0) });
  const pdf = await renderDocumentPdf(document, await pdfContext(deps.store, artifact));
  const patient = artifact.patientId ? await findPatientResource(deps.store, artifact.patientId) : null;
  const bundle = toFhirDocumentBundle({ artifact, document, patient, pdf });
  await auditExport(deps, actor, artifact, { format: 'fhir', edited });
  return { body: bundle, fileName: fileNameOf(artifact) };
}

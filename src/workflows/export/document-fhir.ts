/**
 * A reviewed clinical document as a FHIR R4 document Bundle: Composition first (sections with
 * LOINC codes), the Patient, a DocumentReference carrying the text and the PDF, and a Provenance
 * naming the model that drafted it and the clinician who reviewed it. Only accepted or edited
 * artifacts are exported (a draft is not yet a clinical record).
 */
import type { Artifact } from '../../audit/artifacts.js';
import { toFhirProvenance } from '../../audit/fhir-audit.js';
import { type ClinicalDocument, documentToText } from '../../engines/notes/index.js';
import { SuwenError } from '../../shared/errors.js';
import { newId, nowIso } from '../../shared/ids.js';

const LOINC = 'http://loinc.org';

/** Document types: LOINC 18842-5 "Discharge summary", 11488-4 "Consult note". */
const DOCUMENT_TYPES: Record<ClinicalDocument['format'], { code: string; display: string }> = {
  'discharge-summary': { code: '18842-5', display: 'Discharge summary' },
  'zh-outpatient': { code: '11488-4', display: 'Consult note' },
  soap: { code: '11488-4', display: 'Consult note' },
};

/** Section codes: LOINC section codes as used by HL7 C-CDA R2.1 (consultation note, discharge summary). */
const SECTION_CODES: Record<string, { code: string; display: string }> = {
  chief_complaint: { code: '10154-3', display: 'Chief complaint Narrative - Reported' },
  present_illness: { code: '10164-2', display: 'History of Present illness Narrative' },
  past_history: { code: '11348-0', display: 'History of Past illness Narrative' },
  allergy_history: { code: '48765-2', display: 'Allergies and adverse reactions Document' },
  physical_exam: { code: '29545-1', display: 'Physical findings Narrative' },
  investigations: { code: '30954-2', display: 'Relevant diagnostic tests/laboratory data Narrative' },
  preliminary_diagnosis: { code: '11450-4', display: 'Problem list - Reported' },
  plan: { code: '18776-5', display: 'Plan of care note' },
  subjective: { code: '61150-9', display: 'Subjective Narrative' },
  objective: { code: '61149-1', display: 'Objective Narrative' },
  assessment: { code: '51848-0', display: 'Evaluation note' },
  admission_diagnoses: { code: '46241-6', display: 'Hospital admission diagnosis Narrative - Reported' },
  discharge_diagnoses: { code: '11535-2', display: 'Hospital discharge Dx Narrative' },
  procedures: { code: '47519-4', display: 'History of Procedures Document' },
  hospital_course: { code: '8648-8', display: 'Hospital course Narrative' },
  key_results: { code: '30954-2', display: 'Relevant diagnostic tests/laboratory data Narrative' },
  medication_reconciliation: { code: '10183-2', display: 'Hospital discharge medications Narrative' },
  condition_at_discharge: { code: '10184-0', display: 'Hospital discharge physical findings Narrative' },
  follow_up: { code: '18776-5', display: 'Plan of care note' },
  patient_instructions: { code: '8653-8', display: 'Hospital Discharge instructions' },
};

export interface FhirDocumentInput {
  artifact: Artifact;
  document: ClinicalDocument;
  /** The stored Patient resource, when the artifact belongs to a patient. */
  patient: Record<string, unknown> | null;
  pdf: Buffer;
}

export type FhirResource = Record<string, unknown> & { resourceType: string; id: string };

export interface FhirDocumentBundle {
  resourceType: 'Bundle';
  id: string;
  meta: { lastUpdated: string };
  identifier: { system: string; value: string };
  type: 'document';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function toFhirDocumentBundle({ artifact, document, patient, pdf }: FhirDocumentInput): FhirDocumentBundle {
  if (artifact.status !== 'accepted' && artifact.status !== 'edited') {
    throw new SuwenError('EXPORT_NOT_REVIEWED', 'Only reviewed artifacts are exported', { params: { status: artifact.status } });
  }
  const now = nowIso();
  const date = artifact.reviewedAt ?? artifact.createdAt;
  const type = DOCUMENT_TYPES[document.format];
  const typeConcept = { coding: [{ system: LOINC, code: type.code, display: type.display }], text: document.title };
  // References resolve to the bundle's fullUrls (urn:uuid:…), like `suwen export fhir`'s bundles.
  const subject = artifact.patientId
    ? { reference: patient ? `urn:uuid:${artifact.patientId}` : `Patient/${artifact.patientId}` }
    : undefined;
  const encounter = artifact.encounterId ? { reference: `Encounter/${artifact.encounterId}` } : undefined;
  const author = artifact.reviewer
    ? { reference: `Practitioner/${artifact.reviewer.id}`, display: artifact.reviewer.displayName }
    : { display: 'Suwen' };
  const language = document.language === 'zh' ? 'zh-CN' : 'en';
  const compositionId = newId();
  const referenceId = newId();
  const provenanceId = newId();

  const composition: FhirResource = {
    resourceType: 'Composition',
    id: compositionId,
    language,
    identifier: { system: 'urn:suwen:artifact', value: artifact.id },
    status: 'final',
    type: typeConcept,
    ...(subject ? { subject } : {}),
    ...(encounter ? { encounter } : {}),
    date,
    author: [author],
    title: document.title,
    ...(artifact.reviewer && artifact.reviewedAt ? { attester: [{ mode: 'legal', time: artifact.reviewedAt, party: author }] } : {}),
    section: document.sections.map((section) => {
      const code = SECTION_CODES[section.key];
      const lines = section.sentences.map((sentence) => `<p>${escapeXml(sentence.text)}</p>`).join('');
      return {
        title: section.title,
        ...(code ? { code: { coding: [{ system: LOINC, code: code.code, display: code.display }] } } : {}),
        text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${lines || '<p/>'}</div>` },
        ...(section.sentences.length === 0
          ? { emptyReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'unavailable' }] } }
          : {}),
      };
    }),
  };
  const text = `${document.title}\n\n${documentToText(document)}`;
  const documentReference: FhirResource = {
    resourceType: 'DocumentReference',
    id: referenceId,
    identifier: [{ system: 'urn:suwen:artifact', value: artifact.id }],
    status: 'current',
    docStatus: artifact.status === 'edited' ? 'amended' : 'final',
    type: typeConcept,
    ...(subject ? { subject } : {}),
    date,
    author: [author],
    description: document.title,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language,
          title: document.title,
          data: Buffer.from(text, 'utf8').toString('base64'),
        },
      },
      { attachment: { contentType: 'application/pdf', language, title: `${document.title}.pdf`, data: pdf.toString('base64') } },
    ],
    ...(encounter ? { context: { encounter: [encounter] } } : {}),
  };
  const provenance: FhirResource = {
    ...toFhirProvenance(artifact),
    resourceType: 'Provenance',
    id: provenanceId,
    target: [{ reference: `urn:uuid:${compositionId}` }, { reference: `urn:uuid:${referenceId}` }],
  };

  const entries: FhirResource[] = [
    composition,
    ...(patient ? [{ ...patient, resourceType: 'Patient', id: String(patient.id) }] : []),
    documentReference,
    provenance,
  ];
  return {
    resourceType: 'Bundle',
    id: newId(),
    meta: { lastUpdated: now },
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${newId()}` },
    type: 'document',
    timestamp: now,
    entry: entries.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}

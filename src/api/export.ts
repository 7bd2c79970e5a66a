/**
 * API contract: export — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { type ContentResponse, FHIR_JSON, fhirBundleSchema } from './common.js';

/** A clinical document artifact as a PDF download. */
export const documentPdfResponse: ContentResponse = {
  description: 'The document as PDF (attachment); drafts are watermarked, the footer names the reviewer',
  content: { 'application/pdf': {} },
};

/** A reviewed clinical document as a FHIR R4 document Bundle download. */
export const documentFhirResponse: ContentResponse = {
  description: 'FHIR R4 document Bundle (attachment): Composition, Patient, DocumentReference (text + PDF), Provenance',
  content: { [FHIR_JSON]: { schema: fhirBundleSchema } },
};

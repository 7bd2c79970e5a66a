import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../audit/artifacts.js';
import type { ClinicalDocument } from '../../engines/notes/index.js';
import { clinicalDocumentOf } from './clinical-document-of.js';
import { toFhirDocumentBundle } from './document-fhir.js';
import { renderDocumentPdf } from './document-pdf.js';

const support = { sourceIds: ['T1'], status: 'supported' as const, score: 0.8 };
const SOAP: ClinicalDocument = {
  format: 'soap',
  language: 'en',
  title: 'Visit note',
  method: 'model',
  omissions: [],
  sections: [
    { key: 'subjective', title: 'Subjective', sentences: [{ id: 'S1', text: 'Cough for 3 days; the patient says 咳嗽三天.', support }] },
    { key: 'plan', title: 'Plan', sentences: [{ id: 'S2', text: 'Review in one week <if not better>.', support }] },
  ],
};

function artifact(
  status: Artifact['status'],
  content: Record<string, unknown>,
  editedContent: Record<string, unknown> | null = null,
): Artifact {
  return {
    id: 'a1',
    kind: 'clinical-note',
    workflow: 'notes',
    patientId: null,
    patientName: null,
    encounterId: null,
    model: { id: 'scripted', version: null },
    prompt: { id: null, version: null, hash: null },
    inputHash: '0'.repeat(64),
    content,
    sources: [],
    guardrails: [],
    latencyMs: null,
    tokensIn: null,
    tokensOut: null,
    status,
    createdAt: '2024-05-01T10:00:00.000Z',
    createdBy: 'u1',
    reviewer: status === 'draft' ? null : { id: 'u2', displayName: 'Dr Li' },
    reviewedAt: status === 'draft' ? null : '2024-05-01T11:00:00.000Z',
    reviewNote: null,
    editedContent,
    editDiff: null,
    editDistance: null,
  };
}

describe('clinical document export', () => {
  it('renders English and Chinese text into a PDF that pdftotext reads back, and says so when the font is missing', async () => {
    const pdf = await renderDocumentPdf(SOAP, {
      artifactId: 'a1',
      status: 'accepted',
      createdAt: '2024-05-01',
      reviewer: 'Dr Li',
      reviewedAt: '2024-05-01',
      patient: null,
    });
    const file = join(mkdtempSync(join(tmpdir(), 'suwen-pdf-')), 'note.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Visit note',
      'Subjective',
      '咳嗽三天',
      'Review in one week <if not better>.',
      'AI-assisted draft reviewed by Dr Li on 2024-05-01',
    ]) {
      expect(text).toContain(expected);
    }
    // A sentence the clinician wrote is marked as theirs, not flagged as unsupported.
    const edited: ClinicalDocument = {
      ...SOAP,
      sections: [
        ...SOAP.sections,
        {
          key: 'assessment',
          title: 'Assessment',
          sentences: [{ id: 'S3', text: 'Likely viral bronchitis.', support: { sourceIds: [], status: 'clinician', score: 0 } }],
        },
      ],
    };
    const editedPdf = await renderDocumentPdf(edited, {
      artifactId: 'a1',
      status: 'edited',
      createdAt: '2024-05-01',
      reviewer: 'Dr Li',
      reviewedAt: '2024-05-01',
      patient: null,
    });
    writeFileSync(file, editedPdf);
    const editedText = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(editedText).toContain('Likely viral bronchitis. [edited by clinician]');
    expect(editedText).not.toContain('unsupported');
    await expect(
      renderDocumentPdf(
        SOAP,
        { artifactId: 'a1', status: 'draft', createdAt: '', reviewer: null, reviewedAt: null, patient: null },
        '/no/such/font.ttc',
      ),
    ).rejects.toMatchObject({
      code: 'PDF_FONT_MISSING',
    });
  });

  it('builds a consult-note Composition with LOINC sections and escaped narrative, only for reviewed artifacts', () => {
    expect(() =>
      toFhirDocumentBundle({ artifact: artifact('draft', { document: SOAP }), document: SOAP, patient: null, pdf: Buffer.from('%PDF-') }),
    ).toThrow(expect.objectContaining({ code: 'EXPORT_NOT_REVIEWED' }));
    const bundle = toFhirDocumentBundle({
      artifact: artifact('accepted', { document: SOAP }),
      document: SOAP,
      patient: null,
      pdf: Buffer.from('%PDF-'),
    });
    const composition = bundle.entry[0]?.resource as unknown as {
      type: { coding: { code: string }[] };
      section: { code: { coding: { code: string }[] }; text: { div: string } }[];
      author: { display: string }[];
    };
    expect(composition.type.coding[0]?.code).toBe('11488-4');
    expect(composition.section.map((s) => s.code.coding[0]?.code)).toEqual(['61150-9', '18776-5']);
    expect(composition.section[1]?.text.div).toContain('&lt;if not better&gt;');
    expect(composition.author[0]?.display).toBe('Dr Li');
  });

  it('uses the reviewer’s edit, and refuses content without a clinical document', () => {
    const edited = { ...SOAP, title: 'Visit note (edited)' };
    expect(clinicalDocumentOf(artifact('edited', { document: SOAP }, { document: edited })).document.title).toBe('Visit note (edited)');
    const textOnly = clinicalDocumentOf(artifact('edited', { document: SOAP }, { title: 'T', text: 'Subjective\nCough.\n\nPlan\nRest.' }));
    expect(textOnly.document.sections.map((s) => [s.title, s.sentences.map((x) => x.text)])).toEqual([
      ['Subjective', ['Cough.']],
      ['Plan', ['Rest.']],
    ]);
    expect(() => clinicalDocumentOf(artifact('accepted', { title: 'x', text: 'y' }))).toThrow(
      expect.objectContaining({ code: 'NOT_A_CLINICAL_DOCUMENT' }),
    );
  });
});

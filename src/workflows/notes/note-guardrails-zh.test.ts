import { describe, expect, it } from 'vitest';
import type { Artifact, ArtifactService, NewArtifact } from '../../audit/artifacts.js';
import type { ClinicalDocument, Transcript } from '../../engines/notes/index.js';
import { storeNoteArtifact } from './store-note-artifact.js';

/** Keeps what the workflow asked to store; the test reads the guardrails it wrote. */
function recordingArtifacts(): { service: ArtifactService; stored: NewArtifact[] } {
  const stored: NewArtifact[] = [];
  const service = {
    create: async (artifact: NewArtifact) => {
      stored.push(artifact);
      return { id: 'a1' } as Artifact;
    },
  } as unknown as ArtifactService;
  return { service, stored };
}

describe('note safety checks in both languages for the review inbox (issue 23 item 2)', () => {
  it('writes the extractive-draft, de-identification and cross-language checks in Chinese and English', async () => {
    const { service, stored } = recordingArtifacts();
    const document = {
      title: '门诊病历',
      language: 'zh',
      format: 'soap',
      method: 'extractive',
      sections: [],
      omissions: [],
      extras: { supportCheck: 'cross-language' },
    } as unknown as ClinicalDocument;
    const transcript = { language: 'en', turns: [] } as unknown as Transcript;
    await storeNoteArtifact(service, {
      document,
      transcript,
      patientId: null,
      encounterId: null,
      actorId: null,
      model: null,
      prompt: null,
      privacy: { operator: 'surrogate', counts: { PERSON: 2 } },
      latencyMs: 0,
      tokensIn: null,
      tokensOut: null,
    });
    const guardrails = stored[0]?.guardrails ?? [];
    for (const code of ['deid.applied', 'extractive-note', 'support-cross-language']) {
      const found = guardrails.find((g) => g.code === code);
      expect(found?.text?.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(found?.text?.en, code).toBe(found?.message);
    }
  });
});

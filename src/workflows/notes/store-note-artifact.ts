import { type Artifact, type ArtifactService, hashInput } from '../../audit/artifacts.js';
import { type ClinicalDocument, documentToText, type Transcript, unsupportedSentences } from '../../engines/notes/index.js';
import type { ModelCallContext, RenderedPrompt } from '../../model/index.js';

export interface NoteArtifactInput {
  document: ClinicalDocument;
  transcript: Transcript;
  patientId: string | null;
  encounterId: string | null;
  actorId: string | null;
  model: { id: string; version: string } | null;
  prompt: RenderedPrompt | null;
  privacy: ModelCallContext['privacy'] | null;
  latencyMs: number;
  tokensIn: number | null;
  tokensOut: number | null;
}

/** The artifact store caps sources and guardrails at 500 each. */
const MAX_ENTRIES = 500;

/**
 * Stores the note as a draft `clinical-note` artifact: the document and its transcript in the
 * content (the text is what a review edit is diffed against), the cited turns as sources, and the
 * checks' findings — unsupported sentences, possible omissions — as warnings for the reviewer.
 */
export async function storeNoteArtifact(artifacts: ArtifactService, input: NoteArtifactInput): Promise<Artifact> {
  const { document, transcript } = input;
  const cited = new Set(document.sections.flatMap((section) => section.sentences.flatMap((sentence) => sentence.support.sourceIds)));
  const sources = transcript.turns
    .filter((turn) => cited.has(turn.id))
    .slice(0, MAX_ENTRIES)
    .map((turn) => ({
      type: 'other' as const,
      ref: turn.id,
      label: `${turn.speakerLabel || turn.speaker}: ${turn.text}`.slice(0, 200),
    }));
  const counts = input.privacy
    ? Object.entries(input.privacy.counts)
        .map(([type, n]) => `${type}×${n}`)
        .join(', ')
    : '';
  const deidMessage = input.privacy?.operator
    ? `De-identified (${input.privacy.operator}) before sending to an external model: ${counts || 'no identifiers found'}`
    : '';
  const crossLanguageMessage = `Note in ${document.language}, transcript in ${transcript.language}: lexical support cannot be checked across languages; review each sentence against its cited turns`;
  const extractiveMessage = 'Extractive draft: transcript sentences sorted by rules, no model';
  const guardrails = [
    ...(input.privacy?.operator
      ? [
          {
            code: 'deid.applied',
            severity: 'info' as const,
            message: deidMessage,
            text: {
              en: deidMessage,
              zh: `发送给外部模型前已去标识化（${input.privacy.operator}）：${counts || '未发现身份标识'}`,
            },
          },
        ]
      : []),
    ...(document.method === 'extractive'
      ? [
          {
            code: 'extractive-note',
            severity: 'info' as const,
            message: extractiveMessage,
            text: { en: extractiveMessage, zh: '抽取式草稿：按规则整理的对话原句，未使用模型' },
          },
        ]
      : []),
    ...(document.extras?.supportCheck === 'cross-language'
      ? [
          {
            code: 'support-cross-language',
            severity: 'warning' as const,
            message: crossLanguageMessage,
            text: {
              en: crossLanguageMessage,
              zh: `病历语言（${document.language}）与对话语言（${transcript.language}）不同，无法逐词核对依据；请对照所引对话逐句审核`,
            },
          },
        ]
      : []),
    ...unsupportedSentences(document).map((sentence) => ({
      code: 'unsupported-sentence',
      severity: 'warning' as const,
      message: `${sentence.id}: ${sentence.text}`.slice(0, 1000),
    })),
    ...document.omissions.map((omission) => ({
      code: `omission:${omission.kind}`,
      severity: 'warning' as const,
      message: `${omission.text} [${omission.turnIds.join(', ')}]`.slice(0, 1000),
    })),
  ].slice(0, MAX_ENTRIES);
  return artifacts.create(
    {
      kind: 'clinical-note',
      workflow: 'notes',
      patientId: input.patientId,
      encounterId: input.encounterId,
      model: input.model,
      prompt: input.prompt ? { id: input.prompt.templateId, version: input.prompt.version, hash: input.prompt.hash } : null,
      inputHash: hashInput({ prompt: input.prompt?.hash ?? null, format: document.format, language: document.language, transcript }),
      content: { title: document.title, text: documentToText(document), document, transcript },
      sources,
      guardrails,
      latencyMs: Math.round(input.latencyMs),
      tokensIn: input.tokensIn,
      tokensOut: input.tokensOut,
    },
    input.actorId,
  );
}

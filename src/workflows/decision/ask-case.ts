import { z } from 'zod';
import type { ArtifactService } from '../../audit/artifacts.js';
import type { Actor } from '../../auth/actor.js';
import type { KnowledgeEngines } from '../../engines/knowledge-engines.js';
import type { Bilingual } from '../../knowledge/index.js';
import { generateStructured, type ModelGateway, patientDataContext, renderPrompt } from '../../model/index.js';
import { assertAiConsent } from '../../record/consent.js';
import type { PatientAccess } from '../../record/patient-access.js';
import type { Store } from '../../store/database.js';
import { assembleCaseSources, type CaseAlert, type CaseSource } from './case-sources.js';

/** What the model must return: PICO, a short answer, considerations, and claims citing source ids. */
export const caseAnswerSchema = z.object({
  pico: z.object({ population: z.string(), intervention: z.string(), comparison: z.string(), outcome: z.string() }),
  answer: z.string().min(1).max(4000),
  considerations: z.array(z.string().max(1000)).max(10),
  claims: z.array(z.object({ text: z.string().min(1).max(1000), sourceIds: z.array(z.string().max(20)).max(10) })).max(15),
});
export type CaseAnswer = z.infer<typeof caseAnswerSchema>;

export interface CaseClaim {
  text: string;
  sourceIds: string[];
  /** False when the claim cites nothing, or an id that is not among the sources given. */
  supported: boolean;
}

export interface AskCaseResult {
  artifactId: string | null;
  question: string;
  pico: CaseAnswer['pico'] | null;
  answer: string | null;
  considerations: string[];
  claims: CaseClaim[];
  /** Deterministic findings (interactions, dose problems, critical labs, lab patterns), always present. */
  alerts: CaseAlert[];
  sources: CaseSource[];
  model: { id: string } | null;
  modelMessage: Bilingual | null;
}

const NO_MODEL: Bilingual = {
  en: 'No language model is connected, so only the deterministic findings are shown. Set SUWEN_MODEL_BASE_URL and SUWEN_MODEL_NAME (or SUWEN_MODEL_GGUF) to ask questions.',
  zh: '尚未连接语言模型，因此仅显示确定性规则的结果。设置 SUWEN_MODEL_BASE_URL 和 SUWEN_MODEL_NAME（或 SUWEN_MODEL_GGUF）后即可提问。',
};

export interface AskCaseDeps {
  store: Store;
  /** The record's access door: checks the actor may read this chart and audits the read. */
  access: PatientAccess;
  models: ModelGateway;
  artifacts: ArtifactService;
  knowledge: KnowledgeEngines;
}

/**
 * "Ask about a case": the clinician's question, the patient's structured record and the engines'
 * findings as numbered sources, the model's answer as schema-validated structured output. Claims
 * citing nothing or an unknown id are marked unsupported; the deterministic alerts are added by
 * code, whatever the model wrote. An external model receives the prompt de-identified by the
 * gateway's privacy layer (the call carries the patient id and is marked as containing PHI).
 */
export async function askAboutCase(
  deps: AskCaseDeps,
  input: { patientId: string; question: string; language: 'zh' | 'en'; actor: Actor },
): Promise<AskCaseResult> {
  const chart = await deps.access.chart(input.actor, input.patientId, 'decision.ask');
  const { sources, alerts } = await assembleCaseSources(deps.store, chart, deps.knowledge, input.language);
  const base: AskCaseResult = {
    artifactId: null,
    question: input.question,
    pico: null,
    answer: null,
    considerations: [],
    claims: [],
    alerts,
    sources,
    model: null,
    modelMessage: null,
  };
  if (!deps.models.configured) return { ...base, modelMessage: NO_MODEL };
  await assertAiConsent(deps.store, input.patientId);

  const locale = input.language === 'zh' ? 'zh-CN' : 'en';
  const listing = sources.map((source) => `[${source.id}] ${source.label}${source.detail ? ` — ${source.detail}` : ''}`).join('\n');
  const prompt = renderPrompt('decision.ask-case', locale, { sources: listing });
  const context = patientDataContext('decision.ask-case', input);
  const started = performance.now();
  const { object, tokensIn, tokensOut } = await generateStructured({
    model: deps.models.model(context),
    schema: caseAnswerSchema,
    locale,
    ...(prompt.system ? { system: prompt.system } : {}),
    messages: [{ role: 'user', content: input.question }],
    temperature: 0.2,
  });
  const known = new Set(sources.map((source) => source.id));
  const claims = object.claims.map((claim) => ({
    text: claim.text,
    sourceIds: claim.sourceIds,
    supported: claim.sourceIds.length > 0 && claim.sourceIds.every((id) => known.has(id)),
  }));
  const modelId = deps.models.profile().id;
  const artifact = await deps.artifacts.create(
    {
      kind: 'decision-answer',
      workflow: 'decision.ask-case',
      patientId: input.patientId,
      model: { id: modelId },
      prompt: { id: prompt.templateId, version: prompt.version, hash: prompt.hash },
      input: { question: input.question, sources: listing },
      content: {
        title: input.language === 'zh' ? `临床问题：${input.question.slice(0, 60)}` : `Case question: ${input.question.slice(0, 60)}`,
        text: renderMarkdown(object, claims, alerts, input.language),
        question: input.question,
        pico: object.pico,
        claims,
        alerts,
      },
      sources: sources.map((source) => ({
        type: source.type === 'record' ? 'record' : 'knowledge',
        ref: source.id,
        label: source.label.slice(0, 500),
      })),
      guardrails: [
        ...claims
          .filter((claim) => !claim.supported)
          .map((claim) => ({ code: 'unsupported-claim', severity: 'warning' as const, message: claim.text.slice(0, 1000) })),
        ...alerts.map((alert) => ({
          code: `alert:${alert.kind}`,
          severity: alert.severity === 'critical' || alert.severity === 'contraindicated' ? ('critical' as const) : ('warning' as const),
          message: (input.language === 'zh' ? alert.title.zh : alert.title.en).slice(0, 1000),
          text: { en: alert.title.en.slice(0, 1000), zh: alert.title.zh.slice(0, 1000) },
        })),
      ],
      latencyMs: Math.round(performance.now() - started),
      tokensIn,
      tokensOut,
    },
    input.actor.userId,
  );
  return {
    ...base,
    artifactId: artifact.id,
    pico: object.pico,
    answer: object.answer,
    considerations: object.considerations,
    claims,
    model: { id: modelId },
  };
}

function renderMarkdown(answer: CaseAnswer, claims: CaseClaim[], alerts: CaseAlert[], language: 'zh' | 'en'): string {
  const zh = language === 'zh';
  const lines = [
    zh ? '> 【草稿】供临床医生审核，不构成诊断或治疗决定。' : '> DRAFT for clinician review — not a diagnosis or treatment decision.',
    '',
    `## ${zh ? '确定性提示' : 'Deterministic alerts'}`,
    ...(alerts.length
      ? alerts.map((alert) => `- **${alert.severity}** ${zh ? alert.title.zh : alert.title.en} — ${alert.source.title}`)
      : [zh ? '无' : 'None']),
    '',
    `## PICO`,
    `- P: ${answer.pico.population}`,
    `- I: ${answer.pico.intervention}`,
    `- C: ${answer.pico.comparison}`,
    `- O: ${answer.pico.outcome}`,
    '',
    `## ${zh ? '回答' : 'Answer'}`,
    answer.answer,
    '',
    `## ${zh ? '关键考虑' : 'Key considerations'}`,
    ...answer.considerations.map((item) => `- ${item}`),
    '',
    `## ${zh ? '论断与来源' : 'Claims and sources'}`,
    ...claims.map(
      (claim) =>
        `- ${claim.text} [${claim.sourceIds.join(', ') || '—'}]${claim.supported ? '' : zh ? ' **（无来源支持）**' : ' **(unsupported)**'}`,
    ),
  ];
  return lines.join('\n');
}

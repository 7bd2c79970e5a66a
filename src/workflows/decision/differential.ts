import { z } from 'zod';
import type { ArtifactService } from '../../audit/artifacts.js';
import type { Actor } from '../../auth/actor.js';
import {
  type ClinicianFinding,
  type DdxModel,
  type DifferentialEntry,
  type EvidenceFinding,
  loadDdxModel,
  loadDiagnosticTests,
  type RankedTest,
  rankDifferential,
  rankNextTests,
  searchEvidence,
} from '../../engines/ddx/index.js';
import { suggestNextTests } from '../../engines/intake/index.js';
import type { Bilingual, Citation } from '../../knowledge/index.js';
import { generateStructured, type ModelGateway, patientDataContext, renderPrompt } from '../../model/index.js';
import { assertAiConsent } from '../../record/consent.js';
import type { PatientAccess } from '../../record/patient-access.js';
import type { Store } from '../../store/database.js';
import { type DifferentialSource, findFinishedIntake, gatherDifferentialEvidence } from './differential-evidence.js';

/** What the model may add: candidates outside DDXPlus, each citing the numbered sources. */
export const widenedDifferentialSchema = z.object({
  candidates: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        icd10: z.string().max(10).optional(),
        reason: z.string().min(1).max(1000),
        sourceIds: z.array(z.string().max(20)).max(10),
      }),
    )
    .max(5),
});

export interface CitedFinding extends EvidenceFinding {
  sourceIds: string[];
}

export interface GuidelineTest {
  test: Bilingual;
  source: Citation;
  /** From the curated test table when it covers this test; null when not rated. */
  invasiveness: RankedTest['invasiveness'] | null;
  cost: RankedTest['cost'] | null;
}

export interface DifferentialCandidate {
  condition: string;
  name: Bilingual;
  icd10: string;
  probability: number;
  severity: number;
  for: CitedFinding[];
  against: CitedFinding[];
  guidelineTests: GuidelineTest[];
}

export interface ModelSuggestion {
  name: string;
  icd10: string | null;
  reason: string;
  sourceIds: string[];
  /** False when it cites nothing, or an id that is not among the sources given. */
  supported: boolean;
}

export interface DifferentialResult {
  status: 'ranked' | 'no-intake';
  message: Bilingual | null;
  /** The intake used; `partial` when it stopped early on a red flag (status `emergency`). */
  intake: { id: string; finishedAt: string | null; status: 'finished' | 'emergency'; partial: boolean } | null;
  patient: { age: number; sex: 'M' | 'F' };
  method: Bilingual;
  candidates: DifferentialCandidate[];
  /** DDXPlus evidence read off the chart, with the facts that set it. */
  chartEvidence: { code: string; label: Bilingual; sourceIds: string[] }[];
  nextTests: RankedTest[];
  costTiers: Record<RankedTest['cost'], Bilingual>;
  costSource: Citation;
  modelSuggestions: ModelSuggestion[];
  sources: DifferentialSource[];
  artifactId: string | null;
  model: { id: string } | null;
  modelMessage: Bilingual | null;
  disclaimer: Bilingual;
}

export interface DifferentialDeps {
  store: Store;
  /** The record's access door: checks the actor may read this chart and audits the read. */
  access: PatientAccess;
  models: ModelGateway;
  artifacts: ArtifactService;
  ddx?: DdxModel;
}

const CANDIDATES_SHOWN = 8;

const METHOD: Bilingual = {
  en: 'Bayesian (naive Bayes) over the 49 DDXPlus conditions, from the patient’s intake answers, the antecedents in the chart and the findings the clinician enters. Conditions outside DDXPlus are not ranked.',
  zh: '基于 DDXPlus 49 种疾病的贝叶斯（朴素贝叶斯）计算，证据来自患者诊前问诊回答、病历中的既往史及医生录入的症状体征。DDXPlus 以外的疾病不参与排序。',
};
const DISCLAIMER: Bilingual = {
  en: 'Decision support for the clinician — a draft, not a diagnosis.',
  zh: '供临床医生参考的决策支持草稿，不构成诊断。',
};
const NO_INTAKE: Bilingual = {
  en: 'No presenting symptoms yet: this patient has no finished pre-visit intake and no findings have been entered. Enter the findings below, or send the patient an intake link from the chart.',
  zh: '尚无可用于鉴别诊断的症状：该患者没有已完成的诊前问诊，也未录入症状体征。请在下方录入症状体征，或在病历页向患者发送问诊链接。',
};
const STOPPED_BEFORE_SYMPTOMS: Bilingual = {
  en: 'The intake stopped early on a red flag (emergency) before it recorded symptoms the differential can use. Enter your findings below to rank the differential.',
  zh: '问诊因危急情况（红旗征）提前终止，尚未记录可用于鉴别诊断的症状。请在下方录入您的检查所见以进行鉴别诊断排序。',
};
const PARTIAL_INTAKE: Bilingual = {
  en: 'The intake stopped early on a red flag (emergency), so its answers are partial: questions it never reached count neither for nor against. Add what you find below.',
  zh: '问诊因危急情况（红旗征）提前终止，回答不完整：未问到的问题既不支持也不排除任何诊断。请在下方补充您的检查所见。',
};
const NO_MODEL: Bilingual = {
  en: 'Bayesian differential only: no language model is connected to suggest diagnoses outside DDXPlus.',
  zh: '仅显示贝叶斯鉴别诊断：未连接语言模型，无法补充 DDXPlus 以外的诊断。',
};

/**
 * The differential for one patient: the Bayesian posterior over the DDXPlus conditions from the
 * latest finished intake and the chart, each candidate with cited findings for and against, the
 * next tests ranked by expected information gain, and — when a model is connected and `widen` is
 * set — model suggestions outside DDXPlus, each unsupported unless it cites a given source.
 */
export async function buildDifferential(
  deps: DifferentialDeps,
  input: {
    patientId: string;
    language: 'zh' | 'en';
    widen: boolean;
    intakeId?: string;
    /** Findings the clinician enters; they overrule the intake and the chart on the same evidence. */
    findings?: ClinicianFinding[];
    actor: Actor;
  },
): Promise<DifferentialResult> {
  const chart = await deps.access.chart(input.actor, input.patientId, 'decision.differential');
  const model = deps.ddx ?? loadDdxModel();
  const intake = await findFinishedIntake(deps.store, input.patientId, input.intakeId);
  const findings = input.findings ?? [];
  const gathered = gatherDifferentialEvidence(chart, intake, input.language, { model, findings });
  const tests = loadDiagnosticTests(model.conditions.map((c) => c.name));
  const cite = (finding: EvidenceFinding): CitedFinding => ({
    ...finding,
    sourceIds: gathered.sourcesByCode.get(finding.code.split('_@_')[0] ?? finding.code) ?? [],
  });
  const base: DifferentialResult = {
    status: 'no-intake',
    message: intake?.status === 'emergency' ? STOPPED_BEFORE_SYMPTOMS : NO_INTAKE,
    intake: intake ? { id: intake.id, finishedAt: intake.finishedAt, status: intake.status, partial: intake.status === 'emergency' } : null,
    patient: { age: gathered.age, sex: gathered.sex },
    method: METHOD,
    candidates: [],
    chartEvidence: gathered.chart.map((found) => ({
      code: found.code,
      label: model.byCode.get(found.code)?.label ?? { en: found.code, zh: found.code },
      sourceIds: found.factIds,
    })),
    nextTests: [],
    costTiers: tests.costTiers,
    costSource: tests.costSource,
    modelSuggestions: [],
    sources: gathered.sources,
    artifactId: null,
    model: null,
    modelMessage: null,
    disclaimer: DISCLAIMER,
  };
  // Without symptoms from an intake or the clinician there is no presenting problem: antecedents alone would rank by prior.
  if (gathered.intakeEvidenceCount === 0) return base;

  const { differential } = rankDifferential(model, {
    age: gathered.age,
    sex: gathered.sex,
    evidence: gathered.evidence,
    denied: gathered.denied,
  });
  const candidates = differential.slice(0, CANDIDATES_SHOWN).map((entry) => candidateOf(entry, cite, tests.tests));
  const ranked: DifferentialResult = {
    ...base,
    status: 'ranked',
    message: intake?.status === 'emergency' ? PARTIAL_INTAKE : null,
    candidates,
    nextTests: rankNextTests(tests.tests, differential, { names: new Map(model.conditions.map((c) => [c.name, c.label])) }),
  };
  if (!input.widen) return ranked;
  if (!deps.models.configured) return { ...ranked, modelMessage: NO_MODEL };
  return widenWithModel(deps, input, ranked);
}

/** The DDXPlus findings a clinician can enter, matching `query` in Chinese or English (no patient data). */
export function listDifferentialFindings(query: string, limit: number, ddx: DdxModel = loadDdxModel()) {
  return searchEvidence(ddx, query, { limit });
}

function candidateOf(
  entry: DifferentialEntry,
  cite: (f: EvidenceFinding) => CitedFinding,
  tests: ReturnType<typeof loadDiagnosticTests>['tests'],
): DifferentialCandidate {
  return {
    condition: entry.condition,
    name: { en: entry.condition, zh: entry.conditionZh },
    icd10: entry.icd10,
    probability: entry.probability,
    severity: entry.severity,
    for: entry.for.map(cite),
    against: entry.against.map(cite),
    guidelineTests: suggestNextTests(entry.condition).map((suggested) => {
      const rated = tests.find((test) => test.conditionTests?.includes(suggested.test.en));
      return { test: suggested.test, source: suggested.source, invasiveness: rated?.invasiveness ?? null, cost: rated?.cost ?? null };
    }),
  };
}

async function widenWithModel(
  deps: DifferentialDeps,
  input: Parameters<typeof buildDifferential>[1],
  ranked: DifferentialResult,
): Promise<DifferentialResult> {
  await assertAiConsent(deps.store, input.patientId);
  const locale = input.language === 'zh' ? 'zh-CN' : 'en';
  const listing = ranked.sources.map((source) => `[${source.id}] ${source.label}`).join('\n');
  const candidates = ranked.candidates
    .slice(0, 5)
    .map((c) => `- ${input.language === 'zh' ? c.name.zh : c.name.en} (${c.icd10}): ${(c.probability * 100).toFixed(1)}%`)
    .join('\n');
  const prompt = renderPrompt('decision.differential-widen', locale, { sources: listing, candidates });
  const context = patientDataContext('decision.differential', input);
  const started = performance.now();
  const { object, tokensIn, tokensOut } = await generateStructured({
    model: deps.models.model(context),
    schema: widenedDifferentialSchema,
    locale,
    ...(prompt.system ? { system: prompt.system } : {}),
    messages: [{ role: 'user', content: prompt.user ?? '' }],
    temperature: 0.2,
  });
  const known = new Set(ranked.sources.map((source) => source.id));
  const suggestions: ModelSuggestion[] = object.candidates.map((c) => ({
    name: c.name,
    icd10: c.icd10 ?? null,
    reason: c.reason,
    sourceIds: c.sourceIds,
    supported: c.sourceIds.length > 0 && c.sourceIds.every((id) => known.has(id)),
  }));
  const modelId = deps.models.profile().id;
  const artifact = await deps.artifacts.create(
    {
      kind: 'decision-differential',
      workflow: 'decision.differential',
      patientId: input.patientId,
      model: { id: modelId },
      prompt: { id: prompt.templateId, version: prompt.version, hash: prompt.hash },
      input: { intake: ranked.intake?.id ?? null, findings: input.findings ?? [], sources: listing, candidates },
      content: {
        title: input.language === 'zh' ? '鉴别诊断（草稿）' : 'Differential diagnosis (draft)',
        text: renderMarkdown(ranked, suggestions, input.language),
        candidates: ranked.candidates.map((c) => ({ condition: c.condition, probability: c.probability })),
        modelSuggestions: suggestions,
      },
      sources: [
        ...ranked.sources.map((source) => ({
          type: source.type === 'record' ? ('record' as const) : ('other' as const),
          ref: source.id,
          label: source.label.slice(0, 500),
        })),
        ...ranked.candidates.map((c) => ({ type: 'knowledge' as const, ref: `ddxplus:${c.condition}`, label: 'DDXPlus condition model' })),
      ],
      guardrails: suggestions
        .filter((s) => !s.supported)
        .map((s) => ({ code: 'unsupported-claim', severity: 'warning' as const, message: s.name.slice(0, 1000) })),
      latencyMs: Math.round(performance.now() - started),
      tokensIn,
      tokensOut,
    },
    input.actor.userId,
  );
  return { ...ranked, modelSuggestions: suggestions, artifactId: artifact.id, model: { id: modelId } };
}

function renderMarkdown(result: DifferentialResult, suggestions: ModelSuggestion[], language: 'zh' | 'en'): string {
  const zh = language === 'zh';
  return [
    zh ? '> 【草稿】供临床医生审核，不构成诊断。' : '> DRAFT for clinician review — not a diagnosis.',
    '',
    `## ${zh ? '贝叶斯鉴别诊断（DDXPlus）' : 'Bayesian differential (DDXPlus)'}`,
    ...result.candidates.map((c) => `- ${zh ? c.name.zh : c.name.en} — ${(c.probability * 100).toFixed(1)}%`),
    '',
    `## ${zh ? '模型补充的诊断' : 'Model suggestions'}`,
    ...(suggestions.length
      ? suggestions.map(
          (s) =>
            `- ${s.name}${s.icd10 ? ` (${s.icd10})` : ''}: ${s.reason} [${s.sourceIds.join(', ') || '—'}]${s.supported ? '' : zh ? ' **（无来源支持）**' : ' **(unsupported)**'}`,
        )
      : [zh ? '无' : 'None']),
    '',
    `## ${zh ? '建议的下一步检查' : 'Next tests'}`,
    ...result.nextTests.map((t) => `- ${zh ? t.name.zh : t.name.en}: ${t.expectedInformationBits} bits (${t.invasiveness}, ${t.cost})`),
  ].join('\n');
}

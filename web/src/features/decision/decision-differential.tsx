import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { usePick } from '../../bilingual';
import { CheckError } from '../../components/check-error';
import { SourceCitation } from '../../components/source-citation';
import { type DifferentialCandidate, type DifferentialResult, decisionDdxApi, type RankedTest } from './decision-ddx-api';
import { type EnteredFinding, FindingsEditor, findingBodies } from './decision-findings';

type Source = DifferentialResult['sources'][number];

const percent = (p: number) => `${(p * 100).toFixed(p >= 0.1 ? 0 : 1)}%`;

/** Source ids as chips; hovering names the record fact or intake answer. */
function SourceChips({ ids, sources }: { ids: string[]; sources: Map<string, Source> }) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  return (
    <span className="source-chips">
      {ids.map((id) => (
        <span
          key={id}
          className="badge badge-info"
          title={sources.get(id)?.label ?? t('decision.unknownSource')}
          data-testid="ddx-source-chip"
        >
          {id}
        </span>
      ))}
    </span>
  );
}

function CandidateItem({ candidate, sources }: { candidate: DifferentialCandidate; sources: Map<string, Source> }) {
  const { t } = useTranslation();
  const pick = usePick();
  const findings = (kind: 'for' | 'against') =>
    candidate[kind].length > 0 && (
      <div className={`ddx-findings ddx-findings-${kind}`}>
        <span className="small muted">{t(`decisionDdx.${kind}`)}</span>
        <ul>
          {candidate[kind].map((finding) => (
            <li key={finding.code} data-testid={`ddx-finding-${kind}`}>
              {pick(finding.label)} <span className="muted small">LR {finding.likelihoodRatio}</span>{' '}
              <SourceChips ids={finding.sourceIds} sources={sources} />
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <li className="ddx-candidate" data-testid="ddx-candidate">
      <div className="ddx-candidate-head">
        <strong>{pick(candidate.name)}</strong>
        <span className="muted small">{candidate.icd10}</span>
        <span className="ddx-probability" data-testid="ddx-probability">
          {percent(candidate.probability)}
        </span>
      </div>
      <div className="ddx-bar" aria-hidden="true">
        <span style={{ width: `${Math.max(1, candidate.probability * 100)}%` }} />
      </div>
      {findings('for')}
      {findings('against')}
    </li>
  );
}

function TestRow({ test }: { test: RankedTest }) {
  const { t, i18n } = useTranslation();
  const pick = usePick();
  return (
    <li className="ddx-test" data-testid="ddx-test">
      <div className="ddx-candidate-head">
        <strong>{pick(test.name)}</strong>
        <span className="badge" data-testid="ddx-test-invasiveness">
          {t(`decisionDdx.invasiveness.${test.invasiveness}`)}
        </span>
        <span className="badge badge-dark" data-testid="ddx-test-cost">
          {t(`decisionDdx.cost.${test.cost}`)}
        </span>
      </div>
      <p className="small">
        {t('decisionDdx.expectedChange', { bits: test.expectedInformationBits.toFixed(2) })}{' '}
        {t('decisionDdx.ifResult', {
          conditions: test.targets.map((target) => pick(target.name)).join(i18n.language.startsWith('zh') ? '、' : ', '),
          now: percent(test.targetProbability.now),
          positive: percent(test.targetProbability.ifPositive),
          negative: percent(test.targetProbability.ifNegative),
        })}
      </p>
      <SourceCitation source={test.source} compact />
    </li>
  );
}

/**
 * "Differential & next tests": the Bayesian differential over the DDXPlus conditions from the
 * patient's latest intake and chart (fetched on open, no model), next tests ranked by what they
 * would change, and — on request — the model's suggestions outside DDXPlus, labelled as such.
 */
export function DifferentialPanel({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const pick = usePick();
  const language = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const [result, setResult] = useState<DifferentialResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [entered, setEntered] = useState<EnteredFinding[]>([]);

  const run = (call: () => Promise<DifferentialResult>) => {
    setBusy(true);
    setError(null);
    call()
      .then(setResult, (failure: ApiError | Error) => setError(failure))
      .finally(() => setBusy(false));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch only when the patient or language changes
  useEffect(() => run(() => decisionDdxApi.differential(patientId, language)), [patientId, language]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new patient starts with no entered findings
  useEffect(() => setEntered([]), [patientId]);
  const rankWithFindings = () => run(() => decisionDdxApi.rank(patientId, language, findingBodies(entered)));
  const editor = <FindingsEditor entered={entered} onChange={setEntered} onRank={rankWithFindings} busy={busy} />;

  const sources = new Map((result?.sources ?? []).map((source) => [source.id, source]));
  return (
    <div className="decision-ddx" data-testid="ddx-panel">
      {busy && (
        <p className="loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {t('decisionDdx.loading')}
        </p>
      )}
      {error && !busy && <CheckError error={error} />}
      {result && (
        <>
          <p className="alert alert-warning small">{pick(result.disclaimer)}</p>
          {result.status === 'no-intake' ? (
            <>
              <p className="alert alert-info" role="status" data-testid="ddx-no-intake">
                {pick(result.message ?? undefined)}
              </p>
              {editor}
            </>
          ) : (
            <>
              {result.intake?.partial && (
                <p className="alert alert-warning" role="status" data-testid="ddx-partial-intake">
                  {pick(result.message ?? undefined)}
                </p>
              )}
              <p className="muted small" data-testid="ddx-method">
                {pick(result.method)}
              </p>
              {editor}
              <section className="decision-section">
                <h3>{t('decisionDdx.candidates')}</h3>
                <ol className="item-list ddx-candidates">
                  {result.candidates.map((candidate) => (
                    <CandidateItem key={candidate.condition} candidate={candidate} sources={sources} />
                  ))}
                </ol>
              </section>
              <section className="decision-section">
                <h3>{t('decisionDdx.nextTests')}</h3>
                <p className="muted small">{t('decisionDdx.nextTestsHint')}</p>
                <ol className="item-list">
                  {result.nextTests.map((test) => (
                    <TestRow key={test.id} test={test} />
                  ))}
                </ol>
                <p className="muted small">
                  {t('decisionDdx.costNote')} <SourceCitation source={result.costSource} compact />
                </p>
              </section>
              <section className="decision-section" data-testid="ddx-model-section">
                <h3>{t('decisionDdx.modelSuggestions')}</h3>
                {result.modelSuggestions.length > 0 ? (
                  <ul className="item-list">
                    {result.modelSuggestions.map((suggestion) => (
                      <li key={suggestion.name} data-testid="ddx-model-suggestion" data-supported={String(suggestion.supported)}>
                        <strong>{suggestion.name}</strong> {suggestion.icd10 && <span className="muted small">{suggestion.icd10}</span>}{' '}
                        {!suggestion.supported && <span className="badge badge-warning">{t('decision.unsupported')}</span>}
                        <p className="small">
                          {suggestion.reason} <SourceChips ids={suggestion.sourceIds} sources={sources} />
                        </p>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted small">{result.modelMessage ? pick(result.modelMessage) : t('decisionDdx.modelHint')}</p>
                )}
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => run(() => decisionDdxApi.widen(patientId, language, findingBodies(entered)))}
                  data-testid="ddx-widen"
                >
                  {t('decisionDdx.widen')}
                </button>
              </section>
            </>
          )}
          {result.chartEvidence.length > 0 && (
            <section className="decision-section">
              <h3>{t('decisionDdx.chartEvidence')}</h3>
              <ul className="item-list small" data-testid="ddx-chart-evidence">
                {result.chartEvidence.map((found) => (
                  <li key={found.code}>
                    {pick(found.label)} <SourceChips ids={found.sourceIds} sources={sources} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

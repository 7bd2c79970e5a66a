import { useTranslation } from 'react-i18next';
import { usePick } from '../../bilingual';
import { Badge, Card, ErrorMessage, Loading } from '../../components/feedback';
import { SourceCitation } from '../../components/source-citation';
import { href, navigate } from '../../router';
import { useApi } from '../../use-api';
import { DescribedInputsForm, useDescribedInputs } from './calculators/score-calculator';
import { type Appropriateness, type ImagingResult, type ImagingScenarioDescription, imagingApi } from './imaging-api';

const RATING_TONE: Record<Appropriateness, string> = {
  'usually-appropriate': 'success',
  'may-be-appropriate': 'warning',
  'usually-not-appropriate': 'critical',
};

/**
 * `#/imaging` and `#/imaging/<scenario>`: pick a clinical scenario, answer the inputs its rule
 * defines (the form is built from the engine's description), and see each examination rated with
 * its radiation level, reason and cited source.
 */
export function ImagingPage({ scenarioId }: { scenarioId?: string | undefined }) {
  const { t } = useTranslation();
  const pick = usePick();
  const list = useApi('imaging-scenarios', () => imagingApi.scenarios());
  return (
    <div className="page" data-testid="imaging-page">
      <div className="page-header">
        <h1>{t('imaging.title')}</h1>
        <p className="muted">{t('imaging.intro')}</p>
      </div>
      {list.error ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <label className="field">
          <span className="field-label">{t('imaging.scenario')}</span>
          <select
            value={scenarioId ?? ''}
            onChange={(e) => navigate(e.target.value ? `/imaging/${encodeURIComponent(e.target.value)}` : '/imaging')}
            data-testid="imaging-scenario"
          >
            <option value="">{t('imaging.chooseScenario')}</option>
            {list.data.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(s.names)}
              </option>
            ))}
          </select>
        </label>
      )}
      {scenarioId && <ScenarioForm key={scenarioId} id={scenarioId} />}
    </div>
  );
}

function ScenarioForm({ id }: { id: string }) {
  const scenario = useApi(`imaging:${id}`, () => imagingApi.scenario(id));
  if (scenario.error) return <ErrorMessage error={scenario.error} onRetry={scenario.reload} />;
  if (!scenario.data) return <Loading />;
  return <ScenarioBody scenario={scenario.data} />;
}

function ScenarioBody({ scenario }: { scenario: ImagingScenarioDescription }) {
  const { t } = useTranslation();
  const pick = usePick();
  const {
    values,
    setValues,
    result,
    error,
    busy,
    issues,
    submit: rate,
  } = useDescribedInputs(scenario.inputs, (inputs) => imagingApi.rate(scenario.id, inputs));

  return (
    <div className="score-layout">
      <Card title={pick(scenario.names)} testId="imaging-form">
        <p className="muted small">{pick(scenario.summary)}</p>
        <DescribedInputsForm fields={scenario.inputs} values={values} issues={issues} setValues={setValues} onSubmit={rate}>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="imaging-rate">
              {t('imaging.rate')}
            </button>
          </div>
          {error && (
            <div className="alert alert-error" role="alert" data-testid="imaging-error">
              <p>{error.message}</p>
            </div>
          )}
        </DescribedInputsForm>
      </Card>
      <div className="score-side">
        {result && <ImagingResultCard result={result} />}
        <Card title={t('imaging.sources')} testId="imaging-sources">
          <p className="small">
            <SourceCitation source={scenario.source} />
          </p>
          {scenario.references.map((ref) => (
            <p key={ref.title} className="small">
              <SourceCitation source={ref} />
            </p>
          ))}
          <p className="muted small">
            <a href={href('/imaging')}>{t('imaging.allScenarios')}</a>
          </p>
        </Card>
      </div>
    </div>
  );
}

function ImagingResultCard({ result }: { result: ImagingResult }) {
  const { t } = useTranslation();
  const pick = usePick();
  const rule = result.decisionRule;
  return (
    <Card title={t('imaging.result')} testId="imaging-result">
      {rule && (
        <div className="imaging-rule" data-testid="imaging-rule">
          <p>
            <strong>{pick(rule.name)}</strong>: {pick(rule.outcome)}
          </p>
          {rule.criteriaMet.length > 0 && (
            <ul className="small">
              {rule.criteriaMet.map((c) => (
                <li key={c.en}>{pick(c)}</li>
              ))}
            </ul>
          )}
          <p className="small">
            <SourceCitation source={rule.source} />
          </p>
        </div>
      )}
      <ul className="item-list">
        {result.recommendations.map((r) => (
          <li key={r.procedure.id} data-testid="imaging-recommendation" data-rating={r.rating} data-procedure={r.procedure.id}>
            <div className="item-title">
              <span>{pick(r.procedure.name)}</span> <Badge tone={RATING_TONE[r.rating]}>{t(`imaging.ratings.${r.rating}`)}</Badge>
            </div>
            <div className="small">
              {t('imaging.radiation')}: <span title={pick(r.radiation.range)}>{r.radiation.symbol}</span> {pick(r.radiation.range)}
            </div>
            <p className="small">{pick(r.reason)}</p>
            <p className="small">
              <SourceCitation source={r.source} />
            </p>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('imaging.disclaimer')}</p>
    </Card>
  );
}

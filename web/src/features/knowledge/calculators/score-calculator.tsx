import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { usePick } from '../../../bilingual';
import { Badge, Card, ErrorMessage, Loading } from '../../../components/feedback';
import { SourceCitation } from '../../../components/source-citation';
import { formatNumber } from '../../../format';
import { href } from '../../../router';
import { useUnitLabel, useUnitSuffix } from '../../../units';
import { useApi } from '../../../use-api';
import { type FieldDescriptor, knowledgeApi, type ScoreDescription, type ScoreResult } from '../knowledge-api';
import { boundsOf, type FormValues, initialValues, issuesByField, toScoreInputs } from './score-form-state';

/** One score as a form generated from its input description; the result cites its source. */
export function ScoreCalculator({ id }: { id: string }) {
  const { t } = useTranslation();
  const score = useApi(`score:${id}`, () => knowledgeApi.score(id));
  return (
    <div className="page" data-testid="score-page">
      <p className="breadcrumb">
        <a href={href('/calculators')}>← {t('calculators.back')}</a>
      </p>
      {score.error ? (
        <ErrorMessage error={score.error} onRetry={score.reload} />
      ) : !score.data ? (
        <Loading />
      ) : (
        <ScoreBody score={score.data} />
      )}
    </div>
  );
}

function ScoreBody({ score }: { score: ScoreDescription }) {
  const { t } = useTranslation();
  const pick = usePick();
  const {
    values,
    setValues,
    result,
    error,
    busy,
    issues,
    submit: compute,
    reset,
  } = useDescribedInputs(score.inputs, (inputs) => knowledgeApi.computeScore(score.id, inputs));

  return (
    <>
      <div className="page-header">
        <h1 data-testid="score-name">{pick(score.names)}</h1>
        <p className="muted">{pick(score.summary)}</p>
      </div>
      <div className="score-layout">
        <Card title={t('calculators.inputs')} testId="score-form">
          <DescribedInputsForm fields={score.inputs} values={values} issues={issues} setValues={setValues} onSubmit={compute}>
            <div className="button-row">
              <button type="submit" className="button button-primary" disabled={busy} data-testid="score-compute">
                {t('calculators.compute')}
              </button>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  reset();
                }}
              >
                {t('common.clear')}
              </button>
            </div>
            {error && (
              <div className="alert alert-error" role="alert" data-testid="score-error">
                <p>{error.message}</p>
                {(issues.get('') ?? []).map((message) => (
                  <p key={message}>{message}</p>
                ))}
              </div>
            )}
          </DescribedInputsForm>
        </Card>
        <div className="score-side">
          {result && <ScoreResultCard score={score} result={result} />}
          <Card title={t('calculators.bands')} testId="score-bands">
            <ul className="item-list">
              {score.bands.map((band) => (
                <li key={band.id} className={result?.band.id === band.id ? 'is-selected' : undefined}>
                  <div className="item-title">
                    {band.min !== undefined && <span className="mono">≥ {band.min}</span>}
                    <span>{pick(band.label)}</span>
                  </div>
                  {band.criteria && <div className="item-meta small">{pick(band.criteria)}</div>}
                  <div className="small">{pick(band.meaning)}</div>
                </li>
              ))}
            </ul>
            <p className="small">
              <SourceCitation source={score.source} />
            </p>
            {(score.references ?? []).map((ref) => (
              <p key={ref.title} className="small">
                <SourceCitation source={ref} />
              </p>
            ))}
          </Card>
        </div>
      </div>
    </>
  );
}

/**
 * State of a form built from an engine's input description: the values, the last result, the
 * API's error with its per-field issues, and a submit that sends the values as engine inputs.
 */
export function useDescribedInputs<R>(fields: readonly FieldDescriptor[], send: (inputs: ReturnType<typeof toScoreInputs>) => Promise<R>) {
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const issues = error instanceof ApiError ? issuesByField(error.details, fields) : new Map<string, string[]>();
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await send(toScoreInputs(fields, values)));
    } catch (caught) {
      setResult(null);
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setValues(initialValues(fields));
    setResult(null);
    setError(null);
  };
  return { values, setValues, result, error, busy, issues, submit, reset };
}

/**
 * A form built from an engine's input description (scores, imaging scenarios): one field per
 * input with the API's validation issues beside it; the caller supplies the buttons.
 */
export function DescribedInputsForm({
  fields,
  values,
  issues,
  setValues,
  onSubmit,
  children,
}: {
  fields: readonly FieldDescriptor[];
  values: FormValues;
  issues: Map<string, string[]>;
  setValues: (update: (values: FormValues) => FormValues) => void;
  onSubmit: () => Promise<void> | void;
  children: React.ReactNode;
}) {
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {fields.map((field) => (
        <ScoreField
          key={field.name}
          field={field}
          values={values}
          issues={issues.get(field.name)}
          onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
        />
      ))}
      {children}
    </form>
  );
}

export function ScoreField({
  field,
  values,
  issues,
  onChange,
}: {
  field: FieldDescriptor;
  values: FormValues;
  issues: string[] | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const { t } = useTranslation();
  const pick = usePick();
  const unitLabel = useUnitLabel();
  const unitSuffix = useUnitSuffix();
  const id = `score-field-${field.name}`;
  const value = values[field.name];
  const invalid = issues !== undefined && issues.length > 0;
  const describedBy = [field.help ? `${id}-help` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const help = field.help && (
    <span id={`${id}-help`} className="muted small">
      {pick(field.help)}
    </span>
  );
  const errors = invalid && (
    <span id={`${id}-error`} className="field-error" data-testid="field-error">
      {issues.join(' ')}
    </span>
  );

  if (field.type === 'boolean') {
    return (
      <div className={`field field-check ${invalid ? 'is-invalid' : ''}`}>
        <label className="checkbox">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            aria-describedby={describedBy}
            data-testid={`score-input-${field.name}`}
          />
          {pick(field.label)}
        </label>
        {help}
        {errors}
      </div>
    );
  }
  if (field.type === 'choice') {
    return (
      <div className={`field ${invalid ? 'is-invalid' : ''}`}>
        <label htmlFor={id}>
          {pick(field.label)}
          {field.optional && <span className="muted small"> ({t('calculators.optional')})</span>}
        </label>
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          data-testid={`score-input-${field.name}`}
        >
          <option value="">{t('calculators.choose')}</option>
          {(field.options ?? []).map((option) => (
            <option key={String(option.value)} value={String(option.value)}>
              {pick(option.label)}
            </option>
          ))}
        </select>
        {help}
        {errors}
      </div>
    );
  }
  const bounds = boundsOf(field, values);
  return (
    <div className={`field ${invalid ? 'is-invalid' : ''}`}>
      <label htmlFor={id}>
        {pick(field.label)}
        {bounds.unit && <span className="unit">{unitSuffix(bounds.unit)}</span>}
        {field.optional && <span className="muted small"> ({t('calculators.optional')})</span>}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={field.integer ? 1 : 'any'}
        min={bounds.min}
        max={bounds.max}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        data-testid={`score-input-${field.name}`}
      />
      {bounds.min !== undefined && bounds.max !== undefined && (
        <span className="muted small">{t('calculators.bounds', { min: bounds.min, max: bounds.max, unit: unitLabel(bounds.unit) })}</span>
      )}
      {help}
      {errors}
    </div>
  );
}

function ScoreResultCard({ score, result }: { score: ScoreDescription; result: ScoreResult }) {
  const { t } = useTranslation();
  const pick = usePick();
  const unitLabel = useUnitLabel();
  const label = (name: string) => {
    const field = score.inputs.find((f) => f.name === name);
    return field ? pick(field.label) : name;
  };
  return (
    <Card title={t('calculators.result')} testId="score-result" className="score-result">
      <p className="score-value">
        <span data-testid="score-value">{formatNumber(result.value, 2)}</span>
        {result.unit && <span className="unit"> {unitLabel(result.unit)}</span>}
      </p>
      <p>
        <Badge tone="accent">
          <span data-testid="score-band">{pick(result.band.label)}</span>
        </Badge>
      </p>
      <p data-testid="score-meaning">{pick(result.band.meaning)}</p>
      {result.details && Object.keys(result.details).length > 0 && (
        <details className="score-details">
          <summary>{t('calculators.details')}</summary>
          <dl className="meta-list small">
            {Object.entries(result.details).map(([key, value]) => (
              <div key={key} className="contents">
                <dt>{label(key)}</dt>
                <dd>{value === null ? t('common.none') : typeof value === 'boolean' ? (value ? '✓' : '—') : String(value)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      <p className="small">
        <SourceCitation source={score.source} />
      </p>
      <p className="muted small">{t('calculators.supportNote')}</p>
    </Card>
  );
}

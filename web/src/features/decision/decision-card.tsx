import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { CheckError } from '../../components/check-error';
import { Card } from '../../components/feedback';
import { SegmentedChoice } from '../../components/segmented-group';
import { type DecisionAnswer, decisionApi, QUESTION_MAX } from './decision-api';
import { DifferentialPanel } from './decision-differential';
import { DecisionResult } from './decision-result';
import { TreatmentPanel } from './decision-treatments';

const TABS = ['ask', 'differential', 'treatments'] as const;
type DecisionTab = (typeof TABS)[number];

/**
 * "Ask about a case" on the chart (clinicians): a free question about this patient. The answer is
 * asked for on demand — it reads the whole record and may call the model — and comes back as a
 * draft for review, beside the rule-based alerts that need no model.
 */
export function DecisionCard({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DecisionAnswer | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [tab, setTab] = useState<DecisionTab>('ask');
  const trimmed = question.trim();

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed || busy) return;
    setBusy(true);
    setError(null);
    decisionApi
      .ask(patientId, { question: trimmed, language: i18n.language.startsWith('zh') ? 'zh' : 'en' })
      .then(
        (answer) => setResult(answer),
        (failure: ApiError | Error) => {
          setResult(null);
          setError(failure);
        },
      )
      .finally(() => setBusy(false));
  };

  return (
    <Card title={t('decision.title')} testId="decision-card">
      <SegmentedChoice
        label={t('decisionDdx.tabs.label')}
        className="decision-tabs"
        testId="decision-tabs"
        options={TABS}
        value={tab}
        onChange={setTab}
        optionLabel={(id) => t(`decisionDdx.tabs.${id}`)}
        optionTestId={(id) => `decision-tab-${id}`}
      />
      {tab === 'differential' && <DifferentialPanel patientId={patientId} />}
      {tab === 'treatments' && <TreatmentPanel patientId={patientId} />}
      {tab === 'ask' && (
        <>
          <p className="muted small">{t('decision.hint')}</p>
          <form className="form decision-form" onSubmit={ask}>
            <div className="field">
              <label htmlFor="decision-question">{t('decision.questionLabel')}</label>
              <textarea
                id="decision-question"
                rows={3}
                maxLength={QUESTION_MAX}
                value={question}
                placeholder={t('decision.questionPlaceholder')}
                onChange={(e) => setQuestion(e.target.value)}
                data-testid="decision-question"
              />
            </div>
            <div className="toolbar">
              <button
                type="submit"
                className="button button-primary"
                disabled={!trimmed || busy}
                aria-busy={busy}
                data-testid="decision-ask"
              >
                {busy ? t('decision.asking') : t('decision.ask')}
              </button>
              <span className="muted small">{t('decision.length', { count: question.length, max: QUESTION_MAX })}</span>
            </div>
          </form>
          {busy && (
            <p className="loading" role="status" aria-live="polite" data-testid="decision-busy">
              <span className="spinner" aria-hidden="true" />
              {t('decision.thinking')}
            </p>
          )}
          {error && !busy && <CheckError error={error} />}
          {result && !busy && <DecisionResult result={result} />}
        </>
      )}
    </Card>
  );
}

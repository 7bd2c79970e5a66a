import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { usePick } from '../../bilingual';
import { CheckError } from '../../components/check-error';
import { SeverityBadge } from '../../components/severity-badge';
import { SourceCitation } from '../../components/source-citation';
import { useApi } from '../../use-api';
import { decisionDdxApi, type TreatmentComparison, type TreatmentOptionView } from './decision-ddx-api';

function OptionCard({ option }: { option: TreatmentOptionView }) {
  const { t } = useTranslation();
  const pick = usePick();
  return (
    <article className="treatment-option" data-testid="treatment-option" data-option={option.id} data-worst={option.worst ?? 'none'}>
      <header>
        <h4>{pick(option.name)}</h4>
        {option.worst ? (
          <SeverityBadge severity={option.worst} />
        ) : option.drugs.length > 0 ? (
          <span className="badge badge-success" data-testid="treatment-no-findings">
            {t('decisionDdx.noFindings')}
          </span>
        ) : (
          <span className="badge">{t('decisionDdx.noDrug')}</span>
        )}
      </header>
      {option.findings.length > 0 && (
        <details className="treatment-findings" open={option.worst === 'contraindicated' || option.worst === 'major'}>
          <summary className="small">{t('decisionDdx.findingsCount', { count: option.findings.length })}</summary>
          <ul className="item-list findings small" data-testid="treatment-findings">
            {option.findings.map((finding) => (
              <li key={`${finding.kind}-${finding.title.en}`} data-testid="treatment-finding" data-kind={finding.kind}>
                <SeverityBadge severity={finding.severity} /> {pick(finding.title)}
                {finding.withRecord.length > 0 && (
                  <span className="muted"> — {t('decisionDdx.withRecord', { drugs: finding.withRecord.join(', ') })}</span>
                )}
                <div>
                  <SourceCitation source={finding.source} compact />
                </div>
              </li>
            ))}
          </ul>
        </details>
      )}
      <dl className="treatment-facts small">
        <dt>{t('decisionDdx.mechanism')}</dt>
        <dd>{pick(option.mechanism)}</dd>
        <dt>{t('decisionDdx.benefit')}</dt>
        <dd>{pick(option.benefit)}</dd>
        <dt>{t('decisionDdx.risks')}</dt>
        <dd>{pick(option.risks)}</dd>
        <dt>{t('decisionDdx.evidence')}</dt>
        <dd data-testid="treatment-evidence">{option.evidence.level}</dd>
      </dl>
      {option.notChecked.length > 0 && (
        <p className="muted small">{t('decisionDdx.notChecked', { drugs: option.notChecked.join(', ') })}</p>
      )}
      <SourceCitation source={option.source} compact />
    </article>
  );
}

/**
 * "Treatment options": pick a diagnosis (those on the problem list first) and see the curated
 * options side by side, each with the medication check's findings in this patient's record.
 * Options to discuss, never a single recommendation.
 */
export function TreatmentPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const listing = useApi(`decision-diagnoses:${patientId}`, () => decisionDdxApi.diagnoses(patientId));
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TreatmentComparison | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const diagnoses = listing.data?.diagnoses ?? [];
  const selected = chosen || diagnoses[0]?.id || '';

  const compare = (event: FormEvent) => {
    event.preventDefault();
    if (!selected || busy) return;
    setBusy(true);
    setError(null);
    decisionDdxApi
      .treatments(patientId, selected)
      .then(setResult, (failure: ApiError | Error) => {
        setResult(null);
        setError(failure);
      })
      .finally(() => setBusy(false));
  };

  return (
    <div className="decision-treatments" data-testid="treatment-panel">
      <form className="form decision-form" onSubmit={compare}>
        <div className="field">
          <label htmlFor="treatment-diagnosis">{t('decisionDdx.diagnosis')}</label>
          <select id="treatment-diagnosis" value={selected} onChange={(e) => setChosen(e.target.value)} data-testid="treatment-diagnosis">
            {diagnoses.map((d) => (
              <option key={d.id} value={d.id}>
                {pick(d.names)}
                {d.inRecord ? ` — ${t('decisionDdx.inRecord')}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar">
          <button
            type="submit"
            className="button button-primary"
            disabled={!selected || busy}
            aria-busy={busy}
            data-testid="treatment-compare"
          >
            {t('decisionDdx.compare')}
          </button>
        </div>
      </form>
      {listing.error && <CheckError error={listing.error} />}
      {error && !busy && <CheckError error={error} />}
      {result && !busy && (
        <section className="decision-section" data-testid="treatment-result">
          <p className="alert alert-warning small" data-testid="treatment-framing">
            {pick(result.framing)}
          </p>
          <h3>{pick(result.diagnosis.names)}</h3>
          {result.diagnosis.note && <p className="small">{pick(result.diagnosis.note)}</p>}
          <p className="muted small">
            {t('decisionDdx.gradingSystem')}: {pick(result.diagnosis.evidenceSystem)}
          </p>
          <div className="treatment-guidelines" data-testid="treatment-guidelines">
            <p className="small">
              <strong>{t('decisionDdx.usGuideline')}:</strong> <SourceCitation source={result.diagnosis.source} compact />
            </p>
            {result.diagnosis.chineseGuidelines && result.diagnosis.chineseGuidelines.length > 0 && (
              <>
                <h4>{t('decisionDdx.chineseGuidelines')}</h4>
                <ul className="item-list">
                  {result.diagnosis.chineseGuidelines.map((guideline) => (
                    <li key={guideline.source.title} data-testid="treatment-chinese-guideline">
                      <p className="small">{pick(guideline.recommendation)}</p>
                      <SourceCitation source={guideline.source} compact />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <div className="treatment-grid">
            {result.options.map((option) => (
              <OptionCard key={option.id} option={option} />
            ))}
          </div>
          <p className="muted small">
            {t('decisionDdx.checkedAgainst', {
              medications: result.context.activeMedications,
              egfr: result.context.egfr ? result.context.egfr.value : '—',
            })}
          </p>
        </section>
      )}
    </div>
  );
}

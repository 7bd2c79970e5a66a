import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../bilingual';
import { SourceCitation } from '../../components/source-citation';
import { href } from '../../router';
import type { DecisionAlert, DecisionAnswer, DecisionClaim, DecisionSeverity, DecisionSource } from './decision-api';

/** The answer to one case question: rule alerts first, then the model's draft with its sources. */
export function DecisionResult({ result }: { result: DecisionAnswer }) {
  const { t } = useTranslation();
  const pick = usePick();
  const byId = new Map(result.sources.map((s) => [s.id, s]));
  return (
    <div className="decision-result" data-testid="decision-result">
      <p className="alert alert-warning small" data-testid="decision-draft-note">
        {t('decision.draftNote')}
      </p>

      <section className="decision-section" aria-labelledby="decision-alerts-heading">
        <h3 id="decision-alerts-heading">{t('decision.alerts')}</h3>
        {result.alerts.length === 0 ? (
          <p className="muted small" data-testid="decision-no-alerts">
            {t('decision.noAlerts')}
          </p>
        ) : (
          <ul className="item-list findings" data-testid="decision-alerts">
            {result.alerts.map((alert, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, shown once and never reordered
              <AlertItem key={i} alert={alert} />
            ))}
          </ul>
        )}
      </section>

      {result.answer === null ? (
        <p className="alert alert-warning" role="status" data-testid="decision-model-message">
          {result.modelMessage ? pick(result.modelMessage) : t('decision.noAnswer')}
        </p>
      ) : (
        <>
          {result.pico && (
            <section className="decision-section" aria-labelledby="decision-pico-heading">
              <h3 id="decision-pico-heading">{t('decision.pico')}</h3>
              <dl className="facts decision-pico" data-testid="decision-pico">
                {(['population', 'intervention', 'comparison', 'outcome'] as const).map((part) => (
                  <div className="fact" key={part}>
                    <dt>{t(`decision.picoParts.${part}`)}</dt>
                    <dd>{result.pico?.[part] || '—'}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
          <section className="decision-section" aria-labelledby="decision-answer-heading">
            <h3 id="decision-answer-heading">{t('decision.answer')}</h3>
            <p className="decision-answer" data-testid="decision-answer">
              {result.answer}
            </p>
          </section>
          {result.considerations.length > 0 && (
            <section className="decision-section" aria-labelledby="decision-considerations-heading">
              <h3 id="decision-considerations-heading">{t('decision.considerations')}</h3>
              <ul data-testid="decision-considerations">
                {result.considerations.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, shown once and never reordered
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </section>
          )}
          {result.claims.length > 0 && (
            <section className="decision-section" aria-labelledby="decision-claims-heading">
              <h3 id="decision-claims-heading">{t('decision.claims')}</h3>
              <ul className="decision-claims" data-testid="decision-claims">
                {result.claims.map((claim, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, shown once and never reordered
                  <ClaimItem key={i} claim={claim} sources={byId} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      {result.sources.length > 0 && (
        <section className="decision-section" aria-labelledby="decision-sources-heading">
          <h3 id="decision-sources-heading">{t('decision.sources')}</h3>
          <ul className="decision-sources" data-testid="decision-sources">
            {result.sources.map((s) => (
              <li key={s.id} id={`decision-source-${s.id}`} data-testid="decision-source" data-source={s.id}>
                <span className={`source-chip source-chip-${s.type}`}>{s.id}</span>{' '}
                <span className="muted small">{t(`decision.sourceTypes.${s.type}`)}</span> {s.label}
                {s.detail && <span className="muted small"> — {s.detail}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <p className="muted small decision-footer">
        {result.model && <span data-testid="decision-model">{t('decision.model', { model: result.model.id })} · </span>}
        {result.artifactId && (
          <a href={href(`/inbox/${encodeURIComponent(result.artifactId)}`)} data-testid="decision-artifact-link">
            {t('decision.reviewDraft')}
          </a>
        )}
      </p>
    </div>
  );
}

function AlertItem({ alert }: { alert: DecisionAlert }) {
  const pick = usePick();
  return (
    <li className="finding" data-testid="decision-alert" data-kind={alert.kind} data-severity={alert.severity}>
      <p className="finding-title">
        <AlertSeverityBadge severity={alert.severity} /> <strong>{pick(alert.title)}</strong>
      </p>
      <p className="small">{pick(alert.detail)}</p>
      <SourceCitation source={alert.source} compact />
    </li>
  );
}

/** The medication checker's five levels plus `critical` (a critical lab value). */
function AlertSeverityBadge({ severity }: { severity: DecisionSeverity }) {
  const { t } = useTranslation();
  const text = severity === 'critical' ? t('severity.critical') : t(`medications.severity.${severity}`);
  return (
    <span className={`badge severity severity-${severity}`} data-testid="severity-badge" data-severity={severity}>
      {text}
    </span>
  );
}

function ClaimItem({ claim, sources }: { claim: DecisionClaim; sources: Map<string, DecisionSource> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const shown = open ? sources.get(open) : undefined;
  return (
    <li
      className={`decision-claim ${claim.supported ? '' : 'is-unsupported'}`}
      data-testid="decision-claim"
      data-supported={String(claim.supported)}
    >
      <span className="decision-claim-text">{claim.text}</span>
      {claim.sourceIds.map((id) => {
        const source = sources.get(id);
        return (
          <button
            key={id}
            type="button"
            className={`source-chip ${source ? `source-chip-${source.type}` : 'source-chip-unknown'}`}
            title={source ? source.label : t('decision.unknownSource')}
            aria-expanded={open === id}
            onClick={() => setOpen(open === id ? null : id)}
            data-testid="decision-claim-source"
            data-source={id}
          >
            {id}
          </button>
        );
      })}
      {!claim.supported && (
        <span className="badge badge-warning" data-testid="decision-unsupported">
          {t('decision.unsupported')}
        </span>
      )}
      {open && (
        <span className="decision-source-popover small" data-testid="decision-source-detail">
          <strong>{open}</strong>: {shown ? shown.label : t('decision.unknownSource')}
          {shown?.detail && <span className="muted"> — {shown.detail}</span>}
        </span>
      )}
    </li>
  );
}

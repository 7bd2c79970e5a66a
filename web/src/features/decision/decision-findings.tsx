import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../bilingual';
import { type ClinicianFindingBody, type DdxEvidenceOption, decisionDdxApi } from './decision-ddx-api';

/** A finding being entered: the evidence it answers and the answer so far. */
export interface EnteredFinding {
  option: DdxEvidenceOption;
  present: boolean;
  values: string[];
}

/** The request body for what was entered: yes/no for B, the chosen values (or the default: "no") for C and M. */
export function findingBodies(entered: EnteredFinding[]): ClinicianFindingBody[] {
  return entered.map((finding) => {
    if (finding.option.type === 'B') return { code: finding.option.code, present: finding.present };
    const values = finding.present ? finding.values : [];
    return { code: finding.option.code, values: values.length > 0 ? values : [finding.option.defaultValue ?? ''] };
  });
}

function firstValue(option: DdxEvidenceOption): string[] {
  const matched = option.matchedValues[0];
  if (matched) return option.type === 'C' ? [matched] : option.matchedValues;
  const first = option.values.find((value) => value.code !== option.defaultValue);
  return first ? [first.code] : [];
}

/**
 * The clinician's findings for the differential: search the DDXPlus symptoms, signs and history
 * items in Chinese or English, add them, answer yes/no or pick the values, then rank.
 */
export function FindingsEditor({
  entered,
  onChange,
  onRank,
  busy,
}: {
  entered: EnteredFinding[];
  onChange: (next: EnteredFinding[]) => void;
  onRank: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const pick = usePick();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<DdxEvidenceOption[]>([]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      return;
    }
    let cancelled = false;
    const timer = window.setTimeout(() => {
      decisionDdxApi.evidence(q).then(
        (result) => {
          if (!cancelled) setHits(result.evidence);
        },
        () => {
          if (!cancelled) setHits([]);
        },
      );
    }, 200);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query]);

  const taken = new Set(entered.map((finding) => finding.option.code));
  const add = (option: DdxEvidenceOption) => {
    onChange([...entered, { option, present: true, values: firstValue(option) }]);
    setQuery('');
  };
  const update = (code: string, change: Partial<EnteredFinding>) =>
    onChange(entered.map((finding) => (finding.option.code === code ? { ...finding, ...change } : finding)));

  return (
    <section className="decision-section ddx-findings-editor" data-testid="ddx-findings-editor">
      <h3>{t('decisionDdx.findings.title')}</h3>
      <p className="muted small">{t('decisionDdx.findings.hint')}</p>
      <label className="field">
        <span className="field-label">{t('decisionDdx.findings.search')}</span>
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('decisionDdx.findings.placeholder')}
          data-testid="ddx-finding-search"
        />
      </label>
      {hits.length > 0 && (
        <ul className="item-list ddx-finding-hits" data-testid="ddx-finding-hits">
          {hits
            .filter((hit) => !taken.has(hit.code))
            .map((hit) => (
              <li key={hit.code}>
                <button type="button" className="button button-quiet" onClick={() => add(hit)} data-testid="ddx-finding-add">
                  + {pick(hit.label)}
                </button>{' '}
                {hit.antecedent && <span className="badge">{t('decisionDdx.findings.history')}</span>}
                {hit.matchedValues.length > 0 && (
                  <span className="muted small">
                    {' '}
                    {hit.values
                      .filter((value) => hit.matchedValues.includes(value.code))
                      .map((value) => pick(value.label))
                      .join(' · ')}
                  </span>
                )}
              </li>
            ))}
        </ul>
      )}
      {entered.length > 0 && (
        <ul className="item-list ddx-entered" data-testid="ddx-entered">
          {entered.map((finding) => (
            <li key={finding.option.code} data-testid="ddx-entered-finding">
              <span>{pick(finding.option.label)}</span>{' '}
              <span className="ddx-yesno small" role="radiogroup" aria-label={pick(finding.option.label)}>
                <label>
                  <input
                    type="radio"
                    checked={finding.present}
                    onChange={() => update(finding.option.code, { present: true })}
                    data-testid="ddx-finding-yes"
                  />{' '}
                  {t('decisionDdx.findings.yes')}
                </label>{' '}
                <label>
                  <input
                    type="radio"
                    checked={!finding.present}
                    onChange={() => update(finding.option.code, { present: false })}
                    data-testid="ddx-finding-no"
                  />{' '}
                  {t('decisionDdx.findings.no')}
                </label>
              </span>{' '}
              {finding.option.type !== 'B' && finding.present && (
                <select
                  multiple={finding.option.type === 'M'}
                  size={finding.option.type === 'M' ? 4 : undefined}
                  value={finding.option.type === 'M' ? finding.values : (finding.values[0] ?? '')}
                  onChange={(event) =>
                    update(finding.option.code, { values: Array.from(event.target.selectedOptions, (option) => option.value) })
                  }
                  aria-label={t('decisionDdx.findings.values')}
                  data-testid="ddx-finding-values"
                >
                  {finding.option.values
                    .filter((value) => value.code !== finding.option.defaultValue)
                    .map((value) => (
                      <option key={value.code} value={value.code}>
                        {pick(value.label)}
                      </option>
                    ))}
                </select>
              )}{' '}
              <button
                type="button"
                className="button button-quiet"
                onClick={() => onChange(entered.filter((other) => other.option.code !== finding.option.code))}
                aria-label={t('decisionDdx.findings.remove')}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button" disabled={busy || entered.length === 0} onClick={onRank} data-testid="ddx-rank-findings">
        {t('decisionDdx.findings.rank')}
      </button>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { usePick } from '../../bilingual';
import { BilingualText } from '../../components/bilingual-text';
import { DataTable } from '../../components/data-table';
import { Badge, Card, EmptyState } from '../../components/feedback';
import { SeverityBadge } from '../../components/severity-badge';
import { SourceCitation } from '../../components/source-citation';
import { formatDate, formatNumber } from '../../format';
import { href } from '../../router';
import { type ChartMedicationContext, type MedicationCheckResult, type MedicationFinding, SEVERITIES } from './knowledge-api';

/** What the chart gave the check (age, sex, latest eGFR and its date, allergies), so it can be judged. */
export function ChartContext({ context, empty }: { context: ChartMedicationContext; empty: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t('medications.contextTitle')} testId="med-context">
      <dl className="meta-list">
        <dt>{t('medications.age')}</dt>
        <dd>{context.age === null ? t('common.unknown') : t('common.years', { count: context.age })}</dd>
        <dt>{t('medications.sex')}</dt>
        <dd>{context.sex ? t(`lab.sexes.${context.sex}`) : t('common.unknown')}</dd>
        <dt>eGFR</dt>
        <dd data-testid="context-egfr" data-method={context.egfr?.method}>
          {context.egfr ? (
            <>
              {context.egfr.method === 'ckd-epi-2021' && context.egfr.creatinine
                ? t('medications.egfrComputed', {
                    value: formatNumber(context.egfr.value, 0),
                    creatinine: formatNumber(context.egfr.creatinine.value, context.egfr.creatinine.unit === 'mg/dL' ? 2 : 0),
                    unit: context.egfr.creatinine.unit,
                    date: formatDate(context.egfr.at),
                    code: context.egfr.code,
                    age: context.egfr.ageAtTest ?? '?',
                  })
                : t('medications.egfrReported', {
                    value: formatNumber(context.egfr.value, 0),
                    date: formatDate(context.egfr.at),
                    code: context.egfr.code,
                  })}
              {context.egfr.source && (
                <>
                  {' '}
                  <SourceCitation source={context.egfr.source} compact />
                </>
              )}
            </>
          ) : (
            t('medications.noEgfr')
          )}
        </dd>
        <dt>{t('medications.crcl')}</dt>
        <dd data-testid="context-crcl">
          {context.crcl ? (
            <>
              {t('medications.crclComputed', {
                value: formatNumber(context.crcl.value, 0),
                weight: formatNumber(context.crcl.weightKg, 1),
                weightDate: formatDate(context.crcl.weightAt),
                creatinine: formatNumber(context.crcl.creatinine.value, context.crcl.creatinine.unit === 'mg/dL' ? 2 : 0),
                unit: context.crcl.creatinine.unit,
                date: formatDate(context.crcl.at),
              })}{' '}
              <SourceCitation source={context.crcl.source} compact />
            </>
          ) : (
            t('medications.noCrcl')
          )}
        </dd>
        <dt>{t('medications.weight')}</dt>
        <dd>
          {context.weightKg ? `${formatNumber(context.weightKg.value, 1)} kg (${formatDate(context.weightKg.at)})` : t('common.unknown')}
        </dd>
        <dt>{t('medications.allergies')}</dt>
        <dd>{context.allergies.length > 0 ? context.allergies.join(', ') : t('medications.noAllergies')}</dd>
        <dt>{t('medications.activeCount')}</dt>
        <dd>{context.activeMedications}</dd>
      </dl>
      {empty && <p className="muted">{t('medications.noActive')}</p>}
    </Card>
  );
}

/** Counts by severity, the findings (most severe first) and how each medication was read. */
export function MedicationResults({
  result,
  onUseSuggestion,
}: {
  result: MedicationCheckResult;
  onUseSuggestion: (inputIndex: number, name: string) => void;
}) {
  const { t } = useTranslation();
  const pick = usePick();
  const findings = [...result.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const nameOf = (i: number) => {
    const m = result.medications[i];
    return m?.name ? pick(m.name) : (m?.input.name ?? '?');
  };
  return (
    <>
      <Card title={t('medications.findings')} testId="med-findings">
        <p className="severity-counts">
          {SEVERITIES.filter((s) => result.counts[s] > 0).map((s) => (
            <span key={s} className="severity-count">
              <SeverityBadge severity={s} /> {result.counts[s]}
            </span>
          ))}
        </p>
        {findings.length === 0 ? (
          <EmptyState>{t('medications.noFindings')}</EmptyState>
        ) : (
          <ul className="item-list findings">
            {findings.map((finding, i) => (
              <FindingItem
                // biome-ignore lint/suspicious/noArrayIndexKey: one result's findings, already sorted, never reorder
                key={i}
                finding={finding}
                nameOf={nameOf}
                suggestions={suggestionsFor(result, finding)}
                onUseSuggestion={onUseSuggestion}
              />
            ))}
          </ul>
        )}
        <p className="muted small">{t('medications.supportNote', { version: result.kbVersion })}</p>
      </Card>
      <Card title={t('medications.readAs')} testId="med-read-as">
        <DataTable
          columns={[
            { labelKey: 'medications.entered', cell: (m) => m.input.name },
            {
              labelKey: 'medications.recognised',
              cell: (m) =>
                m.drugId && m.name ? (
                  <a href={href(`/knowledge/drug/${encodeURIComponent(m.drugId)}`)}>{pick(m.name)}</a>
                ) : (
                  <Badge tone="warning">{t('medications.unrecognised')}</Badge>
                ),
            },
            { labelKey: 'medications.route', cell: (m) => (m.route ? t(`routes.${m.route}`) : t('common.none')) },
            {
              labelKey: 'medications.dose',
              cell: (m) =>
                m.dose
                  ? `${formatNumber(m.dose.amount)} ${m.dose.unit}${
                      m.baseDose && m.salt && m.name
                        ? ` ${t('medications.asBase', { amount: formatNumber(m.baseDose.amount), unit: m.baseDose.unit, salt: pick(m.salt), base: pick(m.name) })}`
                        : ''
                    }`
                  : t('common.none'),
            },
            {
              labelKey: 'medications.daily',
              cell: (m) => (m.dailyDose ? `${formatNumber(m.dailyDose.amount)} ${m.dailyDose.unit}` : t('common.none')),
            },
          ]}
          // One medication per input row, in input order: keyed by position.
          rows={result.medications}
        />
      </Card>
    </>
  );
}

function suggestionsFor(result: MedicationCheckResult, finding: MedicationFinding): string[] {
  if (finding.kind !== 'unrecognised-drug') return [];
  const index = finding.medications[0];
  return index === undefined ? [] : (result.medications[index]?.suggestions ?? []);
}

function FindingItem({
  finding,
  nameOf,
  suggestions,
  onUseSuggestion,
}: {
  finding: MedicationFinding;
  nameOf: (i: number) => string;
  suggestions: string[];
  onUseSuggestion: (inputIndex: number, name: string) => void;
}) {
  const { t } = useTranslation();
  const pick = usePick();
  const index = finding.medications[0];
  return (
    <li
      className={`finding finding-${finding.severity}`}
      data-testid="med-finding"
      data-kind={finding.kind}
      data-severity={finding.severity}
    >
      <div className="item-title">
        <SeverityBadge severity={finding.severity} />
        <Badge>{t(`medications.kinds.${finding.kind}`, { defaultValue: finding.kind })}</Badge>
        <span className="finding-title">{pick(finding.title)}</span>
      </div>
      <div className="finding-detail">
        <BilingualText text={finding.detail} note={finding.translation} block />
      </div>
      {finding.medications.length > 0 && finding.kind !== 'unrecognised-drug' && (
        <p className="small muted">{t('medications.involves', { names: finding.medications.map(nameOf).join(' + ') })}</p>
      )}
      {finding.management && (
        <p className="finding-management">
          <strong>{t('medications.management')}:</strong> {finding.managementText ? pick(finding.managementText) : finding.management}
        </p>
      )}
      {suggestions.length > 0 && index !== undefined && (
        <p className="small">
          {t('medications.didYouMean')}{' '}
          {suggestions.map((s) => (
            <button
              key={s}
              type="button"
              className="button button-small button-quiet"
              onClick={() => onUseSuggestion(index, s)}
              data-testid="med-suggestion"
            >
              {s}
            </button>
          ))}
        </p>
      )}
      <p className="small">
        <SourceCitation source={finding.source} />
      </p>
    </li>
  );
}

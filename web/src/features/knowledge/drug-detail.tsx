import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOtherPick, usePick } from '../../bilingual';
import { DataTable } from '../../components/data-table';
import { Badge, Card, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
import { SourceCitation } from '../../components/source-citation';
import { formatNumber } from '../../format';
import { useApi } from '../../use-api';
import { type KbDrug, knowledgeApi } from './knowledge-api';
import { BackToSearch } from './knowledge-entries';

/** One curated drug: every dose, rule and note with the source it came from. */
export function DrugDetail({ id }: { id: string }) {
  const drug = useApi(`kb-drug:${id}`, () => knowledgeApi.drug(id));
  return (
    <div className="page" data-testid="drug-detail">
      <BackToSearch />
      {drug.error ? <ErrorMessage error={drug.error} onRetry={drug.reload} /> : !drug.data ? <Loading /> : <DrugBody drug={drug.data} />}
    </div>
  );
}

function DrugBody({ drug }: { drug: KbDrug }) {
  const { t } = useTranslation();
  const pick = usePick();
  const other = useOtherPick();
  return (
    <>
      <div className="page-header">
        <h1 data-testid="drug-name">
          {pick(drug.names)} <span className="muted kb-alt-name">{other(drug.names)}</span>
        </h1>
        <p className="kb-tags">
          <Badge tone="accent">{pick(drug.drugClass)}</Badge>
          {drug.atc.map((code) => (
            <Badge key={code}>
              ATC <span className="mono">{code}</span>
            </Badge>
          ))}
        </p>
        {drug.brands.length > 0 && (
          <p className="small">
            <span className="muted">{t('drug.brands')}:</span> {drug.brands.join(', ')}
          </p>
        )}
        {drug.synonyms.length > 0 && (
          <p className="small">
            <span className="muted">{t('drug.synonyms')}:</span> {drug.synonyms.join(', ')}
          </p>
        )}
      </div>
      <DoseTable drug={drug} />
      <div className="chart-grid chart-grid-2">
        <Card title={t('drug.renal')} testId="drug-renal">
          {drug.renal.length === 0 ? (
            <EmptyState>{t('drug.noRenal')}</EmptyState>
          ) : (
            <ul className="item-list">
              {drug.renal.map((rule, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rules of one entry never reorder
                <li key={i} data-testid="renal-rule">
                  <div className="item-title">
                    <ActionBadge action={rule.action} />
                    <span>{egfrBand(rule, t)}</span>
                    {rule.route && <Badge>{t(`routes.${rule.route}`)}</Badge>}
                    {rule.maxDaily !== undefined && (
                      <span className="small">{t('drug.adjustedMax', { value: formatNumber(rule.maxDaily) })}</span>
                    )}
                  </div>
                  <p>{pick(rule.note)}</p>
                  <SourceCitation source={rule.source} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t('drug.hepatic')} testId="drug-hepatic">
          {drug.hepatic.length === 0 ? (
            <EmptyState>{t('drug.noHepatic')}</EmptyState>
          ) : (
            <ul className="item-list">
              {drug.hepatic.map((rule, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rules of one entry never reorder
                <li key={i}>
                  <div className="item-title">
                    <ActionBadge action={rule.action} />
                    <span>{t('drug.childPughFrom', { cls: rule.childPugh })}</span>
                  </div>
                  <p>{pick(rule.note)}</p>
                  <SourceCitation source={rule.source} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t('drug.pregnancy')} testId="drug-pregnancy">
          <p>{pick(drug.pregnancy.text)}</p>
          <SourceCitation source={drug.pregnancy.source} />
        </Card>
        <Card title={t('drug.lactation')} testId="drug-lactation">
          <p>{pick(drug.lactation.text)}</p>
          <SourceCitation source={drug.lactation.source} />
        </Card>
      </div>
      <Card title={t('drug.adverseEffects')} testId="drug-adverse">
        <ul className="kb-chips">
          {drug.adverseEffects.map((effect) => (
            <li key={effect.en}>{pick(effect)}</li>
          ))}
        </ul>
        <SourceCitation source={drug.adverseEffectsSource} />
      </Card>
      <div className="chart-grid chart-grid-2">
        <Card title={t('drug.indications')} testId="drug-indications">
          {drug.indications.length === 0 ? (
            <EmptyState>{t('drug.noIndications')}</EmptyState>
          ) : (
            <>
              <p className="muted small">{t('drug.indicationsNote')}</p>
              <ul className="kb-chips">
                {drug.indications.map((indication) => (
                  <li key={indication.umlsCui} title={`UMLS ${indication.umlsCui}`}>
                    {indication.name}
                  </li>
                ))}
              </ul>
              {drug.indicationsSource && <SourceCitation source={drug.indicationsSource} />}
            </>
          )}
        </Card>
        <Card title={t('drug.labelEvents')} testId="drug-label-events">
          {!drug.labelAdverseEvents ? (
            <EmptyState>{t('drug.noLabelEvents')}</EmptyState>
          ) : (
            <>
              <p className="muted small">{t('drug.labelEventsNote', { label: drug.labelAdverseEvents.label })}</p>
              <ul className="kb-chips">
                {drug.labelAdverseEvents.events.map((event) => (
                  <li key={event}>{event}</li>
                ))}
              </ul>
              <SourceCitation source={drug.labelAdverseEvents.source} />
            </>
          )}
        </Card>
      </div>
      <p className="muted small">{t('knowledge.supportNote')}</p>
    </>
  );
}

function DoseTable({ drug }: { drug: KbDrug }) {
  const { t } = useTranslation();
  const pick = usePick();
  return (
    <Card title={t('drug.doses')} testId="drug-doses">
      <DataTable
        columns={[
          { labelKey: 'drug.route', className: 'nowrap', cell: (dose) => t(`routes.${dose.route}`) },
          { labelKey: 'drug.indication', cell: (dose) => (dose.indication ? pick(dose.indication) : t('drug.anyIndication')) },
          {
            labelKey: 'drug.singleDose',
            className: 'nowrap',
            cell: (dose) => (
              <>
                {dose.singleMin !== undefined ? `${formatNumber(dose.singleMin)}–` : ''}
                {formatNumber(dose.singleMax)} {dose.unit}
              </>
            ),
          },
          { labelKey: 'drug.frequency', cell: (dose) => (dose.frequency ? pick(dose.frequency) : t('common.none')) },
          {
            labelKey: 'drug.maxDaily',
            className: 'nowrap',
            cell: (dose) => (
              <strong>
                {formatNumber(dose.maxDaily)} {dose.unit}
              </strong>
            ),
          },
          { labelKey: 'knowledge.source', className: 'small', cell: (dose) => <SourceCitation source={dose.source} compact /> },
        ]}
        // Dose rows of one entry never reorder: keyed by position.
        rows={drug.doses}
        testId="dose-table"
        rowTestId="dose-row"
      />
    </Card>
  );
}

function ActionBadge({ action }: { action: 'avoid' | 'reduce' | 'caution' }): ReactNode {
  const { t } = useTranslation();
  const tone = action === 'avoid' ? 'critical' : action === 'reduce' ? 'warning' : 'info';
  return <Badge tone={tone}>{t(`drug.actions.${action}`)}</Badge>;
}

function egfrBand(rule: KbDrug['renal'][number], t: (key: string, options?: Record<string, unknown>) => string): string {
  const measure = rule.basis === 'crcl' ? 'CrCl' : 'eGFR';
  return rule.egfrAtLeast !== undefined
    ? t('drug.egfrBetween', { measure, low: rule.egfrAtLeast, high: rule.egfrBelow })
    : t('drug.egfrBelow', { measure, high: rule.egfrBelow });
}

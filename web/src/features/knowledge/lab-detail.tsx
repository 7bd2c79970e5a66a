import { useTranslation } from 'react-i18next';
import { useOtherPick, usePick } from '../../bilingual';
import { DataTable } from '../../components/data-table';
import { Badge, Card, ErrorMessage, Loading } from '../../components/feedback';
import { SourceCitation } from '../../components/source-citation';
import { formatNumber } from '../../format';
import { useApi } from '../../use-api';
import { type CuratedLab, knowledgeApi } from './knowledge-api';
import { BackToSearch } from './knowledge-entries';

/** One lab test: units and conversion, reference ranges by sex and age, critical values. */
export function LabDetail({ id }: { id: string }) {
  const lab = useApi(`kb-lab:${id}`, () => knowledgeApi.lab(id));
  return (
    <div className="page" data-testid="lab-detail">
      <BackToSearch />
      {lab.error ? <ErrorMessage error={lab.error} onRetry={lab.reload} /> : !lab.data ? <Loading /> : <LabBody lab={lab.data} />}
    </div>
  );
}

function LabBody({ lab }: { lab: CuratedLab }) {
  const { t } = useTranslation();
  const pick = usePick();
  const other = useOtherPick();
  return (
    <>
      <div className="page-header">
        <h1 data-testid="lab-name">
          {pick(lab.names)} <span className="muted kb-alt-name">{other(lab.names)}</span>
        </h1>
        <p className="kb-tags">
          <Badge tone="accent">{lab.category}</Badge>
          <Badge>{pick(lab.specimen)}</Badge>
          {lab.loinc.map((code) => (
            <Badge key={code}>
              LOINC <span className="mono">{code}</span>
            </Badge>
          ))}
        </p>
        {lab.synonyms.length > 0 && (
          <p className="small">
            <span className="muted">{t('drug.synonyms')}:</span> {lab.synonyms.join(', ')}
          </p>
        )}
      </div>
      <Card title={t('lab.units')} testId="lab-units">
        <dl className="meta-list">
          <dt>{t('lab.siUnit')}</dt>
          <dd className="mono">{lab.siUnit}</dd>
          {lab.conventionalUnit && (
            <>
              <dt>{t('lab.conventionalUnit')}</dt>
              <dd className="mono">{lab.conventionalUnit}</dd>
            </>
          )}
          {lab.conventionalToSi !== undefined && (
            <>
              <dt>{t('lab.factor')}</dt>
              <dd data-testid="lab-factor">
                1 {lab.conventionalUnit} = {formatNumber(lab.conventionalToSi, 4)} {lab.siUnit}
              </dd>
            </>
          )}
        </dl>
      </Card>
      <Card title={t('lab.ranges')} testId="lab-ranges">
        <DataTable
          columns={[
            { labelKey: 'lab.sex', cell: (range) => (range.sex ? t(`lab.sexes.${range.sex}`) : t('lab.anySex')) },
            { labelKey: 'lab.age', cell: (range) => ageBand(range.ageMin, range.ageMax, t) },
            {
              labelKey: 'lab.range',
              className: 'nowrap',
              cell: (range) => (
                <>
                  {rangeText(range.low, range.high)} <span className="unit">{lab.siUnit}</span>
                </>
              ),
            },
            { labelKey: 'knowledge.source', className: 'small', cell: (range) => <SourceCitation source={range.source} compact /> },
          ]}
          // Ranges of one entry never reorder: keyed by position.
          rows={lab.ranges}
          rowTestId="range-row"
        />
      </Card>
      {lab.critical && (
        <Card title={t('lab.critical')} testId="lab-critical">
          <dl className="meta-list">
            {lab.critical.low !== undefined && (
              <>
                <dt>{t('lab.criticalLow')}</dt>
                <dd>
                  {lab.critical.inclusive ? '≤' : '<'} {formatNumber(lab.critical.low)} {lab.siUnit}
                </dd>
              </>
            )}
            {lab.critical.high !== undefined && (
              <>
                <dt>{t('lab.criticalHigh')}</dt>
                <dd>
                  {lab.critical.inclusive ? '≥' : '>'} {formatNumber(lab.critical.high)} {lab.siUnit}
                </dd>
              </>
            )}
          </dl>
          <SourceCitation source={lab.critical.source} />
        </Card>
      )}
      <p className="muted small">{t('knowledge.supportNote')}</p>
    </>
  );
}

export function rangeText(low: number | undefined | null, high: number | undefined | null): string {
  if (low == null && high == null) return '—';
  if (low == null) return `≤ ${formatNumber(high)}`;
  if (high == null) return `≥ ${formatNumber(low)}`;
  return `${formatNumber(low)}–${formatNumber(high)}`;
}

function ageBand(min: number | undefined, max: number | undefined, t: (key: string, o?: Record<string, unknown>) => string): string {
  if (min === undefined && max === undefined) return t('lab.anyAge');
  if (max === undefined) return t('lab.ageFrom', { min });
  if (min === undefined) return t('lab.ageUnder', { max });
  return t('lab.ageBetween', { min, max });
}

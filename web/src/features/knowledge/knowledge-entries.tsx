import { useTranslation } from 'react-i18next';
import { useOtherPick, usePick } from '../../bilingual';
import { Badge, Card, ErrorMessage, Loading } from '../../components/feedback';
import { SourceCitation } from '../../components/source-citation';
import { href } from '../../router';
import { useApi } from '../../use-api';
import { type KbCondition, type KbEducationTopic, knowledgeApi } from './knowledge-api';

let lastQuery = '';

/** Remembers the search so "back to search" returns to the same results. */
export function rememberQuery(q: string): void {
  lastQuery = q;
}

export function BackToSearch() {
  const { t } = useTranslation();
  return (
    <p className="breadcrumb">
      <a href={href(lastQuery ? `/knowledge?q=${encodeURIComponent(lastQuery)}` : '/knowledge')}>← {t('knowledge.backToSearch')}</a>
    </p>
  );
}

/** A DDXPlus condition: ICD-10, severity, and the symptoms and antecedents it is described by. */
export function ConditionDetail({ id }: { id: string }) {
  const state = useApi(`kb-condition:${id}`, () => knowledgeApi.condition(id));
  return (
    <div className="page" data-testid="condition-detail">
      <BackToSearch />
      {state.error ? (
        <ErrorMessage error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <Loading />
      ) : (
        <ConditionBody condition={state.data} />
      )}
    </div>
  );
}

function ConditionBody({ condition }: { condition: KbCondition }) {
  const { t } = useTranslation();
  const pick = usePick();
  const other = useOtherPick();
  return (
    <>
      <div className="page-header">
        <h1>
          {pick(condition.names)} <span className="muted kb-alt-name">{other(condition.names)}</span>
        </h1>
        <p className="kb-tags">
          <Badge>
            ICD-10 <span className="mono">{condition.icd10}</span>
          </Badge>
          <Badge tone={condition.severity <= 2 ? 'critical' : condition.severity === 3 ? 'warning' : 'neutral'}>
            {t('condition.severity', { value: condition.severity })}
          </Badge>
        </p>
        <p className="muted small">{t('condition.severityHint')}</p>
      </div>
      <div className="chart-grid chart-grid-2">
        <Card title={t('condition.symptoms')} testId="condition-symptoms">
          <EvidenceList items={condition.symptoms} />
        </Card>
        <Card title={t('condition.antecedents')} testId="condition-antecedents">
          <EvidenceList items={condition.antecedents} />
        </Card>
      </div>
      <p className="small">
        <SourceCitation source={condition.source} />
      </p>
    </>
  );
}

function EvidenceList({ items }: { items: KbCondition['symptoms'] }) {
  const { t } = useTranslation();
  const pick = usePick();
  if (items.length === 0) return <p className="muted">{t('common.none')}</p>;
  return (
    <ul className="kb-evidence">
      {items.map((item) => (
        <li key={item.code}>
          {pick({ en: item.question, zh: item.questionZh })} <span className="mono small muted">{item.code}</span>
        </li>
      ))}
    </ul>
  );
}

/** A MedQuAD patient-education topic: the summary and a link to the NIH page it is from. */
export function EducationDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const state = useApi(`kb-education:${id}`, () => knowledgeApi.education(id));
  const topic: KbEducationTopic | undefined = state.data;
  return (
    <div className="page page-narrow" data-testid="education-detail">
      <BackToSearch />
      {state.error ? (
        <ErrorMessage error={state.error} onRetry={state.reload} />
      ) : !topic ? (
        <Loading />
      ) : (
        <>
          <div className="page-header">
            <h1>{topic.title}</h1>
            {topic.synonyms.length > 0 && <p className="muted small">{topic.synonyms.join(' · ')}</p>}
          </div>
          <Card title={t('education.summary')}>
            <p className="education-summary" lang="en">
              {topic.summary}
            </p>
            <p className="small">
              {t('education.publisher')}: {topic.publisher}
            </p>
            {topic.source.url && (
              <p>
                <a className="button" href={topic.source.url} target="_blank" rel="noreferrer noopener" data-testid="education-link">
                  {t('education.readMore')}
                </a>
              </p>
            )}
            <SourceCitation source={topic.source} />
          </Card>
        </>
      )}
    </div>
  );
}

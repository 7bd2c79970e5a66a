import { useTranslation } from 'react-i18next';
import { usePick } from '../../bilingual';
import { Card, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
import { IntakeStatusBadge, TriageBadge } from '../../components/intake-badges';
import { SourceCitation } from '../../components/source-citation';
import { formatDateTime } from '../../format';
import { href } from '../../router';
import { useApi } from '../../use-api';
import { type IntakeDetail, intakeApi } from './intake-api';

/** `#/intakes/:id`: every question the patient was asked and their answer, with red flags and triage. */
export function IntakeDetailPage({ intakeId }: { intakeId: string }) {
  const { t } = useTranslation();
  const loaded = useApi(`intake:${intakeId}`, () => intakeApi.detail(intakeId));
  return (
    <div className="page" data-testid="intake-detail-page">
      {loaded.data && (
        <p className="breadcrumb">
          <a href={href(`/patients/${loaded.data.patientId}`)}>← {t('intakes.backToChart')}</a>
        </p>
      )}
      {loaded.error ? (
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : (
        <IntakeDetailView intake={loaded.data} />
      )}
    </div>
  );
}

function IntakeDetailView({ intake }: { intake: IntakeDetail }) {
  const { t } = useTranslation();
  const pick = usePick();
  const answers = intake.state.answers;
  return (
    <>
      <div className="page-header">
        <h1>
          {t('intakes.detailTitle')} <IntakeStatusBadge status={intake.status} />
        </h1>
        <p className="muted">
          {t('intakes.rowFacts', {
            language: intake.language === 'zh' ? '中文' : 'English',
            answers: intake.answers,
            created: formatDateTime(intake.createdAt),
          })}
          {intake.finishedAt && ` · ${t('intakes.finishedAt', { time: formatDateTime(intake.finishedAt) })}`}
        </p>
        {intake.artifactId && (
          <p>
            <a className="button button-primary" href={href(`/inbox/${intake.artifactId}`)} data-testid="intake-draft-link">
              {t('intakes.viewDraft')}
            </a>
          </p>
        )}
      </div>
      <p className="alert alert-warning" role="note">
        {t('intakes.patientReported')}
      </p>
      {intake.redFlags.length > 0 && (
        <Card title={t('intakes.redFlags')} testId="intake-red-flags" className="intake-red-flags">
          <ul className="intake-flag-list">
            {intake.redFlags.map((flag) => (
              <li key={flag.id}>
                <strong>{pick(flag.label)}</strong> — {pick(flag.reason)} <SourceCitation source={flag.source} compact />
              </li>
            ))}
          </ul>
        </Card>
      )}
      {intake.triage && (
        <Card title={t('intakes.triageTitle')} testId="intake-triage-card">
          <p>
            <TriageBadge level={intake.triage.level} /> {pick(intake.triage.reason)}
          </p>
          <SourceCitation source={intake.triage.source} />
        </Card>
      )}
      <Card title={t('intakes.answers')} testId="intake-answers">
        {answers.length === 0 ? (
          <EmptyState>{t('intakes.noAnswers')}</EmptyState>
        ) : (
          <ol className="intake-answer-list">
            {answers.map((answer) => (
              <li key={`${answer.questionId}:${answer.at}`} data-testid="intake-answer" data-question={answer.questionId}>
                <p className="intake-answer-question">
                  <span className="muted small">{t(`intakes.section.${answer.section}`)}</span> {pick(answer.question)}
                </p>
                <p className="intake-answer-value">
                  {answer.skipped ? <span className="muted">{t('intakes.skipped')}</span> : pick(answer.display)}
                </p>
                {answer.text && answer.text !== pick(answer.display) && (
                  <p className="muted small">
                    {t('intakes.ownWords')}: “{answer.text}”
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}

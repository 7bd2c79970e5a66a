import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
import { LabInterpretationView } from '../../components/lab-interpretation-view';
import { href } from '../../router';
import { useApi } from '../../use-api';
import { knowledgeApi } from '../knowledge/knowledge-api';

/** "Interpret labs" on the chart: asked for on demand, since it reads the patient's whole lab history. */
export function LabInterpretationCard({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const state = useApi(open ? `lab-interp:${patientId}` : null, () => knowledgeApi.patientLabInterpretation(patientId));
  return (
    <Card
      title={t('labs.cardTitle')}
      testId="chart-lab-interpretation"
      actions={
        <>
          <a className="button button-small button-quiet" href={href('/labs')}>
            {t('labs.openTool')}
          </a>
          {!open && (
            <button type="button" className="button button-small" onClick={() => setOpen(true)} data-testid="interpret-labs">
              {t('labs.interpret')}
            </button>
          )}
        </>
      }
    >
      {!open ? (
        <p className="muted small">{t('labs.cardHint')}</p>
      ) : state.error ? (
        <ErrorMessage error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted small" data-testid="lab-context">
            {[
              state.data.context.age !== null ? t('common.years', { count: state.data.context.age }) : null,
              state.data.context.sex ? t(`lab.sexes.${state.data.context.sex}`) : null,
              t('labs.resultCount', { count: state.data.context.results, tests: state.data.context.tests }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {state.data.result ? (
            <LabInterpretationView interpretation={state.data.result} />
          ) : (
            <EmptyState>{t('labs.noChartResults')}</EmptyState>
          )}
        </>
      )}
    </Card>
  );
}

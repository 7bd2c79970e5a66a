import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOtherPick, usePick } from '../../../bilingual';
import { Card, EmptyState, ErrorMessage, Loading } from '../../../components/feedback';
import { href } from '../../../router';
import { useApi } from '../../../use-api';
import { knowledgeApi, type ScoreSummary } from '../knowledge-api';
import { ScoreCalculator } from './score-calculator';

/** `#/calculators` lists the clinical scores; `#/calculators/<id>` opens one as a form. */
export function CalculatorsPage({ scoreId }: { scoreId?: string }) {
  return scoreId ? <ScoreCalculator key={scoreId} id={scoreId} /> : <ScoreList />;
}

function matches(score: ScoreSummary, q: string): boolean {
  const needle = q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s₂]/g, (c) => (c === '₂' ? '2' : ''));
  const hay = [score.id, score.names.en, score.names.zh, ...score.aliases].join(' ').normalize('NFKC').toLowerCase().replace(/\s/g, '');
  return hay.includes(needle);
}

function ScoreList() {
  const { t } = useTranslation();
  const pick = usePick();
  const other = useOtherPick();
  const [q, setQ] = useState('');
  const scores = useApi('scores', knowledgeApi.scores);
  const shown = (scores.data ?? []).filter((s) => q.trim() === '' || matches(s, q.trim()));
  return (
    <div className="page" data-testid="calculators-page">
      <div className="page-header">
        <h1>{t('calculators.title')}</h1>
        <p className="muted">{t('calculators.intro')}</p>
      </div>
      <div className="toolbar">
        <div className="field search-field">
          <label htmlFor="score-filter">{t('calculators.filter')}</label>
          <input
            id="score-filter"
            type="search"
            value={q}
            placeholder={t('calculators.filterPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            data-testid="score-filter"
          />
        </div>
      </div>
      {scores.error ? (
        <ErrorMessage error={scores.error} onRetry={scores.reload} />
      ) : !scores.data ? (
        <Loading />
      ) : shown.length === 0 ? (
        <EmptyState>{t('calculators.none')}</EmptyState>
      ) : (
        <Card title={t('calculators.count', { count: shown.length })}>
          <ul className="item-list score-list">
            {shown.map((score) => (
              <li key={score.id} data-testid="score-item" data-id={score.id}>
                <div className="item-title">
                  <a href={href(`/calculators/${encodeURIComponent(score.id)}`)}>{pick(score.names)}</a>
                  <span className="muted small">{other(score.names)}</span>
                </div>
                <div className="item-meta small">{pick(score.summary)}</div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

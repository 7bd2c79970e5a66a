import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOtherPick, usePick } from '../../bilingual';
import { Badge, Card, EmptyState, ErrorMessage, Loading } from '../../components/feedback';
import { KbAbout } from '../../components/kb-about';
import { href, navigate, type Route } from '../../router';
import { useApi, useDebounced } from '../../use-api';
import { DrugDetail } from './drug-detail';
import { knowledgeApi, type SearchHit, type SearchKind } from './knowledge-api';
import { ConditionDetail, EducationDetail, rememberQuery } from './knowledge-entries';
import { LabDetail } from './lab-detail';

/** Curated entries first, bulk vocabularies last: the order groups are shown in. */
const KIND_ORDER: SearchKind[] = ['drug', 'lab', 'score', 'condition', 'education', 'interaction-drug', 'icd10', 'vocabulary'];

/** Where a hit opens; kinds without a page of their own are shown but not linked. */
export function hitPath(hit: Pick<SearchHit, 'kind' | 'id'>): string | undefined {
  switch (hit.kind) {
    case 'drug':
    case 'lab':
    case 'condition':
    case 'education':
      return `/knowledge/${hit.kind}/${encodeURIComponent(hit.id)}`;
    case 'score':
      return `/calculators/${encodeURIComponent(hit.id)}`;
    case 'icd10':
    case 'interaction-drug':
    case 'vocabulary':
      return undefined;
  }
}

/** `#/knowledge?q=…` searches; `#/knowledge/<kind>/<id>` shows one entry. */
export function KnowledgePage({ route }: { route: Route }) {
  const [, kind, id] = route.segments;
  if (kind && id) {
    switch (kind) {
      case 'drug':
        return <DrugDetail key={id} id={id} />;
      case 'lab':
        return <LabDetail key={id} id={id} />;
      case 'condition':
        return <ConditionDetail key={id} id={id} />;
      case 'education':
        return <EducationDetail key={id} id={id} />;
    }
  }
  return <KnowledgeSearch routeQuery={route.query.get('q') ?? ''} />;
}

const EXAMPLES = ['华法林', 'warfarin', 'metfromin', '肌酐', 'eGFR', 'CHA2DS2-VASc', '肺炎'];

function KnowledgeSearch({ routeQuery }: { routeQuery: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(routeQuery);
  const q = useDebounced(text.trim(), 250);
  const result = useApi(q ? `kb-search:${q}` : null, () => knowledgeApi.search(q, undefined, 60));

  // The query lives in the address, so a search can be bookmarked and Back returns to it.
  useEffect(() => {
    rememberQuery(q);
    navigate(q ? `/knowledge?q=${encodeURIComponent(q)}` : '/knowledge', { replace: true });
  }, [q]);
  // A link elsewhere (the menu, a bookmark) that changes the address changes the search too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an address change should reset the box
  useEffect(() => {
    if (routeQuery !== q) setText(routeQuery);
  }, [routeQuery]);

  return (
    <div className="page" data-testid="knowledge-page">
      <div className="page-header">
        <h1>{t('knowledge.title')}</h1>
        <p className="muted">{t('knowledge.intro')}</p>
      </div>
      <div className="toolbar">
        <div className="field search-field search-field-wide">
          <label htmlFor="kb-search">{t('knowledge.search')}</label>
          <input
            id="kb-search"
            type="search"
            autoComplete="off"
            placeholder={t('knowledge.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="kb-search"
          />
        </div>
      </div>
      {!q ? (
        <p className="kb-examples">
          <span className="muted small">{t('knowledge.examples')}</span>{' '}
          {EXAMPLES.map((example) => (
            <button key={example} type="button" className="button button-small button-quiet" onClick={() => setText(example)}>
              {example}
            </button>
          ))}
        </p>
      ) : result.error ? (
        <ErrorMessage error={result.error} onRetry={result.reload} />
      ) : !result.data ? (
        <Loading />
      ) : result.data.hits.length === 0 ? (
        <EmptyState>{t('knowledge.noHits', { q })}</EmptyState>
      ) : (
        <HitGroups hits={result.data.hits} />
      )}
      <KbAbout />
    </div>
  );
}

function HitGroups({ hits }: { hits: SearchHit[] }) {
  const { t } = useTranslation();
  const groups = KIND_ORDER.map((kind) => ({ kind, hits: hits.filter((hit) => hit.kind === kind) })).filter((g) => g.hits.length > 0);
  return (
    <div className="kb-groups" data-testid="kb-results">
      {groups.map((group) => (
        <Card
          key={group.kind}
          title={
            <>
              {t(`knowledge.kinds.${group.kind}`)} <Badge>{group.hits.length}</Badge>
            </>
          }
          testId={`kb-group-${group.kind}`}
        >
          <ul className="item-list kb-hits">
            {group.hits.map((hit) => (
              <HitRow key={`${hit.kind}:${hit.id}`} hit={hit} />
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}

function HitRow({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const pick = usePick();
  const other = useOtherPick();
  const path = hitPath(hit);
  const name = pick(hit.label);
  const second = other(hit.label);
  return (
    <li data-testid="kb-hit" data-kind={hit.kind} data-id={hit.id}>
      <div className="item-title">
        <span className={`badge kind-badge kind-${hit.kind}`}>{t(`knowledge.kinds.${hit.kind}`)}</span>
        {path ? <a href={href(path)}>{name}</a> : <span>{name}</span>}
        {second !== name && <span className="muted">{second}</span>}
        {hit.code && <span className="mono small muted">{hit.code}</span>}
      </div>
      {hit.alias ? (
        // Found through an abbreviation: say what it stands for (心梗 = 心肌梗死).
        <div className="item-meta small" data-testid="kb-hit-match" data-match={hit.match}>
          {t('knowledge.aliasMatch', { short: hit.alias.short, full: hit.alias.full })}
        </div>
      ) : (
        (hit.match === 'fuzzy' || hit.matched.toLowerCase() !== name.toLowerCase()) && (
          <div className="item-meta small" data-testid="kb-hit-match" data-match={hit.match}>
            {hit.match === 'fuzzy' ? t('knowledge.fuzzyMatch', { term: hit.matched }) : t('knowledge.matchedBy', { term: hit.matched })}
          </div>
        )
      )}
    </li>
  );
}

import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BilingualText } from '../../components/bilingual-text';
import { Badge, Card, EmptyState } from '../../components/feedback';
import { formatDate, label } from '../../format';
import { type Allergy, type Condition, type Encounter, type Medication, patientsApi } from './patients-api';

const ACTIVE_CONDITION = new Set(['active', 'recurrence', 'relapse']);
const ACTIVE_MEDICATION = new Set(['active', 'on-hold', 'draft']);

/** Long lists show their first `limit` items until the reader asks for all. */
export function useShowAll<T>(items: T[], limit: number) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, limit);
  const toggle =
    items.length > limit ? (
      <button type="button" className="button button-small button-quiet" aria-expanded={all} onClick={() => setAll((v) => !v)}>
        {all ? t('chart.showLess') : t('chart.showMore', { count: items.length })}
      </button>
    ) : undefined;
  return { shown, toggle };
}

const HISTORY_PAGE = 50;

/**
 * Encounters and documents: the chart brings the newest page; "show all" expands it and then
 * loads older pages from the server until the whole history (`total`) is listed.
 */
export function useHistoryList<T>(
  initial: T[],
  total: number,
  preview: number,
  loadPage: (offset: number, limit: number) => Promise<{ items: T[] }>,
) {
  const { t } = useTranslation();
  const [items, setItems] = useState(initial);
  const [expanded, setExpanded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setItems(initial);
    setExpanded(false);
  }, [initial]);
  const shown = expanded ? items : items.slice(0, preview);
  const toggle =
    total > preview ? (
      <button type="button" className="button button-small button-quiet" aria-expanded={expanded} onClick={() => setExpanded((v) => !v)}>
        {expanded ? t('chart.showLess') : t('chart.showMore', { count: total })}
      </button>
    ) : undefined;
  const loadMore = async () => {
    setLoading(true);
    setError(null);
    try {
      const page = await loadPage(items.length, HISTORY_PAGE);
      setItems((current) => [...current, ...page.items]);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setLoading(false);
    }
  };
  const footer =
    expanded && items.length < total ? (
      <div className="list-footer">
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="button button-small" disabled={loading} onClick={() => void loadMore()} data-testid="load-older">
          {loading ? t('app.loading') : t('chart.loadOlder', { shown: items.length, total })}
        </button>
      </div>
    ) : undefined;
  return { shown, toggle, footer };
}

/** Active items first; the sort is stable, so the server's order holds within each group. */
function activeFirst<T>(items: T[], isActive: (item: T) => boolean): T[] {
  return [...items].sort((a, b) => Number(isActive(b)) - Number(isActive(a)));
}

export function ProblemsCard({ conditions }: { conditions: Condition[] }) {
  const { t } = useTranslation();
  const isActive = (c: Condition) => ACTIVE_CONDITION.has(c.clinicalStatus ?? '');
  const sorted = activeFirst(conditions, isActive);
  const { shown, toggle } = useShowAll(sorted, 10);
  return (
    <Card title={t('chart.problems')} testId="chart-problems" headingId="chart-problems-title" actions={toggle}>
      {sorted.length === 0 ? (
        <EmptyState>{t('chart.problemsEmpty')}</EmptyState>
      ) : (
        <ul className="item-list">
          {shown.map((c) => (
            <li key={c.id} className={isActive(c) ? undefined : 'is-inactive'} data-code={c.code ?? undefined}>
              <div className="item-title">
                <BilingualText text={c.names} fallback={c.display} />
                <Badge tone={isActive(c) ? 'accent' : 'neutral'}>{label('status', c.clinicalStatus)}</Badge>
              </div>
              <div className="item-meta">
                {c.code && <span className="mono">{c.code}</span>}
                {c.onsetAt && (
                  <span>
                    {t('chart.onset')} {formatDate(c.onsetAt)}
                  </span>
                )}
                {c.abatedAt && (
                  <span>
                    {t('chart.resolvedOn')} {formatDate(c.abatedAt)}
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function MedicationsCard({ medications }: { medications: Medication[] }) {
  const { t } = useTranslation();
  const isActive = (m: Medication) => ACTIVE_MEDICATION.has(m.status ?? '');
  const sorted = activeFirst(medications, isActive);
  const { shown, toggle } = useShowAll(sorted, 8);
  return (
    <Card title={t('chart.medications')} testId="chart-medications" headingId="chart-medications-title" actions={toggle}>
      {sorted.length === 0 ? (
        <EmptyState>{t('chart.medicationsEmpty')}</EmptyState>
      ) : (
        <ul className="item-list">
          {shown.map((m) => (
            <li key={m.id} className={isActive(m) ? undefined : 'is-inactive'}>
              <div className="item-title">
                <BilingualText text={m.names} fallback={m.display} />
                <Badge tone={isActive(m) ? 'accent' : 'neutral'}>{label('status', m.status)}</Badge>
              </div>
              <div className="item-meta">
                {m.dosageText && <span>{m.dosageText}</span>}
                {m.authoredAt && (
                  <span>
                    {t('chart.authored')} {formatDate(m.authoredAt)}
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function AllergiesCard({ allergies }: { allergies: Allergy[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('chart.allergies')} testId="chart-allergies" headingId="chart-allergies-title">
      {allergies.length === 0 ? (
        <EmptyState>{t('chart.allergiesEmpty')}</EmptyState>
      ) : (
        <ul className="item-list">
          {allergies.map((a) => {
            const high = a.criticality === 'high';
            return (
              <li key={a.id} className={high ? 'is-critical' : undefined}>
                <div className="item-title">
                  <BilingualText text={a.names} fallback={a.display} />
                  {a.criticality && (
                    <Badge tone={high ? 'danger' : 'neutral'}>
                      {t('chart.criticality')}: {label('criticality', a.criticality)}
                    </Badge>
                  )}
                </div>
                <div className="item-meta">
                  {a.reaction && (
                    <span>
                      {t('chart.reaction')}: <BilingualText text={a.reactionNames} fallback={a.reaction} />
                    </span>
                  )}
                  {a.category && <span>{label('allergyCategory', a.category)}</span>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

const ENCOUNTERS_SHOWN = 8;

export function EncountersCard({
  patientId,
  encounters,
  total,
  actionsFor,
}: {
  patientId: string;
  encounters: Encounter[];
  total: number;
  /** Per-encounter actions (a clinician's "Write note", "Discharge summary"). */
  actionsFor?: (encounter: Encounter) => ReactNode;
}) {
  const { t } = useTranslation();
  const { shown, toggle, footer } = useHistoryList(encounters, total, ENCOUNTERS_SHOWN, (offset, limit) =>
    patientsApi.encounters(patientId, limit, offset),
  );
  return (
    <Card title={t('chart.encounters')} testId="chart-encounters" headingId="chart-encounters-title" actions={toggle}>
      {encounters.length === 0 ? (
        <EmptyState>{t('chart.encountersEmpty')}</EmptyState>
      ) : (
        <ul className="item-list">
          {shown.map((e) => (
            <li key={e.id}>
              <div className="item-title">
                <span>{e.type ? <BilingualText text={e.typeNames} fallback={e.type} /> : label('encounterClass', e.classCode)}</span>
                {e.classCode && <Badge>{label('encounterClass', e.classCode)}</Badge>}
              </div>
              <div className="item-meta">
                <span>{formatDate(e.start)}</span>
                {e.reason && (
                  <span>
                    {t('chart.encounterReason')}: <BilingualText text={e.reasonNames} fallback={e.reason} />
                  </span>
                )}
                {e.provider && <span>{e.provider}</span>}
                {e.status && e.status !== 'finished' && <span>{label('status', e.status)}</span>}
              </div>
              {actionsFor && <div className="item-actions">{actionsFor(e)}</div>}
            </li>
          ))}
        </ul>
      )}
      {footer}
    </Card>
  );
}

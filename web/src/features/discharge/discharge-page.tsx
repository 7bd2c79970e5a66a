import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ListedMedication,
  MedicationReconciliation,
  ReconciliationStatus,
  RecordFact,
  ResultSummary,
} from '../../../../src/api/discharge';
import { ApiError } from '../../api';
import { sectionDrafts } from '../../components/clinical-document-edit';
import { ClinicalDocumentView } from '../../components/clinical-document-view';
import { DataTable } from '../../components/data-table';
import { Badge, Card, ErrorMessage, Loading } from '../../components/feedback';
import { SegmentedChoice } from '../../components/segmented-group';
import { formatDate, formatNumber, label } from '../../format';
import { href, navigate } from '../../router';
import { useApi } from '../../use-api';
import type { Artifact } from '../artifacts/artifacts-api';
import { type NoteDocument, type NoteLanguage, type NoteSentence, notesApi } from '../notes/notes-api';
import { DocumentReview } from '../notes/notes-review';
import { patientsApi } from '../patients/patients-api';
import { type DischargeMode, type DischargeResult, dischargeApi } from './discharge-api';

type Extras = {
  facts?: RecordFact[];
  reconciliation?: MedicationReconciliation;
  results?: ResultSummary[];
  modelMessage?: string;
};

const CHANGES: ReconciliationStatus[] = ['started', 'stopped', 'changed', 'continued'];
const CHANGE_TONE: Record<ReconciliationStatus, string> = {
  started: 'success',
  stopped: 'danger',
  changed: 'warning',
  continued: 'neutral',
};

const extrasOf = (document: NoteDocument): Extras => document.extras ?? {};

/** A summary just drafted, handed to the page that reopens it under its own address (no reload, no flash). */
interface Handoff {
  result: DischargeResult;
  patientId: string;
  encounterId: string;
}
const handoffs = new Map<string, Handoff>();

/**
 * The discharge summary (出院小结) of an inpatient stay: drafted from the record on request. The
 * structured parts are computed from the record (each sentence names its record facts); only the
 * hospital course is written by a model, and without one it is a marked placeholder. A drafted
 * summary lives at `#/discharge/<artifactId>`, where it reopens with its review status.
 */
export function DischargePage({
  artifactId,
  patientId: patientParam,
  encounterId: encounterParam,
}: {
  artifactId?: string;
  patientId?: string;
  encounterId?: string;
}) {
  const { t, i18n } = useTranslation();
  const [handoff] = useState(() => (artifactId ? handoffs.get(artifactId) : undefined));
  const stored = useApi(artifactId && !handoff ? `discharge:${artifactId}` : null, () => notesApi.note(artifactId ?? ''));
  const patientId = patientParam ?? handoff?.patientId ?? stored.data?.artifact.patientId ?? undefined;
  const encounterId = encounterParam ?? handoff?.encounterId ?? stored.data?.artifact.encounterId ?? undefined;
  const chart = useApi(patientId ? `chart:${patientId}` : null, () => patientsApi.chart(patientId ?? ''));
  const [language, setLanguage] = useState<NoteLanguage>(i18n.language.startsWith('zh') ? 'zh' : 'en');
  const [mode, setMode] = useState<DischargeMode>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<DischargeResult | null>(handoff?.result ?? null);
  const [hovered, setHovered] = useState<NoteSentence | null>(null);
  const [pinned, setPinned] = useState<NoteSentence | null>(null);
  const active = hovered ?? pinned;
  const [editing, setEditing] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [reviewed, setReviewed] = useState<Artifact | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the page once, when the stored summary arrives
  useEffect(() => {
    const summary = stored.data;
    if (!summary || result) return;
    // A visit note's address was given: it has its own workspace.
    if (summary.artifact.kind !== 'discharge-summary') {
      navigate(`/notes/${encodeURIComponent(summary.artifact.id)}`, { replace: true });
      return;
    }
    const edited = summary.artifact.editedContent?.document as NoteDocument | undefined;
    setResult({ artifactId: summary.artifact.id, document: edited ?? summary.document });
    if (summary.artifact.status !== 'draft') setReviewed(summary.artifact);
  }, [stored.data]);

  const document = result?.document ?? null;
  const extras = document ? extrasOf(document) : {};
  const facts = useMemo(
    () => new Map(((document ? extrasOf(document).facts : undefined) ?? []).map((fact) => [fact.id, fact.text])),
    [document],
  );

  if (artifactId && stored.error) {
    return (
      <div className="page">
        <ErrorMessage error={stored.error} onRetry={stored.reload} />
      </div>
    );
  }
  if (artifactId && !result) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  if (!patientId || !encounterId) {
    return (
      <div className="page">
        <p className="alert alert-error">{t('discharge.missing')}</p>
      </div>
    );
  }
  const encounter = chart.data?.encounters.find((e) => e.id === encounterId);

  const draft = () => {
    setBusy(true);
    setError(null);
    setReviewed(undefined);
    setEditing(false);
    dischargeApi.summary(patientId, encounterId, { language, mode }).then(
      (answer) => {
        // The summary reopens under its own address, carrying what was just drafted.
        handoffs.set(answer.artifactId, { result: answer, patientId, encounterId });
        navigate(`/discharge/${encodeURIComponent(answer.artifactId)}`, { replace: true });
        setBusy(false);
      },
      (failure: unknown) => {
        setError(failure instanceof ApiError ? failure : new ApiError('CLIENT', 0, String(failure)));
        setBusy(false);
      },
    );
  };

  const onReviewed = (artifact: Artifact) => {
    setReviewed(artifact);
    const edited = artifact.editedContent?.document as NoteDocument | undefined;
    if (edited && result) setResult({ ...result, document: edited });
  };

  const status = reviewed?.status ?? 'draft';
  const placeholders = document?.sections.filter((s) => s.placeholder).length ?? 0;
  return (
    <div className="page discharge-page" data-testid="discharge-page">
      <p className="breadcrumb">
        <a href={href(`/patients/${encodeURIComponent(patientId)}`)}>← {chart.data?.patient.name ?? t('notes.backToChart')}</a>
      </p>
      <div className="page-header">
        <h1>{t('discharge.title')}</h1>
        {chart.error ? (
          <ErrorMessage error={chart.error} onRetry={chart.reload} />
        ) : !chart.data ? (
          <Loading />
        ) : (
          <p className="muted" data-testid="discharge-context">
            {chart.data.patient.name}
            {encounter && (
              <>
                {' · '}
                {encounter.type ?? label('encounterClass', encounter.classCode)} {formatDate(encounter.start)}
                {encounter.end ? ` – ${formatDate(encounter.end)}` : ''}
              </>
            )}
          </p>
        )}
      </div>
      <p className="alert alert-warning no-print" role="note">
        {t('discharge.safety')}
      </p>
      <Card title={t('discharge.draftTitle')} testId="discharge-options" className="no-print">
        <div className="note-options">
          <div className="note-option">
            <span className="small">{t('notes.noteLanguage')}</span>
            <SegmentedChoice
              label={t('notes.noteLanguage')}
              options={['zh', 'en'] as const}
              value={language}
              onChange={setLanguage}
              optionLabel={(v) => t(`notes.languages.${v}`)}
            />
          </div>
          <div className="note-option">
            <span className="small">{t('notes.mode')}</span>
            <SegmentedChoice
              label={t('notes.mode')}
              options={['auto', 'model', 'computed'] as const}
              value={mode}
              onChange={setMode}
              optionLabel={(v) => t(v === 'computed' ? 'discharge.computedOnly' : `notes.modes.${v}`)}
            />
          </div>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            aria-busy={busy}
            onClick={draft}
            data-testid="discharge-generate"
          >
            {busy ? t('discharge.drafting') : document ? t('notes.regenerate') : t('discharge.draft')}
          </button>
        </div>
      </Card>
      {error && <ErrorMessage error={error} />}
      {busy && <Loading />}
      {document && result && (
        <div className="notes-workspace discharge-layout">
          <div className="notes-side">
            <Card title={document.title || t('discharge.title')} testId="note-card" className="note-card">
              {result.modelMessage && (
                <p className="alert alert-info" role="note" data-testid="discharge-model-message">
                  {result.modelMessage}
                </p>
              )}
              {placeholders > 0 && (
                <p className="alert alert-warning" role="note" data-testid="discharge-placeholder-banner">
                  {t('discharge.placeholderBanner', { count: placeholders })}
                </p>
              )}
              <p className="print-only print-status">{t('notes.printStatus', { status: t(`artifactStatus.${status}`) })}</p>
              <ClinicalDocumentView
                document={document}
                activeSentenceId={active?.id ?? null}
                onActivate={setHovered}
                onPin={(sentence) => setPinned((p) => (p?.id === sentence.id ? null : sentence))}
                sourceLabel={(id) => facts.get(id)}
                editing={editing}
                drafts={drafts}
                onDraftChange={(key, value) => setDrafts((d) => ({ ...d, [key]: value }))}
              />
              <p className="print-only print-footer">{t('notes.printFooter')}</p>
            </Card>
            {extras.reconciliation && <ReconciliationTable reconciliation={extras.reconciliation} />}
            {extras.results && extras.results.length > 0 && <ResultsTable results={extras.results} />}
          </div>
          <div className="notes-side discharge-side">
            <Card title={t('discharge.sources')} testId="discharge-sources" className="no-print">
              {active && active.support.sourceIds.length > 0 ? (
                <ul className="fact-list" data-testid="discharge-active-sources">
                  {active.support.sourceIds.map((id) => (
                    <li key={id}>
                      <span className="mono badge badge-neutral">{id}</span> {facts.get(id) ?? t('discharge.unknownFact')}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">{t('discharge.sourcesHint')}</p>
              )}
            </Card>
            <DocumentReview
              artifactId={result.artifactId}
              document={document}
              reviewed={reviewed}
              editing={editing}
              drafts={drafts}
              onEdit={(on) => {
                if (on) setDrafts(sectionDrafts(document));
                setEditing(on);
              }}
              onReviewed={onReviewed}
              fileStem={`discharge-${result.artifactId}`}
            />
          </div>
        </div>
      )}
    </div>
  );
}

/** A medication as listed at admission or discharge: its dose text and when it was ordered. */
function Listed({ item }: { item: ListedMedication | null }) {
  const { t } = useTranslation();
  if (!item) return <>—</>;
  return (
    <>
      {item.dosageText ?? <span className="muted">{t('discharge.doseNotRecorded')}</span>}
      <div className="muted small">{t('discharge.orderedOn', { date: formatDate(item.authoredAt) })}</div>
    </>
  );
}

/** Admission list against discharge list, per drug: computed from the medication orders, not guessed. */
function ReconciliationTable({ reconciliation }: { reconciliation: MedicationReconciliation }) {
  const { t } = useTranslation();
  const rows = [...reconciliation.rows].sort((a, b) => CHANGES.indexOf(a.status) - CHANGES.indexOf(b.status));
  return (
    <Card title={t('discharge.reconciliation')} testId="discharge-reconciliation" className="no-print">
      <p className="muted small">
        {t('discharge.reconciliationCounts', { admission: reconciliation.admission.length, discharge: reconciliation.discharge.length })}
      </p>
      <DataTable
        columns={[
          {
            labelKey: 'discharge.change',
            cell: (row) => <Badge tone={CHANGE_TONE[row.status]}>{t(`discharge.changes.${row.status}`)}</Badge>,
          },
          { labelKey: 'discharge.medication', cell: (row) => row.display },
          { labelKey: 'discharge.onAdmission', cell: (row) => <Listed item={row.admission} /> },
          { labelKey: 'discharge.atDischarge', cell: (row) => <Listed item={row.discharge} /> },
        ]}
        rows={rows}
        rowKey={(row) => row.drugKey}
        empty={t('discharge.noReconciliation')}
        rowTestId="reconciliation-row"
        rowProps={(row) => ({ 'data-change': row.status })}
      />
    </Card>
  );
}

/** Results of the stay with their trend: first → last, range, and the flags that were not normal. */
function ResultsTable({ results }: { results: ResultSummary[] }) {
  const { t } = useTranslation();
  const arrow = (r: ResultSummary) => (r.last > r.first ? '↗' : r.last < r.first ? '↘' : '→');
  return (
    <Card title={t('discharge.results')} testId="discharge-results" className="no-print">
      <DataTable
        columns={[
          {
            labelKey: 'discharge.test',
            cell: (r) => (
              <>
                {r.display}
                {r.abnormal.length > 0 && (
                  <>
                    {' '}
                    <Badge tone="warning">{r.abnormal.join(' ')}</Badge>
                  </>
                )}
              </>
            ),
          },
          {
            labelKey: 'discharge.trend',
            cell: (r) => (
              <>
                {r.count > 1
                  ? `${formatNumber(r.first)} ${arrow(r)} ${formatNumber(r.last)}${r.unit ? ` ${r.unit}` : ''}`
                  : `${formatNumber(r.last)}${r.unit ? ` ${r.unit}` : ''}`}
                <span className="muted small"> ({t('discharge.values', { count: r.count })})</span>
              </>
            ),
          },
          {
            labelKey: 'discharge.range',
            cell: (r) => (
              <>
                {formatNumber(r.min)}–{formatNumber(r.max)}
              </>
            ),
          },
        ]}
        rows={results}
        rowKey={(r) => `${r.code ?? ''}:${r.display}`}
      />
    </Card>
  );
}

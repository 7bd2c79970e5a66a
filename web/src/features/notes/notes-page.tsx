import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { sectionDrafts } from '../../components/clinical-document-edit';
import { ClinicalDocumentView } from '../../components/clinical-document-view';
import { Card, ErrorMessage, Loading } from '../../components/feedback';
import { SegmentedChoice } from '../../components/segmented-group';
import { TranscriptTurns } from '../../components/transcript-turns';
import { formatDate } from '../../format';
import { href, navigate } from '../../router';
import { useApi } from '../../use-api';
import type { Artifact } from '../artifacts/artifacts-api';
import { patientsApi } from '../patients/patients-api';
import {
  type NoteChecks as Checks,
  medicationCheckOf,
  type NoteDocument,
  type NoteLanguage,
  type NoteMode,
  type NoteResult,
  type NoteSection,
  type NoteSentence,
  notesApi,
  SECTION_COUNT,
  type Transcript,
} from './notes-api';
import { NoteChecks } from './notes-checks';
import { guessLanguage, type InputLanguage, TranscriptInput } from './notes-input';
import { DocumentReview } from './notes-review';

type Phase = 'compose' | 'generating' | 'done';
type OutputChoice = 'same' | 'other';

const other = (language: NoteLanguage): NoteLanguage => (language === 'zh' ? 'en' : 'zh');

/** Checks as the `checks` event gives them, or as a stored document carries them. */
function checksOf(document: NoteDocument): Checks {
  return {
    omissions: document.omissions,
    unsupported: document.sections.reduce((n, s) => n + s.sentences.filter((x) => x.support.status === 'unsupported').length, 0),
    medicationCheck: medicationCheckOf(document.extras?.medicationCheck),
  };
}

/** A note just written, handed to the page that reopens it under its own address (no reload, no flash). */
interface Handoff {
  document: NoteDocument;
  transcript: Transcript;
  checks: Checks;
  text: string;
}
const handoffs = new Map<string, Handoff>();

/**
 * The note workspace: the consultation on the left (typed, pasted, uploaded or transcribed from
 * audio), the note on the right, streamed section by section. Hovering or focusing a sentence
 * highlights the turns it cites; the checks list unsupported sentences, possible omissions and
 * the medication check; the clinician then accepts, edits or rejects, and prints or exports.
 */
export function NotesPage({ artifactId, patientId, encounterId }: { artifactId?: string; patientId?: string; encounterId?: string }) {
  const { t, i18n } = useTranslation();
  const uiLanguage: NoteLanguage = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const [handoff] = useState(() => (artifactId ? handoffs.get(artifactId) : undefined));
  const [text, setText] = useState(handoff?.text ?? '');
  const [inputLanguage, setInputLanguage] = useState<InputLanguage>('auto');
  const [outputChoice, setOutputChoice] = useState<OutputChoice>('same');
  const [mode, setMode] = useState<NoteMode>('auto');
  const [phase, setPhase] = useState<Phase>(artifactId ? 'done' : 'compose');
  const [transcript, setTranscript] = useState<Transcript | null>(handoff?.transcript ?? null);
  const [sections, setSections] = useState<NoteSection[]>([]);
  const [result, setResult] = useState<{ artifactId: string; document: NoteDocument } | null>(
    handoff && artifactId ? { artifactId, document: handoff.document } : null,
  );
  const [checks, setChecks] = useState<Checks | null>(handoff?.checks ?? null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [hovered, setHovered] = useState<NoteSentence | null>(null);
  const [pinned, setPinned] = useState<NoteSentence | null>(null);
  const active = hovered ?? pinned;
  const [activeOmission, setActiveOmission] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [reviewed, setReviewed] = useState<Artifact | undefined>(undefined);
  const [showInput, setShowInput] = useState(!artifactId);
  const abortRef = useRef<AbortController | null>(null);

  const stored = useApi(artifactId && !handoff ? `note:${artifactId}` : null, () => notesApi.note(artifactId ?? ''));
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the workspace once, when the stored note arrives
  useEffect(() => {
    const note = stored.data;
    if (!note || result) return;
    // A discharge summary's address was given: it has its own page.
    if (note.artifact.kind === 'discharge-summary') {
      navigate(`/discharge/${encodeURIComponent(note.artifact.id)}`, { replace: true });
      return;
    }
    const edited = note.artifact.editedContent?.document as NoteDocument | undefined;
    const document = edited ?? note.document;
    setTranscript(note.transcript);
    setText(note.transcript ? note.transcript.turns.map((turn) => `${turn.speakerLabel}: ${turn.text}`).join('\n') : '');
    setResult({ artifactId: note.artifact.id, document });
    setChecks(checksOf(document));
    if (note.artifact.status !== 'draft') setReviewed(note.artifact);
  }, [stored.data]);

  const chartPatient = patientId ?? stored.data?.artifact.patientId ?? undefined;
  const chart = useApi(chartPatient ? `chart:${chartPatient}` : null, () => patientsApi.chart(chartPatient ?? ''));
  const encounter = chart.data?.encounters.find((e) => e.id === (encounterId ?? stored.data?.artifact.encounterId));

  useEffect(() => () => abortRef.current?.abort(), []);

  const inLanguage: NoteLanguage = inputLanguage === 'auto' ? guessLanguage(text, uiLanguage) : inputLanguage;
  const outLanguage = outputChoice === 'same' ? inLanguage : other(inLanguage);
  const expected = SECTION_COUNT[outLanguage === 'zh' ? 'zh-outpatient' : 'soap'];

  const generate = () => {
    abortRef.current?.abort();
    const abort = new AbortController();
    abortRef.current = abort;
    setPhase('generating');
    setError(null);
    setTranscript(null);
    setSections([]);
    setResult(null);
    setChecks(null);
    setHovered(null);
    setPinned(null);
    setActiveOmission(null);
    setEditing(false);
    setReviewed(undefined);
    let finished: NoteResult | null = null;
    let streamedChecks: Checks | null = null;
    notesApi
      .generate(
        {
          transcript: text,
          ...(inputLanguage === 'auto' ? {} : { language: inputLanguage }),
          ...(outputChoice === 'other' ? { outputLanguage: outLanguage } : {}),
          ...(patientId ? { patientId } : {}),
          ...(encounterId ? { encounterId } : {}),
          mode,
        },
        (message) => {
          const data = message.data as Record<string, unknown>;
          if (message.event === 'transcript') {
            setTranscript(data.transcript as Transcript);
            setShowInput(false);
          } else if (message.event === 'section') {
            const section = data.section as NoteSection;
            setSections((list) => [...list.filter((s) => s.key !== section.key), section]);
          } else if (message.event === 'checks') {
            const streamed = data as unknown as Checks;
            streamedChecks = { ...streamed, medicationCheck: medicationCheckOf(streamed.medicationCheck) };
            setChecks(streamedChecks);
          } else if (message.event === 'result') {
            finished = data as unknown as NoteResult;
          }
        },
        abort.signal,
      )
      .then(
        () => {
          const done = finished;
          if (!done) throw new Error(t('notes.noResult'));
          const doneChecks = streamedChecks ?? checksOf(done.document);
          setTranscript(done.transcript);
          setResult({ artifactId: done.artifactId, document: done.document });
          setChecks(doneChecks);
          setShowInput(false);
          setPhase('done');
          // The note gets its own address, so a reload or a shared link reopens it.
          handoffs.set(done.artifactId, { document: done.document, transcript: done.transcript, checks: doneChecks, text });
          const query = new URLSearchParams({
            ...(patientId ? { patient: patientId } : {}),
            ...(encounterId ? { encounter: encounterId } : {}),
          });
          navigate(`/notes/${encodeURIComponent(done.artifactId)}${query.size > 0 ? `?${query}` : ''}`, { replace: true });
        },
        (failure: unknown) => {
          if (abort.signal.aborted) return;
          setError(failure instanceof Error ? failure : new Error(String(failure)));
          setPhase(result ? 'done' : 'compose');
          setShowInput(true);
        },
      )
      .catch((failure: unknown) => {
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        setPhase('compose');
        setShowInput(true);
      });
  };

  const document: NoteDocument | null = result?.document ?? null;
  const streamed: NoteDocument | null = useMemo(
    () =>
      document ??
      (sections.length > 0
        ? {
            format: outLanguage === 'zh' ? 'zh-outpatient' : 'soap',
            language: outLanguage,
            title: '',
            method: 'model',
            sections,
            omissions: [],
          }
        : null),
    [document, sections, outLanguage],
  );

  const highlighted = useMemo(() => {
    if (active) return new Set(active.support.sourceIds);
    const omission = activeOmission !== null ? checks?.omissions[activeOmission] : undefined;
    return new Set(omission?.turnIds ?? []);
  }, [active, activeOmission, checks]);

  const turnText = useMemo(() => new Map((transcript?.turns ?? []).map((turn) => [turn.id, turn.text])), [transcript]);
  const sourceLabel = (id: string) => {
    const said = turnText.get(id);
    return said === undefined ? undefined : said.length > 80 ? `${said.slice(0, 80)}…` : said;
  };

  const startEdit = (on: boolean) => {
    if (on && document) setDrafts(sectionDrafts(document));
    setEditing(on);
  };

  const onReviewed = (artifact: Artifact) => {
    setReviewed(artifact);
    const edited = artifact.editedContent?.document as NoteDocument | undefined;
    if (edited && result) setResult({ ...result, document: edited });
    // The clinician's rewritten sentences are theirs, no longer counted as unsupported.
    if (edited) setChecks((current) => current && { ...current, unsupported: checksOf(edited).unsupported });
  };

  if (artifactId && stored.error) {
    return (
      <div className="page">
        <ErrorMessage error={stored.error} onRetry={stored.reload} />
      </div>
    );
  }
  if (artifactId && !stored.data && !handoff) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }

  const written = sections.length;
  const status = reviewed?.status ?? 'draft';
  return (
    <div className="page notes-page" data-testid="notes-page">
      <div className="page-header">
        {chartPatient && (
          <p className="breadcrumb">
            <a href={href(`/patients/${encodeURIComponent(chartPatient)}`)}>← {chart.data?.patient.name ?? t('notes.backToChart')}</a>
          </p>
        )}
        <h1>{t('notes.title')}</h1>
        <p className="muted" data-testid="notes-context">
          {chart.data ? t('notes.forPatient', { name: chart.data.patient.name }) : t('notes.noPatient')}
          {encounter && ` · ${encounter.type ?? encounter.classCode ?? ''} ${formatDate(encounter.start)}`}
        </p>
      </div>
      <p className="alert alert-warning no-print" role="note" data-testid="notes-safety">
        {t('notes.safety')}
      </p>
      <div className="notes-workspace">
        <div className="notes-side notes-transcript-side">
          <Card
            title={t('notes.transcript')}
            testId="notes-transcript-card"
            actions={
              transcript && (
                <button
                  type="button"
                  className="button button-small button-quiet"
                  onClick={() => setShowInput((s) => !s)}
                  disabled={phase === 'generating'}
                  data-testid="notes-toggle-input"
                >
                  {showInput ? t('notes.showTurns') : t('notes.editTranscript')}
                </button>
              )
            }
          >
            {showInput || !transcript ? (
              <>
                <TranscriptInput text={text} onTextChange={setText} inputLanguage={inputLanguage} disabled={phase === 'generating'} />
                <NoteOptions
                  inputLanguage={inputLanguage}
                  onInputLanguage={setInputLanguage}
                  outputChoice={outputChoice}
                  onOutputChoice={setOutputChoice}
                  outLanguage={outLanguage}
                  mode={mode}
                  onMode={setMode}
                />
                <div className="button-row">
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={text.trim() === '' || phase === 'generating'}
                    aria-busy={phase === 'generating'}
                    onClick={generate}
                    data-testid="notes-generate"
                  >
                    {phase === 'generating' ? t('notes.generating') : result ? t('notes.regenerate') : t('notes.generate')}
                  </button>
                  {phase === 'generating' && (
                    <button type="button" className="button button-quiet" onClick={() => abortRef.current?.abort()}>
                      {t('inbox.cancel')}
                    </button>
                  )}
                </div>
              </>
            ) : (
              <>
                <p className="muted small">{t('notes.turnsHint', { count: transcript.turns.length })}</p>
                <TranscriptTurns turns={transcript.turns} highlighted={highlighted} />
              </>
            )}
          </Card>
        </div>
        <div className="notes-side notes-note-side">
          {error && <ErrorMessage error={error} />}
          <Card title={document?.title || t('notes.note')} testId="note-card" className="note-card">
            {phase === 'generating' && (
              <p className="loading" role="status" aria-live="polite" data-testid="notes-progress">
                <span className="spinner" aria-hidden="true" />
                {!transcript
                  ? t('notes.reading')
                  : written < expected
                    ? t('notes.writingSection', { n: written + 1, total: expected })
                    : t('notes.checking')}
              </p>
            )}
            {document?.method === 'extractive' && (
              <p className="alert alert-warning" role="note" data-testid="notes-extractive-banner">
                {t('notes.extractiveBanner')}
              </p>
            )}
            {streamed ? (
              <>
                <p className="print-only print-status">{t('notes.printStatus', { status: t(`artifactStatus.${status}`) })}</p>
                <ClinicalDocumentView
                  document={streamed}
                  activeSentenceId={active?.id ?? null}
                  onActivate={setHovered}
                  onPin={(sentence) => setPinned((p) => (p?.id === sentence.id ? null : sentence))}
                  sourceLabel={sourceLabel}
                  editing={editing}
                  drafts={drafts}
                  onDraftChange={(key, value) => setDrafts((d) => ({ ...d, [key]: value }))}
                />
                <p className="muted small note-legend no-print">{t('notes.legend')}</p>
                <p className="print-only print-footer">{t('notes.printFooter')}</p>
              </>
            ) : (
              phase !== 'generating' && <p className="empty-state">{t('notes.empty')}</p>
            )}
          </Card>
          {result && document && (
            <DocumentReview
              artifactId={result.artifactId}
              document={document}
              reviewed={reviewed}
              editing={editing}
              drafts={drafts}
              onEdit={startEdit}
              onReviewed={onReviewed}
              fileStem={`note-${result.artifactId}`}
            />
          )}
          {checks && (
            <NoteChecks
              omissions={checks.omissions}
              unsupported={checks.unsupported}
              medicationCheck={checks.medicationCheck}
              activeOmission={activeOmission}
              onSelectOmission={(index) => {
                setActiveOmission(index);
                if (index !== null && transcript) setShowInput(false);
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}

function NoteOptions({
  inputLanguage,
  onInputLanguage,
  outputChoice,
  onOutputChoice,
  outLanguage,
  mode,
  onMode,
}: {
  inputLanguage: InputLanguage;
  onInputLanguage: (v: InputLanguage) => void;
  outputChoice: OutputChoice;
  onOutputChoice: (v: OutputChoice) => void;
  outLanguage: NoteLanguage;
  mode: NoteMode;
  onMode: (v: NoteMode) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="note-options" data-testid="note-options">
      <div className="note-option">
        <span className="small">{t('notes.inputLanguage')}</span>
        <SegmentedChoice
          label={t('notes.inputLanguage')}
          options={['auto', 'zh', 'en'] as const}
          value={inputLanguage}
          onChange={onInputLanguage}
          optionLabel={(v) => t(`notes.languages.${v}`)}
          optionTestId={(v) => `notes-input-language-${v}`}
        />
      </div>
      <div className="note-option">
        <span className="small">{t('notes.noteLanguage')}</span>
        <SegmentedChoice<OutputChoice>
          label={t('notes.noteLanguage')}
          options={['same', 'other']}
          value={outputChoice}
          onChange={onOutputChoice}
          optionLabel={(v) => t(v === 'same' ? 'notes.sameLanguage' : 'notes.otherLanguage')}
          optionTestId={(v) => `notes-output-${v}`}
        />
        <span className="muted small">{t(outLanguage === 'zh' ? 'notes.formatZh' : 'notes.formatEn')}</span>
      </div>
      <div className="note-option">
        <span className="small">{t('notes.mode')}</span>
        <SegmentedChoice
          label={t('notes.mode')}
          options={['auto', 'model', 'extractive'] as const}
          value={mode}
          onChange={onMode}
          optionLabel={(v) => t(`notes.modes.${v}`)}
          optionTestId={(v) => `notes-mode-${v}`}
        />
      </div>
    </div>
  );
}

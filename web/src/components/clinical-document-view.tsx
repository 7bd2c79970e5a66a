import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteDocument, NoteSection, NoteSentence } from '../features/notes/notes-api';

/** What a source id (`T3`, `R12`) stands for, to show on hover; undefined when unknown. */
export type SourceLabel = (id: string) => string | undefined;

/**
 * A clinical document (visit note or discharge summary) as sections of sentences. Every sentence
 * can be hovered or focused (keyboard too): the page then highlights what it cites. A sentence
 * with no support is marked ⚠, one the reviewing clinician wrote says so; a placeholder section
 * says the clinician must write it.
 */
export function ClinicalDocumentView({
  document,
  activeSentenceId,
  onActivate,
  onPin,
  sourceLabel,
  editing,
  drafts,
  onDraftChange,
}: {
  document: NoteDocument;
  activeSentenceId?: string | null;
  onActivate?: (sentence: NoteSentence | null) => void;
  /** A click, tap or Enter on a sentence: keep its sources shown (phones have no hover). */
  onPin?: (sentence: NoteSentence) => void;
  sourceLabel?: SourceLabel;
  /** Per section key, the section's text while it is being edited (one sentence a line). */
  editing?: boolean;
  drafts?: Record<string, string>;
  onDraftChange?: (key: string, text: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <article
      className={`clinical-document format-${document.format}`}
      lang={document.language === 'zh' ? 'zh-CN' : 'en'}
      data-testid="clinical-document"
    >
      {document.sections.map((section) => (
        <section
          key={section.key}
          className={`note-section ${section.placeholder ? 'note-placeholder' : ''}`}
          data-testid="note-section"
          data-section-key={section.key}
        >
          <h3>
            {section.title}
            {section.placeholder && (
              <span className="badge badge-warning" data-testid="note-placeholder">
                {t('notes.placeholder')}
              </span>
            )}
          </h3>
          {editing && drafts && onDraftChange ? (
            <textarea
              className="note-edit"
              aria-label={t('notes.editSection', { section: section.title })}
              rows={Math.max(2, (drafts[section.key] ?? '').split('\n').length + 1)}
              value={drafts[section.key] ?? ''}
              onChange={(e) => onDraftChange(section.key, e.target.value)}
              data-testid="note-edit-section"
            />
          ) : (
            <SectionBody
              section={section}
              language={document.language}
              activeSentenceId={activeSentenceId ?? null}
              onActivate={onActivate}
              onPin={onPin}
              sourceLabel={sourceLabel}
            />
          )}
          {!editing && <ActiveSources section={section} activeSentenceId={activeSentenceId ?? null} sourceLabel={sourceLabel} />}
        </section>
      ))}
    </article>
  );
}

/**
 * What the active sentence of this section cites, spelled out beneath it — shown on narrow screens
 * only (CSS), where the transcript panel is out of view above the note.
 */
function ActiveSources({
  section,
  activeSentenceId,
  sourceLabel,
}: {
  section: NoteSection;
  activeSentenceId: string | null;
  sourceLabel?: SourceLabel;
}) {
  const { t } = useTranslation();
  const sentence = section.sentences.find((s) => s.id === activeSentenceId);
  if (!sentence) return null;
  const ids = sentence.support.sourceIds;
  return (
    <div className="note-active-sources" aria-live="polite" data-testid="note-active-sources">
      {ids.length === 0 ? (
        <p>{t(sentence.support.status === 'clinician' ? 'notes.clinicianHint' : 'notes.unsupportedHint')}</p>
      ) : (
        <ul>
          {ids.map((id) => (
            <li key={id}>
              <span className="mono badge badge-neutral">{id}</span> {sourceLabel?.(id) ?? t('notes.unknownSource')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SectionBody({
  section,
  language,
  activeSentenceId,
  onActivate,
  onPin,
  sourceLabel,
}: {
  section: NoteSection;
  language: 'zh' | 'en';
  activeSentenceId: string | null;
  onActivate?: (sentence: NoteSentence | null) => void;
  onPin?: (sentence: NoteSentence) => void;
  sourceLabel?: SourceLabel;
}) {
  const { t } = useTranslation();
  if (section.sentences.length === 0) {
    return <p className="muted small note-empty">{section.placeholder ? t('notes.placeholderHint') : t('notes.sectionEmpty')}</p>;
  }
  return (
    <p className="note-sentences">
      {section.sentences.map((sentence, i) => (
        <Fragment key={sentence.id}>
          {/* The 门诊病历 header (姓名、性别…) reads one line per field; other sections run as prose. */}
          {i > 0 && section.key === 'header' ? <br /> : i > 0 && language === 'en' ? ' ' : null}
          <Sentence
            sentence={sentence}
            active={sentence.id === activeSentenceId}
            onActivate={onActivate}
            onPin={onPin}
            sourceLabel={sourceLabel}
          />
        </Fragment>
      ))}
    </p>
  );
}

function Sentence({
  sentence,
  active,
  onActivate,
  onPin,
  sourceLabel,
}: {
  sentence: NoteSentence;
  active: boolean;
  onActivate?: (sentence: NoteSentence | null) => void;
  onPin?: (sentence: NoteSentence) => void;
  sourceLabel?: SourceLabel;
}) {
  const { t } = useTranslation();
  const { status, sourceIds } = sentence.support;
  const unsupported = status === 'unsupported';
  const byClinician = status === 'clinician';
  const sources = sourceIds.map((id) => {
    const label = sourceLabel?.(id);
    return label ? `${id}: ${label}` : id;
  });
  const title = unsupported
    ? t('notes.unsupportedHint')
    : byClinician
      ? t('notes.clinicianHint')
      : sources.length > 0
        ? t(status === 'computed' ? 'notes.computedFrom' : 'notes.supportedBy', { sources: sources.join('\n') })
        : undefined;
  return (
    // A sentence is a toggle: hover or focus shows its sources, a tap or Enter keeps them shown (phones have no hover).
    // biome-ignore lint/a11y/useSemanticElements: a <button> cannot wrap across lines as running text does
    <span
      role="button"
      className={`note-sentence note-${status} ${active ? 'is-active' : ''}`}
      tabIndex={0}
      title={title}
      data-testid="note-sentence"
      data-sentence-id={sentence.id}
      data-status={status}
      data-sources={sourceIds.join(' ')}
      aria-pressed={active}
      onMouseEnter={() => onActivate?.(sentence)}
      onMouseLeave={() => onActivate?.(null)}
      onFocus={() => onActivate?.(sentence)}
      onBlur={() => onActivate?.(null)}
      onClick={() => onPin?.(sentence)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onPin?.(sentence);
        }
      }}
    >
      {unsupported && (
        <span className="note-warning" role="img" aria-label={t('notes.unsupportedHint')} data-testid="note-unsupported">
          ⚠
        </span>
      )}
      {sentence.text}
      {byClinician && (
        <span className="note-clinician-mark" data-testid="note-clinician">
          {t('notes.editedByClinician')}
        </span>
      )}
      {sourceIds.length > 0 && (
        <>
          <sup className="note-cite" aria-hidden="true">
            {sourceIds.join(',')}
          </sup>
          <span className="visually-hidden">{t('notes.sourcesLabel', { sources: sources.join('; ') })}</span>
        </>
      )}
    </span>
  );
}

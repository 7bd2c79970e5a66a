import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeMode, IntakeQuestion } from './intake-api';

/** What one screen sends: the form's value, free text, or "skip". */
export interface QuestionAnswer {
  value?: string | number | boolean | string[];
  text?: string;
  skipped?: boolean;
}

const OTHER = 'other';
const NONE = 'none';

type Option = NonNullable<IntakeQuestion['options']>[number];

/** Options without a group first, then each group (body region, "more symptoms") in order of appearance. */
function splitGroups(options: Option[]): { loose: Option[]; groups: { id: string; label: string; options: Option[] }[] } {
  const loose: Option[] = [];
  const groups: { id: string; label: string; options: Option[] }[] = [];
  for (const option of options) {
    if (!option.group) {
      loose.push(option);
      continue;
    }
    const id = option.groupId ?? option.group;
    const group = groups.find((g) => g.id === id);
    if (group) group.options.push(option);
    else groups.push({ id, label: option.group, options: [option] });
  }
  return { loose, groups };
}

/**
 * One opening section per group (a native details/summary: keyboard and screen-reader friendly),
 * opened when the question says so (the complaint's body region).
 */
function OptionGroup({
  id,
  label,
  open,
  chosen,
  children,
}: {
  id: string;
  label: string;
  open: boolean;
  chosen: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <details className="intake-group" open={open} data-testid="intake-group" data-group={id}>
      <summary className="intake-group-summary">
        <span>{label}</span>
        {chosen > 0 && <span className="intake-group-count">{t('intake.groupChosen', { count: chosen })}</span>}
      </summary>
      <div className="intake-group-options">{children}</div>
    </details>
  );
}

/**
 * One question, one screen, big tap targets. Choice and yes/no answer on a tap; multi, text and
 * "other" need "Next". In model mode a free-text box is always there besides the form controls.
 * The parent gives it a `key` per question, so the state here starts empty for each question.
 */
export function IntakeQuestionForm({
  question,
  mode,
  busy,
  onAnswer,
}: {
  question: IntakeQuestion;
  mode: IntakeMode;
  busy: boolean;
  onAnswer: (answer: QuestionAnswer) => void;
}) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [other, setOther] = useState(false);
  const options = question.options ?? [];
  const { loose, groups } = splitGroups(options);
  const openGroups = new Set(question.openGroups ?? []);
  const typed = text.trim();

  const toggle = (value: string) => {
    setTicked((current) => {
      if (current.includes(value)) return current.filter((v) => v !== value);
      // "None of these" excludes every other box, and the other way round.
      return value === NONE ? [NONE] : [...current.filter((v) => v !== NONE), value];
    });
  };

  const freeText = (label: string, testId: string) => (
    <label className="intake-free-text">
      <span>{label}</span>
      <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={4000} disabled={busy} data-testid={testId} />
    </label>
  );

  const choiceButton = (option: Option) => (
    <button
      key={option.value}
      type="button"
      className={`intake-choice ${other && option.value === OTHER ? 'selected' : ''}`}
      aria-pressed={option.value === OTHER ? other : undefined}
      disabled={busy}
      data-testid="intake-option"
      data-value={option.value}
      onClick={() => (option.value === OTHER ? setOther(true) : onAnswer({ value: option.value }))}
    >
      {option.label}
    </button>
  );

  const checkBox = (option: Option) => (
    <label key={option.value} className={`intake-check ${ticked.includes(option.value) ? 'selected' : ''}`}>
      <input
        className="intake-check-box"
        type="checkbox"
        checked={ticked.includes(option.value)}
        onChange={() => toggle(option.value)}
        disabled={busy}
        data-testid="intake-check"
        data-value={option.value}
      />
      <span>{option.label}</span>
    </label>
  );

  let controls: ReactNode;
  switch (question.kind) {
    case 'yes-no':
      controls = (
        <div className="intake-choices intake-yes-no">
          <button
            type="button"
            className="intake-choice"
            disabled={busy}
            onClick={() => onAnswer({ value: true })}
            data-testid="intake-yes"
          >
            {t('intake.yes')}
          </button>
          <button
            type="button"
            className="intake-choice"
            disabled={busy}
            onClick={() => onAnswer({ value: false })}
            data-testid="intake-no"
          >
            {t('intake.no')}
          </button>
        </div>
      );
      break;
    case 'choice':
      controls = (
        <>
          <fieldset className="intake-choices">
            <legend className="visually-hidden">{question.text}</legend>
            {loose.map(choiceButton)}
            {groups.map((group) => (
              <OptionGroup key={group.id} id={group.id} label={group.label} open={openGroups.has(group.id)} chosen={0}>
                {group.options.map(choiceButton)}
              </OptionGroup>
            ))}
          </fieldset>
          {other && (
            <div className="intake-other">
              {freeText(t('intake.describe'), 'intake-other-text')}
              <button
                type="button"
                className="button button-primary intake-next"
                disabled={busy || typed === ''}
                onClick={() => onAnswer({ value: OTHER, text: typed })}
                data-testid="intake-next"
              >
                {t('intake.next')}
              </button>
            </div>
          )}
        </>
      );
      break;
    case 'multi': {
      const hasNone = options.some((o) => o.value === NONE);
      controls = (
        <>
          <fieldset className="intake-checks">
            <legend className="visually-hidden">{question.text}</legend>
            {loose.map(checkBox)}
            {groups.map((group) => (
              <OptionGroup
                key={group.id}
                id={group.id}
                label={group.label}
                open={openGroups.has(group.id)}
                chosen={group.options.filter((o) => ticked.includes(o.value)).length}
              >
                {group.options.map(checkBox)}
              </OptionGroup>
            ))}
          </fieldset>
          <div className="intake-actions">
            {!hasNone && (
              <button
                type="button"
                className="button intake-next"
                disabled={busy}
                onClick={() => onAnswer({ value: [] })}
                data-testid="intake-none"
              >
                {t('intake.noneOfThese')}
              </button>
            )}
            <button
              type="button"
              className="button button-primary intake-next"
              disabled={busy || ticked.length === 0}
              onClick={() => onAnswer({ value: ticked })}
              data-testid="intake-next"
            >
              {t('intake.next')}
            </button>
          </div>
        </>
      );
      break;
    }
    case 'scale': {
      const min = question.min ?? 0;
      const max = question.max ?? 10;
      const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      controls = (
        <div className="intake-scale">
          <fieldset className="intake-scale-buttons">
            <legend className="visually-hidden">{question.text}</legend>
            {values.map((n) => (
              <button
                key={n}
                type="button"
                className={`intake-scale-button scale-${Math.round(((n - min) / Math.max(1, max - min)) * 10)}`}
                disabled={busy}
                onClick={() => onAnswer({ value: n })}
                data-testid="intake-scale"
                data-value={n}
              >
                {n}
              </button>
            ))}
          </fieldset>
          <div className="intake-scale-ends" aria-hidden="true">
            <span>
              {min} = {t('intake.scaleMin')}
            </span>
            <span>
              {max} = {t('intake.scaleMax')}
            </span>
          </div>
        </div>
      );
      break;
    }
    case 'text':
      controls = (
        <div className="intake-other">
          {freeText(t('intake.yourAnswer'), 'intake-text')}
          <button
            type="button"
            className="button button-primary intake-next"
            disabled={busy || typed === ''}
            onClick={() => onAnswer({ text: typed })}
            data-testid="intake-next"
          >
            {t('intake.next')}
          </button>
        </div>
      );
  }

  // Model mode: the patient may always answer in their own words, the model reads it.
  const ownWords = mode === 'model' && question.kind !== 'text' && !other;

  return (
    <div className="intake-question" data-testid="intake-question" data-question={question.id} data-kind={question.kind}>
      <h1 className="intake-question-text" data-testid="intake-question-text">
        {question.text}
      </h1>
      {question.help && <p className="intake-help">{question.help}</p>}
      {controls}
      {ownWords && (
        <div className="intake-own-words">
          {freeText(t('intake.ownWords'), 'intake-own-words')}
          <button
            type="button"
            className="button intake-next"
            disabled={busy || typed === ''}
            onClick={() => onAnswer({ text: typed })}
            data-testid="intake-send-words"
          >
            {t('intake.send')}
          </button>
        </div>
      )}
      {question.optional && (
        <button
          type="button"
          className="button button-quiet intake-skip"
          disabled={busy}
          onClick={() => onAnswer({ skipped: true })}
          data-testid="intake-skip"
        >
          {t('intake.skip')}
        </button>
      )}
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptTurn } from '../features/notes/notes-api';

function formatSeconds(s: number): string {
  const whole = Math.floor(s);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The consultation as numbered speaker turns, the ids a note's sentences cite. Highlighted turns
 * (what the hovered sentence or clicked omission rests on) are marked and scrolled into view
 * inside the list only, so the page itself does not jump.
 */
export function TranscriptTurns({ turns, highlighted }: { turns: TranscriptTurn[]; highlighted: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  const first = turns.find((turn) => highlighted.has(turn.id))?.id;

  useEffect(() => {
    const list = listRef.current;
    if (!list || !first) return;
    const item = list.querySelector<HTMLElement>(`[data-turn-id="${first}"]`);
    if (!item) return;
    const box = list.getBoundingClientRect();
    const at = item.getBoundingClientRect();
    if (at.top < box.top || at.bottom > box.bottom) {
      list.scrollTop += at.top - box.top - Math.max(0, (box.height - at.height) / 3);
    }
  }, [first]);

  return (
    <ol className="transcript-turns" ref={listRef} aria-label={t('notes.transcriptTurns')} data-testid="transcript-turns">
      {turns.map((turn) => {
        const on = highlighted.has(turn.id);
        return (
          <li
            key={turn.id}
            className={`transcript-turn speaker-${turn.speaker} ${on ? 'is-highlighted' : ''}`}
            data-testid="transcript-turn"
            data-turn-id={turn.id}
            data-highlighted={on ? 'true' : 'false'}
            aria-current={on ? 'true' : undefined}
          >
            <span className="turn-id mono">{turn.id}</span>
            <span className="turn-speaker">
              {turn.speakerLabel || t(`notes.speakers.${turn.speaker}`)}
              {turn.startS !== undefined && <span className="muted small"> {formatSeconds(turn.startS)}</span>}
            </span>
            <span className="turn-text">{turn.text}</span>
          </li>
        );
      })}
    </ol>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePick } from '../bilingual';
import { knowledgeApi, type SearchHit } from '../features/knowledge/knowledge-api';
import { useApi, useDebounced } from '../use-api';

/**
 * A text box that suggests drug names from the knowledge base (typo-tolerant, zh/en) as a
 * listbox under it. Free text stays allowed: the checker reports names it does not know.
 */
export function DrugAutocomplete({
  value,
  onChange,
  label,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const pick = usePick();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(value.trim(), 200);
  const hits = useApi(open && q.length >= 1 ? `drug-suggest:${q}` : null, () => knowledgeApi.search(q, ['drug', 'interaction-drug'], 8));
  const options: SearchHit[] = open ? (hits.data?.hits ?? []) : [];
  const shown = options.length > 0;

  const choose = (hit: SearchHit) => {
    onChange(pick(hit.label));
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="autocomplete">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={value}
        placeholder={t('medications.namePlaceholder')}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        // Let a click on an option land before the list closes.
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (!shown) return;
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((i) => (i + 1) % options.length);
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
          } else if (event.key === 'Enter' && active >= 0) {
            event.preventDefault();
            const hit = options[active];
            if (hit) choose(hit);
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
        data-testid={testId}
      />
      {shown && (
        <div id={listId} role="listbox" className="autocomplete-list" aria-label={label}>
          {options.map((hit, i) => (
            // Keys are handled on the combobox input, which points here with aria-activedescendant.
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above
            <div
              key={`${hit.kind}:${hit.id}`}
              tabIndex={-1}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(hit)}
              data-testid="drug-option"
            >
              <span>{pick(hit.label)}</span>
              {hit.label.en !== hit.label.zh && <span className="muted small"> {pick({ en: hit.label.zh, zh: hit.label.en })}</span>}
              {hit.kind === 'interaction-drug' && <span className="muted small"> · {t('medications.interactionOnly')}</span>}
              {/* A typo or an abbreviation: say which name it stands for, so a wrong guess is seen before it is chosen. */}
              {(hit.match === 'fuzzy' || hit.match === 'alias') && (
                <span className="muted small" data-testid="drug-option-close">
                  {' '}
                  · {t('medications.closeTo', { typed: q, name: hit.matched })}
                </span>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

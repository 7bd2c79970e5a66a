import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A list of short texts as removable chips; Enter or comma adds what is typed. */
export function ChipInput({
  values,
  onChange,
  label,
  placeholder,
  testId,
}: {
  values: string[];
  onChange: (values: string[]) => void;
  label: string;
  placeholder?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    const parts = draft
      .split(/[,，;；]/)
      .map((part) => part.trim())
      .filter((part) => part.length > 0 && !values.includes(part));
    if (parts.length > 0) onChange([...values, ...parts]);
    setDraft('');
  };
  return (
    <div className="chip-input" data-testid={testId}>
      <ul className="chips">
        {values.map((value) => (
          <li key={value} className="chip" data-testid="chip">
            {value}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('medications.removeChip', { value })}
              onClick={() => onChange(values.filter((v) => v !== value))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        type="text"
        aria-label={label}
        value={draft}
        placeholder={placeholder}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',' || event.key === '，') {
            event.preventDefault();
            add();
          } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
            onChange(values.slice(0, -1));
          }
        }}
        onBlur={add}
        data-testid={testId ? `${testId}-input` : undefined}
      />
    </div>
  );
}

import type { ReactNode } from 'react';

/** A row of toggle buttons under one accessible name (a fieldset with a hidden legend). */
export function SegmentedGroup({
  label,
  className,
  testId,
  children,
}: {
  label: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={`segmented ${className ?? ''}`} data-testid={testId}>
      <legend className="visually-hidden">{label}</legend>
      {children}
    </fieldset>
  );
}

/** One choice among a few values, as pressed/unpressed toggle buttons in a `SegmentedGroup`. */
export function SegmentedChoice<T extends string | number>({
  label,
  options,
  value,
  onChange,
  optionLabel,
  optionTestId,
  className,
  testId,
}: {
  label: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  optionLabel: (option: T) => string;
  optionTestId?: (option: T) => string;
  className?: string;
  testId?: string;
}) {
  return (
    <SegmentedGroup label={label} {...(className ? { className } : {})} {...(testId ? { testId } : {})}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          className={option === value ? 'is-selected' : undefined}
          aria-pressed={option === value}
          onClick={() => onChange(option)}
          data-testid={optionTestId?.(option)}
        >
          {optionLabel(option)}
        </button>
      ))}
    </SegmentedGroup>
  );
}

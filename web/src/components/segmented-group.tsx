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

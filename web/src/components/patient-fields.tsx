import { useTranslation } from 'react-i18next';

export type SexChoice = '' | 'M' | 'F';

/** Sex for reference ranges and doses: unknown, male or female. */
export function SexField({ value, onChange, testId }: { value: SexChoice; onChange: (value: SexChoice) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span className="field-label">{t('medications.sex')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as SexChoice)} data-testid={testId}>
        <option value="">{t('common.unknown')}</option>
        <option value="M">{t('lab.sexes.M')}</option>
        <option value="F">{t('lab.sexes.F')}</option>
      </select>
    </label>
  );
}

/** Age in years, typed as text so a half-typed value is kept; the server validates the range. */
export function AgeField({ value, onChange, testId }: { value: string; onChange: (value: string) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span className="field-label">{t('medications.age')}</span>
      <input
        type="number"
        inputMode="decimal"
        min={0}
        max={130}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}

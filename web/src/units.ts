import { useTranslation } from 'react-i18next';

/**
 * Unit words the engines state in English ("years", "points", "/min") in the interface language
 * (岁, 分, 次/分); symbols such as mmol/L, mmHg, kg or mL/min/1.73m² are international and stay as
 * they are.
 */
const UNIT_KEYS: Record<string, string> = {
  years: 'units.years',
  year: 'units.years',
  points: 'units.points',
  '/min': 'units.perMin',
  min: 'units.minutes',
  criteria: 'units.criteria',
};

export function useUnitLabel(): (unit: string | null | undefined) => string {
  const { t } = useTranslation();
  return (unit) => {
    if (!unit) return '';
    const key = UNIT_KEYS[unit.trim()];
    return key ? t(key) : unit;
  };
}

/** A unit after a field label: " (years)" in English, "（岁）" in Chinese. */
export function useUnitSuffix(): (unit: string | null | undefined) => string {
  const { t } = useTranslation();
  const unitLabel = useUnitLabel();
  return (unit) => (unit ? t('units.suffix', { unit: unitLabel(unit) }) : '');
}

import { describe, expect, it } from 'vitest';
import { interpretLabs, loadLabIndex } from '../../engines/labs/index.js';
import { labValueText } from './case-sources.js';

describe('labValueText', () => {
  it('shows a converted value at its display precision (issue 23 item 4: "185.64 µmol/L" in a critical-value alert)', () => {
    const [creatinine, potassium] = interpretLabs(loadLabIndex(), {
      results: [
        { test: 'Cr', value: 2.1, unit: 'mg/dL' },
        { test: 'K', value: 6.84, unit: 'mmol/L' },
      ],
    }).results;
    if (!creatinine || !potassium) throw new Error('expected two interpreted results');
    expect(labValueText(creatinine)).toMatch(/^186 (µ|u)mol\/L$/);
    expect(labValueText(potassium)).toBe('6.8 mmol/L');
  });
});

import { describe, expect, it } from 'vitest';
import { labInterpretInputSchema } from './lab-input-schema.js';

describe('labInterpretInputSchema reportedRange', () => {
  it("accepts the laboratory's own range with a result, one-sided or two-sided", () => {
    const parsed = labInterpretInputSchema.parse({
      results: [
        { test: 'PLT', value: 356, unit: '10^9/L', reportedRange: { low: 150, high: 400 } },
        { test: 'hs-cTnI', value: 450, unit: 'ng/L', reportedRange: { high: 34.2 } },
      ],
    });
    expect(parsed.results[0]?.reportedRange).toEqual({ low: 150, high: 400 });
  });

  it('refuses a backwards range or an unknown key with a clear message', () => {
    const backwards = labInterpretInputSchema.safeParse({ results: [{ test: 'PLT', value: 356, reportedRange: { low: 400, high: 150 } }] });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]?.message).toBe('reportedRange.low must be below reportedRange.high');
    expect(labInterpretInputSchema.safeParse({ results: [{ test: 'PLT', value: 356, reportedRange: { lo: 150 } }] }).success).toBe(false);
  });
});

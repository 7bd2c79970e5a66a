import { describe, expect, it } from 'vitest';
import { StreamedSectionReader } from './streamed-section-reader.js';

const KEYS = ['subjective', 'objective', 'assessment', 'plan'];

async function feed(text: string, size: number): Promise<{ key: string; atChar: number }[]> {
  const reader = new StreamedSectionReader(KEYS);
  const released: { key: string; atChar: number }[] = [];
  for (let i = 0; i < text.length; i += size) {
    for (const section of await reader.push(text.slice(i, i + size))) released.push({ key: section.key, atChar: i + size });
  }
  return released;
}

describe('StreamedSectionReader', () => {
  const note = {
    subjective: [{ text: 'Cough for three days.', sourceTurnIds: ['T2'] }],
    objective: [{ text: 'Said "plan": nothing yet.', sourceTurnIds: ['T5'] }],
    assessment: [],
    plan: [{ text: 'Review in a week.', sourceTurnIds: ['T6'] }],
  };
  const text = JSON.stringify(note);

  it('releases each section once the next key has appeared, even when keys are split across deltas', async () => {
    for (const size of [1, 3, 7, 50]) {
      const released = await feed(text, size);
      expect(released.map((entry) => entry.key)).toEqual(['subjective', 'objective', 'assessment']);
      // Released no later than a delta after the next section's key was complete.
      expect(released[0]?.atChar).toBeLessThanOrEqual(text.indexOf('"objective"') + '"objective":'.length + size);
    }
  });

  it('does not take a quoted key inside a sentence for a section boundary', async () => {
    const reader = new StreamedSectionReader(KEYS);
    const upToQuote = text.slice(0, text.indexOf('nothing yet'));
    const released = await reader.push(upToQuote);
    expect(released.map((section) => section.key)).toEqual(['subjective']);
  });

  it('holds back a section that does not validate, leaving it to the final answer', async () => {
    const reader = new StreamedSectionReader(KEYS);
    expect(await reader.push('```json\n{"subjective": [{"text": ""}], "objective": [')).toEqual([]);
    expect([...reader.releasedKeys()]).toEqual([]);
  });
});

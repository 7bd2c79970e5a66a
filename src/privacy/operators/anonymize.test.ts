import { describe, expect, it } from 'vitest';
import { idCardCheckChar, isLuhnValid } from '../checksums.js';
import type { PhiFinding, PhiType } from '../phi-types.js';
import { anonymize, PseudonymScope, reidentify } from './anonymize.js';
import { shiftDate } from './date-shift.js';

/** Findings for every occurrence of each value, the way the analyzer would report them. */
function findingsFor(text: string, values: [string, PhiType][]): PhiFinding[] {
  const out: PhiFinding[] = [];
  for (const [value, type] of values) {
    for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + value.length)) {
      out.push({ type, start: i, end: i + value.length, score: 1, recognizer: 'test', pattern: 'test', context: [] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const secret = 'test-secret';
const zhNote = '患者张三，男，2024年3月5日入院。家属李四（电话13812345678）陪同。张三于2024年3月9日出院。';
const zhValues: [string, PhiType][] = [
  ['张三', 'NAME'],
  ['李四', 'NAME'],
  ['2024年3月5日', 'DATE'],
  ['2024年3月9日', 'DATE'],
  ['13812345678', 'PHONE'],
];

describe('operators', () => {
  it('tag: numbers each person once per scope, in the text’s language', () => {
    const scope = new PseudonymScope({ scope: 'doc-1', secret });
    const { text } = anonymize(zhNote, findingsFor(zhNote, zhValues), 'tag', scope);
    expect(text).toBe('患者[姓名-1]，男，[日期-1]入院。家属[姓名-2]（电话[电话-1]）陪同。[姓名-1]于[日期-2]出院。');
    const en = anonymize(
      'Seen by Dr. Emily Chen.',
      findingsFor('Seen by Dr. Emily Chen.', [['Emily Chen', 'NAME']]),
      'tag',
      new PseudonymScope({ scope: 'd', secret }),
    );
    expect(en.text).toBe('Seen by Dr. [NAME-1].');
  });

  it('surrogate: consistent names, dates shifted by one offset so intervals are kept', () => {
    const scope = new PseudonymScope({ scope: 'patient:p1', secret });
    const { text, replacements } = anonymize(zhNote, findingsFor(zhNote, zhValues), 'surrogate', scope);
    const names = replacements.filter((r) => r.original === '张三').map((r) => r.replacement);
    expect(new Set(names).size).toBe(1);
    expect(names[0]).not.toBe('张三');
    expect(names[0]).toMatch(/^[\u4e00-\u9fff]{2}$/);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('13812345678');
    const dates = replacements.filter((r) => r.type === 'DATE').map((r) => r.replacement);
    const parse = (d: string) => {
      const m = /(\d+)年(\d+)月(\d+)日/.exec(d);
      return Date.UTC(Number(m?.[1]), Number(m?.[2]) - 1, Number(m?.[3]));
    };
    expect((parse(dates[1] as string) - parse(dates[0] as string)) / 86_400_000).toBe(4);
    expect(Math.abs(scope.dateShiftDays)).toBeGreaterThanOrEqual(30);
    const phone = replacements.find((r) => r.type === 'PHONE')?.replacement ?? '';
    expect(phone).toMatch(/^1[3-9]\d{9}$/);
  });

  it('surrogate: the same patient gets the same surrogate in another call; another patient does not', () => {
    const first = new PseudonymScope({ scope: 'patient:p1', secret });
    const again = new PseudonymScope({ scope: 'patient:p1', secret });
    const other = new PseudonymScope({ scope: 'patient:p2', secret });
    const a = first.replacementFor('NAME', '王小明', 'surrogate', 'zh');
    expect(again.replacementFor('NAME', '王小明', 'surrogate', 'zh')).toBe(a);
    expect(other.replacementFor('NAME', '王小明', 'surrogate', 'zh')).not.toBe(a);
  });

  it('surrogate: 身份证号 and bank cards keep valid check digits', () => {
    const first17 = '11010519491231002';
    const id = first17 + idCardCheckChar(first17);
    const scope = new PseudonymScope({ scope: 's', secret });
    for (let i = 0; i < 50; i++) {
      const surrogate = scope.replacementFor(
        'ID_CARD',
        `${id.slice(0, 16)}${i % 10}${idCardCheckChar(`${id.slice(0, 16)}${i % 10}`)}`,
        'surrogate',
        'zh',
      );
      expect(surrogate).toMatch(/^\d{17}[\dX]$/);
      expect(idCardCheckChar(surrogate.slice(0, 17))).toBe(surrogate[17]);
    }
    const card = scope.replacementFor('BANK_CARD', '6222 0212 3456 7894', 'surrogate', 'zh');
    expect(card).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(isLuhnValid(card.replace(/ /g, ''))).toBe(true);
  });

  it('mask, redact and hash', () => {
    const text = 'Call 555-123-4567.';
    const findings = findingsFor(text, [['555-123-4567', 'PHONE']]);
    expect(anonymize(text, findings, 'mask', new PseudonymScope({ scope: 's', secret })).text).toBe('Call ***-***-****.');
    expect(anonymize(text, findings, 'redact', new PseudonymScope({ scope: 's', secret })).text).toBe('Call .');
    expect(anonymize(text, findings, 'hash', new PseudonymScope({ scope: 's', secret })).text).toMatch(/^Call \[PHONE:[0-9a-f]{10}\]\.$/);
  });

  it('re-identifies an answer that mentions tags or surrogates, longest first', () => {
    const scope = new PseudonymScope({ scope: 'doc', secret });
    anonymize(zhNote, findingsFor(zhNote, zhValues), 'tag', scope);
    const answer = '[姓名-1]（[日期-1]入院）出院时情况稳定，已告知[姓名-2]。';
    expect(reidentify(answer, scope.entries())).toBe('张三（2024年3月5日入院）出院时情况稳定，已告知李四。');
  });
});

describe('shiftDate', () => {
  it.each([
    ['2024年3月5日', 10, '2024年3月15日'],
    ['2024-03-05', -5, '2024-02-29'],
    ['2024.3.5', 1, '2024.3.6'],
    ['3/5/24', 30, '4/4/24'],
    ['03/05/2024', 1, '03/06/2024'],
    ['March 5, 2024', 27, 'April 1, 2024'],
    ['5 Mar 2024', 1, '6 Mar 2024'],
    ['２０２４年３月５日', 1, '2024年3月6日'],
  ])('%s shifted by %i days is %s', (input, days, expected) => {
    expect(shiftDate(input, days)).toBe(expected);
  });

  it('leaves what is not a full date alone', () => {
    expect(shiftDate('2024年', 3)).toBeNull();
    expect(shiftDate('2024-02-30', 3)).toBeNull();
  });
});

import type { DoseUnit } from '../../knowledge/index.js';

export interface ParsedDose {
  amount: number;
  unit: DoseUnit;
}

const UNIT_WORDS: [RegExp, DoseUnit][] = [
  [/^(mg|milligrams?|毫克)$/, 'mg'],
  [/^(mcg|µg|μg|ug|micrograms?|微克)$/, 'mcg'],
  [/^(g|grams?|克)$/, 'g'],
  [/^(units?|iu|u|单位|国际单位)$/, 'units'],
  [/^(mmol|毫摩尔)$/, 'mmol'],
  [/^(ml|毫升)$/, 'mL'],
];

/** Parses "5 mg", "0.5g", "1,000 mg", "100 mcg", "10 units", "500 毫克" (full-width digits too). */
export function parseDose(text: string): ParsedDose | undefined {
  const match = /^\s*(\d+(?:[.,]\d+)*)\s*([a-zµμ\u4e00-\u9fff]+)\s*$/i.exec(text.normalize('NFKC').toLowerCase());
  if (!match?.[1] || !match[2]) return undefined;
  const digits = match[1].includes('.') ? match[1].replace(/,/g, '') : match[1].replace(/,(?=\d{3}\b)/g, '');
  const amount = Number(digits.replace(',', '.'));
  const unit = UNIT_WORDS.find(([pattern]) => pattern.test(match[2] ?? ''))?.[1];
  if (!unit || !Number.isFinite(amount) || amount <= 0) return undefined;
  return { amount, unit };
}

const MASS_IN_MG: Partial<Record<DoseUnit, number>> = { mg: 1, mcg: 0.001, g: 1000 };

/** Converts between mass units; other units convert only to themselves. */
export function convertDose(amount: number, from: DoseUnit, to: DoseUnit): number | undefined {
  if (from === to) return amount;
  const fromMg = MASS_IN_MG[from];
  const toMg = MASS_IN_MG[to];
  return fromMg !== undefined && toMg !== undefined ? (amount * fromMg) / toMg : undefined;
}

const FREQUENCY_WORDS: [RegExp, number][] = [
  [/^(once|stat|single dose|一次|单次|st)$/, 1],
  [
    /^(daily|qd|od|once daily|once a day|every day|qam|qpm|qn|qhs|hs|at bedtime|nightly|每日一次|一日一次|每天一次|每晚一次|每日1次|一日1次|每天1次)$/,
    1,
  ],
  [
    /^(bid|b\.i\.d\.|twice daily|twice a day|q12h|every 12 hours|每日两次|一日两次|每天两次|每日2次|一日2次|每天2次|每12小时一次|每12小时)$/,
    2,
  ],
  [
    /^(tid|t\.i\.d\.|three times daily|three times a day|q8h|every 8 hours|每日三次|一日三次|每天三次|每日3次|一日3次|每天3次|每8小时一次|每8小时)$/,
    3,
  ],
  [
    /^(qid|q\.i\.d\.|four times daily|four times a day|q6h|every 6 hours|每日四次|一日四次|每天四次|每日4次|一日4次|每天4次|每6小时一次|每6小时)$/,
    4,
  ],
  [/^(q4h|every 4 hours|每4小时一次|每4小时)$/, 6],
  [/^(q3h|every 3 hours|每3小时)$/, 8],
  [/^(q2h|every 2 hours|每2小时)$/, 12],
  [/^(weekly|qw|once weekly|每周一次|每周1次)$/, 1 / 7],
];

/**
 * Doses per 24 h for a frequency such as "bid", "q8h", "3 times a day", "每日3次", "every 6 hours".
 * "prn" alone gives undefined (the daily total is unknown); "q6h prn" counts as the maximum.
 */
export function parseFrequency(text: string): number | undefined {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\bprn\b|as needed|必要时/g, '')
    .trim();
  if (folded === '') return undefined;
  const known = FREQUENCY_WORDS.find(([pattern]) => pattern.test(folded));
  if (known) return known[1];
  const timesPerDay = /^(\d+) ?(?:x|times)(?: a| per)? ?(?:day|daily)$|^(?:每日|一日|每天)(\d+)次$/.exec(folded);
  const times = timesPerDay?.[1] ?? timesPerDay?.[2];
  if (times) return Number(times);
  const everyHours = /^(?:q|every )(\d+)(?:h| hours?)$|^每(\d+)小时(?:一次|1次)?$/.exec(folded);
  const hours = everyHours?.[1] ?? everyHours?.[2];
  if (hours && Number(hours) > 0) return 24 / Number(hours);
  return undefined;
}

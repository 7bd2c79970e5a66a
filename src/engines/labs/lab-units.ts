import type { CuratedLab } from '../../knowledge/index.js';

/**
 * Lab unit handling: spelling variants (mg/dl, µmol/L, μmol/L, umol/L, ×10⁹/L, K/uL…) are
 * reduced to one canonical key, units of one dimension convert by scale, and the curated
 * `conventionalToSi` factor bridges mass ↔ molar (e.g. creatinine mg/dL × 88.4 → µmol/L).
 */

type Dimension = 'mass' | 'molar' | 'count' | 'enzyme' | 'intl' | 'fraction' | 'pressure' | 'albcr';

interface UnitDef {
  dim: Dimension;
  /** Multiply by this to reach the dimension's base unit. */
  scale: number;
}

/** Base units: g/L, mol/L, cells/L, U/L, IU/L, L/L, kPa, mg/mmol. */
const UNIT_TABLE: Record<string, UnitDef> = {
  'g/l': { dim: 'mass', scale: 1 },
  'g/dl': { dim: 'mass', scale: 10 },
  'mg/dl': { dim: 'mass', scale: 0.01 },
  'mg/l': { dim: 'mass', scale: 1e-3 },
  'mg/ml': { dim: 'mass', scale: 1 },
  'ug/ml': { dim: 'mass', scale: 1e-3 },
  'ug/dl': { dim: 'mass', scale: 1e-5 },
  'ug/l': { dim: 'mass', scale: 1e-6 },
  'ng/ml': { dim: 'mass', scale: 1e-6 },
  'ng/dl': { dim: 'mass', scale: 1e-8 },
  'ng/l': { dim: 'mass', scale: 1e-9 },
  'pg/ml': { dim: 'mass', scale: 1e-9 },
  'mol/l': { dim: 'molar', scale: 1 },
  'mmol/l': { dim: 'molar', scale: 1e-3 },
  'umol/l': { dim: 'molar', scale: 1e-6 },
  'nmol/l': { dim: 'molar', scale: 1e-9 },
  'pmol/l': { dim: 'molar', scale: 1e-12 },
  '10^12/l': { dim: 'count', scale: 1e12 },
  '10^9/l': { dim: 'count', scale: 1e9 },
  '10^6/ul': { dim: 'count', scale: 1e12 },
  '10^3/ul': { dim: 'count', scale: 1e9 },
  '/ul': { dim: 'count', scale: 1e6 },
  '/l': { dim: 'count', scale: 1 },
  'u/l': { dim: 'enzyme', scale: 1 },
  'ku/l': { dim: 'enzyme', scale: 1e3 },
  'u/ml': { dim: 'enzyme', scale: 1e3 },
  'mu/ml': { dim: 'enzyme', scale: 1 },
  'mu/l': { dim: 'enzyme', scale: 1e-3 },
  // 1 µkat/L = 60 U/L (1 U = 1 µmol/min; 1 kat = 1 mol/s).
  'ukat/l': { dim: 'enzyme', scale: 60 },
  'iu/l': { dim: 'intl', scale: 1 },
  'iu/ml': { dim: 'intl', scale: 1e3 },
  'miu/ml': { dim: 'intl', scale: 1 },
  'miu/l': { dim: 'intl', scale: 1e-3 },
  'uiu/ml': { dim: 'intl', scale: 1e-3 },
  'l/l': { dim: 'fraction', scale: 1 },
  '%': { dim: 'fraction', scale: 0.01 },
  kpa: { dim: 'pressure', scale: 1 },
  mmhg: { dim: 'pressure', scale: 0.133322 },
  'mg/mmol': { dim: 'albcr', scale: 1 },
  // Creatinine 113.12 g/mol: 1 g creatinine = 8.84 mmol, so mg/g ÷ 8.84 = mg/mmol.
  'mg/g': { dim: 'albcr', scale: 0.113 },
};

/** Aliases applied after lower-casing and removing spaces (longest first is not needed: whole-key lookup). */
const ALIASES: Record<string, string> = {
  'x10^9/l': '10^9/l',
  '10*9/l': '10^9/l',
  '10e9/l': '10^9/l',
  'g/l(cells)': '10^9/l',
  '10^3/mm3': '10^3/ul',
  'k/ul': '10^3/ul',
  'k/mm3': '10^3/ul',
  'thou/ul': '10^3/ul',
  '10*3/ul': '10^3/ul',
  'x10^3/ul': '10^3/ul',
  'x10^12/l': '10^12/l',
  '10*12/l': '10^12/l',
  't/l': '10^12/l',
  '10*6/ul': '10^6/ul',
  'x10^6/ul': '10^6/ul',
  'm/ul': '10^6/ul',
  '/mm3': '/ul',
  'cells/ul': '/ul',
  'mcg/l': 'ug/l',
  'mcg/ml': 'ug/ml',
  'mcg/dl': 'ug/dl',
  'mcmol/l': 'umol/l',
  'iu/ml(afp)': 'iu/ml',
  'mosm/kg': 'mmol/kg',
  'mosm/kgh2o': 'mmol/kg',
  'mmol/kgh2o': 'mmol/kg',
  mmhg: 'mmhg',
  torr: 'mmhg',
  sec: 's',
  secs: 's',
  seconds: 's',
  second: 's',
  秒: 's',
  'mm/hr': 'mm/h',
  'mm/1h': 'mm/h',
  fl: 'fl',
  'ml/min/1.73m^2': 'ml/min/1.73m2',
  'ml/min/{1.73_m2}': 'ml/min/1.73m2',
  'ml/min/1.73m²': 'ml/min/1.73m2',
  'mg/24hr': 'mg/24h',
  'g/24hr': 'g/24h',
  'g/d': 'g/24h',
  'mg/d': 'mg/24h',
  'u/l(37°c)': 'u/l',
  'units/l': 'u/l',
  'mmol/mol': 'mmol/mol',
};

const SUPERSCRIPTS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁶': '6', '⁹': '9' };

/**
 * Canonical key for a unit string: lower case, no spaces, micro signs (µ U+00B5, μ U+03BC) as
 * "u", ×/x/* powers of ten as "10^n", superscript digits expanded, mEq kept (see `equivalentValence`).
 */
export function normaliseUnit(unit: string): string {
  const cached = normalisedCache.get(unit);
  if (cached !== undefined) return cached;
  const key = computeUnitKey(unit);
  // Bounded: unit spellings in real feeds are few, but input is untrusted.
  if (normalisedCache.size < 2048) normalisedCache.set(unit, key);
  return key;
}

const normalisedCache = new Map<string, string>();

function computeUnitKey(unit: string): string {
  // Superscript powers first: NFKC would turn "10⁹" into "109".
  let u = unit.replace(/10([⁰¹²³⁶⁹]+)/g, (_m, sup: string) => `10^${[...sup].map((c) => SUPERSCRIPTS[c] ?? c).join('')}`);
  u = u.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  u = u.replace(/[µμ]/g, 'u').replace(/×/g, 'x');
  // "FEU" (fibrinogen-equivalent units) qualifies D-dimer; the number is still a mass concentration.
  u = u.replace(/feu$/, '');
  return ALIASES[u] ?? u;
}

/** mEq/L → mmol/L divides by the ion's charge; only these curated labs are divalent. */
const DIVALENT_LABS = new Set(['calcium', 'ionised-calcium', 'magnesium']);

function resolve(labId: string, key: string): UnitDef | undefined {
  if (key === 'meq/l') return { dim: 'molar', scale: DIVALENT_LABS.has(labId) ? 0.5e-3 : 1e-3 };
  return UNIT_TABLE[key];
}

/** Multiplier taking a value in `from` to `to`, or undefined when they are not commensurable. */
function scaleBetween(labId: string, from: string, to: string): number | undefined {
  if (from === to) return 1;
  const a = resolve(labId, from);
  const b = resolve(labId, to);
  if (!a || !b || a.dim !== b.dim) return undefined;
  return a.scale / b.scale;
}

/** Precomputed canonical keys of a lab's own units; cached per lab object so calls do no string work twice. */
const labUnitCache = new WeakMap<CuratedLab, { si: string; conv?: string }>();
function labUnits(lab: CuratedLab): { si: string; conv?: string } {
  let cached = labUnitCache.get(lab);
  if (!cached) {
    cached = { si: normaliseUnit(lab.siUnit) };
    if (lab.conventionalUnit) cached.conv = normaliseUnit(lab.conventionalUnit);
    labUnitCache.set(lab, cached);
  }
  return cached;
}

/** Converts a value in `unit` into the lab's SI unit; undefined when the unit cannot be related. */
export function toSiValue(lab: CuratedLab, value: number, unit: string): number | undefined {
  const key = normaliseUnit(unit);
  const own = labUnits(lab);
  const direct = scaleBetween(lab.id, key, own.si);
  if (direct !== undefined) return value * direct;
  if (own.conv && lab.conventionalToSi !== undefined) {
    const toConv = scaleBetween(lab.id, key, own.conv);
    if (toConv !== undefined) return value * toConv * lab.conventionalToSi;
  }
  return undefined;
}

/** Converts a value in the lab's SI unit into `unit`; undefined when the unit cannot be related. */
export function fromSiValue(lab: CuratedLab, siValue: number, unit: string): number | undefined {
  const key = normaliseUnit(unit);
  const own = labUnits(lab);
  const direct = scaleBetween(lab.id, own.si, key);
  if (direct !== undefined) return siValue * direct;
  if (own.conv && lab.conventionalToSi !== undefined) {
    const fromConv = scaleBetween(lab.id, own.conv, key);
    if (fromConv !== undefined) return (siValue / lab.conventionalToSi) * fromConv;
  }
  return undefined;
}

/**
 * Converts `value` of `lab` from `fromUnit` to `toUnit` (SI, conventional or any spelling of a
 * commensurable unit). Returns undefined when either unit cannot be related to the lab.
 *
 * @example convertLabValue(creatinine, 1.0, 'mg/dl', 'umol/L') // 88.4
 */
export function convertLabValue(lab: CuratedLab, value: number, fromUnit: string, toUnit: string): number | undefined {
  const si = toSiValue(lab, value, fromUnit);
  return si === undefined ? undefined : fromSiValue(lab, si, toUnit);
}

/**
 * Display precision overrides where the curated bounds carry more decimals than results are
 * reported with (bilirubin µmol/L is reported in whole numbers; its range 1.71–20.5 comes from a
 * mg/dL conversion). A display convention, not a clinical threshold.
 */
const DISPLAY_DECIMALS: Readonly<Record<string, number>> = {
  'bilirubin-total': 0,
  'bilirubin-direct': 0,
  'troponin-i-hs': 0,
  'troponin-t-hs': 0,
};

/** Decimals of the lab's own curated numbers (ranges and critical limits), cached per lab object. */
const labDecimalsCache = new WeakMap<CuratedLab, number>();
function labDecimals(lab: CuratedLab): number {
  let d = labDecimalsCache.get(lab);
  if (d === undefined) {
    const values: number[] = [];
    for (const r of lab.ranges) for (const v of [r.low, r.high]) if (v !== undefined) values.push(v);
    for (const v of [lab.critical?.low, lab.critical?.high]) if (v !== undefined) values.push(v);
    d = DISPLAY_DECIMALS[lab.id] ?? Math.min(3, Math.max(0, ...values.map(decimalsOf)));
    labDecimalsCache.set(lab, d);
  }
  return d;
}

function decimalsOf(v: number): number {
  const text = String(v);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
}

/**
 * Decimals to show a value of `lab` in its SI unit with: as many as the lab's curated ranges and
 * critical limits carry (creatinine µmol/L 0, potassium mmol/L 1, calcium mmol/L 2), with the
 * overrides above, and at least two significant figures for small values (HDL 1.0, hs-CRP 0.83).
 * Converted values keep full precision; only their display is rounded.
 */
export function displayDecimals(lab: CuratedLab, siValue: number): number {
  let d = labDecimals(lab);
  const magnitude = Math.abs(siValue);
  if (magnitude > 0 && magnitude < 1) d = Math.max(d, 2);
  else if (magnitude > 0 && magnitude < 10) d = Math.max(d, 1);
  return Math.min(d, 3);
}

/** A value in the lab's SI unit as text at its display precision ("186" for creatinine 185.64 µmol/L). */
export function formatLabValue(lab: CuratedLab, siValue: number): string {
  return siValue.toFixed(displayDecimals(lab, siValue));
}

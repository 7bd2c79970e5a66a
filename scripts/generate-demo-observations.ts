/**
 * Generates Suwen's synthetic lab and vital-sign series for the demo patients:
 * data/demo/observations/Observation.demo.ndjson. The Synthea sample we ship has no Observations,
 * and trends, reference ranges and interpretations are what many workflows show first.
 *
 * Deterministic: a seeded PRNG per patient and ids derived from content, so re-running the script
 * reproduces the file byte for byte. Values follow each patient's recorded conditions (diabetes,
 * kidney disease, anaemia, hyperlipidaemia, hypertension, obesity) but are invented.
 *
 *   npx tsx scripts/generate-demo-observations.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = `${root}data/demo/synthea-10`;
const TARGET = `${root}data/demo/observations/Observation.demo.ndjson`;

type Sex = 'male' | 'female';
/** The few fields of the Synthea resources this script reads. */
interface SourceResource {
  id: string;
  gender?: string;
  birthDate?: string;
  subject?: { reference?: string };
  period?: { start?: string };
  code?: { text?: string };
}
type DatedEncounter = SourceResource & { period: { start: string } };
interface Range {
  low?: number;
  high?: number;
}
interface Profile {
  diabetes: boolean;
  prediabetes: boolean;
  kidney: boolean;
  anaemia: boolean;
  lipids: boolean;
  hypertension: boolean;
  obesity: boolean;
}

interface Measure {
  loinc: string;
  display: string;
  text: string;
  category: 'laboratory' | 'vital-signs';
  unit: string;
  ucum: string;
  decimals: number;
  adultOnly: boolean;
  /** Reference range by sex and age (years); undefined where none applies (body weight). */
  range(sex: Sex, age: number): Range | undefined;
  /** Typical value for this patient at `progress` (0 → first time point, 1 → last). */
  centre(p: Profile, sex: Sex, age: number, progress: number): number;
  spread: number;
}

/*
 * Reference ranges: HbA1c < 5.7 % and fasting glucose 70–99 mg/dL (ADA Standards of Care 2024, §2);
 * creatinine and haemoglobin by sex (Mayo Clinic Laboratories reference values); total cholesterol
 * < 200 mg/dL (NCEP ATP III); systolic BP < 120 mmHg (2017 ACC/AHA guideline); heart rate by age
 * (PALS 2020 for children, 60–100/min for adults).
 */
const MEASURES: Measure[] = [
  {
    loinc: '4548-4',
    display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
    text: 'Hemoglobin A1c',
    category: 'laboratory',
    unit: '%',
    ucum: '%',
    decimals: 1,
    adultOnly: true,
    spread: 0.25,
    range: () => ({ low: 4.0, high: 5.6 }),
    centre: (p, _s, _a, t) => (p.diabetes ? 7.9 - 0.8 * t : p.prediabetes ? 5.8 + 0.2 * t : 5.2),
  },
  {
    loinc: '2345-7',
    display: 'Glucose [Mass/volume] in Serum or Plasma',
    text: 'Glucose',
    category: 'laboratory',
    unit: 'mg/dL',
    ucum: 'mg/dL',
    decimals: 0,
    adultOnly: true,
    spread: 8,
    range: () => ({ low: 70, high: 99 }),
    centre: (p, _s, _a, t) => (p.diabetes ? 165 - 25 * t : p.prediabetes ? 104 + 6 * t : 88),
  },
  {
    loinc: '2160-0',
    display: 'Creatinine [Mass/volume] in Serum or Plasma',
    text: 'Creatinine',
    category: 'laboratory',
    unit: 'mg/dL',
    ucum: 'mg/dL',
    decimals: 2,
    adultOnly: true,
    spread: 0.08,
    range: (sex) => (sex === 'male' ? { low: 0.74, high: 1.35 } : { low: 0.59, high: 1.04 }),
    centre: (p, sex, _a, t) => (p.kidney ? 1.4 + 1.8 * t : sex === 'male' ? 0.98 : 0.78),
  },
  {
    loinc: '718-7',
    display: 'Hemoglobin [Mass/volume] in Blood',
    text: 'Hemoglobin',
    category: 'laboratory',
    unit: 'g/dL',
    ucum: 'g/dL',
    decimals: 1,
    adultOnly: true,
    spread: 0.4,
    range: (sex) => (sex === 'male' ? { low: 13.2, high: 16.6 } : { low: 11.6, high: 15.0 }),
    centre: (p, sex) => (sex === 'male' ? 15.0 : 13.4) - (p.anaemia ? 2.4 : 0),
  },
  {
    loinc: '2093-3',
    display: 'Cholesterol [Mass/volume] in Serum or Plasma',
    text: 'Total cholesterol',
    category: 'laboratory',
    unit: 'mg/dL',
    ucum: 'mg/dL',
    decimals: 0,
    adultOnly: true,
    spread: 12,
    range: () => ({ high: 200 }),
    centre: (p, _s, _a, t) => (p.lipids ? 248 - 30 * t : 182),
  },
  {
    loinc: '8480-6',
    display: 'Systolic blood pressure',
    text: 'Systolic blood pressure',
    category: 'vital-signs',
    unit: 'mmHg',
    ucum: 'mm[Hg]',
    decimals: 0,
    adultOnly: true,
    spread: 7,
    range: () => ({ low: 90, high: 120 }),
    centre: (p, _s, _a, t) => (p.hypertension ? 148 - 10 * t : 114),
  },
  {
    loinc: '29463-7',
    display: 'Body weight',
    text: 'Body weight',
    category: 'vital-signs',
    unit: 'kg',
    ucum: 'kg',
    decimals: 1,
    adultOnly: false,
    spread: 1.2,
    range: () => undefined,
    centre: (p, sex, age) => (age < 18 ? 3.5 + age * 3.1 : (sex === 'male' ? 80 : 66) + (p.obesity ? 28 : 0)),
  },
  {
    loinc: '8867-4',
    display: 'Heart rate',
    text: 'Heart rate',
    category: 'vital-signs',
    unit: '/min',
    ucum: '/min',
    decimals: 0,
    adultOnly: false,
    spread: 6,
    range: (_s, age) =>
      age < 3 ? { low: 98, high: 140 } : age < 6 ? { low: 80, high: 120 } : age < 12 ? { low: 75, high: 118 } : { low: 60, high: 100 },
    centre: (_p, _s, age) => (age < 3 ? 118 : age < 6 ? 100 : age < 12 ? 92 : 74),
  },
];

/** mulberry32: small, fast and good enough for demo data. */
function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (const c of seed) state = Math.imul(state ^ c.charCodeAt(0), 16777619) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID-shaped id derived from content, so the file is reproducible. */
function stableId(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function readNdjson(file: string): SourceResource[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SourceResource);
}

function profileOf(conditions: string[]): Profile {
  const has = (re: RegExp) => conditions.some((c) => re.test(c));
  return {
    diabetes: has(/diabetes mellitus type 2/i),
    prediabetes: has(/prediabetes/i),
    kidney: has(/chronic kidney disease/i),
    anaemia: has(/anemia/i),
    lipids: has(/hyperlipidemia|hypertriglyceridemia/i),
    hypertension: has(/hypertension/i),
    obesity: has(/body mass index (30|40)\+/i),
  };
}

function interpretationOf(value: number, range: Range) {
  const [code, display] =
    range.high !== undefined && value > range.high
      ? ['H', 'High']
      : range.low !== undefined && value < range.low
        ? ['L', 'Low']
        : ['N', 'Normal'];
  return [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code, display }], text: display }];
}

function quantity(value: number, m: Measure) {
  return { value, unit: m.unit, system: 'http://unitsofmeasure.org', code: m.ucum };
}

/** 6–12 encounter dates spread over the patient's last six years of care (or all their care). */
function pickEncounters(encounters: DatedEncounter[], random: () => number): DatedEncounter[] {
  const byDay = new Map<string, DatedEncounter>();
  for (const e of [...encounters].sort((a, b) => a.period.start.localeCompare(b.period.start))) byDay.set(e.period.start.slice(0, 10), e);
  const all = [...byDay.values()];
  const last = Date.parse(all[all.length - 1]?.period.start ?? '');
  const count = 6 + Math.floor(random() * 7);
  const recent = all.filter((e) => last - Date.parse(e.period.start) <= 6 * 365.25 * 86_400_000);
  const pool = recent.length >= count ? recent : all;
  if (pool.length <= count) return pool;
  return Array.from({ length: count }, (_, i) => pool[Math.round((i * (pool.length - 1)) / (count - 1))]).filter(
    (e): e is DatedEncounter => e !== undefined,
  );
}

function observationsFor(patient: SourceResource, encounters: DatedEncounter[], conditions: string[]) {
  const random = seededRandom(patient.id);
  const noise = () => random() + random() + random() - 1.5; // roughly normal, mean 0
  const profile = profileOf(conditions);
  const sex: Sex = patient.gender === 'male' ? 'male' : 'female';
  const birth = Date.parse(patient.birthDate ?? '');
  const chosen = pickEncounters(encounters, random);
  const out: Record<string, unknown>[] = [];
  chosen.forEach((encounter, index) => {
    const when = encounter.period.start;
    const age = (Date.parse(when) - birth) / (365.25 * 86_400_000);
    const progress = chosen.length > 1 ? index / (chosen.length - 1) : 0;
    for (const m of MEASURES) {
      if (m.adultOnly && age < 18) continue;
      const factor = 10 ** m.decimals;
      const value = Math.round(Math.max(0.1, m.centre(profile, sex, age, progress) + noise() * m.spread) * factor) / factor;
      const range = m.range(sex, age);
      out.push({
        resourceType: 'Observation',
        id: stableId(`${patient.id}|${m.loinc}|${when}`),
        meta: { tag: [{ system: 'https://suwen.dev/fhir/tags', code: 'synthetic-demo', display: 'Synthetic demo data' }] },
        status: 'final',
        category: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/observation-category',
                code: m.category,
                display: m.category === 'laboratory' ? 'Laboratory' : 'Vital Signs',
              },
            ],
          },
        ],
        code: { coding: [{ system: 'http://loinc.org', code: m.loinc, display: m.display }], text: m.text },
        subject: { reference: `Patient/${patient.id}` },
        encounter: { reference: `Encounter/${encounter.id}` },
        effectiveDateTime: when,
        issued: new Date(Date.parse(when)).toISOString(),
        valueQuantity: quantity(value, m),
        ...(range
          ? {
              interpretation: interpretationOf(value, range),
              referenceRange: [
                {
                  ...(range.low !== undefined ? { low: quantity(range.low, m) } : {}),
                  ...(range.high !== undefined ? { high: quantity(range.high, m) } : {}),
                },
              ],
            }
          : {}),
      });
    }
  });
  return out;
}

const patients = readNdjson(`${SOURCE}/Patient.000.ndjson`);
const encounters = readNdjson(`${SOURCE}/Encounter.000.ndjson`);
const conditions = readNdjson(`${SOURCE}/Condition.000.ndjson`);
const patientOf = (r: SourceResource) => (r.subject?.reference ?? '').replace(/^Patient\//, '');

const lines: string[] = [];
for (const patient of [...patients].sort((a, b) => a.id.localeCompare(b.id))) {
  const own = encounters.filter((e): e is DatedEncounter => patientOf(e) === patient.id && Boolean(e.period?.start));
  const texts = conditions.filter((c) => patientOf(c) === patient.id).map((c) => c.code?.text ?? '');
  for (const observation of observationsFor(patient, own, texts)) lines.push(JSON.stringify(observation));
}
writeFileSync(TARGET, `${lines.join('\n')}\n`);
process.stdout.write(`Wrote ${lines.length} observations for ${patients.length} patients to ${TARGET}\n`);

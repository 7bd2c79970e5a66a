import { EN_LABS, EN_VITALS, pickDecoy } from './decoys.js';
import type { DecoyKind } from './deid-doc.js';
import {
  type EnPerson,
  enAddress,
  enBankCard,
  enDate,
  enEmail,
  enEmployer,
  enHospital,
  enInsurance,
  enMrn,
  enPassport,
  enPerson,
  enPhone,
  enPlate,
  enSsn,
  enUrl,
} from './fake-values-en.js';
import { addDays, clockTime, deviceId, ipv4, randomDate, type SimpleDate } from './fake-values-zh.js';
import { decoy, type NoteBuilder, note, type Piece, phi } from './note-builder.js';
import type { Rng } from './prng.js';

/** The people and facts one English note is about; reused so a name recurs within the note. */
interface EnCast {
  patient: EnPerson;
  age: number;
  birth: SimpleDate;
  admit: SimpleDate;
  discharge: SimpleDate;
  relative: EnPerson;
  relation: string;
  attending: EnPerson;
  pcp: EnPerson;
  nurse: EnPerson;
  hospital: string;
  phone: string;
  mrn: string;
}

const COMPLAINTS = [
  'worsening tremor',
  'chest pain',
  'shortness of breath',
  'polyuria and polydipsia',
  'syncope',
  'productive cough',
  'confusion',
] as const;

export function createEnCast(rng: Rng): EnCast {
  const age = rng.chance(0.25) ? rng.int(90, 104) : rng.int(18, 89);
  const admit = randomDate(rng, 2019, 2025);
  const relative = enPerson(rng);
  return {
    patient: enPerson(rng),
    age,
    birth: { y: admit.y - age, m: rng.int(1, 12), d: rng.int(1, 28) },
    admit,
    discharge: addDays(admit, rng.int(2, 14)),
    relative,
    relation: relative.sex === 'M' ? rng.pick(['son', 'husband', 'nephew', 'brother']) : rng.pick(['daughter', 'wife', 'niece', 'sister']),
    attending: enPerson(rng),
    pcp: enPerson(rng),
    nurse: enPerson(rng, 'F'),
    hospital: enHospital(rng),
    phone: enPhone(rng),
    mrn: enMrn(rng),
  };
}

const full = (p: EnPerson): Piece => phi('NAME', `${p.first} ${p.last}`);
const last = (p: EnPerson): Piece => phi('NAME', p.last);
const honorific = (p: EnPerson): string => (p.sex === 'M' ? 'Mr.' : 'Ms.');
const ageOf = (n: number): Piece => (n >= 90 ? phi('AGE', String(n)) : decoy('age-under-90', String(n)));

function helpers(rng: Rng) {
  return {
    date: (d: SimpleDate): Piece => phi('DATE', enDate(rng, d)),
    dob: (d: SimpleDate): Piece => phi('DATE', enDate(rng, d, true)),
    near: (d: SimpleDate, days: number): Piece => phi('DATE', enDate(rng, addDays(d, days))),
    dk: (kind: Exclude<DecoyKind, 'age-under-90' | 'surname-char-word'>): Piece => decoy(kind, pickDecoy(rng, 'en', kind)),
  };
}

function hpi(rng: Rng, b: NoteBuilder, c: EnCast): void {
  const { dk } = helpers(rng);
  const noun = c.patient.sex === 'M' ? 'man' : 'woman';
  b.add(note`HPI: ${honorific(c.patient)} ${last(c.patient)} is a ${ageOf(c.age)}-year-old ${noun} with ${dk('eponym')} and hypertension `);
  b.add(
    note`who presents with ${dk('duration')} of ${rng.pick(COMPLAINTS)}. ${rng.pick([c.patient.sex === 'M' ? 'He' : 'She', 'The patient'])} takes ${dk('drug-dose')} and ${dk('drug-dose')}. `,
  );
  b.add(note`History is provided by the patient and ${c.relation} ${full(c.relative)}. `);
  b.add(note`Family history: mother with ${dk('eponym')}, died at ${ageOf(rng.int(50, 89))}.`).line();
}

function exam(rng: Rng, b: NoteBuilder): void {
  const { dk } = helpers(rng);
  const [v1 = '', v2 = '', v3 = ''] = rng.sample(EN_VITALS, 3);
  const [l1 = '', l2 = '', l3 = ''] = rng.sample(EN_LABS, 3);
  b.add(
    note`Exam: ${decoy('vital-sign', v1)}, ${decoy('vital-sign', v2)}, ${decoy('vital-sign', v3)}. Alert, ${dk('clinical-score')}. ${decoy('eponym', rng.pick(['Babinski sign', "Murphy's sign"]))} negative.`,
  ).line();
  b.add(note`Labs: ${decoy('lab-value', l1)}, ${decoy('lab-value', l2)}, ${decoy('lab-value', l3)}.`).line();
}

function assessment(rng: Rng, b: NoteBuilder, heading: string): void {
  const { dk } = helpers(rng);
  b.add(
    note`${heading}: 1. ${dk('eponym')} (${dk('icd10')}) 2. Essential hypertension (${decoy('icd10', 'I10')}) - continue ${dk('drug-dose')}.`,
  ).line();
}

function historyAndPhysical(rng: Rng, b: NoteBuilder, c: EnCast): void {
  const { date, dob } = helpers(rng);
  b.add(note`${phi('ORGANIZATION', c.hospital)} - ADMISSION HISTORY AND PHYSICAL`).line();
  b.add(note`Patient: ${phi('NAME', `${c.patient.last}, ${c.patient.first}`)}    DOB: ${dob(c.birth)}    MRN: ${phi('MRN', c.mrn)}`).line();
  b.add(note`Admitted: ${date(c.admit)} ${clockTime(rng)}    Attending: Dr. ${full(c.attending)}    PCP: Dr. ${last(c.pcp)}`).line();
  if (rng.chance(0.5)) b.add(note`SSN: ${phi('SSN', enSsn(rng))}    `);
  b.add(note`Insurance member ID: ${phi('INSURANCE', enInsurance(rng))}`).line();
  hpi(rng, b, c);
  b.add(
    note`Social: lives at ${phi('ADDRESS', enAddress(rng))} with ${c.relation === 'wife' || c.relation === 'husband' ? 'spouse' : 'family'}; `,
  );
  b.add(note`works at ${phi('ORGANIZATION', enEmployer(rng))}. `);
  if (rng.chance(0.45))
    b.add(note`Returned from Mexico ${rng.pick(['2 weeks', '10 days'])} ago (passport ${phi('PASSPORT', enPassport(rng))}). `);
  if (rng.chance(0.3)) b.add(note`Still drives (plate ${phi('LICENSE_PLATE', enPlate(rng))}). `);
  b.line();
  b.add(note`Contact: ${phi('PHONE', c.phone)}; ${c.relation} ${last(c.relative)} at ${phi('PHONE', enPhone(rng))}`);
  if (rng.chance(0.5)) b.add(note`; email ${phi('EMAIL', enEmail(rng, c.patient))}`);
  b.line();
  exam(rng, b);
  assessment(rng, b, 'Assessment/Plan');
  b.add(note`Signed: ${full(c.attending)}, MD  ${date(c.admit)}`);
}

function dischargeSummary(rng: Rng, b: NoteBuilder, c: EnCast): void {
  const { date, near, dk } = helpers(rng);
  const pacer = deviceId(rng);
  b.add(note`DISCHARGE SUMMARY`).line();
  b.add(note`Name: ${full(c.patient)}  MRN: ${phi('MRN', c.mrn)}  Account #: ${phi('MRN', enMrn(rng))}`).line();
  b.add(note`Admission date: ${date(c.admit)}  Discharge date: ${date(c.discharge)}  Length of stay: ${dk('duration')}`).line();
  assessment(rng, b, 'Discharge diagnoses');
  b.add(
    note`Hospital course: ${honorific(c.patient)} ${last(c.patient)} was admitted under Dr. ${last(c.attending)}. ${dk('lab-value')} on admission; `,
  );
  b.add(
    note`treated with ${dk('drug-dose')}. A ${decoy('eponym', rng.pick(['Foley catheter', 'Swan-Ganz catheter']))} was placed on ${near(c.admit, 1)} and removed on ${near(c.admit, 3)}. `,
  );
  if (rng.chance(0.5))
    b.add(note`Dual-chamber pacemaker implanted ${near(c.admit, 2)}, device ${pacer.label} ${phi('DEVICE_ID', pacer.value)}. `);
  b.line();
  b.add(
    note`Follow-up: Dr. ${full(c.pcp)} at ${phi('ORGANIZATION', enHospital(rng))} on ${near(c.discharge, rng.int(5, 30))}, ${phi('PHONE', enPhone(rng))}. `,
  );
  b.add(note`Results are available at ${phi('URL', enUrl(rng))}.`).line();
  b.add(note`Discharge medications: ${dk('drug-dose')}; ${dk('drug-dose')}. Recheck ${dk('lab-value')} in ${dk('duration')}.`).line();
  b.add(note`Electronically signed by ${full(c.attending)}, MD on ${date(c.discharge)}`);
}

function referralLetter(rng: Rng, b: NoteBuilder, c: EnCast): void {
  const { date, dob, dk } = helpers(rng);
  b.add(note`${phi('ORGANIZATION', c.hospital)}`).line();
  b.add(note`${phi('ADDRESS', enAddress(rng, rng.chance(0.5)))}`).line();
  b.add(note`Tel ${phi('PHONE', enPhone(rng))}  Fax ${phi('PHONE', enPhone(rng))}  ${phi('URL', enUrl(rng))}`)
    .line()
    .line();
  b.add(note`${date(c.admit)}`)
    .line()
    .line();
  b.add(note`Dear Dr. ${last(c.pcp)},`)
    .line()
    .line();
  b.add(note`Re: ${full(c.patient)}, DOB ${dob(c.birth)}, MRN ${phi('MRN', c.mrn)}`)
    .line()
    .line();
  b.add(
    note`Thank you for referring ${honorific(c.patient)} ${last(c.patient)}, a ${ageOf(c.age)}-year-old with ${dk('eponym')} (${dk('icd10')}), `,
  );
  b.add(note`seen today with ${c.relation} ${full(c.relative)}. ${dk('vital-sign')}, ${dk('clinical-score')}. ${dk('lab-value')}. `);
  b.add(note`I have started ${dk('drug-dose')} and will review in ${dk('duration')}.`)
    .line()
    .line();
  b.add(note`Sincerely,`)
    .line()
    .add(note`Dr. ${full(c.attending)}`)
    .line()
    .add(note`${phi('EMAIL', enEmail(rng, c.attending))}`);
}

function labReport(rng: Rng, b: NoteBuilder, c: EnCast): void {
  const { date } = helpers(rng);
  b.add(note`${phi('ORGANIZATION', c.hospital)} CLINICAL LABORATORY`).line();
  b.add(note`Patient: ${full(c.patient)}  Age: ${ageOf(c.age)}  Sex: ${c.patient.sex}  MRN: ${phi('MRN', c.mrn)}`).line();
  b.add(note`Accession: ${phi('MRN', `A${c.admit.y}${rng.digits(6)}`)}  Ordering provider: ${full(c.attending)}, MD`).line();
  b.add(note`Collected: ${date(c.admit)} ${clockTime(rng)}  Reported: ${date(c.admit)} ${clockTime(rng)}`).line();
  for (const lab of rng.sample(EN_LABS, rng.int(3, 5))) b.add(note`${decoy('lab-value', lab)}`).line();
  const analyzer = deviceId(rng);
  if (rng.chance(0.6))
    b.add(note`Comment: critical value called to Dr. ${last(c.attending)} and read back; identity of ${full(c.patient)} confirmed.`).line();
  b.add(
    note`Analyzer ${analyzer.label} ${phi('DEVICE_ID', analyzer.value)} (host ${phi('IP', ipv4(rng))}). Verified by ${full(c.nurse)}, MLS.`,
  ).line();
  if (rng.chance(0.5)) b.add(note`Self-pay: card on file ${phi('BANK_CARD', enBankCard(rng))}.`).line();
  b.add(note`View online: ${phi('URL', enUrl(rng))}`);
}

export const EN_NOTE_KINDS = { historyAndPhysical, dischargeSummary, referralLetter, labReport } as const;
export type EnNoteKind = keyof typeof EN_NOTE_KINDS;

import { luhnCheckDigit } from './checksums.js';
import { pad, type SimpleDate } from './fake-values-zh.js';
import type { Rng } from './prng.js';

/** Fabricated US-style identifiers. Phone numbers use the 555-01xx range reserved for fiction. */

const FIRST_MALE = ['John', 'Robert', 'Michael', 'David', 'James', 'Carlos', 'Ahmed', 'Wei', 'Daniel', 'Thomas', 'Kevin', 'Luis'] as const;
const FIRST_FEMALE = [
  'Maria',
  'Emily',
  'Sarah',
  'Linda',
  'Aisha',
  'Jennifer',
  'Grace',
  'Priya',
  'Rachel',
  'Olivia',
  'Hannah',
  'Mei',
] as const;
const LAST = [
  'Smith',
  'Johnson',
  'Garcia',
  'Chen',
  'Nguyen',
  'Patel',
  'Williams',
  'Brown',
  'Martinez',
  "O'Brien",
  'Kowalski',
  'Okafor',
  'Rodriguez',
  'Thompson',
  'Kim',
  'Hernandez',
  'Fitzgerald',
  'Goldberg',
  'Murphy',
  'Lee',
  'Wright',
  'Baker',
  'Hughes',
  'Parker',
] as const;

export interface EnPerson {
  first: string;
  last: string;
  sex: 'M' | 'F';
}

export function enPerson(rng: Rng, sex?: 'M' | 'F'): EnPerson {
  const s = sex ?? rng.pick(['M', 'F'] as const);
  return { first: s === 'M' ? rng.pick(FIRST_MALE) : rng.pick(FIRST_FEMALE), last: rng.pick(LAST), sex: s };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function enDate(rng: Rng, date: SimpleDate, withYear = false): string {
  const { y, m, d } = date;
  const month = MONTHS[m - 1] ?? 'January';
  const yy = String(y).slice(2);
  return rng.pick([
    `${month} ${d}, ${y}`,
    `${month.slice(0, 3)} ${d}, ${y}`,
    `${d} ${month.slice(0, 3)} ${y}`,
    `${pad(m)}/${pad(d)}/${y}`,
    `${m}/${d}/${yy}`,
    `${y}-${pad(m)}-${pad(d)}`,
    `${pad(d)}-${month.slice(0, 3).toUpperCase()}-${y}`,
    ...(withYear ? [] : [`${month} ${d}`, `${m}/${d}`]),
  ]);
}

export function enPhone(rng: Rng): string {
  const area = rng.pick(['617', '312', '415', '212', '206', '713', '503']);
  const line = `01${rng.digits(2)}`;
  return rng.pick([
    `(${area}) 555-${line}`,
    `${area}-555-${line}`,
    `${area}.555.${line}`,
    `+1 ${area} 555 ${line}`,
    `1-${area}-555-${line}`,
    `(${area}) 555-${line} ext. ${rng.int(100, 999)}`,
  ]);
}

/** A US SSN shape that avoids area 000, 666 and 900–999 and group/serial 0 (SSA, "never issued"). */
export function enSsn(rng: Rng): string {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  const n = `${String(area).padStart(3, '0')}${String(rng.int(1, 99)).padStart(2, '0')}${String(rng.int(1, 9999)).padStart(4, '0')}`;
  return rng.pick([`${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`, `${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`, n]);
}

export function enPassport(rng: Rng): string {
  return rng.pick([rng.digits(9), `${rng.pick(['A', 'C', 'E', 'X'])}${rng.digits(8)}`]);
}

export function enMrn(rng: Rng): string {
  return rng.pick([
    rng.digits(8),
    `${rng.digits(3)}-${rng.digits(2)}-${rng.digits(2)}`,
    `MR${rng.digits(7)}`,
    `E${rng.digits(9)}`,
    rng.digits(7),
  ]);
}

const STREETS = [
  'Maple Street',
  'Oak Avenue',
  'Elm Drive',
  'Washington Blvd',
  'Lakeview Road',
  'Pine Court',
  'Harbor Way',
  'Cedar Lane',
] as const;
const CITIES = [
  ['Springfield', 'IL', '627'],
  ['Riverton', 'WY', '825'],
  ['Fairview', 'OR', '970'],
  ['Georgetown', 'TX', '786'],
  ['Franklin', 'TN', '370'],
  ['Salem', 'MA', '019'],
  ['Madison', 'WI', '537'],
] as const;

/** A US street address; `oneLine` false gives the two-line letter-head form. */
export function enAddress(rng: Rng, oneLine = true): string {
  const [city, state, zip3] = rng.pick(CITIES);
  const street = `${rng.int(10, 9899)} ${rng.pick(STREETS)}${rng.chance(0.3) ? `, ${rng.pick(['Apt', 'Unit', 'Suite'])} ${rng.int(1, 40)}${rng.pick(['', 'B'])}` : ''}`;
  const zip = `${zip3}${rng.digits(2)}${rng.chance(0.2) ? `-${rng.digits(4)}` : ''}`;
  return oneLine ? `${street}, ${city}, ${state} ${zip}` : `${street}\n${city}, ${state} ${zip}`;
}

export function enHospital(rng: Rng): string {
  const town = rng.pick(['Springfield', 'Riverside', 'Lakeshore', 'Mercy Valley', 'St. Aurelia', 'Northbrook', 'Cedar Hill']);
  return `${town} ${rng.pick(['General Hospital', 'Medical Center', 'Family Practice', 'Community Clinic', 'Cardiology Associates', 'Regional Health'])}`;
}

export function enEmployer(rng: Rng): string {
  return `${rng.pick(['Acme', 'Bluewater', 'Granite', 'Summit', 'Pioneer'])} ${rng.pick(['Logistics', 'Manufacturing', 'Elementary School', 'Credit Union', 'Construction LLC'])}`;
}

export function enEmail(rng: Rng, person: EnPerson): string {
  const local = rng.pick([
    `${person.first}.${person.last}`,
    `${person.first[0] ?? 'x'}${person.last}${rng.int(1, 99)}`,
    `${person.last}${rng.int(1950, 2000)}`,
  ]);
  return `${local.toLowerCase().replace(/'/g, '')}@${rng.pick(['example.com', 'mail.example.org', 'example.net'])}`;
}

export function enUrl(rng: Rng): string {
  return rng.pick([
    `https://portal.${rng.pick(['springfieldgh', 'riversidemc'])}.example.org/results/${rng.digits(8)}`,
    `https://mychart.example.org/patient?id=${rng.digits(9)}`,
    `www.${rng.pick(['lakeshorefp', 'cedarhillhealth'])}.example.com`,
  ]);
}

/** A Visa/Mastercard-shaped number with a valid Luhn digit. */
export function enBankCard(rng: Rng): string {
  const body = `${rng.pick(['4', '51', '55'])}`;
  const full = body + rng.digits(15 - body.length);
  const number = full + luhnCheckDigit(full);
  return rng.pick([number, (number.match(/.{4}/g) ?? [number]).join(' '), (number.match(/.{4}/g) ?? [number]).join('-')]);
}

export function enInsurance(rng: Rng): string {
  const letters = 'ACDEFGHJKMNPQRTUVWXY';
  const l = (): string => letters[rng.int(0, letters.length - 1)] ?? 'A';
  return rng.pick([
    `${l()}${l()}${l()}${rng.digits(9)}`,
    // Medicare Beneficiary Identifier shape (CMS): 11 characters, shown with dashes.
    `${rng.int(1, 9)}${l()}${l()}${rng.digits(1)}-${l()}${l()}${rng.digits(1)}-${l()}${l()}${rng.digits(2)}`,
    `W${rng.digits(9)}`,
  ]);
}

export function enPlate(rng: Rng): string {
  const letter = (): string => 'ABCDEFGHJKLMNPRSTUVWXYZ'[rng.int(0, 22)] ?? 'A';
  return rng.pick([
    `${rng.int(1, 9)}${letter()}${letter()}${letter()}${rng.digits(3)}`,
    `${letter()}${letter()}${letter()}-${rng.digits(4)}`,
    `${letter()}${letter()}${letter()} ${rng.digits(3)}`,
  ]);
}

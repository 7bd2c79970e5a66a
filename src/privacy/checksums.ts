/** Check-digit algorithms and calendar checks shared by the recognizers. */

/** Luhn (ISO/IEC 7812-1 Annex B) over the digits of a string; separators are ignored. */
export function isLuhnValid(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 2) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CARD_CHECK = '10X98765432';

/** The check character of an 18-digit 身份证号 from its first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2). */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (ID_CARD_WEIGHTS[i] ?? 0);
  return ID_CARD_CHECK[sum % 11] ?? '';
}

export function isIdCardChecksumValid(id: string): boolean {
  return id.length === 18 && idCardCheckChar(id.slice(0, 17)) === id.charAt(17).toUpperCase();
}

/** Whether year-month-day is a real calendar date (leap years included). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month and day without a year: 29 February is allowed. */
export function isMonthDay(month: number, day: number): boolean {
  return isCalendarDate(2000, month, day);
}

/** A plausible year for a person's dates in a clinical record. */
export function isPlausibleYear(year: number): boolean {
  return year >= 1900 && year <= 2099;
}

/** Luhn (ISO/IEC 7812) check digit for the digits given — surrogates keep cards valid with it. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

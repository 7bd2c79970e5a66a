/**
 * Check digits that surrogates must keep valid, so a de-identified record still passes the
 * validation a downstream system applies.
 */

/** GB 11643-1999 (ISO 7064 MOD 11-2) check character of the first 17 digits of a 身份证号. */
export function idCardCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] as number);
  return '10X98765432'[sum % 11] as string;
}

/** Luhn (ISO/IEC 7812) check digit for the digits given. */
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

export function isValidLuhn(number: string): boolean {
  return number.length > 1 && luhnCheckDigit(number.slice(0, -1)) === number.at(-1);
}

// Deliberately independent of src/privacy/checksums.ts: the evaluation must not share the code it evaluates.

/**
 * Check digits for the identifiers the synthetic corpus plants, so that a recognizer that
 * validates checksums (as Suwen's do) sees well-formed values.
 */

// GB 11643-1999 §5: weights W_i = 2^(i-1) mod 11 for positions 18…2, check code from Σ mod 11.
const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CARD_CHECK_CODES = '10X98765432';

/** The 18th character of a 居民身份证号 for its first 17 digits (GB 11643-1999). */
export function idCardCheckCode(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('An ID card body must be exactly 17 ASCII digits.');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_CARD_WEIGHTS[i] ?? 0);
  return ID_CARD_CHECK_CODES[sum % 11] ?? '';
}

/** Whether an 18-character 身份证号 carries a valid GB 11643 check code. */
export function isValidIdCard(id: string): boolean {
  const normalized = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalized)) return false;
  return idCardCheckCode(normalized.slice(0, 17)) === normalized[17];
}

/** The Luhn (ISO/IEC 7812-1 Annex B) check digit for a digit string. */
export function luhnCheckDigit(body: string): string {
  if (!/^\d+$/.test(body)) throw new Error('A Luhn body must be ASCII digits only.');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Double every second digit counting from the right of the full number (the check digit is position 1).
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Whether a digit string (separators ignored) passes the Luhn check. */
export function isLuhnValid(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);
}

/** Full-width digits (０–９, U+FF10–U+FF19) to ASCII; both are one UTF-16 unit, so offsets hold. */
export function toAsciiDigits(value: string): string {
  return value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

/** ASCII digits to full-width, as some Chinese EMR exports and scanned records show them. */
export function toFullWidthDigits(value: string): string {
  return value.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x30 + 0xff10));
}

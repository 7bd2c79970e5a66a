import { describe, expect, it } from 'vitest';
import { idCardCheckCode, isLuhnValid, isValidIdCard, luhnCheckDigit, toAsciiDigits, toFullWidthDigits } from './checksums.js';

describe('GB 11643 ID card check code', () => {
  it.each([
    ['11010519491231002', 'X'], // the worked example of GB 11643-1999
    ['44052418800101001', '4'],
  ])('computes %s → %s', (body, code) => {
    expect(idCardCheckCode(body)).toBe(code);
    expect(isValidIdCard(body + code)).toBe(true);
  });

  it('rejects a wrong check code and malformed numbers', () => {
    expect(isValidIdCard('110105194912310021')).toBe(false);
    expect(isValidIdCard('11010519491231002')).toBe(false);
    expect(() => idCardCheckCode('1101051949123100')).toThrow();
  });
});

describe('Luhn', () => {
  it('computes the check digit of the textbook example', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(isLuhnValid('4111 1111 1111 1111')).toBe(true);
  });
});

describe('full-width digits', () => {
  it('round-trips without changing length', () => {
    const wide = toFullWidthDigits('2024年3月5日');
    expect(wide).toBe('２０２４年３月５日');
    expect(wide.length).toBe('2024年3月5日'.length);
    expect(toAsciiDigits(wide)).toBe('2024年3月5日');
  });
});

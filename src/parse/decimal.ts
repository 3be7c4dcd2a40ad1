/**
 * Exact decimal arithmetic on text (R1): a number is read from its decimal digits,
 * never multiplied as a binary float, so 333.33 万元 is exactly 333 330 000 分.
 */

/** value = digits × 10^exponent; digits has no leading zeros ("" is zero). */
export interface Decimal {
  readonly digits: string;
  readonly exponent: number;
}

const DECIMAL = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Read "333.33", ".5", "5.", "1e-7", "1.5e+21" (what String(number) gives). Null if not a plain decimal. */
export function decimalOf(text: string): Decimal | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const whole = match[1];
  const fraction = match[2] ?? "";
  if (whole === "" && fraction === "") return null;
  const exponent = (match[3] === undefined ? 0 : Number(match[3])) - fraction.length;
  if (!Number.isFinite(exponent)) return null;
  // Canonical form: no leading or trailing zeros, so "2500.000000000000000" is as short as "2500".
  const digits = (whole + fraction).replace(/^0+/, "");
  const significant = digits.replace(/0+$/, "");
  return { digits: significant, exponent: significant === "" ? 0 : exponent + digits.length - significant.length };
}

/** The largest integer this module produces; beyond it the answer is Infinity. Far below 2^53. */
const MAX_DIGITS = 15;

/**
 * decimal × 10^power as an integer, rounded half up (the decimal is non-negative).
 * Infinity when the result would have more than 15 digits (the caller rejects it).
 */
export function scaleToInteger(decimal: Decimal, power: number): number {
  const { digits } = decimal;
  if (digits === "") return 0;
  const shift = decimal.exponent + power;
  if (shift >= 0) {
    if (digits.length + shift > MAX_DIGITS) return Number.POSITIVE_INFINITY;
    return Number(digits + "0".repeat(shift));
  }
  const keep = digits.length + shift; // how many leading digits form the integer part
  if (keep < 0) return 0; // below 0.1 of the unit: rounds to 0
  if (keep > MAX_DIGITS) return Number.POSITIVE_INFINITY;
  const integer = keep === 0 ? 0 : Number(digits.slice(0, keep));
  return digits.charCodeAt(keep) >= 53 /* "5" */ ? integer + 1 : integer;
}

/** True when decimal × 10^power is a whole number (no digit is dropped). */
export function isWholeAfterScaling(decimal: Decimal, power: number): boolean {
  const shift = decimal.exponent + power;
  if (shift >= 0 || decimal.digits === "") return true;
  return /^0*$/.test(decimal.digits.slice(Math.max(0, decimal.digits.length + shift)));
}

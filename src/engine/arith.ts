/**
 * Exact money arithmetic (R1). Inputs are integer 分, results integer 元 rounded half up;
 * rates are integer basis points (1% = 100), areas integer micro-m². Nothing here goes
 * through a binary fraction: 3% of 333.33 万元 is 99999 元, not 99998.99999999999.
 */
import { FEN_PER_WAN, YUAN_PER_WAN } from "../model";
import type { Quantity } from "../policies/types";

const YUAN_PER_UNIT: Readonly<Record<string, number>> = { 万元: YUAN_PER_WAN, 亿元: 100_000_000 };

/** A money quantity of a policy (万元/亿元, ≤ 4 decimals of 万元) as integer 元. */
export function quantityToYuan(quantity: Quantity): number {
  const factor = YUAN_PER_UNIT[quantity.unit];
  if (factor === undefined) throw new Error(`not a money unit: ${quantity.unit}`);
  return Math.round(quantity.value * factor);
}

export function quantityToFen(quantity: Quantity): number {
  return quantityToYuan(quantity) * 100;
}

/** A percentage (≤ 2 decimals) as integer basis points: 3% ⇒ 300. */
export function percentToBasisPoints(quantity: Quantity): number {
  return Math.round(quantity.value * 100);
}

/** A duration quantity in whole months (年 ⇒ × 12). */
export function quantityToMonths(quantity: Quantity): number {
  return quantity.unit === "年" ? Math.round(quantity.value * 12) : Math.round(quantity.value);
}

/** An area in m² as integer micro-m² (exact for any area typed with ≤ 6 decimals). */
export function areaToMicro(area: number): number {
  return Math.round(area * 1_000_000);
}

/**
 * round-half-up(a × b / d) for non-negative integers a, b and positive integer d, exactly.
 * Uses doubles while a × b is a safe integer, BigInt beyond (rare: only huge inputs).
 */
export function mulDivHalfUp(a: number, b: number, d: number): number {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) {
    let quotient = Math.floor(product / d);
    let remainder = product - quotient * d;
    // The float division may be off by one for large quotients: correct with the exact remainder.
    if (remainder < 0) {
      quotient -= 1;
      remainder += d;
    } else if (remainder >= d) {
      quotient += 1;
      remainder -= d;
    }
    return remainder * 2 >= d ? quotient + 1 : quotient;
  }
  const big = BigInt(a) * BigInt(b);
  const divisor = BigInt(d);
  const quotient = big / divisor;
  const remainder = big - quotient * divisor;
  return Number(remainder * 2n >= divisor ? quotient + 1n : quotient);
}

/** Integer 元 as an exact 万元 string without trailing zeros: 99999 ⇒ "9.9999", 200000 ⇒ "20". */
export function formatWan(yuan: number): string {
  return formatScaled(yuan, YUAN_PER_WAN, 4);
}

/**
 * Integer 元 as the 万元 number a cell holds: the double nearest the exact 4-decimal value (IEEE
 * division rounds the exact quotient once, as reading formatWan's text would). Custom functions
 * return it, the fill writes it.
 */
export function yuanToWanNumber(yuan: number): number {
  return yuan / YUAN_PER_WAN + 0; // + 0 turns −0 into 0
}

/** Integer 分 as an exact 万元 string: 1999999900 ⇒ "1999.9999". */
export function formatFenAsWan(fen: number): string {
  return formatScaled(fen, FEN_PER_WAN, 6);
}

/** An area in m² for messages (no float noise). */
export function formatArea(area: number): string {
  return formatScaled(areaToMicro(area), 1_000_000, 6);
}

function formatScaled(value: number, scale: number, digits: number): string {
  const negative = value < 0;
  const magnitude = Math.abs(value);
  const whole = Math.floor(magnitude / scale);
  const fraction = magnitude - whole * scale;
  const text = fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(digits, "0").replace(/0+$/, "")}`;
  return negative ? `-${text}` : text;
}

/**
 * Display formatting. Money arrives from the core as integer 元 (R1); officials read 万元.
 * The conversion is done on integers and strings so no binary float can creep in.
 */
import { YUAN_PER_WAN } from "../../src/model";

/** 200000 元 → "20", 99999 → "9.9999", 1234567890 → "123,456.789" (4 decimals max, trailing zeros trimmed). */
export function formatWan(yuan: number, group = true): string {
  if (!Number.isFinite(yuan)) return "—";
  const negative = yuan < 0;
  const whole = Math.round(Math.abs(yuan)); // already integer 元; guard against a stray fraction
  const integerPart = Math.floor(whole / YUAN_PER_WAN);
  const fraction = String(whole % YUAN_PER_WAN)
    .padStart(4, "0")
    .replace(/0+$/, "");
  const integerText = group ? integerPart.toLocaleString("en-US") : String(integerPart);
  return `${negative ? "-" : ""}${integerText}${fraction ? "." + fraction : ""}`;
}

/** 0-based column index → Excel letters: 0 → "A", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A percentage of work done, rounded down so 100 % means truly done. */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}

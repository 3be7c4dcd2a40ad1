/**
 * Small text and cell helpers every parser shares. Officials type in full-width
 * forms (２５００，２０２４年) and hosts hand over cells in several shapes
 * (a value, a 1×1 matrix from a range argument, null for an omitted argument).
 */

/** Fold full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their ASCII forms. */
export function foldWidth(text: string): string {
  // Most texts have nothing to fold: find the first that needs it before building a new string.
  let i = 0;
  while (i < text.length && !isFoldable(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += text[i];
  }
  return out;
}

function isFoldable(code: number): boolean {
  return (code >= 0xff01 && code <= 0xff5e) || code === 0x3000;
}

/** Every whitespace a cell may hold, incl. the ideographic space and no-break space. */
export const WHITESPACE = /[\s\u3000\u00a0\ufeff]+/g; // /g: for replace() only, never test()

/** Fold width, then remove every whitespace (numbers and units never need it). */
export function compact(text: string): string {
  return foldWidth(text).replace(WHITESPACE, "");
}

/** Marker for "this cell holds nothing": the caller decides whether the input is needed. */
export const BLANK = Symbol("blank");

/**
 * Unwrap what a host passes for one cell: a 1×1 matrix ([[v]]) or a one-element
 * array becomes v; null, undefined and blank text become BLANK. Larger arrays are
 * returned as they are (the caller rejects them).
 */
export function unwrapCell(value: unknown): unknown {
  let cell = value;
  while (Array.isArray(cell) && cell.length === 1) cell = cell[0];
  if (cell === null || cell === undefined) return BLANK;
  if (Array.isArray(cell) && cell.length === 0) return BLANK;
  if (typeof cell === "string" && foldWidth(cell).replace(WHITESPACE, "") === "") return BLANK;
  return cell;
}

const MAX_QUOTED = 40;

/** The input as a message shows it: “…”, shortened when long, so a detail quotes what the official typed. */
export function quoteInput(value: unknown): string {
  return `“${showInput(value)}”`;
}

export function showInput(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") text = String(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  else if (Array.isArray(value)) text = `${value.flat(Infinity).length} 个单元格的区域`;
  else if (typeof value === "symbol") text = value.toString();
  else if (value === null) text = "null";
  else if (value === undefined) text = "undefined";
  else text = Object.prototype.toString.call(value);
  text = text.replace(/[\r\n]+/g, " ");
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

/**
 * A plain decimal number: digits with an optional fraction and exponent, commas
 * allowed only as correct thousands grouping ("2,500", not "2,50" which in some
 * locales means 2.50). Returns the text without commas, or null.
 */
export function stripThousands(numberText: string): string | null {
  if (!numberText.includes(",")) return numberText;
  return /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(numberText) ? numberText.replace(/,/g, "") : null;
}

const SPLIT_DIGITS = /[\d.,\uff0c\uff0e\uff10-\uff19][\s\u3000\u00a0]+[\d.,\uff0c\uff0e\uff10-\uff19]/;

/** "25 00", "1 200": digits split by a space are two numbers or a typo, never silently joined. */
export function hasSplitDigits(text: string): boolean {
  return SPLIT_DIGITS.test(text);
}

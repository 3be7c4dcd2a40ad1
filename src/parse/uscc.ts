/**
 * 统一社会信用代码 (USCC), GB 32100-2015 (R15): 18 characters from 0-9 and
 * ABCDEFGHJKLMNPQRTUWXY (no I, O, S, V, Z). Characters 3–8 are the registering
 * authority's GB/T 2260 division code; character 18 is a check character.
 * A failed check is a warning, never a rejection: some 2015 Fujian pilot codes
 * fail it, so nothing here throws for a bad code.
 */
import { valueError } from "../errors";
import { foldWidth, WHITESPACE } from "./text";

export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** w_i = 3^(i−1) mod 31 for i = 1 … 17. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let weight = 1;
  for (let k = 0; k < i; k++) weight = (weight * 3) % 31;
  return weight;
});

export interface UsccCheck {
  /** Trimmed, full width folded, upper-cased. */
  readonly normalized: string;
  /** 18 characters, all from the GB 32100 alphabet. */
  readonly wellFormed: boolean;
  /** Well formed and the 18th character is the computed check character. */
  readonly checksumOk: boolean;
  /** Characters 3–8 when the code has 18 characters and those six are digits. */
  readonly divisionCode: string | null;
}

/** Normalise and check a credit code. Never throws (R15: a failed check is a warning). */
export function checkUscc(value: unknown): UsccCheck {
  const normalized = normaliseUscc(value);
  // One pass over the 18 characters (a fill checks every row's code): alphabet, weighted sum, digits 3–8.
  let wellFormed = normalized.length === 18;
  let divisionDigits = wellFormed;
  let sum = 0;
  for (let i = 0; wellFormed && i < 18; i++) {
    const code = normalized.charCodeAt(i);
    const charValue = code < 128 ? ALPHABET_VALUE[code] : -1;
    if (charValue < 0) wellFormed = false;
    else if (i < 17) sum += charValue * USCC_WEIGHTS[i];
    if (i >= 2 && i < 8 && !(code >= 48 && code <= 57)) divisionDigits = false;
  }
  if (!wellFormed && normalized.length === 18) divisionDigits = /^\d{6}$/.test(normalized.slice(2, 8));
  const checksumOk = wellFormed && USCC_ALPHABET[(31 - (sum % 31)) % 31] === normalized[17];
  return { normalized, wellFormed, checksumOk, divisionCode: divisionDigits ? normalized.slice(2, 8) : null };
}

export function isUsccChecksumValid(value: unknown): boolean {
  return checkUscc(value).checksumOk;
}

/** What checkUscc(value).normalized is, without the checks: trimmed, full width folded, upper-cased. */
export function normaliseUscc(value: unknown): string {
  let cell = value;
  while (Array.isArray(cell) && cell.length === 1) cell = cell[0];
  if (typeof cell !== "string") return typeof cell === "number" && Number.isFinite(cell) ? String(cell) : "";
  if (isDigitsAndCapitals(cell)) return cell; // a ledger's codes mostly are already: no new strings per row
  return foldWidth(cell).replace(WHITESPACE, " ").trim().toUpperCase();
}

function isDigitsAndCapitals(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90))) return false;
  }
  return true;
}

/** Each ASCII character's value in the alphabet (−1 outside it): the check runs on every filled row. */
const ALPHABET_VALUE = Int8Array.from({ length: 128 }, (_, code) => USCC_ALPHABET.indexOf(String.fromCharCode(code)));

/** The check character of the first 17 characters (well formed): 31 − (Σ value·weight mod 31), with 31 written as 0. */
function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET_VALUE[first17.charCodeAt(i)] * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** A full, valid USCC from its first 17 characters (for tests and sample data). */
export function makeUscc(prefix17: string): string {
  const prefix = foldWidth(prefix17).trim().toUpperCase();
  if (!/^[0-9ABCDEFGHJKLMNPQRTUWXY]{17}$/.test(prefix)) {
    throw valueError("code", `统一社会信用代码前 17 位须为 17 个数字或大写字母（不含 I、O、S、V、Z）：“${prefix17}”`);
  }
  return prefix + usccCheckChar(prefix);
}

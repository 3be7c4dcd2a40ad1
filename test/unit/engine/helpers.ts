/** Test helpers: exact 万元 → 分 from decimal text, tag masks by name. */
import { CANONICAL_TAGS, type Tag, type TagMask } from "../../../src/model";
import { isXsgError, type XsgError } from "../../../src/errors";

/** "1999.9999" 万元 ⇒ 1999999900 分, exactly (no float multiplication). */
export function fen(wanText: string | number): number {
  const [whole, fraction = ""] = String(wanText).split(".");
  if (fraction.length > 6) throw new Error(`too many decimals: ${wanText}`);
  return Number(whole) * 1_000_000 + Number(fraction.padEnd(6, "0"));
}

export function tags(...names: Tag[]): TagMask {
  return names.reduce((mask, name) => mask | (1 << CANONICAL_TAGS.indexOf(name)), 0);
}

/** The XsgError `fn` throws (fails the test when it throws nothing or something else). */
export function xsgErrorOf(fn: () => unknown): XsgError {
  try {
    fn();
  } catch (error) {
    if (isXsgError(error)) return error;
    throw error;
  }
  throw new Error("expected an XsgError, nothing was thrown");
}

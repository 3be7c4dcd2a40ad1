/** Test helpers: exact 万元 → 分 from decimal text, tag masks by name. */
import { CANONICAL_TAGS, type Tag, type TagMask } from "../../../src/model";

/** "1999.9999" 万元 ⇒ 1999999900 分, exactly (no float multiplication). */
export function fen(wanText: string | number): number {
  const [whole, fraction = ""] = String(wanText).split(".");
  if (fraction.length > 6) throw new Error(`too many decimals: ${wanText}`);
  return Number(whole) * 1_000_000 + Number(fraction.padEnd(6, "0"));
}

export function tags(...names: Tag[]): TagMask {
  return names.reduce((mask, name) => mask | (1 << CANONICAL_TAGS.indexOf(name)), 0);
}

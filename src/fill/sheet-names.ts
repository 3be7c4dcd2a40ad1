/** Excel's rules for sheet names, shared by every host that adds a sheet. */

/** A legal sheet name: none of []:*?/\ (each becomes "_"), at most 31 characters; `fallback` when nothing is left. */
export function legalSheetName(wanted: string, fallback: string): string {
  return wanted.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || fallback;
}

/** "XSG汇总", then "XSG汇总 (2)", … (Excel sheet names are unique ignoring case, ≤ 31 characters). */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  const base = legalSheetName(wanted, "XSG");
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

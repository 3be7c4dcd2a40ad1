/**
 * Cheap guards on already-parsed inputs. Hosts parse with src/parse first; these catch a
 * caller that passes something the parsers would never produce (R11: #VALUE! naming it).
 */
import { naError, valueError, type XsgError } from "../errors";

/** A year the rule needs: missing ⇒ #N/A, not an integer ⇒ #VALUE!. */
export function checkYear(value: number, field: string): void {
  if (value === null || value === undefined) throw naError(field, "缺少年份");
  if (!Number.isInteger(value)) throw valueError(field, `年份应为整数，实际为 ${String(value)}`);
}

/** Money in integer 分, or null/undefined for missing. */
export function checkFen(value: number | null | undefined, field: string): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value)) throw valueError(field, `金额应为整数分，实际为 ${String(value)}`);
  if (value < 0) throw valueError(field, "金额不能为负");
}

export function checkArea(value: number | null | undefined, field: string): void {
  if (value === null || value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value))
    throw valueError(field, `面积应为数字（平方米），实际为 ${String(value)}`);
  if (value < 0) throw valueError(field, "面积不能为负");
}

export function checkMonths(value: number | null | undefined, field: string): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value)) throw valueError(field, `月数应为整数，实际为 ${String(value)}`);
  if (value < 0) throw valueError(field, "月数不能为负");
}

/** U omitted ⇒ U = Y; U > Y ⇒ #VALUE! (R3). */
export function resolveUpgradeYear(year: number, upgradeYear: number | null | undefined): number {
  checkYear(year, "year");
  if (upgradeYear === null || upgradeYear === undefined) return year;
  checkYear(upgradeYear, "upgradeYear");
  if (upgradeYear > year) throw upgradeAfterYear(upgradeYear, year);
  return upgradeYear;
}

/** U > Y errors by U·10000 + Y: a column repeats the same pair, and an XsgError is only ever read. */
const afterYearErrors = new Map<number, XsgError>();

function upgradeAfterYear(upgradeYear: number, year: number): XsgError {
  const key = upgradeYear * 10_000 + year;
  let error = afterYearErrors.get(key);
  if (error === undefined) {
    error = valueError("upgradeYear", `升规年份 ${upgradeYear} 晚于评价年度 ${year}（R3）`);
    if (afterYearErrors.size >= 1024) afterYearErrors.clear();
    afterYearErrors.set(key, error);
  }
  return error;
}

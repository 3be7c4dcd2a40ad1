/**
 * Cheap guards on already-parsed inputs. Hosts parse with src/parse first; these catch a
 * caller that passes something the parsers would never produce (R11: #VALUE! naming it).
 */
import { naError, valueError, XsgError } from "../errors";

/**
 * The value, or throws the XsgError it is. The hot paths (AWARD, the fill, the bench) return an
 * input's error instead of throwing it — a throw and catch per bad row costs more than the whole
 * evaluation of a good one — and the throwing API is this wrapper around them.
 */
export function orThrow<T>(result: T | XsgError): T {
  if (result instanceof XsgError) throw result;
  return result;
}

/** A year the rule needs: missing ⇒ #N/A, not an integer ⇒ #VALUE!. */
export function checkYear(value: number, field: string): void {
  const problem = yearProblem(value, field);
  if (problem !== null) throw problem;
}

function yearProblem(value: number, field: string): XsgError | null {
  if (value === null || value === undefined) return naError(field, "缺少年份");
  if (!Number.isInteger(value)) return valueError(field, `年份应为整数，实际为 ${String(value)}`);
  return null;
}

/** Money in integer 分, or null/undefined for missing. */
export function checkFen(value: number | null | undefined, field: string): void {
  const problem = fenProblem(value, field);
  if (problem !== null) throw problem;
}

/** checkFen's error without throwing it: null when the money is fine. */
export function fenProblem(value: number | null | undefined, field: string): XsgError | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value)) return valueError(field, `金额应为整数分，实际为 ${String(value)}`);
  if (value < 0) return valueError(field, "金额不能为负");
  return null;
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
  return orThrow(upgradeYearOrError(year, upgradeYear));
}

/** resolveUpgradeYear's answer, its error returned rather than thrown. */
export function upgradeYearOrError(year: number, upgradeYear: number | null | undefined): number | XsgError {
  const badYear = yearProblem(year, "year");
  if (badYear !== null) return badYear;
  if (upgradeYear === null || upgradeYear === undefined) return year;
  const badUpgrade = yearProblem(upgradeYear, "upgradeYear");
  if (badUpgrade !== null) return badUpgrade;
  if (upgradeYear > year) return upgradeAfterYear(upgradeYear, year);
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

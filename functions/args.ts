/**
 * Excel argument shapes → plain values the core parsers take. No policy here:
 * only the shapes Excel (desktop, web, Mac) hands a custom function.
 *  - an omitted optional argument arrives as null (some hosts: undefined);
 *  - an empty cell arrives as null or "" — or [[null]] / [[""]] for a matrix parameter;
 *  - a matrix parameter given a single value receives [[value]];
 *  - the CustomFunctions.Invocation object is appended after the declared
 *    arguments; a host that does not pad omitted arguments puts it in an
 *    argument's place, so a plain object in an argument position means "not given";
 *  - the metadata generator sets allowCustomDataForDataTypeAny, so an `any`
 *    argument may arrive as a cell-value object ({ type, basicValue }): its
 *    basicValue is used, and an error cell ({ type: "Error" }) is reported as such.
 */
import { naError, valueError } from "../src/errors";
import type { Yuan } from "../src/model";
import { yuanToWanNumber } from "../src/engine/arith";

interface CellValueLike {
  type?: unknown;
  basicValue?: unknown;
  errorType?: unknown;
}

/** A scalar argument as the parsers want it: a primitive, or null when missing. */
export function scalarArg(value: unknown, field: string): unknown {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "object") return value;
  return objectArg(value, field);
}

function objectArg(value: object, field: string): unknown {
  if (Array.isArray(value)) {
    // A 1×1 range reaching a scalar position: use its cell. Anything larger is
    // left for the parser to refuse with #VALUE!.
    const row = value.length === 1 ? value[0] : undefined;
    return Array.isArray(row) && row.length === 1 ? scalarArg(row[0], field) : value;
  }
  if ("basicValue" in value || "type" in value) return cellValue(value as CellValueLike, field);
  return null; // the Invocation object (or another host object) in an omitted argument's place
}

function cellValue(cell: CellValueLike, field: string): unknown {
  if (cell.type === "Error") {
    const shown = typeof cell.basicValue === "string" ? cell.basicValue : "#VALUE!";
    const detail = `单元格是错误值 ${shown}，请先更正该单元格`;
    throw cell.errorType === "NotAvailable" || shown === "#N/A" ? naError(field, detail) : valueError(field, detail);
  }
  return cell.basicValue === undefined ? null : scalarArg(cell.basicValue, field);
}

/**
 * A matrix argument (attributes): null when missing or all-empty, else a matrix
 * of primitives (cell-value objects unwrapped). A scalar from a host that does
 * not wrap it is returned as is — the tag parser takes text too.
 */
export function matrixArg(value: unknown, field: string): unknown {
  if (value === null || value === undefined || value === "") return null;
  if (!Array.isArray(value)) return typeof value === "object" ? objectArg(value, field) : value;
  if (value.length === 1) {
    const row: unknown = value[0];
    if (Array.isArray(row) && row.length === 1) {
      const only: unknown = row[0];
      if (only === null || only === undefined || only === "") return null;
      if (typeof only !== "object") return value;
    }
  }
  return hasObjectCell(value) ? unwrapCells(value, field) : value;
}

function hasObjectCell(matrix: readonly unknown[]): boolean {
  for (const row of matrix) {
    if (!Array.isArray(row)) return row !== null && typeof row === "object";
    for (const cell of row) if (cell !== null && typeof cell === "object") return true;
  }
  return false;
}

function unwrapCells(matrix: readonly unknown[], field: string): unknown[][] {
  return matrix.map((row) =>
    Array.isArray(row) ? row.map((cell) => scalarArg(cell, field)) : [scalarArg(row, field)],
  );
}

/**
 * Remembers what a parser made of a text argument. Filling a column repeats the
 * same texts ("2500万元", "2024年"); parsing text costs microseconds, a Map lookup
 * nanoseconds. Only successes are kept (the result does not depend on the field
 * name); a failing text is parsed again so its error names the right argument.
 * Bounded: cleared when full, so a sheet of unique texts cannot grow memory.
 */
export function cachingTextParser<T>(parse: (value: unknown, field: string) => T, limit = 4096) {
  const cache = new Map<string, T>();
  return (value: unknown, field: string): T => {
    if (typeof value !== "string") return parse(value, field);
    const known = cache.get(value);
    if (known !== undefined) return known;
    const parsed = parse(value, field);
    if (cache.size >= limit) cache.clear();
    cache.set(value, parsed);
    return parsed;
  };
}

/** A required argument that is missing is #N/A (R11: an input the rule needs is missing). */
export function required<T>(value: T | null, field: string): T {
  if (value === null) throw naError(field, "未填写（必填参数）");
  return value;
}

/**
 * 元 → 万元 for Excel. `yuan / 10000` of an integer is the double nearest the
 * 4-decimal value (9.9999, never 9.999899999999998), so no further rounding is
 * needed. A non-integer, negative or unsafe amount is a defect, not a result.
 */
export function toWan(yuan: Yuan): number {
  if (!Number.isSafeInteger(yuan) || yuan < 0) {
    throw new Error(`核心返回了无效金额 ${String(yuan)}（应为非负整数元）`);
  }
  return yuanToWanNumber(yuan);
}

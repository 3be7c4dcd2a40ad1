/**
 * The XSG functions as WPS 表格 (ET) custom functions: a thin wrapper over the Excel entries in
 * ./functions, so both hosts compute with the same code and give the same results. What differs
 * is only how WPS hands arguments over and what it can show:
 *  - an omitted optional argument may arrive as DISP_E_PARAMNOTFOUND (-2147352572), undefined,
 *    null or "" (third-party reports; WPS documents none of it): all become null, Excel's "omitted";
 *  - a single cell may arrive wrapped as { Value2 } (reported, unverified): unwrapped;
 *  - an error cell read through Value2 is a CVErr number (#N/A = -2146826246): it becomes the
 *    cell-value error object the Excel path already reports ("单元格是错误值 #N/A…");
 *  - a range for `attributes` is a 2-D array; a 1-D one (single row or column) is made 2-D;
 *  - WPS has no documented way to return #VALUE!/#N/A from a custom function, so an error is
 *    returned as TEXT that starts with the Excel code and carries the same Chinese message
 *    ("#N/A 参数 year（评估年度）：未填写（必填参数）"): see WPS_ERROR_TEXT and the README.
 * Registration follows the official template (wpsjs): functions.json + manifest.xml declare the
 * metadata, wps.AddCustomFunction(namespace, name, fn) binds each function, guarded for hosts
 * without custom functions. Names: the Excel id is the export name upper-cased (award → AWARD).
 */
import { CV_ERRORS } from "./cv-errors";
import * as entries from "./functions";

export { CV_ERRORS };

export const WPS_NAMESPACE = "XSG";

/** VARIANT "parameter not found" (DISP_E_PARAMNOTFOUND), how COM marks an omitted optional argument. */
export const PARAM_NOT_FOUND = -2147352572;

/** The text a cell shows for an XSG error in WPS: "<Excel code> <Chinese message>". */
export const WPS_ERROR_TEXT = /^(#VALUE!|#N\/A) ([\s\S]*)$/;

type Entry = (...args: unknown[]) => unknown;

/** Excel id → entry, from the exports of ./functions (one source for Excel and WPS). */
export const WPS_FUNCTIONS: Readonly<Record<string, Entry>> = Object.fromEntries(
  Object.entries(entries)
    .filter(([, fn]) => typeof fn === "function")
    .map(([name, fn]) => [name.toUpperCase(), fn as Entry]),
);

/** A cell-value error object, the shape functions/args.ts reports as "单元格是错误值 …". */
function errorCell(shown: string): object {
  return { type: "Error", basicValue: shown, errorType: shown === "#N/A" ? "NotAvailable" : undefined };
}

/** One cell of a WPS argument as the Excel path expects it. */
function cellArgument(value: unknown): unknown {
  if (value === undefined || value === PARAM_NOT_FOUND) return null;
  if (typeof value === "number" && CV_ERRORS[value] !== undefined) return errorCell(CV_ERRORS[value]);
  if (value !== null && typeof value === "object" && !Array.isArray(value) && "Value2" in value) {
    return wpsArgument((value as { Value2: unknown }).Value2);
  }
  return value;
}

/** A WPS argument (scalar, {Value2} cell, 1-D or 2-D array) as Excel would pass it. */
export function wpsArgument(value: unknown): unknown {
  if (!Array.isArray(value)) return cellArgument(value);
  const rows = value.some(Array.isArray) ? value : [value];
  return rows.map((row: unknown) => (Array.isArray(row) ? row.map(cellArgument) : [cellArgument(row)]));
}

/** What a WPS cell shows for a result: values as they are, XSG errors as their code and message. */
function wpsResult(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    if (code === "#VALUE!" || code === "#N/A") return `${code} ${String(message ?? "")}`;
    return `#VALUE! XSG 内部错误，请向维护人员报告：${String(message ?? error)}`;
  }
}

/** The WPS-callable form of an Excel entry: arguments normalised, errors shown as text. */
export function wpsFunction(entry: Entry, arity: number): Entry {
  return (...args: unknown[]) => {
    const excelArgs = Array.from({ length: arity }, (_, i) => wpsArgument(args[i]));
    return wpsResult(() => entry(...excelArgs));
  };
}

/** The part of the WPS root that registers functions (wps / Application in the add-in page). */
export interface CustomFunctionHost {
  AddCustomFunction?: (namespace: string, name: string, callback: (...args: unknown[]) => unknown) => void;
}

/**
 * Binds all XSG functions on `host`. Returns the names registered, or [] when this WPS has no
 * custom functions (before 12.1.0.20540): the taskpane still works there.
 */
export function registerWpsFunctions(host: CustomFunctionHost | undefined): string[] {
  if (!host || typeof host.AddCustomFunction !== "function") return [];
  const names: string[] = [];
  for (const [name, entry] of Object.entries(WPS_FUNCTIONS)) {
    host.AddCustomFunction(WPS_NAMESPACE, name, wpsFunction(entry, entry.length));
    names.push(name);
  }
  return names;
}

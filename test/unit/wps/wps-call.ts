/**
 * Calls XSG functions as WPS 表格 does, with the same exports as ../functions/excel-call so the
 * Excel function tests run unchanged against the WPS add-in (jest project "wps-functions" maps
 * "./excel-call" here). The functions are taken from what registerWpsFunctions binds on a fake
 * `wps` root; an omitted argument arrives as DISP_E_PARAMNOTFOUND, a range as a 2-D array, and a
 * result that is WPS error text ("#N/A 参数 …") is read back as the error it stands for.
 */
import { registerWpsFunctions, PARAM_NOT_FOUND, WPS_ERROR_TEXT, WPS_NAMESPACE } from "../../../functions/wps";
import { CATALOGUE, MATRIX_PARAMS, paramName } from "../functions/catalogue";
import { EMPTY_CELL, OMIT, invocationFor, outcomeHelpers, type Outcome } from "../functions/excel-call";

export { EMPTY_CELL, OMIT, invocationFor, type Outcome };

type Registered = (...args: unknown[]) => unknown;

/** What the add-in page binds, keyed "XSG.AWARD". */
export function registeredFunctions(): Map<string, Registered> {
  const bound = new Map<string, Registered>();
  registerWpsFunctions({
    AddCustomFunction: (namespace, name, callback) => bound.set(`${namespace}.${name}`, callback),
  });
  return bound;
}

const REGISTERED = registeredFunctions();

/** The argument list WPS builds for `=XSG.<id>(given…)`. */
export function wpsArguments(id: string, given: readonly unknown[]): unknown[] {
  const spec = CATALOGUE.find((f) => f.id === id);
  if (!spec) throw new Error(`not in the catalogue: ${id}`);
  if (given.length > spec.params.length) throw new Error(`${id} takes ${spec.params.length} arguments`);
  return spec.params.map((p, i) => {
    const matrix = MATRIX_PARAMS.has(paramName(p));
    const value = i < given.length ? given[i] : OMIT;
    if (value === OMIT) return PARAM_NOT_FOUND;
    if (value === EMPTY_CELL) return matrix ? [[null]] : null;
    return matrix && !Array.isArray(value) ? [[value]] : value;
  });
}

export function call(id: string, ...given: unknown[]): Outcome {
  const fn = REGISTERED.get(`${WPS_NAMESPACE}.${id}`);
  if (!fn) throw new Error(`XSG.${id} is not registered in WPS`);
  const value = fn(...wpsArguments(id, given));
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    throw new Error(`${id} returned an object WPS cannot show: ${String(value)}`);
  }
  const shown = typeof value === "string" ? WPS_ERROR_TEXT.exec(value) : null;
  return shown ? { error: { code: shown[1], message: shown[2] } } : { value };
}

export const { value, wan, excelError } = outcomeHelpers(call);

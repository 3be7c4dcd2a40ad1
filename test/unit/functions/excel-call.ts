/**
 * Calls XSG functions exactly as Excel does: every declared argument present
 * (an omitted optional one as null), a matrix argument given one value as
 * [[value]], and the CustomFunctions.Invocation object appended last.
 */
import * as entries from "../../../functions/functions";
import { CATALOGUE, MATRIX_PARAMS, paramName } from "./catalogue";

/** Marks an argument the formula leaves out (Excel passes null). */
export const OMIT = Symbol("omitted");
/** Marks an argument that refers to an empty cell. */
export const EMPTY_CELL = Symbol("empty cell");

const ENTRY_OF_ID: Record<string, (...args: any[]) => unknown> = {
  AWARD: entries.award,
  ELIGIBLE: entries.eligible,
  TOTAL: entries.total,
  SCHEDULE: entries.schedule,
  STATUS: entries.status,
  TECH: entries.tech,
  RENT: entries.rent,
  BID: entries.bid,
  EXPLAIN: entries.explain,
  POLICY: entries.policy,
  REGIONS: entries.regions,
  REGIONOF: entries.regionOf,
  USCCVALID: entries.usccValid,
};

export function invocationFor(id: string): object {
  return { functionName: `XSG.${id}`, address: undefined, parameterAddresses: undefined, setResult: undefined };
}

/** The argument list Excel builds for `=XSG.<id>(given…)`. */
export function excelArguments(id: string, given: readonly unknown[]): unknown[] {
  const spec = CATALOGUE.find((f) => f.id === id);
  if (!spec) throw new Error(`not in the catalogue: ${id}`);
  if (given.length > spec.params.length) throw new Error(`${id} takes ${spec.params.length} arguments`);
  const args = spec.params.map((p, i) => {
    const matrix = MATRIX_PARAMS.has(paramName(p));
    const value = i < given.length ? given[i] : OMIT;
    if (value === OMIT) return null;
    if (value === EMPTY_CELL) return matrix ? [[null]] : null;
    return matrix && !Array.isArray(value) ? [[value]] : value;
  });
  return [...args, invocationFor(id)];
}

export type Outcome = { value: unknown } | { error: { code: string; message: string } };

export function call(id: string, ...given: unknown[]): Outcome {
  const fn = ENTRY_OF_ID[id];
  try {
    const value = fn(...excelArguments(id, given));
    if (value !== null && typeof value === "object" && typeof (value as { then?: unknown }).then === "function") {
      throw new Error(`${id} returned a Promise`);
    }
    return { value };
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown };
    if (typeof e.code !== "string") throw error; // not an Excel error: a test failure, never an Excel value
    return { error: { code: e.code, message: String(e.message) } };
  }
}

type Caller = (id: string, ...given: unknown[]) => Outcome;

/** value / wan / excelError over a host's `call` (Excel here, WPS in ../wps/wps-call). */
export function outcomeHelpers(callIn: Caller) {
  /** The value of a call that must succeed. */
  function value(id: string, ...given: unknown[]): unknown {
    const outcome = callIn(id, ...given);
    if ("error" in outcome) throw new Error(`=XSG.${id} gave ${outcome.error.code} ${outcome.error.message}`);
    return outcome.value;
  }
  /** A finite number with at most 4 decimals (万元 to the yuan). */
  function wan(id: string, ...given: unknown[]): number {
    const result = value(id, ...given);
    if (typeof result !== "number" || !Number.isFinite(result))
      throw new Error(`=XSG.${id} gave ${String(result)}, not a finite number`);
    if (result !== Number(result.toFixed(4))) throw new Error(`=XSG.${id} gave ${result}: more than 4 decimals`);
    return result;
  }
  /** The Excel error of a call that must fail. */
  function excelError(id: string, ...given: unknown[]): { code: string; message: string } {
    const outcome = callIn(id, ...given);
    if (!("error" in outcome)) throw new Error(`=XSG.${id} gave ${JSON.stringify(outcome.value)}, expected an error`);
    return outcome.error;
  }
  return { value, wan, excelError };
}

export const { value, wan, excelError } = outcomeHelpers(call);

/** Turning engine and host failures into the official's language. */
import { FillError, type FillResult } from "../../src/fill";
import { fmt, type Strings } from "../strings";

/** FillError carries Chinese and English; anything else (a host failure) shows its own message. */
export function errorText(error: unknown, strings: Strings): string {
  if (error instanceof FillError) return strings.lang === "en" ? error.messageEn : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function errorCode(error: unknown): string | null {
  return error instanceof FillError ? error.code : null;
}

/** The engine's Chinese sentence says which rows were written; English is built from the counts. */
export function fillOutcomeText(result: FillResult, strings: Strings): string {
  if (strings.lang === "zh") return result.message;
  if (result.cancelled) return fmt(strings.fillCancelled, { done: result.completedRows, total: result.totalRows });
  return fmt(strings.fillDone, { done: result.completedRows });
}

/**
 * What a sheet cell holds, in the shapes hosts hand over: Excel gives errors as "#N/A"
 * strings (or {type:"Error"} objects through valuesAsJson), exceljs gives {error}, formula
 * cells as {formula, result}, rich text as {richText}, hyperlinks as {text, hyperlink}.
 */
import type { CellContent, CellValue } from "./types";

const ERROR_TEXT =
  /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/i;

export type CellReading =
  | { readonly kind: "blank" }
  | { readonly kind: "error"; readonly text: string; readonly detail?: string }
  | { readonly kind: "value"; readonly value: string | number | boolean | Date };

const BLANK: CellReading = { kind: "blank" };

/** Text shown for a formula without a calculated value, and the 说明 that says what to do. */
export const UNCALCULATED_TEXT = "#未计算";
const UNCALCULATED: CellReading = {
  kind: "error",
  text: UNCALCULATED_TEXT,
  detail: "公式没有计算结果（文件不是由 Excel 或 WPS 保存的）：请先在 Excel 或 WPS 中打开并保存该文件，再填充",
};
const BLANK_TEXT = /^[\s\u3000\u00a0\ufeff]*$/;

/** Whether a character may be white space (a superset of what BLANK_TEXT matches; CJK text never is). */
function mayBeSpace(code: number): boolean {
  return code <= 0x20 || (code >= 0x80 && code <= 0x3000) || code === 0xfeff;
}

/**
 * The value of a plain cell — text that is neither blank nor an error literal, or a finite
 * number — else undefined (read it with readCell). Most cells are plain: a batch fill reads
 * them through this without a CellReading object each.
 */
export function plainCellValue(cell: CellValue | unknown): string | number | undefined {
  if (typeof cell === "string") {
    // A text whose first character cannot be white space is not blank: the expression only for the others.
    if (cell.length === 0 || (mayBeSpace(cell.charCodeAt(0)) && BLANK_TEXT.test(cell))) return undefined;
    return isErrorLiteral(cell) ? undefined : cell;
  }
  return typeof cell === "number" && Number.isFinite(cell) ? cell : undefined;
}

/** "#N/A", " #value! ": an error typed or pasted as text. */
function isErrorLiteral(text: string): boolean {
  return text.includes("#") && ERROR_TEXT.test(text.trim());
}

export function readCell(cell: CellValue | unknown): CellReading {
  const plain = plainCellValue(cell);
  if (plain !== undefined) return { kind: "value", value: plain };
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === "string") {
    // Not plain: an error literal, or blank.
    return isErrorLiteral(cell) ? { kind: "error", text: cell.trim().toUpperCase() } : BLANK;
  }
  if (typeof cell === "number") return { kind: "error", text: "#NUM!" }; // not finite
  if (typeof cell === "boolean") return { kind: "value", value: cell };
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? { kind: "error", text: "#VALUE!" } : { kind: "value", value: cell };
  if (typeof cell === "object") {
    const o = cell as Record<string, unknown>;
    if (o.uncalculated === true) return UNCALCULATED;
    if (o.type === "Error" || o.errorType !== undefined)
      return { kind: "error", text: String(o.basicValue ?? "#VALUE!") };
    if (o.error !== undefined) return { kind: "error", text: String(o.error) };
    if ("result" in o) return readCell(o.result);
    if (Array.isArray(o.richText))
      return readCell(o.richText.map((part) => String((part as { text?: unknown }).text ?? "")).join(""));
    if ("text" in o) return readCell(o.text);
    if ("basicValue" in o) return readCell(o.basicValue);
  }
  return { kind: "error", text: "#VALUE!" };
}

/** A cell as the official sees it, for facts and messages. */
export function displayCell(cell: CellValue | unknown): string {
  const plain = plainCellValue(cell); // most cells: their text, without a CellReading
  if (plain !== undefined) return typeof plain === "string" ? plain.trim() : String(plain);
  return displayReading(readCell(cell));
}

/** displayCell of a cell already read. */
export function displayReading(r: CellReading): string {
  if (r.kind === "blank") return "";
  if (r.kind === "error") return r.text;
  if (r.value instanceof Date) return r.value.toISOString().slice(0, 10);
  return String(r.value).trim();
}

/** The plain value to hand to a parser: null for blank; errors are reported by the caller. */
export function plainValue(cell: CellValue | unknown): string | number | boolean | Date | null {
  const r = readCell(cell);
  return r.kind === "value" ? r.value : null;
}

export function isEmptyContent(c: CellContent): boolean {
  return c === null || c === "";
}

/** Whether two cell contents are the same to an official (an empty string is an empty cell). */
export function sameContent(a: CellContent, b: CellContent): boolean {
  if (a === b) return true;
  if (isEmptyContent(a) && isEmptyContent(b)) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if ("formula" in a && "formula" in b) return a.formula === b.formula;
  if ("error" in a && "error" in b) return a.error === b.error;
  return false;
}

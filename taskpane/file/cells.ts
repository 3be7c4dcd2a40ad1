/**
 * exceljs cell values ↔ the fill engine's CellValue (what a cell shows) and CellContent (what it
 * holds exactly, for undo and the overwrite check). Mirrors taskpane/excel/cell-input.ts for files.
 *
 * exceljs shapes: number | string | boolean | Date | null, { formula | sharedFormula, result },
 * { richText: [{ text }] }, { text, hyperlink }, { error: "#N/A" }; a merged cell other than the
 * top-left one reports its master's value, which Excel does not: it reads as empty here.
 */
import type ExcelJS from "exceljs";
import type { CellContent, CellValue } from "../../src/fill/types";

/** Days from Excel's epoch (1899-12-30, which absorbs the 1900 leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86_400_000;

/** The 1904 date system (old Mac workbooks) counts from 1904-01-01: 1462 days later. */
const DATE_1904_SHIFT_DAYS = 1462;

/** A JS Date (exceljs reads date cells as UTC dates) as the serial number Excel stores. */
export function dateToSerial(date: Date, date1904 = false): number {
  return date.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET_DAYS - (date1904 ? DATE_1904_SHIFT_DAYS : 0);
}

type RawValue = ExcelJS.CellValue | undefined;

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && Array.isArray((value as ExcelJS.CellRichTextValue).richText)) {
    return (value as ExcelJS.CellRichTextValue).richText.map((part) => part.text ?? "").join("");
  }
  return value === null || value === undefined ? "" : String(value);
}

/** Whether a cell is covered by a merge it does not start (Excel reads those as empty). */
export function isMergedSlave(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master !== cell;
}

/** What the cell shows, as the fill engine reads values. */
export function valueOfCell(cell: ExcelJS.Cell | undefined): CellValue {
  if (!cell || isMergedSlave(cell)) return null;
  return plainValue(cell.value);
}

function plainValue(value: RawValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value as CellValue;
  if ("error" in value) return { error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : plainValue(result as RawValue);
  }
  if ("richText" in value) return textOf(value);
  if ("hyperlink" in value) return textOf((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}

/** What the cell holds, exactly enough to put it back (a date as its serial, in the workbook's date system). */
export function contentOfCell(cell: ExcelJS.Cell | undefined, date1904 = false): CellContent {
  if (!cell || isMergedSlave(cell)) return null;
  const value = cell.value as RawValue;
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if ("error" in value) return { error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) return { formula: `=${cell.formula}` };
  if ("richText" in value) return textOf(value);
  if ("hyperlink" in value) return textOf((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}

/** The exceljs value that makes a cell hold `content`. */
export function cellValueOf(content: CellContent): ExcelJS.CellValue {
  if (content === null) return null;
  if (typeof content === "number") return Number.isFinite(content) ? content : null;
  if (typeof content !== "object") return content;
  if ("formula" in content) return { formula: content.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  return { error: content.error } as ExcelJS.CellErrorValue;
}

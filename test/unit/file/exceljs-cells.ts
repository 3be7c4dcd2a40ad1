/**
 * An independent reader for the file tests: exceljs cells → the fill engine's CellValue and
 * CellContent, the used area and the merges of an exceljs sheet. The add-in reads files with its
 * own XlsxPackage; tests read what it wrote with exceljs, so a fault in one cannot hide in the other.
 *
 * exceljs shapes: number | string | boolean | Date | null, { formula | sharedFormula, result },
 * { richText: [{ text }] }, { text, hyperlink }, { error: "#N/A" }; a merged cell other than the
 * top-left one reports its master's value, which Excel does not: it reads as empty here.
 */
import type ExcelJS from "exceljs";
import type { CellArea, CellContent, CellValue } from "../../../src/fill/types";
import { excelSerialOfTime } from "../../../src/parse/excelDate";

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
  // exceljs reads date cells as UTC dates.
  if (value instanceof Date) return excelSerialOfTime(value.getTime(), date1904);
  if ("error" in value) return { error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) return { formula: `=${cell.formula}` };
  if ("richText" in value) return textOf(value);
  if ("hyperlink" in value) return textOf((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}

/** The smallest rectangle holding every non-empty cell (0-based), or null for an empty sheet. */
export function usedArea(sheet: ExcelJS.Worksheet): CellArea | null {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.value === null || cell.value === undefined || cell.value === "") return;
      any = true;
      left = Math.min(left, columnNumber);
      right = Math.max(right, columnNumber);
    });
    if (any) {
      top = Math.min(top, rowNumber);
      bottom = rowNumber;
    }
  });
  if (bottom < 0) return null;
  return { top: top - 1, left: left - 1, rows: bottom - top + 1, columns: right - left + 1 };
}

/** Merged areas of a sheet, 0-based (from exceljs's private map; its public model copies every row). */
export function mergedAreasOf(sheet: ExcelJS.Worksheet): CellArea[] {
  const merges = (
    sheet as unknown as {
      _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
    }
  )._merges;
  return Object.values(merges ?? {}).map(({ model: m }) => ({
    top: m.top - 1,
    left: m.left - 1,
    rows: m.bottom - m.top + 1,
    columns: m.right - m.left + 1,
  }));
}

/**
 * The add-in's side of a round trip: the same sheet put into the Excel test double (cells typed
 * so that each holds exactly what the file holds), filled by ExcelFillHost + runFill. Tests compare
 * what the file route wrote with what the add-in writes.
 */
import type ExcelJS from "exceljs";
import {
  areaA1,
  autoMap,
  detectHeader,
  runFill,
  type CellArea,
  type FillDefaults,
  type FillMode,
  type FillResult,
} from "../../../src/fill";
import { ExcelFillHost } from "../../../taskpane/excel";
import { toExcelInput } from "../../../taskpane/excel/cell-input";
import { contentOfCell, mergedAreasOf, usedArea } from "./exceljs-cells";
import {
  installExcelDouble,
  uninstallExcelDouble,
  type DoubleSheetSpec,
  type DoubleWorkbook,
} from "../../doubles/excel-double";

/** A sheet as the double's typed input from A1: text quote-prefixed where Excel would re-read it, errors as literals. */
export function doubleSheetOf(sheet: ExcelJS.Worksheet): DoubleSheetSpec {
  const used = usedArea(sheet);
  const cells: unknown[][] = [];
  if (used) {
    for (let r = 0; r < used.top + used.rows; r++) {
      const row = sheet.findRow(r + 1);
      const line: unknown[] = [];
      for (let c = 0; c < used.left + used.columns; c++) {
        const content = contentOfCell(row?.findCell(c + 1));
        line.push(content === null ? null : toExcelInput(content));
      }
      cells.push(line);
    }
  }
  return { name: sheet.name, cells, merged: mergedAreasOf(sheet).map(areaA1) };
}

export interface AddinFill {
  readonly workbook: DoubleWorkbook;
  readonly result: FillResult;
  /** Displayed values of an absolute area of the filled sheet ("" for empty). */
  values(area: CellArea): (string | number | boolean)[][];
  formulas(area: CellArea): (string | number | boolean)[][];
}

/** Fill `sheetName` of `workbook` the way the Excel add-in does (auto mapping, like the CLI). */
export async function fillLikeTheAddin(
  source: ExcelJS.Workbook,
  sheetName: string,
  defaults: FillDefaults,
  mode: FillMode = "values",
): Promise<AddinFill> {
  const workbook = installExcelDouble(globalThis, {
    sheets: source.worksheets.map(doubleSheetOf),
    activeSheet: sheetName,
  });
  try {
    const host = new ExcelFillHost();
    const info = await host.describeRegion();
    const header = detectHeader(info.head);
    if (!header) throw new Error("no header");
    const mapping = autoMap(header.headers, { unitHint: header.unitHint });
    const result = await runFill(host, { mapping, defaults, mode });
    const sheet = workbook.sheet(sheetName);
    return {
      workbook,
      result,
      values: (area) => sheet.values(areaA1(area)),
      formulas: (area) => sheet.formulas(areaA1(area)),
    };
  } finally {
    uninstallExcelDouble(globalThis);
  }
}

/** Displayed value of an exceljs cell, in the double's terms ("" for empty, error text for errors). */
export function shownValue(cell: ExcelJS.Cell | undefined): string | number | boolean {
  const value = cell?.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if (value instanceof Date) return value.toISOString();
    if ("error" in value) return String(value.error);
    if ("formula" in value) return `=${cell!.formula}`;
    if ("richText" in value) return value.richText.map((p) => p.text).join("");
    return JSON.stringify(value);
  }
  return value;
}

/** exceljs cells of an absolute area as displayed values. */
export function fileValues(sheet: ExcelJS.Worksheet, area: CellArea): (string | number | boolean)[][] {
  const out: (string | number | boolean)[][] = [];
  for (let r = 0; r < area.rows; r++) {
    const row = sheet.findRow(area.top + r + 1);
    const line: (string | number | boolean)[] = [];
    for (let c = 0; c < area.columns; c++) line.push(shownValue(row?.findCell(area.left + c + 1)));
    out.push(line);
  }
  return out;
}

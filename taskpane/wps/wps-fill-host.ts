/**
 * WpsFillHost: the fill engine's FillHost over WPS 表格's object model (ET), the ONLY code in XSG
 * that reads or writes a WPS workbook. ET is synchronous and every property get, set or method
 * call crosses into WPS (about 0.2 ms each, third-party measurement), so the host reads and
 * writes whole blocks through one Value2 / Formula access per block and never loops over cells.
 * Writes take effect at once (no batch to roll back), which is why the engine validates first and
 * keeps its own undo snapshot (readBlock before writeBlock). While the host writes, screen
 * updating, events and automatic calculation are paused, and restored in `finally`.
 */
import { areaA1 } from "../../src/fill/address";
import { uniqueSheetName } from "../../src/fill/sheet-names";
import type {
  CellArea,
  CellContent,
  CellValue,
  DescribeRegionOptions,
  FillHost,
  RegionInfo,
  SelectedCell,
  SummaryLayout,
} from "../../src/fill/types";
import { CV_ERRORS } from "../../functions/cv-errors";
import { toExcelInput } from "../excel/cell-input";
import {
  asChartObjects,
  asWorksheet,
  XL_CALCULATION_MANUAL,
  XL_COLUMN_CLUSTERED,
  type EtAddinRoot,
  type EtRange,
  type EtWorksheet,
  type SelectionListener,
} from "./et-api";

const DEFAULT_HEAD_ROWS = 30;
const SETTING_PREFIX = "xsg:wps:";

/** Where per-workbook settings live (window.localStorage in WPS's browser engine). */
export type SettingStore = Pick<Storage, "getItem" | "setItem">;

/** Value2 / Formula of an area of `rows` × `columns` as a rectangular 2-D array, whatever shape ET gave. */
export function toGrid(value: unknown, rows: number, columns: number): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  const lines: unknown[] = value.some(Array.isArray) ? value : rows === 1 ? [value] : value.map((v) => [v]);
  return Array.from({ length: rows }, (_, r) => {
    const line = lines[r];
    const cells = Array.isArray(line) ? line : [line];
    return Array.from({ length: columns }, (_, c) => cells[c] ?? null);
  });
}

/** A cell as the engine reads values: CVErr numbers become error objects, empty stays null. */
function cellValue(value: unknown): CellValue {
  if (typeof value === "number" && CV_ERRORS[value] !== undefined) return { error: CV_ERRORS[value] };
  if (value === undefined) return null;
  return value as CellValue;
}

/** Exact content from the cell's Formula (what was typed) and Value2 (what it holds). */
export function contentOf(formula: unknown, value: unknown): CellContent {
  // Text typed with a quote prefix ('=abc) shows "=abc" as Formula too; its value is that same text.
  if (typeof formula === "string" && formula.startsWith("=")) return value === formula ? formula : { formula };
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") {
    const shown = CV_ERRORS[value];
    // An error constant typed into the cell shows its literal as Formula; a number never does.
    if (shown !== undefined && typeof formula === "string" && formula.trim().toUpperCase() === shown) {
      return { error: shown };
    }
    return value;
  }
  if (typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

function containsCell(range: EtRange, row: number, column: number): boolean {
  return (
    row >= range.Row &&
    row < range.Row + range.Rows.Count &&
    column >= range.Column &&
    column < range.Column + range.Columns.Count
  );
}

export class WpsFillHost implements FillHost {
  /** Nesting of paused() (batch() around writeBlock()): only the outermost pauses and restores. */
  private pauseDepth = 0;

  constructor(
    private readonly app: EtAddinRoot,
    private readonly settings: SettingStore | null = typeof localStorage === "undefined" ? null : localStorage,
  ) {}

  /**
   * Run `work` with screen updating, events and automatic calculation off; restore what was there
   * before, even when `work` throws. Sync and async work both end in `finally` after they settle.
   */
  private async paused<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.pauseDepth > 0) return work();
    const app = this.app;
    const saved = { screen: app.ScreenUpdating, events: app.EnableEvents, calculation: app.Calculation };
    this.pauseDepth++;
    try {
      app.ScreenUpdating = false;
      app.EnableEvents = false;
      app.Calculation = XL_CALCULATION_MANUAL;
      return await work();
    } finally {
      this.pauseDepth--;
      // Each restore on its own: one failing must not leave the others off.
      for (const restore of [
        () => (app.Calculation = saved.calculation),
        () => (app.EnableEvents = saved.events),
        () => (app.ScreenUpdating = saved.screen),
      ]) {
        try {
          restore();
        } catch {
          // nothing more to do: WPS refused the restore
        }
      }
    }
  }

  batch<T>(work: () => Promise<T>): Promise<T> {
    return this.paused(work);
  }

  private sheet(name: string): EtWorksheet {
    return asWorksheet(this.app.ActiveWorkbook.Worksheets.Item(name));
  }

  private range(sheet: EtWorksheet, area: CellArea): EtRange {
    return sheet.Range(areaA1(area));
  }

  async describeRegion(options: DescribeRegionOptions = {}): Promise<RegionInfo> {
    const headRows = options.headRows ?? DEFAULT_HEAD_ROWS;
    const extraColumns = options.extraColumns ?? 0;
    const sheet = this.app.ActiveSheet;
    const base = { sheetName: sheet.Name, protected: sheet.ProtectContents };
    const active = this.app.ActiveCell;
    const activeRow = active.Row;
    const activeColumn = active.Column;

    let found: EtRange | null = null;
    let tableName: string | undefined;
    const tables = sheet.ListObjects;
    for (let i = 1, count = tables.Count; i <= count && !found; i++) {
      const table = tables.Item(i);
      const range = table.Range;
      if (containsCell(range, activeRow, activeColumn)) {
        found = range;
        tableName = table.Name;
      }
    }
    found ??= sheet.UsedRange;
    const area: CellArea = {
      top: found.Row - 1,
      left: found.Column - 1,
      rows: found.Rows.Count,
      columns: found.Columns.Count,
    };
    const headArea = { ...area, rows: Math.min(headRows, area.rows) };
    const head = toGrid(this.range(sheet, headArea).Value2, headArea.rows, headArea.columns).map((line) =>
      line.map(cellValue),
    );
    // An empty sheet's UsedRange is A1 holding nothing.
    if (tableName === undefined && area.rows === 1 && area.columns === 1 && head[0][0] === null) {
      return { ...base, isTable: false, top: 0, left: 0, rowCount: 0, columnCount: 0, mergedAreas: [], head: [] };
    }
    // MergeCells is false when no cell of the range is merged; otherwise the areas are not
    // listed by ET in one call, so the engine relies on whole-block writes failing (null).
    const merged = this.range(sheet, { ...area, columns: area.columns + extraColumns }).MergeCells;
    return {
      ...base,
      isTable: tableName !== undefined,
      tableName,
      top: area.top,
      left: area.left,
      rowCount: area.rows,
      columnCount: area.columns,
      mergedAreas: merged === false ? [] : null,
      head,
    };
  }

  async readValues(sheetName: string, area: CellArea): Promise<CellValue[][]> {
    const value = this.range(this.sheet(sheetName), area).Value2;
    return toGrid(value, area.rows, area.columns).map((line) => line.map(cellValue));
  }

  async readBlock(sheetName: string, area: CellArea): Promise<CellContent[][]> {
    const range = this.range(this.sheet(sheetName), area);
    const formulas = toGrid(range.Formula, area.rows, area.columns);
    const values = toGrid(range.Value2, area.rows, area.columns);
    return formulas.map((line, r) => line.map((formula, c) => contentOf(formula, values[r][c])));
  }

  writeBlock(sheetName: string, area: CellArea, cells: readonly (readonly CellContent[])[]): Promise<void> {
    return this.paused(() => {
      // Formula, not Value2: Value2 would store "=…" as text, Formula stores formulas and constants alike.
      this.range(this.sheet(sheetName), area).Formula = cells.map((line) => line.map(toExcelInput));
    });
  }

  async getSelectedRow(): Promise<SelectedCell | null> {
    const cell = this.app.ActiveCell;
    if (!cell) return null;
    return { sheetName: cell.Worksheet.Name, row: cell.Row - 1, column: cell.Column - 1 };
  }

  async onSelectionChanged(listener: (cell: SelectedCell) => void): Promise<() => Promise<void>> {
    const events = this.app.ApiEvent;
    const handler: SelectionListener = (sheet, range) => {
      const name = (sheet as { Name?: unknown } | null)?.Name;
      listener({ sheetName: typeof name === "string" ? name : "", row: range.Row - 1, column: range.Column - 1 });
    };
    events.AddApiEventListener("SheetSelectionChange", handler);
    return async () => events.RemoveApiEventListener("SheetSelectionChange", handler);
  }

  /**
   * Per-workbook memory (the column mapping), kept in the add-in's localStorage under the
   * workbook's full path: it stays on this computer and does not travel with the file.
   */
  async loadSetting(key: string): Promise<unknown> {
    const text = this.settings?.getItem(this.settingKey(key)) ?? null;
    if (text === null) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    this.settings?.setItem(this.settingKey(key), JSON.stringify(value));
  }

  private settingKey(key: string): string {
    return `${SETTING_PREFIX}${this.app.ActiveWorkbook.FullName}:${key}`;
  }

  writeSummarySheet(layout: SummaryLayout): Promise<string> {
    return this.paused(() => {
      const sheets = this.app.ActiveWorkbook.Worksheets;
      const count = sheets.Count;
      const names: string[] = [];
      for (let i = 1; i <= count; i++) names.push(asWorksheet(sheets.Item(i)).Name);
      const name = uniqueSheetName(layout.sheetName, names);
      const sheet = sheets.Add(undefined, sheets.Item(count));
      sheet.Name = name;
      const rows = layout.cells.length;
      const columns = Math.max(1, ...layout.cells.map((line) => line.length));
      if (rows > 0) {
        this.range(sheet, { top: 0, left: 0, rows, columns }).Formula = layout.cells.map((line) =>
          Array.from({ length: columns }, (_, c) => toExcelInput(line[c] ?? null)),
        );
      }
      for (const spec of layout.charts) {
        const place = this.range(sheet, {
          top: spec.position.top,
          left: spec.position.left,
          rows: spec.position.rows,
          columns: spec.position.columns,
        });
        const chart = asChartObjects(sheet.ChartObjects()).Add(place.Left, place.Top, place.Width, place.Height).Chart;
        chart.ChartType = XL_COLUMN_CLUSTERED;
        chart.SetSourceData(this.range(sheet, spec.source));
        chart.HasTitle = true;
        chart.ChartTitle.Text = spec.title;
      }
      sheet.Activate();
      return name;
    });
  }
}

/**
 * ExcelFillHost: the ONLY code in XSG that calls the Excel JavaScript API.
 *
 * Every FillHost method is one context.sync (describeRegion: at most three), so the fill
 * engine decides how many round trips a fill takes and how big each one is. API sets above
 * 1.12 are guarded with isSetSupported: mergeUndoGroup (1.20) and merged-area detection
 * (1.13) are used where the host has them and skipped elsewhere.
 */
import { cellA1, parseAreaA1, splitAreaList } from "../../src/fill/address";
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
import { PAYLOAD_TOO_LARGE } from "../../src/fill/types";
import { uniqueSheetName } from "../../src/fill/sheet-names";
import { in1900System, isDateFormatCode } from "../../src/fill/date-system";
import { fromExcelCell, toExcelInput } from "./cell-input";

const DEFAULT_HEAD_ROWS = 30;

function apiSupported(version: string): boolean {
  try {
    return Boolean(Office?.context?.requirements?.isSetSupported("ExcelApi", version));
  } catch {
    return false;
  }
}

/** Excel's payload errors carry these codes; the engine only needs to know "too large, split it". */
function normaliseError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    const wrapped = new Error((error as Error).message) as Error & { code: string; cause: unknown };
    wrapped.code = PAYLOAD_TOO_LARGE;
    wrapped.cause = error;
    return wrapped;
  }
  return error;
}

function containsCell(area: CellArea, row: number, column: number): boolean {
  return row >= area.top && row < area.top + area.rows && column >= area.left && column < area.left + area.columns;
}

export class ExcelFillHost implements FillHost {
  /** The context of the running batch(); methods called inside it share its Excel.run. */
  private batchContext: Excel.RequestContext | null = null;
  /** Whether the workbook uses the 1904 date system (learnt by describeRegion, which starts every fill). */
  private date1904 = false;

  /** Values, and in a 1904 workbook the number formats that tell its date cells. */
  private get valueProperties(): string {
    return this.date1904 ? "values,numberFormat" : "values";
  }

  /**
   * `values` with a 1904 workbook's date serials moved into the 1900 system the fill reads (the
   * values Excel returns are serials in the workbook's own system).
   */
  private valuesIn1900System(range: Excel.Range): CellValue[][] {
    const values = range.values as CellValue[][];
    if (!this.date1904) return values;
    const formats = range.numberFormat as unknown[][];
    return values.map((line, r) =>
      line.map((value, c) => in1900System(value, isDateFormatCode(String(formats[r]?.[c] ?? "")), true)),
    );
  }

  /** Run `work` in the batch's context, or in a fresh Excel.run. */
  private async withContext<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      if (this.batchContext) return await work(this.batchContext);
      return await Excel.run(work);
    } catch (error) {
      throw normaliseError(error);
    }
  }

  private async ownRun<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await Excel.run(work);
    } catch (error) {
      throw normaliseError(error);
    }
  }

  async batch<T>(work: () => Promise<T>): Promise<T> {
    if (this.batchContext) return work();
    const body = async (context: Excel.RequestContext): Promise<T> => {
      this.batchContext = context;
      try {
        return await work();
      } finally {
        this.batchContext = null;
      }
    };
    // One undo step for the whole fill where Excel supports it; elsewhere each sync is its own step.
    return apiSupported("1.20") ? Excel.run({ mergeUndoGroup: true }, body) : Excel.run(body);
  }

  describeRegion(options: DescribeRegionOptions = {}): Promise<RegionInfo> {
    const headRows = options.headRows ?? DEFAULT_HEAD_ROWS;
    const extraColumns = options.extraColumns ?? 0;
    return this.withContext(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      const protection = sheet.protection.load("protected");
      const selection = context.workbook.getSelectedRange();
      selection.load("rowIndex,columnIndex");
      const tables = sheet.tables.load("items/name");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      // The date system rides along in the first sync (ExcelApi 1.16); older hosts cannot tell it.
      const book = apiSupported("1.16")
        ? (context.workbook.load("use1904DateSystem") as unknown as { use1904DateSystem?: boolean })
        : null;
      await context.sync();
      this.date1904 = book?.use1904DateSystem === true;

      let area: CellArea | null = null;
      let tableName: string | undefined;
      if (tables.items.length > 0) {
        const ranges = tables.items.map((table) => table.getRange().load("rowIndex,columnIndex,rowCount,columnCount"));
        await context.sync();
        const index = ranges.findIndex((r) =>
          containsCell(
            { top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, columns: r.columnCount },
            selection.rowIndex,
            selection.columnIndex,
          ),
        );
        if (index >= 0) {
          const r = ranges[index];
          area = { top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, columns: r.columnCount };
          tableName = tables.items[index].name;
        }
      }
      if (!area && !used.isNullObject) {
        area = { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
      }
      const base = {
        sheetName: sheet.name,
        isTable: tableName !== undefined,
        tableName,
        protected: protection.protected,
      };
      if (!area) return { ...base, top: 0, left: 0, rowCount: 0, columnCount: 0, mergedAreas: [], head: [] };

      const head = sheet
        .getRangeByIndexes(area.top, area.left, Math.min(headRows, area.rows), area.columns)
        .load(this.valueProperties);
      const merged = apiSupported("1.13")
        ? sheet
            .getRangeByIndexes(area.top, area.left, area.rows, area.columns + extraColumns)
            .getMergedAreasOrNullObject()
            .load("address")
        : null;
      await context.sync();

      return {
        ...base,
        top: area.top,
        left: area.left,
        rowCount: area.rows,
        columnCount: area.columns,
        head: this.valuesIn1900System(head),
        mergedAreas: merged === null ? null : merged.isNullObject ? [] : mergedAreasOf(merged.address),
      };
    });
  }

  readValues(sheetName: string, area: CellArea): Promise<CellValue[][]> {
    return this.withContext(async (context) => {
      const range = this.range(context, sheetName, area).load(this.valueProperties);
      await context.sync();
      return this.valuesIn1900System(range);
    });
  }

  readBlock(sheetName: string, area: CellArea): Promise<CellContent[][]> {
    return this.withContext(async (context) => {
      const range = this.range(context, sheetName, area).load("formulas,valueTypes");
      await context.sync();
      const types = range.valueTypes;
      const cells = range.formulas.map((line, r) => line.map((formula, c) => fromExcelCell(formula, types[r]?.[c])));
      // Text typed with a quote prefix ('=abc) reads like a formula; its value equals its text.
      // Rare, so it costs a second round trip only when a block has such a cell.
      const ambiguous: [number, number][] = [];
      cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell !== null && typeof cell === "object" && "formula" in cell && types[r]?.[c] === "String")
            ambiguous.push([r, c]);
        }),
      );
      if (ambiguous.length > 0) {
        const probes = ambiguous.slice(0, 1000).map(([r, c]) => range.getCell(r, c).load("values"));
        const whole = ambiguous.length > 1000 ? range.load("values") : null;
        await context.sync();
        ambiguous.forEach(([r, c], i) => {
          const value = whole ? whole.values[r][c] : probes[i].values[0][0];
          const formula = (cells[r][c] as { formula: string }).formula;
          if (value === formula) cells[r][c] = formula;
        });
      }
      return cells;
    });
  }

  writeBlock(sheetName: string, area: CellArea, cells: readonly (readonly CellContent[])[]): Promise<void> {
    return this.withContext(async (context) => {
      if (apiSupported("1.6")) context.application.suspendApiCalculationUntilNextSync();
      this.range(context, sheetName, area).formulas = cells.map((line) => line.map(toExcelInput));
      await context.sync();
    });
  }

  // Selection and summary calls come from the UI while a fill may be running: they use their
  // own Excel.run, never the fill's batch context, so their syncs cannot carry the fill's writes.
  getSelectedRow(): Promise<SelectedCell | null> {
    return this.ownRun(async (context) => {
      const selection = context.workbook.getSelectedRange();
      selection.load("rowIndex,columnIndex");
      const sheet = selection.worksheet.load("name");
      await context.sync();
      return { sheetName: sheet.name, row: selection.rowIndex, column: selection.columnIndex };
    });
  }

  async onSelectionChanged(listener: (cell: SelectedCell) => void): Promise<() => Promise<void>> {
    if (!apiSupported("1.7")) return async () => undefined;
    const registration = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
      let sheetName = "";
      const added = sheet.onSelectionChanged.add(async (event) => {
        const first = parseAreaA1(event.address.split(",")[0] ?? "");
        if (first) listener({ sheetName, row: first.area.top, column: first.area.left });
      });
      await context.sync();
      sheetName = sheet.name;
      return added;
    });
    return async () => {
      await Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    };
  }

  async loadSetting(key: string): Promise<unknown> {
    const value = Office.context.document.settings.get(key) as unknown;
    return value === undefined ? null : value;
  }

  saveSetting(key: string, value: unknown): Promise<void> {
    const settings = Office.context.document.settings;
    settings.set(key, value);
    return new Promise((resolve, reject) => {
      settings.saveAsync((result) => {
        if (result.status === Office.AsyncResultStatus.Failed) reject(result.error);
        else resolve();
      });
    });
  }

  writeSummarySheet(layout: SummaryLayout): Promise<string> {
    return this.ownRun(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const name = uniqueSheetName(
        layout.sheetName,
        sheets.items.map((s) => s.name),
      );
      const sheet = sheets.add(name);
      const rows = layout.cells.length;
      const columns = Math.max(1, ...layout.cells.map((line) => line.length));
      if (rows > 0) {
        sheet.getRangeByIndexes(0, 0, rows, columns).formulas = layout.cells.map((line) =>
          Array.from({ length: columns }, (_, c) => toExcelInput(line[c] ?? null)),
        );
      }
      for (const spec of layout.charts) {
        const source = sheet.getRangeByIndexes(
          spec.source.top,
          spec.source.left,
          spec.source.rows,
          spec.source.columns,
        );
        const chart = sheet.charts.add(Excel.ChartType.columnClustered, source, Excel.ChartSeriesBy.columns);
        chart.title.text = spec.title;
        const p = spec.position;
        chart.setPosition(cellA1(p.top, p.left), cellA1(p.top + p.rows - 1, p.left + p.columns - 1));
      }
      sheet.activate();
      await context.sync();
      return name;
    });
  }

  private range(context: Excel.RequestContext, sheetName: string, area: CellArea): Excel.Range {
    return context.workbook.worksheets
      .getItem(sheetName)
      .getRangeByIndexes(area.top, area.left, area.rows, area.columns);
  }
}

/** "Sheet1!A1:H1,Sheet1!C4:D4" → areas (absolute, 0-based). */
export function mergedAreasOf(address: string): CellArea[] {
  const areas: CellArea[] = [];
  for (const part of splitAreaList(address)) {
    const parsed = parseAreaA1(part);
    if (parsed) areas.push(parsed.area);
  }
  return areas;
}

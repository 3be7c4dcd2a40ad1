/**
 * FileFillHost: the fill engine's second workbook adapter (issue 7), over an exceljs Workbook held
 * in memory — the offline page (standalone.html) and the command line (bin/xsg.ts) feed it to the
 * same runFill / undoFill / lookup as the Excel add-in, so there is no second copy of fill logic.
 *
 * A file has no selection and no document settings: the "active sheet" is the one chosen (or the
 * workbook's active tab), the selection is what the page reports through selectRow(), and settings
 * go to a SettingsStore the caller provides (the page: localStorage per file name; default: memory).
 * Methods are synchronous underneath; they yield to the event loop every few blocks so a browser
 * page stays responsive during a 100k-row fill.
 */
import type ExcelJS from "exceljs";
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
import { OUTPUT_COLUMNS } from "../../src/fill/output-columns";
import { areasIntersect } from "../../src/fill/address";
import { uniqueSheetName } from "../excel/excel-fill-host";
import { cellValueOf, contentOfCell, valueOfCell } from "./cells";

const DEFAULT_HEAD_ROWS = 30;

export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function memorySettings(): SettingsStore {
  const values = new Map<string, unknown>();
  return { get: (key) => (values.has(key) ? values.get(key) : null), set: (key, value) => void values.set(key, value) };
}

export interface FileFillHostOptions {
  /** The sheet to fill; default: the workbook's active tab, else the first sheet with data. */
  readonly sheetName?: string;
  readonly settings?: SettingsStore;
  /** Give the event loop a turn between host calls (the page: true, so progress paints). Default true. */
  readonly yieldBetweenCalls?: boolean;
}

/** Width (characters) for output columns a fill adds, so 依据 and 说明 are readable when opened. */
const OUTPUT_WIDTHS: Readonly<Record<string, number>> = { 依据: 36, 说明: 48, 状态: 12 };
const AMOUNT_WIDTH = 14;

export class FileFillHost implements FillHost {
  private readonly settings: SettingsStore;
  private readonly listeners = new Set<(cell: SelectedCell) => void>();
  private selected: SelectedCell | null = null;
  private sheetName: string;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly options: FileFillHostOptions = {},
  ) {
    this.settings = options.settings ?? memorySettings();
    this.sheetName = options.sheetName ?? defaultSheet(workbook).name;
    if (!workbook.getWorksheet(this.sheetName)) throw new Error(`工作簿中没有名为“${this.sheetName}”的工作表`);
  }

  /** The sheet describeRegion reports (the file's "active sheet"). */
  get activeSheetName(): string {
    return this.sheetName;
  }

  /** Switch the sheet to fill (the page's sheet picker). */
  activateSheet(name: string): void {
    if (!this.workbook.getWorksheet(name)) throw new Error(`工作簿中没有名为“${name}”的工作表`);
    this.sheetName = name;
    this.selected = null;
  }

  /** The page reports a clicked row; the lookup tab follows it as it follows Excel's selection. */
  selectRow(row: number, column = 0): void {
    this.selected = { sheetName: this.sheetName, row, column };
    for (const listener of this.listeners) listener(this.selected);
  }

  async describeRegion(options: DescribeRegionOptions = {}): Promise<RegionInfo> {
    await this.pause();
    const sheet = this.sheet(this.sheetName);
    const headRows = options.headRows ?? DEFAULT_HEAD_ROWS;
    const used = usedArea(sheet);
    const base = {
      sheetName: sheet.name,
      isTable: false,
      protected: Boolean((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    };
    if (!used) return { ...base, top: 0, left: 0, rowCount: 0, columnCount: 0, mergedAreas: [], head: [] };
    const widened: CellArea = { ...used, columns: used.columns + (options.extraColumns ?? 0) };
    return {
      ...base,
      top: used.top,
      left: used.left,
      rowCount: used.rows,
      columnCount: used.columns,
      mergedAreas: mergedAreasOf(sheet).filter((area) => areasIntersect(area, widened)),
      head: readArea(sheet, { ...used, rows: Math.min(headRows, used.rows) }, valueOfCell),
    };
  }

  async readValues(sheetName: string, area: CellArea): Promise<CellValue[][]> {
    await this.pause();
    return readArea(this.sheet(sheetName), area, valueOfCell);
  }

  async readBlock(sheetName: string, area: CellArea): Promise<CellContent[][]> {
    await this.pause();
    const date1904 = Boolean((this.workbook.properties as { date1904?: boolean } | undefined)?.date1904);
    return readArea(this.sheet(sheetName), area, (cell) => contentOfCell(cell, date1904));
  }

  async writeBlock(sheetName: string, area: CellArea, cells: readonly (readonly CellContent[])[]): Promise<void> {
    await this.pause();
    const sheet = this.sheet(sheetName);
    for (let r = 0; r < area.rows; r++) {
      const row = sheet.getRow(area.top + r + 1);
      // New output cells take the look of the row's last data cell (header bold, borders), not its number format.
      const neighbour = area.left > 0 ? row.findCell(area.left) : undefined;
      const look = neighbour ? lookOf(neighbour.style) : null;
      for (let c = 0; c < area.columns; c++) {
        const content = cells[r]?.[c] ?? null;
        const existed = row.findCell(area.left + c + 1) !== undefined;
        const cell = row.getCell(area.left + c + 1);
        cell.value = cellValueOf(content);
        // Only cells the fill creates get the look; a refreshed or restored cell keeps its own.
        if (look && !existed) cell.style = look;
        if (typeof content === "string") this.sizeOutputColumn(sheet, area.left + c, content);
      }
    }
  }

  async getSelectedRow(): Promise<SelectedCell | null> {
    return this.selected;
  }

  async onSelectionChanged(listener: (cell: SelectedCell) => void): Promise<() => Promise<void>> {
    this.listeners.add(listener);
    return async () => {
      this.listeners.delete(listener);
    };
  }

  async loadSetting(key: string): Promise<unknown> {
    const value = this.settings.get(key);
    return value === undefined ? null : value;
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    this.settings.set(key, value);
  }

  /** The summary table on a new sheet. exceljs cannot write charts: the table is there, the chart is not. */
  async writeSummarySheet(layout: SummaryLayout): Promise<string> {
    const name = uniqueSheetName(
      layout.sheetName,
      this.workbook.worksheets.map((s) => s.name),
    );
    const sheet = this.workbook.addWorksheet(name);
    layout.cells.forEach((line, r) => {
      const row = sheet.getRow(r + 1);
      line.forEach((value, c) => {
        if (value !== null) row.getCell(c + 1).value = value;
      });
    });
    sheet.getColumn(1).width = 28;
    return name;
  }

  private sizeOutputColumn(sheet: ExcelJS.Worksheet, column: number, header: string): void {
    if (!(OUTPUT_COLUMNS as readonly string[]).includes(header)) return;
    const col = sheet.getColumn(column + 1);
    if (!col.width) col.width = OUTPUT_WIDTHS[header] ?? AMOUNT_WIDTH;
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const sheet = this.workbook.getWorksheet(name);
    if (!sheet) throw new Error(`工作簿中没有名为“${name}”的工作表`);
    return sheet;
  }

  private pause(): Promise<void> {
    if (this.options.yieldBetweenCalls === false) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The workbook's active tab when it has data, else the first visible sheet with data, else the first sheet. */
export function defaultSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const activeTab = (workbook.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  const active = sheets[activeTab];
  if (active && active.state === "visible" && usedArea(active)) return active;
  return sheets.find((s) => s.state === "visible" && usedArea(s) !== null) ?? sheets[0];
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
      if (columnNumber < left) left = columnNumber;
      if (columnNumber > right) right = columnNumber;
    });
    if (any) {
      if (rowNumber < top) top = rowNumber;
      bottom = rowNumber;
    }
  });
  if (bottom < 0) return null;
  return { top: top - 1, left: left - 1, rows: bottom - top + 1, columns: right - left + 1 };
}

function readArea<T>(sheet: ExcelJS.Worksheet, area: CellArea, read: (cell: ExcelJS.Cell | undefined) => T): T[][] {
  const out: T[][] = new Array(area.rows);
  for (let r = 0; r < area.rows; r++) {
    // findRow/findCell never create cells: reading leaves the workbook exactly as it was.
    const row = sheet.findRow(area.top + r + 1);
    const line: T[] = new Array(area.columns);
    for (let c = 0; c < area.columns; c++) line[c] = read(row?.findCell(area.left + c + 1));
    out[r] = line;
  }
  return out;
}

/** Merged areas of a sheet, 0-based. exceljs keeps them in a private map; its public model would copy every row. */
export function mergedAreasOf(sheet: ExcelJS.Worksheet): CellArea[] {
  const merges = (
    sheet as unknown as {
      _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
    }
  )._merges;
  const models = merges ? Object.values(merges).map((range) => range.model) : [];
  return models.map((m) => ({
    top: m.top - 1,
    left: m.left - 1,
    rows: m.bottom - m.top + 1,
    columns: m.right - m.left + 1,
  }));
}

/**
 * Looks are cached per source style object: exceljs shares one style object among the cells of a
 * style id, so every output cell beside them shares one look too — and a writer handles it once.
 */
const LOOKS = new WeakMap<object, Partial<ExcelJS.Style> | null>();

function lookOf(style: Partial<ExcelJS.Style> | undefined): Partial<ExcelJS.Style> | null {
  if (!style) return null;
  const cached = LOOKS.get(style);
  if (cached !== undefined) return cached;
  const look = computeLook(style);
  LOOKS.set(style, look);
  return look;
}

function computeLook(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> | null {
  const { font, border, fill, alignment } = style;
  if (!font && !border && !fill && !alignment) return null;
  const look: Partial<ExcelJS.Style> = {};
  if (font) look.font = font;
  if (border) look.border = border;
  if (fill) look.fill = fill;
  if (alignment) look.alignment = alignment;
  return look;
}

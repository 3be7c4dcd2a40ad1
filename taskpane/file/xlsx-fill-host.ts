/**
 * XlsxFillHost: the fill engine's second workbook adapter (issue 7), over an .xlsx package held
 * as bytes — the offline page (standalone.html) and the command line (bin/xsg.ts) feed it to the
 * same runFill / undoFill / lookup as the Excel add-in, so there is no second copy of fill logic.
 *
 * Cells read as Excel's `values` read them (dates as serial numbers), so a file gives the same
 * numbers as the add-in on the same sheet. Writes are kept aside and merged into the sheet's XML
 * on save: every other part, and every cell the fill did not write, keeps its content (the few
 * workbook-level changes a save makes are listed in the README, “输出文件改动了什么”).
 *
 * A file has no selection and no document settings: the "active sheet" is the one chosen (or the
 * workbook's active tab), the selection is what the page reports through selectRow(), and settings
 * go to a SettingsStore the caller provides (the page: localStorage per file name; default: memory).
 */
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
import { isOutputHeader } from "../../src/fill/output-columns";
import { areasIntersect } from "../../src/fill/address";
import { uniqueSheetName } from "../../src/fill/sheet-names";
import type { XlsxPackage } from "./xlsx/package";
import { summarySheet } from "./xlsx/summary-sheet";

const DEFAULT_HEAD_ROWS = 30;

export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function memorySettings(): SettingsStore {
  const values = new Map<string, unknown>();
  return { get: (key) => (values.has(key) ? values.get(key) : null), set: (key, value) => void values.set(key, value) };
}

export interface XlsxFillHostOptions {
  /** The sheet to fill; default: the workbook's active tab, else the first sheet with data. */
  readonly sheetName?: string;
  readonly settings?: SettingsStore;
  /** Give the event loop a turn between host calls (the page: true, so progress paints). Default true. */
  readonly yieldBetweenCalls?: boolean;
}

/** Width (characters) for output columns a fill adds, so 依据 and 说明 are readable when opened. */
const OUTPUT_WIDTHS: Readonly<Record<string, number>> = { 依据: 36, 说明: 48, 状态: 12 };
const AMOUNT_WIDTH = 14;

export class XlsxFillHost implements FillHost {
  private readonly settings: SettingsStore;
  private readonly listeners = new Set<(cell: SelectedCell) => void>();
  private selected: SelectedCell | null = null;
  private sheetName: string;

  constructor(
    readonly workbook: XlsxPackage,
    private readonly options: XlsxFillHostOptions = {},
  ) {
    this.settings = options.settings ?? memorySettings();
    this.sheetName = options.sheetName ?? defaultSheet(workbook);
    this.checkSheet(this.sheetName);
  }

  /** The sheet describeRegion reports (the file's "active sheet"). */
  get activeSheetName(): string {
    return this.sheetName;
  }

  /** Worksheets the page can offer (chart sheets have no cells). */
  get sheetNames(): string[] {
    return this.workbook.sheets.filter((s) => s.part !== null).map((s) => s.name);
  }

  /** Switch the sheet to fill (the page's sheet picker). */
  activateSheet(name: string): void {
    this.checkSheet(name);
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
    const grid = this.workbook.grid(this.sheetName);
    const headRows = options.headRows ?? DEFAULT_HEAD_ROWS;
    const used = grid.usedArea();
    const base = { sheetName: this.sheetName, isTable: false, protected: grid.protected };
    if (!used) return { ...base, top: 0, left: 0, rowCount: 0, columnCount: 0, mergedAreas: [], head: [] };
    const widened: CellArea = { ...used, columns: used.columns + (options.extraColumns ?? 0) };
    return {
      ...base,
      top: used.top,
      left: used.left,
      rowCount: used.rows,
      columnCount: used.columns,
      mergedAreas: grid.mergedAreas().filter((area) => areasIntersect(area, widened)),
      head: grid.readValues({ ...used, rows: Math.min(headRows, used.rows) }),
    };
  }

  async readValues(sheetName: string, area: CellArea): Promise<CellValue[][]> {
    await this.pause();
    return this.workbook.grid(sheetName).readValues(area);
  }

  async readBlock(sheetName: string, area: CellArea): Promise<CellContent[][]> {
    await this.pause();
    return this.workbook.grid(sheetName).readContents(area);
  }

  async writeBlock(sheetName: string, area: CellArea, cells: readonly (readonly CellContent[])[]): Promise<void> {
    await this.pause();
    const grid = this.workbook.grid(sheetName);
    grid.write(area, cells);
    // The header row of a fill names its columns: give those columns a readable width.
    cells[0]?.forEach((content, c) => {
      if (typeof content === "string" && isOutputHeader(content))
        grid.ensureColumnWidth(area.left + c, OUTPUT_WIDTHS[content] ?? AMOUNT_WIDTH);
    });
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

  /** The summary table on a new sheet, with its native column charts. */
  async writeSummarySheet(layout: SummaryLayout): Promise<string> {
    const name = uniqueSheetName(layout.sheetName, this.workbook.sheetNames);
    this.workbook.addSheet(summarySheet(name, layout, (part) => this.workbook.hasPart(part)));
    return name;
  }

  private checkSheet(name: string): void {
    if (!this.sheetNames.includes(name)) throw new Error(`工作簿中没有名为“${name}”的工作表`);
  }

  private pause(): Promise<void> {
    if (this.options.yieldBetweenCalls === false) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The workbook's active tab when it has data, else the first visible worksheet with data, else the first worksheet. */
export function defaultSheet(workbook: XlsxPackage): string {
  const sheets = workbook.sheets.filter((s) => s.part !== null);
  if (sheets.length === 0) throw new Error("工作簿中没有工作表");
  const hasData = (name: string) => workbook.grid(name).usedArea() !== null;
  const active = workbook.sheets[workbook.activeTab];
  if (active?.part && active.state === "visible" && hasData(active.name)) return active.name;
  return (sheets.find((s) => s.state === "visible" && hasData(s.name)) ?? sheets[0]).name;
}

/**
 * An in-memory FillHost for the taskpane's unit tests: one sheet of CellContent, the used range
 * as the data region, settings in a Map, a selection the test moves, and hooks to hold a write
 * (to click 取消 mid-fill) and to count round trips.
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
} from "../../../src/fill";

export class FakeHost implements FillHost {
  readonly sheetName = "企业台账";
  cells: CellContent[][];
  protected = false;
  mergedAreas: CellArea[] | null = [];
  readonly settings = new Map<string, unknown>();
  readonly summaries: SummaryLayout[] = [];
  selection: SelectedCell | null = null;
  /** When set, the data region is this Excel table (cells right of it are not part of it). */
  table: { name: string; area: CellArea } | null = null;
  private readonly listeners = new Set<(cell: SelectedCell) => void>();
  writes = 0;
  /** Awaited before each writeBlock: a test can hold a write to act mid-fill. */
  beforeWrite: ((writeIndex: number) => Promise<void> | void) | null = null;

  constructor(rows: CellContent[][]) {
    this.cells = rows.map((row) => row.slice());
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private usedArea(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    this.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell !== null && cell !== "") {
          rows = Math.max(rows, r + 1);
          columns = Math.max(columns, c + 1);
        }
      }),
    );
    return { rows, columns };
  }

  cell(row: number, column: number): CellContent {
    return this.cells[row]?.[column] ?? null;
  }

  private value(row: number, column: number): CellValue {
    const content = this.cell(row, column);
    if (content !== null && typeof content === "object") return "formula" in content ? null : content.error;
    return content;
  }

  async describeRegion(options: DescribeRegionOptions = {}): Promise<RegionInfo> {
    const used = this.usedArea();
    const area = this.table?.area ?? { top: 0, left: 0, rows: used.rows, columns: used.columns };
    const headRows = Math.min(area.rows, options.headRows ?? 30);
    return {
      sheetName: this.sheetName,
      top: area.top,
      left: area.left,
      rowCount: area.rows,
      columnCount: area.columns,
      isTable: this.table !== null,
      ...(this.table ? { tableName: this.table.name } : {}),
      protected: this.protected,
      mergedAreas: this.mergedAreas,
      head: Array.from({ length: headRows }, (_, r) =>
        Array.from({ length: area.columns }, (_, c) => this.value(area.top + r, area.left + c)),
      ),
    };
  }

  async readValues(sheetName: string, area: CellArea): Promise<CellValue[][]> {
    expect(sheetName).toBe(this.sheetName);
    return Array.from({ length: area.rows }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => this.value(area.top + r, area.left + c)),
    );
  }

  async readBlock(sheetName: string, area: CellArea): Promise<CellContent[][]> {
    expect(sheetName).toBe(this.sheetName);
    return Array.from({ length: area.rows }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => this.cell(area.top + r, area.left + c)),
    );
  }

  async writeBlock(sheetName: string, area: CellArea, cells: readonly (readonly CellContent[])[]): Promise<void> {
    expect(sheetName).toBe(this.sheetName);
    if (this.protected) throw new Error("The sheet is protected");
    const index = this.writes++;
    if (this.beforeWrite) await this.beforeWrite(index);
    cells.forEach((row, r) => {
      const target = (this.cells[area.top + r] ??= []);
      row.forEach((cell, c) => {
        target[area.left + c] = cell;
      });
    });
  }

  async getSelectedRow(): Promise<SelectedCell | null> {
    return this.selection;
  }

  async onSelectionChanged(listener: (cell: SelectedCell) => void): Promise<() => Promise<void>> {
    this.listeners.add(listener);
    return async () => {
      this.listeners.delete(listener);
    };
  }

  /** Move the selection as the official would, firing the listeners. */
  select(row: number, column = 0): void {
    this.selection = { sheetName: this.sheetName, row, column };
    for (const listener of this.listeners) listener(this.selection);
  }

  async loadSetting(key: string): Promise<unknown> {
    return this.settings.get(key) ?? null;
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    this.settings.set(key, JSON.parse(JSON.stringify(value)));
  }

  async writeSummarySheet(layout: SummaryLayout): Promise<string> {
    this.summaries.push(layout);
    return layout.sheetName;
  }
}

/** A promise the test resolves by hand. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

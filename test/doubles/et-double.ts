/**
 * A faithful in-memory test double of the WPS 表格 (ET) object-model subset XSG uses.
 *
 * Every object implements the narrow interfaces of taskpane/wps/et-api.ts, which tsc proves are
 * covered by Kingsoft's published declarations (et-jsapi-declare), so the double cannot offer a
 * member or signature WPS does not declare. Faithful where mistakes hide:
 *  - collections are 1-based (Item(1) is the first; Item(0) and unknown names throw);
 *  - parameterised properties are functions (Range("A1:C3"), Item(r, c), Resize(r, c), ChartObjects());
 *  - Value2: one cell gives a scalar, several give rows × columns arrays; empty cells are null;
 *    error cells are CVErr numbers (#N/A = -2146826246); dates are serial numbers;
 *  - writing Value2 or Formula parses text as typing does ("123" → number, "TRUE" → boolean,
 *    "=…" → formula, "#N/A" → error, "'…" → text); a 2-D array must match the range's size
 *    exactly (stricter than VBA, which pads with #N/A: a mismatch is always a bug in XSG);
 *  - writes to a protected sheet throw, as COM does (every cell is locked by default);
 *  - an empty sheet's UsedRange is A1 holding null;
 *  - every property get, set and method call is one bridge call: counted (stats.calls, per
 *    member in stats.byMember) and priced at 0.2 ms each (the third-party measurement), so tests
 *    can catch cell-by-cell loops; each write records the application state it ran under.
 */
import { cvErrorOf, CV_ERRORS } from "../../functions/cv-errors";
import type {
  EtAddinRoot,
  EtApiEvent,
  EtChart,
  EtChartObject,
  EtChartObjects,
  EtChartTitle,
  EtListObject,
  EtListObjects,
  EtRange,
  EtSheets,
  EtWorkbook,
  EtWorksheet,
  SelectionListener,
} from "../../taskpane/wps/et-api";

/** Cost of one call across the WPS bridge (third-party measurement, WPS 12.1). */
export const MS_PER_CALL = 0.2;
const COLUMN_WIDTH_POINTS = 48;
const ROW_HEIGHT_POINTS = 13.5;

export interface Area {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

type Stored =
  | { kind: "value"; value: number | string | boolean }
  | { kind: "formula"; formula: string }
  | { kind: "error"; error: string };

export interface WriteRecord {
  sheet: string;
  address: string;
  screenUpdating: boolean;
  enableEvents: boolean;
  calculation: number;
}

export interface EtStats {
  calls: number;
  byMember: Map<string, number>;
  writes: WriteRecord[];
  readonly estimatedMs: number;
}

/* ------------------------------------------------------------------------------------------ */

function columnLetters(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function addressOf(area: Area): string {
  const start = `${columnLetters(area.left)}${area.top + 1}`;
  if (area.rows === 1 && area.columns === 1) return start;
  return `${start}:${columnLetters(area.left + area.columns - 1)}${area.top + area.rows}`;
}

function parseAddress(address: unknown): Area {
  if (typeof address !== "string") throw new Error(`Range 参数无效：${String(address)}`);
  const parts = address.replace(/\$/g, "").toUpperCase().split(":");
  const ends = parts.map((part) => {
    const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(part);
    if (!m) throw new Error(`Range 参数无效：${address}`);
    let column = 0;
    for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, column: column - 1 };
  });
  if (ends.length > 2) throw new Error(`Range 参数无效：${address}`);
  const [a, b = a] = ends;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    rows: Math.abs(a.row - b.row) + 1,
    columns: Math.abs(a.column - b.column) + 1,
  };
}

const NUMBER_TEXT = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?\s*$/i;
const ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;

/** What a cell holds after `input` was typed (or assigned through Value2 / Formula). */
export function typed(input: unknown): Stored | null {
  if (input === null || input === undefined || input === "") return null;
  if (typeof input === "number") {
    if (CV_ERRORS[input] !== undefined) return { kind: "error", error: CV_ERRORS[input] };
    return { kind: "value", value: input };
  }
  if (typeof input === "boolean") return { kind: "value", value: input };
  const text = String(input);
  if (text.startsWith("'")) return { kind: "value", value: text.slice(1) };
  if (text.startsWith("=")) return { kind: "formula", formula: text };
  if (cvErrorOf(text) !== undefined) return { kind: "error", error: text.trim().toUpperCase() };
  if (/^\s*(true|false)\s*$/i.test(text)) return { kind: "value", value: /true/i.test(text) };
  if (NUMBER_TEXT.test(text)) return { kind: "value", value: Number(text) };
  const date = ISO_DATE.exec(text);
  if (date) {
    const serial = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 86_400_000 + 25_569;
    return { kind: "value", value: serial };
  }
  return { kind: "value", value: text };
}

function value2Of(cell: Stored | null): unknown {
  if (cell === null) return null;
  if (cell.kind === "value") return cell.value;
  if (cell.kind === "error") return cvErrorOf(cell.error);
  return null; // the double does not calculate; a formula's cached value is empty
}

function formulaOf(cell: Stored | null): string {
  if (cell === null) return "";
  if (cell.kind === "formula") return cell.formula;
  if (cell.kind === "error") return cell.error;
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

/* ------------------------------------------------------------------------------------------ */

export class EtDoubleSheet implements EtWorksheet {
  private cells: (Stored | null)[][] = [];
  private name: string;
  protectedContents = false;
  readonly tables: { name: string; area: Area }[] = [];
  readonly merged: Area[] = [];
  readonly charts: EtDoubleChart[] = [];

  constructor(
    readonly book: EtDoubleWorkbook,
    name: string,
  ) {
    this.name = name;
  }

  /* --- test-side access (not bridge calls) --- */

  load(rows: readonly (readonly unknown[])[], origin: Area = { top: 0, left: 0, rows: 0, columns: 0 }): void {
    rows.forEach((line, r) => line.forEach((v, c) => this.put(origin.top + r, origin.left + c, typed(v))));
  }

  cell(address: string): Stored | null {
    const { top, left } = parseAddress(address);
    return this.cells[top]?.[left] ?? null;
  }

  /** Value2 of an area as a 2-D array, without counting a call. */
  grid(address: string): unknown[][] {
    const area = parseAddress(address);
    return Array.from({ length: area.rows }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => value2Of(this.cells[area.top + r]?.[area.left + c] ?? null)),
    );
  }

  usedArea(): Area | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.cells.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (cell === null || cell === undefined) return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    return bottom < 0 ? null : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  put(row: number, column: number, cell: Stored | null): void {
    (this.cells[row] ??= [])[column] = cell;
  }

  read(row: number, column: number): Stored | null {
    return this.cells[row]?.[column] ?? null;
  }

  /* --- the ET members --- */

  get Name(): string {
    this.book.tick("Worksheet.Name");
    return this.name;
  }

  set Name(value: string) {
    this.book.tick("Worksheet.Name=");
    if (!value || value.length > 31 || /[\\/?*[\]:]/.test(value)) throw new Error(`工作表名称无效：${value}`);
    const taken = this.book.sheets.some((s) => s !== this && s.name.toLowerCase() === value.toLowerCase());
    if (taken) throw new Error(`工作表名称已存在：${value}`);
    this.name = value;
  }

  get sheetName(): string {
    return this.name;
  }

  get Index(): number {
    this.book.tick("Worksheet.Index");
    return this.book.sheets.indexOf(this) + 1;
  }

  get UsedRange(): EtRange {
    this.book.tick("Worksheet.UsedRange");
    return new EtDoubleRange(this, this.usedArea() ?? { top: 0, left: 0, rows: 1, columns: 1 });
  }

  get Cells(): EtRange {
    this.book.tick("Worksheet.Cells");
    return new EtDoubleRange(this, { top: 0, left: 0, rows: 1_048_576, columns: 16_384 });
  }

  get ProtectContents(): boolean {
    this.book.tick("Worksheet.ProtectContents");
    return this.protectedContents;
  }

  get ListObjects(): EtListObjects {
    this.book.tick("Worksheet.ListObjects");
    return new EtDoubleListObjects(this);
  }

  Range(Cell1: unknown): EtRange {
    this.book.tick("Worksheet.Range");
    return new EtDoubleRange(this, parseAddress(Cell1));
  }

  Activate(): void {
    this.book.tick("Worksheet.Activate");
    this.book.activeSheet = this;
  }

  ChartObjects(Index?: string | number): EtChartObjects {
    this.book.tick("Worksheet.ChartObjects");
    if (Index !== undefined) throw new Error("ChartObjects(Index) is not modelled by the double");
    return new EtDoubleChartObjects(this);
  }

  /** Worksheet.Protect / Unprotect (ET members the tests use to set a sheet up). */
  Protect(): void {
    this.protectedContents = true;
  }

  Unprotect(): void {
    this.protectedContents = false;
  }
}

export class EtDoubleRange implements EtRange {
  constructor(
    readonly sheet: EtDoubleSheet,
    readonly area: Area,
    private readonly countOf: "cells" | "rows" | "columns" = "cells",
  ) {
    if (area.rows < 1 || area.columns < 1) throw new Error(`Range 大小无效：${area.rows}×${area.columns}`);
  }

  private get book(): EtDoubleWorkbook {
    return this.sheet.book;
  }

  get Row(): number {
    this.book.tick("Range.Row");
    return this.area.top + 1;
  }

  get Column(): number {
    this.book.tick("Range.Column");
    return this.area.left + 1;
  }

  get Count(): number {
    this.book.tick("Range.Count");
    if (this.countOf === "rows") return this.area.rows;
    if (this.countOf === "columns") return this.area.columns;
    return this.area.rows * this.area.columns;
  }

  get Rows(): EtRange {
    this.book.tick("Range.Rows");
    return new EtDoubleRange(this.sheet, this.area, "rows");
  }

  get Columns(): EtRange {
    this.book.tick("Range.Columns");
    return new EtDoubleRange(this.sheet, this.area, "columns");
  }

  get Cells(): EtRange {
    this.book.tick("Range.Cells");
    return new EtDoubleRange(this.sheet, this.area);
  }

  get Worksheet(): EtWorksheet {
    this.book.tick("Range.Worksheet");
    return this.sheet;
  }

  get Left(): number {
    this.book.tick("Range.Left");
    return this.area.left * COLUMN_WIDTH_POINTS;
  }

  get Top(): number {
    this.book.tick("Range.Top");
    return this.area.top * ROW_HEIGHT_POINTS;
  }

  get Width(): number {
    this.book.tick("Range.Width");
    return this.area.columns * COLUMN_WIDTH_POINTS;
  }

  get Height(): number {
    this.book.tick("Range.Height");
    return this.area.rows * ROW_HEIGHT_POINTS;
  }

  get MergeCells(): boolean | null {
    this.book.tick("Range.MergeCells");
    const a = this.area;
    const touching = this.sheet.merged.filter(
      (m) =>
        m.top < a.top + a.rows && a.top < m.top + m.rows && m.left < a.left + a.columns && a.left < m.left + m.columns,
    );
    if (touching.length === 0) return false;
    const inside = touching.length === 1 && a.top >= touching[0].top && a.left >= touching[0].left;
    return inside ? true : null;
  }

  get Value2(): unknown {
    this.book.tick("Range.Value2");
    return this.shape((cell) => value2Of(cell));
  }

  set Value2(value: unknown) {
    this.book.tick("Range.Value2=");
    this.write(value);
  }

  get Formula(): unknown {
    this.book.tick("Range.Formula");
    return this.shape((cell) => formulaOf(cell));
  }

  set Formula(value: unknown) {
    this.book.tick("Range.Formula=");
    this.write(value);
  }

  Resize(RowSize?: number, ColumnSize?: number): EtRange {
    this.book.tick("Range.Resize");
    return new EtDoubleRange(this.sheet, {
      ...this.area,
      rows: RowSize ?? this.area.rows,
      columns: ColumnSize ?? this.area.columns,
    });
  }

  /** Item(row, column), both 1-based and relative to the range. */
  Item(RowIndex: number, ColumnIndex = 1): EtRange {
    this.book.tick("Range.Item");
    if (!Number.isInteger(RowIndex) || RowIndex < 1 || !Number.isInteger(ColumnIndex) || ColumnIndex < 1) {
      throw new Error(`Item 索引从 1 开始：(${RowIndex}, ${ColumnIndex})`);
    }
    return new EtDoubleRange(this.sheet, {
      top: this.area.top + RowIndex - 1,
      left: this.area.left + ColumnIndex - 1,
      rows: 1,
      columns: 1,
    });
  }

  private shape(read: (cell: Stored | null) => unknown): unknown {
    const { top, left, rows, columns } = this.area;
    if (rows === 1 && columns === 1) return read(this.sheet.read(top, left));
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => read(this.sheet.read(top + r, left + c))),
    );
  }

  private write(value: unknown): void {
    if (this.sheet.protectedContents) {
      throw new Error("您试图更改的单元格或图表受保护，因而是只读的。(0x800A03EC)");
    }
    const { top, left, rows, columns } = this.area;
    if (Array.isArray(value)) {
      const fits = value.length === rows && value.every((line) => Array.isArray(line) && line.length === columns);
      if (!fits) throw new Error(`数组大小与区域 ${addressOf(this.area)} 不符`);
      (value as unknown[][]).forEach((line, r) => line.forEach((v, c) => this.sheet.put(top + r, left + c, typed(v))));
    } else {
      const cell = typed(value);
      for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) this.sheet.put(top + r, left + c, cell);
    }
    this.book.recordWrite(this.sheet.sheetName, addressOf(this.area));
  }
}

class EtDoubleListObject implements EtListObject {
  constructor(
    private readonly sheet: EtDoubleSheet,
    private readonly table: { name: string; area: Area },
  ) {}

  get Name(): string {
    this.sheet.book.tick("ListObject.Name");
    return this.table.name;
  }

  get Range(): EtRange {
    this.sheet.book.tick("ListObject.Range");
    return new EtDoubleRange(this.sheet, this.table.area);
  }
}

class EtDoubleListObjects implements EtListObjects {
  constructor(private readonly sheet: EtDoubleSheet) {}

  get Count(): number {
    this.sheet.book.tick("ListObjects.Count");
    return this.sheet.tables.length;
  }

  Item(Index: string | number): EtListObject {
    this.sheet.book.tick("ListObjects.Item");
    const table =
      typeof Index === "number" ? this.sheet.tables[Index - 1] : this.sheet.tables.find((t) => t.name === Index);
    if (!table || (typeof Index === "number" && Index < 1)) throw new Error(`ListObjects.Item：找不到 ${Index}`);
    return new EtDoubleListObject(this.sheet, table);
  }
}

export class EtDoubleChart implements EtChart, EtChartObject, EtChartTitle {
  chartType = -4100; // xl3DColumn, ET's default until set
  hasTitle = false;
  title = "";
  source: string | null = null;

  constructor(
    private readonly book: EtDoubleWorkbook,
    readonly placement: { left: number; top: number; width: number; height: number },
  ) {}

  get Chart(): EtChart {
    this.book.tick("ChartObject.Chart");
    return this;
  }

  get ChartType(): number {
    this.book.tick("Chart.ChartType");
    return this.chartType;
  }

  set ChartType(value: number) {
    this.book.tick("Chart.ChartType=");
    this.chartType = value;
  }

  get HasTitle(): boolean {
    this.book.tick("Chart.HasTitle");
    return this.hasTitle;
  }

  set HasTitle(value: boolean) {
    this.book.tick("Chart.HasTitle=");
    this.hasTitle = value;
  }

  get ChartTitle(): EtChartTitle {
    this.book.tick("Chart.ChartTitle");
    if (!this.hasTitle) throw new Error("图表没有标题（先设置 HasTitle = true）");
    return this;
  }

  get Text(): string {
    this.book.tick("ChartTitle.Text");
    return this.title;
  }

  set Text(value: string) {
    this.book.tick("ChartTitle.Text=");
    this.title = value;
  }

  SetSourceData(Source: EtRange): void {
    this.book.tick("Chart.SetSourceData");
    if (!(Source instanceof EtDoubleRange)) throw new Error("SetSourceData 需要 Range");
    this.source = `${Source.sheet.sheetName}!${addressOf(Source.area)}`;
  }
}

class EtDoubleChartObjects implements EtChartObjects {
  constructor(private readonly sheet: EtDoubleSheet) {}

  get Count(): number {
    this.sheet.book.tick("ChartObjects.Count");
    return this.sheet.charts.length;
  }

  Add(Left: number, Top: number, Width: number, Height: number): EtChartObject {
    this.sheet.book.tick("ChartObjects.Add");
    const chart = new EtDoubleChart(this.sheet.book, { left: Left, top: Top, width: Width, height: Height });
    this.sheet.charts.push(chart);
    return chart;
  }
}

class EtDoubleSheets implements EtSheets {
  constructor(private readonly book: EtDoubleWorkbook) {}

  get Count(): number {
    this.book.tick("Sheets.Count");
    return this.book.sheets.length;
  }

  Item(Index: string | number): EtWorksheet {
    this.book.tick("Sheets.Item");
    const sheet =
      typeof Index === "number"
        ? Index >= 1
          ? this.book.sheets[Index - 1]
          : undefined
        : this.book.sheets.find((s) => s.sheetName.toLowerCase() === String(Index).toLowerCase());
    if (!sheet) throw new Error(`下标越界：Worksheets.Item(${JSON.stringify(Index)})`);
    return sheet;
  }

  Add(Before?: unknown, After?: unknown): EtWorksheet {
    this.book.tick("Sheets.Add");
    let n = this.book.sheets.length + 1;
    while (this.book.sheets.some((s) => s.sheetName === `Sheet${n}`)) n++;
    const sheet = new EtDoubleSheet(this.book, `Sheet${n}`);
    const anchor = (After ?? Before) as EtDoubleSheet | undefined;
    const at = anchor
      ? this.book.sheets.indexOf(anchor) + (After ? 1 : 0)
      : this.book.sheets.indexOf(this.book.activeSheet);
    this.book.sheets.splice(at < 0 ? this.book.sheets.length : at, 0, sheet);
    this.book.activeSheet = sheet; // Excel and ET activate a sheet they add
    return sheet;
  }
}

export class EtDoubleWorkbook implements EtWorkbook, EtAddinRoot, EtApiEvent {
  readonly sheets: EtDoubleSheet[] = [];
  activeSheet!: EtDoubleSheet;
  activeCell: Area = { top: 0, left: 0, rows: 1, columns: 1 };
  readonly stats: EtStats = EtDoubleWorkbook.freshStats();
  private readonly listeners = new Set<SelectionListener>();
  private screenUpdating = true;
  private enableEvents = true;
  private calculation = -4105; // xlCalculationAutomatic
  /** Every change of the application state, in order (to prove it is restored). */
  readonly stateLog: string[] = [];

  constructor(readonly fullName = "C:\\Users\\official\\Documents\\名单.xlsx") {}

  private static freshStats(): EtStats {
    return {
      calls: 0,
      byMember: new Map(),
      writes: [],
      get estimatedMs() {
        return this.calls * MS_PER_CALL;
      },
    };
  }

  tick(member: string): void {
    this.stats.calls++;
    this.stats.byMember.set(member, (this.stats.byMember.get(member) ?? 0) + 1);
  }

  resetStats(): void {
    this.stats.calls = 0;
    this.stats.byMember.clear();
    this.stats.writes.length = 0;
  }

  recordWrite(sheet: string, address: string): void {
    this.stats.writes.push({
      sheet,
      address,
      screenUpdating: this.screenUpdating,
      enableEvents: this.enableEvents,
      calculation: this.calculation,
    });
  }

  addSheet(name: string, rows: readonly (readonly unknown[])[] = []): EtDoubleSheet {
    const sheet = new EtDoubleSheet(this, name);
    sheet.load(rows);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  sheet(name: string): EtDoubleSheet {
    const sheet = this.sheets.find((s) => s.sheetName === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  select(sheetName: string, address: string): void {
    this.activeSheet = this.sheet(sheetName);
    this.activeCell = parseAddress(address);
  }

  /** What WPS does when the user moves the selection: fire SheetSelectionChange(sheet, range). */
  fireSelectionChange(sheetName: string, address: string): void {
    this.select(sheetName, address);
    for (const listener of this.listeners)
      listener(this.activeSheet, new EtDoubleRange(this.activeSheet, this.activeCell));
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /* --- Workbook --- */

  get Name(): string {
    this.tick("Workbook.Name");
    return this.fullName.split(/[\\/]/).pop() ?? "";
  }

  get FullName(): string {
    this.tick("Workbook.FullName");
    return this.fullName;
  }

  get Worksheets(): EtSheets {
    this.tick("Workbook.Worksheets");
    return new EtDoubleSheets(this);
  }

  /* --- Application --- */

  get ActiveWorkbook(): EtWorkbook {
    this.tick("Application.ActiveWorkbook");
    return this;
  }

  get ActiveSheet(): EtWorksheet {
    this.tick("Application.ActiveSheet");
    return this.activeSheet;
  }

  get ActiveCell(): EtRange {
    this.tick("Application.ActiveCell");
    return new EtDoubleRange(this.activeSheet, { ...this.activeCell, rows: 1, columns: 1 });
  }

  get ScreenUpdating(): boolean {
    this.tick("Application.ScreenUpdating");
    return this.screenUpdating;
  }

  set ScreenUpdating(value: boolean) {
    this.tick("Application.ScreenUpdating=");
    this.stateLog.push(`ScreenUpdating=${value}`);
    this.screenUpdating = value;
  }

  get EnableEvents(): boolean {
    this.tick("Application.EnableEvents");
    return this.enableEvents;
  }

  set EnableEvents(value: boolean) {
    this.tick("Application.EnableEvents=");
    this.stateLog.push(`EnableEvents=${value}`);
    this.enableEvents = value;
  }

  get Calculation(): number {
    this.tick("Application.Calculation");
    return this.calculation;
  }

  set Calculation(value: number) {
    this.tick("Application.Calculation=");
    this.stateLog.push(`Calculation=${value}`);
    this.calculation = value;
  }

  get state(): { screenUpdating: boolean; enableEvents: boolean; calculation: number } {
    return { screenUpdating: this.screenUpdating, enableEvents: this.enableEvents, calculation: this.calculation };
  }

  get ApiEvent(): EtApiEvent {
    this.tick("Application.ApiEvent");
    return this;
  }

  AddApiEventListener(EventName: "SheetSelectionChange", callback: SelectionListener): void {
    this.tick("ApiEvent.AddApiEventListener");
    if (EventName !== "SheetSelectionChange") throw new Error(`event not modelled: ${String(EventName)}`);
    this.listeners.add(callback);
  }

  RemoveApiEventListener(EventName: "SheetSelectionChange", callback?: SelectionListener): void {
    this.tick("ApiEvent.RemoveApiEventListener");
    if (callback) this.listeners.delete(callback);
    else this.listeners.clear();
  }
}

/** A workbook with the given sheets (the first is active, A1 selected). */
export function etWorkbook(sheets: { name: string; cells?: readonly (readonly unknown[])[] }[]): EtDoubleWorkbook {
  const book = new EtDoubleWorkbook();
  for (const s of sheets) book.addSheet(s.name, s.cells ?? []);
  return book;
}

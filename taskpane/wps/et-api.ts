/**
 * The subset of WPS 表格's object model (ET, VBA-like, synchronous) that XSG uses, as narrow
 * interfaces. The ET fill host programs against these; the test double implements them; and the
 * checks at the bottom make tsc prove that the real API as published by Kingsoft
 * (et-jsapi-declare, `Et.*`) has every member used here with compatible types — so neither the
 * host nor the double can use a member or a signature that WPS does not declare.
 *
 * Where the declarations are known to be too narrow, the narrow type says so and why:
 *  - Value2 is declared `string | Array<any>`; cells are numbers, booleans and null too, so it is
 *    read as `unknown` (the host normalises every shape).
 */
/// <reference types="et-jsapi-declare" />

export interface EtRange {
  readonly Row: number;
  readonly Column: number;
  readonly Count: number;
  readonly Rows: EtRange;
  readonly Columns: EtRange;
  readonly Worksheet: EtWorksheet;
  /** One cell: a scalar (null when empty); several: rows × columns arrays. Error cells: CVErr numbers. */
  Value2: unknown;
  /** Formulas ("=…") or constants as typed; one cell: a string, several: rows × columns. */
  Formula: unknown;
  /** false when no cell is merged; true or null (mixed) otherwise. */
  readonly MergeCells: boolean | null;
  Resize(RowSize?: number, ColumnSize?: number): EtRange;
  Item(RowIndex: number, ColumnIndex?: number): EtRange;
  readonly Cells: EtRange;
  /** Position and size in points (where a chart goes). */
  readonly Left: number;
  readonly Top: number;
  readonly Width: number;
  readonly Height: number;
}

export interface EtListObject {
  readonly Name: string;
  readonly Range: EtRange;
}

export interface EtListObjects {
  readonly Count: number;
  Item(Index: string | number): EtListObject;
}

export interface EtWorksheet {
  Name: string;
  readonly Index: number;
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  readonly ProtectContents: boolean;
  readonly ListObjects: EtListObjects;
  Range(Cell1: unknown, Cell2?: number): EtRange;
  Activate(): void;
  ChartObjects(Index?: string | number): EtChartObjects | Et.ChartObject;
}

export interface EtSheets {
  readonly Count: number;
  /** Declared `Worksheet | Sheets` (Sheets for an array of names); a name or index gives one sheet. */
  Item(Index: string | number): EtWorksheet | Et.Sheets;
  Add(Before?: unknown, After?: unknown, Count?: number, Type?: number | string): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly FullName: string;
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
}

export interface EtChartTitle {
  Text: string;
}

export interface EtChart {
  ChartType: Kso.XlChartType;
  HasTitle: boolean;
  readonly ChartTitle: EtChartTitle;
  SetSourceData(Source: EtRange, PlotBy?: number): void;
}

export interface EtChartObject {
  readonly Chart: EtChart;
}

export interface EtChartObjects {
  readonly Count: number;
  Add(Left: number, Top: number, Width: number, Height: number): EtChartObject;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook;
  readonly ActiveSheet: EtWorksheet;
  readonly ActiveCell: EtRange;
  ScreenUpdating: boolean;
  EnableEvents: boolean;
  Calculation: Et.XlCalculation;
}

/** SheetSelectionChange(sheet, range); ET declares the sheet as `Worksheet | object`. */
export type SelectionListener = (sheet: unknown, range: EtRange) => void;

/** Application.ApiEvent: the events XSG listens to. */
export interface EtApiEvent {
  AddApiEventListener(EventName: "SheetSelectionChange", callback: SelectionListener): void;
  RemoveApiEventListener(EventName: "SheetSelectionChange", callback?: SelectionListener): void;
}

/** The add-in root (window.Application / wps): the object model plus the add-in services XSG uses. */
export interface EtAddinRoot extends EtApplication {
  readonly ApiEvent: EtApiEvent;
}

/** A task pane (WPS.CustomTaskpane). */
export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition: Kso.MsoCTPDockPosition;
  Navigate(url: string): void;
}

/** The add-in services the ribbon page uses: task panes and the in-session PluginStorage. */
export interface EtPaneHost {
  readonly PluginStorage: { getItem(key: string): string | null; setItem(key: string, value: string | number): void };
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane;
}

/** msoCTPDockPositionRight. */
export const DOCK_RIGHT: Kso.MsoCTPDockPosition = 2;

/** XlCalculation values (declared as an ambient enum, which has no runtime object). */
export const XL_CALCULATION_MANUAL: Et.XlCalculation = -4135;
/** XlChartType.xlColumnClustered. */
export const XL_COLUMN_CLUSTERED: Kso.XlChartType = 51;

/** The worksheet an Item(name) gave (ET declares Item as Worksheet | Sheets). */
export function asWorksheet(item: EtWorksheet | Et.Sheets): EtWorksheet {
  return item as EtWorksheet;
}

/** The collection ChartObjects() gives without an index (declared ChartObjects | ChartObject). */
export function asChartObjects(item: EtChartObjects | Et.ChartObject): EtChartObjects {
  return item as EtChartObjects;
}

/* Compile-time proof that the published API covers the narrow interfaces (see the top). */
type Covers<Real, Narrow> = [Real] extends [Narrow] ? true : never;
const covered: [
  Covers<Et.Range, EtRange>,
  Covers<Et.Worksheet, EtWorksheet>,
  Covers<Et.Sheets, EtSheets>,
  Covers<Et.Workbook, EtWorkbook>,
  Covers<Et.ListObjects, EtListObjects>,
  Covers<Et.ChartObjects, EtChartObjects>,
  Covers<Et.Chart, EtChart>,
  Covers<Et.Application, EtApplication>,
  Covers<WPS.EtApiEvent, EtApiEvent>,
  Covers<WPSMergedRoot, EtAddinRoot>,
  Covers<WPS.CustomTaskpane, EtTaskPane>,
  Covers<WPSMergedRoot, EtPaneHost>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
void covered;

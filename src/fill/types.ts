/**
 * Shared types of the batch-fill engine. The engine is host-independent: it talks to a
 * workbook only through FillHost (Office.js in taskpane/excel/, .xlsx packages in taskpane/file/).
 */

/** An error cell as hosts hand it over: Excel valuesAsJson ({type:"Error", basicValue:"#N/A"}), a file ({error:"#N/A"}). */
export interface CellErrorObject {
  readonly type?: string;
  readonly basicValue?: unknown;
  readonly errorType?: string;
  readonly error?: unknown;
  /** A formula the file holds no calculated value for (never saved by Excel/WPS): not a value to read as 0 or blank. */
  readonly uncalculated?: boolean;
}

/** One cell as read from a sheet. Excel gives errors as "#N/A" strings and dates as serial numbers; other readers may give Date objects. */
export type CellValue = string | number | boolean | null | undefined | Date | CellErrorObject;

/**
 * What a cell holds, exactly enough to put it back (undo) and to tell whether the fill may overwrite it:
 * null = empty; a number/boolean/string constant; a formula; an error constant typed into the cell.
 */
export type CellContent = null | number | boolean | string | { readonly formula: string } | { readonly error: string };

/** A rectangle of cells, absolute 0-based indexes on the sheet. */
export interface CellArea {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

/** The data found around the selection (a table) or the used range of the active sheet, before its values are read. */
export interface RegionInfo {
  readonly sheetName: string;
  /** Absolute 0-based position of the region's top-left cell. */
  readonly top: number;
  readonly left: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isTable: boolean;
  readonly tableName?: string;
  readonly protected: boolean;
  /**
   * Merged areas intersecting the region widened by the output columns; null when the host
   * cannot tell (Excel API below 1.13): the engine then relies on the write failing whole-block.
   */
  readonly mergedAreas: readonly CellArea[] | null;
  /** The first rows of the region (all columns), enough to find the header and size the read blocks. */
  readonly head: readonly (readonly CellValue[])[];
}

/** The region with all its values read (rows × columns, rectangular). */
export interface DataRegion extends RegionInfo {
  readonly values: readonly (readonly CellValue[])[];
}

/** Layout of the summary sheet, produced by the engine so every host draws the same thing. */
export interface SummaryLayout {
  /** Preferred sheet name; the host adds " (2)" etc. when taken. */
  readonly sheetName: string;
  /** Cell grid written from A1. */
  readonly cells: readonly (readonly (string | number | null)[])[];
  /** Native charts over parts of the grid (0-based, relative to A1). */
  readonly charts: readonly SummaryChart[];
}

export interface SummaryChart {
  readonly title: string;
  /** Categories in the first column, one series in the next column(s), header row included. */
  readonly source: CellArea;
  /** Where to place the chart (cell area, 0-based). */
  readonly position: CellArea;
}

/**
 * The only boundary between the fill engine and a workbook. Every method that touches the
 * workbook is ONE round trip (one context.sync in Excel) unless stated otherwise, so the engine
 * controls how many syncs a fill takes and how big each request is.
 */
/** The active cell as a host reports it. */
export interface SelectedCell {
  readonly sheetName: string;
  /** Absolute 0-based row and column. */
  readonly row: number;
  readonly column: number;
}

export interface DescribeRegionOptions {
  /** How many rows of values to return in `head` (default 30). */
  readonly headRows?: number;
  /** Merged areas are reported for the region widened by this many columns to the right (the output columns). */
  readonly extraColumns?: number;
}

/**
 * The only boundary between the fill engine and a workbook. Every method that touches the
 * workbook is ONE round trip (one context.sync in Excel) unless stated otherwise, so the engine
 * controls how many syncs a fill takes and how big each request is. Areas are on the named sheet,
 * never "the active sheet", so a user switching sheets mid-fill cannot redirect a write.
 */
export interface FillHost {
  /** Locate the data (at most three round trips): the table around the selection, else the used range of the active sheet. */
  describeRegion(options?: DescribeRegionOptions): Promise<RegionInfo>;
  /** Values of an area (one round trip). */
  readValues(sheetName: string, area: CellArea): Promise<CellValue[][]>;
  /** Exact contents of an area for the undo snapshot and conflict check (one round trip). */
  readBlock(sheetName: string, area: CellArea): Promise<CellContent[][]>;
  /** Write exact contents (one round trip); calculation is suspended until the write is done. */
  writeBlock(sheetName: string, area: CellArea, cells: readonly (readonly CellContent[])[]): Promise<void>;
  /** The active cell, or null when the host cannot tell. */
  getSelectedRow(): Promise<SelectedCell | null>;
  /** Call `listener` whenever the selection moves; resolves to an unsubscribe function. */
  onSelectionChanged(listener: (cell: SelectedCell) => void): Promise<() => Promise<void>>;
  /** Per-workbook memory (Excel: document settings); null when absent. */
  loadSetting(key: string): Promise<unknown>;
  saveSetting(key: string, value: unknown): Promise<void>;
  /** Write the summary to a new sheet with native charts; resolves to the new sheet's name. */
  writeSummarySheet(layout: SummaryLayout): Promise<string>;
  /** Run a whole fill as one host batch (Excel: one Excel.run, one undo group where supported). Optional. */
  batch?<T>(work: () => Promise<T>): Promise<T>;
}

/** Error a host throws when one request or response would exceed the host's payload limit. */
export const PAYLOAD_TOO_LARGE = "PayloadTooLarge";

export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === PAYLOAD_TOO_LARGE ||
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded"
  );
}

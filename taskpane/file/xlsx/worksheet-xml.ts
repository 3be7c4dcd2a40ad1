/** A plain worksheet part from a grid of values: for a .csv turned workbook and the summary sheet. */
import { cellA1 } from "../../../src/fill/address";
import { MAIN_NS, REL_NS, XML_HEAD } from "./ooxml";
import { cellXml } from "./cell-xml";

export type SheetCell = string | number | null;

export interface WorksheetOptions {
  /** Column widths (characters) from column A. */
  readonly widths?: readonly number[];
  /** Relationship id of the sheet's drawing (charts), if any. */
  readonly drawingId?: string;
}

/** One <row> (0-based `row`) of a plain sheet; "" when every cell is empty. */
export function worksheetRowXml(row: number, line: readonly SheetCell[]): string {
  let cells = "";
  for (let c = 0; c < line.length; c++) cells += cellXml("", cellA1(row, c), null, line[c]);
  return cells ? `<row r="${row + 1}">${cells}</row>` : "";
}

/** A worksheet part around rows already written by worksheetRowXml. */
export function worksheetOfRows(rowsXml: readonly string[], options: WorksheetOptions = {}): string {
  const cols = options.widths?.length
    ? `<cols>${options.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const drawing = options.drawingId ? `<drawing r:id="${options.drawingId}"/>` : "";
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `${cols}<sheetData>${rowsXml.join("")}</sheetData>${drawing}</worksheet>`
  );
}

export function worksheetXml(rows: readonly (readonly SheetCell[])[], options: WorksheetOptions = {}): string {
  return worksheetOfRows(
    rows.map((line, r) => worksheetRowXml(r, line)),
    options,
  );
}

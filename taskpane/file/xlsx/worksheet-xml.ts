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

export function worksheetXml(rows: readonly (readonly SheetCell[])[], options: WorksheetOptions = {}): string {
  const body: string[] = [];
  rows.forEach((line, r) => {
    const cells = line.map((value, c) => cellXml("", cellA1(r, c), null, value)).join("");
    if (cells) body.push(`<row r="${r + 1}">${cells}</row>`);
  });
  const cols = options.widths?.length
    ? `<cols>${options.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const drawing = options.drawingId ? `<drawing r:id="${options.drawingId}"/>` : "";
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `${cols}<sheetData>${body.join("")}</sheetData>${drawing}</worksheet>`
  );
}

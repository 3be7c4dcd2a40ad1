/** A plain worksheet part from a grid of values: for a .csv turned workbook and the summary sheet. */
import { cellA1 } from "../../../src/fill/address";
import { MAIN_NS, REL_NS, XML_HEAD } from "./ooxml";
import { escapeXmlText } from "./xml";

export type SheetCell = string | number | null;

function cellXml(ref: string, value: SheetCell): string {
  if (value === null || value === "") return "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : "";
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXmlText(value)}</t></is></c>`;
}

export interface WorksheetOptions {
  /** Column widths (characters) from column A. */
  readonly widths?: readonly number[];
  /** Relationship id of the sheet's drawing (charts), if any. */
  readonly drawingId?: string;
}

export function worksheetXml(rows: readonly (readonly SheetCell[])[], options: WorksheetOptions = {}): string {
  const body: string[] = [];
  rows.forEach((line, r) => {
    const cells = line.map((value, c) => cellXml(cellA1(r, c), value)).join("");
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

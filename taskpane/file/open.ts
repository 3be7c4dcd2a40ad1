/**
 * Bytes of an .xlsx or .csv file → an exceljs Workbook, in Node (CLI) and in the browser (the
 * offline page, from a FileReader). The format is told by content, not by the name: an .xlsx
 * is a zip ("PK"), an old .xls is an OLE2 compound file, anything else is tried as CSV.
 */
import ExcelJS from "exceljs";
import { csvFieldValue, decodeCsvBytes, parseCsv } from "./csv";

export type OpenErrorKind = "not-workbook" | "legacy-xls" | "empty";

/** Unusable input, with a Chinese message for the official (CLI exit code 2, a MessageBar on the page). */
export class WorkbookOpenError extends Error {
  override readonly name = "WorkbookOpenError";
  constructor(
    readonly kind: OpenErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const ZIP_MAGIC = [0x50, 0x4b];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** A sheet name from a file name: Excel's rules (≤ 31 characters, none of []:*?/\). */
export function sheetNameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  return base.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Sheet1";
}

export async function openWorkbook(data: ArrayBuffer | Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw new WorkbookOpenError("empty", `文件“${fileName}”是空的。`);
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw new WorkbookOpenError(
      "legacy-xls",
      `“${fileName}”是旧版 .xls 格式：请先在 WPS 或 Excel 中“另存为” .xlsx 再打开。`,
    );
  }
  if (startsWith(bytes, ZIP_MAGIC)) return openXlsx(bytes, fileName);
  return csvWorkbook(decodeCsvBytes(bytes), fileName);
}

async function openXlsx(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants an ArrayBuffer-like of exactly the file's bytes.
    const buffer =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    await workbook.xlsx.load(buffer as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbookOpenError("not-workbook", `无法读取“${fileName}”：不是有效的 .xlsx 文件（${detail}）。`);
  }
  if (workbook.worksheets.length === 0) throw new WorkbookOpenError("empty", `“${fileName}”中没有工作表。`);
  return workbook;
}

/** A one-sheet workbook holding the CSV's cells (numbers as numbers, see csvFieldValue). */
export function csvWorkbook(text: string, fileName: string): ExcelJS.Workbook {
  if (text.includes("\u0000")) {
    throw new WorkbookOpenError("not-workbook", `无法读取“${fileName}”：既不是 .xlsx 也不是文本 CSV 文件。`);
  }
  const rows = parseCsv(text);
  if (rows.every((row) => row.every((field) => field.trim() === ""))) {
    throw new WorkbookOpenError("empty", `“${fileName}”中没有数据。`);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetNameFromFile(fileName));
  rows.forEach((fields, index) => {
    const row = sheet.getRow(index + 1);
    fields.forEach((field, column) => {
      const value = csvFieldValue(field);
      if (value !== null) row.getCell(column + 1).value = value;
    });
  });
  return workbook;
}

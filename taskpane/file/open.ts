/**
 * Bytes of an .xlsx or .csv file → an XlsxPackage, in Node (CLI) and in the browser (the offline
 * page, from a FileReader). The format is told by content, not by the name: an .xlsx is a zip
 * ("PK"), an old .xls is an OLE2 compound file, anything else is tried as CSV.
 */
import { legalSheetName } from "../../src/fill/sheet-names";
import { csvFieldValue, CsvFormatError, csvRows, decodeCsv, detectSeparator, type DecodedCsv } from "./csv";
import { concatBytes, portableCodec, type Codec } from "./xlsx/codec";
import { workbookOfSheet } from "./xlsx/new-workbook";
import { worksheetOfRows, worksheetRowXml } from "./xlsx/worksheet-xml";
import { XlsxPackage } from "./xlsx/package";
import { FileLimitError, MAX_COLUMNS, MAX_CSV_BYTES, MAX_PART_BYTES, MAX_ROWS, megabytes } from "./xlsx/limits";
import { utf8Encoder } from "./xlsx/xml";
import { finish, scaled, type Steps } from "./xlsx/steps";

export type OpenErrorKind = "not-workbook" | "legacy-xls" | "empty" | "too-large";

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
  return legalSheetName(fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, ""), "Sheet1");
}

/**
 * "名单.xlsx" → "名单.filled.xlsx" — the command line's and the page's name for the output. A
 * macro workbook or template becomes .xlsm (its macros are kept, and Excel refuses macros in an
 * .xlsx); any other template and a .csv become an .xlsx.
 */
export function filledFileName(fileName: string): string {
  // A template's output is a workbook (its content type is changed on save, see XlsxPackage).
  const extension = /\.xl[st]m$/i.test(fileName) ? ".xlsm" : ".xlsx";
  const base = fileName.replace(/\.[^./\\]*$/, "") || "workbook";
  return `${base}.filled${extension}`;
}

export function openWorkbook(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
  codec: Codec = portableCodec,
): XlsxPackage {
  return finish(openWorkbookSteps(data, fileName, codec));
}

/** openWorkbook piece by piece (progress 0–1): the offline page runs it in time slices. */
export function* openWorkbookSteps(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
  codec: Codec = portableCodec,
): Steps<XlsxPackage> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw new WorkbookOpenError("empty", `文件“${fileName}”是空的。`);
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw new WorkbookOpenError(
      "legacy-xls",
      `“${fileName}”是旧版 .xls 格式（或已加密）：请先在 WPS 或 Excel 中“另存为”不加密的 .xlsx 再打开。`,
    );
  }
  if (startsWith(bytes, ZIP_MAGIC)) return yield* openXlsxSteps(bytes, fileName, codec);
  if (bytes.length > MAX_CSV_BYTES)
    throw new WorkbookOpenError(
      "too-large",
      `“${fileName}”有 ${megabytes(bytes.length)}，超过可处理的上限 ${megabytes(MAX_CSV_BYTES)}：请拆分后再填充，或另存为 .xlsx。`,
    );
  return csvWorkbook(decodeCsv(bytes), fileName, codec);
}

/** The package, with its first sheet indexed: a broken sheet is reported now, not at the first click. */
function* openXlsxSteps(bytes: Uint8Array, fileName: string, codec: Codec): Steps<XlsxPackage> {
  let workbook: XlsxPackage;
  try {
    workbook = yield* scaled(XlsxPackage.openSteps(bytes, codec), 0, 0.3);
    const worksheets = workbook.sheets.filter((s) => s.part !== null);
    const first = workbook.sheets[workbook.activeTab]?.part ? workbook.sheets[workbook.activeTab] : worksheets[0];
    if (first) yield* scaled(workbook.gridSteps(first.name), 0.3, 1);
  } catch (error) {
    if (error instanceof FileLimitError)
      throw new WorkbookOpenError("too-large", `无法读取“${fileName}”：${error.message}。`);
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbookOpenError("not-workbook", `无法读取“${fileName}”：不是有效的 .xlsx 文件（${detail}）。`);
  }
  if (!workbook.sheets.some((s) => s.part !== null))
    throw new WorkbookOpenError("empty", `“${fileName}”中没有工作表。`);
  return workbook;
}

/**
 * A one-sheet workbook holding the CSV's cells (numbers as numbers, see csvFieldValue). Rows are
 * turned into sheet XML one at a time, and the sheet is stored uncompressed (it is read right
 * back): the file's rows are never all held as cell arrays.
 */
export function csvWorkbook(decoded: DecodedCsv | string, fileName: string, codec: Codec = portableCodec): XlsxPackage {
  const { text, utf16 } = typeof decoded === "string" ? { text: decoded, utf16: false } : decoded;
  if (text.includes("\u0000")) {
    throw new WorkbookOpenError("not-workbook", `无法读取“${fileName}”：既不是 .xlsx 也不是文本 CSV 文件。`);
  }
  // Rows are kept as UTF-8 bytes (half the memory of JavaScript strings for this text), counted
  // against the part limit as they are made: a big CSV is refused before its sheet is finished.
  const rowsXml: Uint8Array[] = [];
  let xmlBytes = 0;
  let hasData = false;
  let row = 0;
  try {
    // Excel's "Unicode text" (UTF-16) is tab-separated: a tab on any of the first lines decides.
    const separator = utf16 && /\t/.test(text.slice(0, 64 * 1024)) ? "\t" : detectSeparator(text);
    for (const fields of csvRows(text, separator)) {
      if (row >= MAX_ROWS) throw new FileLimitError(`超过 Excel 的上限 ${MAX_ROWS} 行，请拆分后再填充`);
      if (fields.length > MAX_COLUMNS)
        throw new FileLimitError(`第 ${row + 1} 行有 ${fields.length} 列，超过 Excel 的上限 ${MAX_COLUMNS} 列`);
      const cells = fields.map(csvFieldValue);
      if (!hasData) hasData = cells.some((cell) => cell !== null);
      const bytes = utf8Encoder.encode(worksheetRowXml(row, cells));
      xmlBytes += bytes.length;
      if (xmlBytes > MAX_PART_BYTES)
        throw new FileLimitError(
          `转换成工作表后超过 ${megabytes(MAX_PART_BYTES)}（到第 ${row + 1} 行时），过大无法处理：请拆分后再填充`,
        );
      rowsXml.push(bytes);
      row++;
    }
  } catch (error) {
    if (error instanceof CsvFormatError || error instanceof FileLimitError)
      throw new WorkbookOpenError("not-workbook", `无法读取“${fileName}”：${error.message}。`);
    throw error;
  }
  if (!hasData) throw new WorkbookOpenError("empty", `“${fileName}”中没有数据。`);
  const [head, tail] = worksheetOfRows(["\u0000"])
    .split("\u0000")
    .map((text) => utf8Encoder.encode(text));
  const sheet = concatBytes([head, ...rowsXml, tail]);
  rowsXml.length = 0;
  const bytes = workbookOfSheet(sheetNameFromFile(fileName), sheet, codec, true);
  return XlsxPackage.open(bytes, codec);
}

/**
 * One worksheet's XML, indexed without building a cell object per cell: the start and end of
 * every row and cell are kept in typed arrays, and a cell's value is decoded only when the fill
 * reads it. Writes are kept aside (an overlay of rectangles, newest last) and merged into the
 * XML on save, so every cell the fill did not write keeps its exact bytes — styles, shared
 * formulas, rich text, everything.
 *
 * Values read like Excel's `values` (what the add-in sees): dates are serial numbers, a formula
 * reads as its cached result, an error as { error: "#N/A" }.
 */
import { areaA1, cellA1, columnIndexOfLetters, parseAreaA1 } from "../../../src/fill/address";
import { sameContent } from "../../../src/fill/cells";
import { excelSerialOfTime } from "../../../src/parse/excelDate";
import { in1900System } from "../../../src/fill/date-system";
import { cellXml } from "./cell-xml";
import { MAX_COLUMNS, MAX_ROWS } from "./limits";
import { xmlProblem } from "./well-formed";
import type { CellArea, CellContent, CellErrorObject, CellValue } from "../../../src/fill/types";
import { UNCALCULATED_TEXT } from "../../../src/fill/cells";
import { shiftFormula } from "./formula-shift";
import { finish, type Steps } from "./steps";
import type { StyleSheet } from "./styles";
import {
  attribute,
  BrokenXmlError,
  decodeXml,
  elements,
  escapeXmlText,
  indexWithin,
  NextOf,
  openTag,
  rootPrefix,
  runText,
  withAttribute,
  withoutAttribute,
} from "./xml";

/** A formula cell without a calculated value the fill may read (see valueOf). */
const UNCALCULATED: CellErrorObject = { error: UNCALCULATED_TEXT, uncalculated: true };

/** Marks an overlay cell that puts back the original cell exactly (undo). */
const ORIGINAL = Symbol("original");
type OverlayCell = CellContent | typeof ORIGINAL;

interface Write {
  readonly area: CellArea;
  readonly cells: readonly (readonly OverlayCell[])[];
}

/** Growable Int32 column for the index. */
class IntColumn {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

const GT = 62;

/** A sheet whose XML the index cannot trust: say where, in the official's terms. */
function broken(row: number, what: string): Error {
  return new BrokenXmlError(`工作表第 ${row} 行：${what}（文件可能已损坏，请在 WPS 或 Excel 中打开后重新保存）`);
}
const SLASH = 47;
const T = 116;
const EQUALS = 61;
/** The values of a cell's t attribute (ST_CellType), the most frequent first. */
const CELL_TYPES = ["s", "str", "n", "inlineStr", "b", "e", "d"] as const;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function isNameEnd(code: number): boolean {
  return code === 32 || code === GT || code === SLASH || code === 9 || code === 10 || code === 13;
}

/** "AB12" → 0-based column (27); -1 when the text does not start with letters. */
function columnOfReference(xml: string, at: number): number {
  let col = 0;
  let i = at;
  for (;;) {
    const code = xml.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else break;
    i++;
  }
  return i === at ? -1 : col - 1;
}

function union(a: CellArea | null, b: CellArea): CellArea {
  if (!a) return b;
  const top = Math.min(a.top, b.top);
  const left = Math.min(a.left, b.left);
  const bottom = Math.max(a.top + a.rows, b.top + b.rows);
  const right = Math.max(a.left + a.columns, b.left + b.columns);
  return { top, left, rows: bottom - top, columns: right - left };
}

export class SheetGrid {
  private readonly prefix: string;
  /** Offsets of `<sheetData>`'s content (between its open and close tags). */
  private readonly dataStart: number;
  private readonly dataEnd: number;
  private readonly dataSelfClosing: boolean;
  // Rows, in document order (ascending row numbers).
  private readonly rowNumber = new IntColumn();
  private readonly rowStart = new IntColumn();
  private readonly rowOpenEnd = new IntColumn();
  private readonly rowEnd = new IntColumn();
  private readonly rowFirstCell = new IntColumn();
  // Cells, in document order; a row's cells are rowFirstCell[r] .. rowFirstCell[r+1]-1.
  private readonly cellColumn = new IntColumn();
  private readonly cellStart = new IntColumn();
  private readonly cellEnd = new IntColumn();
  /** Sheet row (0-based) → index in the row columns, or -1. */
  private rowIndexByNumber = new Int32Array(0);
  private used: CellArea | null = null;
  /** usedArea() with the writes, computed when asked after a write. */
  private usedWithWrites: CellArea | null | undefined = undefined;
  private readonly writes: Write[] = [];
  private readonly widths = new Map<number, number>();
  private sharedMasters: Map<string, { row: number; column: number; ref: CellArea; text: string }> | null = null;
  /** Shared-formula children whose master a write replaces (computed on save). */
  private orphans: Set<number> | null = null;
  /** Every cell states its column as r="A1" (the usual case: kept cells can be copied as they are, in runs). */
  private everyCellHasR = true;

  private constructor(
    private readonly xml: string,
    private readonly sharedStrings: readonly string[],
    private readonly styles: StyleSheet | null,
    private readonly date1904: boolean,
    /** The workbook asks to be recalculated on open (fullCalcOnLoad): its stored formula results are not to be trusted. */
    private readonly staleFormulas: boolean,
    /** The well-formedness check of the XML (perhaps running elsewhere already); asked for its answer on save. */
    private xmlCheck: (() => string | null) | undefined,
  ) {
    this.prefix = rootPrefix(xml, "worksheet");
    const open = xml.indexOf(`<${this.prefix}sheetData`);
    if (open < 0) throw new BrokenXmlError("工作表缺少 sheetData");
    const openEnd = xml.indexOf(">", open);
    this.dataSelfClosing = xml.charCodeAt(openEnd - 1) === SLASH;
    this.dataStart = openEnd + 1;
    this.dataEnd = this.dataSelfClosing ? openEnd + 1 : xml.indexOf(`</${this.prefix}sheetData>`, openEnd);
    if (this.dataEnd < 0)
      throw new BrokenXmlError("工作表数据不完整：缺少结束标记（文件可能已损坏，请在 WPS 或 Excel 中打开后重新保存）");
  }

  /** A sheet's grid, indexed (progress 0–1 as rows are indexed). */
  static *create(
    xml: string,
    sharedStrings: readonly string[],
    styles: StyleSheet | null,
    date1904 = false,
    staleFormulas = false,
    /** The XML's well-formedness check, started elsewhere (Codec.checkXml); default: in place, when saving. */
    xmlCheck?: () => string | null,
  ): Steps<SheetGrid> {
    const grid = new SheetGrid(xml, sharedStrings, styles, date1904, staleFormulas, xmlCheck);
    yield* grid.index();
    return grid;
  }

  /** Whether anything was written (the package rewrites only changed sheets). */
  get changed(): boolean {
    return this.writes.length > 0;
  }

  get protected(): boolean {
    const element = elements(this.xml, `${this.prefix}sheetProtection`, this.dataEnd)[0];
    if (!element) return false;
    const sheet = attribute(openTag(element), "sheet");
    return sheet === "1" || sheet === "true";
  }

  /** The smallest rectangle holding every cell with a value (0-based), or null for an empty sheet. */
  usedArea(): CellArea | null {
    if (this.usedWithWrites === undefined) this.usedWithWrites = this.computeUsedArea();
    return this.usedWithWrites;
  }

  /** The original used area widened by written cells that hold something now (an undone fill adds nothing). */
  private computeUsedArea(): CellArea | null {
    let written: CellArea | null = null;
    for (const write of this.writes) written = union(written, write.area);
    if (!written) return this.used;
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    this.readContents(written).forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell === null || cell === "") return;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      }),
    );
    if (top < 0) return this.used;
    return union(this.used, {
      top: written.top + top,
      left: written.left + left,
      rows: bottom - top + 1,
      columns: right - left + 1,
    });
  }

  mergedAreas(): CellArea[] {
    return elements(this.xml, `${this.prefix}mergeCell`, this.dataEnd)
      .map((element) => parseAreaA1(attribute(openTag(element), "ref") ?? "")?.area ?? null)
      .filter((area): area is CellArea => area !== null);
  }

  /** Values of an area as Excel's `values` gives them (the overlay included). */
  readValues(area: CellArea): CellValue[][] {
    return this.readArea(
      area,
      (cell) => this.valueIn1900System(cell),
      (content) => contentValue(content),
    );
  }

  /** Exact contents of an area (the overlay included). */
  readContents(area: CellArea): CellContent[][] {
    return this.readArea(
      area,
      (cell) => this.contentOf(cell),
      (content) => content,
    );
  }

  /**
   * Keep a write. A cell written back to exactly what it held (undo) is marked to restore its
   * original XML, so an undone fill leaves the cell's bytes as they were.
   */
  write(area: CellArea, cells: readonly (readonly CellContent[])[]): void {
    const before = this.readArea(
      area,
      (cell) => this.contentOf(cell),
      () => undefined,
      false,
    );
    const overlay = cells.map((line, r) =>
      Array.from({ length: area.columns }, (_, c): OverlayCell => {
        const content = line[c] ?? null;
        return sameContent(content, before[r][c] ?? null) ? ORIGINAL : content;
      }),
    );
    this.writes.push({ area, cells: overlay });
    this.usedWithWrites = undefined;
    this.orphans = null;
  }

  /** Give column `column` this width (characters) on save, unless the sheet already sets one. */
  ensureColumnWidth(column: number, width: number): void {
    if (!this.widths.has(column)) this.widths.set(column, width);
  }

  /** The sheet's XML with the overlay merged in. */
  serialize(): string {
    const chunks: string[] = [];
    finish(this.serializeSteps((text) => chunks.push(text)));
    return chunks.join("");
  }

  /** The sheet's XML with the overlay merged in, handed to `emit` piece by piece (progress 0–1). */
  *serializeSteps(emit: (text: string) => void): Steps<void> {
    const x = this.xml;
    if (!this.changed) {
      emit(x);
      return;
    }
    // The rewritten part keeps all the rest of the input's XML: damage there is refused, not copied
    // on. The check (perhaps on another thread) is asked for its answer once the rows are written.
    const check = (this.xmlCheck ??= () => xmlProblem(x));
    const head = this.patchHead(x.slice(0, this.dataSelfClosing ? this.dataStart - 2 : this.dataStart));
    emit(this.dataSelfClosing ? `${head}>` : head);
    const touched = this.touchedRows();
    const rowCount = this.rowNumber.length;
    let copyFrom = this.dataStart;
    let ri = 0;
    let pending: string[] = [];
    for (let t = 0; t < touched.length; t++) {
      const row = touched[t];
      while (ri < rowCount && this.rowNumber.data[ri] < row) ri++;
      const exists = ri < rowCount && this.rowNumber.data[ri] === row;
      const at = exists ? this.rowStart.data[ri] : ri < rowCount ? this.rowStart.data[ri] : this.dataEnd;
      pending.push(x.slice(copyFrom, at), this.rowXml(row, exists ? ri : -1));
      copyFrom = exists ? this.rowEnd.data[ri] : at;
      if (pending.length >= 2 * SheetGrid.ROWS_PER_EMIT) {
        emit(pending.join(""));
        pending = [];
        yield t / touched.length;
      }
    }
    pending.push(x.slice(copyFrom, this.dataEnd));
    pending.push(this.dataSelfClosing ? `</${this.prefix}sheetData>${x.slice(this.dataEnd)}` : x.slice(this.dataEnd));
    emit(pending.join(""));
    const problem = check();
    if (problem) throw new BrokenXmlError(`XML 格式错误（${problem}）`);
  }

  // ---- reading ----

  /** Rows between pauses of the page while indexing. */
  private static readonly ROWS_PER_STEP = 2_000;
  /**
   * Rows per piece of XML handed on while serializing: small, so the row strings die young (a
   * scavenge that finds thousands of them still waiting to be joined copies them all).
   */
  private static readonly ROWS_PER_EMIT = 128;

  private *index(): Steps<void> {
    const x = this.xml;
    const p = this.prefix;
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    const cellOpen = `<${p}c`;
    const cellClose = `</${p}c>`;
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    let previousRow = -1;
    // Forward only: an empty row's search for its first cell must not run on through the rows after it.
    const cells = new NextOf(x, cellOpen);
    let pos = x.indexOf(rowOpen, this.dataStart);
    while (pos >= 0 && pos < this.dataEnd) {
      const tagEnd = x.indexOf(">", pos);
      if (tagEnd < 0) throw broken(previousRow + 2, "行标记不完整");
      const row = this.rowNumberAt(pos, rowOpen.length, tagEnd, previousRow);
      if (row >= MAX_ROWS) throw broken(row + 1, `行号超出 Excel 的上限 ${MAX_ROWS} 行`);
      if (!(row > previousRow)) throw broken(row + 1, "行号顺序异常");
      previousRow = row;
      if (this.rowNumber.length % SheetGrid.ROWS_PER_STEP === 0)
        yield (pos - this.dataStart) / (this.dataEnd - this.dataStart);
      this.rowNumber.push(row);
      this.rowStart.push(pos);
      this.rowOpenEnd.push(tagEnd + 1);
      this.rowFirstCell.push(this.cellColumn.length);
      let rowHasValue = false;
      if (x.charCodeAt(tagEnd - 1) === SLASH) {
        this.rowEnd.push(tagEnd + 1);
        pos = x.indexOf(rowOpen, tagEnd);
        continue;
      }
      const end = x.indexOf(rowClose, tagEnd);
      if (end < 0 || end > this.dataEnd) throw broken(row + 1, "行没有结束标记");
      let previousColumn = -1;
      let c = cells.from(tagEnd);
      while (c >= 0 && c < end) {
        if (!isNameEnd(x.charCodeAt(c + cellOpen.length))) {
          c = cells.from(c + 1);
          continue;
        }
        const cTagEnd = x.indexOf(">", c);
        const selfClosing = x.charCodeAt(cTagEnd - 1) === SLASH;
        const cClose = selfClosing ? cTagEnd : x.indexOf(cellClose, cTagEnd);
        if (cTagEnd < 0 || cTagEnd > end || cClose < 0 || cClose > end) throw broken(row + 1, "单元格不完整");
        const cEnd = selfClosing ? cTagEnd + 1 : cClose + cellClose.length;
        const column = this.columnOfCell(c, cTagEnd, previousColumn);
        // Binary search over a row's cells needs them in column order, as the format requires.
        if (column >= MAX_COLUMNS) throw broken(row + 1, `列超出 Excel 的上限 ${MAX_COLUMNS} 列（XFD）`);
        if (column <= previousColumn) throw broken(row + 1, "单元格顺序异常");
        previousColumn = column;
        this.cellColumn.push(column);
        this.cellStart.push(c);
        this.cellEnd.push(cEnd);
        // A cell with content (<v>, <is>, <f>) counts for the used area; a styled empty cell does not.
        if (!selfClosing && cEnd - cTagEnd > cellClose.length + 1) {
          rowHasValue = true;
          if (column < left) left = column;
          if (column > right) right = column;
        }
        c = cells.from(cEnd);
      }
      this.rowEnd.push(end + rowClose.length);
      if (rowHasValue) {
        if (row < top) top = row;
        bottom = row;
      }
      pos = x.indexOf(rowOpen, end);
    }
    this.rowFirstCell.push(this.cellColumn.length);
    this.rowIndexByNumber = new Int32Array(previousRow + 1).fill(-1);
    for (let i = 0; i < this.rowNumber.length; i++) this.rowIndexByNumber[this.rowNumber.data[i]] = i;
    this.used = bottom < 0 ? null : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** The 0-based number of the row whose open tag spans [start, tagEnd]: its r (the next row without one). */
  private rowNumberAt(start: number, nameLength: number, tagEnd: number, previous: number): number {
    const x = this.xml;
    // r="123" as the first attribute, read in place (nearly every row); anything else through attribute().
    let at = start + nameLength + 4;
    if (x.startsWith(' r="', start + nameLength)) {
      let n = 0;
      for (let code = x.charCodeAt(at); code >= 48 && code <= 57 && at < tagEnd; code = x.charCodeAt(++at))
        n = n * 10 + code - 48;
      const digits = at - (start + nameLength + 4);
      if (x.charCodeAt(at) === 34 && digits > 0 && digits <= 9) return n - 1;
    }
    const r = attribute(x.slice(start, tagEnd + 1), "r");
    return r === null ? previous + 1 : Number(r) - 1;
  }

  private columnOfCell(start: number, tagEnd: number, previous: number): number {
    const x = this.xml;
    // r is nearly always the first attribute: checked in place before any search.
    const first = start + 2 + this.prefix.length;
    let at = x.startsWith(' r="', first) ? first : indexWithin(x, ' r="', start, tagEnd);
    if (at < 0 || columnOfReference(x, at + 4) < 0) this.everyCellHasR = false;
    if (at < 0) {
      // Attributes may be separated by other whitespace, and r is optional (then: the next column).
      const tag = x.slice(start, tagEnd);
      const match = /\sr=["']([A-Z]+)/.exec(tag);
      return match ? columnIndexOfLetters(match[1]) : previous + 1;
    }
    at += 4;
    const column = columnOfReference(x, at);
    return column < 0 ? previous + 1 : column;
  }

  /** The cell index at (row index, column), or -1. */
  private cellAt(rowIndex: number, column: number): number {
    let lo = this.rowFirstCell.data[rowIndex];
    let hi = this.rowFirstCell.data[rowIndex + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.cellColumn.data[mid];
      if (c === column) return mid;
      if (c < column) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private rowIndexOf(row: number): number {
    return row >= 0 && row < this.rowIndexByNumber.length ? this.rowIndexByNumber[row] : -1;
  }

  private readArea<T>(
    area: CellArea,
    read: (cell: number) => T,
    fromOverlay: (content: CellContent) => T,
    withOverlay = true,
  ): T[][] {
    const out: T[][] = new Array(area.rows);
    const empty = read(-1);
    const right = area.left + area.columns;
    for (let r = 0; r < area.rows; r++) {
      const line: T[] = new Array(area.columns).fill(empty);
      const ri = this.rowIndexOf(area.top + r);
      if (ri >= 0) {
        const last = this.rowFirstCell.data[ri + 1];
        for (let ci = this.rowFirstCell.data[ri]; ci < last; ci++) {
          const column = this.cellColumn.data[ci];
          if (column >= area.left && column < right) line[column - area.left] = this.readCell(read, ci, area.top + r);
        }
      }
      out[r] = line;
    }
    if (withOverlay)
      this.applyOverlay(area, out, (cell, row, column) =>
        cell === ORIGINAL ? read(this.cellAtRow(row, column)) : fromOverlay(cell),
      );
    return out;
  }

  /** `read` of one cell; a broken cell is reported with its address (cells are decoded only when read). */
  private readCell<T>(read: (cell: number) => T, cell: number, row: number): T {
    try {
      return read(cell);
    } catch (error) {
      if (!(error instanceof BrokenXmlError)) throw error;
      throw new BrokenXmlError(`单元格 ${cellA1(row, this.cellColumn.data[cell])}：${error.message}`);
    }
  }

  /** The cell index at (sheet row, column), or -1. */
  private cellAtRow(row: number, column: number): number {
    const ri = this.rowIndexOf(row);
    return ri < 0 ? -1 : this.cellAt(ri, column);
  }

  /** Overlay cells over `out` (an area read from the original), oldest write first. */
  private applyOverlay<T>(
    area: CellArea,
    out: T[][],
    convert: (cell: OverlayCell, row: number, column: number) => T,
  ): void {
    for (const write of this.writes) {
      const w = write.area;
      const top = Math.max(area.top, w.top);
      const bottom = Math.min(area.top + area.rows, w.top + w.rows);
      const left = Math.max(area.left, w.left);
      const right = Math.min(area.left + area.columns, w.left + w.columns);
      for (let row = top; row < bottom; row++) {
        for (let column = left; column < right; column++) {
          out[row - area.top][column - area.left] = convert(write.cells[row - w.top][column - w.left], row, column);
        }
      }
    }
  }

  private cellTag(cell: number): string {
    const start = this.cellStart.data[cell];
    return this.xml.slice(start, this.xml.indexOf(">", start) + 1);
  }

  /**
   * The t attribute of the cell tag at [start, tagEnd], as attribute() reads it; the usual values
   * are recognised in place (no substrings for the 1.6 M cells a 100k-row fill reads).
   */
  private cellType(start: number, tagEnd: number): string | null {
    const x = this.xml;
    for (let at = start + 2; at + 2 < tagEnd; at++) {
      if (x.charCodeAt(at) !== T || x.charCodeAt(at + 1) !== EQUALS || !isSpace(x.charCodeAt(at - 1))) continue;
      const quote = x.charCodeAt(at + 2);
      if (quote !== 34 && quote !== 39) break;
      for (const known of CELL_TYPES)
        if (x.startsWith(known, at + 3) && x.charCodeAt(at + 3 + known.length) === quote) return known;
      break;
    }
    return attribute(x.slice(start, tagEnd + 1), "t");
  }

  /**
   * The value text of a cell laid out as `<c …><v>TEXT</v></c>` — nearly every value cell — read
   * without a search (decoded); undefined for any other layout, which childText reads.
   */
  private plainValueText(cell: number, tagEnd: number): string | undefined {
    const x = this.xml;
    const p = this.prefix;
    const textStart = tagEnd + 4 + p.length;
    const textEnd = this.cellEnd.data[cell] - 8 - 2 * p.length;
    if (textEnd < textStart || !x.startsWith(`<${p}v>`, tagEnd + 1) || !x.startsWith(`</${p}v></${p}c>`, textEnd))
      return undefined;
    const text = x.slice(textStart, textEnd);
    return text.includes("<") ? undefined : decodeXml(text);
  }

  /** Text of child element `name` of a cell (decoded), or null. */
  private childText(cell: number, name: string): string | null {
    const x = this.xml;
    const start = this.cellStart.data[cell];
    const end = this.cellEnd.data[cell];
    const open = `<${this.prefix}${name}`;
    let at = indexWithin(x, open, start + 2, end);
    while (at >= 0 && !isNameEnd(x.charCodeAt(at + open.length))) at = indexWithin(x, open, at + 1, end);
    if (at < 0) return null;
    const tagEnd = x.indexOf(">", at);
    if (x.charCodeAt(tagEnd - 1) === SLASH) return "";
    const close = x.indexOf(`</${this.prefix}${name}>`, tagEnd);
    if (close < 0 || close > end) throw broken(this.rowNumberOfCell(cell) + 1, `单元格的 <${name}> 没有结束标记`);
    return decodeXml(x.slice(tagEnd + 1, close));
  }

  /**
   * A cell's value with dates in the 1900 system whatever the workbook's (see date-system.ts): the
   * value the fill reads. Contents (undo, the overwrite check) keep the file's own serials.
   */
  private valueIn1900System(cell: number): CellValue {
    const value = this.valueOf(cell, true);
    if (!this.date1904 || typeof value !== "number" || !this.styles) return value;
    const tag = this.cellTag(cell);
    if (attribute(tag, "t") === "d") return value; // an ISO date, already read in the 1900 system
    const style = attribute(tag, "s");
    return in1900System(value, style !== null && this.styles.isDate(Number(style)), true);
  }

  private hasFormula(cell: number): boolean {
    const open = `<${this.prefix}f`;
    const end = this.cellEnd.data[cell];
    for (
      let at = indexWithin(this.xml, open, this.cellStart.data[cell] + 2, end);
      at >= 0;
      at = indexWithin(this.xml, open, at + 1, end)
    )
      if (isNameEnd(this.xml.charCodeAt(at + open.length))) return true;
    return false;
  }

  private valueOf(cell: number, dates1900 = false): CellValue {
    if (cell < 0) return null;
    const x = this.xml;
    const start = this.cellStart.data[cell];
    const tagEnd = x.indexOf(">", start);
    if (x.charCodeAt(tagEnd - 1) === SLASH) return null;
    const type = this.cellType(start, tagEnd);
    if (type === "inlineStr") {
      const end = this.cellEnd.data[cell];
      return runText(x.slice(start, end), this.prefix);
    }
    const v = this.plainValueText(cell, tagEnd) ?? this.childText(cell, "v");
    // A formula is read as its stored result; without one (openpyxl, exceljs) or with a result the
    // workbook itself distrusts (xlsxwriter's 0 under fullCalcOnLoad) it is never a blank or a 0.
    if ((v === null || this.staleFormulas) && this.hasFormula(cell)) return UNCALCULATED;
    if (v === null) return null;
    switch (type) {
      case "s":
        return this.sharedStrings[Number(v)] ?? null;
      case "str":
        return v;
      case "b":
        return v === "1" || v === "true";
      case "e":
        return { error: v };
      case "d":
        return isoDateSerial(v, this.date1904 && !dates1900);
      default: {
        const n = Number(v);
        return v.trim() === "" || !Number.isFinite(n) ? null : n;
      }
    }
  }

  private contentOf(cell: number): CellContent {
    if (cell < 0) return null;
    const f = this.childText(cell, "f");
    if (f !== null) return { formula: `=${f === "" ? this.sharedFormula(cell) : f}` };
    const value = this.valueOf(cell);
    if (value === null || value === undefined) return null;
    if (typeof value === "object") return { error: String((value as { error?: unknown }).error) };
    return value as CellContent;
  }

  /** The text a shared formula's child cell stands for: its master's, moved to this cell. */
  private sharedFormula(cell: number): string {
    const f = elements(this.xml.slice(this.cellStart.data[cell], this.cellEnd.data[cell]), `${this.prefix}f`)[0];
    const si = f ? attribute(openTag(f), "si") : null;
    const master = si === null ? undefined : this.sharedMasterCells().get(si);
    if (!master) return "";
    const row = this.rowNumberOfCell(cell);
    return shiftFormula(master.text, row - master.row, this.cellColumn.data[cell] - master.column);
  }

  /**
   * Shared-formula masters by si: every <f> with a ref and text, placed in the cell whose
   * indexed span holds it (found by position, so no pattern can run from one cell into the next).
   */
  private sharedMasterCells(): Map<string, { row: number; column: number; ref: CellArea; text: string }> {
    if (this.sharedMasters) return this.sharedMasters;
    const masters = new Map<string, { row: number; column: number; ref: CellArea; text: string }>();
    const x = this.xml;
    const open = `<${this.prefix}f`;
    const close = `</${this.prefix}f>`;
    for (let at = x.indexOf(open, this.dataStart); at >= 0 && at < this.dataEnd; at = x.indexOf(open, at + 1)) {
      if (!isNameEnd(x.charCodeAt(at + open.length))) continue;
      const tagEnd = x.indexOf(">", at);
      const tag = x.slice(at, tagEnd + 1);
      const si = attribute(tag, "si");
      const ref = parseAreaA1(attribute(tag, "ref") ?? "")?.area;
      if (si === null || !ref || tag.endsWith("/>") || attribute(tag, "t") !== "shared") continue;
      const cell = this.cellAtOffset(at);
      const closeAt = x.indexOf(close, tagEnd);
      if (cell < 0 || closeAt < 0 || closeAt > this.cellEnd.data[cell]) continue;
      masters.set(si, {
        row: this.rowNumberOfCell(cell),
        column: this.cellColumn.data[cell],
        ref,
        text: decodeXml(x.slice(tagEnd + 1, closeAt)),
      });
    }
    this.sharedMasters = masters;
    return masters;
  }

  /** The cell whose XML holds offset `at`, or -1. */
  private cellAtOffset(at: number): number {
    let lo = 0;
    let hi = this.cellStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.cellStart.data[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return this.cellStart.length > 0 && this.cellStart.data[lo] <= at && at < this.cellEnd.data[lo] ? lo : -1;
  }

  private rowNumberOfCell(cell: number): number {
    let lo = 0;
    let hi = this.rowNumber.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rowFirstCell.data[mid] <= cell) lo = mid;
      else hi = mid - 1;
    }
    return this.rowNumber.data[lo];
  }

  // ---- writing ----

  /** Rows any write touches, ascending. */
  private touchedRows(): number[] {
    const orphanRows = [...this.unsharedChildren()].map((cell) => this.rowNumberOfCell(cell));
    let last = 0;
    for (const w of this.writes) last = Math.max(last, w.area.top + w.area.rows);
    for (const row of orphanRows) last = Math.max(last, row + 1);
    const flags = new Uint8Array(last);
    for (const w of this.writes) flags.fill(1, w.area.top, w.area.top + w.area.rows);
    for (const row of orphanRows) flags[row] = 1;
    const rows: number[] = [];
    for (let r = 0; r < last; r++) if (flags[r]) rows.push(r);
    return rows;
  }

  /** A row's XML with the overlay's cells in column order among the cells it keeps. */
  private rowXml(row: number, rowIndex: number): string {
    let covering: Write | null = null;
    let writes = 0;
    for (const w of this.writes) {
      if (row >= w.area.top && row < w.area.top + w.area.rows) {
        covering = w;
        writes++;
      }
    }
    if (writes === 1 && rowIndex >= 0) {
      const appended = this.appendedRowXml(row, rowIndex, covering!);
      if (appended !== null) return appended;
    }
    const overrides = new Map<number, { cell: OverlayCell; left: number }>();
    for (const w of this.writes) {
      const a = w.area;
      if (row < a.top || row >= a.top + a.rows) continue;
      const line = w.cells[row - a.top];
      for (let c = 0; c < a.columns; c++) overrides.set(a.left + c, { cell: line[c], left: a.left });
    }
    const x = this.xml;
    // A row only put back (undo) keeps its original bytes, attributes included.
    const unchanged = [...overrides.values()].every((o) => o.cell === ORIGINAL);
    if (unchanged && !this.rowHasUnsharedChild(rowIndex))
      return rowIndex >= 0 ? x.slice(this.rowStart.data[rowIndex], this.rowEnd.data[rowIndex]) : "";
    const columns = [...overrides.keys()].sort((a, b) => a - b);
    const parts: string[] = [];
    let cellIndex = rowIndex >= 0 ? this.rowFirstCell.data[rowIndex] : 0;
    const cellLast = rowIndex >= 0 ? this.rowFirstCell.data[rowIndex + 1] : 0;
    for (const column of columns) {
      while (cellIndex < cellLast && this.cellColumn.data[cellIndex] < column)
        parts.push(this.keptCell(cellIndex++, row));
      const existing = cellIndex < cellLast && this.cellColumn.data[cellIndex] === column ? cellIndex : -1;
      if (existing >= 0) cellIndex++;
      const { cell, left } = overrides.get(column)!;
      if (cell === ORIGINAL) {
        if (existing >= 0) parts.push(this.keptCell(existing, row));
        continue;
      }
      const style = existing >= 0 ? attribute(this.cellTag(existing), "s") : this.lookBeside(rowIndex, left);
      parts.push(cellXml(this.prefix, cellA1(row, column), style, cell));
    }
    while (cellIndex < cellLast) parts.push(this.keptCell(cellIndex++, row));
    if (rowIndex < 0)
      return parts.length > 0 ? `<${this.prefix}row r="${row + 1}">${parts.join("")}</${this.prefix}row>` : "";
    return `${this.rowOpenTagWithoutSpans(rowIndex)}${parts.join("")}</${this.prefix}row>`;
  }

  /**
   * rowXml's usual case, cut short (the same XML): one write covers the row, right of every cell
   * the row has, and those cells (each with its r, none a shared-formula child to rewrite, nothing
   * between them) are kept as one slice. Else null.
   */
  private appendedRowXml(row: number, rowIndex: number, write: Write): string | null {
    const x = this.xml;
    const a = write.area;
    const first = this.rowFirstCell.data[rowIndex];
    const last = this.rowFirstCell.data[rowIndex + 1];
    if (!this.everyCellHasR || (last > first && this.cellColumn.data[last - 1] >= a.left)) return null;
    for (let c = first; c + 1 < last; c++) if (this.cellEnd.data[c] !== this.cellStart.data[c + 1]) return null;
    if (this.rowHasUnsharedChild(rowIndex)) return null;
    const line = write.cells[row - a.top];
    let cells = "";
    let changed = false;
    let style: string | null = null;
    for (let c = 0; c < a.columns; c++) {
      const cell = line[c];
      if (cell === ORIGINAL) continue;
      if (!changed) style = this.lookBeside(rowIndex, a.left);
      changed = true;
      cells += cellXml(this.prefix, cellA1(row, a.left + c), style, cell);
    }
    // A row only put back (undo) keeps its original bytes, attributes included.
    if (!changed) return x.slice(this.rowStart.data[rowIndex], this.rowEnd.data[rowIndex]);
    const kept = last > first ? x.slice(this.cellStart.data[first], this.cellEnd.data[last - 1]) : "";
    return `${this.rowOpenTagWithoutSpans(rowIndex)}${kept}${cells}</${this.prefix}row>`;
  }

  /** spans is an optional hint of the row's column range; dropped rather than recomputed. */
  private rowOpenTagWithoutSpans(rowIndex: number): string {
    const tag = withoutAttribute(this.xml.slice(this.rowStart.data[rowIndex], this.rowOpenEnd.data[rowIndex]), "spans");
    return tag.endsWith("/>") ? `${tag.slice(0, -2).trimEnd()}>` : tag;
  }

  /**
   * A cell the rewrite keeps, as it was — except that it states its column (r) when it did not:
   * a cell without r sits after its left neighbour, which the rewrite may have dropped or added;
   * and a child of a shared formula whose master was overwritten gets its own formula text.
   */
  private keptCell(cell: number, row: number): string {
    let xml = this.xml.slice(this.cellStart.data[cell], this.cellEnd.data[cell]);
    const tag = this.cellTag(cell);
    if (attribute(tag, "r") === null)
      xml = withAttribute(tag, "r", cellA1(row, this.cellColumn.data[cell])) + xml.slice(tag.length);
    if (this.unsharedChildren().has(cell)) {
      const f = elements(xml, `${this.prefix}f`)[0];
      xml = xml.replace(f, `<${this.prefix}f>${escapeXmlText(this.sharedFormula(cell))}</${this.prefix}f>`);
    }
    return xml;
  }

  /** The look for a new cell: that of the cell just left of the written block (else the row's own format), without its number format. */
  private lookBeside(rowIndex: number, left: number): string | null {
    if (rowIndex < 0 || !this.styles) return null;
    const neighbour = left > 0 ? this.cellAt(rowIndex, left - 1) : -1;
    let style: string | null;
    if (neighbour >= 0) style = attribute(this.cellTag(neighbour), "s");
    else {
      // A row formatted as a whole (customFormat) gives its style to a cell typed into it, as in Excel.
      const rowTag = this.xml.slice(this.rowStart.data[rowIndex], this.rowOpenEnd.data[rowIndex]);
      const custom = attribute(rowTag, "customFormat");
      style = custom === "1" || custom === "true" ? attribute(rowTag, "s") : null;
    }
    const look = this.styles.lookOf(Number(style ?? 0));
    return look === null ? null : String(look);
  }

  /**
   * Children of shared formulas whose master a write replaces: without their master Excel would
   * repair the file, so they are written out with their own formula text (cell indexes).
   */
  private unsharedChildren(): Set<number> {
    if (this.orphans) return this.orphans;
    const orphans = new Set<number>();
    const masters = this.sharedMasterCells();
    const replaced = (row: number, column: number): boolean => {
      let value: OverlayCell | undefined;
      for (const w of this.writes) {
        const a = w.area;
        if (row >= a.top && row < a.top + a.rows && column >= a.left && column < a.left + a.columns)
          value = w.cells[row - a.top][column - a.left];
      }
      return value !== undefined && value !== ORIGINAL;
    };
    for (const [si, master] of masters) {
      if (!replaced(master.row, master.column)) continue;
      // Only the cells that exist inside ref are visited: a ref may span the whole sheet (E2:XFD1048576).
      const ref = master.ref;
      const lastRow = Math.min(ref.top + ref.rows, this.rowIndexByNumber.length);
      for (let row = ref.top; row < lastRow; row++) {
        const ri = this.rowIndexOf(row);
        if (ri < 0) continue;
        for (let cell = this.rowFirstCell.data[ri]; cell < this.rowFirstCell.data[ri + 1]; cell++) {
          const column = this.cellColumn.data[cell];
          if (column < ref.left || column >= ref.left + ref.columns) continue;
          if (replaced(row, column) || (row === master.row && column === master.column)) continue;
          const f = elements(this.xml.slice(this.cellStart.data[cell], this.cellEnd.data[cell]), `${this.prefix}f`)[0];
          if (f && attribute(openTag(f), "si") === si) orphans.add(cell);
        }
      }
    }
    this.orphans = orphans;
    return orphans;
  }

  private rowHasUnsharedChild(rowIndex: number): boolean {
    if (rowIndex < 0) return false;
    const orphans = this.unsharedChildren();
    if (orphans.size === 0) return false;
    for (let c = this.rowFirstCell.data[rowIndex]; c < this.rowFirstCell.data[rowIndex + 1]; c++)
      if (orphans.has(c)) return true;
    return false;
  }

  /** dimension covering the writes; widths for new columns in <cols>. */
  private patchHead(head: string): string {
    let out = head;
    const p = this.prefix;
    const dimension = elements(out, `${p}dimension`)[0];
    const area = this.usedArea();
    if (dimension && area) {
      const tag = openTag(dimension);
      const old = parseAreaA1(attribute(tag, "ref") ?? "")?.area ?? null;
      out = out.replace(tag, withAttribute(tag, "ref", areaA1(old ? union(old, area) : area)));
    }
    if (this.widths.size === 0) return out;
    const colsStart = out.indexOf(`<${p}cols>`);
    const existing = colsStart >= 0 ? elements(out, `${p}col`, colsStart) : [];
    const ranges = existing.map((col) => ({
      min: Number(attribute(openTag(col), "min")),
      max: Number(attribute(openTag(col), "max")),
      xml: col,
    }));
    for (const [column, width] of this.widths) {
      const n = column + 1;
      if (ranges.some((r) => r.min <= n && n <= r.max)) continue;
      ranges.push({ min: n, max: n, xml: `<${p}col min="${n}" max="${n}" width="${width}" customWidth="1"/>` });
    }
    ranges.sort((a, b) => a.min - b.min);
    const cols = `<${p}cols>${ranges.map((r) => r.xml).join("")}</${p}cols>`;
    if (colsStart >= 0) {
      const close = `</${p}cols>`;
      const colsEnd = out.indexOf(close, colsStart) + close.length;
      return out.slice(0, colsStart) + cols + out.slice(colsEnd);
    }
    // <cols> goes right before <sheetData> in CT_Worksheet's sequence.
    const dataAt = out.lastIndexOf(`<${p}sheetData`);
    return out.slice(0, dataAt) + cols + out.slice(dataAt);
  }
}

/** What reading a written cell gives: a formula has no computed value here (Excel would compute it). */
function contentValue(content: CellContent): CellValue {
  if (content === null || typeof content !== "object") return content;
  return "error" in content ? { error: content.error } : null;
}

/** t="d" cells hold ISO 8601 dates; Excel's values give the serial number in the workbook's system. */
function isoDateSerial(text: string, date1904: boolean): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isFinite(ms) ? excelSerialOfTime(ms, date1904) : null;
}

/**
 * Row blocks: a large sheet is read and written a few thousand rows per round trip, each
 * request well under Excel on the web's 5 MB payload limit.
 *
 * Size is measured as the JSON of the cells with every non-ASCII character counted as a
 * \uXXXX escape (6 bytes): an upper bound of what Office sends, whatever its encoding.
 */
import type { CellArea } from "./types";

/** Excel on the web rejects a request or response above 5 MB. */
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
/**
 * What one write aims at. Writes are measured cell by cell with the same upper bound Office's
 * JSON can reach, so the margin below 5 MiB only has to cover the request's envelope.
 */
export const BLOCK_BUDGET_BYTES = 4_500_000;
/** What one read aims at: reads are sized from a sample, so they keep a wider margin (and split on overflow). */
export const READ_BUDGET_BYTES = 4_000_000;
/** Rows later in a sheet may be longer than the sample's. */
export const READ_ESTIMATE_FACTOR = 1.25;
/** Writes: at most this many rows per round trip, so progress and cancel stay responsive. */
export const MAX_WRITE_BLOCK_ROWS = 5_000;
/** Reads: no progress to report, so blocks are as large as the budget allows. */
export const MAX_READ_BLOCK_ROWS = 100_000;
/** Per-cell overhead of a JSON array element (separator) and per-row brackets. */
const CELL_OVERHEAD = 1;
const ROW_OVERHEAD = 2;

export interface RowBlock {
  /** First row, relative to what is being split. */
  readonly start: number;
  readonly count: number;
}

/**
 * JSON bytes of a value, non-ASCII counted as \uXXXX. Arrays, texts, numbers, booleans and null
 * are measured where they are (a fill measures every row it writes, and building each row's JSON
 * only to count it was a tenth of the fill); anything else through JSON.stringify.
 */
export function payloadBytes(value: unknown): number {
  if (value === undefined) return 0; // JSON.stringify(undefined) is undefined: nothing to send
  return jsonBytes(value);
}

function jsonBytes(value: unknown): number {
  switch (typeof value) {
    case "string":
      return stringBytes(value);
    case "number":
      return Number.isFinite(value) ? String(value).length : 4; // NaN, ±Infinity ⇒ null
    case "boolean":
      return value ? 4 : 5;
    case "undefined":
    case "function":
    case "symbol":
      return 4; // as an array element: null
    default:
      if (value === null) return 4;
      if (Array.isArray(value)) {
        let bytes = 2 + Math.max(0, value.length - 1); // brackets and commas
        for (let i = 0; i < value.length; i++) bytes += jsonBytes(value[i]);
        return bytes;
      }
      return textBytes(JSON.stringify(value) ?? "null");
  }
}

/** A JSON string literal: quotes, escapes (\" \\ \n…, \u00XX), every other non-ASCII unit as \uXXXX. */
function stringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7e) bytes += 6;
    else if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code >= 0x20) bytes += 1;
    else bytes += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
  }
  return bytes;
}

/** Bytes of JSON text already built, non-ASCII counted as \uXXXX. */
function textBytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) bytes += 5;
  return bytes;
}

/** Bytes of one row of cells as it travels in a request. */
export function rowBytes(row: readonly unknown[]): number {
  return payloadBytes(row) + ROW_OVERHEAD + row.length * CELL_OVERHEAD;
}

/** rowBytes of a row whose cell `index` is a text of known payload bytes (e.g. a 说明 measured from its parts). */
export function rowBytesKnowing(row: readonly unknown[], index: number, bytes: number): number {
  let total = 2 + Math.max(0, row.length - 1) + ROW_OVERHEAD + row.length * CELL_OVERHEAD;
  for (let i = 0; i < row.length; i++) total += i === index ? bytes : jsonBytes(row[i]);
  return total;
}

/** payloadBytes of a text: its JSON string literal, quotes included. */
export function textPayloadBytes(text: string): number {
  return stringBytes(text);
}

/** The largest row of a sample (a conservative per-row estimate for planning reads). */
export function estimateRowBytes(sample: readonly (readonly unknown[])[], columns: number): number {
  let max = ROW_OVERHEAD + columns * (CELL_OVERHEAD + 2);
  for (const row of sample) max = Math.max(max, rowBytes(row));
  return max;
}

/**
 * Split `rowCount` rows into blocks of at most `budget` bytes at `bytesPerRow` each, and at
 * most `maxRows` rows. A row larger than the budget still gets a block of its own.
 */
export function planBlocks(
  rowCount: number,
  bytesPerRow: number,
  options: { budget?: number; maxRows?: number } = {},
): RowBlock[] {
  const budget = options.budget ?? BLOCK_BUDGET_BYTES;
  const maxRows = options.maxRows ?? MAX_READ_BLOCK_ROWS;
  const perBlock = Math.max(1, Math.min(maxRows, Math.floor(budget / Math.max(1, bytesPerRow))));
  const blocks: RowBlock[] = [];
  for (let start = 0; start < rowCount; start += perBlock)
    blocks.push({ start, count: Math.min(perBlock, rowCount - start) });
  return blocks;
}

/** The rows `block` covers within `area`. */
export function blockArea(area: CellArea, block: RowBlock): CellArea {
  return { top: area.top + block.start, left: area.left, rows: block.count, columns: area.columns };
}

/**
 * Accumulates rows for writing and says when the next row would overflow the block, so a
 * fill can write measured blocks (texts vary in length from row to row).
 */
export class BlockPacker<Row> {
  private rows: Row[] = [];
  private bytes = 0;

  constructor(
    private readonly budget = BLOCK_BUDGET_BYTES,
    private readonly maxRows = MAX_WRITE_BLOCK_ROWS,
  ) {}

  /** True when `size` more bytes would not fit in the current block (which must then be flushed). */
  wouldOverflow(size: number): boolean {
    return this.rows.length > 0 && (this.rows.length >= this.maxRows || this.bytes + size > this.budget);
  }

  add(row: Row, size: number): void {
    this.rows.push(row);
    this.bytes += size;
  }

  get size(): number {
    return this.rows.length;
  }

  get byteCount(): number {
    return this.bytes;
  }

  take(): Row[] {
    const rows = this.rows;
    this.rows = [];
    this.bytes = 0;
    return rows;
  }
}

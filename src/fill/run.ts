/**
 * runFill / undoFill: the batch fill over a FillHost. Nothing is lost:
 *  - everything is read and checked before the first write (protected sheet, merged cells,
 *    cells in the output columns that a previous fill did not write ⇒ confirmOverwrite);
 *  - only the seven output columns are written, in measured row blocks (< 5 MB each);
 *  - what each written cell held before is kept in the undo snapshot, so undoFill restores
 *    values AND formulas, empty cells included, of exactly the blocks that were written;
 *  - a cancelled fill stops between blocks: whole blocks written, the rest untouched.
 */
import { normaliseUscc } from "../parse/uscc";
import { areaA1, cellA1 } from "./address";
import {
  BLOCK_BUDGET_BYTES,
  BlockPacker,
  blockArea,
  estimateRowBytes,
  MAX_WRITE_BLOCK_ROWS,
  planBlocks,
  READ_BUDGET_BYTES,
  READ_ESTIMATE_FACTOR,
  rowBytes,
  type RowBlock,
} from "./blocks";
import { displayCell, isEmptyContent, sameContent } from "./cells";
import { formulaCells } from "./formulas";
import type { FieldId } from "./fields";
import { mappingSettingKey, saveableMapping } from "./mapping";
import { OUTPUT_COLUMNS } from "./output-columns";
import { FillError, planFill, type FillOptions, type FillPlan } from "./plan";
import { readRow } from "./row";
import { fillRow } from "./fill-row";
import { valueCells, valueCellsBytes } from "./row-result";
import { SummaryBuilder, type FillSummary } from "./summary";
import { isPayloadTooLarge, type CellArea, type CellContent, type CellValue, type FillHost } from "./types";

export interface FillCallbacks {
  /** After each written block: data rows written so far, of all data rows. */
  readonly onProgress?: (doneRows: number, totalRows: number) => void;
  /** Abort between blocks; what was written stays written (and undoable). */
  readonly signal?: AbortSignal;
  /** Asked once, before any write, when the output columns hold cells a previous fill did not write. */
  readonly confirmOverwrite?: (conflicts: string) => Promise<boolean>;
}

/** What a fill replaced, to put it back exactly. Kept in memory by the taskpane. */
export interface UndoSnapshot {
  readonly version: 1;
  readonly sheetName: string;
  /** Absolute area that was written (header row first). */
  readonly area: CellArea;
  /** Contents before the fill, row by row. */
  readonly before: readonly (readonly CellContent[])[];
  /** Contents the fill wrote: undo can tell whether the official changed them since. */
  readonly after: readonly (readonly CellContent[])[];
}

export interface FillResult {
  /** Data rows written (the header row not counted). */
  readonly completedRows: number;
  readonly totalRows: number;
  readonly cancelled: boolean;
  /** The official declined to overwrite cells in the output columns: nothing was written. */
  readonly declined: boolean;
  readonly refreshed: boolean;
  readonly mode: "values" | "formulas";
  readonly sheetName: string;
  /** Absolute area written, null when nothing was. */
  readonly writtenArea: CellArea | null;
  /** Summary of the rows written. */
  readonly summary: FillSummary;
  readonly undo: UndoSnapshot | null;
  /** Chinese sentence for the official: what was done, how far it got. */
  readonly message: string;
}

/** Thrown between read blocks when the fill is cancelled before anything was written. */
class ReadCancelled extends Error {}

/** Read `area` in the planned blocks; a block too large for one request is split in two and retried. */
async function readInBlocks<T>(
  read: (area: CellArea) => Promise<T[][]>,
  area: CellArea,
  blocks: readonly RowBlock[],
  signal?: AbortSignal,
): Promise<T[][]> {
  const out: T[][] = [];
  const readBlock = async (block: RowBlock): Promise<void> => {
    try {
      const rows = await read(blockArea(area, block));
      for (const row of rows) out.push(row);
    } catch (error) {
      if (!isPayloadTooLarge(error) || block.count === 1) throw error;
      const half = Math.ceil(block.count / 2);
      await readBlock({ start: block.start, count: half });
      await readBlock({ start: block.start + half, count: block.count - half });
    }
  };
  for (const block of blocks) {
    if (signal?.aborted) throw new ReadCancelled();
    await readBlock(block);
  }
  return out;
}

/** Bytes a cell's valueTypes entry adds to a snapshot read ("Empty", "String", … and a comma). */
const VALUE_TYPE_BYTES = 10;

/** Read-side estimate: the sample's largest row with a margin; `perCellExtra` for what else is loaded per cell. */
function readBlocksFor(
  rows: number,
  sample: readonly (readonly unknown[])[],
  columns: number,
  perCellExtra = 0,
): RowBlock[] {
  const perRow = Math.ceil(estimateRowBytes(sample, columns) * READ_ESTIMATE_FACTOR) + columns * perCellExtra;
  return planBlocks(rows, perRow, { budget: READ_BUDGET_BYTES });
}

function showContent(c: CellContent): string {
  if (c === null) return "";
  if (typeof c === "object") return "formula" in c ? c.formula : c.error;
  const text = String(c);
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/** Chinese description of cells the fill would overwrite, or null when there are none. */
export function describeConflicts(before: readonly (readonly CellContent[])[], area: CellArea): string | null {
  let count = 0;
  const examples: string[] = [];
  before.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isEmptyContent(cell)) return;
      count++;
      if (examples.length < 3) examples.push(`${cellA1(area.top + r, area.left + c)}“${showContent(cell)}”`);
    }),
  );
  if (count === 0) return null;
  return (
    `输出列 ${areaA1(area)} 中已有 ${count} 个非空单元格（不是上次填充写入的），例如 ${examples.join("、")}。` +
    `继续填充将覆盖它们（可用“撤销填充”恢复）。是否继续？`
  );
}

function normalisedCode(value: CellValue): string {
  const text = displayCell(value);
  return text === "" ? "" : normaliseUscc(text);
}

/** Rows sharing a credit code: relative data-row index → other sheet rows (1-based) with the same code. */
function duplicateCodes(
  rows: readonly (readonly CellValue[])[],
  plan: FillPlan,
  offset: number,
): Map<number, number[]> {
  const ref = plan.mapping.creditCode;
  const result = new Map<number, number[]>();
  if (!ref) return result;
  // Most codes are unique: remember each one's row, and make a list only for a code seen again.
  const firstRow = new Map<string, number>();
  const byCode = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const code = normalisedCode(row[ref.column - offset]);
    if (code === "" || code.startsWith("#")) return;
    const first = firstRow.get(code);
    if (first === undefined) firstRow.set(code, i);
    else {
      const list = byCode.get(code);
      if (list) list.push(i);
      else byCode.set(code, [first, i]);
    }
  });
  const firstDataRow = plan.outputArea.top + 1; // absolute 0-based row of data row 0
  for (const list of byCode.values()) {
    for (const i of list)
      result.set(
        i,
        list.filter((j) => j !== i).map((j) => firstDataRow + j + 1),
      );
  }
  return result;
}

const NO_WARNINGS: readonly string[] = Object.freeze([]);

function duplicateWarning(others: readonly number[] | undefined): readonly string[] {
  if (!others || others.length === 0) return NO_WARNINGS;
  const shown = others
    .slice(0, 5)
    .map((r) => `第${r}行`)
    .join("、");
  return [`统一社会信用代码与${shown}${others.length > 5 ? "等" : ""}重复，请核实是否重复申报`];
}

function emptySummary(): FillSummary {
  return new SummaryBuilder().build();
}

async function fill(host: FillHost, options: FillOptions, callbacks: FillCallbacks): Promise<FillResult> {
  const info = await host.describeRegion({ extraColumns: OUTPUT_COLUMNS.length });
  const plan = planFill(info, options);
  const { outputArea, dataRows, mapping } = plan;
  const sheet = plan.sheetName;
  const base = { totalRows: dataRows, refreshed: plan.refresh, mode: plan.mode, sheetName: sheet };

  // 1. Read the mapped columns of every data row (blocks sized from the head sample).
  // From the region's first column: a 序号 column often holds the 合计 of a total row.
  const span = { first: 0, last: plan.inputSpan?.last ?? 0 };
  const spanColumns = span.last - span.first + 1;
  const inputArea: CellArea = {
    top: info.top + plan.header.headerRow + 1,
    left: info.left + span.first,
    rows: dataRows,
    columns: spanColumns,
  };
  const sample = info.head.slice(plan.header.headerRow + 1).map((row) => row.slice(span.first, span.last + 1));
  const cancelledBeforeWriting = (): FillResult => ({
    ...base,
    completedRows: 0,
    cancelled: true,
    declined: false,
    writtenArea: null,
    summary: emptySummary(),
    undo: null,
    message: "已取消：未写入任何单元格。",
  });
  // 2. The output area's snapshot (what undo puts back; cells a previous fill did not write).
  const outSample = plan.refresh
    ? info.head
        .slice(plan.header.headerRow)
        .map((row) => row.slice(outputArea.left - info.left, outputArea.left - info.left + OUTPUT_COLUMNS.length))
    : [];
  let inputs: CellValue[][];
  let before: CellContent[][];
  try {
    inputs = await readInBlocks(
      (a) => host.readValues(sheet, a),
      inputArea,
      readBlocksFor(dataRows, sample, spanColumns),
      callbacks.signal,
    );
    before = await readInBlocks(
      (a) => host.readBlock(sheet, a),
      outputArea,
      readBlocksFor(outputArea.rows, outSample, OUTPUT_COLUMNS.length, VALUE_TYPE_BYTES),
      callbacks.signal,
    );
  } catch (error) {
    if (error instanceof ReadCancelled) return cancelledBeforeWriting();
    throw error;
  }
  // Right of a table the header row is outside the region: our seven headers there mark our own block.
  const ownBlock = plan.refresh || OUTPUT_COLUMNS.every((h, i) => before[0]?.[i] === h);
  if (!ownBlock) {
    const conflicts = describeConflicts(before, outputArea);
    if (conflicts) {
      const go = callbacks.confirmOverwrite ? await callbacks.confirmOverwrite(conflicts) : false;
      if (!go) {
        return {
          ...base,
          completedRows: 0,
          cancelled: false,
          declined: true,
          writtenArea: null,
          summary: emptySummary(),
          undo: null,
          message: `未填充：输出列中已有其他内容，已取消。${"未写入任何单元格。"}`,
        };
      }
    }
  }

  // 3. Evaluate and write block by block.
  const duplicates = duplicateCodes(inputs, plan, span.first);
  const builder = new SummaryBuilder();
  const packer = new BlockPacker<CellContent[]>(BLOCK_BUDGET_BYTES, MAX_WRITE_BLOCK_ROWS);
  // The summary of the rows waiting in the packer: added to the fill's summary once they are
  // written (a cancelled or failed block adds nothing). Rows are added as they are evaluated, so
  // their outcomes die young instead of waiting for the write.
  let pending = new SummaryBuilder();
  const written: CellContent[][] = [];
  let cancelled = false;
  const formulaLayout = {
    mapping,
    defaults: plan.defaults,
    regionLeft: info.left,
    outputLeft: outputArea.left,
  };

  const flush = async (): Promise<void> => {
    if (packer.size === 0) return;
    if (callbacks.signal?.aborted) {
      cancelled = true;
      packer.take();
      pending = new SummaryBuilder();
      return;
    }
    const rows = packer.take();
    const area: CellArea = {
      top: outputArea.top + written.length,
      left: outputArea.left,
      rows: rows.length,
      columns: OUTPUT_COLUMNS.length,
    };
    try {
      await host.writeBlock(sheet, area, rows);
    } catch (error) {
      const partial = resultOf(false);
      const reason = error instanceof Error ? error.message : String(error);
      throw new FillError(
        "write-failed",
        `写入 ${areaA1(area)} 失败：${reason}。此前已写入 ${partial.completedRows} 行，可用“撤销填充”恢复。`,
        `Writing ${areaA1(area)} failed: ${reason}. ${partial.completedRows} rows were written before; undo restores them.`,
        partial,
      );
    }
    for (const row of rows) written.push(row);
    builder.addAll(pending);
    pending = new SummaryBuilder();
    callbacks.onProgress?.(Math.max(0, written.length - 1), dataRows);
  };

  const resultOf = (wasCancelled: boolean): FillResult => {
    const completedRows = Math.max(0, written.length - 1);
    const writtenArea = written.length > 0 ? { ...outputArea, rows: written.length } : null;
    const undo: UndoSnapshot | null = writtenArea
      ? { version: 1, sheetName: sheet, area: writtenArea, before: before.slice(0, written.length), after: written }
      : null;
    const rowsText = writtenArea ? `第 ${writtenArea.top + 2}–${writtenArea.top + writtenArea.rows} 行` : "";
    const message = wasCancelled
      ? completedRows > 0
        ? `已取消：已写入前 ${completedRows} 行（${rowsText}），其余 ${dataRows - completedRows} 行未改动；可用“撤销填充”恢复已写入部分。`
        : "已取消：未写入任何单元格。"
      : `已填充 ${completedRows} 行（${writtenArea ? areaA1(writtenArea) : ""}${ownBlock ? "，更新了上次填充的输出列" : ""}）。`;
    return {
      ...base,
      refreshed: ownBlock,
      completedRows,
      cancelled: wasCancelled,
      declined: false,
      writtenArea,
      summary: builder.build(),
      undo,
      message,
    };
  };

  packer.add([...OUTPUT_COLUMNS], rowBytes([...OUTPUT_COLUMNS]));
  const offset = span.first;
  for (let i = 0; i < dataRows && !cancelled; i++) {
    const row = inputs[i] ?? [];
    const read = readRow(row, mapping, plan.defaults, { columnOffset: offset, facts: false });
    // The cells and the summary only: no Evaluation per row (the lookup view builds the full one).
    const result = fillRow(read, mapping, duplicateWarning(duplicates.get(i)));
    const absoluteRow = outputArea.top + 1 + i;
    const cells =
      plan.mode === "formulas"
        ? formulaCells(result, absoluteRow, formulaLayout, (field: FieldId) =>
            mapping[field] ? row[mapping[field]!.column - offset] : null,
          )
        : valueCells(result);
    const size = plan.mode === "formulas" ? rowBytes(cells) : valueCellsBytes(result, cells);
    if (packer.wouldOverflow(size)) await flush();
    if (cancelled) break;
    packer.add(cells, size);
    pending.add(result);
  }
  if (!cancelled) await flush();

  const result = resultOf(cancelled);
  if (!cancelled) {
    // Remember the confirmed mapping for this workbook and sheet; a failure here loses nothing written.
    await host.saveSetting(mappingSettingKey(sheet), saveableMapping(mapping, plan.defaults)).catch(() => undefined);
  }
  return result;
}

/**
 * Fill the output columns of the data around the selection (or the active sheet's used range).
 * Throws FillError for a refused fill (nothing written) and for a failed write (see `partial`).
 */
export function runFill(host: FillHost, options: FillOptions, callbacks: FillCallbacks = {}): Promise<FillResult> {
  const work = () => fill(host, options, callbacks);
  return host.batch ? host.batch(work) : work();
}

export interface UndoCallbacks {
  readonly onProgress?: (doneRows: number, totalRows: number) => void;
  /** Asked when cells were changed after the fill: undo would overwrite those changes. */
  readonly confirmOverwrite?: (changes: string) => Promise<boolean>;
}

export interface UndoResult {
  readonly restoredRows: number;
  readonly declined: boolean;
  readonly message: string;
}

async function undo(host: FillHost, snapshot: UndoSnapshot, callbacks: UndoCallbacks): Promise<UndoResult> {
  const { sheetName, area } = snapshot;
  if (callbacks.confirmOverwrite) {
    const now = await readInBlocks(
      (a) => host.readBlock(sheetName, a),
      area,
      readBlocksFor(area.rows, snapshot.after.slice(0, 50), area.columns, VALUE_TYPE_BYTES),
    );
    let changed = 0;
    const examples: string[] = [];
    now.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (sameContent(cell, snapshot.after[r]?.[c] ?? null)) return;
        changed++;
        if (examples.length < 3) examples.push(cellA1(area.top + r, area.left + c));
      }),
    );
    if (changed > 0) {
      const question = `填充后有 ${changed} 个输出单元格被修改（例如 ${examples.join("、")}），撤销将用填充前的内容覆盖这些修改。是否继续？`;
      if (!(await callbacks.confirmOverwrite(question))) {
        return { restoredRows: 0, declined: true, message: "未撤销：已保留填充后的修改。" };
      }
    }
  }
  const packer = new BlockPacker<readonly CellContent[]>(BLOCK_BUDGET_BYTES, MAX_WRITE_BLOCK_ROWS);
  let restored = 0;
  const flush = async () => {
    if (packer.size === 0) return;
    const rows = packer.take();
    await host.writeBlock(
      sheetName,
      { top: area.top + restored, left: area.left, rows: rows.length, columns: area.columns },
      rows,
    );
    restored += rows.length;
    callbacks.onProgress?.(restored, area.rows);
  };
  for (const row of snapshot.before) {
    const size = rowBytes(row as unknown[]);
    if (packer.wouldOverflow(size)) await flush();
    packer.add(row, size);
  }
  await flush();
  return { restoredRows: restored, declined: false, message: `已撤销填充：${areaA1(area)} 恢复为填充前的内容。` };
}

/** Put back exactly what a fill replaced (values and formulas, empty cells included). */
export function undoFill(host: FillHost, snapshot: UndoSnapshot, callbacks: UndoCallbacks = {}): Promise<UndoResult> {
  const work = () => undo(host, snapshot, callbacks);
  return host.batch ? host.batch(work) : work();
}

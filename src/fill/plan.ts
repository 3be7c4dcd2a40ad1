/**
 * Planning a fill before anything is written: where the header is, whether the mapping still
 * fits the sheet, where the output block goes (refresh or to the right of the data), and the
 * refusals that must happen before the first write (protected sheet, merged cells, no data).
 */
import { isXsgError, parseYear, resolveRegion } from "../index";
import { areaA1, areasIntersect } from "./address";
import { FIELD_IDS, fieldDef, type FieldId } from "./fields";
import {
  detectHeader,
  HEADER_SEARCH_ROWS,
  type ColumnMapping,
  type ColumnRef,
  type FillDefaults,
  type HeaderInfo,
} from "./mapping";
import { findOutputBlock, OUTPUT_COLUMNS } from "./output-columns";
import type { CellArea, RegionInfo } from "./types";

export type FillErrorCode =
  | "no-data"
  | "no-header"
  | "protected"
  | "merged"
  | "no-region"
  | "no-revenue"
  | "bad-default"
  | "mapping-stale"
  | "sheet-edge"
  | "write-failed";

/** A fill refused or stopped, with a Chinese message for the official (English in `messageEn`). */
export class FillError extends Error {
  override readonly name = "FillError";
  constructor(
    readonly code: FillErrorCode,
    message: string,
    readonly messageEn: string,
    /** For write-failed: what was written before the failure (its undo snapshot included). */
    readonly partial?: unknown,
  ) {
    super(message);
  }
}

export type FillMode = "values" | "formulas";

export interface FillOptions {
  readonly mapping: ColumnMapping;
  readonly defaults?: FillDefaults;
  /** "values" (default) or live "formulas". */
  readonly mode?: FillMode;
}

export interface FillPlan {
  readonly sheetName: string;
  readonly header: HeaderInfo;
  /** The mapping with columns re-found by header text where the sheet changed. */
  readonly mapping: ColumnMapping;
  readonly defaults: FillDefaults;
  readonly mode: FillMode;
  /** True when a previous fill's output block (exact headers) is refreshed. */
  readonly refresh: boolean;
  /** Absolute area written: the header row and every data row, seven columns. */
  readonly outputArea: CellArea;
  /** Data rows below the header. */
  readonly dataRows: number;
  /** Mapped columns, relative to the region: the span read for evaluation. */
  readonly inputSpan: { readonly first: number; readonly last: number } | null;
}

const MAX_COLUMNS = 16_384;
const NOTHING_WRITTEN = "未写入任何单元格。";

/** The mapping's columns checked against the headers as they are now; moved columns are found by header text. */
function relocate(mapping: ColumnMapping, headers: readonly string[]): ColumnMapping {
  const next: { [F in FieldId]?: ColumnRef } = {};
  for (const field of FIELD_IDS) {
    const ref = mapping[field];
    if (!ref) continue;
    if ((headers[ref.column] ?? "").trim() === ref.header.trim()) {
      next[field] = ref;
      continue;
    }
    const moved = headers.findIndex((h) => h.trim() === ref.header.trim() && ref.header.trim() !== "");
    if (moved < 0) {
      const label = fieldDef(field).label;
      throw new FillError(
        "mapping-stale",
        `列“${ref.header || label}”（${label}）在表头中已找不到，请重新确认列映射。${NOTHING_WRITTEN}`,
        `Column "${ref.header}" (${field}) is no longer in the header; please confirm the mapping again. Nothing was written.`,
      );
    }
    next[field] = { ...ref, column: moved };
  }
  return next;
}

function checkDefaults(defaults: FillDefaults): void {
  if (defaults.region) {
    try {
      resolveRegion(defaults.region, "region");
    } catch (error) {
      if (!isXsgError(error)) throw error;
      throw new FillError(
        "bad-default",
        `全表地区“${defaults.region}”：${error.detail}。${NOTHING_WRITTEN}`,
        `Sheet-wide region "${defaults.region}": ${error.message}. Nothing was written.`,
      );
    }
  }
  if (defaults.year !== null && defaults.year !== undefined) {
    try {
      parseYear(defaults.year, "year");
    } catch (error) {
      if (!isXsgError(error)) throw error;
      throw new FillError(
        "bad-default",
        `全表年度“${defaults.year}”：${error.detail}。${NOTHING_WRITTEN}`,
        `Sheet-wide year "${defaults.year}": ${error.message}. Nothing was written.`,
      );
    }
  }
}

/** Everything decided before reading rows; throws FillError for a fill that must not start. */
export function planFill(info: RegionInfo, options: FillOptions): FillPlan {
  if (info.rowCount === 0 || info.columnCount === 0) {
    throw new FillError(
      "no-data",
      `工作表“${info.sheetName}”没有数据。${NOTHING_WRITTEN}`,
      `Sheet "${info.sheetName}" has no data. Nothing was written.`,
    );
  }
  const header = detectHeader(info.head, HEADER_SEARCH_ROWS);
  if (!header) {
    throw new FillError(
      "no-header",
      `未找到表头：前 ${HEADER_SEARCH_ROWS} 行中没有含“企业名称”“所属地区”“主营业务收入”等列名的行。${NOTHING_WRITTEN}`,
      `No header row found in the first ${HEADER_SEARCH_ROWS} rows. Nothing was written.`,
    );
  }
  const dataRows = info.rowCount - header.headerRow - 1;
  if (dataRows <= 0) {
    throw new FillError(
      "no-data",
      `表头（第 ${info.top + header.headerRow + 1} 行）下没有数据行。${NOTHING_WRITTEN}`,
      "There are no data rows below the header. Nothing was written.",
    );
  }
  const defaults = options.defaults ?? {};
  checkDefaults(defaults);
  const mapping = relocate(options.mapping, header.headers);
  if (!mapping.revenue) {
    throw new FillError(
      "no-revenue",
      `请指定“主营业务收入”列（各项奖补都以当年营业收入为条件）。${NOTHING_WRITTEN}`,
      "Please map the revenue column. Nothing was written.",
    );
  }
  if (!mapping.region && !defaults.region && !mapping.creditCode) {
    throw new FillError(
      "no-region",
      `请指定“所属地区”列，或设置全表地区。${NOTHING_WRITTEN}`,
      "Please map the region column or set a sheet-wide region. Nothing was written.",
    );
  }

  const found = findOutputBlock(header.headers);
  const refresh = found !== null;
  const outputLeft = info.left + (found ?? info.columnCount);
  const outputArea: CellArea = {
    top: info.top + header.headerRow,
    left: outputLeft,
    rows: dataRows + 1,
    columns: OUTPUT_COLUMNS.length,
  };
  if (outputLeft + OUTPUT_COLUMNS.length > MAX_COLUMNS) {
    throw new FillError(
      "sheet-edge",
      `数据右侧已到工作表最后一列，放不下 ${OUTPUT_COLUMNS.length} 个输出列。${NOTHING_WRITTEN}`,
      "No room for the output columns right of the data. Nothing was written.",
    );
  }
  const mappedColumns = FIELD_IDS.map((f) => mapping[f]?.column).filter((c): c is number => c !== undefined);
  if (refresh && mappedColumns.some((c) => c >= (found as number) && c < (found as number) + OUTPUT_COLUMNS.length)) {
    throw new FillError(
      "mapping-stale",
      `列映射指向了输出列（${OUTPUT_COLUMNS.join("、")}），请改为数据列。${NOTHING_WRITTEN}`,
      "The mapping points at output columns. Nothing was written.",
    );
  }

  if (info.protected) {
    throw new FillError(
      "protected",
      `工作表“${info.sheetName}”受保护，无法写入。请先撤销工作表保护（审阅 → 撤销工作表保护）再填充。${NOTHING_WRITTEN}`,
      `Sheet "${info.sheetName}" is protected. Unprotect it (Review → Unprotect Sheet) and fill again. Nothing was written.`,
    );
  }
  if (info.mergedAreas) {
    const headerRow: CellArea = {
      top: outputArea.top,
      left: info.left,
      rows: 1,
      columns: outputLeft + OUTPUT_COLUMNS.length - info.left,
    };
    const inHeader = info.mergedAreas.filter((m) => areasIntersect(m, headerRow));
    if (inHeader.length > 0) {
      const list = inHeader.slice(0, 3).map(areaA1).join("、");
      throw new FillError(
        "merged",
        `表头行（第 ${outputArea.top + 1} 行）有合并单元格（${list}），无法可靠地对应列。请取消合并、每列保留一个列名后再填充。${NOTHING_WRITTEN}`,
        `The header row (row ${outputArea.top + 1}) has merged cells (${list}). Unmerge them and fill again. Nothing was written.`,
      );
    }
    const inOutput = info.mergedAreas.filter((m) => areasIntersect(m, outputArea));
    if (inOutput.length > 0) {
      const list = inOutput.slice(0, 3).map(areaA1).join("、");
      throw new FillError(
        "merged",
        `输出区域 ${areaA1(outputArea)} 中有合并单元格（${list}），无法写入。请取消合并后再填充。${NOTHING_WRITTEN}`,
        `The output area ${areaA1(outputArea)} has merged cells (${list}). Nothing was written.`,
      );
    }
  }
  const inputSpan =
    mappedColumns.length > 0 ? { first: Math.min(...mappedColumns), last: Math.max(...mappedColumns) } : null;
  return {
    sheetName: info.sheetName,
    header,
    mapping,
    defaults,
    mode: options.mode ?? "values",
    refresh,
    outputArea,
    dataRows,
    inputSpan,
  };
}

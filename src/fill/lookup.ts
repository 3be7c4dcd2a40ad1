/**
 * Eligibility lookup: one enterprise's row read back as facts (with the column each came
 * from), then every clause of its region's document from evaluate(). And finding rows by
 * enterprise name or credit code.
 */
import { foldWidth, type Evaluation } from "../index";
import { displayCell } from "./cells";
import type { ColumnMapping, FillDefaults } from "./mapping";
import { readRow, type RowFact, type RowIssue, type RowKind } from "./row";
import { evaluateRow } from "./fill-row";
import type { RowResult } from "./row-result";
import type { CellValue, DataRegion, SelectedCell } from "./types";

export interface LookupResult {
  readonly kind: RowKind;
  readonly facts: readonly RowFact[];
  /** Null when the row is not an enterprise or has an error. */
  readonly evaluation: Evaluation | null;
  /** The errors' messages joined (each names its column), when the row cannot be evaluated. */
  readonly error?: string;
  readonly errors: readonly RowIssue[];
  readonly warnings: readonly RowIssue[];
  /** The same outcome a fill would write for this row (status, amounts, 依据, 说明). */
  readonly result: RowResult;
}

/**
 * Look up row `rowIndex` of `values` (0-based within the region, as detectHeader counts).
 * A row at or above the header is reported as not an enterprise.
 */
export function lookupEnterprise(
  values: readonly (readonly CellValue[])[],
  mapping: ColumnMapping,
  rowIndex: number,
  defaults: FillDefaults = {},
  options: { headerRow?: number } = {},
): LookupResult {
  const outside =
    rowIndex < 0 || rowIndex >= values.length || (options.headerRow !== undefined && rowIndex <= options.headerRow);
  const read = readRow(outside ? [] : values[rowIndex], mapping, defaults);
  const result = evaluateRow(read, mapping);
  const errors = result.errors;
  return {
    kind: read.kind,
    facts: read.facts,
    evaluation: result.evaluation,
    ...(errors.length > 0 ? { error: errors.map((e) => e.message).join("；") } : {}),
    errors,
    warnings: read.warnings,
    result,
  };
}

export interface FoundRow {
  /** 0-based row within the region. */
  readonly row: number;
  readonly name: string;
  readonly creditCode: string;
}

function searchable(text: string): string {
  return foldWidth(text)
    .replace(/[\s\u3000]+/g, "")
    .toUpperCase();
}

/** Rows below the header whose enterprise name or credit code contains `query` (width and case folded). */
export function findRows(
  values: readonly (readonly CellValue[])[],
  mapping: ColumnMapping,
  query: string,
  options: { headerRow?: number; limit?: number } = {},
): FoundRow[] {
  const q = searchable(query);
  if (q === "" || (!mapping.name && !mapping.creditCode)) return [];
  const limit = options.limit ?? 50;
  const found: FoundRow[] = [];
  for (let r = (options.headerRow ?? -1) + 1; r < values.length && found.length < limit; r++) {
    const name = mapping.name ? displayCell(values[r][mapping.name.column]) : "";
    const creditCode = mapping.creditCode ? displayCell(values[r][mapping.creditCode.column]) : "";
    if (searchable(name).includes(q) || searchable(creditCode).includes(q)) found.push({ row: r, name, creditCode });
  }
  return found;
}

/**
 * Look up the enterprise of the selected cell (host coordinates) in a region read with
 * readDataRegion; null when the selection is on another sheet or outside the region's rows.
 */
export function lookupSelected(
  region: DataRegion,
  mapping: ColumnMapping,
  cell: SelectedCell,
  defaults: FillDefaults = {},
  headerRow?: number,
): LookupResult | null {
  if (cell.sheetName !== region.sheetName) return null;
  const row = cell.row - region.top;
  if (row < 0 || row >= region.values.length) return null;
  return lookupEnterprise(region.values, mapping, row, defaults, { headerRow });
}

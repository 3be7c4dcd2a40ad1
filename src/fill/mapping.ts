/**
 * Finding the header row and mapping its columns to fill fields. The header is often not
 * row 1: titles, "单位：万元" notes and blank rows sit above it. The official can correct the
 * mapping (the taskpane edits a ColumnMapping) and it is remembered per workbook and sheet.
 */
import type { CellValue } from "./types";
import {
  aliasScore,
  FIELD_DEFS,
  FIELD_IDS,
  fieldDef,
  headerParts,
  moneyUnitIn,
  type ColumnUnit,
  type FieldId,
  type HeaderParts,
  type MoneyUnitName,
} from "./fields";
import { isOutputHeader } from "./output-columns";

/** One mapped column: its 0-based index within the region, its header text, the unit it states. */
export interface ColumnRef {
  readonly column: number;
  readonly header: string;
  /** Money columns: the unit bare numbers are in. Lease columns: "月" or "年". */
  readonly unit?: ColumnUnit;
  /** A year the header names ("2024年营业收入"): the evaluated year when the sheet has no year column. */
  readonly headerYear?: number;
}

export type ColumnMapping = { readonly [F in FieldId]?: ColumnRef };

export interface HeaderInfo {
  /** 0-based row of the header within the region's values. */
  readonly headerRow: number;
  /** Header text of every column ("" for an empty header cell). */
  readonly headers: readonly string[];
  /** A "单位：元" note above the header: the unit of money columns that state none. */
  readonly unitHint: MoneyUnitName | null;
  /** How many fields the header names (0 when found only by shape). */
  readonly matchedFields: number;
}

export const HEADER_SEARCH_ROWS = 30;

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const error =
    (value as { error?: unknown; basicValue?: unknown }).error ?? (value as { basicValue?: unknown }).basicValue;
  return typeof error === "string" ? error : "";
}

function fieldsNamedBy(row: readonly CellValue[]): number {
  const seen = new Set<FieldId>();
  for (const cell of row) {
    if (typeof cell !== "string" || isOutputHeader(cell)) continue;
    const parts = headerParts(cell);
    let best: FieldId | null = null;
    let bestScore = 0;
    for (const def of FIELD_DEFS) {
      const score = aliasScore(def, parts);
      if (score > bestScore && !seen.has(def.id)) [best, bestScore] = [def.id, score];
    }
    if (best) seen.add(best);
  }
  return seen.size;
}

const UNIT_NOTE = /单位\s*[:：]\s*(.+)$/;

/**
 * The header row: among the first rows, the one naming most fields (at least two); else the
 * first row that looks like a header (two or more text cells, mostly text, followed by a row).
 */
export function detectHeader(
  values: readonly (readonly CellValue[])[],
  searchRows = HEADER_SEARCH_ROWS,
): HeaderInfo | null {
  const limit = Math.min(values.length, searchRows);
  let headerRow = -1;
  let bestScore = 1;
  for (let r = 0; r < limit; r++) {
    const score = fieldsNamedBy(values[r]);
    if (score > bestScore) [headerRow, bestScore] = [r, score];
  }
  let matchedFields = headerRow >= 0 ? bestScore : 0;
  if (headerRow < 0) {
    for (let r = 0; r < limit - 1 && headerRow < 0; r++) {
      const filled = values[r].filter((v) => cellText(v) !== "");
      const texts = filled.filter((v) => typeof v === "string");
      if (texts.length >= 2 && texts.length * 2 >= filled.length) headerRow = r;
    }
    matchedFields = 0;
  }
  if (headerRow < 0) return null;

  let unitHint: MoneyUnitName | null = null;
  for (let r = 0; r < headerRow && unitHint === null; r++) {
    for (const cell of values[r]) {
      const note = typeof cell === "string" ? UNIT_NOTE.exec(cell.trim()) : null;
      if (note) unitHint = moneyUnitIn(note[1]);
      if (unitHint) break;
    }
  }
  return { headerRow, headers: values[headerRow].map(cellText), unitHint, matchedFields };
}

/** The unit a column's bare numbers are in. */
export function unitOf(field: FieldId, parts: HeaderParts, unitHint: MoneyUnitName | null): ColumnUnit | undefined {
  const kind = fieldDef(field).kind;
  if (kind === "money" || kind === "money-list") {
    return (parts.unitText !== null ? moneyUnitIn(parts.unitText) : null) ?? unitHint ?? "万元";
  }
  if (kind === "months") {
    const says = `${parts.unitText ?? ""}${parts.core}`;
    return /年/.test(says) && !/月/.test(parts.unitText ?? "") ? "年" : "月";
  }
  return undefined;
}

export function columnRef(
  field: FieldId,
  column: number,
  header: string,
  unitHint: MoneyUnitName | null = null,
): ColumnRef {
  const parts = headerParts(header);
  const unit = unitOf(field, parts, unitHint);
  return {
    column,
    header,
    ...(unit ? { unit } : {}),
    ...(parts.year !== null && fieldDef(field).kind === "money" ? { headerYear: parts.year } : {}),
  };
}

/**
 * Map headers to fields: every (column, field) pair is scored by its aliases, best pairs
 * first, each column and field used once. Output columns of an earlier fill are never inputs.
 * Two revenue columns that name years ("2023年营业收入", "2024年营业收入") become prevRevenue and revenue.
 */
export function autoMap(headers: readonly string[], options: { unitHint?: MoneyUnitName | null } = {}): ColumnMapping {
  const unitHint = options.unitHint ?? null;
  const parts = headers.map((h) => (isOutputHeader(h) ? null : headerParts(h)));
  const pairs: { field: FieldId; column: number; score: number }[] = [];
  parts.forEach((p, column) => {
    if (!p) return;
    for (const def of FIELD_DEFS) {
      const score = aliasScore(def, p);
      if (score > 0) pairs.push({ field: def.id, column, score });
    }
  });
  // Best score first; on a tie the leftmost column, then the field order of FIELD_DEFS.
  pairs.sort(
    (a, b) => b.score - a.score || a.column - b.column || FIELD_IDS.indexOf(a.field) - FIELD_IDS.indexOf(b.field),
  );

  const mapping: { [F in FieldId]?: ColumnRef } = {};
  const usedColumns = new Set<number>();
  for (const { field, column } of pairs) {
    if (mapping[field] || usedColumns.has(column)) continue;
    mapping[field] = columnRef(field, column, headers[column], unitHint);
    usedColumns.add(column);
  }

  // Year-labelled revenue columns: the latest year is the revenue, the year before it prevRevenue.
  const dated = parts
    .map((p, column) => ({ p, column }))
    .filter(({ p }) => p && p.year !== null && aliasScore(fieldDef("revenue"), p) > 0)
    .sort((a, b) => (b.p!.year as number) - (a.p!.year as number));
  if (dated.length >= 2 && mapping.revenue && dated.some((d) => d.column === mapping.revenue!.column)) {
    const [latest, previous] = dated;
    mapping.revenue = columnRef("revenue", latest.column, headers[latest.column], unitHint);
    if (!mapping.prevRevenue && previous.p!.year === latest.p!.year! - 1) {
      mapping.prevRevenue = columnRef("prevRevenue", previous.column, headers[previous.column], unitHint);
    }
  }
  return mapping;
}

/** The mapping with `field` moved to `column` (null: unmapped); a column maps to one field only. */
export function remapField(
  mapping: ColumnMapping,
  field: FieldId,
  column: number | null,
  headers: readonly string[],
  options: { unit?: ColumnUnit; unitHint?: MoneyUnitName | null } = {},
): ColumnMapping {
  const next: { [F in FieldId]?: ColumnRef } = {};
  for (const id of FIELD_IDS) {
    const ref = mapping[id];
    if (ref && id !== field && ref.column !== column) next[id] = ref;
  }
  if (column !== null) {
    const ref = columnRef(field, column, headers[column] ?? "", options.unitHint ?? null);
    next[field] = options.unit ? { ...ref, unit: options.unit } : ref;
  }
  return next;
}

/* ------------------------------------------------------------------------------------------ */
/* Remembering the mapping per workbook                                                         */
/* ------------------------------------------------------------------------------------------ */

export interface FillDefaults {
  /** Region for every row when the sheet has no region column (or the cell is empty). */
  readonly region?: string | null;
  /** Evaluated year for every row when the sheet has no year column (or the cell is empty). */
  readonly year?: number | null;
}

export interface SavedMapping {
  readonly version: 1;
  /** field → header text and unit, or null when the official unmapped it on purpose. */
  readonly fields: { readonly [F in FieldId]?: { readonly header: string; readonly unit?: ColumnUnit } | null };
  readonly defaults: FillDefaults;
}

export function mappingSettingKey(sheetName: string): string {
  return `xsg.fill.mapping:${sheetName}`;
}

export function saveableMapping(mapping: ColumnMapping, defaults: FillDefaults = {}): SavedMapping {
  const fields: { [F in FieldId]?: { header: string; unit?: ColumnUnit } | null } = {};
  for (const id of FIELD_IDS) {
    const ref = mapping[id];
    fields[id] = ref ? { header: ref.header, ...(ref.unit ? { unit: ref.unit } : {}) } : null;
  }
  return { version: 1, fields, defaults: { region: defaults.region ?? null, year: defaults.year ?? null } };
}

/**
 * Re-apply a saved mapping to the headers as they are now: columns are found again by header
 * text (columns may have moved); a field whose header disappeared falls back to autoMap.
 */
export function restoreMapping(
  saved: unknown,
  headers: readonly string[],
  options: { unitHint?: MoneyUnitName | null } = {},
): { mapping: ColumnMapping; defaults: FillDefaults } | null {
  if (!isSavedMapping(saved)) return null;
  let mapping = autoMap(headers, options);
  for (const id of FIELD_IDS) {
    if (!(id in saved.fields)) continue;
    const entry = saved.fields[id];
    if (entry === null) {
      mapping = remapField(mapping, id, null, headers);
      continue;
    }
    if (!entry) continue;
    const column = headers.findIndex((h) => h === entry.header);
    if (column >= 0)
      mapping = remapField(mapping, id, column, headers, { unit: entry.unit, unitHint: options.unitHint });
  }
  return { mapping, defaults: saved.defaults ?? {} };
}

function isSavedMapping(value: unknown): value is SavedMapping {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as SavedMapping).version === 1 &&
    typeof (value as SavedMapping).fields === "object" &&
    (value as SavedMapping).fields !== null
  );
}

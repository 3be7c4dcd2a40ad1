/**
 * Reading one row of the official's sheet into an Enterprise, with the facts as read (and the
 * column each came from) and every problem named by its column header. A bad cell makes the
 * row an error row; it never stops the batch.
 */
import {
  checkUscc,
  foldWidth,
  isXsgError,
  parseArea,
  parseMoney,
  parseMonths,
  parseTags,
  parseYear,
  resolveRegion,
  tagBit,
  tagsOf,
  tagsImpliedBy,
  type MoneyUnit,
} from "../index";
import type { Enterprise, Fen, RegionId, Tag, TagMask } from "../model";
import { displayCell, displayReading, plainCellValue, readCell } from "./cells";
import { fieldDef, FIELD_IDS, type FieldId } from "./fields";
import type { ColumnMapping, ColumnRef, FillDefaults } from "./mapping";
import type { CellValue } from "./types";
import { memoizeText } from "./memo";

export interface RowFact {
  readonly field: FieldId;
  readonly label: string;
  /** As the sheet shows it (or the default / derived value). */
  readonly value: string;
  /** 0-based column within the region, null for a whole-sheet default or a derived fact. */
  readonly column: number | null;
  readonly header: string | null;
  readonly source: "cell" | "default" | "header" | "credit-code" | "derived";
}

export interface RowIssue {
  readonly field: FieldId | null;
  readonly column: number | null;
  readonly header: string | null;
  /** Chinese, naming the column: 列“主营业务收入（元）”：无法识别的金额“abc”… */
  readonly message: string;
}

export type RowKind = "enterprise" | "blank" | "total" | "note";

export interface RowRead {
  readonly kind: RowKind;
  /** Null when the row is not an enterprise or an error prevents evaluation. */
  readonly enterprise: Enterprise | null;
  readonly year: number | null;
  readonly name: string | null;
  /** Normalised credit code when the row has one. */
  readonly creditCode: string | null;
  readonly facts: readonly RowFact[];
  readonly errors: readonly RowIssue[];
  readonly warnings: readonly RowIssue[];
}

export interface ReadRowOptions {
  /** Index of the region column held in row[0] (when only a span of columns was read). */
  readonly columnOffset?: number;
  /** false: skip the per-cell facts (the batch fill never shows them; the lookup view does). */
  readonly facts?: boolean;
}

/** 列“营业收入（元）” — or the field's label when the header cell is empty. */
export function columnName(ref: ColumnRef | undefined, field: FieldId | null): string {
  if (ref && ref.header.trim() !== "") return `列“${ref.header.trim()}”`;
  return field ? `“${fieldDef(field).label}”` : "";
}

const TOTAL_ROW = /^(?:合\s*计|总\s*计|小\s*计|累\s*计|total)$/i;
const NOTE_ROW = /^(?:注|备注|说明|填表|制表|审核|审批|负责人|联系人|联系电话|数据来源|单位负责人)/;

/**
 * Ownership text ⇒ tags (R7), e.g. 国有企业 ⇒ 国有, 事业单位 ⇒ 行政事业单位: the texts are data
 * (`fromColumns.ownership` of the tags in common-tags.json and the documents). Shared arrays: do not mutate.
 */
export const ownershipTags = (text: string): readonly Tag[] => tagsImpliedBy("ownership", text);

/** Industry text ⇒ tags (R7), e.g. 房地产开发 ⇒ 房地产, and 杭州's six key industries (`fromColumns.industry`). */
export const industryTags = (text: string): readonly Tag[] => tagsImpliedBy("industry", text);

const GRADE = /^(?:亩均)?(?:效益)?(?:评价)?([A-D])(?:类|级|档)?(?:企业)?$/;

/** 亩均评价 "A", "B类", "C级", "亩均D" ⇒ 亩均A–D; blank ⇒ null; anything else ⇒ undefined (unrecognised). */
export const muJunTag = memoizeText((text: string): Tag | null | undefined => {
  const t = foldWidth(text)
    .replace(/[\s"'“”]+/g, "")
    .toUpperCase();
  if (t === "") return null;
  const m = GRADE.exec(t);
  return m ? (`亩均${m[1]}` as Tag) : undefined;
});

class RowReader {
  readonly facts: RowFact[] = [];
  readonly errors: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];

  constructor(
    private readonly row: readonly CellValue[],
    readonly mapping: ColumnMapping,
    private readonly offset: number,
    private readonly keepFacts = true,
  ) {}

  cell(field: FieldId): CellValue {
    const ref = this.mapping[field];
    return ref ? this.row[ref.column - this.offset] : null;
  }

  fact(field: FieldId, value: string, source: RowFact["source"] = "cell"): void {
    if (!this.keepFacts) return;
    const ref = source === "cell" ? this.mapping[field] : undefined;
    this.facts.push({
      field,
      label: fieldDef(field).label,
      value,
      column: ref ? ref.column : null,
      header: ref ? ref.header : null,
      source,
    });
  }

  issue(list: RowIssue[], field: FieldId | null, detail: string): void {
    const ref = field ? this.mapping[field] : undefined;
    const name = columnName(ref, field);
    list.push({
      field,
      column: ref ? ref.column : null,
      header: ref ? ref.header : null,
      message: name ? `${name}：${detail}` : detail,
    });
  }

  error(field: FieldId | null, detail: string): void {
    this.issue(this.errors, field, detail);
  }

  warn(field: FieldId | null, detail: string): void {
    this.issue(this.warnings, field, detail);
  }

  /**
   * Run a parser on a mapped cell: blank ⇒ null; error cells and parser errors ⇒ a row error
   * naming the column. Parsers are module functions given the field and its column (no closure
   * per row); a plain cell is handed over without a CellReading.
   */
  parse<T>(field: FieldId, parser: CellParser<T>): T | null {
    const ref = this.mapping[field];
    if (!ref) return null;
    const raw = this.cell(field);
    const plain = plainCellValue(raw);
    const reading = plain === undefined ? readCell(raw) : null;
    if (reading !== null && reading.kind === "blank") return null;
    if (this.keepFacts) this.fact(field, displayCell(raw));
    if (reading !== null && reading.kind === "error") {
      this.error(field, reading.detail ?? `单元格是错误值 ${reading.text}`);
      return null;
    }
    try {
      return parser(plain ?? (reading as { value: string | number | boolean | Date }).value, field, ref);
    } catch (error) {
      if (isXsgError(error)) {
        this.error(field, error.detail);
        return null;
      }
      throw error;
    }
  }
}

/** Reads a cell's value for `field` (its column `ref` says units); throws XsgError for what it cannot read. */
type CellParser<T> = (value: string | number | boolean | Date, field: FieldId, ref: ColumnRef) => T | null;

const regionCell: CellParser<RegionId> = (value, field) => resolveRegion(value, field);
const yearCell: CellParser<number> = (value, field) => parseYear(value, field);
const moneyCell: CellParser<Fen> = (value, field, ref) => parseMoney(value, field, moneyUnitOfRef(ref));
const contractsCell: CellParser<Fen[]> = (value, _field, ref) => parseContracts(value, moneyUnitOfRef(ref));
const areaCell: CellParser<number> = (value, field) => parseArea(value, field);
const leaseMonthsCell: CellParser<number> = (value, field, ref) =>
  parseMonths(
    ref.unit === "年" && (typeof value === "number" || /^[\d.]+$/.test(String(value).trim())) ? `${value}年` : value,
    field,
  );
const tagsCell: CellParser<TagMask> = (value, field) =>
  parseTags(typeof value === "string" ? value : String(value), field);
const ownershipCell: CellParser<readonly Tag[]> = (value) => ownershipTags(String(value));
const industryCell: CellParser<readonly Tag[]> = (value) => industryTags(String(value));
/** undefined: not a grade readRow recognises (it reports the cell). */
const muJunCell = (value: string | number | boolean | Date): Tag | null | undefined => muJunTag(String(value));

function moneyUnitOfRef(ref: ColumnRef | undefined): MoneyUnit {
  return (ref?.unit && ref.unit !== "年" && ref.unit !== "月" ? ref.unit : "万元") as MoneyUnit;
}

/** Contract amounts: one per cell, or several separated by ；;、 or line breaks. */
function parseContracts(value: string | number | boolean | Date, unit: MoneyUnit): Fen[] {
  if (typeof value !== "string") return [parseMoney(value, "contracts", unit) ?? 0];
  const parts = foldWidth(value)
    .split(/[;；、\n\r]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.map((p) => parseMoney(p, "contracts", unit) ?? 0);
}

/** "合计：" → "合计"; other texts as they are (no new string for each row). */
function withoutTrailingColon(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last === 0xff1a /* ： */ || last === 0x3a /* : */ ? text.slice(0, -1) : text;
}

/** What kind of row this is, before reading it as an enterprise. */
export function classifyRow(row: readonly CellValue[], mapping: ColumnMapping, options: ReadRowOptions = {}): RowKind {
  // Only the first non-empty text and whether a second exists matter: no per-row arrays.
  let anyValue = false;
  let first = "";
  let texts = 0;
  for (const cell of row) {
    // A plain cell (most) is not blank: no CellReading needed to tell.
    if (plainCellValue(cell) === undefined && readCell(cell).kind === "blank") continue;
    anyValue = true;
    const text = displayCell(cell);
    if (text === "") continue;
    if (texts === 0) first = text;
    if (++texts > 1) break;
  }
  if (!anyValue) return "blank";
  const offset = options.columnOffset ?? 0;
  const nameCell = mapping.name ? displayCell(row[mapping.name.column - offset]) : "";
  if (TOTAL_ROW.test(withoutTrailingColon(nameCell)) || (texts > 0 && TOTAL_ROW.test(withoutTrailingColon(first)))) {
    return "total";
  }
  if (texts === 1 && NOTE_ROW.test(first)) return "note";
  return "enterprise";
}

/**
 * Read one row. `defaults` fill a missing region or year for the whole sheet. A row whose
 * region or year cannot be determined, or whose cells cannot be parsed, gets errors (each
 * naming its column) and no enterprise.
 */
export function readRow(
  row: readonly CellValue[],
  mapping: ColumnMapping,
  defaults: FillDefaults = {},
  options: ReadRowOptions = {},
): RowRead {
  const kind = classifyRow(row, mapping, options);
  const r = new RowReader(row, mapping, options.columnOffset ?? 0, options.facts !== false);
  if (kind !== "enterprise") {
    return { kind, enterprise: null, year: null, name: null, creditCode: null, facts: [], errors: [], warnings: [] };
  }

  const name = mapping.name ? displayCell(r.cell("name")) || null : null;
  if (name) r.fact("name", name);

  let creditCode: string | null = null;
  let codeWellFormed = false;
  if (mapping.creditCode) {
    const raw = r.cell("creditCode");
    const reading = readCell(raw);
    if (reading.kind === "error") {
      r.fact("creditCode", reading.text);
      r.warn("creditCode", reading.detail ?? `单元格是错误值 ${reading.text}`);
    } else if (reading.kind === "value") {
      const check = checkUscc(typeof reading.value === "number" ? String(reading.value) : displayReading(reading));
      creditCode = check.normalized;
      codeWellFormed = check.wellFormed;
      r.fact("creditCode", creditCode);
      if (!check.wellFormed) r.warn("creditCode", `“${creditCode}”不是 18 位统一社会信用代码（GB 32100-2015），仅提示`);
      else if (!check.checksumOk) r.warn("creditCode", `“${creditCode}”校验位不符（R15：仅提示，不影响计算）`);
    }
  }

  // Region: the cell, else the whole-sheet default, else the credit code's division (R12).
  let region = r.parse("region", regionCell);
  const regionCellBlank = !mapping.region || readCell(r.cell("region")).kind === "blank";
  if (region === null && regionCellBlank) {
    if (defaults.region) {
      try {
        region = resolveRegion(defaults.region, "region");
        r.fact("region", String(defaults.region), "default");
      } catch (error) {
        if (!isXsgError(error)) throw error;
        r.error(null, `全表地区“${defaults.region}”：${error.detail}`);
      }
    } else if (creditCode && codeWellFormed) {
      try {
        region = resolveRegion(creditCode, "region");
        r.fact("region", `${region}（据统一社会信用代码）`, "credit-code");
        r.warn("region", "地区为空，已按统一社会信用代码第3–8位的登记机关地区识别（R12），请核实");
      } catch (error) {
        if (!isXsgError(error)) throw error;
        r.error("region", `地区为空，且无法据统一社会信用代码识别：${error.detail}`);
      }
    } else {
      r.error("region", "地区为空，请填写所属地区或在映射中设置全表地区");
    }
  }

  // Year: the cell, else the whole-sheet default, else the year a revenue header names.
  let year = r.parse("year", yearCell);
  const yearCellBlank = !mapping.year || readCell(r.cell("year")).kind === "blank";
  if (year === null && yearCellBlank) {
    const headerYear = mapping.revenue?.headerYear;
    if (defaults.year !== null && defaults.year !== undefined) {
      year = defaults.year;
      r.fact("year", String(year), "default");
    } else if (headerYear !== undefined) {
      year = headerYear;
      r.fact("year", `${year}（据表头“${mapping.revenue?.header}”）`, "header");
    } else {
      r.error("year", "评价年度为空，请填写年度或在映射中设置全表年度");
    }
  }

  const upgradeYear = r.parse("upgradeYear", yearCell);
  const revenue = r.parse("revenue", moneyCell);
  const prevRevenue = r.parse("prevRevenue", moneyCell);
  const techInvestment = r.parse("techInvestment", moneyCell);
  const monthlyRent = r.parse("monthlyRent", moneyCell);
  const contracts = r.parse("contracts", contractsCell);
  const rentedArea = r.parse("rentedArea", areaCell);
  const leaseMonths = r.parse("leaseMonths", leaseMonthsCell);

  let tags: TagMask = r.parse("tags", tagsCell) ?? 0;
  const derived: Tag[] = [];
  const ownership = r.parse("ownership", ownershipCell);
  if (ownership) derived.push(...ownership);
  const industry = r.parse("industry", industryCell);
  if (industry) derived.push(...industry);
  const grade = r.parse("muJunGrade", muJunCell);
  if (grade === undefined) {
    const shown = displayCell(r.cell("muJunGrade"));
    r.error("muJunGrade", `无法识别的亩均评价“${shown}”，应为 A、B、C 或 D（类/级）`);
  } else if (grade) derived.push(grade);
  for (const tag of derived) tags |= tagBit(tag);

  if (r.errors.length > 0 || region === null || year === null) {
    return { kind, enterprise: null, year, name, creditCode, facts: r.facts, errors: r.errors, warnings: r.warnings };
  }
  // One literal, then the optional names: spreading `...(name ? { name } : {})` into it cost
  // ≈ 8 µs a row (V8 copies spread properties at run time, into objects of varying shapes),
  // most of readRow in a batch fill.
  const enterprise: Enterprise = {
    region,
    revenue,
    prevRevenue,
    upgradeYear,
    tags,
    techInvestment,
    rentedArea,
    leaseMonths,
    monthlyRent,
    contracts,
  };
  if (name) enterprise.name = name;
  if (creditCode) enterprise.creditCode = creditCode;
  if (tags !== 0 && derived.length > 0) {
    r.facts.push({
      field: "tags",
      label: "企业标签（合计）",
      value: tagsOf(tags).join("、"),
      column: null,
      header: null,
      source: "derived",
    });
  }
  return {
    kind,
    enterprise,
    year,
    name,
    creditCode,
    facts: sortFacts(r.facts),
    errors: r.errors,
    warnings: r.warnings,
  };
}

const FIELD_ORDER = Object.fromEntries(FIELD_IDS.map((id, i) => [id, i])) as Record<FieldId, number>;

function sortFacts(facts: RowFact[]): RowFact[] {
  // The batch fill keeps no facts: no copy for it.
  if (facts.length < 2) return facts;
  return facts.slice().sort((a, b) => FIELD_ORDER[a.field] - FIELD_ORDER[b.field]);
}

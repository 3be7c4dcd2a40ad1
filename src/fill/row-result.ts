/**
 * One row's evaluation turned into the seven output cells. Rules (an auditor's reading,
 * see src/fill/README.md):
 *  - a row with an error gets EMPTY amounts (never 0) and 状态 数据错误, its 说明 naming the column;
 *  - an amount is empty when a fact it needs is missing from a mapped column (需补充数据), and
 *    when the sheet has no column for that fact at all (未计算, said in 说明), but 0 when the
 *    region's document gives nothing of that kind (R8/R9: "0");
 *  - 合计 = every granted cash amount (incl. the contract award, R10); empty when the upgrade
 *    award or a mapped fact is unknown.
 */
import { formatWan, type Evaluation, type XsgError } from "../index";
import { yuanToWanNumber } from "../engine/arith";
import { CASH_CATEGORIES, type CashCategory, type EnterpriseField, type Yuan } from "../model";
import { fieldDef, fieldOfErrorField, type FieldId } from "./fields";
import type { ColumnMapping } from "./mapping";
import { columnName, type RowIssue, type RowKind, type RowRead } from "./row";
import type { CellContent } from "./types";
import { OUT, OUTPUT_COLUMNS } from "./output-columns";
import { rowBytes, rowBytesKnowing } from "./blocks";

export const STATUS = {
  eligible: "可获奖励",
  none: "无奖励",
  needsData: "需补充数据",
  error: "数据错误",
} as const;
export type RowStatus = (typeof STATUS)[keyof typeof STATUS];

export { CASH_CATEGORIES, type CashCategory } from "../model";

const CATEGORY_LABEL: Readonly<Record<CashCategory, string>> = {
  award: "升规奖励",
  tech: "技改补助",
  rent: "租金补助",
  bid: "合同奖励",
  "other-cash": "其他奖补",
};

/** How one category of cash came out for a row. */
export type AmountState =
  | { readonly state: "known"; readonly yuan: Yuan }
  | { readonly state: "needs-data"; readonly missing: readonly FieldId[] }
  | { readonly state: "not-computed"; readonly missing: readonly FieldId[] }
  | { readonly state: "unquantified" };

/** A clause that granted cash, as the fill summary adds it up by clause. */
export interface GrantedCash {
  readonly clauseId: string;
  readonly label: string;
  readonly title: string;
  readonly category: CashCategory;
  readonly yuan: Yuan;
}

/** What the fill summary adds up for an evaluated row. */
export interface RowCash {
  /** The evaluated year (the summary's by-year budget, R3). */
  readonly year: number;
  readonly regionName: string;
  readonly documentNumber: string;
  /** Every granted cash amount of the row, known even when another category needs data. */
  readonly totalYuan: Yuan;
  /** In document order. */
  readonly granted: readonly GrantedCash[];
}

/** What the batch fill writes for a row (its seven cells) and adds to the summary. */
export interface RowOutcome {
  readonly kind: RowKind;
  /** Null for blank, total and note rows. */
  readonly status: RowStatus | null;
  readonly amounts: Readonly<Record<CashCategory, AmountState>> | null;
  /** 合计 in 元, null when unknown. */
  readonly totalYuan: Yuan | null;
  readonly basis: string;
  readonly note: string;
  /** payloadBytes of `note` when the fill summed it while building the note (see valueCellsBytes). */
  readonly noteBytes?: number;
  /** Null when the row was not evaluated (not an enterprise, or an error). */
  readonly cash: RowCash | null;
}

/** A row's outcome with the row as read and its whole evaluation (the lookup view shows them). */
export interface RowResult extends RowOutcome {
  readonly read: RowRead;
  readonly evaluation: Evaluation | null;
  /** Errors (read and evaluation), each naming its column. */
  readonly errors: readonly RowIssue[];
}

/** 说明 cells stay readable and far below Excel's 32,767-character cell limit. */
export const MAX_NOTE_LENGTH = 1_000;

function isMapped(field: EnterpriseField | FieldId, mapping: ColumnMapping): boolean {
  if (field === "tags") return Boolean(mapping.tags || mapping.ownership || mapping.industry || mapping.muJunGrade);
  return Boolean(mapping[field as FieldId]);
}

function fieldsOf(missing: readonly EnterpriseField[]): FieldId[] {
  const fields: FieldId[] = [];
  for (const f of missing) {
    const field = fieldOfErrorField(f);
    if (field !== null && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

/**
 * A category some of whose clauses need data: `missing`, every fact they lack in clause order.
 * The same few states recur on every row of a sheet: each is built once per mapping and shared
 * (frozen, like KNOWN_ZERO), and so is the 说明 part it gives (categoryNote).
 */
export function missingDataState(
  category: CashCategory,
  missing: readonly EnterpriseField[],
  mapping: ColumnMapping,
): AmountState {
  let states = missingStates.get(mapping);
  if (states === undefined) missingStates.set(mapping, (states = new Map()));
  const key = stateKey(category, missing);
  let state = states.get(key);
  if (state === undefined) {
    const fields = fieldsOf(missing);
    // A fact whose column the sheet does not have at all: not computed, rather than "fill in this cell".
    const absentOnly = category !== "award" && fields.length > 0 && fields.every((f) => !isMapped(f, mapping));
    state = Object.freeze(
      absentOnly ? { state: "not-computed", missing: fields } : { state: "needs-data", missing: fields },
    );
    if (states.size >= MAX_SHARED_STATES) states.clear();
    states.set(key, state);
  }
  return state;
}
const missingStates = new WeakMap<ColumnMapping, Map<number | string, AmountState>>();
const MAX_SHARED_STATES = 1024;

/**
 * The category and its missing facts in order, as a number when short enough (no text built
 * per row): 5 bits per fact, numbered by first sight; a long list falls back to text.
 */
function stateKey(category: CashCategory, missing: readonly EnterpriseField[]): number | string {
  if (missing.length > 8) return `${category}:${missing.join(",")}`;
  let key = CASH_CATEGORIES.indexOf(category) + 1;
  for (const field of missing) {
    let number = FACT_NUMBERS.get(field);
    if (number === undefined) FACT_NUMBERS.set(field, (number = FACT_NUMBERS.size + 1));
    if (number >= 32) return `${category}:${missing.join(",")}`;
    key = key * 32 + number;
  }
  return key;
}
const FACT_NUMBERS = new Map<string, number>();

function wan(yuan: Yuan): string {
  return `${formatWan(yuan)}万元`;
}

/** Yuan as the 万元 number a cell holds: the engine's conversion, as the custom functions return it. */
export const wanNumber: (yuan: Yuan) => number = yuanToWanNumber;

/** What names a clause in 依据 and 说明 (ClauseOutcome and the policy's Clause both have these). */
export interface ClauseNaming {
  readonly label: string;
  readonly title: string;
}

/** "（一）连续三年升规奖励" or "一 首次上规奖励…": label and the specific part of the title (after its last "："). */
export function clauseName(clauseId: string, c: ClauseNaming): string {
  let named = clauseNames.get(clauseId);
  // Another catalog may hold a different clause under the same id: the label and title decide.
  if (named === undefined || named.label !== c.label || named.title !== c.title) {
    const title = c.title.split("：").pop() || c.title;
    named = {
      label: c.label,
      title: c.title,
      name: /[)）]$/.test(c.label) ? `${c.label}${title}` : `${c.label} ${title}`,
    };
    clauseNames.set(clauseId, named);
  }
  return named.name;
}
/** Per clause id: 说明 names clauses on every row. */
const clauseNames = new Map<string, { readonly label: string; readonly title: string; readonly name: string }>();

/** 依据: the region, its document (marked when a draft) and the labels of the clauses the row rests on. */
export function basisText(
  document: { readonly regionName: string; readonly documentNumber: string; readonly documentStatus: string },
  labels: readonly string[],
): string {
  const shown = [...new Set(labels)].join("、");
  const draft =
    document.documentStatus === "征求意见稿" && !document.documentNumber.includes("征求意见稿") ? "（征求意见稿）" : "";
  return `${document.regionName} ${document.documentNumber}${draft}${shown ? ` ${shown}` : ""}`;
}

function missingText(missing: readonly FieldId[], mapping: ColumnMapping): string {
  return missing.map((f) => columnName(mapping[f], f) || fieldDef(f).label).join("、");
}

const HINT_ZERO: Partial<Record<FieldId, string>> = {
  techInvestment: "无技改投资请填 0",
  contracts: "无外地合同请填 0",
  rentedArea: "未租赁厂房请填 0",
};

/* The parts of 说明, in the order noteOf joins them. */

/** A granted cash clause: "（一）首次升规奖励 20万元". */
export function grantedNote(name: string, yuan: Yuan): string {
  return `${name} ${wan(yuan)}`;
}

/** Why an award clause gave nothing (quoted only when no upgrade award was granted). */
export function refusalNote(name: string, reasons: readonly string[]): string {
  return `${name}：${reasons[0] ?? "不符合"}`;
}

/** A category that needs data or was not computed; null for the other states. */
export function categoryNote(category: CashCategory, a: AmountState, mapping: ColumnMapping): string | null {
  if (a.state !== "needs-data" && a.state !== "not-computed") return null;
  // Shared states (missingDataState) give the same text on every row: built once per mapping.
  let notes = categoryNotes.get(mapping);
  if (notes === undefined) categoryNotes.set(mapping, (notes = new WeakMap()));
  let byCategory = notes.get(a);
  if (byCategory === undefined) notes.set(a, (byCategory = new Map()));
  let note = byCategory.get(category);
  if (note === undefined) byCategory.set(category, (note = categoryNoteText(category, a, mapping)));
  return note;
}
const categoryNotes = new WeakMap<ColumnMapping, WeakMap<AmountState, Map<CashCategory, string>>>();

function categoryNoteText(category: CashCategory, a: AmountState, mapping: ColumnMapping): string {
  if (a.state === "needs-data") {
    const hints = a.missing.map((f) => HINT_ZERO[f]).filter((h) => h !== undefined);
    return `${CATEGORY_LABEL[category]}无法计算，缺少${missingText(a.missing, mapping)}${hints.length ? `（${hints.join("，")}）` : ""}（R11）`;
  }
  const missing = a.state === "not-computed" ? a.missing : [];
  return `未计算${CATEGORY_LABEL[category]}（表中无${missing.map((f) => `“${fieldDef(f).label}”`).join("、")}列）`;
}

/** Promises without an amount (R11), by clause label. */
export function unquantifiedNote(labels: readonly string[]): string {
  return `另有未规定金额的承诺：${[...new Set(labels)].join("、")}，未计入（R11）`;
}

export function benefitsNote(count: number): string {
  return (benefitsNotes[count] ??= `非现金待遇 ${count} 项（见资格查询）`);
}
const benefitsNotes: string[] = [];

/** 说明 kept under MAX_NOTE_LENGTH. */
export function clip(text: string): string {
  return text.length > MAX_NOTE_LENGTH ? `${text.slice(0, MAX_NOTE_LENGTH - 1)}…` : text;
}

function errorResult(read: RowRead, errors: readonly RowIssue[]): RowResult {
  const note = clip([...errors, ...read.warnings].map((e) => e.message).join("；"));
  return {
    kind: read.kind,
    read,
    evaluation: null,
    status: STATUS.error,
    amounts: null,
    totalYuan: null,
    basis: "",
    note,
    cash: null,
    errors,
  };
}

/** The read row with `extraWarnings` (e.g. duplicate credit codes) added to its warnings. */
export function withExtraWarnings(read: RowRead, extraWarnings: readonly string[]): RowRead {
  if (extraWarnings.length === 0) return read;
  return {
    ...read,
    warnings: [
      ...read.warnings,
      ...extraWarnings.map((message) => ({ field: "creditCode" as const, column: null, header: null, message })),
    ],
  };
}

/** The result of a row that is not evaluated (not an enterprise, or unreadable); null for a row to evaluate. */
export function unevaluatedResult(read: RowRead, extraWarnings: readonly string[]): RowResult | null {
  if (read.kind !== "enterprise") {
    const note = read.kind === "total" ? "合计行，未计算" : "";
    return {
      kind: read.kind,
      read,
      evaluation: null,
      status: null,
      amounts: null,
      totalYuan: null,
      basis: "",
      note,
      cash: null,
      errors: [],
    };
  }
  if (read.errors.length > 0 || !read.enterprise || read.year === null)
    return errorResult(withExtraWarnings(read, extraWarnings), read.errors);
  return null;
}

/** An error row for an XsgError the evaluation threw (e.g. an upgrade year after the evaluated year, R3). */
export function evaluationErrorResult(
  read: RowRead,
  extraWarnings: readonly string[],
  mapping: ColumnMapping,
  error: XsgError,
): RowResult {
  const field = fieldOfErrorField(error.field);
  const name = columnName(field ? mapping[field] : undefined, field);
  const issue: RowIssue = {
    field,
    column: field ? (mapping[field]?.column ?? null) : null,
    header: field ? (mapping[field]?.header ?? null) : null,
    message: name ? `${name}：${error.detail}` : error.message,
  };
  return errorResult(withExtraWarnings(read, extraWarnings), [issue]);
}

/** The status a row's amounts give it. */
export function rowStatus(unknown: boolean, totalYuan: Yuan): RowStatus {
  return unknown ? STATUS.needsData : totalYuan > 0 ? STATUS.eligible : STATUS.none;
}

function amountCell(a: AmountState | undefined): CellContent {
  return a && a.state === "known" ? wanNumber(a.yuan) : null;
}

/** The seven output cells of a row in values mode (null = empty cell). */
/**
 * rowBytes of valueCells(result). Measuring each row's long 说明 character by character was the
 * largest single cost of a fill; fillRow sums it from parts it mostly measured once (noteBytes).
 */
export function valueCellsBytes(result: RowOutcome, cells: readonly CellContent[]): number {
  return result.noteBytes !== undefined && cells[OUT.note] === result.note
    ? rowBytesKnowing(cells, OUT.note, result.noteBytes)
    : rowBytes(cells);
}

export function valueCells(result: RowOutcome): CellContent[] {
  const cells: CellContent[] = new Array(OUTPUT_COLUMNS.length).fill(null);
  if (result.amounts) {
    cells[OUT.award] = amountCell(result.amounts.award);
    cells[OUT.tech] = amountCell(result.amounts.tech);
    cells[OUT.rent] = amountCell(result.amounts.rent);
  }
  cells[OUT.total] = result.totalYuan === null ? null : wanNumber(result.totalYuan);
  cells[OUT.status] = result.status;
  cells[OUT.basis] = result.basis || null;
  cells[OUT.note] = result.note || null;
  return cells;
}

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
import { evaluate, formatWan, isXsgError, type ClauseOutcome, type Evaluation, type EvaluationDetail } from "../index";
import type { ClauseCategory, EnterpriseField, Yuan } from "../model";
import { fieldDef, fieldOfErrorField, type FieldId } from "./fields";
import type { ColumnMapping } from "./mapping";
import { columnName, type RowIssue, type RowKind, type RowRead } from "./row";
import type { CellContent } from "./types";
import { OUT, OUTPUT_COLUMNS } from "./output-columns";

export const STATUS = {
  eligible: "可获奖励",
  none: "无奖励",
  needsData: "需补充数据",
  error: "数据错误",
} as const;
export type RowStatus = (typeof STATUS)[keyof typeof STATUS];

export type CashCategory = Exclude<ClauseCategory, "benefit">;
export const CASH_CATEGORIES: readonly CashCategory[] = ["award", "tech", "rent", "bid", "other-cash"];

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

export interface RowResult {
  readonly kind: RowKind;
  readonly read: RowRead;
  readonly evaluation: Evaluation | null;
  /** Null for blank, total and note rows. */
  readonly status: RowStatus | null;
  readonly amounts: Readonly<Record<CashCategory, AmountState>> | null;
  /** 合计 in 元, null when unknown. */
  readonly totalYuan: Yuan | null;
  readonly basis: string;
  readonly note: string;
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
  return [...new Set(missing.map((f) => fieldOfErrorField(f)).filter((f): f is FieldId => f !== null))];
}

/** The state of one cash category from the evaluation's clauses. */
export function categoryAmount(evaluation: Evaluation, category: CashCategory, mapping: ColumnMapping): AmountState {
  const clauses = evaluation.clauses.filter((c) => c.category === category);
  if (clauses.length === 0) return { state: "known", yuan: 0 };
  const needing = clauses.filter((c) => c.status === "needs-data");
  if (needing.length > 0) {
    const missing = fieldsOf(needing.flatMap((c) => c.missing));
    // A fact whose column the sheet does not have at all: not computed, rather than "fill in this cell".
    const absentOnly = category !== "award" && missing.length > 0 && missing.every((f) => !isMapped(f, mapping));
    return absentOnly ? { state: "not-computed", missing } : { state: "needs-data", missing };
  }
  const quantified = clauses.filter((c) => c.amountYuan !== null);
  if (quantified.length === 0 && clauses.some((c) => c.status === "not-quantified")) return { state: "unquantified" };
  return {
    state: "known",
    yuan: quantified.reduce((sum, c) => sum + (c.status === "granted" ? (c.amountYuan as number) : 0), 0),
  };
}

function wan(yuan: Yuan): string {
  return `${formatWan(yuan)}万元`;
}

/** Yuan as the 万元 number a cell holds (4 decimals exact in decimal; the nearest double). */
export function wanNumber(yuan: Yuan): number {
  return Number(formatWan(yuan));
}

/** "（一）连续三年升规奖励" or "一 首次上规奖励…": label and the specific part of the title (after its last "："). */
function clauseName(c: ClauseOutcome): string {
  let name = clauseNames.get(c.clauseId);
  if (name === undefined) {
    const title = c.title.split("：").pop() || c.title;
    name = /[)）]$/.test(c.label) ? `${c.label}${title}` : `${c.label} ${title}`;
    clauseNames.set(c.clauseId, name);
  }
  return name;
}
/** Per clause id: a clause's label and title never change, and 说明 names clauses on every row. */
const clauseNames = new Map<string, string>();

function basisOf(evaluation: Evaluation): string {
  const cash = evaluation.clauses.filter((c) => c.category !== "benefit");
  const granted = cash.filter((c) => c.status === "granted" && (c.amountYuan ?? 0) > 0);
  const shown = granted.length > 0 ? granted : cash.filter((c) => c.category === "award");
  const labels = [...new Set(shown.map((c) => c.label))].join("、");
  const draft =
    evaluation.documentStatus === "征求意见稿" && !evaluation.documentNumber.includes("征求意见稿")
      ? "（征求意见稿）"
      : "";
  return `${evaluation.regionName} ${evaluation.documentNumber}${draft}${labels ? ` ${labels}` : ""}`;
}

function missingText(missing: readonly FieldId[], mapping: ColumnMapping): string {
  return missing.map((f) => columnName(mapping[f], f) || fieldDef(f).label).join("、");
}

const HINT_ZERO: Partial<Record<FieldId, string>> = {
  techInvestment: "无技改投资请填 0",
  contracts: "无外地合同请填 0",
  rentedArea: "未租赁厂房请填 0",
};

function noteOf(
  evaluation: Evaluation,
  amounts: Record<CashCategory, AmountState>,
  read: RowRead,
  mapping: ColumnMapping,
): string {
  const parts: string[] = [];
  const cash = evaluation.clauses.filter((c) => c.category !== "benefit");
  for (const c of cash) {
    if (c.status === "granted" && (c.amountYuan ?? 0) > 0)
      parts.push(`${clauseName(c)} ${wan(c.amountYuan as number)}`);
  }
  // Why no upgrade award: the refusals of the award clauses (only when none was granted).
  const award = amounts.award;
  if (award.state === "known" && award.yuan === 0) {
    for (const c of cash) {
      if (c.category !== "award") continue;
      if (c.status === "not-eligible" || c.status === "excluded" || c.status === "not-covered") {
        parts.push(`${clauseName(c)}：${c.reasons[0] ?? "不符合"}`);
      }
    }
  }
  for (const category of CASH_CATEGORIES) {
    const a = amounts[category];
    if (a.state === "needs-data") {
      const hints = a.missing.map((f) => HINT_ZERO[f]).filter((h) => h !== undefined);
      parts.push(
        `${CATEGORY_LABEL[category]}无法计算，缺少${missingText(a.missing, mapping)}${hints.length ? `（${hints.join("，")}）` : ""}（R11）`,
      );
    }
    if (a.state === "not-computed")
      parts.push(
        `未计算${CATEGORY_LABEL[category]}（表中无${a.missing.map((f) => `“${fieldDef(f).label}”`).join("、")}列）`,
      );
  }
  const unquantified = evaluation.clauses.filter((c) => c.status === "not-quantified").map((c) => c.label);
  if (unquantified.length > 0)
    parts.push(`另有未规定金额的承诺：${[...new Set(unquantified)].join("、")}，未计入（R11）`);
  const benefits = evaluation.clauses.filter((c) => c.category === "benefit" && c.status === "granted");
  if (benefits.length > 0) parts.push(`非现金待遇 ${benefits.length} 项（见资格查询）`);
  parts.push(...evaluation.notes);
  parts.push(...read.warnings.map((w) => w.message));
  return clip(parts.join("；"));
}

function clip(text: string): string {
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
    errors,
  };
}

/** Evaluate a read row. `extraWarnings` (e.g. duplicate credit codes) go into its 说明. */
export function evaluateRow(
  read: RowRead,
  mapping: ColumnMapping,
  extraWarnings: readonly string[] = [],
  detail: EvaluationDetail = "full",
): RowResult {
  const withWarnings: RowRead =
    extraWarnings.length > 0
      ? {
          ...read,
          warnings: [
            ...read.warnings,
            ...extraWarnings.map((message) => ({ field: "creditCode" as const, column: null, header: null, message })),
          ],
        }
      : read;
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
      errors: [],
    };
  }
  if (read.errors.length > 0 || !read.enterprise || read.year === null) return errorResult(withWarnings, read.errors);

  let evaluation: Evaluation;
  try {
    evaluation = evaluate(read.enterprise, read.year, detail);
  } catch (error) {
    if (!isXsgError(error)) throw error;
    const field = fieldOfErrorField(error.field);
    const name = columnName(field ? mapping[field] : undefined, field);
    const issue: RowIssue = {
      field,
      column: field ? (mapping[field]?.column ?? null) : null,
      header: field ? (mapping[field]?.header ?? null) : null,
      message: name ? `${name}：${error.detail}` : error.message,
    };
    return errorResult(withWarnings, [issue]);
  }

  const amounts = {} as Record<CashCategory, AmountState>;
  for (const category of CASH_CATEGORIES) amounts[category] = categoryAmount(evaluation, category, mapping);
  const unknown = CASH_CATEGORIES.some((c) => amounts[c].state === "needs-data");
  const totalYuan = unknown ? null : evaluation.totalYuan;
  const status: RowStatus = unknown ? STATUS.needsData : evaluation.totalYuan > 0 ? STATUS.eligible : STATUS.none;
  return {
    kind: "enterprise",
    read: withWarnings,
    evaluation,
    status,
    amounts,
    totalYuan,
    basis: basisOf(evaluation),
    note: noteOf(evaluation, amounts, withWarnings, mapping),
    errors: [],
  };
}

function amountCell(a: AmountState | undefined): CellContent {
  return a && a.state === "known" ? wanNumber(a.yuan) : null;
}

/** The seven output cells of a row in values mode (null = empty cell). */
export function valueCells(result: RowResult): CellContent[] {
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

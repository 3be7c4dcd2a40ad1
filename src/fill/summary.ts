/**
 * The budget an official must request: rows filled, eligible, needing data, errors, and the
 * granted cash by evaluated year and by clause — and its layout as a summary sheet.
 */
import type { Yuan } from "../model";
import type { CellArea, SummaryLayout } from "./types";
import { CASH_CATEGORIES, STATUS, wanNumber, type CashCategory, type RowOutcome } from "./row-result";

export interface ClauseTotal {
  readonly clauseId: string;
  readonly label: string;
  readonly title: string;
  readonly regionName: string;
  readonly documentNumber: string;
  readonly category: CashCategory;
  /** Enterprises granted this clause. */
  readonly count: number;
  readonly yuan: Yuan;
}

export interface FillSummary {
  /** Enterprise rows (blank, total and note rows not counted). */
  readonly rows: number;
  /** Rows evaluated without error. */
  readonly filled: number;
  /** Rows with a granted cash amount. */
  readonly eligible: number;
  readonly needsData: number;
  readonly errors: number;
  /** Granted cash of every row, every clause (元). */
  readonly totalYuan: Yuan;
  readonly byCategory: Readonly<Record<CashCategory, Yuan>>;
  /** By evaluated year (R3: the year the award is earned), ascending. */
  readonly byYear: readonly { readonly year: number; readonly yuan: Yuan }[];
  /** By clause, in the order clauses were first met. */
  readonly byClause: readonly ClauseTotal[];
}

export class SummaryBuilder {
  private rows = 0;
  private filled = 0;
  private eligible = 0;
  private needsData = 0;
  private errors = 0;
  private total = 0;
  private readonly categories: Record<CashCategory, number> = { award: 0, tech: 0, rent: 0, bid: 0, "other-cash": 0 };
  private readonly years = new Map<number, number>();
  private readonly clauses = new Map<string, { -readonly [K in keyof ClauseTotal]: ClauseTotal[K] }>();

  add(result: RowOutcome): void {
    if (result.kind !== "enterprise") return;
    this.rows++;
    if (result.status === STATUS.error) {
      this.errors++;
      return;
    }
    this.filled++;
    if (result.status === STATUS.needsData) this.needsData++;
    const cash = result.cash;
    if (!cash) return;
    if (cash.totalYuan > 0) this.eligible++;
    this.total += cash.totalYuan;
    this.years.set(cash.year, (this.years.get(cash.year) ?? 0) + cash.totalYuan);
    for (const c of cash.granted) {
      this.categories[c.category] += c.yuan;
      const entry = this.clauses.get(c.clauseId);
      if (entry) {
        entry.yuan += c.yuan;
        entry.count++;
      } else {
        this.clauses.set(c.clauseId, {
          clauseId: c.clauseId,
          label: c.label,
          title: c.title,
          regionName: cash.regionName,
          documentNumber: cash.documentNumber,
          category: c.category,
          count: 1,
          yuan: c.yuan,
        });
      }
    }
  }

  /** Adds what `other` added up (rows added to it after this one's), leaving `other` as it was. */
  addAll(other: SummaryBuilder): void {
    this.rows += other.rows;
    this.filled += other.filled;
    this.eligible += other.eligible;
    this.needsData += other.needsData;
    this.errors += other.errors;
    this.total += other.total;
    for (const category of CASH_CATEGORIES) this.categories[category] += other.categories[category];
    for (const [year, yuan] of other.years) this.years.set(year, (this.years.get(year) ?? 0) + yuan);
    for (const [id, entry] of other.clauses) {
      const mine = this.clauses.get(id);
      if (mine) {
        mine.yuan += entry.yuan;
        mine.count += entry.count;
      } else this.clauses.set(id, { ...entry });
    }
  }

  build(): FillSummary {
    return {
      rows: this.rows,
      filled: this.filled,
      eligible: this.eligible,
      needsData: this.needsData,
      errors: this.errors,
      totalYuan: this.total,
      byCategory: { ...this.categories },
      byYear: [...this.years].sort((a, b) => a[0] - b[0]).map(([year, yuan]) => ({ year, yuan })),
      byClause: [...this.clauses.values()].map((c) => ({ ...c })),
    };
  }
}

export function summarize(results: Iterable<RowOutcome>): FillSummary {
  const builder = new SummaryBuilder();
  for (const r of results) builder.add(r);
  return builder.build();
}

export const CATEGORY_NAMES: Readonly<Record<CashCategory, string>> = {
  award: "升规奖励",
  tech: "技改补助",
  rent: "租金补助",
  bid: "合同奖励",
  "other-cash": "其他奖补",
};

/**
 * The summary sheet: counts, totals by category, by year and by clause, with a column chart
 * of the yearly budget and one of the clauses. Amounts in 万元.
 */
export function summaryLayout(
  summary: FillSummary,
  options: { sourceSheet?: string; sheetName?: string } = {},
): SummaryLayout {
  const cells: (string | number | null)[][] = [];
  const push = (...row: (string | number | null)[]) => cells.push(row);
  push("XSG 小升规奖补测算汇总");
  push(options.sourceSheet ? `来源工作表：${options.sourceSheet}` : null);
  push("金额单位：万元；按评价年度计（R3：奖励所属年度，非拨付日期）");
  push(null);
  push("项目", "数量 / 金额");
  push("企业行数", summary.rows);
  push("已计算", summary.filled);
  push("可获奖励", summary.eligible);
  push("需补充数据", summary.needsData);
  push("数据错误", summary.errors);
  push("奖补合计(万元)", wanNumber(summary.totalYuan));
  for (const category of CASH_CATEGORIES)
    push(`其中：${CATEGORY_NAMES[category]}(万元)`, wanNumber(summary.byCategory[category]));
  push(null);

  const charts: { title: string; source: CellArea; position: CellArea }[] = [];
  push("按评价年度");
  const yearHeader = cells.length;
  push("评价年度", "金额(万元)");
  for (const y of summary.byYear) push(`${y.year}年`, wanNumber(y.yuan));
  if (summary.byYear.length > 0) {
    charts.push({
      title: "按评价年度的奖补金额（万元）",
      source: { top: yearHeader, left: 0, rows: summary.byYear.length + 1, columns: 2 },
      position: { top: 4, left: 6, rows: 15, columns: 7 },
    });
  }
  push(null);

  push("按条款");
  const clauseHeader = cells.length;
  push("条款", "金额(万元)", "企业数", "地区", "文件");
  for (const c of summary.byClause)
    push(`${c.regionName} ${c.label}${c.title}`, wanNumber(c.yuan), c.count, c.regionName, c.documentNumber);
  if (summary.byClause.length > 0) {
    charts.push({
      title: "按条款的奖补金额（万元）",
      source: { top: clauseHeader, left: 0, rows: summary.byClause.length + 1, columns: 2 },
      position: { top: 20, left: 6, rows: 18, columns: 7 },
    });
  }
  return { sheetName: options.sheetName ?? "XSG汇总", cells, charts };
}

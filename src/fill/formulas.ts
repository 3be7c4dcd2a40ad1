/**
 * Formulas mode: the amount columns get live custom-function formulas that refer to the row's
 * own cells (=XSG.AWARD(C5, H5, D5, …)), so correcting a cell recalculates the award. A
 * whole-sheet default becomes a literal. What a formula cannot express stays a value written at
 * fill time: derived tags (企业性质/所属行业/亩均评价 → a literal added to the tag cell), the
 * contract award (capped across contracts, R10) added to 合计, and 状态/依据/说明.
 */
import { cellA1, columnLetter } from "./address";
import type { ColumnMapping, FillDefaults } from "./mapping";
import type { FieldId } from "./fields";
import { OUT } from "./output-columns";
import { valueCells, wanNumber, type RowOutcome } from "./row-result";
import { ownershipTags, industryTags, muJunTag } from "./row";
import { displayCell } from "./cells";
import type { CellContent, CellValue } from "./types";

export interface FormulaLayout {
  readonly mapping: ColumnMapping;
  readonly defaults: FillDefaults;
  /** Absolute column of the region's first column. */
  readonly regionLeft: number;
  /** Absolute column of the first output column. */
  readonly outputLeft: number;
}

function text(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function ref(layout: FormulaLayout, field: FieldId, row: number): string | null {
  const column = layout.mapping[field]?.column;
  return column === undefined ? null : cellA1(row, layout.regionLeft + column);
}

/** A money cell as the functions read it: bare numbers are 万元, so other units travel as text ("25000000元"). */
function moneyArg(layout: FormulaLayout, field: FieldId, row: number): string | null {
  const r = ref(layout, field, row);
  if (!r) return null;
  const unit = layout.mapping[field]?.unit ?? "万元";
  return unit === "万元" ? r : `IF(${r}="","",${r}&${text(unit)})`;
}

function regionArg(layout: FormulaLayout, row: number): string {
  const r = ref(layout, "region", row);
  const fallback = layout.defaults.region ? text(layout.defaults.region) : ref(layout, "creditCode", row);
  if (r && fallback) return `IF(${r}="",${fallback},${r})`;
  return r ?? fallback ?? '""';
}

function yearArg(layout: FormulaLayout, row: number): string {
  const r = ref(layout, "year", row);
  const year = layout.defaults.year ?? layout.mapping.revenue?.headerYear ?? null;
  if (r && year !== null) return `IF(${r}="",${year},${r})`;
  return r ?? (year !== null ? String(year) : '""');
}

/** The tag cell plus tags derived from 企业性质/所属行业/亩均评价 (fixed at fill time). */
function tagsArg(layout: FormulaLayout, row: number, cells: (field: FieldId) => CellValue): string | null {
  const derived: string[] = [];
  if (layout.mapping.ownership) derived.push(...ownershipTags(displayCell(cells("ownership"))));
  if (layout.mapping.industry) derived.push(...industryTags(displayCell(cells("industry"))));
  if (layout.mapping.muJunGrade) {
    const grade = muJunTag(displayCell(cells("muJunGrade")));
    if (grade) derived.push(grade);
  }
  const r = ref(layout, "tags", row);
  const literal = derived.length > 0 ? [...new Set(derived)].join(";") : null;
  if (r && literal) return `${r}&${text(`;${literal}`)}`;
  return r ?? (literal ? text(literal) : null);
}

/** XSG.F(a, b, , d): trailing omitted arguments dropped, inner ones left empty. */
function call(name: string, args: (string | null)[]): string {
  let last = args.length - 1;
  while (last >= 0 && args[last] === null) last--;
  return `=XSG.${name}(${args
    .slice(0, last + 1)
    .map((a) => a ?? "")
    .join(",")})`;
}

/**
 * The seven output cells of a row in formulas mode. `row` is the absolute sheet row; `cells`
 * gives the row's value for a mapped field (for the derived tags).
 */
export function formulaCells(
  result: RowOutcome,
  row: number,
  layout: FormulaLayout,
  cells: (field: FieldId) => CellValue,
): CellContent[] {
  const values = valueCells(result);
  if (result.kind !== "enterprise") return values;
  const region = regionArg(layout, row);
  const year = yearArg(layout, row);
  const upgradeYear = ref(layout, "upgradeYear", row);
  const tags = tagsArg(layout, row, cells);
  const out = values.slice();
  out[OUT.award] = {
    formula: call("AWARD", [
      region,
      moneyArg(layout, "revenue", row) ?? '""',
      year,
      upgradeYear,
      moneyArg(layout, "prevRevenue", row),
      tags,
    ]),
  };
  if (layout.mapping.techInvestment) {
    out[OUT.tech] = {
      formula: call("TECH", [region, moneyArg(layout, "techInvestment", row), year, upgradeYear, tags]),
    };
  }
  if (layout.mapping.rentedArea && layout.mapping.leaseMonths) {
    const monthsRef = ref(layout, "leaseMonths", row) as string;
    const months = layout.mapping.leaseMonths.unit === "年" ? `IF(${monthsRef}="","",${monthsRef}&"年")` : monthsRef;
    out[OUT.rent] = {
      formula: call("RENT", [
        region,
        ref(layout, "rentedArea", row),
        months,
        moneyArg(layout, "monthlyRent", row),
        tags,
      ]),
    };
  }
  const first = columnLetter(layout.outputLeft + OUT.award);
  const last = columnLetter(layout.outputLeft + OUT.rent);
  const bid = result.amounts?.bid.state === "known" ? result.amounts.bid.yuan : 0;
  const other = result.amounts?.["other-cash"].state === "known" ? result.amounts["other-cash"].yuan : 0;
  const fixed = bid + other;
  out[OUT.total] = { formula: `=SUM(${first}${row + 1}:${last}${row + 1})${fixed > 0 ? `+${wanNumber(fixed)}` : ""}` };
  return out;
}

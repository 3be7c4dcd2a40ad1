/**
 * The one place clause results are added up. Each clause's result is decided once, as a code
 * (an amount ≥ 0 in 元, or a reason code < 0: plan.ts, clause-outcome.ts); this module turns a
 * row of codes into the cash of each category and the total. evaluate() (its totals), the batch
 * fill (fill-row.ts: its cells, 依据, 说明 and summary) and the lookup (evaluateRow, which is the
 * fill's own row) all read their money from here; the per-cell functions (fast.ts) apply the
 * same rules (grantedCash, needsData) to the clauses of their one category.
 */
import { CASH_CATEGORIES } from "../model";
import { grantedCash, isPromise, needsData } from "./clause-outcome";
import { PASS, type PolicyPlan } from "./plan";

/* What a cash category's clauses came out as, one bit each (CategoryTotals.flags). */
export const HAS_CLAUSES = 1;
export const NEEDS_DATA = 2;
export const QUANTIFIED = 4;
export const UNQUANTIFIED = 8;

/** Per cash category (index in CASH_CATEGORIES): flags and granted 元; and the row's total. Reusable. */
export interface CategoryTotals {
  readonly flags: Uint8Array;
  readonly yuan: Float64Array;
  /** Every granted cash amount of the row, whatever another category still needs. */
  totalYuan: number;
}

export function emptyTotals(): CategoryTotals {
  return {
    flags: new Uint8Array(CASH_CATEGORIES.length),
    yuan: new Float64Array(CASH_CATEGORIES.length),
    totalYuan: 0,
  };
}

/** Adds up the codes of plan.clauses (codes[i] for clause i) into `into`, which it returns. */
export function addUp(
  plan: PolicyPlan,
  codes: ArrayLike<number>,
  into: CategoryTotals = emptyTotals(),
): CategoryTotals {
  const { flags, yuan } = into;
  flags.fill(0);
  yuan.fill(0);
  let total = 0;
  const { clauses, cashIndex } = plan;
  for (let i = 0; i < clauses.length; i++) {
    const j = cashIndex[i];
    if (j < 0) continue; // a non-cash benefit
    const c = clauses[i];
    const code = codes[i];
    flags[j] |= HAS_CLAUSES;
    if (needsData(code)) flags[j] |= NEEDS_DATA;
    else if (code === PASS && isPromise(c)) {
      // A promise met: no amount; an unquantified one is said in 说明 (R11).
      if (c.kind === "unquantified") flags[j] |= UNQUANTIFIED;
    } else {
      flags[j] |= QUANTIFIED;
      const cash = grantedCash(c, code);
      yuan[j] += cash;
      total += cash;
    }
  }
  into.totalYuan = total;
  return into;
}

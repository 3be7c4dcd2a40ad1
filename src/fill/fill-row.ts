/**
 * The batch fill's per-row path: the same seven cells and summary figures as
 * evaluateRow(read, mapping, warnings) (row-result.ts, the reference), without an
 * Evaluation. The row's clause outcomes stay codes in the engine's reused array (evaluateCodes);
 * this module reads them through the engine's own status/amount functions and builds only the
 * text the cells show, with the reference's text helpers. test/unit/fill/fill-row.test.ts holds
 * it to the reference, cell for cell, over generated sheets.
 */
import type { EnterpriseField, Yuan } from "../model";
import { isXsgError } from "../errors";
import { documentLabel } from "../policies/naming";
import type { Policy } from "../policies/types";
import { clauseReasons, evaluateCodes, type ClauseCodes } from "../engine/codes";
import { grantedCash, isPromise, needsData, statusOf } from "../engine/clause-outcome";
import { missingFacts } from "../engine/facts";
import { PASS, type PolicyPlan } from "../engine/plan";
import type { ColumnMapping } from "./mapping";
import type { RowRead } from "./row";
import {
  CASH_CATEGORIES,
  basisText,
  benefitsNote,
  categoryNote,
  clauseName,
  clip,
  evaluationErrorResult,
  grantedNote,
  missingDataState,
  refusalNote,
  rowStatus,
  unevaluatedResult,
  unquantifiedNote,
  type AmountState,
  type CashCategory,
  type GrantedCash,
  type RowOutcome,
} from "./row-result";

const NO_WARNINGS: readonly string[] = Object.freeze([]);
const AWARD = CASH_CATEGORIES.indexOf("award");

/** What the fill needs of a policy's clauses beyond the compiled plan, worked out once per policy. */
interface FillView {
  /** Per clause: index in CASH_CATEGORIES, -1 for a non-cash benefit. */
  readonly category: Int8Array;
  /** Per clause: its name in 说明. */
  readonly names: readonly string[];
  /** 依据 of a row granted nothing: the document and its award clauses. */
  readonly basisWithoutGrant: string;
}

const views = new WeakMap<PolicyPlan, FillView>();

function viewOf(plan: PolicyPlan): FillView {
  let view = views.get(plan);
  if (view === undefined) {
    const clauses = plan.clauses.map((c) => c.clause);
    view = {
      category: Int8Array.from(clauses, (clause) => CASH_CATEGORIES.indexOf(clause.category as CashCategory)),
      names: clauses.map((clause) => clauseName(clause.id, clause)),
      basisWithoutGrant: basisText(
        documentOf(plan.policy),
        clauses.filter((clause) => clause.category === "award").map((clause) => clause.label),
      ),
    };
    views.set(plan, view);
  }
  return view;
}

function documentOf(policy: Policy): Parameters<typeof basisText>[0] {
  return { regionName: policy.regionName, documentNumber: documentLabel(policy), documentStatus: policy.status };
}

/* What a cash category's clauses came out as, one bit each. */
const HAS_CLAUSES = 1;
const NEEDS_DATA = 2;
const QUANTIFIED = 4;
const UNQUANTIFIED = 8;
/* Per cash category, reused for every row: rows are evaluated one at a time. */
const categoryFlags = new Uint8Array(CASH_CATEGORIES.length);
const categoryYuan = new Float64Array(CASH_CATEGORIES.length);
const categoryMissing: (EnterpriseField[] | null)[] = CASH_CATEGORIES.map(() => null);

const KNOWN_ZERO: AmountState = Object.freeze({ state: "known", yuan: 0 });
const UNQUANTIFIED_STATE: AmountState = Object.freeze({ state: "unquantified" });

/** The state of each cash category, as categoryAmount() gives it from an Evaluation. */
function categoryAmounts(
  codes: ClauseCodes,
  view: FillView,
  mapping: ColumnMapping,
): Record<CashCategory, AmountState> {
  const { plan, facts } = codes;
  categoryFlags.fill(0);
  categoryYuan.fill(0);
  categoryMissing.fill(null);
  for (let i = 0; i < plan.clauses.length; i++) {
    const j = view.category[i];
    if (j < 0) continue;
    const c = plan.clauses[i];
    const code = codes.codes[i];
    categoryFlags[j] |= HAS_CLAUSES;
    if (needsData(code)) {
      categoryFlags[j] |= NEEDS_DATA;
      (categoryMissing[j] ??= []).push(...missingFacts(c, facts, code));
    } else if (code === PASS && isPromise(c)) {
      // A promise met: no amount (ClauseOutcome.amountYuan null); unquantified is said in 说明.
      if (c.kind === "unquantified") categoryFlags[j] |= UNQUANTIFIED;
    } else {
      categoryFlags[j] |= QUANTIFIED;
      categoryYuan[j] += grantedCash(c, code);
    }
  }
  const amounts = {} as Record<CashCategory, AmountState>;
  CASH_CATEGORIES.forEach((category, j) => {
    const flags = categoryFlags[j];
    const yuan = categoryYuan[j];
    if ((flags & HAS_CLAUSES) === 0) amounts[category] = KNOWN_ZERO;
    else if (flags & NEEDS_DATA) amounts[category] = missingDataState(category, categoryMissing[j] ?? [], mapping);
    else if ((flags & QUANTIFIED) === 0 && flags & UNQUANTIFIED) amounts[category] = UNQUANTIFIED_STATE;
    else amounts[category] = yuan === 0 ? KNOWN_ZERO : { state: "known", yuan };
  });
  return amounts;
}

/** The granted cash clauses, in document order. */
function grantedOf(codes: ClauseCodes, view: FillView): GrantedCash[] {
  const granted: GrantedCash[] = [];
  const { clauses } = codes.plan;
  for (let i = 0; i < clauses.length; i++) {
    const yuan = view.category[i] < 0 ? 0 : grantedCash(clauses[i], codes.codes[i]);
    if (yuan === 0) continue;
    const { clause } = clauses[i];
    granted.push({
      clauseId: clause.id,
      label: clause.label,
      title: clause.title,
      category: clause.category as CashCategory,
      yuan,
    });
  }
  return granted;
}

/** 说明, part by part in the reference's order (noteOf in row-result.ts). */
function noteOf(
  codes: ClauseCodes,
  view: FillView,
  amounts: Record<CashCategory, AmountState>,
  granted: readonly GrantedCash[],
  read: RowRead,
  extraWarnings: readonly string[],
  mapping: ColumnMapping,
): string {
  const parts: string[] = [];
  const { clauses } = codes.plan;
  for (const g of granted) parts.push(grantedNote(clauseName(g.clauseId, g), g.yuan));
  // Why no upgrade award: the refusals of the award clauses (only when none was granted).
  const award = amounts.award;
  if (award.state === "known" && award.yuan === 0) {
    for (let i = 0; i < clauses.length; i++) {
      if (view.category[i] !== AWARD) continue;
      const status = statusOf(clauses[i], codes.codes[i]);
      if (status === "not-eligible" || status === "excluded" || status === "not-covered")
        parts.push(refusalNote(view.names[i], clauseReasons(codes, i)));
    }
  }
  for (const category of CASH_CATEGORIES) {
    const part = categoryNote(category, amounts[category], mapping);
    if (part !== null) parts.push(part);
  }
  let unquantified: string[] | null = null;
  let benefits = 0;
  for (let i = 0; i < clauses.length; i++) {
    const status = statusOf(clauses[i], codes.codes[i]);
    if (status === "not-quantified") (unquantified ??= []).push(clauses[i].clause.label);
    else if (status === "granted" && view.category[i] < 0) benefits++;
  }
  if (unquantified !== null) parts.push(unquantifiedNote(unquantified));
  if (benefits > 0) parts.push(benefitsNote(benefits));
  for (const note of codes.notes) parts.push(note);
  for (const warning of read.warnings) parts.push(warning.message);
  for (const warning of extraWarnings) parts.push(warning);
  return clip(parts.join("；"));
}

/**
 * What the fill writes for a read row, and what its summary adds up: equal to
 * evaluateRow(read, mapping, extraWarnings) in every field but the row as read,
 * the Evaluation and the error list, which the fill does not keep.
 */
export function fillRow(
  read: RowRead,
  mapping: ColumnMapping,
  extraWarnings: readonly string[] = NO_WARNINGS,
): RowOutcome {
  const unevaluated = unevaluatedResult(read, extraWarnings);
  if (unevaluated !== null) return unevaluated;
  let codes: ClauseCodes;
  try {
    // unevaluatedResult() returned null: the row has an enterprise and a year.
    codes = evaluateCodes(read.enterprise!, read.year!);
  } catch (error) {
    if (!isXsgError(error)) throw error;
    return evaluationErrorResult(read, extraWarnings, mapping, error);
  }
  const view = viewOf(codes.plan);
  const amounts = categoryAmounts(codes, view, mapping);
  const granted = grantedOf(codes, view);
  let totalYuan: Yuan = 0;
  for (const g of granted) totalYuan += g.yuan;
  const unknown = CASH_CATEGORIES.some((category) => amounts[category].state === "needs-data");
  const policy = codes.plan.policy;
  const labels = granted.map((g) => g.label);
  return {
    kind: "enterprise",
    status: rowStatus(unknown, totalYuan),
    amounts,
    totalYuan: unknown ? null : totalYuan,
    basis: granted.length > 0 ? basisText(documentOf(policy), labels) : view.basisWithoutGrant,
    note: noteOf(codes, view, amounts, granted, read, extraWarnings, mapping),
    cash: {
      year: codes.facts.year,
      regionName: policy.regionName,
      documentNumber: documentLabel(policy),
      totalYuan,
      granted,
    },
  };
}

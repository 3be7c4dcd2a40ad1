/**
 * evaluate(): every clause of the enterprise's region with status, amount, reasons,
 * missing facts, citation and rulings. Amounts come from the same outcome functions as
 * the per-cell entry points (plan.ts), so a sheet of AWARD/TECH/RENT/BID cells and an
 * evaluation always agree. Text is built here only, never on the per-cell path.
 */
import { CASH_CATEGORIES, type Citation, type ClauseCategory, type Enterprise } from "../model";
import { documentLabel, pastEndText, type RegionDocuments } from "../policies";
import type { Policy, ReadingId } from "../policies/types";
import { enterpriseDocument } from "./documents";
import { addUp } from "./add-up";
import { amountOf, clauseCode, clauseText, isPromise, statusOf } from "./clause-outcome";
import { readFacts, type Facts } from "./facts";
import { PASS, SCALE_THRESHOLD_FEN, isCovered, planOf, type CompiledClause, type PolicyPlan } from "./plan";
import { textMemo } from "./text-memo";
import { RulingSet, rulingBits } from "./ruling-set";
import type { ClauseOutcome, CultivationStatus, Evaluation } from "./types";

const NO_READINGS: readonly ReadingId[] = Object.freeze([]);

/**
 * Evaluates an enterprise of a region of the active catalog (enterprise.region = region id) in
 * `year`, under the document covering its upgrade year (R4).
 */
export function evaluate(enterprise: Enterprise, year: number): Evaluation {
  const { region, policy } = enterpriseDocument(enterprise, year);
  return evaluatePolicy(policy, enterprise, year, region);
}

/**
 * Evaluates an enterprise against a given policy (any registry, e.g. a test fixture). With
 * `region`, an upgrade year after every document of the region is said so in the notes.
 */
export function evaluatePolicy(
  policy: Policy,
  enterprise: Enterprise,
  year: number,
  region?: RegionDocuments,
): Evaluation {
  const plan = planOf(policy);
  const facts = readFacts(enterprise, year);
  const { upgradeYear } = facts;
  const covered = isCovered(plan, upgradeYear);

  const codes = new Float64Array(plan.clauses.length);
  const clauses = plan.clauses.map((compiled, i) => evaluateClause(plan, compiled, facts, (code) => (codes[i] = code)));
  const totals = addUp(plan, codes);
  const totalsByCategory = {} as Record<ClauseCategory, number>;
  CASH_CATEGORIES.forEach((category, j) => (totalsByCategory[category] = totals.yuan[j]));
  totalsByCategory.benefit = 0;

  const notes = evaluationNotes(policy, facts, covered, region);
  const rulings = new RulingSet(["R1", "R3", "R13"]);
  for (const outcome of clauses) rulings.addAll(outcome.rulings);

  return {
    regionId: policy.regionId,
    regionName: policy.regionName,
    documentNumber: documentLabel(policy),
    documentTitle: policy.title,
    documentStatus: policy.status,
    year,
    upgradeYear,
    upgradeYearAssumed: facts.upgradeYearAssumed,
    k: facts.k,
    covered,
    clauses,
    totalYuan: totals.totalYuan,
    totalsByCategory,
    rulings: rulings.toArray(),
    cultivation: cultivationOf(plan, facts.revenue),
    notes,
  };
}

// Built once per document (region) and year: a fill repeats them row after row.
const upgradeYearAssumedNote = textMemo((_policy: Policy, year: number) => `未填升规年份，按评价年度 ${year} 计（R3）`);
const pastEndNote = textMemo((region: RegionDocuments, u: number) => pastEndText(region, u));
const notCoveredNote = textMemo(
  (policy: Policy, u: number) =>
    `升规年份 ${u} 不在${documentLabel(policy)}覆盖范围（${coverageText(policy)}：${policy.coveredUpgradeYears.note}），升规类条款均不适用（R4）`,
);

/** Evaluation-level remarks (Evaluation.notes): an assumed upgrade year, coverage, data that contradicts the upgrade year. */
export function evaluationNotes(policy: Policy, facts: Facts, covered: boolean, region?: RegionDocuments): string[] {
  const belowScale = facts.revenue !== null && facts.revenue < SCALE_THRESHOLD_FEN && !facts.upgradeYearAssumed;
  if (covered && !facts.upgradeYearAssumed && !belowScale) return []; // most rows: nothing to remark
  const notes: string[] = [];
  if (facts.upgradeYearAssumed) notes.push(upgradeYearAssumedNote(policy, facts.year));
  if (!covered && region?.isPastEnd(facts.upgradeYear)) notes.push(pastEndNote(region, facts.upgradeYear));
  else if (!covered) notes.push(notCoveredNote(policy, facts.upgradeYear));
  if (belowScale) {
    notes.push(
      "当年营业收入低于2000万元：升规奖励不予发放（R2）；其他条款按所填升规年份判断，请核实企业是否仍在规上企业库（D2）",
    );
  }
  return notes;
}

/** One clause's outcome; `onCode` receives its code, which addUp() adds to the totals. */
function evaluateClause(
  plan: PolicyPlan,
  c: CompiledClause,
  facts: Facts,
  onCode: (code: number) => void,
): ClauseOutcome {
  const { clause } = c;
  let contractOutcomes: number[] | null = null;
  const code = clauseCode(plan, c, facts, (outcomes) => (contractOutcomes = outcomes));
  onCode(code);
  const rulings = new RulingSet(rulingBits(clause.rulings));
  const status = statusOf(c, code);
  if (status === "not-quantified") rulings.add("R11");
  const text = clauseText(plan, c, facts, code, contractOutcomes, rulings);
  const outcome: ClauseOutcome = {
    clauseId: clause.id,
    label: clause.label,
    title: clause.title,
    kind: clause.kind,
    category: clause.category,
    status,
    amountYuan: amountOf(c, code),
    reasons: text.reasons,
    missing: text.missing,
    citation: citationOf(plan, c),
    rulings: rulings.toArray(),
    // Shared with the (frozen) policy data: outcomes are read, never mutated.
    readings: (clause.readings ?? NO_READINGS) as ReadingId[],
  };
  if (code === PASS && isPromise(c) && clause.benefit !== undefined) outcome.benefit = clause.benefit;
  return outcome;
}

/** Citations are built once per clause and shared (frozen) by every evaluation. */
const citations = new WeakMap<CompiledClause, Citation>();
function citationOf(plan: PolicyPlan, c: CompiledClause): Citation {
  let citation = citations.get(c);
  if (citation === undefined) {
    citation = Object.freeze({
      documentNumber: documentLabel(plan.policy),
      documentTitle: plan.policy.title,
      label: c.clause.label,
      quote: c.clause.quote,
    });
    citations.set(c, citation);
  }
  return citation;
}

function cultivationOf(plan: PolicyPlan, revenue: number | null): CultivationStatus | null {
  if (revenue === null) return null;
  if (revenue >= SCALE_THRESHOLD_FEN) return "规上";
  if (plan.poolMinFen >= 0 && revenue >= plan.poolMinFen && revenue < plan.poolBelowFen) return "培育";
  return "规下";
}

export function coverageText(policy: Policy): string {
  const { from, to } = policy.coveredUpgradeYears;
  return to === null ? `${from}年起` : `${from}–${to}年`;
}

/**
 * evaluate(): every clause of the enterprise's region with status, amount, reasons,
 * missing facts, citation and rulings. Amounts come from the same outcome functions as
 * the per-cell entry points (plan.ts), so a sheet of AWARD/TECH/RENT/BID cells and an
 * evaluation always agree. Text is built here only, never on the per-cell path.
 */
import type { Citation, ClauseCategory, ClauseStatus, Enterprise, EnterpriseField, TagMask } from "../model";
import { getPolicy } from "../policies";
import type { Policy, ReadingId } from "../policies/types";
import { checkArea, checkFen, checkMonths, resolveUpgradeYear } from "./inputs";
import {
  PASS,
  SCALE_THRESHOLD_FEN,
  awardOutcome,
  contractOutcome,
  gate,
  isCovered,
  planOf,
  promiseOutcome,
  rentOutcome,
  techOutcome,
  NEEDS_CONTRACT,
  NOT_COVERED,
  type CompiledClause,
  type PolicyPlan,
} from "./plan";
import { codeFacts, grantedReasons, type Facts } from "./reasons";
import * as codes from "./plan";
import { RulingSet, rulingBits } from "./ruling-set";
import type { ClauseOutcome, CultivationStatus, Evaluation, EvaluationDetail } from "./types";

/** Outcome codes whose status is needs-data: their missing facts are worked out by codeFacts. */
const NEEDS_DATA_CODES = new Set<number>([
  codes.NEEDS_REVENUE,
  codes.NEEDS_PREV,
  codes.NEEDS_INVESTMENT,
  codes.NEEDS_AREA,
  codes.NEEDS_MONTHS,
  codes.NEEDS_RENT,
  codes.NEEDS_CONTRACT,
  codes.NEEDS_MIN_REVENUE,
]);
const NO_REASONS = Object.freeze([]) as unknown as string[];

const CASH_CATEGORIES: readonly ClauseCategory[] = ["award", "tech", "rent", "bid", "other-cash"];
const NO_READINGS: readonly ReadingId[] = Object.freeze([]);

/** Evaluates an enterprise of a shipped region (enterprise.region = policy id) in `year`. */
export function evaluate(enterprise: Enterprise, year: number, detail: EvaluationDetail = "full"): Evaluation {
  return evaluatePolicy(getPolicy(enterprise.region), enterprise, year, detail);
}

/** Evaluates an enterprise against a given policy (any registry, e.g. a test fixture). */
export function evaluatePolicy(
  policy: Policy,
  enterprise: Enterprise,
  year: number,
  detail: EvaluationDetail = "full",
): Evaluation {
  const plan = planOf(policy);
  const upgradeYear = resolveUpgradeYear(year, enterprise.upgradeYear);
  const facts = readFacts(enterprise, year, upgradeYear);
  const covered = isCovered(plan, upgradeYear);

  const clauses = plan.clauses.map((compiled) => evaluateClause(plan, compiled, facts, detail === "summary"));
  const totalsByCategory: Record<ClauseCategory, number> = {
    award: 0,
    tech: 0,
    rent: 0,
    bid: 0,
    "other-cash": 0,
    benefit: 0,
  };
  let totalYuan = 0;
  for (const outcome of clauses) {
    if (outcome.status === "granted" && outcome.amountYuan !== null && CASH_CATEGORIES.includes(outcome.category)) {
      totalsByCategory[outcome.category] += outcome.amountYuan;
      totalYuan += outcome.amountYuan;
    }
  }

  const notes: string[] = [];
  const rulings = new RulingSet(["R1", "R3", "R13"]);
  if (facts.upgradeYearAssumed) notes.push(`未填升规年份，按评价年度 ${year} 计（R3）`);
  if (!covered) {
    notes.push(
      `升规年份 ${upgradeYear} 不在${policy.documentNumber}覆盖范围（${coverageText(policy)}：${policy.coveredUpgradeYears.note}），升规类条款均不适用（R4）`,
    );
  }
  if (facts.revenue !== null && facts.revenue < SCALE_THRESHOLD_FEN && !facts.upgradeYearAssumed) {
    notes.push(
      "当年营业收入低于2000万元：升规奖励不予发放（R2）；其他条款按所填升规年份判断，请核实企业是否仍在规上企业库（D2）",
    );
  }
  for (const outcome of clauses) rulings.addAll(outcome.rulings);

  return {
    regionId: policy.id,
    regionName: policy.regionName,
    documentNumber: policy.documentNumber,
    documentTitle: policy.title,
    documentStatus: policy.status,
    year,
    upgradeYear,
    upgradeYearAssumed: facts.upgradeYearAssumed,
    k: facts.k,
    covered,
    clauses,
    totalYuan,
    totalsByCategory,
    rulings: rulings.toArray(),
    cultivation: cultivationOf(plan, facts.revenue),
    notes,
    detail,
  };
}

function readFacts(enterprise: Enterprise, year: number, upgradeYear: number): Facts {
  const revenue = enterprise.revenue ?? null;
  const prevRevenue = enterprise.prevRevenue ?? null;
  const investment = enterprise.techInvestment ?? null;
  const area = enterprise.rentedArea ?? null;
  const months = enterprise.leaseMonths ?? null;
  const monthlyRent = enterprise.monthlyRent ?? null;
  const contracts = enterprise.contracts ?? null;
  checkFen(revenue, "revenue");
  checkFen(prevRevenue, "prevRevenue");
  checkFen(investment, "techInvestment");
  checkArea(area, "rentedArea");
  checkMonths(months, "leaseMonths");
  checkFen(monthlyRent, "monthlyRent");
  contracts?.forEach((contract) => checkFen(contract, "contracts"));
  return {
    year,
    upgradeYear,
    upgradeYearAssumed: enterprise.upgradeYear === null || enterprise.upgradeYear === undefined,
    k: year - upgradeYear,
    tags: (enterprise.tags ?? 0) | 0,
    revenue,
    prevRevenue,
    investment,
    area,
    months,
    monthlyRent,
    contracts,
  };
}

/**
 * `summary` (the batch fill, which shows only award reasons): non-award clauses get their
 * status, amount and missing facts but no reason text or rulings, the costliest part of a row.
 */
function evaluateClause(plan: PolicyPlan, c: CompiledClause, facts: Facts, summary = false): ClauseOutcome {
  const lean = summary && c.clause.category !== "award";
  const { clause } = c;
  // Cultivation clauses have no upgrade year: coverage by the evaluated year (D9).
  const coverageYear = c.cultivation ? facts.year : facts.upgradeYear;
  let contractOutcomes: number[] | null = null;
  const code = isCovered(plan, coverageYear)
    ? outcomeCode(plan, c, facts, (outcomes) => (contractOutcomes = outcomes))
    : NOT_COVERED;
  const rulings = new RulingSet(rulingBits(clause.rulings));
  const promise = clause.kind === "benefit" || clause.kind === "unquantified";

  let status: ClauseStatus;
  let amountYuan: number | null;
  let reasons: string[];
  let missing: EnterpriseField[] = [];
  let benefit: string | undefined;
  if (code >= 0 && !promise) {
    status = code > 0 ? "granted" : "not-eligible";
    amountYuan = code;
    reasons = lean ? NO_REASONS : grantedReasons(c, facts, code, contractOutcomes, rulings);
  } else if (code === PASS) {
    status = clause.kind === "unquantified" ? "not-quantified" : "granted";
    amountYuan = null;
    benefit = clause.benefit;
    reasons = lean
      ? NO_REASONS
      : status === "not-quantified"
        ? ["文件承诺但未规定金额，不计入合计（R11）"]
        : [`符合本条：${clause.benefit ?? clause.title}`];
    if (status === "not-quantified") rulings.add("R11");
    const unverified = clause.conditions.unverified;
    if (!lean && unverified && unverified.length > 0) reasons.push(`须由经办人核实：${unverified.join("；")}`);
  } else if (lean && !NEEDS_DATA_CODES.has(code)) {
    // The same statuses codeFacts gives these codes, without its text.
    status = code === NOT_COVERED ? "not-covered" : code === codes.EXCLUDED ? "excluded" : "not-eligible";
    amountYuan = clause.category === "benefit" ? null : 0;
    reasons = NO_REASONS;
  } else {
    const fact = codeFacts(plan, c, facts, code, rulings);
    status = fact.status;
    amountYuan = fact.status === "needs-data" || clause.category === "benefit" ? null : 0;
    reasons = fact.reasons;
    missing = fact.missing;
  }
  const outcome: ClauseOutcome = {
    clauseId: clause.id,
    label: clause.label,
    title: clause.title,
    kind: clause.kind,
    category: clause.category,
    status,
    amountYuan,
    reasons,
    missing,
    citation: citationOf(plan, c),
    rulings: rulings.toArray(),
    // Shared with the (frozen) policy data: outcomes are read, never mutated.
    readings: (clause.readings ?? NO_READINGS) as ReadingId[],
  };
  if (benefit !== undefined) outcome.benefit = benefit;
  return outcome;
}

/** Citations are built once per clause and shared (frozen) by every evaluation. */
const citations = new WeakMap<CompiledClause, Citation>();
function citationOf(plan: PolicyPlan, c: CompiledClause): Citation {
  let citation = citations.get(c);
  if (citation === undefined) {
    citation = Object.freeze({
      documentNumber: plan.policy.documentNumber,
      documentTitle: plan.policy.title,
      label: c.clause.label,
      quote: c.clause.quote,
    });
    citations.set(c, citation);
  }
  return citation;
}

/** The shared outcome for one clause; for contracts also reports each contract's outcome. */
function outcomeCode(
  plan: PolicyPlan,
  c: CompiledClause,
  facts: Facts,
  onContracts: (amounts: number[]) => void,
): number {
  const { k, tags } = facts;
  switch (c.kind) {
    case "upgrade-schedule":
    case "upgrade-bonus":
      return awardOutcome(c, k, facts.revenue, facts.prevRevenue, tags);
    case "percent-of-investment":
      return techOutcome(c, k, facts.investment, tags);
    case "rent-per-area-month":
    case "rent-months-per-year":
      return rentOutcome(c, k, facts.area, facts.months, facts.monthlyRent, tags);
    case "contract-percent":
      return contractsOutcome(c, facts, tags, onContracts);
    case "benefit":
    case "unquantified":
      return promiseOutcome(plan, c, k, facts.revenue, tags);
  }
}

/** Every contract of the year, each capped per project, then the yearly cap (R10, D7). */
function contractsOutcome(
  c: CompiledClause,
  facts: Facts,
  tags: TagMask,
  onContracts: (amounts: number[]) => void,
): number {
  const gated = gate(c, facts.k, tags);
  if (gated !== PASS) return gated;
  if (facts.contracts === null) return NEEDS_CONTRACT;
  const outcomes = facts.contracts.map((contract) => contractOutcome(c, facts.k, contract, tags));
  onContracts(outcomes);
  const sum = outcomes.reduce((total, outcome) => total + Math.max(0, outcome), 0);
  return sum < c.capPerYearYuan ? sum : c.capPerYearYuan;
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

/**
 * The per-cell entry points (one per custom function). Inputs are pre-parsed (分, years,
 * tag masks); results are integer 元. No allocation on the non-error path: the compiled
 * plan is cached per policy. Each clause's result is decided by the outcome functions
 * evaluate() and the fill use (plan.ts), and counted by the same rules (grantedCash: what a
 * result grants; needsData: a result that lacks a fact) that add-up.ts applies to a whole row;
 * here only the clauses of the function's one category are visited, for speed.
 */
import { naError, type XsgError } from "../errors";
import type { Fen, TagMask, Yuan } from "../model";
import type { Policy } from "../policies/types";
import {
  checkArea,
  checkFen,
  checkMonths,
  checkYear,
  fenProblem,
  orThrow,
  resolveUpgradeYear,
  upgradeYearOrError,
} from "./inputs";
import { grantedCash, needsData } from "./clause-outcome";
import {
  NEEDS_AREA,
  NEEDS_CONTRACT,
  NEEDS_INVESTMENT,
  NEEDS_MONTHS,
  NEEDS_PREV,
  NEEDS_RENT,
  NEEDS_REVENUE,
  PASS,
  SCALE_THRESHOLD_FEN,
  awardOutcome,
  contractOutcome,
  gate,
  isCovered,
  planOf,
  rentOutcome,
  techOutcome,
  type CompiledClause,
  type PolicyPlan,
} from "./plan";

/** The upgrade award earned in `year` (R3–R6), 元. */
export function upgradeAward(
  policy: Policy,
  revenue: Fen | null,
  year: number,
  upgradeYear: number | null,
  prevRevenue: Fen | null,
  tags: TagMask,
): Yuan {
  return orThrow(upgradeAwardOrError(policy, revenue, year, upgradeYear, prevRevenue, tags));
}

/** upgradeAward's answer with its error returned, not thrown: AWARD's hot path (see orThrow). */
export function upgradeAwardOrError(
  policy: Policy,
  revenue: Fen | null,
  year: number,
  upgradeYear: number | null,
  prevRevenue: Fen | null,
  tags: TagMask,
): Yuan | XsgError {
  const plan = planOf(policy);
  const u = upgradeYearOrError(year, upgradeYear);
  if (typeof u !== "number") return u;
  const badMoney = fenProblem(revenue, "revenue") ?? fenProblem(prevRevenue, "prevRevenue");
  if (badMoney !== null) return badMoney;
  // Hosts may pass undefined for an omitted value: it means missing, like null.
  const current = revenue ?? null;
  const previous = prevRevenue ?? null;
  const clauses = plan.award;
  if (clauses.length === 0) return unquantifiedOrZero(plan, plan.unquantifiedAward, "升规奖励");
  if (!isCovered(plan, u)) return 0;
  const k = year - u;
  const mask = tags | 0;
  let total = 0;
  for (let i = 0; i < clauses.length; i++) {
    const outcome = awardOutcome(clauses[i], k, current, previous, mask);
    if (needsData(outcome)) return missingFact(plan, clauses[i], k, outcome);
    total += grantedCash(clauses[i], outcome);
  }
  return total;
}

/** TRUE when the enterprise earns a first-year (k = 0) upgrade award in `year`. */
export function isFirstYearEligible(policy: Policy, revenue: Fen | null, year: number, tags: TagMask): boolean {
  return upgradeAward(policy, revenue, year, null, null, tags) > 0;
}

/** The largest total upgrade award the schedule can pay for these tags (e.g. 杭州市 50, 个转企 60). */
export function maxTotalAward(policy: Policy, tags: TagMask): Yuan {
  const plan = planOf(policy);
  if (plan.award.length === 0) return nothingQuantified(plan, plan.unquantifiedAward, "升规奖励");
  let total = 0;
  for (const clause of plan.award) {
    if (gate(clause, NaN, tags | 0) === PASS) total += clause.maxYuan;
  }
  return total;
}

/** The most the schedule pays in each of k = 0, 1, 2 for an enterprise upgraded in `upgradeYear`. */
export function awardSchedule(policy: Policy, upgradeYear: number, tags: TagMask): { year: number; maxYuan: Yuan }[] {
  const plan = planOf(policy);
  checkYear(upgradeYear, "upgradeYear");
  if (plan.award.length === 0) nothingQuantified(plan, plan.unquantifiedAward, "升规奖励");
  const covered = isCovered(plan, upgradeYear);
  const rows: { year: number; maxYuan: Yuan }[] = [];
  for (let k = 0; k <= 2; k++) {
    let maxYuan = 0;
    if (covered) {
      for (const clause of plan.award) {
        if (gate(clause, k, tags | 0) === PASS) maxYuan += clause.byK[k]?.amountYuan ?? 0;
      }
    }
    rows.push({ year: upgradeYear + k, maxYuan });
  }
  return rows;
}

/** 规上 / 培育 / 规下 (R14). */
export function cultivationStatus(policy: Policy, revenue: Fen): "规上" | "培育" | "规下" {
  const plan = planOf(policy);
  if (revenue === null || revenue === undefined) throw missingRevenue();
  checkFen(revenue, "revenue");
  if (revenue >= SCALE_THRESHOLD_FEN) return "规上";
  if (plan.poolMinFen >= 0 && revenue >= plan.poolMinFen && revenue < plan.poolBelowFen) return "培育";
  return "规下";
}

/** Technical-upgrade subsidy for the year's investment (R8), 元. */
export function techSubsidy(
  policy: Policy,
  investment: Fen | null,
  year: number,
  upgradeYear: number | null,
  tags: TagMask,
): Yuan {
  const plan = planOf(policy);
  const u = resolveUpgradeYear(year, upgradeYear);
  checkFen(investment, "investment");
  const amount = investment ?? null;
  const clauses = plan.tech;
  if (clauses.length === 0) return nothingQuantified(plan, plan.unquantifiedTech, "技改补助");
  if (!isCovered(plan, u)) return 0;
  const k = year - u;
  let total = 0;
  for (let i = 0; i < clauses.length; i++) {
    const outcome = techOutcome(clauses[i], k, amount, tags | 0);
    if (needsData(outcome)) throw missingFact(plan, clauses[i], k, outcome);
    total += grantedCash(clauses[i], outcome);
  }
  return total;
}

/**
 * Rent subsidy (R9), 元. RENT has no year: it answers for an enterprise inside the
 * clause's years after upgrade; evaluate() checks those years (D5).
 */
export function rentSubsidy(
  policy: Policy,
  area: number | null,
  months: number | null,
  monthlyRent: Fen | null,
  tags: TagMask,
): Yuan {
  const plan = planOf(policy);
  checkArea(area, "area");
  checkMonths(months, "months");
  checkFen(monthlyRent, "monthlyRent");
  const m2 = area ?? null;
  const leaseMonths = months ?? null;
  const rent = monthlyRent ?? null;
  const clauses = plan.rent;
  if (clauses.length === 0) return nothingQuantified(plan, plan.unquantifiedRent, "房租补助");
  let total = 0;
  for (let i = 0; i < clauses.length; i++) {
    const outcome = rentOutcome(clauses[i], NaN, m2, leaseMonths, rent, tags | 0);
    if (needsData(outcome)) throw missingFact(plan, clauses[i], NaN, outcome);
    total += grantedCash(clauses[i], outcome);
  }
  return total;
}

/**
 * Out-of-market contract award for ONE contract (R10), 元; the per-enterprise yearly cap
 * applies across contracts in evaluate(). Without `year` the years after upgrade are not checked.
 */
export function contractAward(
  policy: Policy,
  contract: Fen | null,
  year: number | null,
  upgradeYear: number | null,
): Yuan {
  const plan = planOf(policy);
  let k = NaN;
  let u: number | null = upgradeYear;
  if (year !== null && year !== undefined) {
    u = resolveUpgradeYear(year, upgradeYear);
    k = year - u;
  } else if (upgradeYear !== null && upgradeYear !== undefined) {
    checkYear(upgradeYear, "upgradeYear");
  }
  checkFen(contract, "contract");
  const clauses = plan.bid;
  if (clauses.length === 0) return nothingQuantified(plan, plan.unquantifiedBid, "中标奖励");
  if (u !== null && u !== undefined && !isCovered(plan, u)) return 0;
  let total = 0;
  for (let i = 0; i < clauses.length; i++) {
    const outcome = contractOutcome(clauses[i], k, contract ?? null, 0);
    if (needsData(outcome)) throw missingFact(plan, clauses[i], k, outcome);
    total += grantedCash(clauses[i], outcome);
  }
  return total;
}

/** A category with no quantified clause: 0, or #N/A when the document promises it without a number (D10). */
function nothingQuantified(plan: PolicyPlan, unquantified: readonly CompiledClause[], what: string): 0 {
  return orThrow(unquantifiedOrZero(plan, unquantified, what));
}

function unquantifiedOrZero(plan: PolicyPlan, unquantified: readonly CompiledClause[], what: string): 0 | XsgError {
  if (unquantified.length === 0) return 0;
  const c = unquantified[0].clause;
  return naError(
    "region",
    `${plan.policy.regionName}${c.label}对${what}只作原则性承诺，未规定金额：${c.benefit ?? c.title}（R11）`,
  );
}

/** The #N/A of a result that lacks a fact, naming the function's argument. */
function missingFact(plan: PolicyPlan, c: CompiledClause, k: number, outcome: number): XsgError {
  switch (outcome) {
    case NEEDS_REVENUE:
      return missingRevenue();
    case NEEDS_PREV:
      return missingPrevRevenue(plan, c, k);
    case NEEDS_INVESTMENT:
      return (missingInvestment ??= naError("investment", "缺少技改投资额（R8）"));
    case NEEDS_AREA:
      return (missingArea ??= naError("area", "缺少租赁面积（平方米）（R9）"));
    case NEEDS_MONTHS:
      return (missingMonths ??= naError("months", "缺少租期（月）（R9）"));
    case NEEDS_RENT:
      return missingMonthlyRent(plan, c);
    case NEEDS_CONTRACT:
      return (missingContract ??= naError("contract", "缺少中标合同金额（R10）"));
    default:
      return naError("region", `缺少计算所需的数据（${c.clause.label}）`);
  }
}

/*
 * Errors whose text never changes are built once: a column of cells may raise thousands per
 * recalculation, and an XsgError is only ever read (hosts copy code, field and text).
 */
let missingRevenueError: XsgError | undefined;
let missingInvestment: XsgError | undefined;
let missingArea: XsgError | undefined;
let missingMonths: XsgError | undefined;
let missingContract: XsgError | undefined;

export function missingRevenue(): XsgError {
  return (missingRevenueError ??= naError("revenue", "缺少当年营业收入，无法判断是否达到2000万元（R2、R5）"));
}

export function missingPrevRevenue(plan: PolicyPlan, c: CompiledClause, k: number): XsgError {
  // Its text depends on the clause (of this plan) and k only: built once for each.
  let byK = missingPrevErrors.get(c);
  if (byK === undefined) missingPrevErrors.set(c, (byK = new Map()));
  let error = byK.get(k);
  if (error === undefined) {
    const figure = c.clause.conditions.growthFigure ?? "营业收入";
    error = naError(
      "prevRevenue",
      `${plan.policy.regionName}${c.clause.label}升规后第${k + 1}年（k=${k}）的奖励要求${figure}保持增长，缺少上年营业收入无法比较（R5）`,
    );
    byK.set(k, error);
  }
  return error;
}
const missingPrevErrors = new WeakMap<CompiledClause, Map<number, XsgError>>();

export function missingMonthlyRent(plan: PolicyPlan, c: CompiledClause): XsgError {
  return naError("monthlyRent", `${plan.policy.regionName}${c.clause.label}按月房租计算补贴，缺少月租金（R9）`);
}

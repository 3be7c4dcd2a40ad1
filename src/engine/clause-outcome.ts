/**
 * One clause's outcome for one enterprise: its code (an amount ≥ 0 in 元, or a reason code
 * < 0, see plan.ts) and what the code means — status, amount, the cash it grants, its reason
 * text. evaluate() turns every code into a ClauseOutcome; the batch fill (codes.ts) keeps the
 * codes and reads them through these same functions, so both always decide alike.
 */
import type { ClauseStatus, EnterpriseField, TagMask } from "../model";
import type { Facts } from "./facts";
import {
  EXCLUDED,
  NEEDS_AREA,
  NEEDS_CONTRACT,
  NEEDS_INVESTMENT,
  NEEDS_MIN_REVENUE,
  NEEDS_MONTHS,
  NEEDS_PREV,
  NEEDS_RENT,
  NEEDS_REVENUE,
  NOT_COVERED,
  PASS,
  awardOutcome,
  contractOutcome,
  gate,
  isCovered,
  isPromiseKind,
  promiseOutcome,
  rentOutcome,
  techOutcome,
  type CompiledClause,
  type PolicyPlan,
} from "./plan";
import { codeFacts, grantedReasons } from "./reasons";
import type { RulingSet } from "./ruling-set";

/**
 * The clause's code for these facts. `onContracts` receives each contract's own outcome
 * (contract-percent clauses), which the reason text itemises.
 */
export function clauseCode(
  plan: PolicyPlan,
  c: CompiledClause,
  facts: Facts,
  onContracts?: (outcomes: number[]) => void,
): number {
  // Cultivation clauses have no upgrade year: coverage by the evaluated year (D9).
  const coverageYear = c.cultivation ? facts.year : facts.upgradeYear;
  return isCovered(plan, coverageYear) ? outcomeCode(plan, c, facts, onContracts) : NOT_COVERED;
}

function outcomeCode(
  plan: PolicyPlan,
  c: CompiledClause,
  facts: Facts,
  onContracts: ((outcomes: number[]) => void) | undefined,
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
  onContracts: ((outcomes: number[]) => void) | undefined,
): number {
  const gated = gate(c, facts.k, tags);
  if (gated !== PASS) return gated;
  if (facts.contracts === null) return NEEDS_CONTRACT;
  const outcomes = contractOutcomes(c, facts);
  onContracts?.(outcomes);
  const sum = outcomes.reduce((total, outcome) => total + Math.max(0, outcome), 0);
  return sum < c.capPerYearYuan ? sum : c.capPerYearYuan;
}

/** Each contract's outcome under a contract-percent clause (none when no contracts are given). */
export function contractOutcomes(c: CompiledClause, facts: Facts): number[] {
  return (facts.contracts ?? []).map((contract) => contractOutcome(c, facts.k, contract, facts.tags));
}

/** benefit / unquantified clauses promise something; their code is PASS or a refusal, never an amount. */
export function isPromise(c: CompiledClause): boolean {
  return isPromiseKind(c.kind);
}

/** Codes whose status is needs-data (missingFacts names what is missing). */
export function needsData(code: number): boolean {
  if (code > NEEDS_REVENUE) return false; // amounts, PASS and the gate refusals: the hot case
  switch (code) {
    case NEEDS_REVENUE:
    case NEEDS_PREV:
    case NEEDS_INVESTMENT:
    case NEEDS_AREA:
    case NEEDS_MONTHS:
    case NEEDS_RENT:
    case NEEDS_CONTRACT:
    case NEEDS_MIN_REVENUE:
      return true;
    default:
      return false;
  }
}

export function statusOf(c: CompiledClause, code: number): ClauseStatus {
  const promise = isPromise(c);
  if (code >= 0 && !promise) return code > 0 ? "granted" : "not-eligible";
  if (code === PASS) return c.kind === "unquantified" ? "not-quantified" : "granted";
  if (needsData(code)) return "needs-data";
  return code === NOT_COVERED ? "not-covered" : code === EXCLUDED ? "excluded" : "not-eligible";
}

/** Granted or computed ⇒ the amount; refused ⇒ 0; needs data, promises and benefits ⇒ null (ClauseOutcome.amountYuan). */
export function amountOf(c: CompiledClause, code: number): number | null {
  if (code >= 0 && !isPromise(c)) return code;
  if (code === PASS || needsData(code) || c.clause.category === "benefit") return null;
  return 0;
}

/** The cash a clause outcome grants (counted in the totals): its amount when granted, else 0. */
export function grantedCash(c: CompiledClause, code: number): number {
  return code > 0 && c.grantsCash ? code : 0;
}

/**
 * The full reason text of an outcome (and the facts a needs-data outcome lacks), adding the
 * rulings it applies to `rulings`. `contractOutcomes`: from clauseCode's onContracts.
 */
export function clauseText(
  plan: PolicyPlan,
  c: CompiledClause,
  facts: Facts,
  code: number,
  contractOutcomes: readonly number[] | null,
  rulings: RulingSet,
): { reasons: string[]; missing: EnterpriseField[] } {
  const { clause } = c;
  if (code >= 0 && !isPromise(c)) {
    return { reasons: grantedReasons(c, facts, code, contractOutcomes, rulings), missing: [] };
  }
  if (code === PASS) {
    const reasons =
      clause.kind === "unquantified"
        ? ["文件承诺但未规定金额，不计入合计（R11）"]
        : [`符合本条：${clause.benefit ?? clause.title}`];
    const unverified = clause.conditions.unverified;
    if (unverified && unverified.length > 0) reasons.push(`须由经办人核实：${unverified.join("；")}`);
    return { reasons, missing: [] };
  }
  const { reasons, missing } = codeFacts(plan, c, facts, code, rulings);
  return { reasons, missing };
}

/**
 * A policy compiled once into flat numbers (integer 分/元, basis points, tag bit masks)
 * so the per-cell functions do no allocation and no parameter lookups. The compiled
 * clauses and the outcome functions here are shared by the fast entry points (fast.ts)
 * and by evaluate() (evaluate.ts), so both always agree on every amount.
 */
import { CASH_CATEGORIES, FEN_PER_WAN, type Tag, type TagMask } from "../model";
import { tagIndex, tagsOf } from "../parse/tags";
import type { Clause, ClauseKind, Instalment, Policy, Quantity } from "../policies/types";
import {
  areaToMicro,
  mulDivHalfUp,
  percentToBasisPoints,
  quantityToFen,
  quantityToMonths,
  quantityToYuan,
} from "./arith";

/** 规模以上 threshold (R2): 2000 万元 in 分; 2000 itself qualifies. */
export const SCALE_THRESHOLD_FEN = 2000 * FEN_PER_WAN;

/* Outcome codes. An outcome function returns an amount ≥ 0 (元) or one of these (< 0). */
export const NOT_COVERED = -1;
export const EXCLUDED = -2; // the document's own exclusion (R6)
export const TAG_EXCLUDED = -3; // a tag the clause names as not eligible
export const TAG_REQUIRED = -4; // a tag the clause requires is missing
export const TAG_ANY = -5; // none of the tags the clause accepts
export const K_OUTSIDE = -6; // the year is outside the clause's years after upgrade
export const NO_INSTALMENT = -7; // the schedule pays nothing in this k
export const NEEDS_REVENUE = -8;
export const BELOW_THRESHOLD = -9; // revenue(Y) < the clause's threshold (R2)
export const NEEDS_PREV = -10;
export const NO_GROWTH = -11; // revenue(Y) ≤ prevRevenue
export const PREV_BELOW = -12; // prevRevenue given and below the threshold: not continuously 规上
export const NEEDS_INVESTMENT = -13;
export const BELOW_MIN_INVESTMENT = -14;
export const NEEDS_AREA = -15;
export const NEEDS_MONTHS = -16;
export const NEEDS_RENT = -17;
export const AREA_TOO_SMALL = -18;
export const LEASE_TOO_SHORT = -19;
export const NEEDS_CONTRACT = -20;
export const BELOW_MIN_CONTRACT = -21;
export const ALREADY_SCALE = -22; // a cultivation clause, but revenue(Y) ≥ 2000 万元
export const OUTSIDE_POOL = -23; // a cultivation clause, revenue outside the document's pool
export const NEEDS_MIN_REVENUE = -24; // a clause with an explicit revenue condition, revenue missing
export const BELOW_MIN_REVENUE = -25;
export const PASS = 0; // gates passed (benefit / unquantified clauses)

export const TEST_NONE = 0;
export const TEST_GROWTH = 1;
export const TEST_PREV_AT_LEAST = 2;

export interface CompiledInstalment {
  readonly amountYuan: number;
  readonly test: number;
  readonly source: Instalment;
}

export interface CompiledClause {
  readonly clause: Clause;
  readonly kind: ClauseKind;
  readonly cultivation: boolean;
  readonly kFrom: number;
  /** Infinity when open-ended. */
  readonly kTo: number;
  readonly requiredMask: TagMask;
  readonly anyOfMask: TagMask;
  readonly excludedMask: TagMask;
  /** Tags that lose this clause through a document exclusion (R6). */
  readonly exclusionMask: TagMask;
  readonly minRevenueFen: number; // 0 = none
  // upgrade-schedule / upgrade-bonus: instalments indexed by k (holes = no instalment)
  readonly byK: readonly (CompiledInstalment | undefined)[];
  readonly revenueThresholdFen: number;
  readonly prevThresholdFen: number;
  readonly maxYuan: number;
  /** A positive code of this clause is cash (grantedCash): not a promise, not a benefit. */
  readonly grantsCash: boolean;
  // percent-of-investment / contract-percent
  readonly rateBp: number;
  readonly minFen: number;
  readonly capYuan: number; // Infinity = no cap
  readonly tagRateBp: number;
  readonly tagCapYuan: number;
  readonly rateTagMask: TagMask;
  readonly capPerYearYuan: number;
  // rent
  readonly rentRateFen: number; // 分 per m² per month
  readonly areaAboveMicro: number; // -1 = no area condition
  readonly leaseMinMonths: number;
  readonly rentMonthsPerYear: number;
}

export interface PolicyPlan {
  readonly policy: Policy;
  /** Per clause: its category's index in CASH_CATEGORIES, -1 for a non-cash benefit (add-up.ts). */
  readonly cashIndex: Int8Array;
  readonly coveredFrom: number;
  readonly coveredTo: number;
  readonly clauses: readonly CompiledClause[];
  /** Quantified award clauses (upgrade-schedule, upgrade-bonus) in document order. */
  readonly award: readonly CompiledClause[];
  readonly tech: readonly CompiledClause[];
  readonly rent: readonly CompiledClause[];
  readonly bid: readonly CompiledClause[];
  /** Unquantified cash clauses per category, for #N/A and explanations (R5, R11). */
  readonly unquantifiedAward: readonly CompiledClause[];
  readonly unquantifiedTech: readonly CompiledClause[];
  readonly unquantifiedRent: readonly CompiledClause[];
  readonly unquantifiedBid: readonly CompiledClause[];
  readonly poolMinFen: number; // -1 = no pool
  readonly poolBelowFen: number;
}

/** The mask of a document's tags; the loader has put every one of them in the vocabulary. */
export function maskOf(tags: readonly Tag[] | undefined): TagMask {
  let mask = 0;
  for (const tag of tags ?? []) {
    const index = tagIndex(tag);
    if (index < 0) throw new Error(`tag “${tag}” is not in the vocabulary: load its document through the catalog`);
    mask |= 1 << index;
  }
  return mask;
}

export function tagsOfMask(mask: TagMask): Tag[] {
  return tagsOf(mask);
}

const plans = new WeakMap<Policy, PolicyPlan>();

/*
 * The last plans asked for, checked before the WeakMap: a column of cells or a fill calls
 * planOf once per row with a handful of documents, and comparing a few references costs less
 * than a WeakMap lookup. Round-robin, so it holds at most RECENT_PLANS documents alive.
 */
const RECENT_PLANS = 8;
const recentPolicies: (Policy | undefined)[] = new Array<Policy | undefined>(RECENT_PLANS).fill(undefined);
const recentPlans: (PolicyPlan | undefined)[] = new Array<PolicyPlan | undefined>(RECENT_PLANS).fill(undefined);
let nextRecent = 0;

/** The compiled plan of a policy, built on first use and cached for the policy object. */
export function planOf(policy: Policy): PolicyPlan {
  for (let i = 0; i < RECENT_PLANS; i++) {
    if (recentPolicies[i] === policy) return recentPlans[i] as PolicyPlan;
  }
  let plan = plans.get(policy);
  if (plan === undefined) {
    plan = compilePolicy(policy);
    plans.set(policy, plan);
  }
  recentPolicies[nextRecent] = policy;
  recentPlans[nextRecent] = plan;
  nextRecent = (nextRecent + 1) % RECENT_PLANS;
  return plan;
}

function compilePolicy(policy: Policy): PolicyPlan {
  const clauses = policy.clauses.map((clause) => compileClause(policy, clause));
  const pick = (kinds: readonly ClauseKind[]) => clauses.filter((c) => kinds.includes(c.kind));
  const unquantified = (category: string) =>
    clauses.filter((c) => c.kind === "unquantified" && c.clause.category === category);
  const pool = policy.cultivationPool;
  return {
    policy,
    cashIndex: Int8Array.from(clauses, (c) => (CASH_CATEGORIES as readonly string[]).indexOf(c.clause.category)),
    coveredFrom: policy.coveredUpgradeYears.from,
    coveredTo: policy.coveredUpgradeYears.to ?? Infinity,
    clauses,
    award: pick(["upgrade-schedule", "upgrade-bonus"]),
    tech: pick(["percent-of-investment"]),
    rent: pick(["rent-per-area-month", "rent-months-per-year"]),
    bid: pick(["contract-percent"]),
    unquantifiedAward: unquantified("award"),
    unquantifiedTech: unquantified("tech"),
    unquantifiedRent: unquantified("rent"),
    unquantifiedBid: unquantified("bid"),
    poolMinFen: pool ? quantityToFen(pool.min) : -1,
    poolBelowFen: pool?.below ? quantityToFen(pool.below) : SCALE_THRESHOLD_FEN,
  };
}

function compileClause(policy: Policy, clause: Clause): CompiledClause {
  const { conditions, params } = clause;
  const quantity = (name: string): Quantity | undefined => {
    const value = params[name];
    return value !== undefined && !Array.isArray(value) ? (value as Quantity) : undefined;
  };
  const money = (name: string, fallback: number) => {
    const q = quantity(name);
    return q ? quantityToYuan(q) : fallback;
  };
  let exclusionMask = 0;
  if (clause.fiscal) {
    for (const exclusion of policy.exclusions) {
      if (!exclusion.allowedClauses.includes(clause.id)) exclusionMask |= maskOf(exclusion.tags);
    }
  }
  const byK: (CompiledInstalment | undefined)[] = [];
  if (clause.kind === "upgrade-schedule") {
    for (const instalment of params.instalments as readonly Instalment[]) {
      byK[instalment.k] = {
        amountYuan: quantityToYuan(instalment.amount),
        test:
          instalment.test === "revenue-growth"
            ? TEST_GROWTH
            : instalment.test === "prev-revenue-at-least"
              ? TEST_PREV_AT_LEAST
              : TEST_NONE,
        source: instalment,
      };
    }
  } else if (clause.kind === "upgrade-bonus") {
    const amount = quantity("amount") as Quantity;
    byK[conditions.k?.from ?? 0] = {
      amountYuan: quantityToYuan(amount),
      test: TEST_NONE,
      source: { k: conditions.k?.from ?? 0, amount, test: "none" },
    };
  }
  const threshold = quantity("revenueThreshold");
  const prevThreshold = quantity("prevRevenueThreshold");
  const rate = quantity("rate");
  const tagRate = quantity("tagRate");
  const areaAbove = quantity("areaAbove");
  const lease = quantity("leaseAtLeast");
  const minimum = quantity("minInvestment") ?? quantity("minContract");
  return {
    clause,
    kind: clause.kind,
    cultivation: conditions.stage === "cultivation",
    kFrom: conditions.k?.from ?? 0,
    kTo: conditions.k ? (conditions.k.to ?? Infinity) : Infinity,
    requiredMask: maskOf(conditions.requiredTags),
    anyOfMask: maskOf(conditions.anyOfTags),
    excludedMask: maskOf(conditions.excludedTags),
    exclusionMask,
    minRevenueFen: conditions.minRevenue ? quantityToFen(conditions.minRevenue) : 0,
    byK,
    revenueThresholdFen: threshold ? quantityToFen(threshold) : SCALE_THRESHOLD_FEN,
    prevThresholdFen: prevThreshold ? quantityToFen(prevThreshold) : SCALE_THRESHOLD_FEN,
    maxYuan: byK.reduce((sum, item) => sum + (item?.amountYuan ?? 0), 0),
    grantsCash: !isPromiseKind(clause.kind) && clause.category !== "benefit",
    rateBp: rate && rate.unit === "%" ? percentToBasisPoints(rate) : 0,
    minFen: minimum ? quantityToFen(minimum) : 0,
    capYuan: money("cap", money("capPerContract", Infinity)),
    tagRateBp: tagRate ? percentToBasisPoints(tagRate) : 0,
    tagCapYuan: money("tagCap", Infinity),
    rateTagMask: maskOf(conditions.rateTags),
    capPerYearYuan: money("capPerYear", Infinity),
    rentRateFen: rate && rate.unit === "元/平方米·月" ? Math.round(rate.value * 100) : 0,
    areaAboveMicro: areaAbove ? areaToMicro(areaAbove.value) : -1,
    leaseMinMonths: lease ? quantityToMonths(lease) : 0,
    rentMonthsPerYear: quantity("rentMonthsPerYear")?.value ?? 0,
  };
}

/** benefit / unquantified clauses promise something; their code is PASS or a refusal, never an amount. */
export function isPromiseKind(kind: ClauseKind): boolean {
  return kind === "benefit" || kind === "unquantified";
}

export function isCovered(plan: PolicyPlan, upgradeYear: number): boolean {
  return upgradeYear >= plan.coveredFrom && upgradeYear <= plan.coveredTo;
}

/**
 * Tag and year gates every clause shares. k = NaN skips the year gate (functions that
 * have no year, e.g. RENT, answer for an enterprise inside the clause's years).
 */
export function gate(c: CompiledClause, k: number, tags: TagMask): number {
  if ((tags & c.exclusionMask) !== 0) return EXCLUDED;
  if ((tags & c.excludedMask) !== 0) return TAG_EXCLUDED;
  if ((tags & c.requiredMask) !== c.requiredMask) return TAG_REQUIRED;
  if (c.anyOfMask !== 0 && (tags & c.anyOfMask) === 0) return TAG_ANY;
  if (k < c.kFrom || k > c.kTo) return K_OUTSIDE;
  return PASS;
}

/** upgrade-schedule / upgrade-bonus in year k (R5): amount in 元 or a code. */
export function awardOutcome(
  c: CompiledClause,
  k: number,
  revenue: number | null,
  prev: number | null,
  tags: TagMask,
): number {
  const gated = gate(c, k, tags);
  if (gated !== PASS) return gated;
  const instalment = c.byK[k];
  if (instalment === undefined || instalment.amountYuan === 0) return NO_INSTALMENT;
  if (revenue === null) return NEEDS_REVENUE;
  if (revenue < c.revenueThresholdFen) return BELOW_THRESHOLD;
  if (instalment.test === TEST_GROWTH) {
    if (prev === null) return NEEDS_PREV;
    if (revenue <= prev) return NO_GROWTH;
  } else if (instalment.test === TEST_PREV_AT_LEAST) {
    if (prev !== null && prev < c.prevThresholdFen) return PREV_BELOW;
  }
  return instalment.amountYuan;
}

/** percent-of-investment (R8). */
export function techOutcome(c: CompiledClause, k: number, investment: number | null, tags: TagMask): number {
  const gated = gate(c, k, tags);
  if (gated !== PASS) return gated;
  if (investment === null) return NEEDS_INVESTMENT;
  if (investment < c.minFen) return BELOW_MIN_INVESTMENT;
  const tagged = c.rateTagMask !== 0 && (tags & c.rateTagMask) !== 0;
  // 分 × basis points / (100 分/元 × 10000 bp) = 元
  const amount = mulDivHalfUp(investment, tagged ? c.tagRateBp : c.rateBp, 1_000_000);
  const cap = tagged ? c.tagCapYuan : c.capYuan;
  return amount < cap ? amount : cap;
}

/** rent-per-area-month / rent-months-per-year (R9). */
export function rentOutcome(
  c: CompiledClause,
  k: number,
  area: number | null,
  months: number | null,
  monthlyRent: number | null,
  tags: TagMask,
): number {
  const gated = gate(c, k, tags);
  if (gated !== PASS) return gated;
  // Thresholds that already fail decide the answer without the missing inputs (D11).
  if (area !== null && c.areaAboveMicro >= 0 && areaToMicro(area) <= c.areaAboveMicro) return AREA_TOO_SMALL;
  if (months !== null && months < c.leaseMinMonths) return LEASE_TOO_SHORT;
  if (area === null) return NEEDS_AREA;
  if (months === null) return NEEDS_MONTHS;
  if (c.kind === "rent-per-area-month") {
    // micro-m² × 分/(m²·月) × 月 / (10^6 × 100 分/元)
    const amount = mulDivHalfUp(areaToMicro(area), c.rentRateFen * months, 100_000_000);
    return amount < c.capYuan ? amount : c.capYuan;
  }
  if (monthlyRent === null) return NEEDS_RENT;
  // 分/月 × 月 × (n months per 12 months) / 100 分/元
  const amount = mulDivHalfUp(monthlyRent, months * c.rentMonthsPerYear, 1_200);
  return amount < c.capYuan ? amount : c.capYuan;
}

/** contract-percent for ONE contract (R10); the per-year cap is applied by evaluate(). */
export function contractOutcome(c: CompiledClause, k: number, contract: number | null, tags: TagMask): number {
  const gated = gate(c, k, tags);
  if (gated !== PASS) return gated;
  if (contract === null) return NEEDS_CONTRACT;
  if (contract < c.minFen) return BELOW_MIN_CONTRACT;
  const amount = mulDivHalfUp(contract, c.rateBp, 1_000_000);
  return amount < c.capYuan ? amount : c.capYuan;
}

/** benefit / unquantified: PASS when the enterprise is one the clause is for. */
export function promiseOutcome(
  plan: PolicyPlan,
  c: CompiledClause,
  k: number,
  revenue: number | null,
  tags: TagMask,
): number {
  const gated = gate(c, c.cultivation ? NaN : k, tags);
  if (gated !== PASS) return gated;
  if (c.cultivation) {
    if (revenue === null) return NEEDS_REVENUE;
    if (revenue >= SCALE_THRESHOLD_FEN) return ALREADY_SCALE;
    if (plan.poolMinFen >= 0 && (revenue < plan.poolMinFen || revenue >= plan.poolBelowFen)) return OUTSIDE_POOL;
  }
  // An unquantified upgrade award still needs revenue(Y) ≥ 2000 万元, like every award (R5).
  if (c.clause.category === "award") {
    if (revenue === null) return NEEDS_REVENUE;
    if (revenue < c.revenueThresholdFen) return BELOW_THRESHOLD;
  }
  if (c.minRevenueFen > 0) {
    if (revenue === null) return NEEDS_MIN_REVENUE;
    if (revenue < c.minRevenueFen) return BELOW_MIN_REVENUE;
  }
  return PASS;
}

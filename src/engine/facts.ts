/**
 * The enterprise facts one evaluation reads (in core units, inputs checked), and which of
 * them an outcome that needs data is missing. Shared by evaluate() and the batch fill's
 * code-only evaluation (codes.ts), which reads every row into one reused Facts object.
 */
import type { Enterprise, EnterpriseField, TagMask } from "../model";
import { checkArea, checkFen, checkMonths, resolveUpgradeYear } from "./inputs";
import * as code from "./plan";
import type { CompiledClause } from "./plan";

export interface Facts {
  year: number;
  upgradeYear: number;
  upgradeYearAssumed: boolean;
  k: number;
  tags: TagMask;
  revenue: number | null;
  prevRevenue: number | null;
  investment: number | null;
  area: number | null;
  months: number | null;
  monthlyRent: number | null;
  contracts: readonly number[] | null;
}

export function emptyFacts(): Facts {
  return {
    year: 0,
    upgradeYear: 0,
    upgradeYearAssumed: false,
    k: 0,
    tags: 0,
    revenue: null,
    prevRevenue: null,
    investment: null,
    area: null,
    months: null,
    monthlyRent: null,
    contracts: null,
  };
}

/**
 * Checks the enterprise's inputs (throwing XsgError: the upgrade year first, R3, then each
 * figure) and writes its facts for `year` into `into`.
 */
export function readFacts(enterprise: Enterprise, year: number, into: Facts = emptyFacts()): Facts {
  const upgradeYear = resolveUpgradeYear(year, enterprise.upgradeYear);
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
  into.year = year;
  into.upgradeYear = upgradeYear;
  into.upgradeYearAssumed = enterprise.upgradeYear === null || enterprise.upgradeYear === undefined;
  into.k = year - upgradeYear;
  into.tags = (enterprise.tags ?? 0) | 0;
  into.revenue = revenue;
  into.prevRevenue = prevRevenue;
  into.investment = investment;
  into.area = area;
  into.months = months;
  into.monthlyRent = monthlyRent;
  into.contracts = contracts;
  return into;
}

/** The facts an outcome code that needs data lacks; [] for any other code. */
export function missingFacts(c: CompiledClause, facts: Facts, outcome: number): EnterpriseField[] {
  switch (outcome) {
    case code.NEEDS_REVENUE:
      // A growth instalment will also need last year's revenue.
      return c.byK[facts.k]?.test === code.TEST_GROWTH && facts.prevRevenue === null
        ? ["revenue", "prevRevenue"]
        : ["revenue"];
    case code.NEEDS_PREV:
      return ["prevRevenue"];
    case code.NEEDS_INVESTMENT:
      return ["techInvestment"];
    case code.NEEDS_AREA:
    case code.NEEDS_MONTHS:
    case code.NEEDS_RENT: {
      const missing: EnterpriseField[] = [];
      if (facts.area === null) missing.push("rentedArea");
      if (facts.months === null) missing.push("leaseMonths");
      if (c.kind === "rent-months-per-year" && facts.monthlyRent === null) missing.push("monthlyRent");
      return missing;
    }
    case code.NEEDS_CONTRACT:
      return ["contracts"];
    case code.NEEDS_MIN_REVENUE:
      return ["revenue"];
    default:
      return [];
  }
}

/**
 * Property tests (fast-check): amounts are integer 元, never negative or NaN, never above
 * the clause caps, zero outside the clause years, deterministic, exact to the 元; only
 * XsgError is ever thrown.
 */
import fc from "fast-check";
import { createPolicyRegistry, POLICIES } from "../../../src/policies";
import type { Policy } from "../../../src/policies/types";
import {
  awardSchedule,
  contractAward,
  evaluatePolicy,
  maxTotalAward,
  rentSubsidy,
  techSubsidy,
  upgradeAward,
  upgradeAwardOrError,
  documentAt,
  documentOrError,
  mulDivHalfUp,
} from "../../../src/engine";
import { BUILT_IN_CATALOG } from "../../../src/policies";
import { isXsgError } from "../../../src/errors";
import { ningbo } from "../../fixtures/ningbo";

const registry = createPolicyRegistry([...POLICIES, ningbo]);
const policies = registry.policies;

const anyPolicy = fc.constantFrom(...policies);
const money = fc.option(fc.integer({ min: 0, max: 100_000 * 1_000_000 }), { nil: null }); // up to 10 亿元, in 分
const revenueAround = fc.option(fc.integer({ min: 1_900_000_000, max: 2_100_000_000 }), { nil: null });
const tagMask = fc.integer({ min: 0, max: (1 << 20) - 1 });
const year = fc.integer({ min: 2015, max: 2035 });
const lag = fc.option(fc.integer({ min: 0, max: 6 }), { nil: null });

/** The value, or "NA" when the function answers #N/A; anything else thrown fails the property. */
function valueOrNa(fn: () => number): number | "NA" {
  try {
    return fn();
  } catch (error) {
    if (isXsgError(error) && error.code === "NA") return "NA";
    throw error;
  }
}

const isYuan = (value: number | "NA") => value === "NA" || (Number.isSafeInteger(value) && value >= 0);

function capOf(policy: Policy, kind: string, param: string): number {
  return policy.clauses
    .filter((c) => c.kind === kind)
    .reduce((sum, c) => {
      const q = c.params[param] as { value: number; unit: string } | undefined;
      return sum + (q ? Math.round(q.value * (q.unit === "亿元" ? 1e8 : 1e4)) : Infinity);
    }, 0);
}

describe("upgradeAward properties", () => {
  it("integer ≥ 0, ≤ the k maximum and the max total, 0 outside k = 0..kmax or coverage, deterministic", () => {
    fc.assert(
      fc.property(
        anyPolicy,
        fc.oneof(money, revenueAround),
        year,
        lag,
        fc.oneof(money, revenueAround),
        tagMask,
        (policy, revenue, y, lagYears, prev, tags) => {
          const u = lagYears === null ? null : y - lagYears;
          const result = valueOrNa(() => upgradeAward(policy, revenue, y, u, prev, tags));
          expect(isYuan(result)).toBe(true);
          expect(valueOrNa(() => upgradeAward(policy, revenue, y, u, prev, tags))).toBe(result);
          if (result === "NA") return;
          const k = y - (u ?? y);
          const upgrade = u ?? y;
          const schedule = awardSchedule(policy, upgrade, tags);
          expect(result).toBeLessThanOrEqual(maxTotalAward(policy, tags));
          if (k <= 2) expect(result).toBeLessThanOrEqual(schedule[k].maxYuan);
          const kmax = Math.max(
            ...policy.clauses.flatMap((c) =>
              c.conditions.k && c.category === "award" ? [c.conditions.k.to ?? 99] : [0],
            ),
          );
          if (k > kmax) expect(result).toBe(0);
          const { from, to } = policy.coveredUpgradeYears;
          if (upgrade < from || (to !== null && upgrade > to)) expect(result).toBe(0);
          if (revenue !== null && revenue < 2_000_000_000) expect(result).toBe(0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("the non-throwing hot path (upgradeAwardOrError, documentOrError)", () => {
  // AWARD, the fill and the bench take errors as values; the public API throws them. Both must
  // answer alike: the same 元, or the very same XsgError (its code, field and text).
  const shown = (value: unknown): unknown =>
    isXsgError(value) ? { error: value.code, field: value.field, message: value.message } : value;
  const outcome = (fn: () => unknown): unknown => {
    try {
      return shown(fn());
    } catch (error) {
      if (!isXsgError(error)) throw error;
      return shown(error);
    }
  };
  const anyYear = fc.oneof(year, fc.constant(null), fc.constant(2024.5), fc.constant(Number.NaN));
  const anyMoney = fc.oneof(money, revenueAround, fc.constant(-1), fc.constant(12.5));

  it("upgradeAwardOrError returns what upgradeAward throws or returns", () => {
    fc.assert(
      fc.property(anyPolicy, anyMoney, year, anyYear, anyMoney, tagMask, (policy, revenue, y, u, prev, tags) => {
        const thrown = outcome(() => upgradeAward(policy, revenue, y, u, prev, tags));
        expect(shown(upgradeAwardOrError(policy, revenue, y, u, prev, tags))).toEqual(thrown);
      }),
      { numRuns: 4000 },
    );
  });

  it("documentOrError returns what documentAt throws or returns", () => {
    const region = fc.constantFrom(...BUILT_IN_CATALOG.regions);
    fc.assert(
      fc.property(region, anyYear, anyYear, (documents, y, u) => {
        const thrown = outcome(() => documentAt(documents, y, u));
        expect(shown(documentOrError(documents, y, u))).toEqual(thrown);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("techSubsidy properties", () => {
  it("integer ≥ 0, ≤ the caps, monotone in the investment, 0 outside the clause years", () => {
    fc.assert(
      fc.property(
        anyPolicy,
        money,
        fc.integer({ min: 0, max: 10_000_000_000 }),
        year,
        fc.integer({ min: 0, max: 5 }),
        tagMask,
        (policy, investment, more, y, lagYears, tags) => {
          const u = y - lagYears;
          const result = valueOrNa(() => techSubsidy(policy, investment, y, u, tags));
          expect(isYuan(result)).toBe(true);
          if (result === "NA") return;
          const cap = Math.max(
            capOf(policy, "percent-of-investment", "cap"),
            capOf(policy, "percent-of-investment", "tagCap"),
          );
          expect(result).toBeLessThanOrEqual(cap);
          const windows = policy.clauses.filter((c) => c.kind === "percent-of-investment").map((c) => c.conditions.k!);
          if (!windows.some((w) => lagYears >= w.from && (w.to === null || lagYears <= w.to))) expect(result).toBe(0);
          if (investment !== null)
            expect(techSubsidy(policy, investment + more, y, u, tags)).toBeGreaterThanOrEqual(result);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("闽侯县 3% is exact: round-half-up(investment × 3 / 10000 / 100 分) capped at 500 万元", () => {
    const minhou = registry.get("minhou");
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 100_000_000, max: 17_000_000_000 }), fc.integer({ min: 100_000_000, max: 2 ** 50 })),
        (investment) => {
          const exact = (BigInt(investment) * 300n * 2n + 1_000_000n) / 2_000_000n; // half up
          const expected = Number(exact < 5_000_000n ? exact : 5_000_000n);
          expect(techSubsidy(minhou, investment, 2023, 2023, 0)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("mulDivHalfUp", () => {
  it("is round-half-up(a × b / d) exactly, in the double and the BigInt range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 50 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        (a, b, d) => {
          const big = BigInt(a) * BigInt(b);
          const expected = (big * 2n + BigInt(d)) / (2n * BigInt(d));
          expect(mulDivHalfUp(a, b, d)).toBe(Number(expected));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("rentSubsidy and contractAward properties", () => {
  const area = fc.option(fc.double({ min: 0, max: 100_000, noNaN: true }), { nil: null });
  const months = fc.option(fc.integer({ min: 0, max: 240 }), { nil: null });
  it("rent: integer ≥ 0, within the caps", () => {
    fc.assert(
      fc.property(anyPolicy, area, months, money, tagMask, (policy, a, m, rent, tags) => {
        const result = valueOrNa(() => rentSubsidy(policy, a, m, rent, tags));
        expect(isYuan(result)).toBe(true);
        if (result !== "NA" && policy.id === "lucheng") expect(result).toBeLessThanOrEqual(200_000);
        if (result !== "NA" && policy.id === "hangzhou" && a !== null && a <= 1000) expect(result).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
  it("contract: integer ≥ 0, ≤ the per-project cap, 0 outside the clause years", () => {
    fc.assert(
      fc.property(anyPolicy, money, year, fc.integer({ min: 0, max: 5 }), (policy, contract, y, lagYears) => {
        const result = valueOrNa(() => contractAward(policy, contract, y, y - lagYears));
        expect(isYuan(result)).toBe(true);
        if (result === "NA") return;
        expect(result).toBeLessThanOrEqual(capOf(policy, "contract-percent", "capPerContract"));
        const windows = policy.clauses.filter((c) => c.kind === "contract-percent").map((c) => c.conditions.k!);
        if (!windows.some((w) => lagYears >= w.from && (w.to === null || lagYears <= w.to))) expect(result).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("evaluate properties", () => {
  it("totals are integer sums of the granted amounts, statuses consistent with amounts, deterministic", () => {
    fc.assert(
      fc.property(
        anyPolicy,
        fc.record({
          revenue: money,
          prevRevenue: money,
          techInvestment: money,
          rentedArea: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
          leaseMonths: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
          monthlyRent: money,
          contracts: fc.option(fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { maxLength: 5 }), { nil: null }),
          tags: tagMask,
        }),
        year,
        lag,
        (policy, facts, y, lagYears) => {
          const enterprise = { region: policy.id, ...facts, upgradeYear: lagYears === null ? null : y - lagYears };
          const evaluation = evaluatePolicy(policy, enterprise, y);
          expect(evaluatePolicy(policy, enterprise, y)).toEqual(evaluation);
          let sum = 0;
          for (const outcome of evaluation.clauses) {
            if (outcome.amountYuan !== null)
              expect(Number.isSafeInteger(outcome.amountYuan) && outcome.amountYuan >= 0).toBe(true);
            if (outcome.status === "needs-data") expect(outcome.missing.length).toBeGreaterThan(0);
            if (outcome.status === "granted" && outcome.amountYuan !== null) sum += outcome.amountYuan;
            if (outcome.category === "benefit") expect(outcome.amountYuan).toBeNull();
          }
          expect(evaluation.totalYuan).toBe(sum);
          expect(Object.values(evaluation.totalsByCategory).reduce((a, b) => a + b, 0)).toBe(sum);
        },
      ),
      { numRuns: 800 },
    );
  });
});

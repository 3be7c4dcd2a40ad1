/**
 * The batch fill's lean evaluation ("summary") must decide exactly what the full one decides:
 * the same status, amount and missing facts for every clause, the same totals and notes. Only
 * the reason text and rulings of non-award clauses are left out.
 */
import fc from "fast-check";
import { evaluatePolicy } from "../../../src/engine";
import { isXsgError } from "../../../src/errors";
import type { Enterprise } from "../../../src/model";
import { enterpriseFacts, policiesWithFixture } from "./arbitraries";

const policies = policiesWithFixture;
const enterprise = enterpriseFacts;

function both(policyIndex: number, facts: Omit<Enterprise, "region">, year: number) {
  const policy = policies[policyIndex];
  const e = { ...facts, region: policy.id };
  try {
    return { full: evaluatePolicy(policy, e, year, "full"), summary: evaluatePolicy(policy, e, year, "summary") };
  } catch (error) {
    if (isXsgError(error)) return null; // e.g. upgradeYear after year: both refuse alike (checked below)
    throw error;
  }
}

test("summary and full evaluations agree on every status, amount, missing fact, total and note", () => {
  fc.assert(
    fc.property(fc.nat(policies.length - 1), enterprise, fc.integer({ min: 2018, max: 2028 }), (p, facts, year) => {
      const pair = both(p, facts, year);
      if (pair === null) return;
      const { full, summary } = pair;
      expect(summary.detail).toBe("summary");
      expect(full.detail).toBe("full");
      expect(summary.totalYuan).toBe(full.totalYuan);
      expect(summary.totalsByCategory).toEqual(full.totalsByCategory);
      expect(summary.notes).toEqual(full.notes);
      expect(summary.clauses.map((c) => [c.clauseId, c.status, c.amountYuan, c.missing])).toEqual(
        full.clauses.map((c) => [c.clauseId, c.status, c.amountYuan, c.missing]),
      );
      summary.clauses.forEach((c, i) => {
        // Award refusals are quoted in the 说明 column, so their reasons are kept word for word.
        if (c.category === "award") expect(c.reasons).toEqual(full.clauses[i].reasons);
      });
    }),
    { numRuns: 3_000 },
  );
});

test("both detail levels refuse an upgrade year after the evaluated year with the same error", () => {
  const policy = policies[0];
  const e = { region: policy.id, revenue: 2_500_000_000, upgradeYear: 2026 };
  expect(() => evaluatePolicy(policy, e, 2025, "summary")).toThrow(/升规年份/);
  expect(() => evaluatePolicy(policy, e, 2025, "full")).toThrow(/升规年份/);
});

test("the default is the full evaluation, with a reason for every clause", () => {
  const policy = policies.find((p) => p.id === "hangzhou")!;
  const evaluation = evaluatePolicy(policy, { region: "hangzhou", revenue: 2_500_000_000 }, 2024);
  expect(evaluation.detail).toBe("full");
  for (const clause of evaluation.clauses) expect(clause.reasons.length).toBeGreaterThan(0);
});

/**
 * The batch fill's code-only evaluation (evaluatePolicyCodes) must decide exactly what
 * evaluatePolicy() decides: read through the shared status/amount functions, every clause's
 * code gives the ClauseOutcome's status, amount and missing facts, clauseReasons() its full
 * reason text, and the notes and errors are the same.
 */
import fc from "fast-check";
import { evaluatePolicy } from "../../../src/engine";
import { clauseReasons, evaluateCodes, evaluatePolicyCodes } from "../../../src/engine/codes";
import { amountOf, grantedCash, statusOf } from "../../../src/engine/clause-outcome";
import { missingFacts } from "../../../src/engine/facts";
import { isXsgError } from "../../../src/errors";
import type { Enterprise } from "../../../src/model";
import { enterpriseFacts, policiesWithFixture } from "./arbitraries";

const policies = policiesWithFixture;
const enterprise = enterpriseFacts;

/** The error message, or null when the evaluation succeeds. */
function errorOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (isXsgError(error)) return error.message;
    throw error;
  }
}

test("codes give every clause's status, amount, missing facts and full reasons, the total and the notes", () => {
  fc.assert(
    fc.property(fc.nat(policies.length - 1), enterprise, fc.integer({ min: 2018, max: 2028 }), (p, facts, year) => {
      const policy = policies[p];
      const e: Enterprise = { ...facts, region: policy.id };
      const refused = errorOf(() => evaluatePolicy(policy, e, year));
      expect(errorOf(() => evaluatePolicyCodes(policy, e, year))).toBe(refused);
      if (refused !== null) return;
      const full = evaluatePolicy(policy, e, year);
      const codes = evaluatePolicyCodes(policy, e, year);
      expect(codes.notes).toEqual(full.notes);
      let total = 0;
      codes.plan.clauses.forEach((c, i) => {
        const code = codes.codes[i];
        const outcome = full.clauses[i];
        expect(outcome.clauseId).toBe(c.clause.id);
        expect(statusOf(c, code)).toBe(outcome.status);
        expect(amountOf(c, code)).toBe(outcome.amountYuan);
        expect(missingFacts(c, codes.facts, code)).toEqual(outcome.missing);
        expect(clauseReasons(codes, i)).toEqual(outcome.reasons);
        total += grantedCash(c, code);
      });
      expect(total).toBe(full.totalYuan);
    }),
    { numRuns: 3_000 },
  );
});

test("one reused result per region: a later row of the same region overwrites it, another region does not", () => {
  const first = evaluateCodes({ region: "hangzhou", revenue: 2_500_000_000 }, 2024);
  const before = Array.from(first.codes);
  const other = evaluateCodes({ region: "jincheng", revenue: 2_500_000_000 }, 2024);
  expect(other).not.toBe(first);
  expect(Array.from(first.codes)).toEqual(before);
  const again = evaluateCodes({ region: "hangzhou", revenue: null }, 2024);
  expect(again).toBe(first);
  expect(again.facts.revenue).toBeNull();
});

test("an upgrade year after the evaluated year is refused with evaluate()'s error (R3)", () => {
  const e = { region: "hangzhou", revenue: 2_500_000_000, upgradeYear: 2026 };
  expect(() => evaluateCodes(e, 2025)).toThrow(/升规年份 2026 晚于评价年度 2025/);
});

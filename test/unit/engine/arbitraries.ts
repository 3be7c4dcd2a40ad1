/**
 * Generated enterprises for the engine's equivalence properties (summary vs full evaluation,
 * clause codes vs evaluate()): every fact the clauses read, often missing, revenue often near
 * the 2000 万元 threshold, over the five regions and the ningbo fixture.
 */
import fc from "fast-check";
import type { Enterprise } from "../../../src/model";
import { createPolicyRegistry, POLICIES } from "../../../src/policies";
import { ningbo } from "../../fixtures/ningbo";

/** The shipped policies and the test-only sixth region. */
export const policiesWithFixture = createPolicyRegistry([...POLICIES, ningbo]).policies;

const fen = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: null });
const nearThreshold = fc.option(fc.integer({ min: 1_900_000_000, max: 2_100_000_000 }), { nil: null });

/** An enterprise's facts (all but its region), 分 and counts in realistic ranges. */
export const enterpriseFacts: fc.Arbitrary<Omit<Enterprise, "region">> = fc.record({
  revenue: fc.oneof(fen(4_000 * 1_000_000), nearThreshold),
  prevRevenue: fc.oneof(fen(4_000 * 1_000_000), nearThreshold),
  upgradeYear: fc.option(fc.integer({ min: 2018, max: 2029 }), { nil: null }),
  tags: fc.integer({ min: 0, max: (1 << 20) - 1 }),
  techInvestment: fen(2_000 * 1_000_000),
  rentedArea: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null }),
  leaseMonths: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  monthlyRent: fen(50 * 1_000_000),
  contracts: fc.option(fc.array(fc.integer({ min: 0, max: 8_000 * 1_000_000 }), { maxLength: 4 }), { nil: null }),
});

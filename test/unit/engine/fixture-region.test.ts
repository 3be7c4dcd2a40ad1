/**
 * A sixth region is one data module plus its tests: the fictional 宁波市 fixture
 * (test/fixtures/ningbo.ts) uses every clause kind with different numbers and is
 * evaluated by the unchanged engine.
 */
import { createPolicyRegistry, POLICIES } from "../../../src/policies";
import {
  awardSchedule,
  contractAward,
  cultivationStatus,
  evaluatePolicy,
  maxTotalAward,
  rentSubsidy,
  techSubsidy,
  upgradeAward,
} from "../../../src/engine";
import { createRegionResolver } from "../../../src/regions";
import { ningbo } from "../../fixtures/ningbo";
import { fen, tags } from "./helpers";
import { errorOf } from "../xsg-error";

const registry = createPolicyRegistry([...POLICIES, ningbo]);
const policy = registry.get("ningbo");

describe("fixture region 宁波市 (test only)", () => {
  it("validates and registers next to the five documents", () => {
    expect(registry.policies.map((p) => p.id)).toEqual([
      "lucheng",
      "jincheng",
      "minhou",
      "hangzhou",
      "shuncheng",
      "ningbo",
    ]);
    expect(Object.isFrozen(policy.clauses[0])).toBe(true);
  });

  it("the region resolver is data-driven: the registry's policies are its coverages", () => {
    const resolver = createRegionResolver(registry.policies);
    expect(resolver.resolve("宁波市")).toBe("ningbo");
    expect(resolver.resolve("330203")).toBe("ningbo");
  });

  it("a four-instalment schedule with growth and prev tests, and a tag bonus", () => {
    const award = (revenue: number | null, year: number, prev: number | null, mask = 0) =>
      upgradeAward(policy, revenue, year, 2025, prev, mask);
    expect(award(fen(2000), 2025, null)).toBe(150_000);
    expect(award(fen(2000), 2025, null, tags("新能源"))).toBe(230_000);
    expect(award(fen(2100), 2026, fen(2000))).toBe(50_000);
    expect(errorOf(() => award(fen(2100), 2026, null)).field).toBe("prevRevenue");
    expect(award(fen(2100), 2027, null)).toBe(50_000);
    expect(award(fen(2100), 2027, fen("1999.9999"))).toBe(0);
    expect(award(fen(2100), 2028, null)).toBe(50_000);
    expect(award(fen(2100), 2029, null)).toBe(0);
    expect(upgradeAward(policy, fen(2100), 2024, null, null, 0)).toBe(0);
    expect(maxTotalAward(policy, 0)).toBe(300_000);
    expect(maxTotalAward(policy, tags("新能源"))).toBe(380_000);
    expect(awardSchedule(policy, 2025, 0).map((row) => row.maxYuan)).toEqual([150_000, 50_000, 50_000]);
  });

  it("its exclusion keeps the allowed clause only", () => {
    expect(upgradeAward(policy, fen(2000), 2025, null, null, tags("房地产", "新能源"))).toBe(150_000);
    expect(techSubsidy(policy, fen(100), 2025, null, tags("房地产"))).toBe(0);
  });

  it("tech: 5% ≥ 50 万元 (cap 80), 8% for 生物医药 (cap 120), k = 0..1", () => {
    expect(techSubsidy(policy, fen("49.9999"), 2025, null, 0)).toBe(0);
    expect(techSubsidy(policy, fen(50), 2025, null, 0)).toBe(25_000);
    expect(techSubsidy(policy, fen(50), 2025, null, tags("生物医药"))).toBe(40_000);
    expect(techSubsidy(policy, fen(2000), 2026, 2025, 0)).toBe(800_000);
    expect(techSubsidy(policy, fen(2000), 2026, 2025, tags("生物医药"))).toBe(1_200_000);
    expect(techSubsidy(policy, fen(2000), 2027, 2025, 0)).toBe(0);
  });

  it("rent: both kinds add up (R13); tags and thresholds apply", () => {
    expect(rentSubsidy(policy, 1000, 24, fen(1), 0)).toBe(72_000 + 40_000);
    expect(rentSubsidy(policy, 1000, 24, fen(1), tags("自有工业用地"))).toBe(40_000);
    expect(rentSubsidy(policy, 1000, 12, fen(1), 0)).toBe(36_000);
    expect(rentSubsidy(policy, 500, 24, fen(1), 0)).toBe((72_000 * 500) / 1000);
    expect(rentSubsidy(policy, 10_000, 24, fen(1), 0)).toBe(100_000 + 40_000);
  });

  it("contracts: 2% ≥ 100 万元, 30 per project, 50 per year", () => {
    expect(contractAward(policy, fen("99.99"), 2025, null)).toBe(0);
    expect(contractAward(policy, fen(100), 2025, null)).toBe(20_000);
    expect(contractAward(policy, fen(2000), 2025, null)).toBe(300_000);
    expect(contractAward(policy, fen(2000), 2027, 2025)).toBe(0);
    const evaluation = evaluatePolicy(policy, { region: "ningbo", contracts: [fen(2000), fen(2000)] }, 2025);
    expect(evaluation.totalsByCategory.bid).toBe(500_000);
  });

  it("pool ≥ 800 万元 and every clause evaluated", () => {
    expect(cultivationStatus(policy, fen(800))).toBe("培育");
    expect(cultivationStatus(policy, fen("799.9999"))).toBe("规下");
    const evaluation = evaluatePolicy(policy, { region: "ningbo", revenue: fen(2200), tags: tags("新能源") }, 2025);
    expect(evaluation.clauses.map((c) => [c.clauseId, c.status])).toEqual([
      ["ningbo.1", "granted"],
      ["ningbo.1.energy", "granted"],
      ["ningbo.2", "needs-data"],
      ["ningbo.3", "needs-data"],
      ["ningbo.4", "needs-data"],
      ["ningbo.5", "needs-data"],
      ["ningbo.6", "granted"],
      ["ningbo.6.rd", "not-quantified"],
      ["ningbo.7", "not-eligible"],
    ]);
    expect(evaluation.totalYuan).toBe(230_000);
  });
});

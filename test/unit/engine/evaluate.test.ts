/** evaluate(): statuses, amounts, missing facts, citations, rulings, totals; agreement with the per-cell functions. */
import { getPolicy, POLICIES } from "../../../src/policies";
import {
  contractAward,
  evaluate,
  rentSubsidy,
  techSubsidy,
  upgradeAward,
  type ClauseOutcome,
  type Evaluation,
} from "../../../src/engine";
import type { Enterprise } from "../../../src/model";
import { fen, tags } from "./helpers";
import { errorOf } from "../xsg-error";

const outcome = (evaluation: Evaluation, id: string): ClauseOutcome => {
  const found = evaluation.clauses.find((clause) => clause.clauseId === id);
  if (!found) throw new Error(`no clause ${id}`);
  return found;
};

describe("evaluate(): one outcome per clause with its citation", () => {
  it.each(POLICIES.map((policy) => [policy.id, policy] as const))("%s: every clause, cited verbatim", (_id, policy) => {
    const evaluation = evaluate({ region: policy.id, revenue: fen(2500) }, policy.coveredUpgradeYears.from);
    expect(evaluation.clauses.map((clause) => clause.clauseId)).toEqual(policy.clauses.map((clause) => clause.id));
    for (const [i, clause] of evaluation.clauses.entries()) {
      expect(clause.citation).toEqual({
        documentNumber: policy.documentNumber,
        documentTitle: policy.title,
        label: policy.clauses[i].label,
        quote: policy.clauses[i].quote,
      });
      expect(clause.reasons.length).toBeGreaterThan(0);
    }
    expect(evaluation.regionName).toBe(policy.regionName);
    expect(evaluation.documentNumber).toBe(policy.documentNumber);
  });

  it("totals add the granted cash amounts by category (R13)", () => {
    const evaluation = evaluate(
      {
        region: "minhou",
        revenue: fen(2500),
        upgradeYear: 2023,
        prevRevenue: fen(2100),
        techInvestment: fen("333.33"),
        contracts: [fen(200)],
      },
      2024,
    );
    expect(evaluation.totalsByCategory).toEqual({
      award: 100_000,
      tech: 99_999,
      rent: 0,
      bid: 60_000,
      "other-cash": 0,
      benefit: 0,
    });
    expect(evaluation.totalYuan).toBe(259_999);
    expect(evaluation.k).toBe(1);
    expect(evaluation.cultivation).toBe("规上");
  });

  it("U omitted ⇒ U = Y and a note says so; U > Y ⇒ #VALUE!; unknown region ⇒ #N/A", () => {
    const evaluation = evaluate({ region: "hangzhou", revenue: fen(2500) }, 2025);
    expect([evaluation.upgradeYear, evaluation.k, evaluation.upgradeYearAssumed]).toEqual([2025, 0, true]);
    expect(evaluation.notes.join()).toContain("R3");
    expect(errorOf(() => evaluate({ region: "hangzhou", upgradeYear: 2026 }, 2025)).field).toBe("upgradeYear");
    const error = errorOf(() => evaluate({ region: "beijing" }, 2025));
    expect([error.code, error.field]).toEqual(["NA", "region"]);
  });

  it("negative or fractional money in the enterprise is #VALUE! naming the field", () => {
    expect(errorOf(() => evaluate({ region: "minhou", techInvestment: -1 }, 2023)).field).toBe("techInvestment");
    expect(errorOf(() => evaluate({ region: "minhou", contracts: [1.5] }, 2023)).field).toBe("contracts");
    expect(errorOf(() => evaluate({ region: "hangzhou", leaseMonths: 2.5 }, 2024)).field).toBe("leaseMonths");
  });
});

describe("statuses", () => {
  it("needs-data names every missing fact (鹿城区 k = 1 without revenue or prevRevenue)", () => {
    const evaluation = evaluate({ region: "lucheng", upgradeYear: 2023 }, 2024);
    const award = outcome(evaluation, "lucheng.1");
    expect([award.status, award.amountYuan, award.missing]).toEqual(["needs-data", null, ["revenue", "prevRevenue"]]);
    expect(award.rulings).toContain("R11");
    const withRevenue = outcome(
      evaluate({ region: "lucheng", upgradeYear: 2023, revenue: fen(2500) }, 2024),
      "lucheng.1",
    );
    expect(withRevenue.missing).toEqual(["prevRevenue"]);
    expect(withRevenue.reasons.join()).toContain("应税销售额");
  });

  it("鹿城区 growth test says which figures were compared", () => {
    const award = outcome(
      evaluate({ region: "lucheng", upgradeYear: 2023, revenue: fen(2500), prevRevenue: fen(2600) }, 2025),
      "lucheng.1",
    );
    expect([award.status, award.amountYuan]).toEqual(["not-eligible", 0]);
    expect(award.reasons.join()).toMatch(/应税销售额.*2500万元.*2600万元/);
  });

  it("excluded (R6): 国有 loses fiscal clauses, keeps non-fiscal benefits (D3)", () => {
    const evaluation = evaluate({ region: "lucheng", revenue: fen(2500), tags: tags("国有") }, 2023);
    for (const id of ["lucheng.1", "lucheng.1.voucher", "lucheng.2", "lucheng.3", "lucheng.6"]) {
      expect(outcome(evaluation, id).status).toBe("excluded");
    }
    expect(outcome(evaluation, "lucheng.1").reasons.join()).toContain("附则1");
    expect(outcome(evaluation, "lucheng.1").rulings).toContain("R6");
    expect(outcome(evaluation, "lucheng.5").status).toBe("granted");
    expect(evaluation.totalYuan).toBe(0);
  });

  it("亩均C keeps （一） (with its voucher, D4) and （二）, loses （三）", () => {
    const evaluation = evaluate(
      {
        region: "lucheng",
        revenue: fen(2500),
        tags: tags("亩均C"),
        techInvestment: fen(100),
        rentedArea: 1000,
        leaseMonths: 12,
      },
      2023,
    );
    expect(outcome(evaluation, "lucheng.1").amountYuan).toBe(200_000);
    expect(outcome(evaluation, "lucheng.1.voucher").status).toBe("granted");
    expect(outcome(evaluation, "lucheng.2").amountYuan).toBe(24_000);
    expect(outcome(evaluation, "lucheng.3").status).toBe("excluded");
    expect(outcome(evaluation, "lucheng.3").reasons.join()).toContain("亩均C");
  });

  it("亩均D: （七） gives its 提升一档 benefit while fiscal awards are excluded", () => {
    const evaluation = evaluate({ region: "lucheng", revenue: fen(2500), tags: tags("亩均D") }, 2023);
    expect(outcome(evaluation, "lucheng.7").status).toBe("granted");
    expect(outcome(evaluation, "lucheng.7").benefit).toContain("提升一档");
    expect(outcome(evaluation, "lucheng.1").status).toBe("excluded");
  });

  it("not-covered (R4) for upgrade clauses; cultivation clauses use the evaluated year (D9)", () => {
    const evaluation = evaluate({ region: "hangzhou", revenue: fen(2500), upgradeYear: 2023 }, 2024);
    expect(evaluation.covered).toBe(false);
    const award = outcome(evaluation, "hangzhou.1");
    expect([award.status, award.amountYuan]).toEqual(["not-covered", 0]);
    expect(award.rulings).toContain("R4");
    const pool = outcome(evaluate({ region: "minhou", revenue: fen(600) }, 2027), "minhou.2.1");
    expect(pool.status).toBe("not-covered");
  });

  it("not-quantified: 顺城区 14 (provincial award) and 晋城市（十二） rent", () => {
    const shuncheng = evaluate({ region: "shuncheng", revenue: fen(2500) }, 2023);
    const provincial = outcome(shuncheng, "shuncheng.14");
    expect([provincial.status, provincial.amountYuan]).toEqual(["not-quantified", null]);
    expect(provincial.benefit).toContain("辽政发〔2023〕1号");
    expect(shuncheng.totalsByCategory.award).toBe(100_000);
    const rent = outcome(
      evaluate({ region: "jincheng", revenue: fen(2500), rentedArea: 2000, leaseMonths: 36 }, 2023),
      "jincheng.12.rent",
    );
    expect(rent.status).toBe("not-quantified");
  });

  it("cultivation clauses: in pool ⇒ granted; ≥ 2000 or outside the pool ⇒ not eligible; revenue missing ⇒ needs-data", () => {
    expect(outcome(evaluate({ region: "shuncheng", revenue: fen(1500) }, 2024), "shuncheng.1").status).toBe("granted");
    expect(outcome(evaluate({ region: "shuncheng", revenue: fen(1499) }, 2024), "shuncheng.1").status).toBe(
      "not-eligible",
    );
    expect(outcome(evaluate({ region: "shuncheng", revenue: fen(2000) }, 2024), "shuncheng.1").status).toBe(
      "not-eligible",
    );
    expect(outcome(evaluate({ region: "shuncheng" }, 2024), "shuncheng.1").missing).toEqual(["revenue"]);
    expect(evaluate({ region: "shuncheng", revenue: fen(1600) }, 2024).cultivation).toBe("培育");
  });

  it("杭州市 七 rent is for 新升规企业 (k = 0..2) in evaluate(); RENT() has no year (D5)", () => {
    const facts: Enterprise = {
      region: "hangzhou",
      upgradeYear: 2024,
      rentedArea: 1200,
      leaseMonths: 36,
      monthlyRent: fen(5),
      revenue: fen(2500),
    };
    expect(outcome(evaluate(facts, 2026), "hangzhou.7").amountYuan).toBe(150_000);
    expect(outcome(evaluate(facts, 2027), "hangzhou.7").status).toBe("not-eligible");
    expect(rentSubsidy(getPolicy("hangzhou"), 1200, 36, fen(5), 0)).toBe(150_000);
    const missing = outcome(evaluate({ ...facts, monthlyRent: null }, 2024), "hangzhou.7");
    expect([missing.status, missing.missing]).toEqual(["needs-data", ["monthlyRent"]]);
  });

  it("闽侯县（8）: each contract capped at 100, the year's total at 150 (R10, D7)", () => {
    const bid = (contracts: number[] | null) =>
      outcome(evaluate({ region: "minhou", upgradeYear: 2023, contracts }, 2023), "minhou.3.8");
    expect(bid([fen(5000), fen(5000)]).amountYuan).toBe(1_500_000);
    expect(bid([fen(5000), fen(5000)]).reasons.join()).toContain("150万元");
    expect(bid([fen(2000), fen("199.99"), fen("333.33")]).amountYuan).toBe(600_000 + 99_999);
    expect(bid([]).status).toBe("not-eligible");
    expect(bid(null).missing).toEqual(["contracts"]);
  });

  it("a revenue below 2000 with an upgrade year adds the D2 note", () => {
    const evaluation = evaluate({ region: "jincheng", revenue: fen(1800), upgradeYear: 2022 }, 2023);
    expect(evaluation.notes.join()).toContain("D2");
    expect(outcome(evaluation, "jincheng.4").reasons.join()).toContain("R2");
  });
});

describe("evaluate() agrees with the per-cell functions", () => {
  const cases: Enterprise[] = [];
  for (const policy of POLICIES) {
    for (const revenue of [null, fen(1999), fen(2000), fen(3000)]) {
      for (const prevRevenue of [null, fen(1500), fen(2500)]) {
        for (const mask of [0, tags("战略新兴", "个转企"), tags("国有"), tags("亩均C", "集成电路")]) {
          cases.push({
            region: policy.id,
            revenue,
            prevRevenue,
            tags: mask,
            upgradeYear: policy.coveredUpgradeYears.from,
            techInvestment: fen(600),
            rentedArea: 1500,
            leaseMonths: 36,
            monthlyRent: fen(2),
            contracts: [fen(300)],
          });
        }
      }
    }
  }
  it.each([0, 1, 2, 3])("k = %i: award, tech, rent (inside the clause years) and bid", (k) => {
    for (const facts of cases) {
      const policy = getPolicy(facts.region);
      const year = (facts.upgradeYear ?? 0) + k;
      const evaluation = evaluate(facts, year);
      const awardOutcomes = evaluation.clauses.filter((c) => c.category === "award" && c.kind !== "unquantified");
      let award: number | "NA";
      try {
        award = upgradeAward(
          policy,
          facts.revenue ?? null,
          year,
          facts.upgradeYear ?? null,
          facts.prevRevenue ?? null,
          facts.tags ?? 0,
        );
      } catch {
        award = "NA";
      }
      if (award === "NA") expect(awardOutcomes.some((c) => c.status === "needs-data")).toBe(true);
      else expect(evaluation.totalsByCategory.award).toBe(award);
      expect(evaluation.totalsByCategory.tech).toBe(
        techSubsidy(policy, facts.techInvestment ?? null, year, facts.upgradeYear ?? null, facts.tags ?? 0),
      );
      expect(evaluation.totalsByCategory.bid).toBe(contractAward(policy, fen(300), year, facts.upgradeYear ?? null));
      const rentInWindow = evaluation.clauses.filter(
        (c) => c.category === "rent" && c.kind !== "unquantified" && c.status !== "not-eligible",
      );
      if (policy.id !== "jincheng" && k === 0) {
        expect(evaluation.totalsByCategory.rent).toBe(rentSubsidy(policy, 1500, 36, fen(2), facts.tags ?? 0));
      }
      expect(rentInWindow.every((c) => c.amountYuan === null || c.amountYuan >= 0)).toBe(true);
    }
  });
});

describe("unquantified upgrade awards follow R5's revenue test", () => {
  it("顺城区 14 is not-quantified only for a 规上 enterprise", () => {
    const at = (revenue: number | null) => outcome(evaluate({ region: "shuncheng", revenue }, 2023), "shuncheng.14");
    expect(at(fen(2000)).status).toBe("not-quantified");
    expect(at(fen("1999.9999")).status).toBe("not-eligible");
    expect(at(null).missing).toEqual(["revenue"]);
  });
});

test("every clause comes with its reasons; an upgrade year after the evaluated year is refused", () => {
  const evaluation = evaluate({ region: "hangzhou", revenue: 2_500_000_000 }, 2024);
  for (const clause of evaluation.clauses) expect(clause.reasons.length).toBeGreaterThan(0);
  expect(() => evaluate({ region: "hangzhou", revenue: 2_500_000_000, upgradeYear: 2026 }, 2025)).toThrow(/升规年份/);
});

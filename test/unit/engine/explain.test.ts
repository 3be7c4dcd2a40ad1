/** XSG.EXPLAIN and XSG.POLICY texts: the amount AWARD returns, each clause with number, label and reason, rulings. */
import { getPolicy, POLICIES } from "../../../src/policies";
import { describePolicy, explainAward, formatWan, upgradeAward } from "../../../src/engine";
import { fen, tags } from "./helpers";
import { errorOf } from "../xsg-error";

const lucheng = getPolicy("lucheng");
const hangzhou = getPolicy("hangzhou");
const shuncheng = getPolicy("shuncheng");
const jincheng = getPolicy("jincheng");

describe("explainAward", () => {
  it("states the same amount as AWARD, with document number, clause label and rulings", () => {
    for (const policy of POLICIES) {
      const year = policy.coveredUpgradeYears.from;
      const text = explainAward(policy, fen(2500), year, null, null, 0);
      const amount = upgradeAward(policy, fen(2500), year, null, null, 0);
      expect(text.split("\n")[0]).toContain(`${formatWan(amount)} 万元`);
      expect(text).toContain(policy.documentNumber);
      expect(text).toMatch(/口径：R1 /);
      for (const clause of policy.clauses.filter((c) => c.category === "award")) expect(text).toContain(clause.label);
    }
  });

  it("鹿城区: names 应税销售额 and the figures compared", () => {
    const text = explainAward(lucheng, fen(2500), 2024, 2023, fen(2400), 0);
    expect(text).toContain("10 万元");
    expect(text).toContain("应税销售额");
    expect(text).toContain("当年 2500万元 > 上年 2400万元");
  });

  it("鹿城区 k = 1 without prevRevenue: explains the #N/A instead of failing", () => {
    const text = explainAward(lucheng, fen(2500), 2024, 2023, null, 0);
    expect(text.split("\n")[0]).toContain("#N/A");
    expect(text).toContain("缺少上年营业收入");
  });

  it("鹿城区 exclusion quotes the 附则 and R6", () => {
    const text = explainAward(lucheng, fen(2500), 2023, null, null, tags("房地产"));
    expect(text.split("\n")[0]).toContain("0 万元");
    expect(text).toContain("附则1");
    expect(text).toContain("R6");
  });

  it("杭州市: says 不超过 is read as the maximum, and names the 个转企 bonus", () => {
    const text = explainAward(hangzhou, fen(2500), 2024, null, null, tags("个转企"));
    expect(text.split("\n")[0]).toContain("30 万元");
    expect(text).toContain("不超过");
    expect(text).toContain("按上限计");
    expect(text).toContain("个转企");
  });

  it("顺城区: returns the quantified 10 and names the unquantified provincial award", () => {
    const text = explainAward(shuncheng, fen(2500), 2023, null, null, 0);
    expect(text.split("\n")[0]).toContain("10 万元");
    expect(text).toContain("14");
    expect(text).toContain("未量化");
    expect(text).toContain("辽政发〔2023〕1号");
  });

  it("a tag with no meaning in a document without exclusions is said to be irrelevant (R6)", () => {
    const text = explainAward(jincheng, fen(2500), 2023, null, null, tags("国有"));
    expect(text).toContain("不影响金额");
  });

  it("uncovered upgrade year says so (R4)", () => {
    const text = explainAward(hangzhou, fen(2500), 2023, null, null, 0);
    expect(text).toContain("不覆盖");
    expect(text).toContain("R4");
  });

  it("malformed input still throws #VALUE! (U > Y)", () => {
    expect(errorOf(() => explainAward(hangzhou, fen(2500), 2024, 2025, null, 0)).code).toBe("VALUE");
  });
});

describe("describePolicy", () => {
  it.each(POLICIES.map((policy) => [policy.id, policy] as const))(
    "%s: number, title, status, in force, covered years",
    (_id, policy) => {
      const text = describePolicy(policy);
      expect(text).toContain(policy.documentNumber);
      expect(text).toContain(policy.title);
      expect(text).toContain(policy.status);
      expect(text).toContain(String(policy.coveredUpgradeYears.from));
      if (policy.inForce.to) expect(text).toContain(policy.inForce.to);
    },
  );
  it("drafts say they have no number and no date", () => {
    const text = describePolicy(getPolicy("minhou"));
    expect(text).toContain("征求意见稿");
    expect(text).toContain("无文号");
    expect(text).toContain("2022–2026年");
  });
});

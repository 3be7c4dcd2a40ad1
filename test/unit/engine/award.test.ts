/**
 * Golden cases for the upgrade award (R2–R6), taken from the documents' text and the R5 table:
 * every k, every threshold edge, every covered-years boundary, every exclusion tag.
 */
import { getPolicy } from "../../../src/policies";
import { awardSchedule, isFirstYearEligible, maxTotalAward, upgradeAward } from "../../../src/engine";
import type { Tag } from "../../../src/model";
import { fen, tags } from "./helpers";
import { errorOf } from "../xsg-error";

const lucheng = getPolicy("lucheng");
const jincheng = getPolicy("jincheng");
const minhou = getPolicy("minhou");
const hangzhou = getPolicy("hangzhou");
const shuncheng = getPolicy("shuncheng");

const REV = fen(2500);
const award = (
  policy = lucheng,
  revenue: number | null = REV,
  year = 2023,
  u: number | null = null,
  prev: number | null = null,
  mask = 0,
) => upgradeAward(policy, revenue, year, u, prev, mask);

describe("R2 threshold and R3 timeline (all regions)", () => {
  it.each([lucheng, jincheng, minhou, hangzhou, shuncheng])(
    "$id: 2000 万元 qualifies, 1999.9999 does not",
    (policy) => {
      const year = policy.coveredUpgradeYears.from;
      expect(award(policy, fen(2000), year)).toBeGreaterThan(0);
      expect(award(policy, fen("1999.9999"), year)).toBe(0);
    },
  );

  it.each([lucheng, jincheng, minhou, hangzhou, shuncheng])("$id: missing revenue is #N/A naming revenue", (policy) => {
    const error = errorOf(() => award(policy, null, policy.coveredUpgradeYears.from));
    expect(error.code).toBe("NA");
    expect(error.field).toBe("revenue");
  });

  it("U omitted means U = Y (first-year evaluation); U > Y is #VALUE! naming upgradeYear (k = −1)", () => {
    expect(award(lucheng, REV, 2024, null)).toBe(200_000);
    const error = errorOf(() => award(lucheng, REV, 2024, 2025));
    expect([error.code, error.field]).toEqual(["VALUE", "upgradeYear"]);
  });

  it("a non-integer year or negative money is #VALUE!", () => {
    expect(errorOf(() => award(lucheng, REV, 2023.5)).field).toBe("year");
    expect(errorOf(() => award(lucheng, -1, 2023)).code).toBe("VALUE");
    expect(errorOf(() => award(lucheng, REV, 2024, 2023, -5)).field).toBe("prevRevenue");
  });
});

describe("温州市鹿城区 （一）: 20 / 10 if growth / 10 if growth", () => {
  it("k = 0 pays 20 万元 without any growth test", () => {
    expect(award(lucheng, REV, 2023, 2023)).toBe(200_000);
  });
  it.each([1, 2])("k = %i pays 10 万元 when revenue > prevRevenue", (k) => {
    expect(award(lucheng, fen(2500), 2023 + k, 2023, fen(2400))).toBe(100_000);
    expect(award(lucheng, fen(2500), 2023 + k, 2023, fen("2499.9999"))).toBe(100_000);
  });
  it("equal or lower revenue is not growth", () => {
    expect(award(lucheng, fen(2500), 2024, 2023, fen(2500))).toBe(0);
    expect(award(lucheng, fen(2500), 2025, 2023, fen(3000))).toBe(0);
  });
  it("k ≥ 1 without prevRevenue is #N/A naming prevRevenue and the 应税销售额 test", () => {
    const error = errorOf(() => award(lucheng, fen(2500), 2024, 2023, null));
    expect([error.code, error.field]).toEqual(["NA", "prevRevenue"]);
    expect(error.detail).toContain("应税销售额");
  });
  it("revenue below 2000 gives 0 without needing prevRevenue (D11)", () => {
    expect(award(lucheng, fen(1500), 2024, 2023, null)).toBe(0);
  });
  it("k = 3 and later pay nothing", () => {
    expect(award(lucheng, fen(2500), 2026, 2023, fen(2000))).toBe(0);
    expect(award(lucheng, null, 2030, 2023, null)).toBe(0);
  });
  it.each([
    [2022, 0],
    [2023, 200_000],
    [2025, 200_000],
    [2026, 0],
  ])("covered upgrade years 2023–2025: U = %i ⇒ %i 元 at k = 0", (u, expected) => {
    expect(award(lucheng, REV, u, u)).toBe(expected);
  });
  it("later instalments are honoured after the document's end (R4): U 2025, Y 2027", () => {
    expect(award(lucheng, fen(2600), 2027, 2025, fen(2500))).toBe(100_000);
  });
  it.each<Tag>(["房地产", "国有", "行政事业单位", "亩均D", "严重失信"])(
    "exclusion tag %s ⇒ 0 (R6), even without revenue",
    (tag) => {
      expect(award(lucheng, REV, 2023, 2023, null, tags(tag))).toBe(0);
      expect(award(lucheng, null, 2023, 2023, null, tags(tag))).toBe(0);
      expect(maxTotalAward(lucheng, tags(tag))).toBe(0);
    },
  );
  it("亩均C keeps the upgrade award (附则2 exception)", () => {
    expect(award(lucheng, REV, 2023, 2023, null, tags("亩均C"))).toBe(200_000);
    expect(maxTotalAward(lucheng, tags("亩均C"))).toBe(400_000);
  });
  it("tags without meaning for the award change nothing", () => {
    expect(award(lucheng, REV, 2023, 2023, null, tags("自有工业用地", "个转企", "亩均A"))).toBe(200_000);
  });
});

describe("晋城市 （四）“211” and （五）", () => {
  it("k = 0 pays 20; with 战略新兴 20 + 30 = 50", () => {
    expect(award(jincheng, REV, 2022)).toBe(200_000);
    expect(award(jincheng, REV, 2022, null, null, tags("战略新兴"))).toBe(500_000);
  });
  it("k = 1 pays 10 with no prevRevenue test; the （五） bonus is once, at k = 0", () => {
    expect(award(jincheng, REV, 2023, 2022, null)).toBe(100_000);
    expect(award(jincheng, REV, 2023, 2022, fen(100))).toBe(100_000);
    expect(award(jincheng, REV, 2023, 2022, null, tags("战略新兴"))).toBe(100_000);
  });
  it("k = 2 pays 10 when prevRevenue, if given, ≥ 2000", () => {
    expect(award(jincheng, REV, 2024, 2022, null)).toBe(100_000);
    expect(award(jincheng, REV, 2024, 2022, fen(2000))).toBe(100_000);
    expect(award(jincheng, REV, 2024, 2022, fen("1999.9999"))).toBe(0);
  });
  it("k = 3 pays 0", () => expect(award(jincheng, REV, 2025, 2022, fen(3000))).toBe(0));
  it.each([
    [2020, 0],
    [2021, 200_000],
    [2035, 200_000],
  ])("covered from 2021 with no end: U = %i ⇒ %i", (u, expected) => {
    expect(award(jincheng, REV, u, u)).toBe(expected);
  });
  it("鹿城区's exclusion tags do not apply here (R6)", () => {
    expect(award(jincheng, REV, 2022, null, null, tags("国有", "房地产", "亩均D", "严重失信"))).toBe(200_000);
  });
  it("max total 40, 70 with 战略新兴", () => {
    expect(maxTotalAward(jincheng, 0)).toBe(400_000);
    expect(maxTotalAward(jincheng, tags("战略新兴"))).toBe(700_000);
  });
});

describe("福州市闽侯县 三(一): 30 万元 in three equal instalments", () => {
  it("k = 0, 1, 2 each pay 10", () => {
    expect(award(minhou, REV, 2022, 2022)).toBe(100_000);
    expect(award(minhou, REV, 2023, 2022, null)).toBe(100_000);
    expect(award(minhou, REV, 2024, 2022, fen(2000))).toBe(100_000);
  });
  it("k = 1, 2 need prevRevenue, when given, ≥ 2000 (leaving the library forfeits the rest)", () => {
    expect(award(minhou, REV, 2023, 2022, fen("1999.9999"))).toBe(0);
    expect(award(minhou, REV, 2024, 2022, fen(1000))).toBe(0);
  });
  it("k = 3 pays 0", () => expect(award(minhou, REV, 2025, 2022, fen(3000))).toBe(0));
  it.each([
    [2021, 0],
    [2022, 100_000],
    [2026, 100_000],
    [2027, 0],
  ])("covered 2022–2026: U = %i ⇒ %i", (u, expected) => {
    expect(award(minhou, REV, u, u)).toBe(expected);
  });
  it("max total 30", () => expect(maxTotalAward(minhou, tags("国有"))).toBe(300_000));
});

describe("杭州市 一: 不超过 20 / 0 / 不超过 30, +10 for 个转企 or 分公司转法人", () => {
  it("k = 0 pays the maximum 20; +10 with 个转企 or 分公司转法人 (not twice)", () => {
    expect(award(hangzhou, REV, 2024)).toBe(200_000);
    expect(award(hangzhou, REV, 2024, null, null, tags("个转企"))).toBe(300_000);
    expect(award(hangzhou, REV, 2024, null, null, tags("分公司转法人"))).toBe(300_000);
    expect(award(hangzhou, REV, 2024, null, null, tags("个转企", "分公司转法人"))).toBe(300_000);
  });
  it("k = 1 pays 0 (without needing revenue, D11)", () => {
    expect(award(hangzhou, REV, 2025, 2024, fen(3000))).toBe(0);
    expect(award(hangzhou, null, 2025, 2024, null)).toBe(0);
  });
  it("k = 2 (third consecutive year) pays 30 when prevRevenue, if given, ≥ 2000", () => {
    expect(award(hangzhou, REV, 2026, 2024, null)).toBe(300_000);
    expect(award(hangzhou, REV, 2026, 2024, fen(2000))).toBe(300_000);
    expect(award(hangzhou, REV, 2026, 2024, fen("1999.9999"))).toBe(0);
    expect(award(hangzhou, REV, 2026, 2024, null, tags("个转企"))).toBe(300_000);
  });
  it("k = 3 pays 0", () => expect(award(hangzhou, REV, 2027, 2024, fen(3000))).toBe(0));
  it.each([
    [2023, 0],
    [2024, 200_000],
    [2026, 200_000],
    [2027, 0],
  ])("covered 2024–2026: U = %i ⇒ %i", (u, expected) => {
    expect(award(hangzhou, REV, u, u)).toBe(expected);
  });
  it("the 30 of an enterprise upgraded in 2026 is honoured in 2028 (R4)", () => {
    expect(award(hangzhou, REV, 2028, 2026, fen(2100))).toBe(300_000);
  });
  it("max total 50, 60 with 个转企", () => {
    expect(maxTotalAward(hangzhou, 0)).toBe(500_000);
    expect(maxTotalAward(hangzhou, tags("个转企"))).toBe(600_000);
  });
});

describe("抚顺市顺城区 14, 15: 10 万元 once (市级), provincial award unquantified", () => {
  it("k = 0 returns the quantified 10; later years 0", () => {
    expect(award(shuncheng, REV, 2023)).toBe(100_000);
    expect(award(shuncheng, REV, 2024, 2023, fen(2500))).toBe(0);
    expect(award(shuncheng, REV, 2025, 2023, fen(2500))).toBe(0);
  });
  it.each([
    [2022, 0],
    [2023, 100_000],
    [2030, 100_000],
  ])("covered from 2023: U = %i ⇒ %i", (u, expected) => {
    expect(award(shuncheng, REV, u, u)).toBe(expected);
  });
  it("max total 10", () => expect(maxTotalAward(shuncheng, 0)).toBe(100_000));
});

describe("ELIGIBLE (first-year award in year)", () => {
  it("follows the k = 0 award", () => {
    expect(isFirstYearEligible(lucheng, fen(2000), 2023, 0)).toBe(true);
    expect(isFirstYearEligible(lucheng, fen("1999.9999"), 2023, 0)).toBe(false);
    expect(isFirstYearEligible(lucheng, fen(2000), 2023, tags("国有"))).toBe(false);
    expect(isFirstYearEligible(lucheng, fen(2000), 2022, 0)).toBe(false);
    expect(isFirstYearEligible(hangzhou, fen(3000), 2023, 0)).toBe(false);
    expect(isFirstYearEligible(shuncheng, fen(3000), 2023, 0)).toBe(true);
    expect(errorOf(() => isFirstYearEligible(jincheng, null, 2023, 0)).field).toBe("revenue");
  });
});

describe("SCHEDULE (k = 0, 1, 2 maxima)", () => {
  const rows = (policy = lucheng, u = 2023, mask = 0) =>
    awardSchedule(policy, u, mask).map((row) => [row.year, row.maxYuan]);
  it("per region", () => {
    expect(rows(lucheng, 2023)).toEqual([
      [2023, 200_000],
      [2024, 100_000],
      [2025, 100_000],
    ]);
    expect(rows(jincheng, 2022, tags("战略新兴"))).toEqual([
      [2022, 500_000],
      [2023, 100_000],
      [2024, 100_000],
    ]);
    expect(rows(minhou, 2026)).toEqual([
      [2026, 100_000],
      [2027, 100_000],
      [2028, 100_000],
    ]);
    expect(rows(hangzhou, 2024, tags("分公司转法人"))).toEqual([
      [2024, 300_000],
      [2025, 0],
      [2026, 300_000],
    ]);
    expect(rows(shuncheng, 2023)).toEqual([
      [2023, 100_000],
      [2024, 0],
      [2025, 0],
    ]);
  });
  it("an uncovered upgrade year or an excluded enterprise schedules zeros", () => {
    expect(rows(hangzhou, 2027)).toEqual([
      [2027, 0],
      [2028, 0],
      [2029, 0],
    ]);
    expect(rows(lucheng, 2023, tags("严重失信"))).toEqual([
      [2023, 0],
      [2024, 0],
      [2025, 0],
    ]);
  });
  it("the schedule sums to the max total for a covered year", () => {
    for (const policy of [lucheng, jincheng, minhou, hangzhou, shuncheng]) {
      const u = policy.coveredUpgradeYears.from;
      const sum = awardSchedule(policy, u, tags("战略新兴", "个转企")).reduce((total, row) => total + row.maxYuan, 0);
      expect(sum).toBe(maxTotalAward(policy, tags("战略新兴", "个转企")));
    }
  });
});

describe("omitted inputs as hosts pass them", () => {
  it("undefined means missing, like null; a missing year is #N/A naming year", () => {
    const u = undefined as unknown as null;
    expect(upgradeAward(hangzhou, fen(2500), 2024, u, u, u as unknown as number)).toBe(200_000);
    expect(errorOf(() => upgradeAward(hangzhou, u, 2024, null, null, 0)).field).toBe("revenue");
    const error = errorOf(() => upgradeAward(hangzhou, fen(2500), u as unknown as number, null, null, 0));
    expect([error.code, error.field]).toEqual(["NA", "year"]);
  });
});

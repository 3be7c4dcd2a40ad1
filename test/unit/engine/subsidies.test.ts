/**
 * Golden cases for TECH (R8), RENT (R9), BID (R10) and STATUS (R14), from the documents:
 * every threshold edge and every cap, with exact rounding (R1).
 */
import { getPolicy } from "../../../src/policies";
import { contractAward, cultivationStatus, rentSubsidy, techSubsidy } from "../../../src/engine";
import type { Tag } from "../../../src/model";
import { fen, tags } from "./helpers";
import { errorOf } from "../xsg-error";

const lucheng = getPolicy("lucheng");
const jincheng = getPolicy("jincheng");
const minhou = getPolicy("minhou");
const hangzhou = getPolicy("hangzhou");
const shuncheng = getPolicy("shuncheng");

describe("TECH: 鹿城区（三） 1% in the upgrade year", () => {
  const tech = (investment: number | null, year = 2023, u: number | null = 2023, mask = 0) =>
    techSubsidy(lucheng, investment, year, u, mask);
  it("1% of the investment, rounded half up to the 元 (R1)", () => {
    expect(tech(fen(100))).toBe(10_000);
    expect(tech(fen("333.33"))).toBe(33_333);
    expect(tech(fen("0.0050"))).toBe(1); // 0.5 元 rounds up
    expect(tech(fen("0.0049"))).toBe(0);
  });
  it("only at k = 0", () => {
    expect(tech(fen(100), 2024, 2023)).toBe(0);
  });
  it.each<Tag>(["亩均C", "亩均D", "严重失信", "国有", "房地产", "行政事业单位"])("not for %s (R6, R8)", (tag) => {
    expect(tech(fen(100), 2023, 2023, tags(tag))).toBe(0);
  });
  it("uncovered upgrade year ⇒ 0; missing investment ⇒ #N/A naming investment", () => {
    expect(tech(fen(100), 2026, 2026)).toBe(0);
    const error = errorOf(() => tech(null));
    expect([error.code, error.field]).toEqual(["NA", "investment"]);
  });
});

describe("TECH: 闽侯县 三(三) ≥ 100 万元 → 3%, cap 500 per year, k = 0..2", () => {
  const tech = (investment: number | null, year = 2023, u: number | null = 2023) =>
    techSubsidy(minhou, investment, year, u, 0);
  it("threshold 100 万元 inclusive", () => {
    expect(tech(fen("99.9999"))).toBe(0);
    expect(tech(fen(100))).toBe(30_000);
  });
  it("3% of 333.33 万元 is exactly 9.9999 万元 (R1)", () => {
    expect(tech(fen("333.33"))).toBe(99_999);
  });
  it("capped at 500 万元 per year", () => {
    expect(tech(fen("16666.6"))).toBe(4_999_980);
    expect(tech(fen("16666.67"))).toBe(5_000_000); // 500.0001 万元 → cap
    expect(tech(fen(16_000))).toBe(4_800_000);
    expect(tech(fen(20_000))).toBe(5_000_000);
  });
  it("k = 0..2 only; covered 2022–2026", () => {
    expect(tech(fen(100), 2025, 2023)).toBe(30_000);
    expect(tech(fen(100), 2026, 2023)).toBe(0);
    expect(tech(fen(100), 2021, 2021)).toBe(0);
  });
});

describe("TECH: 杭州市 五 ≥ 500 万元 → 20% key industries (cap 1亿) else 10% (cap 5000), k = 0..2", () => {
  const tech = (investment: number | null, mask = 0, year = 2024, u: number | null = 2024) =>
    techSubsidy(hangzhou, investment, year, u, mask);
  it("threshold 500 万元 inclusive", () => {
    expect(tech(fen("499.99"))).toBe(0);
    expect(tech(fen("499.9999"), tags("新材料"))).toBe(0);
    expect(tech(fen(500))).toBe(500_000);
  });
  it.each<Tag>(["新一代信息技术", "高端装备", "生物医药", "集成电路", "新能源", "新材料"])("20% for %s", (tag) => {
    expect(tech(fen(500), tags(tag))).toBe(1_000_000);
  });
  it("caps: 10% at 5000 万元, 20% at 1亿元 = 10000 万元", () => {
    expect(tech(fen(50_000))).toBe(50_000_000);
    expect(tech(fen(60_000))).toBe(50_000_000);
    expect(tech(fen(50_000), tags("集成电路"))).toBe(100_000_000);
    expect(tech(fen(60_000), tags("集成电路"))).toBe(100_000_000);
  });
  it("k = 2 yes, k = 3 no", () => {
    expect(tech(fen(500), 0, 2026, 2024)).toBe(500_000);
    expect(tech(fen(500), 0, 2027, 2024)).toBe(0);
  });
});

describe("TECH: 晋城市, 顺城区 have no tech clause ⇒ 0", () => {
  it("0 even without an investment", () => {
    expect(techSubsidy(jincheng, fen(1000), 2023, 2023, 0)).toBe(0);
    expect(techSubsidy(shuncheng, null, 2023, 2023, 0)).toBe(0);
  });
});

describe("RENT: 鹿城区（二） 2 元/m²·月, cap 20 万元", () => {
  const rent = (area: number | null, months: number | null, mask = 0) => rentSubsidy(lucheng, area, months, null, mask);
  it("area × months × 2 元, exact", () => {
    expect(rent(1000, 12)).toBe(24_000);
    expect(rent(1000.01, 36)).toBe(72_001); // 72000.72 rounds up
    expect(rent(0.25, 1)).toBe(1); // 0.5 元 rounds up
  });
  it("capped at 20 万元 per enterprise", () => {
    expect(rent(2777, 36)).toBe(199_944);
    expect(rent(2778, 36)).toBe(200_000);
    expect(rent(5000, 36)).toBe(200_000);
  });
  it.each<Tag>(["自有工业用地", "同一实控人同地块", "国有", "亩均D", "严重失信"])("0 with %s", (tag) => {
    expect(rent(1000, 12, tags(tag))).toBe(0);
  });
  it("亩均C keeps the rent subsidy (附则2)", () => expect(rent(1000, 12, tags("亩均C"))).toBe(24_000));
  it("missing area or months ⇒ #N/A naming it", () => {
    expect(errorOf(() => rent(null, 12)).field).toBe("area");
    expect(errorOf(() => rent(1000, null)).field).toBe("months");
  });
});

describe("RENT: 杭州市 七 area > 1000 m², lease ≥ 36 months → one month's rent per year", () => {
  const rent = (area: number | null, months: number | null, monthly: number | null) =>
    rentSubsidy(hangzhou, area, months, monthly, 0);
  it("area 1000 does not exceed 1000; 1000.01 does", () => {
    expect(rent(1000, 36, fen(5))).toBe(0);
    expect(rent(1000.01, 36, fen(5))).toBe(150_000);
  });
  it("months 35 ⇒ 0; 36 ⇒ three months' rent", () => {
    expect(rent(1200, 35, fen(5))).toBe(0);
    expect(rent(1200, 36, fen(5))).toBe(150_000);
    expect(rent(1200, 40, fen("1.0001"))).toBe(33_337); // 10001 × 40 / 12 = 33336.67
  });
  it("without monthlyRent ⇒ #N/A naming monthlyRent, unless the thresholds already fail", () => {
    const error = errorOf(() => rent(1200, 36, null));
    expect([error.code, error.field]).toEqual(["NA", "monthlyRent"]);
    expect(rent(800, 36, null)).toBe(0);
    expect(rent(1200, 24, null)).toBe(0);
  });
});

describe("RENT: 晋城市（十二） is promised but unquantified; 闽侯县, 顺城区 give none", () => {
  it("晋城市 ⇒ #N/A saying the amount is not stated", () => {
    const error = errorOf(() => rentSubsidy(jincheng, 2000, 36, fen(5), 0));
    expect(error.code).toBe("NA");
    expect(error.detail).toContain("（十二）");
    expect(error.detail).toContain("未规定金额");
  });
  it("闽侯县, 顺城区 ⇒ 0", () => {
    expect(rentSubsidy(minhou, 2000, 36, fen(5), 0)).toBe(0);
    expect(rentSubsidy(shuncheng, null, null, null, 0)).toBe(0);
  });
});

describe("BID: 闽侯县（8） ≥ 200 万元 → 3%, cap 100 per project, k = 0..2", () => {
  const bid = (contract: number | null, year: number | null = 2023, u: number | null = 2023) =>
    contractAward(minhou, contract, year, u);
  it("threshold 200 万元 inclusive", () => {
    expect(bid(fen("199.99"))).toBe(0);
    expect(bid(fen(200))).toBe(60_000);
  });
  it("3% exactly, capped at 100 万元 per project", () => {
    expect(bid(fen("3333.33"))).toBe(999_999);
    expect(bid(fen("3333.34"))).toBe(1_000_000);
    expect(bid(fen(5000))).toBe(1_000_000);
  });
  it("k = 0..2 within covered years; without year the years are not checked", () => {
    expect(bid(fen(200), 2025, 2023)).toBe(60_000);
    expect(bid(fen(200), 2026, 2023)).toBe(0);
    expect(bid(fen(200), 2027, 2027)).toBe(0);
    expect(bid(fen(200), null, null)).toBe(60_000);
    expect(bid(fen(200), null, 2021)).toBe(0);
  });
  it("missing contract ⇒ #N/A; U > Y ⇒ #VALUE!", () => {
    expect(errorOf(() => bid(null)).field).toBe("contract");
    expect(errorOf(() => bid(fen(200), 2023, 2024)).code).toBe("VALUE");
  });
  it("other regions ⇒ 0", () => {
    for (const policy of [lucheng, jincheng, hangzhou, shuncheng])
      expect(contractAward(policy, fen(5000), 2024, 2024)).toBe(0);
  });
});

describe("STATUS (R14)", () => {
  it("闽侯县 pool ≥ 500 万元", () => {
    expect(cultivationStatus(minhou, fen("499.9999"))).toBe("规下");
    expect(cultivationStatus(minhou, fen(500))).toBe("培育");
    expect(cultivationStatus(minhou, fen("1999.9999"))).toBe("培育");
    expect(cultivationStatus(minhou, fen(2000))).toBe("规上");
  });
  it("顺城区 pool 1500 to under 2000", () => {
    expect(cultivationStatus(shuncheng, fen("1499.9999"))).toBe("规下");
    expect(cultivationStatus(shuncheng, fen(1500))).toBe("培育");
    expect(cultivationStatus(shuncheng, fen("1999.9999"))).toBe("培育");
    expect(cultivationStatus(shuncheng, fen(2000))).toBe("规上");
  });
  it("regions without a pool: 规上 or 规下", () => {
    for (const policy of [lucheng, jincheng, hangzhou]) {
      expect(cultivationStatus(policy, fen(1999))).toBe("规下");
      expect(cultivationStatus(policy, fen(2000))).toBe("规上");
    }
  });
  it("missing revenue ⇒ #N/A", () => {
    expect(errorOf(() => cultivationStatus(minhou, null as unknown as number)).field).toBe("revenue");
  });
});

/**
 * XSG.AWARD, ELIGIBLE, TOTAL, SCHEDULE, EXPLAIN through Excel's call shape,
 * against rulings R2–R6 (the expected numbers are the rulings' tables in 万元).
 */
import { call, EMPTY_CELL, excelError, OMIT, value, wan } from "./excel-call";

describe("R2 规模以上 threshold (2000 万元 qualifies)", () => {
  it.each([
    ["杭州市", 1999.9999, 0],
    ["杭州市", 2000, 20],
    ["杭州市", "2000万元", 20],
    ["温州市鹿城区", 1999.99, 0],
    ["温州市鹿城区", 2000, 20],
    ["福州市闽侯县", 2000, 10],
    ["抚顺市顺城区", 2000, 10],
    ["晋城市", 2000, 20],
  ])("AWARD(%s, %p, 2024) = %p", (region, revenue, expected) => {
    expect(wan("AWARD", region, revenue, 2024)).toBe(expected);
  });

  it("needs revenue ≥ 2000 in the evaluated year at every k", () => {
    expect(wan("AWARD", "杭州市", 1999, 2026, 2024, 2100)).toBe(0);
    expect(wan("AWARD", "福州市闽侯县", 1500, 2024, 2023, 2100)).toBe(0);
  });
});

describe("R3 timeline: k = year − upgradeYear", () => {
  it("omitted upgradeYear means a first-year evaluation (U = Y)", () => {
    expect(wan("AWARD", "杭州市", 2500, 2025)).toBe(20);
    expect(wan("AWARD", "杭州市", 2500, 2025, OMIT, OMIT, OMIT)).toBe(20);
    expect(wan("AWARD", "杭州市", 2500, 2025, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL)).toBe(20);
  });

  it("upgradeYear after year is #VALUE! naming upgradeYear", () => {
    const error = excelError("AWARD", "杭州市", 2500, 2024, 2025);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^参数 upgradeYear（升规年份）：/);
  });

  it("year may be text with 年 or an Excel date serial", () => {
    expect(wan("AWARD", "杭州市", 2500, "2026年", 2024, 2100)).toBe(30);
    expect(wan("AWARD", "杭州市", 2500, 46023, 2024, 2100)).toBe(30); // 2026-01-01
    expect(wan("AWARD", "杭州市", 2500, 45292)).toBe(20); // 2024-01-01
    expect(wan("AWARD", "杭州市", 2500, 2026, 45657, 2100)).toBe(30); // upgradeYear 2024-12-31
  });

  it("a missing year is #N/A naming year; an impossible one #VALUE!", () => {
    const missing = excelError("AWARD", "杭州市", 2500, EMPTY_CELL);
    expect(missing.code).toBe("#N/A");
    expect(missing.message).toMatch(/^参数 year（年度）：/);
    const garbage = excelError("AWARD", "杭州市", 2500, "明年");
    expect(garbage.code).toBe("#VALUE!");
    expect(garbage.message).toMatch(/^参数 year（年度）：/);
    expect(excelError("AWARD", "杭州市", 2500, 2024.5).code).toBe("#VALUE!");
  });
});

describe("R4 covered upgrade years; later instalments honoured after the end date", () => {
  it.each([
    ["温州市鹿城区", 2022, 0],
    ["温州市鹿城区", 2023, 20],
    ["温州市鹿城区", 2025, 20],
    ["晋城市", 2020, 0],
    ["晋城市", 2021, 20],
    ["晋城市", 2030, 20],
    ["福州市闽侯县", 2021, 0],
    ["福州市闽侯县", 2022, 10],
    ["福州市闽侯县", 2026, 10],
    ["杭州市", 2023, 0],
    ["杭州市", 2024, 20],
    ["杭州市", 2026, 20],
    ["抚顺市顺城区", 2022, 0],
    ["抚顺市顺城区", 2023, 10],
  ])("first-year AWARD(%s) upgraded in %p = %p", (region, upgradeYear, expected) => {
    expect(wan("AWARD", region, 2500, upgradeYear, upgradeYear)).toBe(expected);
  });

  it.each([
    ["温州市鹿城区", 2026, "温鹿政办〔2022〕74号", 2025],
    ["福州市闽侯县", 2027, "（征求意见稿，无文号）", 2026],
    ["杭州市", 2027, "杭政办函〔2024〕3号", 2026],
  ])(
    "an upgrade in %s after every encoded document (%p) is #N/A telling a newer document can be imported",
    (region, upgradeYear, documentNumber, last) => {
      for (const error of [
        excelError("AWARD", region, 2500, upgradeYear, upgradeYear),
        excelError("TECH", region, 600, upgradeYear, upgradeYear),
        excelError("EXPLAIN", region, 2500, upgradeYear, upgradeYear),
        excelError("SCHEDULE", region, upgradeYear),
      ]) {
        expect(error.code).toBe("#N/A");
        expect(error.message).toContain(`升规年份 ${upgradeYear} 晚于${region}已编码政策文件的覆盖期`);
        expect(error.message).toContain(`最晚覆盖 ${last} 年升规的企业，${documentNumber}`);
        expect(error.message).toContain("请导入政策文件后重新计算");
      }
      // U omitted is U = Y: the evaluated year names the argument.
      expect(excelError("ELIGIBLE", region, 2500, upgradeYear).message).toMatch(/^参数 year（年度）：升规年份/);
      // An impossible upgrade year stays #VALUE! (R3), checked first.
      expect(excelError("AWARD", region, 2500, upgradeYear, upgradeYear + 1).code).toBe("#VALUE!");
    },
  );

  it("pays the k = 2 instalment of an upgrade the document covered, after the document ends", () => {
    expect(wan("AWARD", "杭州市", 2500, 2028, 2026, 2100)).toBe(30);
    expect(wan("AWARD", "温州市鹿城区", 2600, 2027, 2025, 2500)).toBe(10);
    expect(wan("AWARD", "福州市闽侯县", 2500, 2028, 2026, 2100)).toBe(10);
  });
});

describe("R5 upgrade award by k", () => {
  it.each([
    // region, year, upgradeYear, prevRevenue, tags, expected
    ["温州市鹿城区", 2024, 2024, OMIT, OMIT, 20],
    ["温州市鹿城区", 2025, 2024, 2500, OMIT, 10],
    ["温州市鹿城区", 2025, 2024, 2600, OMIT, 0], // revenue 2600 not > 2600
    ["温州市鹿城区", 2026, 2024, 2500, OMIT, 10],
    ["温州市鹿城区", 2027, 2024, 2500, OMIT, 0], // k = 3
    ["晋城市", 2024, 2024, OMIT, OMIT, 20],
    ["晋城市", 2024, 2024, OMIT, "战略新兴", 50],
    ["晋城市", 2025, 2024, OMIT, "战略新兴", 10],
    ["晋城市", 2025, 2024, 1000, OMIT, 10],
    ["晋城市", 2026, 2024, 2100, OMIT, 10],
    ["晋城市", 2026, 2024, 1999, OMIT, 0],
    ["晋城市", 2026, 2024, OMIT, OMIT, 10],
    ["福州市闽侯县", 2024, 2024, OMIT, OMIT, 10],
    ["福州市闽侯县", 2025, 2024, 2000, OMIT, 10],
    ["福州市闽侯县", 2025, 2024, 1999, OMIT, 0],
    ["福州市闽侯县", 2026, 2024, OMIT, OMIT, 10],
    ["福州市闽侯县", 2027, 2024, 2100, OMIT, 0],
    ["杭州市", 2024, 2024, OMIT, OMIT, 20],
    ["杭州市", 2024, 2024, OMIT, "个转企", 30],
    ["杭州市", 2024, 2024, OMIT, "分公司转法人", 30],
    ["杭州市", 2025, 2024, 2100, "个转企", 0],
    ["杭州市", 2026, 2024, 2100, OMIT, 30],
    ["杭州市", 2026, 2024, 1999.9999, OMIT, 0],
    ["杭州市", 2026, 2024, OMIT, OMIT, 30],
    ["抚顺市顺城区", 2024, 2024, OMIT, OMIT, 10],
    ["抚顺市顺城区", 2025, 2024, 2100, OMIT, 0],
    ["抚顺市顺城区", 2026, 2024, 2100, OMIT, 0],
  ])("AWARD(%s, 2600, %p, %p, prev %p, %p) = %p", (region, year, upgradeYear, prev, tags, expected) => {
    expect(wan("AWARD", region, 2600, year, upgradeYear, prev, tags)).toBe(expected);
  });

  it("鹿城区 k ≥ 1 without prevRevenue is #N/A naming prevRevenue (the growth test cannot be made)", () => {
    for (const year of [2025, 2026]) {
      const error = excelError("AWARD", "温州市鹿城区", 2600, year, 2024);
      expect(error.code).toBe("#N/A");
      expect(error.message).toMatch(/^参数 prevRevenue（上年营业收入）：/);
    }
  });

  it("a missing revenue is #N/A naming revenue", () => {
    const error = excelError("AWARD", "杭州市", EMPTY_CELL, 2024);
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^参数 revenue（营业收入）：/);
  });
});

describe("R6 exclusions (鹿城区 only)", () => {
  it.each(["房地产", "国有", "行政事业单位", "亩均D", "严重失信", "国有控股"])("鹿城区 with %s: no award", (tag) => {
    expect(wan("AWARD", "温州市鹿城区", 2500, 2024, OMIT, OMIT, tag)).toBe(0);
    expect(value("ELIGIBLE", "温州市鹿城区", 2500, 2024, tag)).toBe(false);
  });

  it("鹿城区 亩均C keeps the upgrade award", () => {
    expect(wan("AWARD", "温州市鹿城区", 2500, 2024, OMIT, OMIT, "亩均C")).toBe(20);
    expect(wan("AWARD", "温州市鹿城区", 2500, 2024, OMIT, OMIT, "亩均C类")).toBe(20);
  });

  it.each(["房地产", "国有", "亩均D", "严重失信"])("other regions ignore %s", (tag) => {
    expect(wan("AWARD", "杭州市", 2500, 2024, OMIT, OMIT, tag)).toBe(20);
    expect(wan("AWARD", "福州市闽侯县", 2500, 2024, OMIT, OMIT, tag)).toBe(10);
  });
});

describe("XSG.ELIGIBLE", () => {
  it.each([
    ["杭州市", 2000, 2024, OMIT, true],
    ["杭州市", 1999.99, 2024, OMIT, false],
    ["杭州市", 2500, 2023, OMIT, false], // upgrade year not covered (R4)
    ["晋城", 2000, 2024, OMIT, true],
    ["温州市鹿城区", 2500, 2024, "亩均C", true],
    ["温州市鹿城区", 2500, 2024, [["亩均A"], ["严重失信"]], false],
  ])("ELIGIBLE(%s, %p, %p, %p) = %p", (region, revenue, year, tags, expected) => {
    expect(value("ELIGIBLE", region, revenue, year, tags)).toBe(expected);
  });
});

describe("XSG.TOTAL (R5 max total)", () => {
  it.each([
    ["温州市鹿城区", OMIT, 40],
    ["晋城市", OMIT, 40],
    ["晋城市", "战略新兴", 70],
    ["福州市闽侯县", OMIT, 30],
    ["杭州市", OMIT, 50],
    ["杭州市", "个转企", 60],
    ["杭州市", [["分公司转法人"]], 60],
    ["抚顺市顺城区", OMIT, 10],
    ["温州市鹿城区", "国有", 0],
  ])("TOTAL(%s, %p) = %p", (region, tags, expected) => {
    expect(wan("TOTAL", region, tags)).toBe(expected);
  });
});

describe("XSG.SCHEDULE (spills 3 × 2)", () => {
  it("杭州市: 20, 0, 30 (+10 at k = 0 with 个转企)", () => {
    expect(value("SCHEDULE", "杭州市", 2024)).toEqual([
      [2024, 20],
      [2025, 0],
      [2026, 30],
    ]);
    expect(value("SCHEDULE", "杭州", "2024年", "个转企")).toEqual([
      [2024, 30],
      [2025, 0],
      [2026, 30],
    ]);
  });

  it.each([
    ["温州市鹿城区", 2023, [20, 10, 10]],
    ["晋城市", 2022, [20, 10, 10]],
    ["福州市闽侯县", 2022, [10, 10, 10]],
    ["抚顺市顺城区", 2023, [10, 0, 0]],
  ])("%s upgraded in %p: %p", (region, upgradeYear, amounts) => {
    const u = upgradeYear as number;
    expect(value("SCHEDULE", region, u)).toEqual((amounts as number[]).map((amount, k) => [u + k, amount]));
  });

  it("a year the document does not cover schedules nothing", () => {
    expect(value("SCHEDULE", "杭州市", 2023)).toEqual([
      [2023, 0],
      [2024, 0],
      [2025, 0],
    ]);
  });

  it("sums to TOTAL for a covered year", () => {
    for (const region of ["温州市鹿城区", "晋城市", "福州市闽侯县", "杭州市", "抚顺市顺城区"]) {
      const rows = value("SCHEDULE", region, 2024) as number[][];
      expect(rows.reduce((sum, row) => sum + row[1], 0)).toBeCloseTo(wan("TOTAL", region), 10);
    }
  });

  it("a missing upgradeYear is #N/A naming upgradeYear", () => {
    const error = excelError("SCHEDULE", "杭州市", EMPTY_CELL);
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^参数 upgradeYear（升规年份）：/);
  });
});

describe("XSG.EXPLAIN", () => {
  it("gives the amount, the document number, the clause and the rulings in Chinese", () => {
    const text = value("EXPLAIN", "杭州市", 2500, 2024, OMIT, OMIT, "个转企") as string;
    expect(typeof text).toBe("string");
    expect(text).toContain("杭政办函〔2024〕3号");
    expect(text).toContain("30");
    expect(text).toContain("不超过");
    expect(text).toMatch(/R5/);
  });

  it("鹿城区 says which figure the growth test compared (the text tests 应税销售额)", () => {
    const text = value("EXPLAIN", "温州市鹿城区", 2600, 2025, 2024, 2500) as string;
    expect(text).toContain("温鹿政办〔2022〕74号");
    expect(text).toContain("应税销售额");
  });

  it("顺城区 names the unquantified provincial award", () => {
    const text = value("EXPLAIN", "抚顺市顺城区", 2500, 2024) as string;
    expect(text).toContain("辽政发〔2023〕1号");
  });

  it("agrees with AWARD on errors (R11)", () => {
    const award = excelError("AWARD", "杭州市", "abc", 2024);
    const explain = call("EXPLAIN", "杭州市", "abc", 2024);
    expect(explain).toEqual({ error: award });
  });
});

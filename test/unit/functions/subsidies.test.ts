/**
 * XSG.TECH, RENT, BID and STATUS through Excel's call shape, against rulings
 * R8, R9, R10, R14 (amounts in 万元, exact per R1).
 */
import { excelError, OMIT, value, wan } from "./excel-call";

describe("XSG.TECH (R8)", () => {
  it.each([
    // region, investment, year, upgradeYear, tags, expected
    ["温州市鹿城区", 1000, 2024, OMIT, OMIT, 10],
    ["温州市鹿城区", 333.33, 2024, OMIT, OMIT, 3.3333],
    ["温州市鹿城区", 1000, 2025, 2024, OMIT, 0], // k = 1
    ["福州市闽侯县", 100, 2024, OMIT, OMIT, 3],
    ["福州市闽侯县", 99.9999, 2024, OMIT, OMIT, 0],
    ["福州市闽侯县", 333.33, 2024, OMIT, OMIT, 9.9999], // 3% exactly, no float noise
    ["福州市闽侯县", 1000, 2026, 2024, OMIT, 30], // k = 2
    ["福州市闽侯县", 1000, 2027, 2024, OMIT, 0], // k = 3
    ["福州市闽侯县", 16666.67, 2024, OMIT, OMIT, 500], // 500.0001 capped
    ["福州市闽侯县", 20000, 2024, OMIT, OMIT, 500],
    ["杭州市", 500, 2024, OMIT, OMIT, 50],
    ["杭州市", 499.99, 2024, OMIT, OMIT, 0],
    ["杭州市", 333.33, 2024, OMIT, OMIT, 0], // below the 500 threshold
    ["杭州市", 1234.5678, 2024, OMIT, OMIT, 123.4568], // 1234567.8 元 rounds half up
    ["杭州市", 500, 2024, OMIT, "新材料", 100],
    ["杭州市", 500, 2026, 2024, "高端装备", 100],
    ["杭州市", 500, 2027, 2024, "高端装备", 0],
    ["杭州市", 60000, 2024, OMIT, OMIT, 5000],
    ["杭州市", 60000, 2024, OMIT, "新一代信息技术", 10000],
    ["杭州市", 50000, 2024, OMIT, [["生物医药"], ["个转企"]], 10000],
    ["杭州市", 50000, 2024, OMIT, OMIT, 5000],
    ["晋城市", 1000, 2024, OMIT, OMIT, 0],
    ["抚顺市顺城区", 1000, 2024, OMIT, OMIT, 0],
  ])("TECH(%s, %p, %p, %p, %p) = %p", (region, investment, year, upgradeYear, tags, expected) => {
    expect(wan("TECH", region, investment, year, upgradeYear, tags)).toBe(expected);
  });

  it.each(["亩均C", "亩均D", "严重失信", "国有", "房地产", "行政事业单位"])(
    "鹿城区 refuses the tech subsidy for %s (R6, R8)",
    (tag) => {
      expect(wan("TECH", "温州市鹿城区", 1000, 2024, OMIT, tag)).toBe(0);
    },
  );

  it("investment as text with units (R1)", () => {
    expect(wan("TECH", "杭州市", "1000万元", 2024)).toBe(100);
    expect(wan("TECH", "杭州市", "0.1亿", 2024)).toBe(100);
    expect(wan("TECH", "福州市闽侯县", "1,000,000元", 2024)).toBe(3);
  });

  it("a malformed or negative investment is #VALUE! naming investment", () => {
    for (const bad of ["很多", -100]) {
      const error = excelError("TECH", "杭州市", bad, 2024);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(/^参数 investment（技改投资）：/);
    }
  });
});

describe("XSG.RENT (R9)", () => {
  it.each([
    // region, area, months, monthlyRent, tags, expected
    ["温州市鹿城区", 1000, 12, OMIT, OMIT, 2.4], // 2 元/m²/月 × 1000 × 12
    ["温州市鹿城区", 333, 7, OMIT, OMIT, 0.4662],
    ["温州市鹿城区", 5000, 36, OMIT, OMIT, 20], // 36 万 capped at 20 万
    ["温州市鹿城区", 1000, 12, OMIT, "亩均C", 2.4],
    ["温州市鹿城区", 1000, 12, OMIT, "自有工业用地", 0],
    ["温州市鹿城区", 1000, 12, OMIT, "同一实控人同地块", 0],
    ["温州市鹿城区", 1000, 12, OMIT, "国有", 0], // R6: no fiscal award at all
    ["杭州市", 1001, 36, 5, OMIT, 15], // one month's rent per year: 5 × 36 / 12
    ["杭州市", "1200平方米", "3年", "50000元", OMIT, 15],
    ["杭州市", 1000, 36, 5, OMIT, 0], // area must exceed 1000 m²
    ["杭州市", 1001, 35, 5, OMIT, 0], // lease must be ≥ 36 months
    ["福州市闽侯县", 2000, 36, 5, OMIT, 0],
    ["抚顺市顺城区", 2000, 36, 5, OMIT, 0],
  ])("RENT(%s, %p, %p, %p, %p) = %p", (region, area, months, monthlyRent, tags, expected) => {
    expect(wan("RENT", region, area, months, monthlyRent, tags)).toBe(expected);
  });

  it("杭州市 without monthlyRent is #N/A naming monthlyRent", () => {
    const error = excelError("RENT", "杭州市", 1500, 36);
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^参数 monthlyRent（月租金）：/);
  });

  it("晋城市 promises rent support without a number: #N/A", () => {
    const error = excelError("RENT", "晋城市", 1500, 36, 5);
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^参数 /);
  });

  it("malformed area or months are #VALUE! naming them", () => {
    const area = excelError("RENT", "温州市鹿城区", "一千平", 12);
    expect(area.code).toBe("#VALUE!");
    expect(area.message).toMatch(/^参数 area（租赁面积）：/);
    const months = excelError("RENT", "温州市鹿城区", 1000, 1.5);
    expect(months.code).toBe("#VALUE!");
    expect(months.message).toMatch(/^参数 months（租期（月））：/);
  });
});

describe("XSG.BID (R10)", () => {
  it.each([
    // region, contract, year, upgradeYear, expected
    ["福州市闽侯县", 200, 2024, OMIT, 6],
    ["福州市闽侯县", 199.99, 2024, OMIT, 0],
    ["福州市闽侯县", "500万元", 2024, OMIT, 15],
    ["福州市闽侯县", 333.33, 2024, OMIT, 9.9999],
    ["福州市闽侯县", 5000, 2024, OMIT, 100], // 150 capped at 100 per project
    ["福州市闽侯县", 500, 2024, 2022, 15], // k = 2
    ["福州市闽侯县", 500, 2025, 2022, 0], // k = 3
    ["福州市闽侯县", 500, OMIT, OMIT, 15],
    ["杭州市", 500, 2024, OMIT, 0],
    ["温州市鹿城区", 500, 2024, OMIT, 0],
    ["晋城市", 500, 2024, OMIT, 0],
    ["抚顺市顺城区", 500, 2024, OMIT, 0],
  ])("BID(%s, %p, %p, %p) = %p", (region, contract, year, upgradeYear, expected) => {
    expect(wan("BID", region, contract, year, upgradeYear)).toBe(expected);
  });

  it("a malformed contract is #VALUE! naming contract", () => {
    const error = excelError("BID", "福州市闽侯县", "五百", 2024);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^参数 contract（合同金额）：/);
  });
});

describe("XSG.STATUS (R14)", () => {
  it.each([
    ["福州市闽侯县", 2000, "规上"],
    ["福州市闽侯县", 1999.99, "培育"],
    ["福州市闽侯县", 500, "培育"],
    ["福州市闽侯县", 499.99, "规下"],
    ["抚顺市顺城区", 2000, "规上"],
    ["抚顺市顺城区", 1999.99, "培育"],
    ["抚顺市顺城区", 1500, "培育"],
    ["抚顺市顺城区", 1499.99, "规下"],
    ["杭州市", 2000, "规上"],
    ["杭州市", 1999, "规下"],
    ["温州市鹿城区", 1800, "规下"],
    ["晋城市", "0.2亿", "规上"],
    ["晋城市", 0, "规下"],
  ])("STATUS(%s, %p) = %s", (region, revenue, expected) => {
    expect(value("STATUS", region, revenue)).toBe(expected);
  });

  it("a missing revenue is #N/A, a malformed one #VALUE!, both naming revenue", () => {
    const missing = excelError("STATUS", "杭州市", null);
    expect(missing.code).toBe("#N/A");
    expect(missing.message).toMatch(/^参数 revenue（营业收入）：/);
    const bad = excelError("STATUS", "杭州市", "abc万");
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toMatch(/^参数 revenue（营业收入）：/);
  });
});

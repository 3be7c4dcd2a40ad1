import {
  autoMap,
  detectHeader,
  headerParts,
  remapField,
  restoreMapping,
  saveableMapping,
  findOutputBlock,
  OUTPUT_COLUMNS,
} from "../../../src/fill";
import { HEADERS, messyRows } from "./messy-sheet";

describe("detectHeader", () => {
  test("finds the header under a title, a unit note and a blank row", () => {
    const header = detectHeader(messyRows() as never);
    expect(header).not.toBeNull();
    expect(header!.headerRow).toBe(3);
    expect(header!.headers).toEqual([...HEADERS]);
    expect(header!.unitHint).toBe("万元");
    expect(header!.matchedFields).toBeGreaterThanOrEqual(10);
  });

  test("a title row naming one field is not taken for the header", () => {
    const header = detectHeader([["营业收入统计表"], ["企业名称", "营业收入", "地区"], ["甲", 1, "杭州"]]);
    expect(header?.headerRow).toBe(1);
  });

  test("falls back to a header-shaped row when no alias matches, and gives up on numbers only", () => {
    expect(
      detectHeader([
        ["甲列", "乙列"],
        [1, 2],
      ])?.headerRow,
    ).toBe(0);
    expect(
      detectHeader([
        [1, 2],
        [3, 4],
      ]),
    ).toBeNull();
  });
});

describe("headerParts and units", () => {
  test.each([
    ["主营业务收入（元）", "主营业务收入", "元", null],
    ["2024年主营业务收入(万元)", "主营业务收入", "万元", 2024],
    ["营业收入/千元", "营业收入", "千元", null],
    ["销售收入 亿元", "销售收入", "亿元", null],
    ["Revenue (10k yuan)", "revenue", "10kyuan", null],
  ])("%s", (header, core, unit, year) => {
    const parts = headerParts(header);
    expect(parts.core).toBe(core);
    expect(parts.unitText).toBe(unit);
    expect(parts.year).toBe(year);
  });
});

describe("autoMap", () => {
  test("maps the messy sheet's Chinese headers with their units", () => {
    const m = autoMap([...HEADERS], { unitHint: "万元" });
    expect(m.name?.column).toBe(1);
    expect(m.creditCode?.column).toBe(2);
    expect(m.region?.column).toBe(3);
    expect(m.revenue).toMatchObject({ column: 4, unit: "元" });
    expect(m.prevRevenue).toMatchObject({ column: 5, unit: "万元" });
    expect(m.year?.column).toBe(6);
    expect(m.upgradeYear?.column).toBe(7);
    expect(m.ownership?.column).toBe(8);
    expect(m.muJunGrade?.column).toBe(9);
    expect(m.techInvestment).toMatchObject({ column: 10, unit: "万元" });
    expect(m.tags?.column).toBe(11);
  });

  test("a unit note above the header sets the unit of money columns that state none", () => {
    expect(autoMap(["企业名称", "营业收入"], { unitHint: "元" }).revenue?.unit).toBe("元");
    expect(autoMap(["企业名称", "营业收入（千元）"], { unitHint: "元" }).revenue?.unit).toBe("千元");
  });

  test("English aliases and the other Chinese spellings", () => {
    const m = autoMap(["Company", "USCC", "Region", "Revenue", "Previous revenue", "Year", "Upgrade year", "Tags"]);
    expect(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v!.column]))).toEqual({
      name: 0,
      creditCode: 1,
      region: 2,
      revenue: 3,
      prevRevenue: 4,
      year: 5,
      upgradeYear: 6,
      tags: 7,
    });
    const zh = autoMap([
      "单位名称",
      "信用代码",
      "属地",
      "销售收入",
      "上年销售收入",
      "年份",
      "纳统年份",
      "所属行业",
      "亩均等级",
      "租赁面积",
      "租期（年）",
      "月租金（元）",
      "中标金额",
      "企业标签",
    ]);
    expect(zh.name?.column).toBe(0);
    expect(zh.region?.column).toBe(2);
    expect(zh.prevRevenue?.column).toBe(4);
    expect(zh.upgradeYear?.column).toBe(6);
    expect(zh.industry?.column).toBe(7);
    expect(zh.muJunGrade?.column).toBe(8);
    expect(zh.rentedArea?.column).toBe(9);
    expect(zh.leaseMonths).toMatchObject({ column: 10, unit: "年" });
    expect(zh.monthlyRent).toMatchObject({ column: 11, unit: "元" });
    expect(zh.contracts?.column).toBe(12);
    expect(zh.tags?.column).toBe(13);
  });

  test("ratios, targets and our own output columns are never inputs; 企业性质 is not a name", () => {
    const m = autoMap(["企业性质", "营业收入增长率(%)", "营业收入", ...OUTPUT_COLUMNS]);
    expect(m.name).toBeUndefined();
    expect(m.ownership?.column).toBe(0);
    expect(m.revenue?.column).toBe(2);
    expect(Object.values(m).every((ref) => ref!.column < 3)).toBe(true);
  });

  test("two year-labelled revenue columns become revenue (latest) and prevRevenue", () => {
    const m = autoMap(["企业名称", "2023年主营业务收入", "2024年主营业务收入（万元）", "地区"]);
    expect(m.revenue).toMatchObject({ column: 2, headerYear: 2024 });
    expect(m.prevRevenue).toMatchObject({ column: 1, headerYear: 2023 });
  });
});

describe("correcting and remembering a mapping", () => {
  const headers = ["企业名称", "地区", "收入A", "收入B"];

  test("remapField moves a field, frees its old column, and takes the column from another field", () => {
    let m = autoMap(headers);
    expect(m.revenue).toBeUndefined();
    m = remapField(m, "revenue", 3, headers, { unit: "元" });
    expect(m.revenue).toEqual({ column: 3, header: "收入B", unit: "元" });
    m = remapField(m, "prevRevenue", 3, headers);
    expect(m.revenue).toBeUndefined();
    expect(m.prevRevenue?.column).toBe(3);
    m = remapField(m, "prevRevenue", null, headers);
    expect(m.prevRevenue).toBeUndefined();
  });

  test("a saved mapping is found again by header text after columns move; an unmapped field stays unmapped", () => {
    let m = remapField(autoMap(headers), "revenue", 2, headers, { unit: "千元" });
    m = remapField(m, "name", null, headers);
    const saved = JSON.parse(JSON.stringify(saveableMapping(m, { region: "杭州市", year: 2024 })));
    const moved = ["备注", "收入A", "地区", "企业名称"];
    const restored = restoreMapping(saved, moved)!;
    expect(restored.mapping.revenue).toEqual({ column: 1, header: "收入A", unit: "千元" });
    expect(restored.mapping.region?.column).toBe(2);
    expect(restored.mapping.name).toBeUndefined();
    expect(restored.defaults).toEqual({ region: "杭州市", year: 2024 });
    expect(restoreMapping({ version: 2 }, moved)).toBeNull();
    expect(restoreMapping(null, moved)).toBeNull();
  });
});

test("findOutputBlock recognises only the seven exact headers side by side", () => {
  expect(findOutputBlock(["a", ...OUTPUT_COLUMNS])).toBe(1);
  expect(findOutputBlock(["a", ...OUTPUT_COLUMNS.slice(0, 6)])).toBeNull();
  expect(findOutputBlock(["a", "升规奖励（万元）", ...OUTPUT_COLUMNS.slice(1)])).toBeNull();
});

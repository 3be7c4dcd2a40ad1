import fc from "fast-check";
import { formatWan, makeUscc } from "../../../src/index";
import {
  autoMap,
  classifyRow,
  evaluateRow,
  industryTags,
  lookupEnterprise,
  lookupSelected,
  findRows,
  muJunTag,
  ownershipTags,
  readCell,
  readRow,
  valueCells,
  wanNumber,
  STATUS,
  OUT,
  type ColumnMapping,
} from "../../../src/fill";

const HEADERS = [
  "企业名称",
  "统一社会信用代码",
  "所属地区",
  "营业收入（元）",
  "上年营业收入",
  "年度",
  "首次入库年份",
  "企业性质",
  "所属行业",
  "亩均评价",
  "租赁面积",
  "租期（年）",
  "月租金",
  "合同金额",
  "标签",
];
const mapping: ColumnMapping = autoMap(HEADERS);
const code = makeUscc("91330106MA2AAAAA0");

function row(values: Partial<Record<(typeof HEADERS)[number], unknown>>): unknown[] {
  return HEADERS.map((h) => (h in values ? values[h as keyof typeof values] : null));
}

test("the mapping used below covers every column", () => {
  expect(Object.keys(mapping)).toHaveLength(HEADERS.length);
});

describe("readRow", () => {
  test("text numbers with units and grouping, full-width digits, a date cell as Date, a lease in years", () => {
    const r = readRow(
      row({
        企业名称: "甲",
        所属地区: "杭州市西湖区",
        "营业收入（元）": "２５，０００，０００",
        上年营业收入: "1,800万元",
        年度: new Date(Date.UTC(2024, 5, 30)),
        首次入库年份: "2024年",
        租赁面积: "1,200㎡",
        "租期（年）": 3,
        月租金: "5万",
        合同金额: "300；500万元、250",
      }) as never,
      mapping,
    );
    expect(r.errors).toEqual([]);
    expect(r.year).toBe(2024);
    expect(r.enterprise).toMatchObject({
      region: "hangzhou",
      revenue: 2_500_000_000,
      prevRevenue: 1_800_000_000,
      upgradeYear: 2024,
      rentedArea: 1200,
      leaseMonths: 36,
      monthlyRent: 5_000_000,
      contracts: [300_000_000, 500_000_000, 250_000_000],
    });
    const revenueFact = r.facts.find((f) => f.field === "revenue")!;
    expect(revenueFact).toMatchObject({ column: 3, header: "营业收入（元）", value: "２５，０００，０００" });
  });

  test("errors name the column by its header text; several bad cells are all reported", () => {
    const r = readRow(
      row({ 所属地区: "西湖区", "营业收入（元）": "abc", 年度: "明年", 标签: "国有;外资" }) as never,
      mapping,
    );
    expect(r.enterprise).toBeNull();
    const messages = r.errors.map((e) => e.message);
    expect(messages.some((m) => m.startsWith("列“所属地区”："))).toBe(true); // 西湖区 is ambiguous nationally (R12)
    expect(messages.some((m) => m.startsWith("列“营业收入（元）”："))).toBe(true);
    expect(messages.some((m) => m.startsWith("列“年度”："))).toBe(true);
    expect(messages.some((m) => m.startsWith("列“标签”：") && m.includes("外资"))).toBe(true);
  });

  test("Excel and exceljs error cells are errors of their column", () => {
    for (const bad of ["#N/A", "#DIV/0!", { type: "Error", basicValue: "#VALUE!" }, { error: "#REF!" }]) {
      const r = readRow(row({ 所属地区: "杭州", "营业收入（元）": bad, 年度: 2024 }) as never, mapping);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0].message).toMatch(/^列“营业收入（元）”：单元格是错误值 #/);
    }
  });

  test("exceljs formula results and rich text are read as their values", () => {
    const r = readRow(
      row({
        企业名称: { richText: [{ text: "富" }, { text: "文本" }] },
        所属地区: "杭州",
        "营业收入（元）": { formula: "A1*2", result: 30_000_000 },
        年度: 2024,
      }) as never,
      mapping,
    );
    expect(r.name).toBe("富文本");
    expect(r.enterprise?.revenue).toBe(3_000_000_000);
  });

  test("whole-sheet defaults fill a missing region/year; the credit code is the last resort for the region", () => {
    const none = readRow(row({ "营业收入（元）": 1 }) as never, mapping);
    expect(none.errors.map((e) => e.field)).toEqual(["region", "year"]);
    const withDefaults = readRow(row({ "营业收入（元）": 1 }) as never, mapping, { region: "晋城", year: 2023 });
    expect(withDefaults.enterprise?.region).toBe("jincheng");
    expect(withDefaults.year).toBe(2023);
    expect(withDefaults.facts.find((f) => f.field === "region")).toMatchObject({ source: "default", column: null });
    const byCode = readRow(row({ 统一社会信用代码: code, "营业收入（元）": 1, 年度: 2024 }) as never, mapping);
    expect(byCode.enterprise?.region).toBe("hangzhou");
    expect(byCode.warnings[0].message).toContain("统一社会信用代码");
  });

  test("a region cell that is filled but wrong is an error even with a whole-sheet default", () => {
    const r = readRow(row({ 所属地区: "北京市朝阳区", "营业收入（元）": 1, 年度: 2024 }) as never, mapping, {
      region: "杭州",
    });
    expect(r.enterprise).toBeNull();
    expect(r.errors[0].message).toMatch(/^列“所属地区”：/);
  });

  test("derived tags: 企业性质 国有, 所属行业 房地产 / key industries, 亩均评价 A–D; an unreadable grade is an error", () => {
    const r = readRow(
      row({
        所属地区: "杭州",
        "营业收入（元）": 1,
        年度: 2024,
        企业性质: "国有独资",
        所属行业: "集成电路设计",
        亩均评价: "C类",
        标签: "个转企",
      }) as never,
      mapping,
    );
    expect(r.errors).toEqual([]);
    expect(r.facts.find((f) => f.label === "企业标签（合计）")?.value).toBe("国有、亩均C、个转企、集成电路");
    const bad = readRow(row({ 所属地区: "杭州", "营业收入（元）": 1, 年度: 2024, 亩均评价: "优秀" }) as never, mapping);
    expect(bad.errors[0].message).toBe("列“亩均评价”：无法识别的亩均评价“优秀”，应为 A、B、C 或 D（类/级）");
    expect(ownershipTags("民营")).toEqual([]);
    expect(ownershipTags("事业单位")).toEqual(["行政事业单位"]);
    expect(industryTags("房地产开发经营")).toEqual(["房地产"]);
    expect(industryTags("通用设备制造业")).toEqual([]);
    expect([muJunTag("a"), muJunTag("亩均B级"), muJunTag(""), muJunTag("E")]).toEqual([
      "亩均A",
      "亩均B",
      null,
      undefined,
    ]);
  });

  test("blank, total and note rows are not enterprises", () => {
    expect(classifyRow([null, "", "  "], mapping)).toBe("blank");
    expect(classifyRow(["合 计", null, null, 123], mapping)).toBe("total");
    expect(classifyRow(["注：本表由区经信局填报"], mapping)).toBe("note");
    expect(classifyRow(["甲"], mapping)).toBe("enterprise");
  });
});

describe("evaluateRow and its cells", () => {
  test("a bad row: every amount EMPTY, never 0", () => {
    const result = evaluateRow(
      readRow(row({ 所属地区: "杭州", "营业收入（元）": "-5", 年度: 2024 }) as never, mapping),
      mapping,
    );
    const cells = valueCells(result);
    expect(cells.slice(OUT.award, OUT.total + 1)).toEqual([null, null, null, null]);
    expect(cells[OUT.status]).toBe(STATUS.error);
    expect(cells[OUT.note]).toMatch(/^列“营业收入（元）”：金额不能为负/);
  });

  test("an evaluation error (upgrade year after the year) names the upgrade-year column", () => {
    const result = evaluateRow(
      readRow(
        row({ 所属地区: "杭州", "营业收入（元）": 30_000_000, 年度: 2024, 首次入库年份: 2025 }) as never,
        mapping,
      ),
      mapping,
    );
    expect(result.status).toBe(STATUS.error);
    expect(result.note).toMatch(/^列“首次入库年份”：升规年份 2025 晚于评价年度 2024/);
  });

  test("杭州 with rent and contracts: amounts exact to the yuan, 合计 includes every granted cash clause", () => {
    const result = evaluateRow(
      readRow(
        row({
          所属地区: "杭州市",
          "营业收入（元）": 25_000_000,
          上年营业收入: 1900,
          年度: 2024,
          首次入库年份: 2024,
          租赁面积: 1500,
          "租期（年）": 3,
          月租金: 3.3333,
          合同金额: 0,
        }) as never,
        mapping,
      ),
      mapping,
    );
    expect(result.status).toBe(STATUS.eligible);
    const cells = valueCells(result);
    expect(cells[OUT.award]).toBe(20);
    // One month's rent per year of lease (R9): 3.3333 万 × 36 / 12 = 9.9999 万.
    expect(cells[OUT.rent]).toBe(9.9999);
    expect(cells[OUT.total]).toBe(29.9999);
    expect(result.basis).toContain("杭政办函〔2024〕3号");
  });

  test("a missing fact of a mapped column: 需补充数据, that amount and 合计 empty", () => {
    const result = evaluateRow(
      readRow(
        row({ 所属地区: "鹿城区", "营业收入（元）": 25_000_000, 年度: 2024, 首次入库年份: 2023 }) as never,
        mapping,
      ),
      mapping,
    );
    // 鹿城区 k=1 needs prevRevenue for the growth test (R5).
    expect(result.status).toBe(STATUS.needsData);
    expect(valueCells(result)[OUT.award]).toBeNull();
    expect(valueCells(result)[OUT.total]).toBeNull();
    expect(result.note).toContain("列“上年营业收入”");
  });
});

describe("lookup", () => {
  const values = [
    HEADERS,
    row({ 企业名称: "杭州甲科技", 统一社会信用代码: code, 所属地区: "杭州", "营业收入（元）": 25_000_000, 年度: 2024 }),
    row({ 企业名称: "乙", 所属地区: "火星", "营业收入（元）": 1, 年度: 2024 }),
  ] as never;

  test("facts with their columns, then every clause with status, amount and citation", () => {
    const found = lookupEnterprise(values, mapping, 1, {}, { headerRow: 0 });
    expect(found.kind).toBe("enterprise");
    expect(found.facts.map((f) => [f.label, f.column])).toEqual(
      expect.arrayContaining([
        ["企业名称", 0],
        ["所属地区", 2],
        ["主营业务收入", 3],
      ]),
    );
    expect(found.evaluation?.regionName).toBe("杭州市");
    const award = found.evaluation!.clauses.find((c) => c.category === "award" && c.status === "granted")!;
    expect(award.amountYuan).toBe(200_000);
    expect(award.citation.documentNumber).toBe("杭政办函〔2024〕3号");
    expect(award.citation.quote.length).toBeGreaterThan(10);
    expect(found.evaluation!.clauses.some((c) => c.category === "benefit")).toBe(true);
    // The lookup explains every clause.
    for (const clause of found.evaluation!.clauses) expect(clause.reasons.length).toBeGreaterThan(0);
  });

  test("a bad row gives its error naming the column; the header row is not an enterprise", () => {
    expect(lookupEnterprise(values, mapping, 2, {}, { headerRow: 0 }).error).toMatch(/^列“所属地区”：/);
    expect(lookupEnterprise(values, mapping, 0, {}, { headerRow: 0 })).toMatchObject({
      kind: "blank",
      evaluation: null,
    });
  });

  test("lookupSelected follows the selection in host coordinates", () => {
    const region = {
      sheetName: "S",
      top: 10,
      left: 0,
      rowCount: 3,
      columnCount: HEADERS.length,
      isTable: false,
      protected: false,
      mergedAreas: [],
      head: values,
      values,
    };
    expect(lookupSelected(region, mapping, { sheetName: "S", row: 11, column: 3 }, {}, 0)?.evaluation?.regionName).toBe(
      "杭州市",
    );
    expect(lookupSelected(region, mapping, { sheetName: "其他", row: 11, column: 3 })).toBeNull();
    expect(lookupSelected(region, mapping, { sheetName: "S", row: 9, column: 0 })).toBeNull();
  });

  test("findRows by part of the name or the credit code, width and case folded", () => {
    expect(findRows(values, mapping, "甲科", { headerRow: 0 }).map((f) => f.row)).toEqual([1]);
    expect(findRows(values, mapping, code.slice(2, 10).toLowerCase(), { headerRow: 0 }).map((f) => f.row)).toEqual([1]);
    expect(findRows(values, mapping, "  ", { headerRow: 0 })).toEqual([]);
  });
});

describe("readCell: blank texts", () => {
  it("a text is blank exactly when it is nothing but white space, for every UTF-16 unit", () => {
    // readCell skips its regular expression when a text cannot start with white space: the
    // shortcut must agree with the expression on every character, alone and leading a text.
    const blank = /^[\s\u3000\u00a0\ufeff]*$/;
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      expect([char, readCell(char).kind === "blank"]).toEqual([char, blank.test(char)]);
      expect(readCell(`${char} \u3000`).kind === "blank").toBe(blank.test(char));
    }
    expect(readCell("").kind).toBe("blank");
  });
});

describe("wanNumber", () => {
  it("is the number the 万元 text reads as, for any whole yuan", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.maxSafeNat()), (yuan) => {
        expect(wanNumber(yuan)).toBe(Number(formatWan(yuan)));
      }),
      { numRuns: 20_000 },
    );
    expect(Object.is(wanNumber(0), 0)).toBe(true);
  });
});

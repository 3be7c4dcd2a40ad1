/**
 * A new document goes in as data only (issue 13, "Done when"): two synthetic, clearly labelled
 * documents of one county (示例县, 测试用，非真实政策; test/fixtures/policies/*.json) are read
 * from their files, added to the catalog and made active — and then the custom functions, the
 * batch fill (through the Office.js adapter and the Excel double) and the lookup answer with
 * them: their amounts, their own tag and alias, the document covering each upgrade year (R4),
 * #N/A / a 说明 after the last one, and every result naming the imported document and its file.
 * No code and no list in code is touched: the test asserts the county appears nowhere in src/.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  BUILT_IN_CATALOG,
  activeCatalog,
  parsePolicyDocument,
  useCatalog,
  type Policy,
  type UserDocument,
} from "../../../src";
import { autoMap, evaluateRow, fillRow, lookupEnterprise, readRow, runFill } from "../../../src/fill";
import type { CellValue } from "../../../src/fill/types";
import { ExcelFillHost } from "../../../taskpane/excel";
import { installExcelDouble, uninstallExcelDouble } from "../../doubles/excel-double";
import { excelError, value, wan } from "../functions/excel-call";
import { renderPolicyRegister } from "../../../src/policies/register";

const FIXTURES = path.join(__dirname, "../../fixtures/policies");
const FILES = ["example-county-2025.json", "example-county-2027.json"];

function load(file: string): UserDocument {
  const result = parsePolicyDocument(fs.readFileSync(path.join(FIXTURES, file), "utf8"), file);
  if (!result.ok) throw new Error(result.problems.map((p) => p.text).join("\n"));
  return { policy: result.policy, file };
}

beforeAll(() => {
  const result = BUILT_IN_CATALOG.withUserDocuments(FILES.map(load));
  if (!result.ok) throw new Error(result.problems.map((p) => p.text).join("\n"));
  useCatalog(result.catalog);
});
afterAll(() => useCatalog(BUILT_IN_CATALOG));

describe("the catalog", () => {
  it("holds the built-in documents and the county's two, one region", () => {
    const catalog = activeCatalog();
    expect(catalog.regions.map((r) => r.regionName)).toEqual([
      "温州市鹿城区",
      "晋城市",
      "福州市闽侯县",
      "杭州市",
      "抚顺市顺城区",
      "宁波市象山县",
    ]);
    const county = catalog.region("example-county");
    expect(county.documents.map((p: Policy) => p.id)).toEqual(["example-county-2025", "example-county-2027"]);
    expect(county.documents.map((p) => p.importedFrom)).toEqual(FILES);
    expect(catalog.entryOf(county.latest)?.origin).toBe("user");
  });
});

describe("custom functions", () => {
  it("find the county by name, short name and code", () => {
    expect(value("REGIONS")).toEqual(expect.arrayContaining([["宁波市象山县"]]));
    expect(value("REGIONOF", "330225")).toBe("宁波市象山县");
    expect(wan("AWARD", "象山县", 2500, 2025)).toBe(20);
    expect(wan("AWARD", "330225", 2500, 2025)).toBe(20);
  });

  it("use the document covering the upgrade year (R4)", () => {
    expect(wan("AWARD", "宁波市象山县", 2500, 2026)).toBe(20); // 1号, 2025–2026
    expect(wan("AWARD", "宁波市象山县", 2500, 2027)).toBe(30); // 2号, 2027–2028
    expect(wan("AWARD", "宁波市象山县", 2500, 2027, 2026)).toBe(0); // k = 1 under 1号: nothing
    expect(wan("AWARD", "宁波市象山县", 2500, 2024)).toBe(0); // before every document: not covered
    expect(wan("TOTAL", "宁波市象山县")).toBe(30);
  });

  it("read the document's own tag and its aliases, and refuse a guess", () => {
    expect(wan("AWARD", "象山县", 2500, 2025, null, null, "专精特新")).toBe(25);
    expect(wan("AWARD", "象山县", 2500, 2027, null, null, "专精特新企业")).toBe(35);
    expect(wan("TOTAL", "象山县", "专精特新中小企业")).toBe(35);
    const guess = excelError("AWARD", "象山县", 2500, 2025, null, null, "专精");
    expect(guess.code).toBe("#VALUE!");
    expect(guess.message).toContain("相近的标签：专精特新");
  });

  it("compute the 3% tech subsidy with its cap and years", () => {
    expect(wan("TECH", "象山县", 600, 2025)).toBe(18);
    expect(wan("TECH", "象山县", 6000, 2026, 2025)).toBe(50);
    expect(wan("TECH", "象山县", 600, 2027, 2025)).toBe(0); // k = 2
    expect(wan("RENT", "象山县", 1000, 12)).toBe(0); // the documents give no rent subsidy
  });

  it("are #N/A after the last document, telling the official to import a newer one", () => {
    const error = excelError("AWARD", "象山县", 2500, 2029);
    expect(error.code).toBe("#N/A");
    expect(error.message).toContain("升规年份 2029 晚于宁波市象山县已编码政策文件的覆盖期（最晚覆盖 2028 年升规的企业");
    expect(error.message).toContain("（导入文件 example-county-2027.json）");
    expect(error.message).toContain("请导入政策文件后重新计算");
  });

  it("EXPLAIN and POLICY name the imported document by its title and file", () => {
    const explanation = value("EXPLAIN", "象山县", 2500, 2027) as string;
    expect(explanation).toContain("宁波市象山县 2027年度升规奖励：30 万元");
    expect(explanation).toContain(
      "依据：示例〔2099〕2号（测试用，非真实政策）《示例县支持小微工业企业升规的措施（测试用，非真实政策）》（正式）（导入文件 example-county-2027.json）",
    );
    const policy = value("POLICY", "象山县") as string;
    expect(policy).toContain("（导入文件 example-county-2025.json）");
    expect(policy).toContain("（导入文件 example-county-2027.json）");
  });
});

const HEADERS = ["企业名称", "所属地区", "营业收入（万元）", "评价年度", "升规年份", "技改投资（万元）", "标签"];
const ROWS: CellValue[][] = [
  ["甲公司", "象山县", 2500, 2025, 2025, 600, "专精特新"],
  ["乙公司", "宁波市象山县", 2600, 2027, 2027, null, null],
  ["丙公司", "象山县", 2600, 2029, 2029, 0, null],
  ["丁公司", "杭州市", 2500, 2024, 2024, 0, null],
];

describe("the batch fill and the lookup", () => {
  const mapping = autoMap(HEADERS);
  const rowOf = (i: number) => readRow(ROWS[i], mapping, {});

  it("fill each row with the county's amounts and name the imported document in 依据", () => {
    const first = fillRow(rowOf(0), mapping);
    expect(first.amounts?.award).toEqual({ state: "known", yuan: 250_000 });
    expect(first.amounts?.tech).toEqual({ state: "known", yuan: 180_000 });
    expect(first.totalYuan).toBe(430_000);
    expect(first.basis).toBe(
      "宁波市象山县 示例〔2099〕1号（测试用，非真实政策）《示例县支持小微工业企业升规的措施（测试用，非真实政策）》（导入文件 example-county-2025.json） 一、二",
    );
    const second = fillRow(rowOf(1), mapping);
    expect(second.amounts?.award).toEqual({ state: "known", yuan: 300_000 });
    expect(second.basis).toContain("（导入文件 example-county-2027.json）");
    // The built-in regions are unchanged beside it.
    expect(fillRow(rowOf(3), mapping).basis).toBe("杭州市 杭政办函〔2024〕3号 一");
  });

  it("say in 说明 when the upgrade year is after the last document", () => {
    const past = fillRow(rowOf(2), mapping);
    expect(past.note).toContain("升规年份 2029 晚于宁波市象山县已编码政策文件的覆盖期");
    expect(past.note).toContain("请导入政策文件后重新计算");
  });

  it("the lookup shows the document used for the row, clause by clause with its quote", () => {
    const values = [HEADERS, ...ROWS] as CellValue[][];
    const found = lookupEnterprise(values, mapping, 1, {}, { headerRow: 0 });
    expect(found.evaluation?.documentNumber).toBe(
      "示例〔2099〕1号（测试用，非真实政策）《示例县支持小微工业企业升规的措施（测试用，非真实政策）》（导入文件 example-county-2025.json）",
    );
    const special = found.evaluation?.clauses.find((c) => c.clauseId === "example-county-2025.1.special");
    expect(special).toMatchObject({ status: "granted", amountYuan: 50_000 });
    expect(special?.citation.quote).toBe("属于专精特新中小企业的，另给予5万元。");
    expect(evaluateRow(rowOf(0), mapping).basis).toBe(fillRow(rowOf(0), mapping).basis);
  });

  it("runFill writes the county's amounts through the Office.js adapter (Excel double)", async () => {
    const workbook = installExcelDouble(globalThis, {
      sheets: [{ name: "企业名单", cells: [HEADERS, ...ROWS] }],
      selection: "A2",
    });
    try {
      await runFill(new ExcelFillHost(), { mapping });
      const out = workbook.sheet("企业名单").values("H2:I5");
      expect(out.map((row) => row[0])).toEqual([25, 30, 0, 20]); // 升规奖励（万元）
    } finally {
      uninstallExcelDouble(globalThis);
    }
  });
});

it("the register renders the county's documents from their data", () => {
  const register = renderPolicyRegister(activeCatalog().region("example-county").documents);
  expect(register).toContain("## 宁波市象山县：示例〔2099〕1号（测试用，非真实政策）");
  expect(register).toContain("id `example-county-2027`，地区 id `example-county`");
  expect(register).toContain("| 文件自有标签（R7） | 专精特新（别名：专精特新企业、专精特新中小企业） |");
  expect(register).toContain("| 覆盖升规年份（R4） | 2027–2028：测试用文件的施行期（R4） |");
});

it("adding the county touched no code: src/ and functions/ do not mention it", () => {
  const mentions: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/example-county|示例县/.test(fs.readFileSync(full, "utf8"))) mentions.push(full);
    }
  };
  walk(path.join(__dirname, "../../../src"));
  walk(path.join(__dirname, "../../../functions"));
  expect(mentions).toEqual([]);
});

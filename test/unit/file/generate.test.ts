/**
 * The sample workbook generator: deterministic, messy in the ways issue 5 lists, and the committed
 * examples/sample.xlsx is what the generator writes today.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { BUILT_IN_CATALOG, checkUscc, isXsgError, resolveRegion } from "../../../src/index";
import {
  mulberry32,
  SAMPLE_COUNT,
  SAMPLE_HEADER_ROW,
  SAMPLE_HEADERS,
  SAMPLE_PATH,
  SAMPLE_SHEET,
  sampleRows,
  type SampleCell,
} from "../../../examples/generate";

const rows = [...sampleRows()];
const column = (header: (typeof SAMPLE_HEADERS)[number]): SampleCell[] =>
  rows.map((r) => r[SAMPLE_HEADERS.indexOf(header)]);

test("the PRNG is deterministic and not Math.random", () => {
  const a = mulberry32(7);
  const b = mulberry32(7);
  const first = Array.from({ length: 5 }, a);
  expect(Array.from({ length: 5 }, b)).toEqual(first);
  expect(Array.from({ length: 5 }, mulberry32(8))).not.toEqual(first);
  expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
});

test("same seed, same rows; another seed, other rows", () => {
  expect([...sampleRows()]).toEqual(rows);
  expect([...sampleRows({ seed: 1 })]).not.toEqual(rows);
  expect(rows).toHaveLength(SAMPLE_COUNT);
  expect(rows.every((r) => r.length === SAMPLE_HEADERS.length)).toBe(true);
});

test("regions: all five policies in mixed forms, plus places no policy covers", () => {
  const resolved = new Set<string>();
  let unresolved = 0;
  const forms = new Set<string>();
  for (const cell of column("所属地区")) {
    if (typeof cell !== "string") {
      unresolved++;
      continue;
    }
    forms.add(cell);
    try {
      resolved.add(resolveRegion(cell));
    } catch (error) {
      expect(isXsgError(error)).toBe(true);
      unresolved++;
    }
  }
  expect([...resolved].sort()).toEqual(BUILT_IN_CATALOG.regions.map((region) => region.id).sort());
  expect(unresolved).toBeGreaterThan(3);
  for (const form of ["杭州市西湖区", "萧山区", "330104", "晋城", "高平市", "鹿城区", "闽侯县", "顺城区"])
    expect(forms).toContain(form);
});

test("revenue comes as numbers, grouped text, unit text, blanks, #N/A and junk", () => {
  const revenue = column("主营业务收入（万元）");
  expect(revenue.filter((v) => typeof v === "number").length).toBeGreaterThan(SAMPLE_COUNT / 2);
  expect(revenue.some((v) => typeof v === "string" && /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(v))).toBe(true);
  expect(revenue.some((v) => typeof v === "string" && /万元$/.test(v))).toBe(true);
  expect(revenue.some((v) => typeof v === "string" && /^\d+(\.\d+)?$/.test(v))).toBe(true);
  expect(revenue.some((v) => v === null)).toBe(true);
  expect(revenue.some((v) => typeof v === "object" && v !== null && !(v instanceof Date) && v.error === "#N/A")).toBe(
    true,
  );
});

test("upgrade years come as numbers, 2024年 text and date cells", () => {
  const years = column("首次入库年份");
  expect(years.some((v) => typeof v === "number")).toBe(true);
  expect(years.some((v) => typeof v === "string" && /^\d{4}年$/.test(v))).toBe(true);
  expect(years.some((v) => v instanceof Date)).toBe(true);
});

test("credit codes: mostly valid, a few bad checksums, a couple of duplicates", () => {
  const codes = column("统一社会信用代码").filter((v): v is string => typeof v === "string");
  const checks = codes.map((c) => checkUscc(c));
  expect(checks.filter((c) => c.checksumOk).length).toBeGreaterThan(codes.length * 0.9);
  expect(checks.some((c) => c.wellFormed && !c.checksumOk)).toBe(true);
  const normalized = checks.map((c) => c.normalized);
  expect(new Set(normalized).size).toBeLessThan(normalized.length);
});

test("other columns hold what the policies need: ownership, industry, 亩均, rent, contracts, tags", () => {
  expect(column("企业性质")).toContain("国有控股");
  expect(column("所属行业").some((v) => typeof v === "string" && v.includes("集成电路"))).toBe(true);
  expect(column("亩均评价").some((v) => v === "C" || v === "C类")).toBe(true);
  expect(column("租赁面积（㎡）").some((v) => typeof v === "number" && v > 1000)).toBe(true);
  expect(column("月租金（万元）").some((v) => typeof v === "number")).toBe(true);
  expect(column("合同金额（万元）").some((v) => typeof v === "number" && v >= 200)).toBe(true);
  expect(column("标签")).toContain("个转企");
});

test("the committed examples/sample.xlsx is the generator's output", async () => {
  expect(fs.existsSync(SAMPLE_PATH)).toBe(true);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE_PATH);
  const sheet = workbook.getWorksheet(SAMPLE_SHEET)!;
  expect(sheet.getRow(SAMPLE_HEADER_ROW).values).toEqual([undefined, ...SAMPLE_HEADERS]);
  expect(String(sheet.getCell("A1").value)).toContain("小升规");
  rows.forEach((expected, i) => {
    const row = sheet.getRow(SAMPLE_HEADER_ROW + 1 + i);
    expected.forEach((value, c) => {
      const actual = row.getCell(c + 1).value;
      if (value instanceof Date) expect((actual as Date).getTime()).toBe(value.getTime());
      else expect(actual ?? null).toEqual(value);
    });
  });
  expect(sheet.getRow(SAMPLE_HEADER_ROW + SAMPLE_COUNT + 1).hasValues).toBe(false);
});

/**
 * The authoring workbook (examples/policies/policy-template.xlsx) → document and case table:
 * the committed template converts to exactly the worked example JSON and its cases; regenerating
 * it gives the same content; problems of the sheets name the sheet, row and column; problems of
 * the document are the loader's (clause and field).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { parseCases } from "../../../functions/policy-cases";
import { parsePolicyDocument } from "../../../src/policies";
import { policyFromSheets, policyFromWorkbook, SHEETS } from "../../../taskpane/file/policy-workbook";
import { nodeCodec } from "../../../bin/cli/node-codec";
import { writeTemplate } from "../../../examples/policies/generate-template";

const DIR = path.join(__dirname, "../../../examples/policies");
const TEMPLATE = path.join(DIR, "policy-template.xlsx");
const example = () => {
  const { $schema: _schema, ...document } = JSON.parse(fs.readFileSync(path.join(DIR, "shili-county.json"), "utf8"));
  return document;
};
const exampleCases = () => JSON.parse(fs.readFileSync(path.join(DIR, "shili-county.cases.json"), "utf8")).cases;

function convert(bytes: Uint8Array, name = "policy-template.xlsx") {
  return policyFromWorkbook(bytes, name, nodeCodec);
}

test("the committed template converts to exactly the worked example document and its cases", () => {
  const converted = convert(fs.readFileSync(TEMPLATE));
  expect(converted.problems).toEqual([]);
  const loaded = parsePolicyDocument(converted.document, "policy-template.xlsx");
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => problem.text).join("\n"));
  expect(loaded.policy).toEqual(example());
  const cases = parseCases(converted.cases, "policy-template.xlsx");
  expect(cases.ok && cases.cases).toEqual(exampleCases());
});

test("the template is up to date with the example (regenerated, it converts to the same)", async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "xsg-template-")), "t.xlsx");
  await writeTemplate(file);
  const fresh = convert(fs.readFileSync(file));
  const committed = convert(fs.readFileSync(TEMPLATE));
  expect(fresh).toEqual(committed);
});

/** The template's cells, to change a few and convert again. */
async function templateSheets(): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(TEMPLATE);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      rows[number - 1] = (row.values as unknown[]).slice(1).map((value) => value ?? null);
    });
    sheets.set(
      sheet.name,
      Array.from(rows, (row) => row ?? []),
    );
  });
  return sheets;
}

function cell(sheets: Map<string, unknown[][]>, sheet: string, row: number, header: string, value: unknown) {
  const rows = sheets.get(sheet)!;
  const column = rows[0].indexOf(header);
  if (column < 0) throw new Error(`no column ${header}`);
  rows[row][column] = value;
}

test("sheet problems name the sheet, the row and the column — all at once", async () => {
  const sheets = await templateSheets();
  cell(sheets, SHEETS.clauses, 3, "比例（%）", "三个点");
  cell(sheets, SHEETS.clauses, 1, "财政资金", "也许");
  sheets.get(SHEETS.clauses)![0].push("奖励星级");
  sheets.get(SHEETS.meta)!.push(["主管部门", "工信局"]);
  const converted = policyFromSheets(sheets as never, "县.xlsx");
  expect(converted.document).toBeNull();
  expect(converted.problems).toEqual(
    expect.arrayContaining([
      "县.xlsx：工作表“条款”第 4 行“比例（%）”：应为数字，实际为“三个点”",
      "县.xlsx：工作表“条款”第 2 行“财政资金”：应为“是”或“否”，实际为“也许”",
      expect.stringMatching(/^县\.xlsx：工作表“条款”第 1 行“奖励星级”：未知的列/),
      "县.xlsx：工作表“文件信息”第 31 行“字段”：未知字段“主管部门”",
    ]),
  );
  expect(converted.problems).toHaveLength(4);
});

test("a workbook without the 条款 sheet is refused naming the sheet", () => {
  const converted = policyFromSheets(new Map([[SHEETS.meta, []]]), "空.xlsx");
  expect(converted.problems).toEqual(["空.xlsx：缺少工作表“条款”（请使用政策模板.xlsx）"]);
});

test("document problems come from the loader: an unknown clause kind lists the known kinds", async () => {
  const sheets = await templateSheets();
  cell(sheets, SHEETS.clauses, 2, "类型", "抽奖");
  cell(sheets, SHEETS.meta, 5, "值", "省"); // 地区层级
  const converted = policyFromSheets(sheets as never, "县.xlsx");
  expect(converted.problems).toEqual([]);
  const loaded = parsePolicyDocument(converted.document, "县.xlsx");
  expect(loaded.ok).toBe(false);
  const texts = loaded.ok ? [] : loaded.problems.map((problem) => problem.text);
  expect(texts.some((text) => text.includes("shili-2025.2") && text.includes("upgrade-schedule"))).toBe(true);
  expect(texts.some((text) => text.includes("level"))).toBe(true);
});

test("Chinese labels and ids are both accepted for kind, category, stage and amount reading", async () => {
  const sheets = await templateSheets();
  cell(sheets, SHEETS.clauses, 1, "类型", "upgrade-schedule");
  cell(sheets, SHEETS.clauses, 1, "类别", "award");
  cell(sheets, SHEETS.clauses, 3, "金额口径", "不超过");
  cell(sheets, SHEETS.clauses, 3, "阶段", "升规企业");
  const converted = policyFromSheets(sheets as never, "县.xlsx");
  const clauses = (converted.document as { clauses: Record<string, unknown>[] }).clauses;
  expect(clauses[0]).toMatchObject({ kind: "upgrade-schedule", category: "award" });
  expect(clauses[2]).toMatchObject({ amountReading: "up-to", conditions: { stage: "upgraded" } });
  expect(parsePolicyDocument(converted.document, "县.xlsx").ok).toBe(true);
});

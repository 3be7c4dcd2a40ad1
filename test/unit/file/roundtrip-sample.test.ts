/**
 * Round trip over examples/sample.xlsx: `xsg fill` writes a new workbook; read back with exceljs it
 * holds every original sheet, value and format, and output columns identical — numbers, headers,
 * 依据 and 说明 — to what the Excel add-in writes for the same sheet (ExcelFillHost + the double).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { OUTPUT_COLUMNS } from "../../../src/fill";
import { main } from "../../../bin/xsg";
import { NOTES_SHEET, SAMPLE_HEADER_ROW, SAMPLE_PATH, SAMPLE_SHEET, SAMPLE_YEAR } from "../../../examples/generate";
import { fileValues, fillLikeTheAddin, shownValue, type AddinFill } from "./excel-twin";
import { readZip } from "../../../taskpane/file/xlsx/zip";

jest.setTimeout(120_000);

let dir: string;
let input: ExcelJS.Workbook;
let output: ExcelJS.Workbook;
let addin: AddinFill;
let exitCode: number;
let stdout: string[];

async function read(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "xsg-roundtrip-"));
  fs.copyFileSync(SAMPLE_PATH, path.join(dir, "sample.xlsx"));
  stdout = [];
  exitCode = await main(["fill", "sample.xlsx", "--year", String(SAMPLE_YEAR)], {
    cwd: dir,
    stdout: (line) => stdout.push(line),
    stderr: () => undefined,
  });
  input = await read(SAMPLE_PATH);
  output = await read(path.join(dir, "sample.filled.xlsx"));
  addin = await fillLikeTheAddin(input, SAMPLE_SHEET, { year: SAMPLE_YEAR });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the sample has error rows, so the fill exits 1 and lists them", () => {
  expect(exitCode).toBe(1);
  expect(stdout.join("\n")).toMatch(/以下 \d+ 行有错误/);
  expect(addin.result.summary.errors).toBeGreaterThan(0);
});

test("output columns: the taskpane's headers, right of the data, same area as the add-in", () => {
  const area = addin.result.writtenArea!;
  expect(area.top).toBe(SAMPLE_HEADER_ROW - 1);
  const sheet = output.getWorksheet(SAMPLE_SHEET)!;
  expect(fileValues(sheet, { ...area, rows: 1 })[0]).toEqual([...OUTPUT_COLUMNS]);
  expect(area.left).toBe(input.getWorksheet(SAMPLE_SHEET)!.columnCount);
});

test("every output cell equals the add-in's: amounts, 状态, 依据 and 说明", () => {
  const area = addin.result.writtenArea!;
  const fromFile = fileValues(output.getWorksheet(SAMPLE_SHEET)!, area);
  const fromAddin = addin.values(area);
  expect(fromFile).toHaveLength(area.rows);
  fromAddin.forEach((row, r) =>
    expect({ row: area.top + r + 1, cells: fromFile[r] }).toEqual({ row: area.top + r + 1, cells: row }),
  );
  // Not vacuous: amounts were granted, and some rows' amounts are empty (errors), not 0.
  const totals = fromFile.slice(1).map((row) => row[3]);
  expect(totals.some((v) => typeof v === "number" && v > 0)).toBe(true);
  expect(totals.some((v) => v === "")).toBe(true);
});

test("the CLI's summary is the add-in's summary", () => {
  const s = addin.result.summary;
  const text = stdout.join("\n");
  expect(text).toContain(`共 ${s.rows} 行数据`);
  expect(text).toContain(`已填充 ${s.filled} 行；符合条件 ${s.eligible}；缺少数据 ${s.needsData}；有错误 ${s.errors}`);
});

test("every original sheet, value and formula is kept", () => {
  expect(output.worksheets.map((s) => s.name)).toEqual(input.worksheets.map((s) => s.name));
  for (const before of input.worksheets) {
    const after = output.getWorksheet(before.name)!;
    before.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        expect({ at: cell.address, value: shownValue(after.getRow(rowNumber).getCell(column)) }).toEqual({
          at: cell.address,
          value: shownValue(cell),
        });
      });
    });
  }
  expect(output.getWorksheet(NOTES_SHEET)!.getCell("B2").formula).toBe(
    input.getWorksheet(NOTES_SHEET)!.getCell("B2").formula,
  );
});

test("formatting is kept: merges, frozen panes, widths, filter, fonts, fills, number formats", () => {
  const before = input.getWorksheet(SAMPLE_SHEET)!;
  const after = output.getWorksheet(SAMPLE_SHEET)!;
  expect(after.getCell("B1").isMerged).toBe(true);
  expect(after.getCell("B1").master.address).toBe("A1");
  expect(after.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: SAMPLE_HEADER_ROW });
  expect(after.autoFilter).toEqual(before.autoFilter);
  for (let c = 1; c <= before.columnCount; c++) expect(after.getColumn(c).width).toBe(before.getColumn(c).width);
  expect(after.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
  expect(after.getCell("B4").fill).toEqual(before.getCell("B4").fill);
  const moneyCell = `E${SAMPLE_HEADER_ROW + 2}`;
  expect(after.getCell(moneyCell).numFmt).toBe(before.getCell(moneyCell).numFmt);
  // The new header cells look like the data header.
  const outputHeader = after.getRow(SAMPLE_HEADER_ROW).getCell(before.columnCount + 1);
  expect(outputHeader.font).toMatchObject({ bold: true });
  expect(outputHeader.fill).toEqual(before.getCell("P4").fill);
});

test("the input file is untouched", () => {
  expect(fs.readFileSync(path.join(dir, "sample.xlsx")).equals(fs.readFileSync(SAMPLE_PATH))).toBe(true);
});

test("every part of the package the fill does not change is copied byte for byte", () => {
  const parts = (file: string) => new Map(readZip(new Uint8Array(fs.readFileSync(file))).map((e) => [e.name, e]));
  const before = parts(SAMPLE_PATH);
  const after = parts(path.join(dir, "sample.filled.xlsx"));
  const rewritten = ["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"];
  for (const [name, entry] of before) {
    if (rewritten.includes(name) || name.startsWith("xl/calcChain")) continue;
    expect({ name, same: Buffer.from(after.get(name)!.raw).equals(Buffer.from(entry.raw)) }).toEqual({
      name,
      same: true,
    });
  }
  expect([...after.keys()].filter((name) => !before.has(name))).toEqual([]);
});

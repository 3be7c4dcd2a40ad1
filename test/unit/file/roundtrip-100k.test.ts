/**
 * 100,000 generated enterprises: `xsg fill --json` over a file in a temporary folder, the output
 * read back with exceljs, and every output cell compared with what the Excel
 * add-in (ExcelFillHost + the double) writes for the same rows; every original cell kept.
 * Slow by nature (two full fills); no timing assertions here — the CLI prints and reports elapsed time.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { OUTPUT_COLUMNS, areaA1 } from "../../../src/fill";
import { main } from "../../../bin/xsg";
import {
  SAMPLE_HEADER_ROW,
  SAMPLE_HEADERS,
  SAMPLE_SHEET,
  SAMPLE_YEAR,
  sampleRows,
  writeSampleXlsx,
  type SampleCell,
} from "../../../examples/generate";
import { toExcelInput } from "../../../taskpane/excel/cell-input";
import { ExcelFillHost } from "../../../taskpane/excel";
import { autoMap, detectHeader, runFill } from "../../../src/fill";
import { installExcelDouble, uninstallExcelDouble } from "../../doubles/excel-double";
import { shownValue } from "./excel-twin";

const ROWS = 100_000;
const SEED = 7_100_000;
jest.setTimeout(20 * 60_000);

/** A generated cell typed into the double so that it holds exactly what the file holds. */
function typed(cell: SampleCell): unknown {
  if (cell === null || cell instanceof Date || typeof cell === "number") return cell;
  if (typeof cell === "string") return toExcelInput(cell);
  return cell.error;
}

/** Displayed value of a generated cell, in shownValue's terms. */
function shown(cell: SampleCell): string | number {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === "object") return cell.error;
  return cell;
}

let dir: string;
let report: Record<string, unknown>;
let exitCode: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "xsg-100k-"));
  await writeSampleXlsx(path.join(dir, "big.xlsx"), { count: ROWS, seed: SEED });
  const out: string[] = [];
  exitCode = await main(["fill", "big.xlsx", "--year", String(SAMPLE_YEAR), "--json", "-o", "big-out.xlsx"], {
    cwd: dir,
    stdout: (line) => out.push(line),
    stderr: () => undefined,
  });
  report = JSON.parse(out.join("\n"));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("100k rows: the JSON report counts every row and lists every error row", () => {
  expect(exitCode).toBe(1);
  expect(report.rows).toBe(ROWS);
  expect((report.filled as number) + (report.errors as number)).toBe(ROWS);
  expect((report.errorRows as unknown[]).length).toBe(report.errors);
  expect(report.outputColumns).toMatchObject({ headers: [...OUTPUT_COLUMNS] });
  // Measured, not asserted: the machine running the tests is shared.
  console.log(`xsg fill 100k rows: ${String(report.elapsedMs)} ms`);
});

test("100k rows: output equals the add-in's, cell for cell, and every original cell is kept", async () => {
  const generated = [...sampleRows({ count: ROWS, seed: SEED })];
  // The add-in's fill of the same sheet.
  const header = [...SAMPLE_HEADERS];
  const cells: unknown[][] = [["标题"], ["说明"], [], header, ...generated.map((row) => row.map(typed))];
  const double = installExcelDouble(globalThis, {
    sheets: [{ name: SAMPLE_SHEET, cells, merged: ["A1:P1", "A2:P2"] }],
  });
  let expected: (string | number | boolean)[][];
  let area;
  try {
    const host = new ExcelFillHost();
    const info = await host.describeRegion();
    const found = detectHeader(info.head)!;
    const result = await runFill(host, {
      mapping: autoMap(found.headers, { unitHint: found.unitHint }),
      defaults: { year: SAMPLE_YEAR },
    });
    area = result.writtenArea!;
    expect(result.summary.errors).toBe(report.errors);
    expect(result.summary.totalYuan).toBe(report.totalYuan);
    expected = double.sheet(SAMPLE_SHEET).values(areaA1(area));
  } finally {
    uninstallExcelDouble(globalThis);
  }

  // The file's output, read back whole (exceljs's streaming reader splits multi-byte characters at
  // chunk boundaries — a reader bug, not in the file — so the full reader is used here).
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(dir, "big-out.xlsx"));
  const sheet = workbook.getWorksheet(SAMPLE_SHEET)!;
  let checkedRows = 0;
  sheet.eachRow((row) => {
    const index = row.number - SAMPLE_HEADER_ROW; // 0 = header row
    if (index < 0) return;
    const outputs = OUTPUT_COLUMNS.map((_, c) => shownValue(row.getCell(area.left + c + 1)));
    if (outputs.join("\u0001") !== expected[index].join("\u0001"))
      expect({ row: row.number, cells: outputs }).toEqual({ row: row.number, cells: expected[index] });
    if (index > 0) {
      const originals = generated[index - 1].map((_, c) => shownValue(row.getCell(c + 1)));
      const want = generated[index - 1].map(shown);
      if (originals.join("\u0001") !== want.join("\u0001"))
        expect({ row: row.number, cells: originals }).toEqual({ row: row.number, cells: want });
    }
    checkedRows++;
  });
  expect(checkedRows).toBe(ROWS + 1);
});

/**
 * The browser tests inject the double into a page after typescript.transpileModule: the file
 * must stand alone (no imports, no Node APIs). Run that exact path in a bare vm context.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import ts from "typescript";

test("transpileModule output runs in a bare context and provides Excel/Office", async () => {
  const source = readFileSync(join(__dirname, "../../doubles/excel-double.ts"), "utf8");
  expect(source).not.toMatch(/^\s*import\s/m);
  const { outputText, diagnostics } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS },
    reportDiagnostics: true,
  });
  expect(diagnostics).toEqual([]);
  // A page-like global: no require, no process, no Buffer.
  const page: Record<string, unknown> = { setTimeout, console };
  page.globalThis = page;
  const context = createContext(page);
  runInContext(`var exports = {}; var module = { exports };\n${outputText}\nthis.__double = exports;`, context);
  const double = page.__double as typeof import("../../doubles/excel-double");
  const workbook = double.installExcelDouble(page, { sheets: [{ name: "S", cells: [["a", 1]] }] });
  const Excel = page.Excel as typeof globalThis.Excel;
  const value = await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("S").getRange("A1:B1").load("values");
    await context.sync();
    return range.values;
  });
  expect(value).toEqual([["a", 1]]);
  expect(workbook.stats.syncs).toBe(1);
  const office = page.Office as typeof globalThis.Office;
  expect(office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(true);
  expect(await office.onReady()).toMatchObject({ host: "Excel" });
});

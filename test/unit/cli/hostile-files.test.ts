/**
 * Regressions from real and hostile files (issue 12): each builds the smallest file that showed
 * the fault, fills it with `xsg fill`, and checks the result with readers that share no code
 * with XSG (JSZip with CRC checks, exceljs, an XML well-formedness check).
 */
import * as fs from "fs";
import { autoMap, detectHeader, runFill, summaryLayout } from "../../../src/fill";
import { XlsxPackage } from "../../../taskpane/file/xlsx/package";
import { XlsxFillHost } from "../../../taskpane/file/xlsx-fill-host";
import { handmade, partText, rewritePart } from "../file/handmade-xlsx";
import { independentProblems } from "../file/independent-check";
import { ENTERPRISE, fillBytes, ledgerSheet } from "./hostile";
import { tempDir } from "./helpers";

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("rows 2–4 then a row at 6000: the output's CRCs are right (an empty chunk no longer resets the CRC)", async () => {
  const rows = new Map<number, readonly (string | number | null)[]>([
    [2, ENTERPRISE],
    [3, ["乙公司", "杭州市萧山区", 2600, 2024]],
    [4, ["丙公司", "杭州市萧山区", 2700, 2024]],
    [6000, ["丁公司", "杭州市萧山区", 2800, 2024]],
  ]);
  const filled = await fillBytes(dir, handmade({ sheet: ledgerSheet(rows) }));
  expect(filled.run.code).toBe(0);
  expect(await independentProblems(filled.outputBytes!)).toEqual([]);
});

test("a summary sheet added to an openpyxl/pandas workbook (r: declared on each <sheet>) is well-formed", async () => {
  const bytes = handmade({
    sheet: ledgerSheet([ENTERPRISE]),
    workbookBody:
      '<sheets><sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="数据" sheetId="1" r:id="rId1"/></sheets>',
  });
  const workbookWithoutRootR = (xml: string) => xml.replace(/ xmlns:r="[^"]*">/, ">");
  const pkg = XlsxPackage.open(rewritePart(bytes, "xl/workbook.xml", workbookWithoutRootR));
  const host = new XlsxFillHost(pkg, { yieldBetweenCalls: false });
  const header = detectHeader((await host.describeRegion()).head)!;
  const result = await runFill(host, { mapping: autoMap(header.headers), defaults: { year: 2024 } });
  await host.writeSummarySheet(summaryLayout(result.summary, { sourceSheet: "数据" }));
  const saved = pkg.save();
  expect(partText(saved, "xl/workbook.xml")).not.toMatch(/<workbook [^>]*xmlns:r=/);
  expect(await independentProblems(saved)).toEqual([]);
});

/**
 * Indexing a sheet reads its XML a bounded number of times, however many rows hold no cells
 * (`<row …></row>` or `<row …/>`, as some writers leave for formatted or hidden rows): the search
 * for an empty row's first cell once ran on to the next cell anywhere below, so N empty rows cost
 * N passes over the rest of the sheet. Checked without a clock, by the characters indexOf scans.
 */
import { XlsxPackage } from "../../../taskpane/file/xlsx/package";
import { handmade } from "./handmade-xlsx";
import { indexOfScan } from "./index-of-scan";

const EMPTY_ROWS = 20_000;

function sheetXml(emptyRow: (r: number) => string): string {
  const rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="B1"><v>1</v></c></row>'];
  for (let r = 2; r < EMPTY_ROWS + 2; r++) {
    // A row with cells now and then: the search after its last cell must not skip ahead either.
    rows.push(r % 5_000 === 0 ? `<row r="${r}"><c r="C${r}"><v>${r}</v></c></row>` : emptyRow(r));
  }
  rows.push(`<row r="${EMPTY_ROWS + 2}"><c r="A${EMPTY_ROWS + 2}" t="inlineStr"><is><t>末行</t></is></c></row>`);
  return `<sheetData>${rows.join("")}</sheetData>`;
}

test.each([
  ["<row …></row>", (r: number) => `<row r="${r}" spans="1:3" ht="15"></row>`],
  ["<row …/>", (r: number) => `<row r="${r}" ht="15"/>`],
])("a sheet of %s rows without cells is indexed in a few passes, not one per row", async (_, emptyRow) => {
  const sheet = sheetXml(emptyRow);
  const pkg = XlsxPackage.open(handmade({ sheet }));
  const { result: grid, scanned } = await indexOfScan(() => pkg.grid("数据"));
  const last = EMPTY_ROWS + 1;
  expect(grid.usedArea()).toEqual({ top: 0, left: 0, rows: last + 1, columns: 3 });
  expect(grid.readValues({ top: last, left: 0, rows: 1, columns: 2 })).toEqual([["末行", null]]);
  // A few passes (decode, index). One scan per empty row to the next cell was ~thousands of passes.
  expect(scanned / sheet.length).toBeLessThan(10);
});

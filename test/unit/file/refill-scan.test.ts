/**
 * Refilling a workbook XSG already filled (`xsg fill` on NAME.filled.xlsx, a second fill in the
 * offline page) reads the output cells it wrote before. Reading a cell must look at that cell's
 * XML only: a search for a child the cell lacks (<f> in a value cell) once ran on to the end of
 * the sheet, so a 5,000-row refill took minutes. Checked without a clock: the characters all
 * String#indexOf calls scan while refilling stay within a small multiple of the package's size.
 */
import { autoMap, detectHeader, OUTPUT_COLUMNS, runFill } from "../../../src/fill";
import { buildSampleWorkbook, SAMPLE_YEAR } from "../../../examples/generate";
import { XlsxPackage } from "../../../taskpane/file/xlsx/package";
import { portableCodec } from "../../../taskpane/file/xlsx/codec";
import { entryData, readZip } from "../../../taskpane/file/xlsx/zip";
import { XlsxFillHost } from "../../../taskpane/file/xlsx-fill-host";
import { indexOfScan } from "./index-of-scan";

jest.setTimeout(60_000);

const ROWS = 1_000;

async function fill(bytes: Uint8Array): Promise<{ bytes: Uint8Array; refreshed: boolean; rows: number }> {
  const pkg = XlsxPackage.open(bytes);
  const host = new XlsxFillHost(pkg, { yieldBetweenCalls: false });
  const info = await host.describeRegion({ extraColumns: OUTPUT_COLUMNS.length });
  const header = detectHeader(info.head)!;
  const mapping = autoMap(header.headers, { unitHint: header.unitHint });
  const result = await runFill(host, { mapping, defaults: { year: SAMPLE_YEAR }, mode: "values" });
  return { bytes: pkg.save(), refreshed: result.refreshed, rows: result.completedRows };
}

function unzippedSize(bytes: Uint8Array): number {
  return readZip(bytes).reduce((sum, entry) => sum + entryData(entry, portableCodec).length, 0);
}

test("refilling a filled workbook scans its XML a bounded number of times, not once per cell", async () => {
  const input = new Uint8Array(await buildSampleWorkbook({ count: ROWS, seed: 4242 }).xlsx.writeBuffer());
  const first = await fill(input);
  expect(first.refreshed).toBe(false);
  const { result: refill, scanned } = await indexOfScan(() => fill(first.bytes));
  expect(refill.refreshed).toBe(true);
  expect(refill.rows).toBe(first.rows);
  // Linear: a few passes over the XML (open, index, read, save). Per-cell scans to the sheet's end
  // were ~(cells read) / 2 passes: thousands here.
  expect(scanned / unzippedSize(first.bytes)).toBeLessThan(20);
});

/**
 * The benchmark's own wiring: Excel-shaped AWARD arguments give the core's answers, the
 * fill sheet is what an official's sheet looks like and goes through the real fill path with
 * the double timed apart, the page's scripts are found, and the table judges targets.
 */
import { OUTCOME_NA, OUTCOME_VALUE } from "../../../bench/baseline-rules";
import { policiesByRegion, xsgAwards } from "../../../bench/core";
import { generateEnterprises } from "../../../bench/enterprises";
import { benchFile } from "../../../bench/file";
import { FILL_HEADERS, fillOnce, fillSheetRows, syntheticUscc } from "../../../bench/fill";
import { excelArguments } from "../../../bench/functions-bundle";
import { pageScripts } from "../../../bench/load";
import { median } from "../../../bench/measure";
import { renderTable } from "../../../bench/report";
import { award } from "../../../functions/functions";
import { checkUscc } from "../../../src";

test("Excel-shaped AWARD arguments (names, codes, 万元 text, [[tags]], invocation) give the core's outcome", () => {
  const set = generateEnterprises(2_000, 5);
  const expected = new Int32Array(set.count);
  xsgAwards(set, policiesByRegion(), expected);
  for (let i = 0; i < set.count; i++) {
    const args = excelArguments(set, i) as Parameters<typeof award>;
    let outcome: number;
    try {
      outcome = Math.round(award(...args) * 10_000);
    } catch (error) {
      const code = (error as { code?: string }).code;
      outcome = code === "#N/A" ? OUTCOME_NA : code === "#VALUE!" ? OUTCOME_VALUE : Number.NaN;
    }
    expect([i, outcome]).toEqual([i, expected[i]]);
  }
});

test("synthetic credit codes are well-formed GB 32100 codes with a correct check character", () => {
  for (const i of [0, 1, 30, 31, 961, 123_456, 999_999]) {
    const check = checkUscc(syntheticUscc("330100", i));
    expect(check).toMatchObject({ wellFormed: true, checksumOk: true, divisionCode: "330100" });
  }
  expect(syntheticUscc("330100", 1)).not.toBe(syntheticUscc("330100", 2));
});

test("a small sheet goes through prepareFill + runFill on the double, host time measured apart", async () => {
  const set = generateEnterprises(300, 3);
  const rows = fillSheetRows(set, 300);
  expect(rows[0]).toEqual([...FILL_HEADERS]);
  const run = await fillOnce(rows);
  expect(run.completedRows).toBe(300);
  expect(run.syncs).toBeGreaterThanOrEqual(3); // read inputs, snapshot outputs, write
  expect(run.writeSyncs).toBeGreaterThanOrEqual(1);
  expect(run.maxRequestBytes).toBeGreaterThan(300 * 7);
  expect(run.hostMs).toBeGreaterThan(0);
  expect(run.hostMs).toBeLessThan(run.wallMs);
  expect(run.computeMs).toBeCloseTo(run.wallMs - run.hostMs, 6);
  expect(run.result.summary.rows).toBe(300);
});

test("the taskpane's own scripts are found in the built page, office.js and CDN URLs left out", () => {
  const html =
    "<head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>" +
    '<script src="office-js/office.js"></script><script defer src=functions.js></script>' +
    "<script defer src='./taskpane.js'></script><script defer src=vendors.js></script></head>";
  expect(pageScripts(html)).toEqual(["functions.js", "taskpane.js", "vendors.js"]);
});

test("median of odd and even samples", () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([])).toBeNaN();
});

test("the table marks met and missed targets", () => {
  const machine = {
    cpuModel: "cpu",
    cores: 2,
    totalMemoryMb: 1,
    platform: "p",
    arch: "x",
    node: "v20",
    v8: "1",
    date: "d",
    loadAverage1m: 0,
  };
  const text = renderTable(machine, [
    { section: "core", metric: "rate", value: "2", target: "≥ 1", ok: true },
    { section: "fill", metric: "syncs", value: "41", target: "≤ 40", ok: false },
    { section: "load", metric: "bytes", value: "1", target: "info", ok: null },
  ]);
  const lines = text.split("\n");
  expect(lines.find((l) => l.startsWith("core"))).toMatch(/✓$/);
  expect(lines.find((l) => l.startsWith("fill"))).toMatch(/✗ MISSED$/);
  expect(lines.find((l) => l.startsWith("load"))).not.toMatch(/✓|✗/);
});

test("the file section runs the real `xsg fill` on a generated workbook and times its steps", async () => {
  const result = await benchFile(300, 1, () => undefined);
  expect(result.rows).toBe(300);
  expect(result.cliRunsMs).toHaveLength(1);
  expect(result.cliMs).toBeGreaterThan(0);
  expect(result.outputBytes).toBeGreaterThan(result.inputBytes);
  for (const step of [result.openMs, result.fillMs, result.saveMs]) expect(step).toBeGreaterThan(0);
}, 120_000);

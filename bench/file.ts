/**
 * The file route (issue 7): `xsg fill` on a generated 100k-row workbook, end to end as an
 * official runs it — a fresh Node process per run (start-up, open, fill, save) — and the same
 * steps timed in this process to show where the time goes, and the CLI's peak memory. Target: under 6 s.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";
import { SAMPLE_YEAR, writeSampleXlsx } from "../examples/generate";
import { autoMap, detectHeader, OUTPUT_COLUMNS, runFill } from "../src/fill";
import { openWorkbook } from "../taskpane/file/open";
import { XlsxFillHost } from "../taskpane/file/xlsx-fill-host";
import { nodeCodec } from "../bin/cli/node-codec";
import { median } from "./measure";
import { benchPage, type PageBenchResult } from "./page";

const ROOT = path.resolve(__dirname, "..");
const SEED = 7_100_000;

export interface FileBenchResult {
  rows: number;
  /** Wall time of `node bin/xsg.js fill … --json`, median of the runs. */
  cliMs: number;
  cliRunsMs: number[];
  /** Peak resident memory of the `xsg fill` process (MB), the largest of the runs. */
  cliPeakRssMb: number;
  /** Wall time of `xsg fill` on its own output (the refresh of the output columns), median of the runs. */
  refillCliMs: number;
  refillCliRunsMs: number[];
  /** In-process steps, medians: read + index, describe + fill, save (zip included). */
  openMs: number;
  fillMs: number;
  saveMs: number;
  inputBytes: number;
  outputBytes: number;
  /** The offline page on the same workbook (null without chromium or without a build). */
  page: PageBenchResult | null;
}

function runCli(input: string, output: string, rows: number): { ms: number; peakRssMb: number } {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      "-r",
      path.join(__dirname, "peak-rss.cjs"),
      path.join(ROOT, "bin", "xsg.js"),
      "fill",
      input,
      "--year",
      String(SAMPLE_YEAR),
      "--json",
      "--force",
      "-o",
      output,
    ],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  const ms = performance.now() - started;
  const peakKb = Number(/XSG_PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  if (run.status !== 0 && run.status !== 1) throw new Error(`xsg fill exited ${String(run.status)}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { rows: number };
  if (report.rows !== rows) throw new Error(`xsg fill reported ${report.rows} rows, expected ${rows}`);
  return { ms, peakRssMb: peakKb / 1024 };
}

async function steps(input: string): Promise<{ openMs: number; fillMs: number; saveMs: number; bytes: number }> {
  const data = fs.readFileSync(input);
  let t = performance.now();
  const workbook = openWorkbook(data, path.basename(input), nodeCodec);
  const host = new XlsxFillHost(workbook, { yieldBetweenCalls: false });
  const openMs = performance.now() - t;
  t = performance.now();
  const info = await host.describeRegion({ extraColumns: OUTPUT_COLUMNS.length });
  const header = detectHeader(info.head);
  if (!header) throw new Error("no header in the generated workbook");
  const mapping = autoMap(header.headers, { unitHint: header.unitHint });
  await runFill(host, { mapping, defaults: { year: SAMPLE_YEAR }, mode: "values" });
  const fillMs = performance.now() - t;
  t = performance.now();
  const bytes = workbook.save().length;
  return { openMs, fillMs, saveMs: performance.now() - t, bytes };
}

export async function benchFile(
  rows: number,
  runs: number,
  log: (line: string) => void,
  distDir: string | null = null,
): Promise<FileBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xsg-bench-file-"));
  try {
    const input = path.join(dir, "名单.xlsx");
    const output = path.join(dir, "名单.filled.xlsx");
    await writeSampleXlsx(input, { count: rows, seed: SEED });
    log(`  generated ${rows} rows (${(fs.statSync(input).size / 1e6).toFixed(1)} MB); warm-up run`);
    runCli(input, output, rows); // compiles the CLI's TypeScript cache, as the first use after install does
    const cliRunsMs: number[] = [];
    let cliPeakRssMb = 0;
    for (let i = 0; i < runs; i++) {
      const run = runCli(input, output, rows);
      cliRunsMs.push(run.ms);
      cliPeakRssMb = Math.max(cliPeakRssMb, run.peakRssMb);
      log(`  xsg fill run ${i + 1}: ${Math.round(run.ms)} ms, peak RSS ${Math.round(run.peakRssMb)} MB`);
    }
    // The refresh path: the output columns already exist in the sheet's XML and are read back (overwrite check, undo).
    const refilled = path.join(dir, "名单.filled.filled.xlsx");
    const refillCliRunsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const run = runCli(output, refilled, rows);
      refillCliRunsMs.push(run.ms);
      log(`  xsg fill on its output (refill) run ${i + 1}: ${Math.round(run.ms)} ms`);
    }
    const measured = [];
    for (let i = 0; i < runs; i++) measured.push(await steps(input));
    const built = distDir !== null && fs.existsSync(path.join(distDir, "standalone.js"));
    return {
      page: built ? await benchPage(distDir, input, rows, log) : null,
      rows,
      cliMs: median(cliRunsMs),
      cliRunsMs: cliRunsMs.map(Math.round),
      cliPeakRssMb: Math.round(cliPeakRssMb),
      refillCliMs: median(refillCliRunsMs),
      refillCliRunsMs: refillCliRunsMs.map(Math.round),
      openMs: median(measured.map((m) => m.openMs)),
      fillMs: median(measured.map((m) => m.fillMs)),
      saveMs: median(measured.map((m) => m.saveMs)),
      inputBytes: fs.statSync(input).size,
      outputBytes: measured[0].bytes,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

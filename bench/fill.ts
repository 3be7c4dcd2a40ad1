/**
 * Section 3: the batch fill of a 100,000-row × 10-column sheet through the real fill engine
 * (prepareFill + runFill, src/fill) and the real Office.js host (ExcelFillHost,
 * taskpane/excel) against the Excel test double (test/doubles/excel-double.ts), which counts
 * context.sync calls and request/response bytes as Excel on the web would.
 *
 * Compute time excluding the host: every method and accessor of the double's classes is
 * wrapped with a timer (re-entrant calls counted once; an async sync() until it settles), and
 * that time is subtracted from the fill's wall time. What remains is XSG's own work: the
 * engine and the ExcelFillHost adapter code that shapes requests. The engine's pure per-row
 * part (readRow → fillRow → valueCells, what runFill does per row) is also timed alone as a cross-check.
 *
 * The double keeps every cell of the workbook as an object in this process's heap (1.7M for
 * 100k rows), which Excel does not: every full GC then marks them, and that time lands on the
 * engine. So the engine is also timed alone: the FillHost answers of one run are recorded and
 * replayed to runFill with no workbook in memory ("engine only"), GC pauses counted apart.
 */
import * as double from "../test/doubles/excel-double";
import { ExcelFillHost } from "../taskpane/excel/excel-fill-host";
import { BUILT_IN_CATALOG } from "../src";
import {
  fillRow,
  prepareFill,
  readRow,
  runFill,
  valueCells,
  type ColumnMapping,
  type FillDefaults,
  type FillResult,
} from "../src/fill";
import type {
  CellArea,
  CellContent,
  CellValue,
  DescribeRegionOptions,
  FillHost,
  RegionInfo,
  SelectedCell,
  SummaryLayout,
} from "../src/fill/types";
import { MISSING, OMITTED_YEAR, tagNames, type SyntheticEnterprises } from "./enterprises";
import { collectGarbage, cpuNowMs, gcCounter, median } from "./measure";

export const FILL_HEADERS = [
  "企业名称",
  "统一社会信用代码",
  "所属地区",
  "主营业务收入（万元）",
  "上年主营业务收入（万元）",
  "评价年度",
  "首次入库年份",
  "企业标签",
  "技改投资（万元）",
  "租赁面积（平方米）",
] as const;

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A well-formed 18-character USCC (GB 32100-2015, R15) in the region's division, unique per i. */
export function syntheticUscc(divisionCode: string, i: number): string {
  const body = `91${divisionCode}${i.toString(31).toUpperCase().padStart(9, "0")}`
    .split("")
    .map((c) => USCC_CHARS[parseInt(c, 31) % 31])
    .join("");
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += USCC_CHARS.indexOf(body[k]) * USCC_WEIGHTS[k];
  const check = (31 - (sum % 31)) % 31;
  return body + USCC_CHARS[check];
}

const REGION_NAMES = BUILT_IN_CATALOG.regions;

/** The sheet rows an official would have: header, then one row per enterprise (empty cells as null). */
export function fillSheetRows(set: SyntheticEnterprises, rows: number): unknown[][] {
  const out: unknown[][] = [[...FILL_HEADERS]];
  for (let i = 0; i < rows; i++) {
    const policy = REGION_NAMES[set.region[i]];
    const revenue = set.revenue[i];
    const prev = set.prevRevenue[i];
    const upgradeYear = set.upgradeYear[i];
    const tags = tagNames(set.tags[i]);
    out.push([
      `企业${i + 1}有限公司`,
      syntheticUscc(policy.divisionCode, i),
      policy.regionName,
      revenue === MISSING ? null : revenue / 1_000_000,
      prev === MISSING ? null : prev / 1_000_000,
      set.year[i],
      upgradeYear === OMITTED_YEAR ? null : upgradeYear,
      tags.length === 0 ? null : tags.join("；"),
      i % 3 === 0 ? Math.round((revenue === MISSING ? 500 : revenue / 20_000_000) * 100) / 100 : null,
      i % 4 === 0 ? 800 + (i % 9) * 100 : null,
    ]);
  }
  return out;
}

/** Accumulates wall and CPU time spent inside the double's code. */
class HostClock {
  ms = 0;
  cpuMs = 0;
  private depth = 0;

  /** Wraps every method and accessor on the prototype chains of `classes` (once per prototype). */
  instrument(classes: readonly AnyClass[]): void {
    const seen = new Set<object>();
    for (const cls of classes) {
      for (
        let proto = cls.prototype as object | null;
        proto && proto !== Object.prototype;
        proto = Object.getPrototypeOf(proto)
      ) {
        if (seen.has(proto)) continue;
        seen.add(proto);
        for (const key of Object.getOwnPropertyNames(proto)) {
          if (key === "constructor") continue;
          const descriptor = Object.getOwnPropertyDescriptor(proto, key) as PropertyDescriptor;
          if (!descriptor.configurable) continue;
          if (typeof descriptor.value === "function") descriptor.value = this.timed(descriptor.value);
          if (descriptor.get) descriptor.get = this.timed(descriptor.get);
          if (descriptor.set) descriptor.set = this.timed(descriptor.set);
          Object.defineProperty(proto, key, descriptor);
        }
      }
    }
  }

  private timed<F extends (...args: any[]) => any>(fn: F): F {
    const clock = this;
    return function (this: unknown, ...args: unknown[]) {
      if (clock.depth > 0) return fn.apply(this, args);
      clock.depth++;
      const start = performance.now();
      const cpu = cpuNowMs();
      const stop = () => {
        clock.depth--;
        clock.ms += performance.now() - start;
        clock.cpuMs += cpuNowMs() - cpu;
      };
      let result: unknown;
      try {
        result = fn.apply(this, args);
      } catch (error) {
        stop();
        throw error;
      }
      if (result && typeof (result as Promise<unknown>).then === "function")
        return (result as Promise<unknown>).finally(stop);
      stop();
      return result;
    } as F;
  }
}

type AnyClass = abstract new (...args: never[]) => unknown;
/** The double's classes (DoubleWorkbook, DoubleRequestContext, DoubleRange…), found by name so new ones are timed too. */
const DOUBLE_CLASSES: AnyClass[] = (Object.values(double) as unknown[]).filter(
  (value): value is AnyClass =>
    typeof value === "function" && /^Double/.test(value.name) && value.prototype !== undefined,
);

let clock: HostClock | null = null;
function hostClock(): HostClock {
  if (!clock) {
    clock = new HostClock();
    clock.instrument(DOUBLE_CLASSES);
  }
  return clock;
}

export interface FillRun {
  wallMs: number;
  hostMs: number;
  computeMs: number;
  /** CPU-time counterparts (see measure.ts). */
  computeCpuMs: number;
  hostCpuMs: number;
  /** GC pauses during the fill (they land on whichever code allocated). */
  gcMs: number;
  prepareSyncs: number;
  syncs: number;
  writeSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  completedRows: number;
  result: FillResult;
}

/** One fill on a fresh workbook: prepareFill (what the mapping dialog reads) then runFill. */
export async function fillOnce(sheetRows: readonly (readonly unknown[])[]): Promise<FillRun> {
  const workbook = new double.DoubleWorkbook({ sheets: [{ name: "企业台账", cells: sheetRows }] });
  double.installExcelDouble(globalThis, workbook);
  const host = new ExcelFillHost();
  const timer = hostClock();
  try {
    const prepared = await prepareFill(host);
    const prepareSyncs = workbook.stats.syncs;
    workbook.resetStats();
    timer.ms = 0;
    timer.cpuMs = 0;
    collectGarbage();
    const gc = gcCounter();
    const cpu = cpuNowMs();
    const start = performance.now();
    const result = await runFill(host, { mapping: prepared.mapping, defaults: prepared.defaults });
    const wallMs = performance.now() - start;
    const cpuMs = cpuNowMs() - cpu;
    const gcMs = await gc.stop();
    const hostMs = timer.ms;
    const stats = workbook.stats;
    return {
      wallMs,
      hostMs,
      computeMs: wallMs - hostMs,
      computeCpuMs: cpuMs - timer.cpuMs,
      hostCpuMs: timer.cpuMs,
      gcMs,
      prepareSyncs,
      syncs: stats.syncs,
      writeSyncs: stats.writeSyncs,
      maxRequestBytes: stats.maxRequestBytes,
      maxResponseBytes: stats.maxResponseBytes,
      completedRows: result.completedRows,
      result,
    };
  } finally {
    double.uninstallExcelDouble(globalThis);
  }
}

/** The engine's pure per-row work over rows already read (no host at all). */
export function evaluateRowsOnly(
  values: readonly (readonly CellValue[])[],
  mapping: ColumnMapping,
  defaults: FillDefaults,
): number {
  const start = performance.now();
  let cells = 0;
  for (const row of values)
    cells += valueCells(fillRow(readRow(row, mapping, defaults, { facts: false }), mapping)).length;
  const ms = performance.now() - start;
  if (cells === 0) throw new Error("no cells evaluated");
  return ms;
}

/** One FillHost answer, in call order. */
interface RecordedCall {
  method: string;
  result: unknown;
}

/** Passes every call to `inner` and records a copy of each answer. */
class RecordingHost implements FillHost {
  readonly calls: RecordedCall[] = [];
  constructor(private readonly inner: FillHost) {}
  private async record<T>(method: string, answer: Promise<T>): Promise<T> {
    const result = await answer;
    this.calls.push({ method, result: structuredClone(result) });
    return result;
  }
  describeRegion(options?: DescribeRegionOptions): Promise<RegionInfo> {
    return this.record("describeRegion", this.inner.describeRegion(options));
  }
  readValues(sheetName: string, area: CellArea): Promise<CellValue[][]> {
    return this.record("readValues", this.inner.readValues(sheetName, area));
  }
  readBlock(sheetName: string, area: CellArea): Promise<CellContent[][]> {
    return this.record("readBlock", this.inner.readBlock(sheetName, area));
  }
  writeBlock(sheetName: string, area: CellArea, cells: readonly (readonly CellContent[])[]): Promise<void> {
    return this.record("writeBlock", this.inner.writeBlock(sheetName, area, cells));
  }
  saveSetting(key: string, value: unknown): Promise<void> {
    return this.record("saveSetting", this.inner.saveSetting(key, value));
  }
  loadSetting(key: string): Promise<unknown> {
    return this.record("loadSetting", this.inner.loadSetting(key));
  }
  getSelectedRow(): Promise<SelectedCell | null> {
    return this.inner.getSelectedRow();
  }
  onSelectionChanged(listener: (cell: SelectedCell) => void): Promise<() => Promise<void>> {
    return this.inner.onSelectionChanged(listener);
  }
  writeSummarySheet(layout: SummaryLayout): Promise<string> {
    return this.inner.writeSummarySheet(layout);
  }
}

/** Answers runFill's calls from a recording, instantly, with no workbook behind it. */
class ReplayHost implements FillHost {
  private next = 0;
  constructor(private readonly calls: readonly RecordedCall[]) {}
  private answer<T>(method: string): Promise<T> {
    const call = this.calls[this.next++];
    if (!call || call.method !== method)
      throw new Error(`replay: expected ${call?.method ?? "no call"}, got ${method}`);
    return Promise.resolve(call.result as T);
  }
  describeRegion(): Promise<RegionInfo> {
    return this.answer("describeRegion");
  }
  readValues(): Promise<CellValue[][]> {
    return this.answer("readValues");
  }
  readBlock(): Promise<CellContent[][]> {
    return this.answer("readBlock");
  }
  writeBlock(): Promise<void> {
    return this.answer("writeBlock");
  }
  saveSetting(): Promise<void> {
    return this.answer("saveSetting");
  }
  loadSetting(): Promise<unknown> {
    return this.answer("loadSetting");
  }
  getSelectedRow(): Promise<SelectedCell | null> {
    throw new Error("replay: getSelectedRow is not part of a fill");
  }
  onSelectionChanged(): Promise<() => Promise<void>> {
    throw new Error("replay: onSelectionChanged is not part of a fill");
  }
  writeSummarySheet(): Promise<string> {
    throw new Error("replay: writeSummarySheet is not part of a fill");
  }
}

/** Records the FillHost answers of one runFill on a fresh double. */
export async function recordFill(
  sheetRows: readonly (readonly unknown[])[],
): Promise<{ calls: RecordedCall[]; mapping: ColumnMapping; defaults: FillDefaults }> {
  const workbook = new double.DoubleWorkbook({ sheets: [{ name: "企业台账", cells: sheetRows }] });
  double.installExcelDouble(globalThis, workbook);
  try {
    const host = new ExcelFillHost();
    const prepared = await prepareFill(host);
    const recorder = new RecordingHost(host);
    await runFill(recorder, { mapping: prepared.mapping, defaults: prepared.defaults });
    return { calls: recorder.calls, mapping: prepared.mapping, defaults: prepared.defaults };
  } finally {
    double.uninstallExcelDouble(globalThis);
  }
}

export interface EngineOnlyRun {
  wallMs: number;
  cpuMs: number;
  gcMs: number;
  completedRows: number;
}

/** runFill against the replayed answers: the engine's own time, no workbook in the heap. */
export async function engineOnlyFill(recording: Awaited<ReturnType<typeof recordFill>>): Promise<EngineOnlyRun> {
  const host = new ReplayHost(structuredClone(recording.calls));
  collectGarbage();
  const gc = gcCounter();
  const cpu = cpuNowMs();
  const start = performance.now();
  const result = await runFill(host, { mapping: recording.mapping, defaults: recording.defaults });
  const wallMs = performance.now() - start;
  const cpuMs = cpuNowMs() - cpu;
  return { wallMs, cpuMs, gcMs: await gc.stop(), completedRows: result.completedRows };
}

export interface FillBenchResult {
  rows: number;
  columns: number;
  syncs: number;
  maxRequestBytes: number;
  computeMs: number;
  prepareSyncs: number;
  writeSyncs: number;
  maxResponseBytes: number;
  wallMs: number;
  hostMs: number;
  pureEvaluateMs: number;
  /** runFill on replayed host answers, no workbook in memory (see the header comment). */
  engineOnlyMs: number;
  engineOnlyCpuMs: number;
  engineOnlyGcMs: number;
  /** GC pauses inside the timed fill on the double. */
  gcMs: number;
  runsComputeMs: number[];
  computeCpuMs: number;
  hostCpuMs: number;
  outcomes: Record<string, number>;
}

export async function benchFill(
  set: SyntheticEnterprises,
  rows: number,
  runs: number,
  log: (line: string) => void,
): Promise<FillBenchResult> {
  const sheetRows = fillSheetRows(set, Math.min(rows, set.count));
  const dataRows = sheetRows.length - 1;
  log(
    `  fill: ${dataRows.toLocaleString("en-US")} rows × ${FILL_HEADERS.length} columns, prepareFill + runFill on the Excel double (${runs} timed runs after a warm-up)…`,
  );
  await fillOnce(sheetRows); // warm-up
  const all: FillRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await fillOnce(sheetRows));

  log(`  fill: the same fill replayed without a workbook (engine only, ${runs} timed runs after a warm-up)…`);
  const recording = await recordFill(sheetRows);
  await engineOnlyFill(recording); // warm-up
  const engineRuns: EngineOnlyRun[] = [];
  for (let i = 0; i < runs; i++) engineRuns.push(await engineOnlyFill(recording));
  if (engineRuns.some((r) => r.completedRows !== dataRows)) throw new Error("replayed fill did not complete");
  const last = all[all.length - 1];
  if (last.completedRows !== dataRows) throw new Error(`fill wrote ${last.completedRows} of ${dataRows} rows`);

  // Cross-check: the pure per-row evaluation alone, on the values as the double hands them back.
  const workbook = new double.DoubleWorkbook({ sheets: [{ name: "企业台账", cells: sheetRows }] });
  double.installExcelDouble(globalThis, workbook);
  const prepared = await prepareFill(new ExcelFillHost());
  double.uninstallExcelDouble(globalThis);
  const dataValues = prepared.region.values.slice(1);
  evaluateRowsOnly(dataValues, prepared.mapping, prepared.defaults); // warm-up
  const pure = median(
    Array.from({ length: runs }, () => evaluateRowsOnly(dataValues, prepared.mapping, prepared.defaults)),
  );

  const pick = (f: (r: FillRun) => number) => median(all.map(f));
  return {
    rows: dataRows,
    columns: FILL_HEADERS.length,
    syncs: Math.max(...all.map((r) => r.syncs)),
    maxRequestBytes: Math.max(...all.map((r) => r.maxRequestBytes)),
    computeMs: round1(pick((r) => r.computeMs)),
    prepareSyncs: Math.max(...all.map((r) => r.prepareSyncs)),
    writeSyncs: Math.max(...all.map((r) => r.writeSyncs)),
    maxResponseBytes: Math.max(...all.map((r) => r.maxResponseBytes)),
    wallMs: round1(pick((r) => r.wallMs)),
    hostMs: round1(pick((r) => r.hostMs)),
    pureEvaluateMs: round1(pure),
    engineOnlyMs: round1(median(engineRuns.map((r) => r.wallMs))),
    engineOnlyCpuMs: round1(median(engineRuns.map((r) => r.cpuMs))),
    engineOnlyGcMs: round1(median(engineRuns.map((r) => r.gcMs))),
    gcMs: round1(pick((r) => r.gcMs)),
    runsComputeMs: all.map((r) => round1(r.computeMs)),
    computeCpuMs: round1(pick((r) => r.computeCpuMs)),
    hostCpuMs: round1(pick((r) => r.hostCpuMs)),
    outcomes: summaryCounts(last.result),
  };
}

function summaryCounts(result: FillResult): Record<string, number> {
  const { rows, filled, eligible, needsData, errors, totalYuan } = result.summary;
  return { rows, filled, eligible, needsData, errors, totalYuan };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

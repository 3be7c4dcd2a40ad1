/**
 * XSG benchmarks (issue 6): one Node process, every figure the median of several timed runs
 * after a warm-up, ratios measured in the same run. Prints a table and writes
 * bench/results.json (field names fixed by the issue; extra fields add detail).
 * Method and latest figures: docs/performance.md.
 */
import fs from "fs";
import path from "path";
import { benchCore, benchScaling, type CoreResult, type ScalingResult } from "./core";
import { generateEnterprises } from "./enterprises";
import { benchFile, type FileBenchResult } from "./file";
import { benchFill, type FillBenchResult } from "./fill";
import { benchFunctions, type FunctionsResult } from "./functions-bundle";
import { bundleSizes, measureAssociate, type AssociateResult, type BundleSizes } from "./load";
import { collectGarbage, hasExposedGc, machineInfo, MB } from "./measure";
import { check, formatValue, renderMarkdown, renderTable, replaceFigures, TARGETS, type Row } from "./report";

const ROOT = path.resolve(__dirname, "..");
const SECTIONS = ["core", "functions", "fill", "file", "load", "scaling"] as const;
type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  sections: Set<Section>;
  runs: number;
  enterprises: number;
  baselineCount: number;
  verifyCount: number;
  calls: number;
  fillRows: number;
  loadRuns: number;
  distDir: string;
  out: string | null;
  strict: boolean;
  /** Write the figures table into docs/performance.md (between its markers). */
  updateDocs: boolean;
}

const HELP = `XSG benchmarks — node --expose-gc bench/run.cjs [options]
  --only core,functions,fill,file,load,scaling   sections to run (default: all)
  --runs N          timed runs per figure, median reported (default 5)
  --enterprises N   synthetic enterprises for the core (default 1000000)
  --baseline N      enterprises json-rules-engine is timed on, all compared (default 20000)
  --verify N        further enterprises compared with the baseline, untimed (default 200000)
  --calls N         AWARD calls from the built bundle (default 100000)
  --rows N          rows of the batch-fill sheet (default 100000)
  --dist DIR        the build to measure (default dist/, from \`npm run build\`)
  --out FILE        results file (default bench/results.json; --quick: none)
  --quick           small sizes: a smoke check of the bench itself, figures not comparable
  --strict          exit 1 when a target is missed (mismatches always exit 1)
  --no-docs         do not update the figures table in docs/performance.md (default: updated
                    after a full run with the default sizes; never after --quick)`;

export function parseOptions(argv: readonly string[]): BenchOptions | null {
  const options: BenchOptions = {
    sections: new Set(SECTIONS),
    runs: 5,
    enterprises: 1_000_000,
    baselineCount: 20_000,
    verifyCount: 200_000,
    calls: 100_000,
    fillRows: 100_000,
    loadRuns: 5,
    distDir: path.join(ROOT, "dist"),
    out: path.join(ROOT, "bench", "results.json"),
    strict: false,
    updateDocs: true,
  };
  let outGiven = false;
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${name} needs a value`);
    return v;
  };
  const count = (i: number, name: string): number => {
    const n = Number(value(i, name));
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case "--help":
      case "-h":
        return null;
      case "--quick":
        Object.assign(options, {
          runs: 3,
          enterprises: 100_000,
          baselineCount: 2_000,
          verifyCount: 5_000,
          calls: 20_000,
          fillRows: 5_000,
          loadRuns: 2,
        });
        if (!outGiven) options.out = null;
        options.updateDocs = false;
        break;
      case "--no-docs":
        options.updateDocs = false;
        break;
      case "--only": {
        const wanted = value(i++, arg)
          .split(",")
          .map((s) => s.trim());
        const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
        if (unknown.length > 0)
          throw new Error(`unknown section(s): ${unknown.join(", ")}; known: ${SECTIONS.join(", ")}`);
        options.sections = new Set(wanted as Section[]);
        break;
      }
      case "--runs":
        options.runs = count(i++, arg);
        break;
      case "--enterprises":
        options.enterprises = count(i++, arg);
        break;
      case "--baseline":
        options.baselineCount = count(i++, arg);
        break;
      case "--verify":
        options.verifyCount = Number(value(i++, arg));
        break;
      case "--calls":
        options.calls = count(i++, arg);
        break;
      case "--rows":
        options.fillRows = count(i++, arg);
        break;
      case "--dist":
        options.distDir = path.resolve(value(i++, arg));
        break;
      case "--out":
        options.out = path.resolve(value(i++, arg));
        outGiven = true;
        break;
      case "--strict":
        options.strict = true;
        break;
      default:
        throw new Error(`unknown option ${arg}\n\n${HELP}`);
    }
  }
  return options;
}

export interface Results {
  machine: ReturnType<typeof machineInfo> & { gcExposed: boolean };
  core: CoreResult | null;
  functions: (Pick<FunctionsResult, "awardCallsPerSec"> & Record<string, unknown>) | null;
  fill: FillBenchResult | null;
  file: FileBenchResult | null;
  load: (BundleSizes & Omit<Partial<AssociateResult>, "associateMs"> & { associateMs: number | null }) | null;
  scaling: ScalingResult | null;
  targets: Record<string, boolean | null>;
  settings: Record<string, unknown>;
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions | null;
  try {
    options = parseOptions(argv);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (options === null) {
    console.log(HELP);
    return 0;
  }
  const log = (line: string) => console.log(line);
  const machine = { ...machineInfo(), gcExposed: hasExposedGc() };
  if (!machine.gcExposed) log("(run with node --expose-gc for comparable heap figures)");
  collectGarbage();
  const heapBeforeMb = (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers) / MB;

  const wants = (s: Section) => options.sections.has(s);
  const needsCore = wants("core") || wants("functions") || wants("scaling");
  const functionsFile = path.join(options.distDir, "functions.js");
  const missing = [
    ...(wants("functions") || wants("load") ? [functionsFile] : []),
    ...(wants("load")
      ? [path.join(options.distDir, "taskpane.html"), path.join(options.distDir, "functions.json")]
      : []),
  ].filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    console.error(`no build: ${missing.join(", ")} missing — run \`npm run build\` first, or --only core,fill,scaling`);
    return 2;
  }

  const results: Results = {
    machine,
    core: null,
    functions: null,
    fill: null,
    file: null,
    load: null,
    scaling: null,
    targets: {},
    settings: {
      runs: options.runs,
      enterprises: options.enterprises,
      seed: null,
      baselineTimed: options.baselineCount,
      baselineVerified: options.verifyCount,
      calls: options.calls,
      fillRows: options.fillRows,
      dist: path.relative(ROOT, options.distDir) || ".",
    },
  };

  const wantsSet = needsCore || wants("fill");
  if (wantsSet) log(`generating ${options.enterprises.toLocaleString("en-US")} synthetic enterprises…`);
  const set = wantsSet
    ? generateEnterprises(Math.max(options.enterprises, wants("fill") ? options.fillRows : 0))
    : null;
  if (set) results.settings.seed = set.seed;
  let xsg: Int32Array | null = null;

  if (needsCore && set) {
    log("1. core vs json-rules-engine");
    const core = await benchCore(set, {
      runs: options.runs,
      baselineCount: options.baselineCount,
      verifyCount: options.verifyCount,
      log,
    });
    xsg = core.xsg;
    if (wants("core")) results.core = core.result;
    if (core.result.mismatches > 0) {
      console.error(`MISMATCHES between XSG and the baseline: ${core.result.mismatches}; first ones:`);
      console.error(JSON.stringify(core.result.mismatchExamples, null, 2));
    }
  }
  if (wants("functions") && set && xsg) {
    log("2. custom functions from the built bundle");
    const page = benchFunctions(functionsFile, set, xsg, options.calls, options.runs, log, "page");
    const vmContext = benchFunctions(functionsFile, set, xsg, options.calls, options.runs, log, "vm");
    results.functions = {
      awardCallsPerSec: page.awardCallsPerSec,
      awardCallsPerCpuSec: page.awardCallsPerCpuSec,
      awardCallsPerSecVmContext: vmContext.awardCallsPerSec,
      calls: page.calls,
      medianMs: page.medianMs,
      runsMs: page.runsMs,
      vmContextRunsMs: vmContext.runsMs,
      mismatches: page.mismatches + vmContext.mismatches,
      errorsThrown: page.errorsThrown,
      associatedIds: page.associatedIds,
    };
  }
  if (wants("scaling") && set) {
    log("5. scaling");
    results.scaling = benchScaling(set, options.runs, log, heapBeforeMb);
  }
  if (wants("fill") && set) {
    log("3. batch fill");
    results.fill = await benchFill(set, options.fillRows, options.runs, log);
  }
  if (wants("file")) {
    log("3b. file route (xsg fill)");
    results.file = await benchFile(options.fillRows, Math.min(options.runs, 3), log, options.distDir);
  }
  if (wants("load")) {
    log("4. load");
    const sizes = bundleSizes(options.distDir);
    const associate = await measureAssociate(options.distDir, options.loadRuns, log);
    results.load = { ...sizes, ...(associate ?? {}), associateMs: associate?.associateMs ?? null };
  }

  const rows = tableRows(results);
  results.targets = Object.fromEntries(
    rows.filter((r) => r.ok !== null).map((r) => [`${r.section}: ${r.metric}`, r.ok]),
  );
  log("");
  log(renderTable(machine, rows));
  if (options.out) {
    fs.writeFileSync(options.out, `${JSON.stringify(orderedResults(results), null, 2)}\n`);
    log(`\nwrote ${path.relative(process.cwd(), options.out)}`);
  }
  // Only a complete run at the sizes is "the latest figures".
  const complete =
    SECTIONS.every(wants) &&
    options.enterprises === 1_000_000 &&
    options.fillRows === 100_000 &&
    options.calls === 100_000;
  if (options.updateDocs && complete) {
    const docsFile = path.join(ROOT, "docs", "performance.md");
    const doc = fs.existsSync(docsFile) ? fs.readFileSync(docsFile, "utf8") : null;
    const updated = doc === null ? null : replaceFigures(doc, renderMarkdown(machine, rows));
    if (updated === null) log(`(${path.relative(process.cwd(), docsFile)} has no figure markers: not updated)`);
    else {
      fs.writeFileSync(docsFile, updated);
      log(`updated the figures in ${path.relative(process.cwd(), docsFile)}`);
    }
  }
  const mismatches = (results.core?.mismatches ?? 0) + Number(results.functions?.mismatches ?? 0);
  if (mismatches > 0) return 1;
  if (options.strict && rows.some((r) => r.ok === false)) return 1;
  return 0;
}

export function tableRows(r: Results): Row[] {
  const rows: Row[] = [];
  const n = (v: number) => v.toLocaleString("en-US");
  if (r.core) {
    const c = r.core;
    rows.push(
      {
        section: "core",
        metric: `upgradeAward /s (${n(c.enterprises)} enterprises)`,
        value: formatValue(c.awardPerSec),
        cpu: formatValue(c.awardPerCpuSec),
        target: `≥ ${n(TARGETS.coreAwardsPerSec)}`,
        ok: check(c.awardPerSec, (v) => v >= TARGETS.coreAwardsPerSec),
      },
      {
        section: "core",
        metric: `json-rules-engine /s (${n(c.baselineEnterprises)} enterprises)`,
        value: formatValue(c.baselinePerSec),
        cpu: formatValue(c.baselinePerCpuSec),
        target: "baseline",
        ok: null,
      },
      {
        section: "core",
        metric: "ratio XSG / baseline",
        value: `${c.ratio}×`,
        cpu: `${c.ratioCpu}×`,
        target: `≥ ${TARGETS.coreRatio}×`,
        ok: check(c.ratio, (v) => v >= TARGETS.coreRatio),
      },
      {
        section: "core",
        metric: `mismatches (${n(c.comparedEnterprises)} compared)`,
        value: String(c.mismatches),
        target: "0",
        ok: c.mismatches === 0,
      },
    );
  }
  if (r.functions) {
    const f = r.functions;
    rows.push(
      {
        section: "functions",
        metric: `AWARD calls/s, built bundle (${n(Number(f.calls))} calls)`,
        value: formatValue(f.awardCallsPerSec),
        cpu: formatValue(Number(f.awardCallsPerCpuSec)),
        target: `≥ ${n(TARGETS.functionsCallsPerSec)}`,
        ok: check(f.awardCallsPerSec, (v) => v >= TARGETS.functionsCallsPerSec),
      },
      {
        section: "functions",
        metric: "AWARD calls/s, bundle in a Node vm context",
        value: formatValue(Number(f.awardCallsPerSecVmContext)),
        target: "Node artefact, info",
        ok: null,
      },
      {
        section: "functions",
        metric: "AWARD results ≠ core",
        value: String(f.mismatches),
        target: "0",
        ok: f.mismatches === 0,
      },
    );
  }
  if (r.fill) {
    const f = r.fill;
    rows.push(
      {
        section: "fill",
        metric: `context.sync calls, runFill (${n(f.rows)} rows × ${f.columns})`,
        value: formatValue(f.syncs),
        target: `≤ ${TARGETS.fillMaxSyncs}`,
        ok: check(f.syncs, (v) => v <= TARGETS.fillMaxSyncs),
      },
      {
        section: "fill",
        metric: "context.sync calls, prepareFill (mapping dialog)",
        value: formatValue(f.prepareSyncs),
        target: "info",
        ok: null,
      },
      {
        section: "fill",
        metric: "largest request, bytes",
        value: formatValue(f.maxRequestBytes),
        target: `< ${n(TARGETS.fillMaxRequestBytes)}`,
        ok: check(f.maxRequestBytes, (v) => v < TARGETS.fillMaxRequestBytes),
      },
      {
        section: "fill",
        metric: "largest response, bytes",
        value: formatValue(f.maxResponseBytes),
        target: `< ${n(TARGETS.fillMaxRequestBytes)}`,
        ok: check(f.maxResponseBytes, (v) => v < TARGETS.fillMaxRequestBytes),
      },
      {
        section: "fill",
        metric: "compute ms, excluding the host",
        value: formatValue(f.computeMs),
        cpu: formatValue(f.computeCpuMs),
        target: `≤ ${n(TARGETS.fillComputeMs)}`,
        ok: check(f.computeMs, (v) => v <= TARGETS.fillComputeMs),
      },
      { section: "fill", metric: "  of which GC pauses, ms", value: formatValue(f.gcMs), target: "info", ok: null },
      {
        section: "fill",
        metric: "engine only: runFill on replayed answers, ms",
        value: formatValue(f.engineOnlyMs),
        cpu: formatValue(f.engineOnlyCpuMs),
        target: "info",
        ok: null,
      },
      {
        section: "fill",
        metric: "  of which GC pauses, ms",
        value: formatValue(f.engineOnlyGcMs),
        target: "info",
        ok: null,
      },
      {
        section: "fill",
        metric: "per-row evaluation alone (read → fillRow → cells), ms",
        value: formatValue(f.pureEvaluateMs),
        target: "info",
        ok: null,
      },
    );
  }
  if (r.file) {
    const f = r.file;
    rows.push(
      {
        section: "file",
        metric: `xsg fill, ${n(f.rows)} rows, end to end (ms)`,
        value: formatValue(f.cliMs),
        target: `< ${n(TARGETS.fileFillMs)}`,
        ok: check(f.cliMs, (v) => v < TARGETS.fileFillMs),
      },
      {
        section: "file",
        metric: `xsg fill on its own output (refill), ${n(f.rows)} rows (ms)`,
        value: formatValue(f.refillCliMs),
        target: "info",
        ok: null,
      },
      {
        section: "file",
        metric: `xsg fill, ${n(f.rows)} rows, peak memory (RSS, MB)`,
        value: formatValue(f.cliPeakRssMb),
        target: "info",
        ok: null,
      },
      {
        section: "file",
        metric: "  open + index the workbook (ms)",
        value: formatValue(f.openMs),
        target: "info",
        ok: null,
      },
      { section: "file", metric: "  describe + fill (ms)", value: formatValue(f.fillMs), target: "info", ok: null },
      { section: "file", metric: "  save, zip included (ms)", value: formatValue(f.saveMs), target: "info", ok: null },
    );
    const p = f.page;
    for (const [label, step] of [
      ["open", p?.open],
      ["read", p?.read],
      ["fill", p?.fill],
      ["download", p?.download],
    ] as const) {
      rows.push({
        section: "file",
        metric: `offline page ${label}: ms / longest task ms`,
        value: step ? `${n(step.ms)} / ${n(step.longestTaskMs)}` : "—",
        target: "info",
        ok: null,
      });
    }
  }
  if (r.load) {
    const l = r.load;
    rows.push(
      {
        section: "load",
        metric: "functions.js gzipped, bytes",
        value: formatValue(l.functionsJsGzipBytes),
        target: `≤ ${n(TARGETS.functionsJsGzipBytes)}`,
        ok: check(l.functionsJsGzipBytes, (v) => v <= TARGETS.functionsJsGzipBytes),
      },
      {
        section: "load",
        metric: `taskpane JS gzipped, bytes (${l.taskpaneScripts.join(", ")})`,
        value: formatValue(l.taskpaneJsGzipBytes),
        target: "info",
        ok: null,
      },
      {
        section: "load",
        metric: "all functions associated after, ms",
        value: formatValue(l.associateMs, (v) => v.toFixed(1)),
        target: `< ${n(TARGETS.associateMs)}`,
        ok: check(l.associateMs, (v) => v < TARGETS.associateMs),
      },
    );
  }
  if (r.scaling) {
    const s = r.scaling;
    rows.push(
      ...[s.perSec10k, s.perSec100k, s.perSec1m].map((perSec, i) => ({
        section: "scaling",
        metric: `upgradeAward /s at ${n(s.passes[i].size)}`,
        value: formatValue(perSec),
        cpu: formatValue(s.perCpuSec[i].perSec),
        target: "",
        ok: null,
      })),
      {
        section: "scaling",
        metric: "spread of the three rates, %",
        value: formatValue(s.spreadPercent, (v) => v.toFixed(1)),
        cpu: formatValue(s.spreadPercentCpu, (v) => v.toFixed(1)),
        target: `≤ ${TARGETS.scalingSpreadPercent}`,
        ok: check(s.spreadPercent, (v) => v <= TARGETS.scalingSpreadPercent),
      },
      {
        section: "scaling",
        metric: `peak heap at ${n(s.passes[2].size)}, MB (heap + typed arrays)`,
        value: formatValue(s.peakHeapMb1m, (v) => v.toFixed(1)),
        target: "info",
        ok: null,
      },
    );
  }
  return rows;
}

/** The fixed fields of issue 6 first in each section, then the details. */
function orderedResults(r: Results): Record<string, unknown> {
  const first = <T extends object>(value: T | null, keys: readonly string[]) =>
    value === null
      ? null
      : { ...Object.fromEntries(keys.map((k) => [k, (value as Record<string, unknown>)[k] ?? null])), ...value };
  return {
    machine: r.machine,
    core: first(r.core, ["awardPerSec", "baselinePerSec", "ratio", "mismatches"]),
    functions: first(r.functions, ["awardCallsPerSec"]),
    fill: first(r.fill, ["rows", "syncs", "maxRequestBytes", "computeMs"]),
    file: first(r.file, ["rows", "cliMs", "refillCliMs", "cliPeakRssMb"]),
    load: first(r.load, ["functionsJsGzipBytes", "taskpaneJsGzipBytes", "associateMs"]),
    scaling: first(r.scaling, ["perSec10k", "perSec100k", "perSec1m", "peakHeapMb1m"]),
    targets: r.targets,
    settings: r.settings,
  };
}

/**
 * Section 2: XSG.AWARD as Excel calls it, from the BUILT bundle (dist/functions.js). The
 * bundle is run with a CustomFunctions stub that records associate(), exactly the
 * registration Excel's shared runtime sees; then the associated AWARD is called with the
 * argument shapes Excel passes: text or numbers per cell, null for an omitted optional
 * argument or an empty cell, [[…]] for the matrix parameter `attributes`, and the
 * Invocation object appended last. Results are checked against the core's outcomes.
 *
 * Two ways to run the bundle, both measured:
 *  - "page": as a classic script in the main V8 context with CustomFunctions on the global
 *    object — how a browser page (Excel's shared runtime) runs it. The headline figure.
 *  - "vm": in a separate vm context. Node intercepts every global lookup of such a context
 *    (Math, Number, String, Map… go through the sandbox's interceptors), which Excel's
 *    runtime does not do; the figure shows that artefact, not XSG's cost.
 */
import fs from "fs";
import vm from "vm";
import { FEN_PER_WAN, YUAN_PER_WAN } from "../src/model";
import { OUTCOME_NA, OUTCOME_VALUE } from "./baseline-rules";
import { MISSING, OMITTED_YEAR, tagNames, type SyntheticEnterprises } from "./enterprises";
import { perSecond, timeSync } from "./measure";

export type CustomFunction = (...args: any[]) => unknown;

export type BundleMode = "page" | "vm";

export interface LoadedBundle {
  /** Function ids in the order associate() was called. */
  readonly ids: readonly string[];
  readonly functions: ReadonlyMap<string, CustomFunction>;
  /** CustomFunctions.Error of the stub, to recognise a thrown Excel error. */
  readonly ErrorClass: new (code: string, message?: string) => Error & { code: string };
  /** Removes the stub from the global object again ("page" mode). */
  unload(): void;
}

/** Runs the bundle with a recording CustomFunctions stub (see BundleMode). */
export function loadFunctionsBundle(file: string, mode: BundleMode = "page"): LoadedBundle {
  const code = fs.readFileSync(file, "utf8");
  const ids: string[] = [];
  const functions = new Map<string, CustomFunction>();
  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message ?? code);
    }
  }
  const record = (id: string, fn: CustomFunction) => {
    ids.push(id.toUpperCase());
    functions.set(id.toUpperCase(), fn);
  };
  const stub = {
    associate(idOrMap: string | Record<string, CustomFunction>, fn?: CustomFunction) {
      if (typeof idOrMap === "string") record(idOrMap, fn as CustomFunction);
      else for (const [id, f] of Object.entries(idOrMap)) record(id, f);
    },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  // webpack's automatic publicPath (the bundle has a lazily loaded chunk) reads the page's
  // current script; AWARD never loads that chunk.
  const document = { currentScript: { tagName: "SCRIPT", src: "https://localhost/functions.js" } };
  if (mode === "vm") {
    const sandbox: Record<string, unknown> = { console, CustomFunctions: stub, document };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    vm.createContext(sandbox);
    vm.runInContext(code, sandbox, { filename: file });
    return { ids, functions, ErrorClass: CustomFunctionsError, unload: () => undefined };
  }
  // A page's globals: CustomFunctions from office.js, and self/window (webpack's chunk registry uses self).
  const global = globalThis as Record<string, unknown>;
  const installed = { CustomFunctions: stub, self: globalThis, window: globalThis, document };
  const previous = Object.fromEntries(Object.keys(installed).map((key) => [key, global[key]]));
  Object.assign(global, installed);
  const unload = () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete global[key];
      else global[key] = value;
    }
  };
  try {
    vm.runInThisContext(code, { filename: file });
  } catch (error) {
    unload();
    throw error;
  }
  return { ids, functions, ErrorClass: CustomFunctionsError, unload };
}

/**
 * How officials type the region: the canonical name, a unique short name, or a 6-digit code
 * (a number cell) — all resolve to the same policy (R12). Indexed like BUILT_IN_CATALOG.regions.
 */
const REGION_SPELLINGS: readonly (readonly (string | number)[])[] = [
  ["温州市鹿城区", "鹿城区", 330302],
  ["晋城市", "晋城", 140500],
  ["福州市闽侯县", "闽侯县", 350121],
  ["杭州市", "杭州", 330100],
  ["抚顺市顺城区", "顺城区", 210411],
];

const wan = (fen: number): number => fen / FEN_PER_WAN;

/**
 * Excel's arguments for AWARD on enterprise i: region, revenue, year, upgradeYear,
 * prevRevenue, attributes, invocation. Some money as text with units, some years as text.
 */
export function excelArguments(set: SyntheticEnterprises, i: number): unknown[] {
  const spellings = REGION_SPELLINGS[set.region[i]];
  const region = spellings[i % spellings.length];
  const revenueFen = set.revenue[i];
  const revenue = revenueFen === MISSING ? null : i % 7 === 0 ? `${wan(revenueFen)}万元` : wan(revenueFen);
  const year = i % 11 === 0 ? `${set.year[i]}年` : set.year[i];
  const upgradeYear = set.upgradeYear[i] === OMITTED_YEAR ? null : set.upgradeYear[i];
  const prevFen = set.prevRevenue[i];
  const prevRevenue = prevFen === MISSING ? null : wan(prevFen);
  const names = tagNames(set.tags[i]);
  let attributes: unknown[][];
  if (names.length === 0) attributes = [[null]];
  else if (i % 5 === 0)
    attributes = [[...names, null]]; // a row of cells, one tag each, one empty
  else attributes = [[names.join("；")]];
  const invocation = { address: `Sheet1!G${i + 2}`, functionName: "XSG.AWARD" };
  return [region, revenue, year, upgradeYear, prevRevenue, attributes, invocation];
}

export interface FunctionsResult {
  awardCallsPerSec: number;
  /** From CPU time (see measure.ts). */
  awardCallsPerCpuSec: number;
  mode: BundleMode;
  calls: number;
  medianMs: number;
  runsMs: number[];
  /** Calls whose result (万元, or the #N/A / #VALUE! code) differs from the core's outcome. */
  mismatches: number;
  errorsThrown: number;
  associatedIds: string[];
}

/** Calls AWARD `calls` times (timed, median of `runs`), then checks each result against `expected`. */
export function benchFunctions(
  file: string,
  set: SyntheticEnterprises,
  expected: Int32Array,
  calls: number,
  runs: number,
  log: (line: string) => void,
  mode: BundleMode = "page",
): FunctionsResult {
  const bundle = loadFunctionsBundle(file, mode);
  try {
    return callAward(bundle, file, set, expected, calls, runs, log, mode);
  } finally {
    bundle.unload();
  }
}

function callAward(
  bundle: LoadedBundle,
  file: string,
  set: SyntheticEnterprises,
  expected: Int32Array,
  calls: number,
  runs: number,
  log: (line: string) => void,
  mode: BundleMode,
): FunctionsResult {
  const award = bundle.functions.get("AWARD");
  if (!award) throw new Error(`${file} does not associate AWARD (associated: ${bundle.ids.join(", ")})`);
  const n = Math.min(calls, set.count);
  const args = Array.from({ length: n }, (_, i) => excelArguments(set, i));
  const results: unknown[] = new Array(n);
  let errorsThrown = 0;
  const callAll = () => {
    errorsThrown = 0;
    for (let i = 0; i < n; i++) {
      const a = args[i];
      try {
        results[i] = award(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
      } catch (error) {
        results[i] = error;
        errorsThrown++;
      }
    }
  };
  // One pass of 100k calls is ~60 ms, too short to trust alone on a shared machine: the median
  // is taken over enough passes for ~1M calls (as the scaling section does), after 3 warm-ups.
  const passes = Math.max(runs, Math.ceil(1_000_000 / n));
  log(
    `  functions (${mode}): AWARD × ${n.toLocaleString("en-US")} from ${file} (${passes} timed passes after 3 warm-ups)…`,
  );
  const samples = timeSync(callAll, passes, 3);

  let mismatches = 0;
  for (let i = 0; i < n; i++) {
    if (outcomeOfResult(results[i], bundle) !== expected[i]) mismatches++;
  }
  return {
    awardCallsPerSec: perSecond(n, samples.medianMs),
    awardCallsPerCpuSec: perSecond(n, samples.medianCpuMs),
    mode,
    calls: n,
    medianMs: Math.round(samples.medianMs * 100) / 100,
    runsMs: samples.ms.map((ms) => Math.round(ms * 100) / 100),
    mismatches,
    errorsThrown,
    associatedIds: [...bundle.ids],
  };
}

/** 万元 → 元, or the outcome code of a thrown Excel error (any other value is a mismatch). */
function outcomeOfResult(result: unknown, bundle: LoadedBundle): number {
  if (typeof result === "number") return Math.round(result * YUAN_PER_WAN);
  if (result instanceof bundle.ErrorClass) {
    if (result.code === "#N/A") return OUTCOME_NA;
    if (result.code === "#VALUE!") return OUTCOME_VALUE;
  }
  return Number.NaN;
}

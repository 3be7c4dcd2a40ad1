/**
 * Sections 1 and 5: the policy core's upgradeAward over synthetic enterprises, against the
 * json-rules-engine baseline on the same enterprises in the same process, and its rate at
 * 10k / 100k / 1M enterprises with the heap at 1M.
 *
 * Both sides get pre-parsed inputs (分, years, tags) and a pre-resolved region (its documents; the one covering U answers, R4),
 * as the fill engine and the custom functions do with their caches: what is timed is the
 * rules, not the parsing. An outcome is 元 ≥ 0, OUTCOME_NA (#N/A) or OUTCOME_VALUE (#VALUE!).
 * XSG is called as AWARD calls it: upgradeAwardOrError and documentOrError return an input's
 * error as a value (the throwing upgradeAward is a wrapper over them, see orThrow).
 */
import { BUILT_IN_CATALOG, isXsgError, resolveRegion, type RegionDocuments } from "../src";
// The timed functions from their own modules: through the facade, the CommonJS transpile the
// bench runs adds a getter per re-export level to every call, which the shipped bundle has not.
import { documentOrError } from "../src/engine/documents";
import { upgradeAwardOrError } from "../src/engine/fast";
import {
  baselineAward,
  createBaselineEngines,
  OUTCOME_NA,
  OUTCOME_VALUE,
  type BaselineEngines,
  type BaselineFacts,
} from "./baseline-rules";
import { MISSING, OMITTED_YEAR, rowAt, tagNames, type SyntheticEnterprises } from "./enterprises";
import { collectGarbage, MB, perSecond, timeAsync, timeSync } from "./measure";

/** The built-in regions by region index, resolved once through the public resolver (R12). */
export function policiesByRegion(): RegionDocuments[] {
  return BUILT_IN_CATALOG.regions.map((region) => BUILT_IN_CATALOG.region(resolveRegion(region.regionName)));
}

export function outcomeOfError(error: unknown): number {
  if (!isXsgError(error)) throw error; // anything else is a defect: let the bench fail loudly
  return error.code === "NA" ? OUTCOME_NA : OUTCOME_VALUE;
}

/** XSG's upgradeAward over enterprises [0, count), outcomes into `out`. The timed loop. */
export function xsgAwards(
  set: SyntheticEnterprises,
  policies: readonly RegionDocuments[],
  out: Int32Array,
  count = set.count,
): void {
  const { region, revenue, year, upgradeYear, prevRevenue, tags } = set;
  for (let i = 0; i < count; i++) {
    const rev = revenue[i];
    const prev = prevRevenue[i];
    const u = upgradeYear[i];
    const upgrade = u === OMITTED_YEAR ? null : u;
    // The document covering U (R4), as AWARD chooses it; errors come back as values, as AWARD gets them.
    const policy = documentOrError(policies[region[i]], year[i], upgrade);
    const award = isXsgError(policy)
      ? policy
      : upgradeAwardOrError(
          policy,
          rev === MISSING ? null : rev,
          year[i],
          upgrade,
          prev === MISSING ? null : prev,
          tags[i],
        );
    out[i] = typeof award === "number" ? award : outcomeOfError(award);
  }
}

/** The facts json-rules-engine gets for enterprise i (tag names, as a rules-engine user would pass them). */
export function baselineFactsOf(set: SyntheticEnterprises, i: number): BaselineFacts {
  const row = rowAt(set, i);
  return {
    region: row.regionId,
    revenue: row.revenue,
    prevRevenue: row.prevRevenue,
    year: row.year,
    upgradeYear: row.upgradeYear,
    tags: tagNames(row.tags),
  };
}

export async function baselineAwards(
  engines: BaselineEngines,
  facts: readonly BaselineFacts[],
  out: Int32Array,
): Promise<void> {
  for (let i = 0; i < facts.length; i++) out[i] = await baselineAward(engines, facts[i]);
}

export interface Mismatch {
  index: number;
  xsg: number;
  baseline: number;
  facts: BaselineFacts;
}

/** Compares the baseline with XSG's outcomes on enterprises [from, from + count). */
export async function compareWithBaseline(
  set: SyntheticEnterprises,
  xsg: Int32Array,
  engines: BaselineEngines,
  from: number,
  count: number,
  examples: Mismatch[],
): Promise<number> {
  let mismatches = 0;
  for (let i = from; i < from + count; i++) {
    const facts = baselineFactsOf(set, i);
    const baseline = await baselineAward(engines, facts);
    if (baseline !== xsg[i]) {
      mismatches++;
      if (examples.length < 10) examples.push({ index: i, xsg: xsg[i], baseline, facts });
    }
  }
  return mismatches;
}

export interface OutcomeMix {
  awarded: number;
  zero: number;
  na: number;
  value: number;
}

export function outcomeMix(out: Int32Array, count = out.length): OutcomeMix {
  const mix: OutcomeMix = { awarded: 0, zero: 0, na: 0, value: 0 };
  for (let i = 0; i < count; i++) {
    const o = out[i];
    if (o > 0) mix.awarded++;
    else if (o === 0) mix.zero++;
    else if (o === OUTCOME_NA) mix.na++;
    else mix.value++;
  }
  return mix;
}

export interface CoreOptions {
  /** Timed runs per figure (median). */
  runs: number;
  /** Enterprises the baseline is timed on (every one is also compared). */
  baselineCount: number;
  /** Further enterprises compared (not timed) after the timed subset. */
  verifyCount: number;
  log: (line: string) => void;
}

export interface CoreResult {
  awardPerSec: number;
  baselinePerSec: number;
  ratio: number;
  mismatches: number;
  enterprises: number;
  coreMedianMs: number;
  coreRunsMs: number[];
  baselineEnterprises: number;
  baselineMedianMs: number;
  baselineRunsMs: number[];
  comparedEnterprises: number;
  mismatchExamples: Mismatch[];
  outcomeMix: OutcomeMix;
  /** The same figures from CPU time (see measure.ts): steadier on a shared machine. */
  awardPerCpuSec: number;
  baselinePerCpuSec: number;
  ratioCpu: number;
}

export async function benchCore(
  set: SyntheticEnterprises,
  options: CoreOptions,
): Promise<{ result: CoreResult; xsg: Int32Array }> {
  const policies = policiesByRegion();
  const xsg = new Int32Array(set.count);
  options.log(
    `  core: upgradeAward × ${set.count.toLocaleString("en-US")} (${options.runs} timed runs after a warm-up)…`,
  );
  const core = timeSync(() => xsgAwards(set, policies, xsg), options.runs, 1);

  const baselineCount = Math.min(options.baselineCount, set.count);
  const engines = createBaselineEngines();
  const facts = Array.from({ length: baselineCount }, (_, i) => baselineFactsOf(set, i));
  const baselineOut = new Int32Array(baselineCount);
  options.log(
    `  baseline: json-rules-engine × ${baselineCount.toLocaleString("en-US")} (${options.runs} timed runs after a warm-up)…`,
  );
  const baseline = await timeAsync(() => baselineAwards(engines, facts, baselineOut), options.runs, 1);

  const examples: Mismatch[] = [];
  let mismatches = 0;
  for (let i = 0; i < baselineCount; i++) {
    if (baselineOut[i] !== xsg[i]) {
      mismatches++;
      if (examples.length < 10) examples.push({ index: i, xsg: xsg[i], baseline: baselineOut[i], facts: facts[i] });
    }
  }
  const verifyCount = Math.min(options.verifyCount, set.count - baselineCount);
  if (verifyCount > 0) {
    options.log(`  baseline: comparing ${verifyCount.toLocaleString("en-US")} more enterprises (untimed)…`);
    mismatches += await compareWithBaseline(set, xsg, engines, baselineCount, verifyCount, examples);
  }

  const awardPerSec = perSecond(set.count, core.medianMs);
  const baselinePerSec = perSecond(baselineCount, baseline.medianMs);
  const awardPerCpuSec = perSecond(set.count, core.medianCpuMs);
  const baselinePerCpuSec = perSecond(baselineCount, baseline.medianCpuMs);
  return {
    xsg,
    result: {
      awardPerSec,
      baselinePerSec,
      ratio: Number((awardPerSec / baselinePerSec).toFixed(1)),
      mismatches,
      enterprises: set.count,
      coreMedianMs: round2(core.medianMs),
      coreRunsMs: core.ms.map(round2),
      baselineEnterprises: baselineCount,
      baselineMedianMs: round2(baseline.medianMs),
      baselineRunsMs: baseline.ms.map(round2),
      comparedEnterprises: baselineCount + verifyCount,
      mismatchExamples: examples,
      outcomeMix: outcomeMix(xsg),
      awardPerCpuSec,
      baselinePerCpuSec,
      ratioCpu: Number((awardPerCpuSec / baselinePerCpuSec).toFixed(1)),
    },
  };
}

/** Enterprises [from, from + count) of `set` as views (no copy): every size has the same mix. */
export function slice(set: SyntheticEnterprises, from: number, count: number): SyntheticEnterprises {
  const end = from + count;
  return {
    count,
    seed: set.seed,
    region: set.region.subarray(from, end),
    revenue: set.revenue.subarray(from, end),
    year: set.year.subarray(from, end),
    upgradeYear: set.upgradeYear.subarray(from, end),
    prevRevenue: set.prevRevenue.subarray(from, end),
    tags: set.tags.subarray(from, end),
  };
}

export interface ScalingResult {
  perSec10k: number;
  perSec100k: number;
  perSec1m: number;
  peakHeapMb1m: number;
  /** (fastest − slowest) / slowest of the three rates, %. Target ≤ 25. */
  spreadPercent: number;
  /** The same rates from CPU time, and their spread. */
  perCpuSec: { size: number; perSec: number }[];
  spreadPercentCpu: number;
  /** Timed passes per size: small sizes take more passes so each figure rests on ~1M evaluations. */
  passes: { size: number; passes: number }[];
  heap: HeapProfile;
}

export interface HeapProfile {
  /** JS heap + array buffers after GC, before the 1M enterprises exist. */
  beforeMb: number;
  /** The enterprises' typed arrays and the outcome array. */
  fixtureMb: number;
  /** Highest heapUsed + arrayBuffers sampled every 65,536 evaluations during one 1M pass. */
  peakMb: number;
  /** peak − (before + fixture): what evaluating a million enterprises adds (garbage not yet collected). */
  evaluationMb: number;
  peakRssMb: number;
  gcExposed: boolean;
}

const SCALING_SIZES = [10_000, 100_000, 1_000_000] as const;

export function benchScaling(
  set: SyntheticEnterprises,
  runs: number,
  log: (line: string) => void,
  heapBeforeMb: number,
): ScalingResult {
  const policies = policiesByRegion();
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const passes: { size: number; passes: number }[] = [];
  for (const size of SCALING_SIZES) {
    const part = slice(set, 0, Math.min(size, set.count));
    const out = new Int32Array(part.count);
    // Each figure is the median over ≥ max(runs, 1M / size) passes: one 10k pass is ~4 ms,
    // too short to trust alone on a shared machine.
    const count = Math.max(runs, Math.ceil(1_000_000 / part.count));
    log(`  scaling: ${part.count.toLocaleString("en-US")} enterprises, ${count} timed passes…`);
    const samples = timeSync(() => xsgAwards(part, policies, out), count, Math.min(count, 3));
    rates.push(perSecond(part.count, samples.medianMs));
    cpuRates.push(perSecond(part.count, samples.medianCpuMs));
    passes.push({ size: part.count, passes: count });
  }
  const heap = heapProfile(set, policies, heapBeforeMb);
  const spreadOf = (values: number[]) =>
    Number((((Math.max(...values) - Math.min(...values)) / Math.min(...values)) * 100).toFixed(1));
  return {
    perSec10k: rates[0],
    perSec100k: rates[1],
    perSec1m: rates[2],
    peakHeapMb1m: heap.peakMb,
    spreadPercent: spreadOf(rates),
    perCpuSec: passes.map((p, i) => ({ size: p.size, perSec: cpuRates[i] })),
    spreadPercentCpu: spreadOf(cpuRates),
    passes,
    heap,
  };
}

function heapNow(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** One untimed 1M pass sampling the heap (sampling inside the timed loop would skew the rate). */
function heapProfile(set: SyntheticEnterprises, policies: readonly RegionDocuments[], beforeMb: number): HeapProfile {
  const out = new Int32Array(set.count);
  const fixtureBytes =
    set.region.byteLength +
    set.revenue.byteLength +
    set.year.byteLength +
    set.upgradeYear.byteLength +
    set.prevRevenue.byteLength +
    set.tags.byteLength +
    out.byteLength;
  collectGarbage();
  let peak = heapNow();
  let peakRss = process.memoryUsage().rss;
  const chunk = 65_536;
  for (let from = 0; from < set.count; from += chunk) {
    const part = slice(set, from, Math.min(chunk, set.count - from));
    xsgAwards(part, policies, out.subarray(from, from + part.count));
    const now = heapNow();
    if (now > peak) peak = now;
    const rss = process.memoryUsage().rss;
    if (rss > peakRss) peakRss = rss;
  }
  const peakMb = peak / MB;
  const fixtureMb = fixtureBytes / MB;
  return {
    beforeMb: round2(beforeMb),
    fixtureMb: round2(fixtureMb),
    peakMb: round2(peakMb),
    evaluationMb: round2(Math.max(0, peakMb - beforeMb - fixtureMb)),
    peakRssMb: round2(peakRss / MB),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === "function",
  };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Timing helpers shared by the benchmark sections: every reported figure is the median of
 * several timed runs taken after untimed warm-up runs (so the JIT has compiled the hot path),
 * in this one process. The machine is recorded with the figures.
 */
import os from "os";
import { PerformanceObserver } from "perf_hooks";

export interface Samples {
  /** Wall time of each timed run, ms, in the order taken. */
  readonly ms: readonly number[];
  readonly medianMs: number;
  /**
   * CPU time (user + system, all threads of the process) of each run, ms. On a machine shared
   * with other work the wall time includes time the process was not scheduled; CPU time does not.
   */
  readonly cpuMs: readonly number[];
  readonly medianCpuMs: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function cpuNowMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function samplesOf(ms: number[], cpuMs: number[]): Samples {
  return { ms, medianMs: median(ms), cpuMs, medianCpuMs: median(cpuMs) };
}

/** Runs `run` warmup times untimed, then `runs` times timed. */
export function timeSync(run: () => void, runs: number, warmup = 1): Samples {
  for (let i = 0; i < warmup; i++) run();
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = cpuNowMs();
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
    cpuMs.push(cpuNowMs() - cpu);
  }
  return samplesOf(ms, cpuMs);
}

export async function timeAsync(run: () => Promise<void>, runs: number, warmup = 1): Promise<Samples> {
  for (let i = 0; i < warmup; i++) await run();
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = cpuNowMs();
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
    cpuMs.push(cpuNowMs() - cpu);
  }
  return samplesOf(ms, cpuMs);
}

/** Items per second from a count and a duration in ms. */
export const perSecond = (count: number, ms: number): number => Math.round((count * 1000) / ms);

/** Collects garbage when the process runs with --expose-gc (the bench script does). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export const hasExposedGc = (): boolean => typeof (globalThis as { gc?: unknown }).gc === "function";

export const MB = 1024 * 1024;

export interface Machine {
  cpuModel: string;
  cores: number;
  totalMemoryMb: number;
  platform: string;
  arch: string;
  node: string;
  v8: string;
  date: string;
  /** 1-minute load average when the run started (other work on the machine skews figures). */
  loadAverage1m: number;
}

export function machineInfo(): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    totalMemoryMb: Math.round(os.totalmem() / MB),
    platform: `${os.type()} ${os.release()}`,
    arch: process.arch,
    node: process.version,
    v8: process.versions.v8,
    date: new Date().toISOString(),
    loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
  };
}

/**
 * Sums the garbage-collection pauses V8 reports while it runs (perf_hooks "gc" entries).
 * Entries arrive asynchronously, so stop() waits a moment and takes what is still queued.
 */
export function gcCounter(): { stop(): Promise<number> } {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) total += entry.duration;
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const pending = observer.takeRecords?.() ?? [];
      for (const entry of pending) total += entry.duration;
      observer.disconnect();
      return total;
    },
  };
}

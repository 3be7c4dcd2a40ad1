/**
 * The targets (issue 6, raised by issue 13 for the core, the functions and the fill) and the readable table. Each row: what was measured, the figure, the
 * target and whether it is met. A section not run shows "—" and is not judged.
 */
import type { Machine } from "./measure";

export const TARGETS = {
  /** Issue 13: keep the speed through the policy-as-data redesign. */
  coreAwardsPerSec: 7_000_000,
  coreRatio: 50,
  functionsCallsPerSec: 1_500_000,
  fillMaxSyncs: 40,
  /** Excel on the web's request limit (every request must stay below it). */
  fillMaxRequestBytes: 5 * 1024 * 1024,
  /** At most (issue 13: "≤ 1.3 s"). */
  fillComputeMs: 1_300,
  /** Issue 7: a 100k-row workbook through `xsg fill`. */
  fileFillMs: 6_000,
  /** 60 KB gzipped, counted as KiB like the browser smoke test's budget. */
  functionsJsGzipBytes: 60 * 1024,
  associateMs: 1_000,
  scalingSpreadPercent: 25,
} as const;

export interface Row {
  section: string;
  metric: string;
  value: string;
  /** The same figure from CPU time, where one is measured (see measure.ts). */
  cpu?: string;
  target: string;
  /** null: informational or not measured. */
  ok: boolean | null;
}

const int = (n: number): string => Math.round(n).toLocaleString("en-US");

export function check(value: number | null | undefined, ok: (v: number) => boolean): boolean | null {
  return value === null || value === undefined || Number.isNaN(value) ? null : ok(value);
}

export function formatValue(value: number | null | undefined, format: (v: number) => string = int): string {
  return value === null || value === undefined || Number.isNaN(value) ? "—" : format(value);
}

export function renderTable(machine: Machine, rows: readonly Row[]): string {
  const header: Row = {
    section: "section",
    metric: "metric",
    value: "measured",
    cpu: "from CPU time",
    target: "target",
    ok: null,
  };
  const all = [header, ...rows];
  const width = (pick: (r: Row) => string) => Math.max(...all.map((r) => displayWidth(pick(r))));
  const ws = width((r) => r.section);
  const wm = width((r) => r.metric);
  const wv = width((r) => r.value);
  const wc = width((r) => r.cpu ?? "");
  const wt = width((r) => r.target);
  const line = (r: Row, mark: string) =>
    `${pad(r.section, ws)}  ${pad(r.metric, wm)}  ${padStart(r.value, wv)}  ${padStart(r.cpu ?? "", wc)}  ${pad(r.target, wt)}  ${mark}`;
  const out = [
    `XSG benchmarks — ${machine.cpuModel} × ${machine.cores} cores, ${machine.totalMemoryMb} MB, Node ${machine.node}, ${machine.platform}, ${machine.date} (load avg ${machine.loadAverage1m})`,
    "",
    line(header, "ok"),
    `${"-".repeat(ws)}  ${"-".repeat(wm)}  ${"-".repeat(wv)}  ${"-".repeat(wc)}  ${"-".repeat(wt)}  --`,
  ];
  for (const r of rows) out.push(line(r, r.ok === null ? "" : r.ok ? "✓" : "✗ MISSED"));
  return out.join("\n");
}

/** Terminal width: CJK characters take two columns. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}
const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(text))) + text;

/** The same rows as a Markdown table (docs/performance.md keeps the latest one between markers). */
export function renderMarkdown(machine: Machine, rows: readonly Row[]): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const out = [
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpuModel}, ${machine.cores} cores, ${machine.totalMemoryMb} MB, ` +
      `Node ${machine.node} (V8 ${machine.v8}), ${machine.platform}; load average ${machine.loadAverage1m} at the start.`,
    "",
    "| section | metric | measured | from CPU time | target | met |",
    "|---|---|--:|--:|---|:-:|",
  ];
  for (const r of rows) {
    const met = r.ok === null ? "" : r.ok ? "✓" : "✗ missed";
    out.push(`| ${r.section} | ${cell(r.metric.trim())} | ${r.value} | ${r.cpu ?? ""} | ${cell(r.target)} | ${met} |`);
  }
  return out.join("\n");
}

export const DOCS_BEGIN = "<!-- bench:figures:begin -->";
export const DOCS_END = "<!-- bench:figures:end -->";

/** Replaces the text between the markers of `doc` with `table`; null when the markers are missing. */
export function replaceFigures(doc: string, table: string): string | null {
  const begin = doc.indexOf(DOCS_BEGIN);
  const end = doc.indexOf(DOCS_END);
  if (begin < 0 || end < begin) return null;
  return `${doc.slice(0, begin + DOCS_BEGIN.length)}\n${table}\n${doc.slice(end)}`;
}

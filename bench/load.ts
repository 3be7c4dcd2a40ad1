/**
 * Section 4: what the add-in costs to load. Gzipped bytes (zlib, level 9, each file as a
 * server would compress it) of dist/functions.js — all the custom functions need — and of
 * the taskpane's own JS (every script taskpane.html loads except functions.js and office.js).
 * Then the time from navigation start to the last CustomFunctions.associate() call, in
 * headless Chromium (Debian's /usr/bin/chromium through playwright-core, the project's
 * browser-test harness): dist/ served on 127.0.0.1, office.js replaced by a double whose
 * associate() records performance.now(). Each run is a fresh browser context (cold cache).
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { closeBrowser, findChromium, officeJsDouble, openPage, serveDist } from "../test/browser/harness";
import { median } from "./measure";

export function gzipBytes(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** Local scripts a page loads, in order (src attributes; absolute/CDN URLs and office.js left out). */
export function pageScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)["']?[^>]*>/gi)) {
    const src = match[1];
    if (/^[a-z]+:\/\//i.test(src) || /(^|\/)office(\.debug)?\.js$/i.test(src)) continue;
    scripts.push(src.replace(/^\.?\//, ""));
  }
  return scripts;
}

export interface BundleSizes {
  functionsJsGzipBytes: number;
  functionsJsBytes: number;
  taskpaneJsGzipBytes: number;
  taskpaneJsBytes: number;
  taskpaneScripts: string[];
}

export function bundleSizes(distDir: string): BundleSizes {
  const functionsFile = path.join(distDir, "functions.js");
  const html = fs.readFileSync(path.join(distDir, "taskpane.html"), "utf8");
  const taskpaneScripts = pageScripts(html).filter((src) => src !== "functions.js");
  const files = taskpaneScripts.map((src) => path.join(distDir, src));
  return {
    functionsJsGzipBytes: gzipBytes(functionsFile),
    functionsJsBytes: fs.statSync(functionsFile).size,
    taskpaneJsGzipBytes: files.reduce((sum, file) => sum + gzipBytes(file), 0),
    taskpaneJsBytes: files.reduce((sum, file) => sum + fs.statSync(file).size, 0),
    taskpaneScripts,
  };
}

/** Wraps the double's associate() to record when each function is associated (ms since navigation start). */
const RECORD_ASSOCIATE = `
  const associate = window.CustomFunctions.associate;
  window.__xsgAssociateTimes = [];
  window.CustomFunctions.associate = function (idOrMap, fn) {
    associate(idOrMap, fn);
    const ids = typeof idOrMap === "string" ? [idOrMap] : Object.keys(idOrMap);
    for (const id of ids) window.__xsgAssociateTimes.push({ id: id.toUpperCase(), at: performance.now() });
  };`;

export interface AssociateResult {
  associateMs: number;
  runsMs: number[];
  functionsDeclared: number;
  functionsAssociated: number;
  domContentLoadedMs: number;
  loadEventMs: number;
  chromium: string;
}

/** Median over `runs` cold page loads (after one warm-up load) of the time the last function was associated. */
export async function measureAssociate(
  distDir: string,
  runs: number,
  log: (line: string) => void,
): Promise<AssociateResult | null> {
  const chromium = findChromium();
  if (!chromium) {
    log("  load: no Chromium (apt-get install -y chromium): associate time not measured");
    return null;
  }
  const declared = (
    JSON.parse(fs.readFileSync(path.join(distDir, "functions.json"), "utf8")) as { functions: { id: string }[] }
  ).functions.map((f) => f.id.toUpperCase());
  const server = await serveDist({ root: distDir });
  const samples: { last: number; count: number; dcl: number; load: number }[] = [];
  log(`  load: taskpane.html in headless Chromium, ${runs} cold loads after a warm-up…`);
  try {
    for (let i = 0; i <= runs; i++) {
      const tab = await openPage(`${server.url}taskpane.html`, {
        officeJs: officeJsDouble({ extra: RECORD_ASSOCIATE }),
      });
      try {
        await tab.page.waitForFunction(
          (count) =>
            ((window as unknown as { __xsgAssociateTimes?: unknown[] }).__xsgAssociateTimes?.length ?? 0) >= count,
          declared.length,
          { timeout: 30_000 },
        );
        const probe = await tab.page.evaluate(() => {
          const times = (window as unknown as { __xsgAssociateTimes: { id: string; at: number }[] })
            .__xsgAssociateTimes;
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
          return { times, dcl: nav?.domContentLoadedEventEnd ?? -1, load: nav?.loadEventEnd ?? -1 };
        });
        const ids = new Set(probe.times.map((t) => t.id));
        const missing = declared.filter((id) => !ids.has(id));
        if (missing.length > 0)
          throw new Error(`functions.json declares functions never associated: ${missing.join(", ")}`);
        if (tab.errors.length > 0) throw new Error(`page errors: ${tab.errors.join(" | ")}`);
        if (i > 0) {
          samples.push({
            last: Math.max(...probe.times.map((t) => t.at)),
            count: ids.size,
            dcl: probe.dcl,
            load: probe.load,
          });
        }
      } finally {
        await tab.close();
      }
    }
  } finally {
    await server.close();
    await closeBrowser();
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    associateMs: round(median(samples.map((s) => s.last))),
    runsMs: samples.map((s) => round(s.last)),
    functionsDeclared: declared.length,
    functionsAssociated: Math.min(...samples.map((s) => s.count)),
    domContentLoadedMs: round(median(samples.map((s) => s.dcl))),
    loadEventMs: round(median(samples.map((s) => s.load))),
    chromium,
  };
}

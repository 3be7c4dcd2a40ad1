/**
 * The offline page on a 100k-row workbook in headless Chromium, from a copied folder via file://
 * as an official would open it: open, read, fill, download — each step's time and the longest
 * main-thread task seen during it (PerformanceObserver "longtask"), the page's responsiveness.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { SAMPLE_YEAR } from "../examples/generate";
import { closeBrowser, findChromium, openPage } from "../test/browser/harness";

export interface PageStep {
  ms: number;
  /** Longest main-thread task during the step, ms (0: none over 50 ms). */
  longestTaskMs: number;
}

export interface PageBenchResult {
  rows: number;
  open: PageStep;
  read: PageStep;
  fill: PageStep;
  download: PageStep;
}

type LongTaskWindow = Window & { xsgLongTasks?: number[] };

export async function benchPage(
  distDir: string,
  input: string,
  rows: number,
  log: (line: string) => void,
): Promise<PageBenchResult | null> {
  if (!findChromium()) {
    log("  no chromium: page steps not measured");
    return null;
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "xsg-bench-page-"));
  for (const file of ["standalone.html", "standalone.js"])
    fs.copyFileSync(path.join(distDir, file), path.join(folder, file));
  const tab = await openPage(`file://${path.join(folder, "standalone.html")}`, { officeJs: "none" });
  const page = tab.page;
  try {
    await page.evaluate(() => {
      const w = window as LongTaskWindow;
      w.xsgLongTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.xsgLongTasks!.push(e.duration))).observe({
        type: "longtask",
        buffered: true,
      });
    });
    const step = async (work: () => Promise<unknown>): Promise<PageStep> => {
      const started = Date.now();
      await work();
      const ms = Date.now() - started;
      const tasks = await page.evaluate(() => (window as LongTaskWindow).xsgLongTasks!.splice(0));
      return { ms, longestTaskMs: Math.round(Math.max(0, ...tasks)) };
    };
    const name = path.basename(input);
    const timeout = { timeout: 300_000 };
    const open = await step(async () => {
      await page.setInputFiles("#xsg-file-input", input);
      await page.getByText(`已打开“${name}”`).waitFor(timeout);
    });
    const read = await step(async () => {
      await page.getByRole("button", { name: "读取数据" }).click();
      await page.getByText(new RegExp(`共 ${rows} 行数据`)).waitFor(timeout);
    });
    await page.getByPlaceholder("例如：2024").fill(String(SAMPLE_YEAR));
    const fill = await step(async () => {
      await page.getByRole("button", { name: "开始填充" }).click();
      await page
        .getByText(new RegExp(`已填充 ${rows} 行`))
        .first()
        .waitFor(timeout);
    });
    const download = await step(async () => {
      const [file] = await Promise.all([page.waitForEvent("download", timeout), page.locator("#xsg-download").click()]);
      await file.path();
    });
    if (tab.errors.length > 0) throw new Error(`page errors: ${tab.errors.join("; ")}`);
    const result = { rows, open, read, fill, download };
    for (const [label, s] of Object.entries({ open, read, fill, download }))
      log(`  page ${label}: ${s.ms} ms, longest task ${s.longestTaskMs} ms`);
    return result;
  } finally {
    await tab.close();
    await closeBrowser();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

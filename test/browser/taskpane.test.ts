/**
 * The BUILT taskpane (dist/taskpane.html) in Chromium with the Excel test double in place of
 * office.js: an official reads a ~300-row sheet whose header is in row 3, fills it, undoes
 * the fill, cancels a larger fill, looks one enterprise up and browses a policy — all by
 * clicking the real UI — and the cells written are checked in the double's workbook.
 * Saves taskpane.png (README), lookup.png and policy.png at taskpane width (see harness IMAGES_DIR),
 * and runs axe-core on the lookup and policy panels (no serious or critical violations).
 */
import fs from "fs";
import path from "path";
import ts from "typescript";
import type { Page } from "playwright-core";
import {
  axeViolations,
  closeBrowser,
  officeJsDouble,
  openPage,
  ROOT,
  screenshot,
  serveDist,
  type DistServer,
  type OpenedPage,
} from "./harness";
import { sampleSheet } from "../unit/taskpane/sample-sheet";

/** Taskpane width: Excel's default is about 320 px; screenshots are taken at this width. */
const WIDTH = 340;
const SHEET = "企业台账";

let server: DistServer;
let doubleSource: string;

beforeAll(async () => {
  // XSG_DIST_DIR: test a build made elsewhere (e.g. `webpack --output-path /tmp/dist`) instead of dist/.
  server = await serveDist(process.env.XSG_DIST_DIR ? { root: process.env.XSG_DIST_DIR } : {});
  // The double is one self-contained TypeScript file: transpile it for the page.
  const file = path.join(ROOT, "test", "doubles", "excel-double.ts");
  doubleSource = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
});

afterAll(async () => {
  await server?.close();
  await closeBrowser();
});

/**
 * office.js replaced by: the harness's Office/CustomFunctions double, then the Excel double
 * installed over it with this workbook, and a little latency per sync (a real round trip
 * yields to the page, so React can render progress and the official can click 取消).
 * `window.__xsgHoldWrite(n)`: the n-th writing sync waits until `window.__xsgReleaseWrite()`.
 */
function excelPageScript(rows: unknown[][], latencyMs = 5): string {
  const workbook = { sheets: [{ name: SHEET, cells: rows }], selection: "B4" };
  return officeJsDouble({
    host: "Excel",
    extra: `
      const module = { exports: {} };
      (function (exports, module) { ${doubleSource}\n })(module.exports, module);
      const D = module.exports;
      window.__xsgDouble = D;
      window.__xsgWorkbook = D.installExcelDouble(window, ${JSON.stringify(workbook)});
      const sync = D.DoubleRequestContext.prototype.sync;
      let writeSyncs = 0;
      let hold = null;
      window.__xsgHoldWrite = (n) => { hold = { n, gate: new Promise((r) => (window.__xsgReleaseWrite = r)) }; };
      window.__xsgWriteSyncs = () => writeSyncs;
      D.DoubleRequestContext.prototype.sync = async function (passThrough) {
        const writes = (this.queue || []).some((op) => op.writes);
        await new Promise((r) => setTimeout(r, ${latencyMs}));
        if (writes) {
          writeSyncs++;
          if (hold && hold.n === writeSyncs) await hold.gate;
        }
        return sync.call(this, passThrough);
      };
    `,
  });
}

async function openExcel(rows: unknown[][], height = 1000): Promise<OpenedPage> {
  const tab = await openPage(`${server.url}taskpane.html`, {
    officeJs: excelPageScript(rows),
    viewport: { width: WIDTH, height },
  });
  // Reduced motion: Fluent skips its expand/collapse animations, so screenshots show the settled UI.
  await tab.page.emulateMedia({ reducedMotion: "reduce" });
  await tab.page.getByRole("tab", { name: "批量填充" }).waitFor({ timeout: 30_000 });
  return tab;
}

/** Displayed values of an address in the double's workbook. */
function values(page: Page, address: string): Promise<(string | number | boolean)[][]> {
  return page.evaluate(([sheet, a]) => (window as any).__xsgWorkbook.sheet(sheet).values(a), [SHEET, address] as const);
}

function formulas(page: Page, address: string): Promise<(string | number | boolean)[][]> {
  return page.evaluate(([sheet, a]) => (window as any).__xsgWorkbook.sheet(sheet).formulas(a), [
    SHEET,
    address,
  ] as const);
}

/** Screenshot from the top of the taskpane, as tall as its content (up to `maxHeight`), animations settled. */
async function screenshotWhole(page: Page, name: string, maxHeight = 1600): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: WIDTH, height: Math.min(height, maxHeight) });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await screenshot(page, name);
}

async function readData(page: Page): Promise<void> {
  await page.getByRole("button", { name: "读取数据" }).click();
  await page.getByText("表头在第 3 行").waitFor();
}

describe("taskpane in Chromium over the Excel double", () => {
  test("fill 300 rows, check the cells, screenshot the summary, then undo restores the sheet exactly", async () => {
    const rows = sampleSheet(296);
    const tab = await openExcel(rows);
    const { page } = tab;
    try {
      const before = await formulas(page, "A1:Q303");
      await readData(page);
      expect(await page.getByText("共 300 行数据").count()).toBe(1);
      await page.getByRole("button", { name: "开始填充" }).click();
      await page.getByText("填充汇总").waitFor({ timeout: 60_000 });

      // Output block right of the data (K:Q), header in row 3, amounts in 万元, empty (not 0) for a bad row.
      expect((await values(page, "K3:Q3"))[0]).toEqual([
        "升规奖励(万元)",
        "技改补助(万元)",
        "租金补助(万元)",
        "合计(万元)",
        "状态",
        "依据",
        "说明",
      ]);
      const out = await values(page, "K4:Q7");
      expect(out[0][0]).toBe(20); // 杭州市 first-year award (R5, 不超过 ⇒ the maximum)
      expect(String(out[0][5])).toContain("杭政办函〔2024〕3号");
      expect(out[1][0]).toBe(0); // 1500 万元 < 2000
      expect(out[2][0]).toBe(""); // 营业收入 "abc": no amount…
      expect(String(out[2][6])).toContain("主营业务收入（万元）"); // …and 说明 names the column
      expect(out[3][0]).toBe(10); // 晋城市 k = 1
      const lastRow = await values(page, "O303:O303");
      expect(String(lastRow[0][0])).not.toBe("");
      // Every request stayed under the 5 MB limit.
      const stats = await page.evaluate(() => (window as any).__xsgWorkbook.stats);
      expect(stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);

      await expect(page.getByText("奖补合计（应申请预算）").isVisible()).resolves.toBe(true);
      await screenshotWhole(page, "taskpane");

      // 写入汇总表: a new sheet with a native chart.
      await page.getByRole("button", { name: "写入汇总表" }).click();
      await page.getByText("已写入汇总表").waitFor();
      const summarySheets = await page.evaluate(() =>
        (window as any).__xsgWorkbook.sheets.map((s: any) => ({ name: s.name, charts: s.charts.length })),
      );
      expect(summarySheets.length).toBe(2);
      expect(summarySheets[1].charts).toBeGreaterThan(0);

      await page.getByRole("button", { name: "撤销填充" }).click();
      await page.getByText("已撤销").waitFor();
      expect(await formulas(page, "A1:Q303")).toEqual(before);
      expect(tab.errors).toEqual([]);
      expect(tab.blocked).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  test("取消 mid-fill leaves whole blocks written, the rest untouched, and says how far it got", async () => {
    const tab = await openExcel(sampleSheet(5_996));
    const { page } = tab;
    try {
      await readData(page);
      await page.evaluate(() => (window as any).__xsgHoldWrite(1)); // hold the first block's write
      await page.getByRole("button", { name: "开始填充" }).click();
      await page.waitForFunction(() => (window as any).__xsgWriteSyncs() >= 1, null, { timeout: 60_000 });
      await page.getByRole("button", { name: "取消" }).click();
      await page.evaluate(() => (window as any).__xsgReleaseWrite());
      await page.getByText("已取消").waitFor({ timeout: 60_000 });

      const message = (await page.getByText("已取消").textContent()) ?? "";
      const done = Number(/已写入前 (\d+) 行/.exec(message)?.[1]);
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(6_000);
      // Rows 4 … 3+done have a status; the next row and all below are untouched.
      const lastWritten = 3 + done;
      expect(String((await values(page, `O${lastWritten}:O${lastWritten}`))[0][0])).not.toBe("");
      const rest = await values(page, `K${lastWritten + 1}:Q${3 + 6_000}`);
      expect(rest.every((row) => row.every((cell) => cell === ""))).toBe(true);
      expect(await page.getByRole("button", { name: "撤销填充" }).isEnabled()).toBe(true);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  test("资格查询 follows the selection and shows every clause with its citation", async () => {
    const tab = await openExcel(sampleSheet(296), 1100);
    const { page } = tab;
    try {
      await page.getByRole("tab", { name: "资格查询" }).click();
      await page.getByText("跟随所选行").waitFor({ timeout: 30_000 });
      // An empty search box must not point aria-controls at a result list that is not there.
      expect(await axeViolations(page)).toEqual([]);
      await page.evaluate((sheet) => (window as any).__xsgWorkbook.select("C4", sheet), SHEET);
      const panel = page.locator('[aria-labelledby="tab-lookup"]');
      await panel.getByText("杭州西溪智造科技有限公司").first().waitFor();
      const award = panel.locator('[data-clause="hangzhou.1"]');
      expect(await award.getAttribute("data-status")).toBe("granted");
      expect(await award.textContent()).toContain("20 万元");
      expect(await award.textContent()).toContain("杭政办函〔2024〕3号");
      await award.locator("summary").click(); // open the quoted text
      await expect(award.locator("blockquote").isVisible()).resolves.toBe(true);
      expect(await panel.textContent()).toContain("非现金支持");
      await screenshotWhole(page, "lookup", 1400);

      // Moving to another row follows; searching by credit code finds a row too.
      await page.evaluate((sheet) => (window as any).__xsgWorkbook.select("B7", sheet), SHEET);
      await panel.getByText("晋城高平机械有限公司").first().waitFor();
      await panel.getByRole("searchbox").fill("鹿城鞋业");
      await panel.getByRole("button", { name: /温州鹿城鞋业有限公司/ }).click();
      await panel.locator('[data-clause="lucheng.1"]').waitFor();
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  test("政策浏览 shows the document and its clauses", async () => {
    const tab = await openExcel(sampleSheet(0), 1100);
    const { page } = tab;
    try {
      await page.getByRole("tab", { name: "政策浏览" }).click();
      const panel = page.locator('[aria-labelledby="tab-policy"]');
      await panel.getByRole("combobox").click();
      await page.getByRole("option", { name: "杭州市" }).click();
      await panel.getByText("杭政办函〔2024〕3号").first().waitFor();
      await panel.getByRole("button", { name: /首次上规奖励与连续3年在规奖励/ }).click();
      await panel.getByText("分年奖励：k=0：20万元").waitFor();
      await screenshotWhole(page, "policy", 1400);
      expect(await axeViolations(page)).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

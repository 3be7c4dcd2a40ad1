/**
 * The BUILT WPS add-in (npm run build:wps → dist-wps/XSG_<version>/) in Chromium, with a stand-in
 * for WPS's `Application` root (AddCustomFunction, PluginStorage, CreateTaskPane) — not a real
 * WPS: the main page registers the 13 XSG functions in namespace XSG exactly as functions.json
 * names them, they compute in the page as in Excel (2-D results for SCHEDULE/REGIONS, errors as
 * "#N/A …" text), the ribbon callbacks open the task pane, and the task pane page renders the
 * policy browser outside WPS. No request leaves the test server.
 */
import fs from "fs";
import path from "path";
import * as wps from "../../scripts/wps-package.cjs";
import { closeBrowser, openPage, serveDist, type DistServer } from "./harness";

const FOLDER = path.join(wps.ROOT, wps.OUTPUT_DIR, wps.addinFolder());

/** What the main page sees as window.Application in WPS: records what the add-in does with it. */
const FAKE_WPS_ROOT = `
  window.__registered = {};
  window.__panes = [];
  const stored = {};
  window.Application = {
    AddCustomFunction(namespace, name, callback) { window.__registered[namespace + "." + name] = callback; },
    PluginStorage: { getItem: (k) => (k in stored ? stored[k] : null), setItem: (k, v) => { stored[k] = String(v); } },
    CreateTaskPane(url, title) {
      const pane = { ID: window.__panes.length + 1, Visible: false, DockPosition: 4, url, title, Navigate(u) { pane.url = u; } };
      window.__panes.push(pane);
      return pane;
    },
    GetTaskPane(id) { return window.__panes[id - 1]; },
  };
`;

let server: DistServer;

beforeAll(async () => {
  if (!fs.existsSync(path.join(FOLDER, "index.html"))) throw new Error(`${FOLDER}: run \`npm run build:wps\` first`);
  server = await serveDist({ root: FOLDER });
});

afterAll(async () => {
  await server?.close();
  await closeBrowser();
});

test("index.html registers the functions of functions.json; they compute as in Excel; the ribbon opens the pane", async () => {
  const tab = await openPage(`${server.url}index.html`, { initScripts: [FAKE_WPS_ROOT], officeJs: "none" });
  try {
    const declared = JSON.parse(fs.readFileSync(path.join(FOLDER, "functions.json"), "utf8")) as {
      functions: { name: string }[];
    };
    const registered = await tab.page.evaluate(() =>
      Object.keys((window as unknown as { __registered: object }).__registered),
    );
    expect(registered.sort()).toEqual(declared.functions.map((f) => `XSG.${f.name}`).sort());
    expect(registered).toHaveLength(13);

    const results = await tab.page.evaluate(() => {
      const fns = (window as unknown as { __registered: Record<string, (...a: unknown[]) => unknown> }).__registered;
      const omitted = -2147352572;
      return {
        award: fns["XSG.AWARD"]("杭州市", 2500, 2024, omitted, omitted, omitted),
        withTag: fns["XSG.TOTAL"]("杭州市", [["个转企"]]),
        schedule: fns["XSG.SCHEDULE"]("杭州市", 2024, omitted),
        regions: fns["XSG.REGIONS"](),
        missingYear: fns["XSG.AWARD"]("杭州市", 2500, null, omitted, omitted, omitted),
        errorCell: fns["XSG.STATUS"]("杭州市", -2146826246),
      };
    });
    expect(results.award).toBe(20);
    expect(results.withTag).toBe(60);
    expect(results.schedule).toEqual([
      [2024, expect.any(Number)],
      [2025, expect.any(Number)],
      [2026, expect.any(Number)],
    ]);
    expect(Array.isArray(results.regions) && (results.regions as unknown[][]).every((r) => r.length === 1)).toBe(true);
    expect(results.missingYear).toMatch(/^#N\/A 参数 year（[^）]+）：/);
    expect(results.errorCell).toMatch(/^#N\/A 参数 revenue（[^）]+）：单元格是错误值 #N\/A/);

    const pane = await tab.page.evaluate(() => {
      const w = window as unknown as { ribbon: { OnAction(c: { Id: string }): unknown }; __panes: object[] };
      w.ribbon.OnAction({ Id: "xsgLookup" });
      return w.__panes;
    });
    expect(pane).toEqual([
      expect.objectContaining({ url: `${server.url}taskpane.html#lookup`, Visible: true, DockPosition: 2 }),
    ]);
    expect(tab.errors).toEqual([]);
    expect(tab.blocked).toEqual([]);
  } finally {
    await tab.close();
  }
});

test("taskpane.html renders the same App; outside WPS only the policy browser", async () => {
  const tab = await openPage(`${server.url}taskpane.html#policy`, { officeJs: "none", waitFor: "#tab-policy" });
  try {
    expect(await tab.page.isDisabled("#tab-fill")).toBe(true);
    const text = (await tab.page.textContent("body")) ?? "";
    expect(text).toContain("政策浏览");
    expect(text).toMatch(/文号.*〔20\d\d〕/);
    expect(tab.errors).toEqual([]);
    expect(tab.blocked).toEqual([]);
  } finally {
    await tab.close();
  }
});

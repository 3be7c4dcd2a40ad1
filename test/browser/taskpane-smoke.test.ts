/**
 * The BUILT add-in (dist/) in headless Chromium: the shared-runtime page loads with the real
 * office.js and no page errors, touches nothing off its own server, registers every function
 * functions.json declares, and the bundles and manifest are what Excel will be given.
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";
import * as layout from "../../scripts/addin-layout.cjs";
import { baseUrlOf, inspectManifest, unresolvedFiles } from "../../scripts/manifest/validate";
import {
  closeBrowser,
  DIST_DIR,
  type DistServer,
  officeJsDouble,
  openPage,
  readManifestUrls,
  serveDist,
} from "./harness";

const FUNCTIONS_BUDGET_GZIP = 60 * 1024;

interface FunctionsJson {
  functions: { id: string; name: string }[];
}

let server: DistServer;

beforeAll(async () => {
  server = await serveDist();
});

afterAll(async () => {
  await server?.close();
  await closeBrowser();
});

describe("the built taskpane page in Chromium", () => {
  test("loads with the real office.js, which outside Office reports host null, without page errors", async () => {
    const urls = readManifestUrls();
    const tab = await openPage(`${server.url}${urls.page}`);
    try {
      const ready = await tab.page.evaluate(async () => {
        const info = await Office.onReady();
        return { host: info.host ?? null, associate: typeof CustomFunctions.associate };
      });
      expect(ready).toEqual({ host: null, associate: "function" });
      // The React app has mounted (the page's static "Loading…" text is not the app).
      await tab.page.locator("#container h1").waitFor({ timeout: 20_000 });
      await tab.page.waitForTimeout(500); // late effects (Office.onReady handlers) would throw here
      expect(tab.errors).toEqual([]);
      expect(tab.consoleErrors).toEqual([]);
      expect(tab.blocked).toEqual([]);
      expect(await tab.page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    } finally {
      await tab.close();
    }
  });

  test("asks for office.js where the build said (Microsoft CDN, or its own office-js/ folder) before the bundles", async () => {
    const html = fs.readFileSync(path.join(DIST_DIR, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect([layout.OFFICE_JS_CDN_URL, layout.OFFICE_JS_LOCAL_URL]).toContain(scripts[0]);
    expect(scripts.slice(1)).toEqual(["functions.js", "taskpane.js"]);
    if (scripts[0] === layout.OFFICE_JS_LOCAL_URL) {
      expect(fs.existsSync(path.join(DIST_DIR, layout.OFFICE_JS_LOCAL_URL))).toBe(true);
    }
  });

  test("pages outside Office (the offline page) carry no office.js", () => {
    const pages = layout.PAGES.filter((p) => !p.officeJs);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = fs.readFileSync(path.join(DIST_DIR, page.filename), "utf8");
      expect(html).toMatch(/<script\b/);
      expect(html).not.toMatch(/office(\.debug)?\.js/);
    }
  });

  test("a dead CDN is only an office.js failure: nothing else is fetched off the server", async () => {
    const before = server.requests.length;
    const tab = await openPage(`${server.url}taskpane.html`, { officeJs: "none" });
    try {
      await tab.page.waitForTimeout(300);
      expect(tab.blocked).toEqual([]);
      expect(server.requests.slice(before)).toEqual(
        expect.arrayContaining(["/taskpane.html", "/functions.js", "/taskpane.js"]),
      );
    } finally {
      await tab.close();
    }
  });

  test("registers exactly the functions that functions.json declares (functions bundle, then taskpane)", async () => {
    const urls = readManifestUrls();
    const metadata = JSON.parse(fs.readFileSync(path.join(DIST_DIR, urls.metadata), "utf8")) as FunctionsJson;
    const tab = await openPage(`${server.url}${urls.page}`, { officeJs: officeJsDouble() });
    try {
      await tab.page.waitForFunction(() => Object.keys(window.__xsgAssociations ?? {}).length > 0, null, {
        timeout: 20_000,
      });
      const associated = await tab.page.evaluate(() => Object.keys(window.__xsgAssociations).sort());
      expect(associated).toEqual(metadata.functions.map((f) => f.id.toUpperCase()).sort());
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

describe("the build in dist/", () => {
  test("manifest.xml is valid and every file it names was built", () => {
    const { facts, problems } = inspectManifest(fs.readFileSync(path.join(DIST_DIR, "manifest.xml"), "utf8"));
    expect(problems).toEqual([]);
    const missing = unresolvedFiles(facts, baseUrlOf(facts), (file) => fs.existsSync(path.join(DIST_DIR, file)));
    expect(missing).toEqual([]);
  });

  test("every localised functions metadata has the same function ids as functions.json", () => {
    const urls = readManifestUrls();
    const ids = (file: string) =>
      (JSON.parse(fs.readFileSync(path.join(DIST_DIR, file), "utf8")) as FunctionsJson).functions.map((f) => f.id);
    const main = ids(urls.metadata);
    expect(main.length).toBeGreaterThan(0);
    for (const file of Object.values(urls.metadataByLocale)) expect(ids(file)).toEqual(main);
  });

  test(`functions.js is at most ${FUNCTIONS_BUDGET_GZIP / 1024} KB gzipped and carries no React`, () => {
    const bundle = fs.readFileSync(path.join(DIST_DIR, "functions.js"));
    const gzipped = zlib.gzipSync(bundle, { level: 9 }).length;
    console.log(`functions.js: ${bundle.length} bytes, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThanOrEqual(FUNCTIONS_BUDGET_GZIP);
    expect(bundle.toString("utf8")).not.toMatch(/react(\.transitional)?\.element|react-dom|__CLIENT_INTERNALS/);
  });

  test("one copy of the policy core: the taskpane uses the functions chunk's catalog; the loader is the taskpane's", () => {
    const read = (file: string) => fs.readFileSync(path.join(DIST_DIR, file), "utf8");
    const functions = read("functions.js");
    const taskpane = read("taskpane.js");
    // A message of the catalog (src/policies/catalog.ts): the module whose state useCatalog sets.
    const catalogText = "该地区无已编码的小升规政策";
    expect(functions).toContain(catalogText);
    expect(taskpane).not.toContain(catalogText);
    // The loader's schema (for 导入政策文件) is not carried by the custom functions.
    const schemaText = "应为原文副本路径";
    expect(functions).not.toContain(schemaText);
    expect(taskpane).toContain(schemaText);
  });
});

declare global {
  interface Window {
    __xsgAssociations: Record<string, unknown>;
  }
}

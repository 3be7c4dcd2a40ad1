/**
 * Shared helpers for the real-browser tests (jest.browser.config.js): the BUILT add-in in
 * dist/ served over plain HTTP on 127.0.0.1, Debian's Chromium driven by playwright-core,
 * office.js replaced by the real file from node_modules or by a test double, and every
 * request off the test server blocked (XSG makes no network calls; the CDN is unreachable).
 *
 *   const server = await serveDist();
 *   const tab = await openPage(`${server.url}taskpane.html`);   // real office.js, outside Office
 *   expect(tab.errors).toEqual([]);
 *   await screenshot(tab.page, "taskpane");                       // test-results/screenshots/taskpane.png
 *   await tab.close(); await server.close(); await closeBrowser();
 */
import fs from "fs";
import http from "http";
import path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import * as layout from "../../scripts/addin-layout.cjs";
import { inspectManifest, baseUrlOf } from "../../scripts/manifest/validate";

export const ROOT = layout.ROOT;
export const DIST_DIR = path.join(ROOT, "dist");
/**
 * Where screenshot() writes: test-results/screenshots (ignored by git, so `npm test` leaves the
 * tree clean); `npm run screenshots` sets XSG_SCREENSHOT_DIR=docs/images to update the README's.
 */
export const IMAGES_DIR = path.resolve(
  ROOT,
  process.env.XSG_SCREENSHOT_DIR || path.join("test-results", "screenshots"),
);
export const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** Where the CDN build of office.js loads its companion files from. */
export const OFFICE_JS_CDN_PREFIX = layout.OFFICE_JS_CDN_URL.slice(0, -"office.js".length);

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};
export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";

/** A canned response: a body (content type from the path's extension) or full details. */
export type RouteBody = string | Buffer | { body: string | Buffer; contentType?: string; status?: number };

function normalizeBody(
  body: RouteBody,
  forPath: string,
): { body: string | Buffer; contentType: string; status: number } {
  if (typeof body === "string" || Buffer.isBuffer(body))
    return { body, contentType: contentTypeOf(forPath), status: 200 };
  return { body: body.body, contentType: body.contentType ?? contentTypeOf(forPath), status: body.status ?? 200 };
}

// ---------------------------------------------------------------------------------------------
// Chromium
// ---------------------------------------------------------------------------------------------

/** Debian's Chromium, or XSG_CHROMIUM when set (then the only candidate); null when none is installed. */
export function findChromium(): string | null {
  const candidates = process.env.XSG_CHROMIUM
    ? [process.env.XSG_CHROMIUM]
    : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

let sharedBrowser: Promise<Browser> | null = null;

/** One headless Chromium shared by the tests of a file; closed by closeBrowser(). */
export function launchBrowser(): Promise<Browser> {
  if (!sharedBrowser) {
    const executablePath = findChromium();
    if (!executablePath) {
      throw new Error("没有可用的 Chromium / no usable Chromium: apt-get install -y chromium (or set XSG_CHROMIUM)");
    }
    sharedBrowser = chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  }
  return sharedBrowser;
}

export async function closeBrowser(): Promise<void> {
  const browser = sharedBrowser;
  sharedBrowser = null;
  if (browser) await (await browser).close();
}

// ---------------------------------------------------------------------------------------------
// Static server over dist/
// ---------------------------------------------------------------------------------------------

export interface DistServer {
  /** "http://127.0.0.1:<port>/" — the base the pages are opened under. */
  url: string;
  origin: string;
  /** Paths requested so far, in order (e.g. "/taskpane.html"). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `root` (default dist/) on 127.0.0.1 at a random port. `routes` maps a path
 * ("/office-js/office.js") to a canned response that replaces the file.
 */
export async function serveDist(
  options: { root?: string; routes?: Record<string, RouteBody> } = {},
): Promise<DistServer> {
  const root = path.resolve(options.root ?? DIST_DIR);
  if (!fs.existsSync(path.join(root, "taskpane.html"))) {
    throw new Error(`${root} has no build: run \`npm run build\` first`);
  }
  const routes = options.routes ?? {};
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    requests.push(pathname);
    const routed = routes[pathname];
    if (routed !== undefined) {
      const { body, contentType, status } = normalizeBody(routed, pathname);
      res.writeHead(status, { "Content-Type": contentType, "Cache-Control": "no-store" });
      res.end(body);
      return;
    }
    const file = path.resolve(root, `.${pathname.endsWith("/") ? `${pathname}index.html` : pathname}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`not found: ${pathname}`);
      return;
    }
    res.writeHead(200, { "Content-Type": contentTypeOf(file), "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

export interface OpenPageOptions {
  /** Scripts run before any page script (e.g. a fake Excel, fixed Date). */
  initScripts?: string[];
  /** Full URLs or paths ("/functions.json") answered with canned responses. */
  routes?: Record<string, RouteBody>;
  /**
   * "real" (default): the CDN URL is answered with the real office.js from node_modules, and
   * a local-office.js build's own office-js/ copy is served as built. A string: that script
   * replaces office.js wherever it is loaded from (a test double).
   * "none": office.js requests fail like an unreachable CDN.
   */
  officeJs?: "real" | "none" | string;
  viewport?: { width: number; height: number };
  /** Wait for this selector after load (default: none). */
  waitFor?: string;
  /** Accept the dev server's self-signed certificate (its CA is checked by scripts/start.mjs). */
  ignoreHTTPSErrors?: boolean;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and unhandled rejections in the page. */
  errors: string[];
  /** console.error messages. */
  consoleErrors: string[];
  /** Requests that would have left the machine; they were aborted. */
  blocked: string[];
  close(): Promise<void>;
}

/** A taskpane-sized page on `url`, with office.js handled and the network cut off. */
export async function openPage(url: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 420, height: 780 },
    locale: "zh-CN",
    serviceWorkers: "block",
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
  });
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  const blocked: string[] = [];
  const pageOrigin = new URL(url).origin;
  const officeJs = options.officeJs ?? "real";
  const routes = options.routes ?? {};

  for (const content of options.initScripts ?? []) await context.addInitScript({ content });

  await context.route("**/*", async (route: Route) => {
    const requestUrl = new URL(route.request().url());
    const canned =
      routes[requestUrl.href] ?? (requestUrl.origin === pageOrigin ? routes[requestUrl.pathname] : undefined);
    if (canned !== undefined) {
      const { body, contentType, status } = normalizeBody(canned, requestUrl.pathname);
      return route.fulfill({ status, contentType, body });
    }
    const officeFile = officeJsFileOf(requestUrl, pageOrigin);
    if (officeFile !== null) {
      if (officeJs === "none") return route.abort("internetdisconnected");
      if (officeJs !== "real" && officeFile === "office.js") {
        return route.fulfill({ status: 200, contentType: contentTypeOf(".js"), body: officeJs });
      }
      // A local-office.js build serves its own copy: let the test server answer, proving the copy works.
      if (requestUrl.origin === pageOrigin) return route.continue();
      const file = path.resolve(OFFICE_JS_DIR, officeFile);
      if (file.startsWith(OFFICE_JS_DIR + path.sep) && fs.existsSync(file)) {
        return route.fulfill({ status: 200, contentType: contentTypeOf(file), body: fs.readFileSync(file) });
      }
      return route.fulfill({ status: 404, body: "" });
    }
    if (requestUrl.origin === pageOrigin || ["data:", "blob:"].includes(requestUrl.protocol)) return route.continue();
    blocked.push(requestUrl.href);
    return route.abort("internetdisconnected");
  });

  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.goto(url, { waitUntil: "load" });
  if (options.waitFor) await page.waitForSelector(options.waitFor);
  return { page, context, errors, consoleErrors, blocked, close: () => context.close() };
}

/** "office.js" / "excel-web-16.00.js" / "zh-cn/office_strings.js" for office.js requests, else null. */
function officeJsFileOf(url: URL, pageOrigin: string): string | null {
  if (url.href.startsWith(OFFICE_JS_CDN_PREFIX)) return url.href.slice(OFFICE_JS_CDN_PREFIX.length).split(/[?#]/)[0];
  const local = `/${layout.OFFICE_JS_LOCAL_DIR}/`;
  const at = url.pathname.indexOf(local);
  if (url.origin === pageOrigin && at >= 0) return url.pathname.slice(at + local.length);
  return null;
}

/** Saves a PNG to IMAGES_DIR/<name>.png (`npm run screenshots`: docs/images, which the README shows). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(IMAGES_DIR, { recursive: true });
  const file = path.join(IMAGES_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

// ---------------------------------------------------------------------------------------------
// The manifest, as Excel reads it
// ---------------------------------------------------------------------------------------------

export interface ManifestUrls {
  /** The base every manifest URL shares, e.g. "https://localhost:3000/". */
  baseUrl: string;
  /** Shared-runtime page (custom-functions Page = taskpane), relative to the base: "taskpane.html". */
  page: string;
  /** Custom-functions script: "functions.js". */
  script: string;
  /** Custom-functions metadata: "functions.json". */
  metadata: string;
  /** Localised metadata by locale, e.g. { "en-US": "functions.en-US.json" }. */
  metadataByLocale: Record<string, string>;
}

/**
 * The files manifest.xml names for the shared runtime and custom functions, relative to its
 * base URL — dist/manifest.xml when built, else the repository's manifest.xml. A test then
 * opens `${server.url}${urls.page}` exactly as Excel would.
 */
export function readManifestUrls(manifestPath?: string): ManifestUrls {
  const file =
    manifestPath ??
    [path.join(DIST_DIR, "manifest.xml"), path.join(ROOT, "manifest.xml")].find((f) => fs.existsSync(f));
  if (!file) throw new Error("no manifest.xml");
  const { facts, problems } = inspectManifest(fs.readFileSync(file, "utf8"));
  if (problems.length) throw new Error(`${file} is invalid:\n${problems.join("\n")}`);
  const baseUrl = baseUrlOf(facts);
  const relative = (url: string | undefined, what: string): string => {
    if (!url || !url.startsWith(baseUrl)) throw new Error(`${what} URL ${url} is not under ${baseUrl}`);
    return url.slice(baseUrl.length);
  };
  const metadataByLocale: Record<string, string> = {};
  for (const [locale, url] of Object.entries(facts.metadataOverrides))
    metadataByLocale[locale] = relative(url, `metadata (${locale})`);
  return {
    baseUrl,
    page: relative(facts.runtimeUrl, "page"),
    script: relative(facts.scriptUrl, "script"),
    metadata: relative(facts.metadataUrl, "metadata"),
    metadataByLocale,
  };
}

// ---------------------------------------------------------------------------------------------
// A minimal office.js double
// ---------------------------------------------------------------------------------------------

/**
 * Script text for `openPage(url, { officeJs: officeJsDouble() })`: Office.onReady resolves
 * with the given host, and CustomFunctions.associate records into
 * `window.__xsgAssociations` (id → function), as the shared runtime does inside Excel.
 * `extra` is appended (e.g. a fake `Excel` global).
 */
export function officeJsDouble(options: { host?: string | null; extra?: string } = {}): string {
  const host = options.host === undefined ? "Excel" : options.host;
  return `(() => {
  const info = { host: ${JSON.stringify(host)}, platform: ${JSON.stringify(host ? "OfficeOnline" : null)} };
  window.__xsgAssociations = {};
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: { displayLanguage: "zh-CN", requirements: { isSetSupported: () => true } },
    onReady(callback) { return Promise.resolve(info).then((i) => { if (callback) callback(i); return i; }); },
  };
  class CustomFunctionsError extends Error {
    constructor(code, message) { super(message || code); this.code = code; }
  }
  window.CustomFunctions = {
    associate(idOrMap, fn) {
      if (typeof idOrMap === "string") window.__xsgAssociations[idOrMap.toUpperCase()] = fn;
      else for (const [id, f] of Object.entries(idOrMap)) window.__xsgAssociations[id.toUpperCase()] = f;
    },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };
  ${options.extra ?? ""}
})();`;
}

// ---------------------------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------------------------

const AXE_SOURCE = path.join(path.dirname(require.resolve("axe-core/package.json")), "axe.min.js");

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

/**
 * axe-core's violations on the page as it is now, at the given impacts (default: serious and
 * critical). axe.min.js is evaluated through the DevTools protocol, not added as a <script>,
 * so the offline page's strict CSP (script-src 'self') does not block it.
 */
export async function axeViolations(
  page: Page,
  impacts: readonly string[] = ["serious", "critical"],
): Promise<AxeFinding[]> {
  await page.evaluate(fs.readFileSync(AXE_SOURCE, "utf8"));
  const findings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const { violations } = await axe.run();
    return violations
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        // Fluent UI's focus manager (Tabster) adds <i data-tabster-dummy aria-hidden tabindex=0>
        // bumpers on purpose; Microsoft's own checker drops exactly these aria-hidden-focus hits
        // (microsoft/tabster#288, microsoft/accessibility-insights-web#7605). Nothing else is waived.
        nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && /\sdata-tabster-dummy=/.test(n.html))),
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
    interface AxeViolation {
      id: string;
      impact?: string | null;
      help: string;
      nodes: { target: string[]; html: string }[];
    }
  });
  return findings.filter((f) => f.impact !== null && impacts.includes(f.impact));
}

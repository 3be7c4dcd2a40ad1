/**
 * webpack.config.js as configuration: entries, page chunk order, office.js modes, base URL,
 * and the dev server (localhost only, HTTPS). The real build runs in `npm test` after the
 * unit tests; these catch a wrong option in milliseconds.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import * as layout from "../../../scripts/addin-layout.cjs";

const config = require("../../../webpack.config.js") as {
  (env: Record<string, unknown>, argv: { mode?: string }): Promise<WebpackConfig>;
  pointOfficeJsScript(html: string, src: string): string;
  officeJsMode(value: unknown): string;
};

interface CopyPattern {
  from: string;
  to: string;
  context?: string;
  info?: { minimized?: boolean };
  globOptions?: { ignore?: string[] };
  transform?: (content: Buffer) => string;
}
interface WebpackConfig {
  mode: string;
  entry: Record<string, { import: string; dependOn?: string }>;
  output: { path: string; filename: string; publicPath: string };
  plugins: { constructor: { name: string }; userOptions?: Record<string, unknown>; patterns?: CopyPattern[] }[];
  devServer?: unknown;
}

const build = (env: Record<string, unknown> = {}) => config(env, { mode: "production" });
const copyPatterns = (c: WebpackConfig): CopyPattern[] =>
  c.plugins.find((p) => p.constructor.name === "CopyPlugin")?.patterns ?? [];
const manifestFrom = (c: WebpackConfig): string => {
  const pattern = copyPatterns(c).find((p) => p.to === "manifest.xml");
  if (!pattern?.transform) throw new Error("manifest.xml is not copied with a transform");
  return pattern.transform(fs.readFileSync(path.join(layout.ROOT, "manifest.xml")));
};

describe("webpack.config.js", () => {
  const savedEnv = { ...process.env };
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    process.env = { ...savedEnv };
    warn.mockRestore();
  });

  test("a production build left on localhost says how to set the deployment base URL", async () => {
    await build();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("--env baseUrl="));
    warn.mockClear();
    await build({ baseUrl: "https://intranet.example/xsg/" });
    expect(warn).not.toHaveBeenCalled();
  });

  test("builds the functions and taskpane entries, taskpane sharing the functions chunk", async () => {
    const c = await build();
    expect(c.mode).toBe("production");
    expect(c.entry.functions.import).toBe("./functions/functions.ts");
    expect(c.entry.taskpane).toEqual({ import: "./taskpane/index.tsx", dependOn: "functions" });
    expect(c.output.filename).toBe("[name].js");
    expect(c.output.path).toBe(path.join(layout.ROOT, "dist"));
    expect(c.devServer).toBeUndefined();
  });

  test("taskpane.html loads functions before taskpane; the offline page stands alone", async () => {
    const c = await build();
    const html = c.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin").map((p) => p.userOptions);
    expect(html).toEqual([
      expect.objectContaining({
        filename: "taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      expect.objectContaining({ filename: "standalone.html", chunks: ["standalone"] }),
    ]);
    expect(c.entry.standalone).toEqual({ import: "./taskpane/standalone/index.tsx" });
    // Only Office pages get office.js.
    expect(layout.PAGES.filter((p) => p.officeJs).map((p) => p.filename)).toEqual(["taskpane.html"]);
    const metadata = c.plugins.find((p) => p.constructor.name === "CustomFunctionsMetadataPlugin") as unknown as {
      options: { input: string; output: string };
    };
    expect(metadata.options).toEqual({ input: "functions/functions.ts", output: "functions.json" });
  });

  test("by default office.js comes from Microsoft's CDN and is not copied", async () => {
    const c = await build();
    expect(copyPatterns(c).some((p) => p.to.startsWith("office-js"))).toBe(false);
  });

  test("--env officeJs=local copies office.js (marked minimized) and points the page at it", async () => {
    const c = await build({ officeJs: "local" });
    const office = copyPatterns(c).find((p) => p.to.startsWith("office-js/"));
    expect(office?.info).toEqual({ minimized: true });
    expect(fs.existsSync(path.join(office?.context ?? "", "office.js"))).toBe(true);
    expect(office?.globOptions?.ignore).toContain("**/*.debug.js");
    process.env.XSG_OFFICE_JS = "local";
    expect(copyPatterns(await build()).some((p) => p.to.startsWith("office-js/"))).toBe(true);
    await expect(build({ officeJs: "intranet" })).rejects.toThrow(/cdn.*local/);
  });

  test("--env baseUrl (or XSG_BASE_URL) rewrites the built manifest; http is refused", async () => {
    const fromEnvFlag = manifestFrom(await build({ baseUrl: "https://intranet.example/xsg" }));
    expect(fromEnvFlag).toContain('DefaultValue="https://intranet.example/xsg/taskpane.html"');
    expect(fromEnvFlag).not.toContain("localhost");
    process.env.XSG_BASE_URL = "https://other.example/";
    expect(manifestFrom(await build())).toContain('DefaultValue="https://other.example/functions.js"');
    await expect(build({ baseUrl: "http://intranet.example/" })).rejects.toThrow(/HTTPS/);
    delete process.env.XSG_BASE_URL;
    expect(manifestFrom(await build())).toContain(`DefaultValue="${layout.DEV_BASE_URL}taskpane.html"`);
  });

  test("copies the English functions metadata exactly when it exists", async () => {
    const copied = copyPatterns(await build()).some((p) => p.to === layout.FUNCTIONS_METADATA_EN.output);
    expect(copied).toBe(layout.hasEnglishMetadata());
  });
});

describe("pointOfficeJsScript", () => {
  const cdn = layout.OFFICE_JS_CDN_URL;
  test("replaces the template's CDN tag, quoted or minified", () => {
    const page = `<head><title>x</title><script src="${cdn}"></script></head>`;
    expect(config.pointOfficeJsScript(page, "office-js/office.js")).toBe(
      '<head><title>x</title><script src="office-js/office.js"></script></head>',
    );
    const minified = `<head><script src=${cdn}></script><script defer src=functions.js></script></head>`;
    expect(config.pointOfficeJsScript(minified, cdn)).toBe(
      `<head><script src="${cdn}"></script><script defer src=functions.js></script></head>`,
    );
  });
  test("injects office.js first in <head> when the template has none", () => {
    expect(
      config.pointOfficeJsScript('<html><head lang="zh"><meta charset="UTF-8"></head>', "office-js/office.js"),
    ).toBe('<html><head lang="zh"><script src="office-js/office.js"></script><meta charset="UTF-8"></head>');
  });
  test("leaves other scripts alone", () => {
    const page = '<head><script src="officeHelpers.js"></script></head>';
    expect(config.pointOfficeJsScript(page, "x/office.js")).toBe(
      '<head><script src="x/office.js"></script><script src="officeHelpers.js"></script></head>',
    );
  });
});

describe("dev server options (webpack serve)", () => {
  test("HTTPS on localhost:3000 only, CORS header, certificates without a trust-store install", () => {
    const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "xsg-certs-"));
    try {
      // A child process: the config loads scripts/dev-certs.mjs with a native dynamic import.
      const script = `require("./webpack.config.js")({ WEBPACK_SERVE: true }, { mode: "development" }).then((c) => {
        const d = c.devServer;
        console.log(JSON.stringify({ host: d.host, port: d.port, type: d.server.type, headers: d.headers,
          hasKey: String(d.server.options.key).includes("PRIVATE KEY"), cert: String(d.server.options.cert).includes("CERTIFICATE"),
          client: d.client, hot: d.hot, liveReload: d.liveReload, entry: c.entry }));
      });`;
      const run = spawnSync(process.execPath, ["-e", script], {
        cwd: layout.ROOT,
        encoding: "utf8",
        env: { ...process.env, XSG_CERT_DIR: certDir },
      });
      expect(run.status).toBe(0);
      const last = run.stdout.trim().split("\n").pop() ?? "";
      expect(JSON.parse(last)).toEqual({
        host: "localhost",
        port: 3000,
        type: "https",
        headers: { "Access-Control-Allow-Origin": "*" },
        hasKey: true,
        cert: true,
        // The server injects no client into every entry (that broke the taskpane, which shares
        // the functions runtime); the live-reload client is in the functions entry only.
        client: false,
        hot: false,
        liveReload: true,
        entry: expect.any(Object),
      });
      const { entry } = JSON.parse(last) as { entry: Record<string, { import: string | string[]; dependOn?: string }> };
      const clientIn = Object.entries(entry)
        .filter(([, e]) => [e.import].flat().some((file) => file.includes("webpack-dev-server/client/index.js?")))
        .map(([name]) => name);
      expect(clientIn).toEqual(["functions"]);
      expect(entry.taskpane).toEqual(layout.ENTRIES.taskpane);
      expect([entry.functions.import].flat().pop()).toBe(layout.ENTRIES.functions.import);
      // The socket URL comes from the page's location, so any port (XSG_DEV_PORT) works.
      expect([entry.functions.import].flat()[0]).toMatch(/protocol=auto%3A&hostname=0\.0\.0\.0&port=0&pathname=%2Fws/);
      expect(fs.readdirSync(certDir).sort()).toEqual(["ca.crt", "localhost.crt", "localhost.key"]);
    } finally {
      fs.rmSync(certDir, { recursive: true, force: true });
    }
  });

  test("XSG_DEV_PORT moves the server and its manifest URLs; a bad value is refused", () => {
    const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "xsg-certs-"));
    try {
      const script = `require("./webpack.config.js")({ WEBPACK_SERVE: true }, { mode: "development" }).then((c) => {
        const manifest = c.plugins.find((p) => p.constructor.name === "CopyPlugin").patterns.find((p) => p.to === "manifest.xml");
        const xml = manifest.transform(require("fs").readFileSync("manifest.xml"));
        console.log(JSON.stringify({ port: c.devServer.port, has3000: xml.includes("localhost:3000"), has: xml.includes("https://localhost:3457/taskpane.html") }));
      });`;
      const env = { ...process.env, XSG_CERT_DIR: certDir, XSG_DEV_PORT: "3457" };
      const run = spawnSync(process.execPath, ["-e", script], { cwd: layout.ROOT, encoding: "utf8", env });
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout.trim().split("\n").pop() ?? "")).toEqual({ port: 3457, has3000: false, has: true });
    } finally {
      fs.rmSync(certDir, { recursive: true, force: true });
    }
    expect(layout.devServerPort({})).toBe(3000);
    expect(layout.devServerPort({ XSG_DEV_PORT: "8443" })).toBe(8443);
    expect(() => layout.devServerPort({ XSG_DEV_PORT: "http" })).toThrow(/XSG_DEV_PORT/);
    expect(() => layout.devServerPort({ XSG_DEV_PORT: "70000" })).toThrow(/XSG_DEV_PORT/);
  });
});

/**
 * Build of the XSG add-in (see scripts/addin-layout.cjs for the file layout it shares with
 * the manifest tests and the dev scripts).
 *
 *   npm run build                                   production build in dist/ (manifest → https://localhost:3000/)
 *   npm run build -- --env baseUrl=https://intranet.example/xsg/   manifest URLs for an intranet server
 *   npm run build -- --env officeJs=local           serve office.js from the add-in's own origin
 *   npm run dev-server                              https://localhost:3000 from memory
 *
 * Environment equivalents: XSG_BASE_URL, XSG_OFFICE_JS=local|cdn.
 * Type-checking is `npm run typecheck`; ts-loader only transpiles, which keeps builds fast.
 */
"use strict";
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const layout = require("./scripts/addin-layout.cjs");
const typescript = require("./scripts/webpack-typescript.cjs");

const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
// Only Excel's host scripts are needed; debug builds, IntelliSense and other hosts' files are not.
const OFFICE_JS_SKIP = [
  "**/*.debug.js",
  "**/*-vsdoc.js",
  "**/*.d.ts",
  "**/outlook_strings.js",
  "**/{access,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,word,wordios}-*.js",
];

function officeJsMode(value) {
  const mode = String(value || "cdn").toLowerCase();
  if (mode !== "cdn" && mode !== "local") {
    throw new Error(`officeJs 只能是 cdn 或 local / officeJs must be "cdn" or "local", got "${value}"`);
  }
  return mode;
}

/**
 * Points an Office page's office.js <script> at `src`. A template may already reference the
 * CDN (so it also works unbuilt); one without an office.js tag gets it first in <head>, before
 * the deferred bundles that need the Office and CustomFunctions globals.
 */
function pointOfficeJsScript(html, src) {
  const officeTag = /<script\b[^>]*\bsrc=["']?[^"'\s>]*\boffice(\.debug)?\.js["']?[^>]*>\s*<\/script>/i;
  const tag = `<script src="${src}"></script>`;
  return officeTag.test(html) ? html.replace(officeTag, tag) : html.replace(/<head[^>]*>/i, (head) => `${head}${tag}`);
}

/** Points the help links in the generated functions.json at `baseUrl` (see layout.rebaseUrls). */
class RebaseFunctionsMetadataPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("RebaseFunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RebaseFunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        () => {
          const asset = compilation.getAsset(layout.FUNCTIONS_METADATA);
          if (!asset) return;
          const text = layout.rebaseUrls(asset.source.source().toString(), this.baseUrl);
          compilation.updateAsset(layout.FUNCTIONS_METADATA, new sources.RawSource(text));
        },
      );
    });
  }
}

class OfficeJsScriptPlugin {
  constructor(src) {
    this.src = src;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsScriptPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("OfficeJsScriptPlugin", (data) => {
        const page = layout.PAGES.find((p) => p.filename === data.outputName);
        if (page && page.officeJs) data.html = pointOfficeJsScript(data.html, this.src);
        return data;
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const port = layout.devServerPort();
  // The dev server's manifest names the port it really listens on (XSG_DEV_PORT, default 3000).
  const defaultBaseUrl = serving ? `https://localhost:${port}/` : layout.DEV_BASE_URL;
  const baseUrl = layout.normalizeBaseUrl(env.baseUrl || process.env.XSG_BASE_URL || defaultBaseUrl);
  const officeJs = officeJsMode(env.officeJs || process.env.XSG_OFFICE_JS);
  const englishMetadata = layout.hasEnglishMetadata();

  if (production && !serving && baseUrl === layout.DEV_BASE_URL) {
    console.warn(
      "[xsg] 清单地址为 https://localhost:3000/；部署请加 --env baseUrl=https://服务器/路径/\n" +
        "[xsg] manifest URLs point at https://localhost:3000/; for deployment add --env baseUrl=https://server/path/",
    );
  }

  const copyPatterns = [
    { from: "assets", to: "assets", globOptions: { ignore: ["**/.*"] } },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => layout.renderManifest(content.toString("utf8"), { baseUrl, englishMetadata }),
    },
  ];
  if (englishMetadata) {
    copyPatterns.push({
      from: layout.FUNCTIONS_METADATA_EN.source,
      to: layout.FUNCTIONS_METADATA_EN.output,
      transform: (content) => layout.rebaseUrls(content.toString("utf8"), baseUrl),
    });
  }
  if (officeJs === "local") {
    copyPatterns.push({
      context: OFFICE_JS_DIST, // globs and ignores are relative to it
      from: "**/*",
      to: `${layout.OFFICE_JS_LOCAL_DIR}/[path][name][ext]`,
      globOptions: { ignore: OFFICE_JS_SKIP },
      // Already minified by Microsoft; re-minifying 30 MB of scripts takes minutes.
      info: { minimized: true },
    });
  }

  return {
    mode: production ? "production" : "development",
    context: __dirname,
    entry: serving ? withDevClient(layout.ENTRIES) : layout.ENTRIES,
    // No eval-based maps in development: the offline page's CSP (script-src 'self') forbids eval.
    devtool: production ? "source-map" : "cheap-module-source-map",
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Relative URLs so dist/ works under any base path (e.g. https://intranet.example/xsg/).
      publicPath: "auto",
      clean: true,
    },
    resolve: typescript.resolve,
    module: {
      rules: [typescript.typescriptRule({ sourceMap: true })],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: layout.FUNCTIONS_SOURCE, output: layout.FUNCTIONS_METADATA }),
      new RebaseFunctionsMetadataPlugin(baseUrl),
      ...layout.PAGES.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: page.filename,
            template: page.template,
            chunks: page.chunks,
            chunksSortMode: "manual",
            scriptLoading: "defer",
          }),
      ),
      new OfficeJsScriptPlugin(officeJs === "local" ? layout.OFFICE_JS_LOCAL_URL : layout.OFFICE_JS_CDN_URL),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    // Size budgets are asserted by the browser tests (gzipped functions.js), not by warnings here.
    performance: { hints: false },
    devServer: serving ? await devServer(port) : undefined,
  };
};

/**
 * The dev server's live-reload client, added to the entries that own a runtime on an Office page
 * (functions, which taskpane.html loads first). webpack-dev-server would add it to EVERY entry;
 * webpack then inlines it into functions.js, and the taskpane entry (dependOn: functions, same
 * runtime) fails with "Cannot find module …webpack-dev-server/client/index.js" and never mounts.
 * One client per page is all live reload needs. The offline page gets none: its CSP allows no
 * connections. The socket URL is taken from the page's own location (auto://0.0.0.0:0), so any
 * port works.
 */
const DEV_CLIENT = `${require.resolve("webpack-dev-server/client/index.js")}?${new URLSearchParams({
  protocol: "auto:",
  hostname: "0.0.0.0",
  port: "0",
  pathname: "/ws",
  logging: "info",
  overlay: JSON.stringify({ errors: true, warnings: false }),
  reconnect: "10",
  hot: "false",
  "live-reload": "true",
})}`;

function withDevClient(entries) {
  const officeRuntimes = new Set(layout.PAGES.filter((page) => page.officeJs).map((page) => page.chunks[0]));
  return Object.fromEntries(
    Object.entries(entries).map(([name, entry]) => {
      const ownsRuntime = !entry.dependOn && officeRuntimes.has(name);
      return [name, ownsRuntime ? { ...entry, import: [DEV_CLIENT, entry.import].flat() } : entry];
    }),
  );
}

async function devServer(port) {
  const { ensureDevCerts } = await import("./scripts/dev-certs.mjs");
  return {
    host: "localhost", // never 0.0.0.0: the dev build is not for the network
    port,
    server: { type: "https", options: await ensureDevCerts() },
    headers: { "Access-Control-Allow-Origin": "*" },
    static: false, // everything served is a build output (assets and manifest are copied)
    // No HMR in the custom-functions runtime: a changed file reloads the page (live reload).
    hot: false,
    liveReload: true,
    // The client is added by withDevClient, to the runtime-owning entry only (see there).
    client: false,
  };
}

module.exports.pointOfficeJsScript = pointOfficeJsScript;
module.exports.officeJsMode = officeJsMode;
module.exports.OFFICE_JS_SKIP = OFFICE_JS_SKIP;

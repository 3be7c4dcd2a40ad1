/**
 * Build of the WPS 表格 add-in (WPS加载项) into dist-wps/ — separate from the Excel build
 * (webpack.config.js, dist/), whose outputs it does not touch.
 *
 *   npm run build:wps                                            production build in dist-wps/
 *   npm run build:wps -- --env wpsServerUrl=http://intranet/xsg/XSG_0.1.0/   URL in jsplugins.xml
 *
 * dist-wps/
 *   XSG_<version>/        the add-in folder: manifest.xml, ribbon.xml, functions.json, index.html
 *                         + main.js (functions, ribbon), taskpane.html + taskpane.js, images/
 *   jsplugins.xml         online entry for oem.ini's JSPluginsServer (served folder)
 *   publish.xml, install-linux.sh, install-windows.ps1   offline per-user install of the folder
 * Environment equivalent: XSG_WPS_SERVER_URL. See scripts/wps-package.cjs for the formats.
 */
"use strict";
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const layout = require("./addin-layout.cjs");
const typescript = require("./webpack-typescript.cjs");
const wps = require("./wps-package.cjs");

const PLACEHOLDER_SERVER = "http://intranet.example/xsg/";

/** Emits functions.json (from the same generator Excel's functions.json comes from) and the deployment files. */
class WpsPackagePlugin {
  constructor({ folder, version, serverUrl }) {
    Object.assign(this, { folder, version, serverUrl });
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("WpsPackagePlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "WpsPackagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
          const source = path.join(wps.ROOT, layout.FUNCTIONS_SOURCE);
          compilation.fileDependencies.add(source);
          const generated = await generateCustomFunctionsMetadata(source, false);
          if (generated.errors.length > 0) throw new Error(generated.errors.join("\n"));
          const functionsJson = wps.wpsFunctionsJson(JSON.parse(generated.metadataJson), generated.associate);
          const emit = (name, text) => compilation.emitAsset(name, new sources.RawSource(text));
          emit(`${this.folder}/functions.json`, `${JSON.stringify(functionsJson, null, 2)}\n`);
          emit(`${this.folder}/manifest.xml`, wps.sourceFile("manifest.xml"));
          emit(`${this.folder}/ribbon.xml`, wps.sourceFile("ribbon.xml"));
          emit("jsplugins.xml", wps.jspluginsXml(this.serverUrl));
          emit("publish.xml", wps.publishXml(this.version));
          emit("install-linux.sh", wps.installLinuxScript(this.version));
          emit("install-windows.ps1", wps.installWindowsScript(this.version));
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const version = wps.addinVersion();
  const folder = wps.addinFolder(version);
  const configured = env.wpsServerUrl || process.env.XSG_WPS_SERVER_URL;
  const serverUrl = wps.normalizeServerUrl(configured || `${PLACEHOLDER_SERVER}${folder}/`);
  if (!configured) {
    console.warn(
      `[xsg] dist-wps/jsplugins.xml 指向示例地址 ${serverUrl}；部署请加 --env wpsServerUrl=http://服务器/路径/${folder}/`,
    );
  }
  const pages = [
    { name: "main", entry: "./taskpane/wps/main.ts", filename: "index.html", template: "taskpane/wps/index.html" },
    {
      name: "taskpane",
      entry: "./taskpane/wps/taskpane.tsx",
      filename: "taskpane.html",
      template: "taskpane/wps/taskpane.html",
    },
  ];

  return {
    name: "wps",
    mode: production ? "production" : "development",
    context: wps.ROOT,
    entry: Object.fromEntries(pages.map((p) => [`${folder}/${p.name}`, p.entry])),
    // No source maps in the package copied to every machine; development builds keep them (no eval).
    devtool: production ? false : "cheap-module-source-map",
    // WPS's Chromium version is not published: emit ES2018 for older builds.
    target: ["web", "es2018"],
    output: {
      path: path.join(wps.ROOT, wps.OUTPUT_DIR),
      filename: "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: typescript.resolve,
    module: {
      rules: [typescript.typescriptRule({ target: "ES2018", sourceMap: !production })],
    },
    plugins: [
      ...pages.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${folder}/${page.filename}`,
            template: page.template,
            // The templates load their bundle by a relative name, so the folder can be served or
            // unpacked under any name (webpack would write "../XSG_<version>/main.js").
            inject: false,
          }),
      ),
      new CopyWebpackPlugin({
        patterns: layout.ICON_SIZES.map((size) => ({
          from: layout.iconFile(size),
          to: `${folder}/images/[name][ext]`,
        })),
      }),
      new WpsPackagePlugin({ folder, version, serverUrl }),
    ],
    performance: { hints: false },
  };
};

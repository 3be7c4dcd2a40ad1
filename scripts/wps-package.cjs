/**
 * What the WPS 表格 add-in package (dist-wps/) holds, as pure functions shared by the WPS build
 * (scripts/wps-build.cjs) and the tests. Formats follow Kingsoft's own tool, npm wpsjs@2.2.3:
 * manifest.xml and ribbon.xml from its `et` template, functions.json as its functionsScanner
 * writes it ({name, description, parameters[{name, description, type}], result{type}}, types
 * "any", "number", "string", "boolean", "T[][]", "?" for optional), the jsplugins.xml entry
 * from its debug/publish code and publish.xml from its `build --exe` installer (copy.bat).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ADDIN_NAME = "XSG";
const NAMESPACE = "XSG";
/** ET is the WPS 表格 host in jsplugins.xml / publish.xml. */
const ADDIN_TYPE = "et";
const OUTPUT_DIR = "dist-wps";
const SOURCES = "taskpane/wps";

function addinVersion(root = ROOT) {
  return JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
}

/** The add-in folder, named as wpsjs names offline packages: <name>_<version>. */
function addinFolder(version = addinVersion()) {
  return `${ADDIN_NAME}_${version}`;
}

/** An Excel functions.json parameter or result type → the WPS type string. */
function wpsType(meta, optional = false) {
  const base = meta && meta.type ? meta.type : "any";
  const shaped = meta && meta.dimensionality === "matrix" ? `${base}[][]` : base;
  return optional ? `${shaped}?` : shaped;
}

/**
 * WPS functions.json from Excel's (the same generator output, so names, parameters and Chinese
 * help have one source: the JSDoc of functions/functions.ts). `associate` pairs each id with its
 * export; the WPS page registers export names upper-cased, so every pair must agree.
 */
function wpsFunctionsJson(excelMetadata, associate) {
  const functions = excelMetadata.functions.map((f) => {
    const pair = associate.find((a) => a.id === f.id);
    if (!pair || pair.functionName.toUpperCase() !== f.id) {
      throw new Error(
        `XSG.${f.id}: WPS registers exports under their upper-cased name, but the export is ` +
          `${pair ? pair.functionName : "missing"}; rename it so the two hosts agree`,
      );
    }
    return {
      name: f.id,
      description: f.description || "",
      parameters: f.parameters.map((p) => ({
        name: p.name,
        description: p.description || "",
        type: wpsType(p, p.optional === true),
      })),
      result: { type: wpsType(f.result) },
    };
  });
  return { functions };
}

/** manifest.xml and ribbon.xml as written in taskpane/wps (XML text, checked by the tests). */
function sourceFile(name, root = ROOT) {
  return fs.readFileSync(path.join(root, SOURCES, name), "utf8");
}

function escapeXml(text) {
  return String(text).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** http(s) URL of the served add-in folder, ending in "/" as WPS requires. */
function normalizeServerUrl(url) {
  const parsed = new URL(String(url).trim());
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new Error(`WPS 加载项地址必须是 http(s)：${url}`);
  }
  return parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`;
}

/**
 * jsplugins.xml for the oem.ini route (JSPluginsServer): WPS loads the add-in folder from the
 * intranet server (online mode, <jspluginonline>); updating means replacing that folder.
 */
function jspluginsXml(serverUrl) {
  return (
    "<jsplugins>\n" +
    `  <jspluginonline name="${ADDIN_NAME}" type="${ADDIN_TYPE}" url="${escapeXml(normalizeServerUrl(serverUrl))}"/>\n` +
    "</jsplugins>\n"
  );
}

/** The publish.xml entry wpsjs's installer writes for a folder copied into jsaddons/. */
function publishEntry(version = addinVersion()) {
  const folder = addinFolder(version);
  return `<jsplugin name="${ADDIN_NAME}" type="${ADDIN_TYPE}" url="${folder}" version="${version}" enable="enable_dev" install="null" customDomain=""/>`;
}

function publishXml(version = addinVersion()) {
  return `<jsplugins>\n  ${publishEntry(version)}\n</jsplugins>\n`;
}

/**
 * Per-user offline install on Linux (Kylin, UOS…): copy the add-in folder into
 * ~/.local/share/Kingsoft/wps/jsaddons and add XSG to publish.xml there, keeping other add-ins.
 * index.html is left out: for a local add-in folder WPS creates its own index.html, which loads
 * main.js, and Kingsoft's development notes ask developers not to put one there (online mode,
 * where WPS fetches url/index.html, keeps it).
 */
function installLinuxScript(version = addinVersion()) {
  const folder = addinFolder(version);
  return `#!/bin/sh
# XSG 小升规助手 — WPS 表格加载项离线安装（当前用户）。用法：sh install-linux.sh
# 把 ${folder}/ 复制到 ~/.local/share/Kingsoft/wps/jsaddons/，并在 publish.xml 中登记 XSG（保留其他加载项）。
set -e
here=$(cd "$(dirname "$0")" && pwd)
addons="$HOME/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$addons"
rm -rf "$addons/${folder}"
cp -R "$here/${folder}" "$addons/${folder}"
rm -f "$addons/${folder}/index.html"
entry='${publishEntry(version)}'
publish="$addons/publish.xml"
if [ ! -s "$publish" ]; then
  printf '<jsplugins>\\n  %s\\n</jsplugins>\\n' "$entry" > "$publish"
else
  grep -v 'name="${ADDIN_NAME}"' "$publish" | sed "s#</jsplugins>#  $entry\\n</jsplugins>#" > "$publish.xsg-tmp"
  mv "$publish.xsg-tmp" "$publish"
fi
echo "已安装 ${folder} 到 $addons；请完全退出并重新启动 WPS（必要时运行 quickstartoffice restart）。"
`;
}

/** The same for Windows (PowerShell): %APPDATA%\\kingsoft\\wps\\jsaddons (index.html left out, as above). */
function installWindowsScript(version = addinVersion()) {
  const folder = addinFolder(version);
  return `# XSG 小升规助手 — WPS 表格加载项离线安装（当前用户）。
# 用法：powershell -ExecutionPolicy Bypass -File install-windows.ps1
# 把 ${folder}\\ 复制到 %APPDATA%\\kingsoft\\wps\\jsaddons\\，并在 publish.xml 中登记 XSG（保留其他加载项）。
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$addons = Join-Path $env:APPDATA "kingsoft\\wps\\jsaddons"
New-Item -ItemType Directory -Force -Path $addons | Out-Null
$target = Join-Path $addons "${folder}"
if (Test-Path $target) { Remove-Item -Recurse -Force $target }
Copy-Item -Recurse (Join-Path $here "${folder}") $target
Remove-Item -Force -ErrorAction SilentlyContinue (Join-Path $target "index.html")
$entry = '${publishEntry(version)}'
$publish = Join-Path $addons "publish.xml"
if (-not (Test-Path $publish) -or -not (Get-Content $publish -Raw)) {
  $text = "<jsplugins>\`n  $entry\`n</jsplugins>\`n"
} else {
  $lines = Get-Content $publish | Where-Object { $_ -notmatch 'name="${ADDIN_NAME}"' }
  $text = ($lines -join "\`n") -replace '</jsplugins>', "  $entry\`n</jsplugins>"
}
[System.IO.File]::WriteAllText($publish, $text, (New-Object System.Text.UTF8Encoding $false))
Write-Host "已安装 ${folder} 到 $addons；请完全退出并重新启动 WPS。"
`;
}

module.exports = {
  ROOT,
  ADDIN_NAME,
  NAMESPACE,
  ADDIN_TYPE,
  OUTPUT_DIR,
  SOURCES,
  addinVersion,
  addinFolder,
  wpsType,
  wpsFunctionsJson,
  sourceFile,
  normalizeServerUrl,
  jspluginsXml,
  publishEntry,
  publishXml,
  installLinuxScript,
  installWindowsScript,
};

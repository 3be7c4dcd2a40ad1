/**
 * One description of what the add-in build emits and where it is served, shared by
 * webpack.config.js, scripts/start.mjs, the manifest tests and the browser-test harness,
 * so the manifest, the build and the tests cannot disagree about a file name or URL.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

/** manifest.xml in the repository is written for the dev server; a build rewrites this prefix. */
const DEV_PORT = 3000;
const DEV_BASE_URL = `https://localhost:${DEV_PORT}/`;

/**
 * The port `npm start` serves on: 3000, or XSG_DEV_PORT (so a test or a second checkout can
 * run a dev server without colliding with one already running on 3000).
 */
function devServerPort(env = process.env) {
  const text = env.XSG_DEV_PORT;
  if (text === undefined || text === "") return DEV_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`XSG_DEV_PORT 必须是 1–65535 的端口号 / XSG_DEV_PORT must be a port number, got "${text}"`);
  }
  return port;
}

const OFFICE_JS_CDN_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** `--env officeJs=local` copies @microsoft/office-js/dist here (relative to dist/). */
const OFFICE_JS_LOCAL_DIR = "office-js";
const OFFICE_JS_LOCAL_URL = `${OFFICE_JS_LOCAL_DIR}/office.js`;

/**
 * webpack entries. `taskpane` depends on `functions` so the policy core is bundled once and
 * shared in the one runtime; functions.js stays self-contained (and free of React).
 */
const ENTRIES = {
  functions: { import: "./functions/functions.ts" },
  taskpane: { import: "./taskpane/index.tsx", dependOn: "functions" },
  // The offline page (issue 7): self-contained, no office.js, works from file:// too.
  standalone: { import: "./taskpane/standalone/index.tsx" },
};

/**
 * HTML pages. To add one (e.g. standalone.html): add its entry above and a line here.
 * `chunks` are injected in this order; `officeJs` pages get the office.js <script>.
 */
const PAGES = [
  {
    filename: "taskpane.html",
    template: "taskpane/taskpane.html",
    chunks: ["functions", "taskpane"],
    officeJs: true,
  },
  {
    filename: "standalone.html",
    template: "taskpane/standalone/standalone.html",
    chunks: ["standalone"],
    officeJs: false,
  },
];

const FUNCTIONS_SOURCE = "functions/functions.ts";
const FUNCTIONS_METADATA = "functions.json";
/** English custom-function metadata (optional): a JSON file next to the functions source. */
const FUNCTIONS_METADATA_EN = { source: "functions/functions.en-US.json", output: "functions.en-US.json" };

/** Copied as is to dist/assets/ (icons, help page). */
const ASSETS_DIR = "assets";
const ICON_SIZES = [16, 32, 64, 80, 128];
const iconFile = (size) => `assets/icon-${size}.png`;

/** https only, always ending in "/": every manifest URL is `${baseUrl}${file}`. */
function normalizeBaseUrl(url) {
  const text = String(url).trim();
  let parsed;
  try {
    parsed = new URL(text);
  } catch {
    throw new Error(`基础地址无效 / invalid base URL: "${text}"`);
  }
  if (parsed.protocol !== "https:") {
    throw new Error(`Office 加载项必须使用 HTTPS / Office add-ins must be served over HTTPS: "${text}"`);
  }
  if (parsed.search || parsed.hash) throw new Error(`基础地址不能带查询或锚点 / no query or hash: "${text}"`);
  return parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`;
}

function hasEnglishMetadata(root = ROOT) {
  return fs.existsSync(path.join(root, FUNCTIONS_METADATA_EN.source));
}

/**
 * The manifest a build emits: the dev prefix replaced by `baseUrl`; the en-US metadata
 * override dropped when the build has no English metadata (Excel would fail to load it).
 */
function renderManifest(xml, { baseUrl = DEV_BASE_URL, englishMetadata = hasEnglishMetadata() } = {}) {
  let out = xml;
  if (!englishMetadata) {
    const override = new RegExp(
      `[ \\t]*<bt:Override\\b[^>]*${escapeRegExp(FUNCTIONS_METADATA_EN.output)}[^>]*/>\\r?\\n?`,
      "g",
    );
    out = out.replace(override, "");
  }
  return rebaseUrls(out, baseUrl);
}

/**
 * Files in the repository name the dev server (https://localhost:3000/); a build points them at
 * `baseUrl`. Used for the manifest and for the functions metadata, whose help links open the
 * add-in's own help page, so an intranet deployment never links to the outside world.
 */
function rebaseUrls(text, baseUrl = DEV_BASE_URL) {
  return text.split(DEV_BASE_URL).join(normalizeBaseUrl(baseUrl));
}

/** assets/** as the build copies it (dot-files skipped), e.g. "assets/icon-32.png". */
function assetFiles(root = ROOT) {
  const files = [];
  const visit = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) visit(rel);
      else files.push(rel);
    }
  };
  if (fs.existsSync(path.join(root, ASSETS_DIR))) visit(ASSETS_DIR);
  return files;
}

/** Files (relative to dist/) a build emits that the manifest or a page may name. */
function declaredOutputs({ englishMetadata = hasEnglishMetadata(), officeJs = "cdn" } = {}) {
  const files = [
    ...Object.keys(ENTRIES).map((name) => `${name}.js`),
    ...PAGES.map((page) => page.filename),
    FUNCTIONS_METADATA,
    "manifest.xml",
    ...assetFiles(),
  ];
  if (englishMetadata) files.push(FUNCTIONS_METADATA_EN.output);
  if (officeJs === "local") files.push(OFFICE_JS_LOCAL_URL);
  return files;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

module.exports = {
  ROOT,
  DEV_PORT,
  DEV_BASE_URL,
  devServerPort,
  OFFICE_JS_CDN_URL,
  OFFICE_JS_LOCAL_DIR,
  OFFICE_JS_LOCAL_URL,
  ENTRIES,
  PAGES,
  FUNCTIONS_SOURCE,
  FUNCTIONS_METADATA,
  FUNCTIONS_METADATA_EN,
  ASSETS_DIR,
  ICON_SIZES,
  iconFile,
  assetFiles,
  normalizeBaseUrl,
  hasEnglishMetadata,
  renderManifest,
  rebaseUrls,
  declaredOutputs,
};

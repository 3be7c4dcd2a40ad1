/**
 * A tiny TypeScript require hook so the CLI (bin/xsg.ts) and scripts such as examples/generate.ts
 * run in plain Node from a clone after `npm ci`, without ts-node and without a build step.
 *
 * Each .ts/.tsx file of the project is transpiled on first require with typescript.transpileModule
 * (typescript is a devDependency; no type-checking — that is `npm run typecheck`). Output is cached
 * in node_modules/.cache/xsg-ts keyed by the source's hash, so a second run skips the compiler.
 *
 * Usage: require("./register-ts") from a launcher, or `node -r ./bin/register-ts.js file.ts`.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "xsg-ts");
const MARK = Symbol.for("xsg.register-ts");

function loadTypescript() {
  try {
    return require("typescript");
  } catch {
    process.stderr.write(
      "XSG 命令行需要先在项目目录运行 npm install（或 npm ci）：缺少 typescript。\n" +
        "The XSG command line needs `npm install` (or `npm ci`) in the project folder first: typescript is missing.\n",
    );
    process.exit(2);
  }
}

let ts = null;

/**
 * Compiler options as transpileModule also takes them (names, not the compiler's enum numbers), so
 * the cache key needs no compiler: a run whose files are all cached never loads typescript (≈ 0.25 s).
 */
const OPTIONS = {
  module: "commonjs",
  target: "es2020",
  esModuleInterop: true,
  jsx: "react-jsx",
  resolveJsonModule: true,
  isolatedModules: true,
  inlineSourceMap: true,
  inlineSources: false,
};

let compilerKey = null;

/** The installed compiler's version and the options: a new typescript or new options compile afresh. */
function cacheKey() {
  if (compilerKey === null) {
    let version;
    try {
      version = require("typescript/package.json").version;
    } catch {
      version = loadTypescript().version;
    }
    compilerKey = `${version}|${JSON.stringify(OPTIONS)}`;
  }
  return compilerKey;
}

function readCache(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function writeCache(file, code) {
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, code);
    fs.renameSync(temporary, file); // atomic: a parallel run never reads half a file
  } catch {
    // A read-only checkout still works, only slower.
  }
}

function compile(source, filename) {
  const hash = crypto
    .createHash("sha1")
    .update(cacheKey())
    .update("\0")
    .update(filename)
    .update("\0")
    .update(source)
    .digest("hex");
  const cacheFile = path.join(CACHE_DIR, `${hash}.js`);
  const cached = readCache(cacheFile);
  if (cached !== null) return cached;
  ts ??= loadTypescript();
  const output = ts.transpileModule(source, {
    compilerOptions: OPTIONS,
    fileName: filename,
    reportDiagnostics: false,
  });
  writeCache(cacheFile, output.outputText);
  return output.outputText;
}

function register() {
  if (globalThis[MARK]) return;
  globalThis[MARK] = true;
  if (typeof process.setSourceMapsEnabled === "function") process.setSourceMapsEnabled(true);
  for (const extension of [".ts", ".tsx"]) {
    // Extensionless requires ("../errors") find .ts files because Node tries every registered extension.
    require.extensions[extension] = function loadTypeScript(module, filename) {
      const source = fs.readFileSync(filename, "utf8");
      module._compile(compile(source, filename), filename);
    };
  }
}

register();
module.exports = { register, compile, CACHE_DIR };

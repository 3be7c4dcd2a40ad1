/**
 * A tiny require hook so the benchmark runs the project's TypeScript in plain Node (no
 * ts-node): each .ts/.tsx file is transpiled to CommonJS with typescript.transpileModule,
 * the same per-file transpilation ts-jest and ts-loader do (type-checking is `npm run
 * typecheck`). Target ES2022 keeps the code the V8 JIT sees close to what webpack ships.
 */
/* global require */
"use strict";
const fs = require("fs");
const ts = require("typescript");

const COMPILER_OPTIONS = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.ReactJSX,
  esModuleInterop: true,
  resolveJsonModule: true,
  isolatedModules: true,
  sourceMap: false,
  inlineSourceMap: true, // stack traces point at the .ts lines
};

function compile(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName: filename });
  module._compile(outputText, filename);
}

for (const extension of [".ts", ".tsx"]) require.extensions[extension] = compile;

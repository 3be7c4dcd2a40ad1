#!/usr/bin/env node
// Generates docs/policies.md (the policy register) from the data in src/policies/.
//
//   node scripts/gen-policy-docs.cjs           write docs/policies.md
//   node scripts/gen-policy-docs.cjs --check   exit 1 if docs/policies.md is stale
//
// The renderer is src/policies/register.ts (pure); the jest test
// test/unit/policies/register.test.ts runs the same code. The TypeScript sources are
// transpiled on the fly with the project's own typescript (no extra runner needed).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

const root = path.join(__dirname, "..");
const output = path.join(root, "docs", "policies.md");

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const { POLICIES } = require(path.join(root, "src/policies/index.ts"));
const { renderPolicyRegister } = require(path.join(root, "src/policies/register.ts"));

const text = renderPolicyRegister(POLICIES);
if (process.argv.includes("--check")) {
  const current = fs.existsSync(output) ? fs.readFileSync(output, "utf8") : "";
  if (current !== text) {
    console.error("docs/policies.md is stale: run `npm run docs:policies`");
    process.exit(1);
  }
  console.log("docs/policies.md is current");
} else {
  fs.writeFileSync(output, text);
  console.log(
    `wrote ${path.relative(root, output)} (${POLICIES.length} documents, ${POLICIES.reduce((n, p) => n + p.clauses.length, 0)} clauses)`,
  );
}

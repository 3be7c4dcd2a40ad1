#!/usr/bin/env node
// Generates, from the policy documents in src/policies/documents/*.json:
//   src/policies/documents/index.ts     the index the core imports (scripts/policy-index.cjs)
//   docs/policy-document.schema.json    the published JSON Schema of the document format
//   docs/policies.md                    the register of every document and clause
//
//   node scripts/gen-policy-docs.cjs           write all three
//   node scripts/gen-policy-docs.cjs --check   exit 1 if any is stale
//
// The renderers are pure TypeScript (src/policies/register.ts, json-schema.ts); the jest tests
// run the same code. The TypeScript sources are transpiled on the fly with the project's own
// typescript (no extra runner needed).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

const root = path.join(__dirname, "..");
const output = path.join(root, "docs", "policies.md");
const schemaOutput = path.join(root, "docs", "policy-document.schema.json");
const { renderIndex, indexFile } = require("./policy-index.cjs");
const check = process.argv.includes("--check");

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

require.extensions[".json"] = (module, filename) => {
  module.exports = JSON.parse(fs.readFileSync(filename, "utf8"));
  module.exports.default = module.exports; // `import x from "./x.json"` after transpiling
};

let stale = false;
/** Writes `text` to `file`, or (with --check) reports whether the file already holds it. */
function emit(file, text, summary) {
  const name = path.relative(root, file);
  if (check) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (current !== text) {
      console.error(`${name} is stale: run \`npm run docs:policies\``);
      stale = true;
    } else console.log(`${name} is current`);
  } else {
    fs.writeFileSync(file, text);
    console.log(`wrote ${name}${summary ? ` (${summary})` : ""}`);
  }
}

emit(indexFile, renderIndex());
if (stale) process.exit(1); // the rest reads the index

const { POLICIES } = require(path.join(root, "src/policies/index.ts"));
const { renderPolicyRegister } = require(path.join(root, "src/policies/register.ts"));
const { renderPolicySchema } = require(path.join(root, "src/policies/json-schema.ts"));

emit(schemaOutput, renderPolicySchema());
emit(
  output,
  renderPolicyRegister(POLICIES),
  `${POLICIES.length} documents, ${POLICIES.reduce((n, p) => n + p.clauses.length, 0)} clauses`,
);
if (stale) process.exit(1);

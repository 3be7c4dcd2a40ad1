#!/usr/bin/env node
/**
 * Writes functions/functions.en-US.json: the custom-functions metadata with
 * English descriptions, for the manifest's en-US override of Functions.Metadata.Url.
 *
 * The metadata is generated here from functions/functions.ts with the same
 * generator custom-functions-metadata-plugin uses in the build, so ids,
 * parameters, types and flags are exactly the build's functions.json; only the
 * descriptions are replaced from functions/descriptions.en.json. No build is
 * needed, and the file is committed so webpack only copies it.
 *
 *   node scripts/gen-functions-locale.mjs          write the file
 *   node scripts/gen-functions-locale.mjs --check  exit 1 if the file is stale or a description is missing
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

const SOURCE = join(root, "functions", "functions.ts");
const TABLE = join(root, "functions", "descriptions.en.json");
export const OUTPUT = join(root, "functions", "functions.en-US.json");

/** Replaces every function and parameter description; lists what the table lacks. */
export function localize(metadata, table) {
  const problems = [];
  const functions = metadata.functions.map((fn) => {
    const entry = table[fn.id];
    if (!entry || typeof entry.description !== "string" || entry.description === "") {
      problems.push(`${fn.id}: 缺少英文说明 / no English description`);
      return fn;
    }
    const parameters = (fn.parameters ?? []).map((p) => {
      const text = entry.parameters?.[p.name];
      if (typeof text !== "string" || text === "")
        problems.push(`${fn.id}.${p.name}: 缺少英文说明 / no English description`);
      return { ...p, description: text ?? p.description };
    });
    for (const name of Object.keys(entry.parameters ?? {})) {
      if (!parameters.some((p) => p.name === name))
        problems.push(`${fn.id}.${name}: 不是该函数的参数 / not a parameter`);
    }
    return { ...fn, description: entry.description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!metadata.functions.some((fn) => fn.id === id)) problems.push(`${id}: 不是自定义函数 / not a custom function`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

/** The en-US metadata text, formatted as the plugin formats functions.json. */
export async function buildEnglishMetadata() {
  const generated = await generateCustomFunctionsMetadata(SOURCE, false);
  if (generated.errors.length > 0)
    throw new Error(`functions.ts 元数据错误 / metadata errors:\n${generated.errors.join("\n")}`);
  const { metadata, problems } = localize(JSON.parse(generated.metadataJson), JSON.parse(readFileSync(TABLE, "utf8")));
  return { text: JSON.stringify(metadata, null, 4) + "\n", problems };
}

async function main() {
  const check = process.argv.includes("--check");
  const { text, problems } = await buildEnglishMetadata();
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  if (check) {
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, "utf8") : "";
    if (current !== text) {
      console.error(
        "functions/functions.en-US.json 已过期，请运行 / is stale, run: node scripts/gen-functions-locale.mjs",
      );
      process.exit(1);
    }
    console.log("functions/functions.en-US.json 是最新的 / is current");
    return;
  }
  writeFileSync(OUTPUT, text);
  console.log(`已写入 / wrote ${OUTPUT}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

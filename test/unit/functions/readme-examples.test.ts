/**
 * Every `=XSG.…` example the README's function section shows, with the result
 * it claims, is evaluated through Excel's call shape: the documentation cannot
 * drift from what the functions return.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOGUE } from "./catalogue";
import { OMIT, value } from "./excel-call";

const root = join(__dirname, "..", "..", "..");
const sources = [join(root, "README.md")];

interface Example {
  file: string;
  id: string;
  args: unknown[];
  expected: unknown;
  text: string;
}

/** Splits at top-level separators, keeping quoted text whole. */
function split(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** An Excel literal: "text", a number, TRUE/FALSE, {array}, or nothing (an omitted argument). */
function literal(raw: string): unknown {
  const text = raw.trim();
  if (text === "") return OMIT;
  if (text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/""/g, '"');
  if (text === "TRUE" || text === "FALSE") return text === "TRUE";
  if (text.startsWith("{") && text.endsWith("}"))
    return split(text.slice(1, -1), ";").map((row) => split(row, ",").map(literal));
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text; // bare text result, e.g. 杭州市
}

function examplesIn(file: string): Example[] {
  const markdown = readFileSync(file, "utf8");
  const found: Example[] = [];
  // "`=XSG.ID(args)` | `result`" (table) or "`=XSG.ID(args)` 得 `result`" (prose); a result
  // that is not in backticks (中文说明) is only checked to be produced without an error.
  const pattern = /`=XSG\.([A-Z]+)\(([^`]*)\)`(?:\s*(?:\||得)\s*(?:`([^`]*)`)?)?/g;
  for (const match of markdown.matchAll(pattern)) {
    const [text, id, args, result] = match;
    found.push({
      file,
      id,
      args: args.trim() === "" ? [] : split(args, ",").map(literal),
      expected: result === undefined ? undefined : literal(result),
      text,
    });
  }
  return found;
}

const examples = sources.flatMap(examplesIn);

/** Examples inside the Excel help text itself: "例：=XSG.X(…) 得 20" and "Example: =XSG.X(…) gives 20." */
function helpExamples(): Example[] {
  const chinese = readFileSync(join(root, "functions", "functions.ts"), "utf8");
  const english = Object.values(
    JSON.parse(readFileSync(join(root, "functions", "descriptions.en.json"), "utf8")) as { description: string }[],
  )
    .map((entry) => entry.description)
    .join("\n");
  const found: Example[] = [];
  for (const [file, text] of [
    ["functions/functions.ts", chinese],
    ["functions/descriptions.en.json", english],
  ]) {
    for (const match of text.matchAll(/=XSG\.([A-Z]+)\(([^)]*)\)(?:\s*(?:得|gives)\s*([^\s。，,]+))?/g)) {
      const [whole, id, args, result] = match;
      const cleaned = result?.replace(/[“”]/g, "").replace(/\.$/, "");
      found.push({
        file,
        id,
        args: args.trim() === "" ? [] : split(args, ",").map(literal),
        expected: cleaned === undefined ? undefined : literal(cleaned),
        text: `${file}: ${whole}`,
      });
    }
  }
  return found;
}
const helpExampleList = helpExamples();

it.each(helpExampleList.map((e) => [e.text, e] as const))("help text example %s", (_text, example) => {
  const result = value(example.id, ...example.args);
  expectKind(example.id, result);
  if (example.expected !== undefined) expect(result).toEqual(example.expected);
});

it("the function section has an example of every function", () => {
  const ids = new Set(examplesIn(join(root, "README.md")).map((e) => e.id));
  for (const id of [
    "AWARD",
    "ELIGIBLE",
    "TOTAL",
    "SCHEDULE",
    "STATUS",
    "TECH",
    "RENT",
    "BID",
    "EXPLAIN",
    "POLICY",
    "REGIONS",
    "REGIONOF",
    "USCCVALID",
  ]) {
    expect(ids).toContain(id);
  }
});

/** A result of the function's declared kind: a text, TRUE/FALSE, a number, or a spilled matrix. */
function expectKind(id: string, result: unknown): void {
  const spec = CATALOGUE.find((f) => f.id === id)!;
  if (spec.spills) {
    expect(Array.isArray(result)).toBe(true);
    for (const row of result as unknown[][]) for (const cell of row) expect(typeof cell).toBe(spec.result);
  } else expect(typeof result).toBe(spec.result);
}

it.each(examples.map((e) => [e.text, e] as const))("%s", (_text, example) => {
  const result = value(example.id, ...example.args);
  expectKind(example.id, result);
  if (example.expected !== undefined) expect(result).toEqual(example.expected);
});

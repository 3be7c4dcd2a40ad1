/**
 * The document loader: a policy document file (JSON text, or the object parsed from it)
 * becomes a Policy, or the list of EVERY problem found, in Chinese, each naming the file, the
 * clause and the field. A document with any problem is refused whole: nothing of it is used.
 * Pure (text in, data out); the hosts read files and call this. Kept apart from catalog.ts so
 * the custom-functions bundle, which only uses the built-in documents, does not carry the schema.
 */
import { deepFreeze } from "./catalog";
import { validatePolicyDocument, type PolicyProblem } from "./schema";
import { POLICY_FORMAT, type Policy } from "./types";

export type { PolicyProblem } from "./schema";

export type LoadResult =
  { readonly ok: true; readonly policy: Policy } | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

/**
 * Checks a document and returns it frozen, or its problems. `sourceName` (e.g. the file name)
 * names the file in every message; a catalog records it when the document is added
 * (PolicyCatalog.withUserDocuments), and results then name the document by it.
 */
export function parsePolicyDocument(input: unknown, sourceName: string): LoadResult {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ""));
    } catch (error) {
      return {
        ok: false,
        problems: [problem(sourceName, "（整个文件）", `不是有效的 JSON：${jsonErrorText(input, error)}`)],
      };
    }
  }
  const problems = validatePolicyDocument(value, sourceName);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, policy: deepFreeze(structuredCopy(value) as Policy) };
}

/**
 * A document as the data format writes it (what `parsePolicyDocument` reads back to an equal
 * policy): two-space JSON, keys in the schema's order, without what the loader adds.
 */
export function serializePolicyDocument(policy: Policy): string {
  const { importedFrom: _importedFrom, $schema: _schema, ...document } = policy;
  return `${JSON.stringify({ ...document, format: POLICY_FORMAT }, null, 2)}\n`;
}

function problem(file: string, field: string, message: string): PolicyProblem {
  return { file, clause: null, field, message, text: `${file}：${message}` };
}

/** "第 3 行第 5 列附近：…" where the engine's message gives a position. */
function jsonErrorText(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `第 ${line} 行第 ${column} 列附近有语法错误（${message}）`;
}

/** A copy of plain JSON data, so freezing it never freezes the caller's object. */
function structuredCopy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

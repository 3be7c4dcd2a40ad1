/**
 * Policy document files on the command line: reading them, and `--policy FILE` (repeatable,
 * with `--policy-first` for precedence over overlapped built-in documents) on every command.
 * Checking is the core's (parsePolicyDocument, catalogWithImports): a file with any problem
 * is refused whole and every problem is printed.
 */
import * as fs from "fs";
import * as path from "path";
import { catalogWithImports, parsePolicyDocument, serializePolicyDocument, type Precedence } from "../../src/policies";
import type { Policy } from "../../src/policies/types";
import { policyFromWorkbook } from "../../taskpane/file/policy-workbook";
import { nodeCodec } from "./node-codec";
import type { CliIo } from "./io";
import { say } from "./strings";
import type { PolicyStrings } from "./policy-strings";

/** A file the official named could not be used: the lines to print (exit code 2). */
export class PolicyFileError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join("\n"));
  }
}

export interface PolicyOptions {
  readonly files: readonly string[];
  readonly precedence: Precedence;
}

/** Takes `--policy FILE` / `--policy=FILE` and `--policy-first` out of argv; the rest goes to the command. */
export function extractPolicyOptions(argv: readonly string[]): { argv: string[]; options: PolicyOptions } {
  const rest: string[] = [];
  const files: string[] = [];
  let precedence: Precedence = "refuse";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--policy-first") precedence = "user-first";
    else if (arg.startsWith("--policy=")) files.push(arg.slice("--policy=".length));
    else if (arg === "--policy" && i + 1 < argv.length) files.push(argv[++i]);
    else rest.push(arg);
  }
  return { argv: rest, options: { files, precedence } };
}

/** The file's text, or a PolicyFileError naming it. */
export function readPolicyText(file: string, io: CliIo, strings: PolicyStrings): string {
  const full = path.resolve(io.cwd, file);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile())
    throw new PolicyFileError([say(strings.fileMissing, { file })]);
  try {
    return fs.readFileSync(full, "utf8");
  } catch (error) {
    throw new PolicyFileError([say(strings.fileUnreadable, { file, detail: (error as Error).message })]);
  }
}

/** An authoring workbook (政策模板.xlsx) rather than a JSON document. */
export function isWorkbookFile(file: string): boolean {
  return /\.xlsx$/i.test(file);
}

/**
 * What a file holds: the document (JSON text, or the object the authoring workbook converts to)
 * and, for a workbook, its 测试用例 sheet as a case table.
 */
export function readPolicySource(
  file: string,
  io: CliIo,
  strings: PolicyStrings,
): { document: unknown; cases: unknown } {
  if (!isWorkbookFile(file)) return { document: readPolicyText(file, io, strings), cases: null };
  const full = path.resolve(io.cwd, file);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile())
    throw new PolicyFileError([say(strings.fileMissing, { file })]);
  const converted = policyFromWorkbook(fs.readFileSync(full), path.basename(file), nodeCodec);
  if (converted.problems.length > 0) throw new PolicyFileError(refusal(strings.refused, converted.problems, strings));
  return { document: converted.document, cases: converted.cases };
}

/** A checked document, or a PolicyFileError listing every problem. */
export function loadPolicyFile(file: string, io: CliIo, strings: PolicyStrings): Policy {
  const loaded = parsePolicyDocument(readPolicySource(file, io, strings).document, path.basename(file));
  if (loaded.ok) return loaded.policy;
  throw new PolicyFileError(
    refusal(
      strings.refused,
      loaded.problems.map((problem) => problem.text),
      strings,
    ),
  );
}

/**
 * The catalog the command evaluates with: the built-in documents plus the --policy files, or
 * a PolicyFileError. Results then name each imported document by its title and file.
 */
export function catalogOfFiles(options: PolicyOptions, io: CliIo, strings: PolicyStrings) {
  const documents = options.files.map((file) => ({
    file: path.basename(file),
    text: serializePolicyDocument(loadPolicyFile(file, io, strings)),
    precedence: options.precedence,
  }));
  const result = catalogWithImports(documents);
  if (!result.ok) throw new PolicyFileError(refusal(strings.catalogRefused, result.problems, strings));
  return result.catalog;
}

export function refusal(title: string, problems: readonly string[], strings: PolicyStrings): string[] {
  return [say(title, { count: problems.length }), ...problems.map((text) => say(strings.problemLine, { text }))];
}

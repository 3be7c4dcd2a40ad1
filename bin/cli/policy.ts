/**
 * `xsg policy list | check | test | export | template`: officials add a policy document without
 * a programmer. Check and test use the core's loader and the very adapters the cells call, so a
 * document that passes here is what the add-in and the offline page will import.
 *
 * Exit codes: 0 done / valid / every case passed; 1 some cases failed; 2 an unusable or invalid file.
 */
import * as fs from "fs";
import * as path from "path";
import {
  activeCatalog,
  BUILT_IN_CATALOG,
  catalogWithImports,
  documentLabel,
  serializePolicyDocument,
  useCatalog,
  type PolicyCatalog,
} from "../../src/policies";
import type { Policy } from "../../src/policies/types";
import { CASE_FUNCTIONS, parseCases, runCases, type CaseOutcome } from "../../functions/policy-cases";
import { EXIT } from "./exit-codes";
import type { CliIo } from "./io";
import { SHEETS } from "../../taskpane/file/policy-workbook";
import {
  catalogOfFiles,
  isWorkbookFile,
  loadPolicyFile,
  PolicyFileError,
  readPolicySource,
  readPolicyText,
  refusal,
  type PolicyOptions,
} from "./policy-files";
import type { PolicyStrings } from "./policy-strings";
import { say } from "./strings";

/** The worked example and its cases, copied by `xsg policy template`. */
const EXAMPLE_DIR = path.resolve(__dirname, "../../examples/policies");

export function runPolicyCommand(
  argv: readonly string[],
  options: PolicyOptions,
  io: CliIo,
  strings: PolicyStrings,
): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "list":
        return list(options, io, strings);
      case "check":
        return check(positional(rest, command, strings), io, strings);
      case "test":
        return test(rest, io, strings);
      case "export":
        return exportDocument(rest, options, io, strings);
      case "template":
        return template(rest, io, strings);
      case undefined:
        io.stderr(strings.missingSubcommand);
        io.stderr(strings.usage);
        return EXIT.unusable;
      default:
        io.stderr(say(strings.unknownSubcommand, { command }));
        io.stderr(strings.usage);
        return EXIT.unusable;
    }
  } catch (error) {
    if (!(error instanceof PolicyFileError)) throw error;
    for (const line of error.lines) io.stderr(line);
    return EXIT.unusable;
  }
}

function positional(argv: readonly string[], command: string, strings: PolicyStrings): string[] {
  const files = argv.filter((arg) => !arg.startsWith("-"));
  if (files.length === 0) throw new PolicyFileError([say(strings.missingFile, { command })]);
  return files;
}

/** `-o FILE` / `--output FILE` / `--output=FILE`, or undefined. */
function option(argv: readonly string[], names: readonly string[]): { value?: string; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const eq = argv[i].indexOf("=");
    if (eq > 0 && names.includes(argv[i].slice(0, eq))) value = argv[i].slice(eq + 1);
    else if (names.includes(argv[i]) && i + 1 < argv.length) value = argv[++i];
    else rest.push(argv[i]);
  }
  return { value, rest };
}

export function coveredYearsText(policy: Policy): string {
  const { from, to } = policy.coveredUpgradeYears;
  return to === null ? `${from}年起` : `${from}–${to}`;
}

function list(options: PolicyOptions, io: CliIo, strings: PolicyStrings): number {
  const catalog = options.files.length > 0 ? catalogOfFiles(options, io, strings) : activeCatalog();
  const thisYear = new Date().getFullYear();
  io.stdout(strings.listHeader);
  for (const region of catalog.regions) {
    for (const policy of region.documents) {
      const entry = catalog.entryOf(policy);
      const past = policy.coveredUpgradeYears.to !== null && policy.coveredUpgradeYears.to < thisYear;
      io.stdout(
        say(strings.listLine, {
          region: policy.regionName,
          label: `${policy.documentNumber}《${policy.title}》`,
          years: coveredYearsText(policy),
          status: `${policy.status}${past ? strings.pastCoverage : ""}`,
          origin: entry?.origin === "user" ? say(strings.imported, { file: entry.file }) : strings.builtIn,
        }),
      );
    }
  }
  if (catalog.setAside.length > 0)
    io.stdout(say(strings.setAside, { documents: catalog.setAside.map((e) => e.policy.documentNumber).join("、") }));
  return EXIT.done;
}

/** Every file is checked (all problems of all files are printed); exit 2 when any is invalid. */
function check(files: readonly string[], io: CliIo, strings: PolicyStrings): number {
  let invalid = false;
  for (const file of files) {
    try {
      checkOne(file, io, strings);
    } catch (error) {
      if (!(error instanceof PolicyFileError)) throw error;
      for (const line of error.lines) io.stderr(line);
      invalid = true;
    }
  }
  return invalid ? EXIT.unusable : EXIT.done;
}

function checkOne(file: string, io: CliIo, strings: PolicyStrings): Policy {
  const policy = loadPolicyFile(file, io, strings);
  const name = path.basename(file);
  const text = serializePolicyDocument(policy);
  const refusing = catalogWithImports([{ file: name, text, precedence: "refuse" }]);
  if (!refusing.ok) {
    const first = catalogWithImports([{ file: name, text, precedence: "user-first" }]);
    if (!first.ok) throw new PolicyFileError(refusal(strings.catalogRefused, first.problems, strings));
    io.stdout(validLine(name, policy, strings));
    io.stdout(
      say(strings.overlapsBuiltIn, {
        documents: first.catalog.setAside.map((e) => e.policy.documentNumber).join("、"),
      }),
    );
    return policy;
  }
  io.stdout(validLine(name, policy, strings));
  return policy;
}

function validLine(file: string, policy: Policy, strings: PolicyStrings): string {
  return say(strings.valid, {
    file,
    label: `${policy.documentNumber}《${policy.title}》`,
    region: policy.regionName,
    years: coveredYearsText(policy),
    clauses: policy.clauses.length,
  });
}

/** The cases file beside the document: NAME.cases.json for NAME.json (or NAME.xlsx). */
export function defaultCasesFile(file: string): string {
  return file.replace(/(\.json|\.xlsx)?$/i, ".cases.json");
}

function test(argv: readonly string[], io: CliIo, strings: PolicyStrings): number {
  const { value: casesOption, rest } = option(argv, ["--cases"]);
  const [file] = positional(rest, "test", strings);
  const policy = loadPolicyFile(file, io, strings);
  const cases = casesOf(file, casesOption, io, strings);
  if (!cases.ok) throw new PolicyFileError(refusal(strings.refused, cases.problems, strings));

  const name = path.basename(file);
  const imported = catalogWithImports([
    { file: name, text: serializePolicyDocument(policy), precedence: "user-first" },
  ]);
  if (!imported.ok) throw new PolicyFileError(refusal(strings.catalogRefused, imported.problems, strings));
  const outcomes = withCatalog(imported.catalog, () => runCases(cases.cases, policy.regionName));
  for (const outcome of outcomes) io.stdout(caseLine(outcome, strings));
  const failed = outcomes.filter((outcome) => !outcome.passed).length;
  const summary = say(strings.casesSummary, {
    file: name,
    passed: outcomes.length - failed,
    failed,
    total: outcomes.length,
  });
  if (failed > 0) io.stderr(summary);
  else io.stdout(summary);
  return failed > 0 ? EXIT.rowErrors : EXIT.done;
}

/** --cases FILE; else the workbook's 测试用例 sheet; else NAME.cases.json beside the document. */
function casesOf(file: string, casesOption: string | undefined, io: CliIo, strings: PolicyStrings) {
  const fromWorkbook =
    casesOption === undefined && isWorkbookFile(file) ? readPolicySource(file, io, strings).cases : null;
  if (fromWorkbook !== null) return parseCases(fromWorkbook, `${path.basename(file)}（${SHEETS.cases}）`);
  const casesFile = casesOption ?? defaultCasesFile(file);
  if (!fs.existsSync(path.resolve(io.cwd, casesFile)))
    throw new PolicyFileError([say(strings.casesMissing, { file, cases: path.basename(casesFile) })]);
  return parseCases(readPolicyText(casesFile, io, strings), path.basename(casesFile));
}

/** Evaluates with `catalog` active, then puts the previous catalog back. */
function withCatalog<T>(catalog: PolicyCatalog, run: () => T): T {
  const previous = activeCatalog();
  useCatalog(catalog);
  try {
    return run();
  } finally {
    useCatalog(previous);
  }
}

function caseLine(outcome: CaseOutcome, strings: PolicyStrings): string {
  const { case: policyCase } = outcome;
  if (outcome.passed) return say(strings.casePassed, { name: policyCase.name });
  const names: readonly string[] = CASE_FUNCTIONS[policyCase.function];
  const inputs = names
    .filter((name) => policyCase.inputs[name] !== undefined)
    .map((name) => `${name}=${JSON.stringify(policyCase.inputs[name])}`)
    .join(", ");
  return say(strings.caseFailed, {
    name: policyCase.name,
    function: policyCase.function,
    inputs,
    expected: String(policyCase.expected),
    got: String(outcome.got),
    message: outcome.message ? `（${outcome.message}）` : "",
  });
}

function exportDocument(argv: readonly string[], options: PolicyOptions, io: CliIo, strings: PolicyStrings): number {
  const { value: output, rest } = option(argv, ["-o", "--output"]);
  const [wanted] = rest.filter((arg) => !arg.startsWith("-"));
  if (wanted === undefined) throw new PolicyFileError([strings.missingRegion]);
  const catalog = options.files.length > 0 ? catalogOfFiles(options, io, strings) : BUILT_IN_CATALOG;
  const policy = documentNamed(catalog, wanted, strings);
  const text = serializePolicyDocument(policy);
  if (output === undefined) {
    io.stdout(text.trimEnd());
    return EXIT.done;
  }
  const target = path.resolve(io.cwd, output);
  if (fs.existsSync(target)) throw new PolicyFileError([say(strings.outputExists, { file: target })]);
  fs.writeFileSync(target, text, "utf8");
  io.stderr(say(strings.exported, { label: documentLabel(policy), file: target }));
  return EXIT.done;
}

/** A document id (hangzhou), or a region as an official writes it (杭州市, 330100): its latest document. */
function documentNamed(catalog: PolicyCatalog, value: string, strings: PolicyStrings): Policy {
  const byId = catalog.document(value);
  if (byId !== undefined) return byId;
  try {
    return catalog.region(catalog.resolver.resolve(value, "region")).latest;
  } catch (error) {
    throw new PolicyFileError([say(strings.regionNotFound, { value, detail: (error as Error).message })]);
  }
}

function template(argv: readonly string[], io: CliIo, strings: PolicyStrings): number {
  const { value: output } = option(argv, ["-o", "--output"]);
  const dir = path.resolve(io.cwd, output ?? ".");
  fs.mkdirSync(dir, { recursive: true });
  const files = fs.readdirSync(EXAMPLE_DIR).filter((name) => /\.(json|xlsx)$/.test(name));
  for (const name of files) {
    const target = path.join(dir, name);
    if (fs.existsSync(target)) throw new PolicyFileError([say(strings.outputExists, { file: target })]);
  }
  for (const name of files) fs.copyFileSync(path.join(EXAMPLE_DIR, name), path.join(dir, name));
  io.stdout(say(strings.templateWritten, { files: files.join("、"), dir }));
  return EXIT.done;
}

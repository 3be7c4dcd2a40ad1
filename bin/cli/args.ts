/** Command-line arguments → a command, or a usage error (exit code 2). No I/O here. */
import { say, type CliStrings } from "./strings";

export interface FillCommand {
  readonly command: "fill";
  readonly input: string;
  readonly output?: string;
  readonly sheet?: string;
  readonly region?: string;
  readonly year?: string;
  readonly formulas: boolean;
  readonly json: boolean;
  /** Replace an existing (writable) output file. */
  readonly force: boolean;
}

export interface SingleCommand {
  readonly command: "award" | "explain";
  /** region, revenue, year, upgradeYear, prevRevenue, tags — null where omitted ("-" or ""). */
  readonly args: readonly (string | null)[];
  readonly json: boolean;
}

export type Command = FillCommand | SingleCommand | { readonly command: "help" } | { readonly command: "version" };

export class UsageError extends Error {
  override readonly name = "UsageError";
}

const FILL_VALUE_OPTIONS: Readonly<Record<string, "output" | "sheet" | "region" | "year">> = {
  "-o": "output",
  "--output": "output",
  "--out": "output",
  "--sheet": "sheet",
  "-s": "sheet",
  "--region": "region",
  "-r": "region",
  "--year": "year",
  "-y": "year",
};

/** Single commands: region revenue year [upgradeYear] [prevRevenue] [tags…]. */
const SINGLE_ARITY = { min: 3, max: 6 };

export function parseCommand(argv: readonly string[], strings: CliStrings): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError(strings.missingCommand);
  if (command === "help" || command === "--help" || command === "-h") return { command: "help" };
  if (command === "--version" || command === "-v" || command === "version") return { command: "version" };
  if (command === "fill") return parseFill(rest, strings);
  if (command === "award" || command === "explain") return parseSingle(command, rest, strings);
  throw new UsageError(say(strings.unknownCommand, { command }));
}

function parseFill(argv: readonly string[], strings: CliStrings): FillCommand {
  const values: { output?: string; sheet?: string; region?: string; year?: string } = {};
  let input: string | undefined;
  let formulas = false;
  let json = false;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === "--formulas" || name === "--formula") formulas = true;
    else if (name === "--json") json = true;
    else if (name === "--force" || name === "-f") force = true;
    else if (name === "--values") formulas = false;
    else if (name in FILL_VALUE_OPTIONS) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(say(strings.missingValue, { option: name }));
      values[FILL_VALUE_OPTIONS[name]] = value;
    } else if (arg.startsWith("-") && arg.length > 1) {
      throw new UsageError(say(strings.unknownOption, { option: arg }));
    } else if (input === undefined) {
      input = arg;
    } else {
      throw new UsageError(say(strings.extraArgument, { argument: arg }));
    }
  }
  if (input === undefined) throw new UsageError(strings.missingInput);
  return { command: "fill", input, ...values, formulas, json, force };
}

function parseSingle(command: "award" | "explain", argv: readonly string[], strings: CliStrings): SingleCommand {
  const json = argv.includes("--json");
  const positional = argv.filter((arg) => arg !== "--json");
  if (positional.length < SINGLE_ARITY.min) throw new UsageError(say(strings.tooFewArguments, { command }));
  // Tags may be given as several words (个转企 战略新兴): everything after prevRevenue is one tag list.
  const fixed = positional.slice(0, SINGLE_ARITY.max - 1);
  const tags = positional.slice(SINGLE_ARITY.max - 1);
  const args = [...fixed, ...(tags.length ? [tags.join("；")] : [])].map(omitted);
  return { command, args, json };
}

/** "-" and "" stand for an omitted optional argument, as an empty cell would. */
function omitted(arg: string): string | null {
  return arg === "-" || arg.trim() === "" ? null : arg;
}

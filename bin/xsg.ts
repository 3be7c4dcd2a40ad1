/**
 * The XSG command line (issue 7): the same fill and the same results as the Excel add-in, for
 * WPS and older-Office users, over .xlsx/.csv files on their own PC. No network, no upload.
 *
 *   xsg fill INPUT.xlsx [-o OUTPUT.xlsx] [--sheet NAME] [--region R] [--year Y] [--formulas] [--json]
 *   xsg award REGION REVENUE YEAR [UPGRADE_YEAR] [PREV_REVENUE] [TAGS]
 *   xsg explain REGION REVENUE YEAR [UPGRADE_YEAR] [PREV_REVENUE] [TAGS]
 *   xsg policy list|check|test|export|template …   (bin/cli/policy.ts)
 *   --policy FILE (repeatable) [--policy-first] on every command: evaluate with an official's document
 *
 * Run through bin/xsg.js (`npx xsg …`), which registers the TypeScript require hook.
 */
import { parseCommand, UsageError } from "./cli/args";
import { EXIT } from "./cli/exit-codes";
import { printableIo, processIo, type CliIo } from "./cli/io";
import { activeCatalog, useCatalog } from "../src/policies";
import { catalogOfFiles, extractPolicyOptions, PolicyFileError } from "./cli/policy-files";
import { runPolicyCommand } from "./cli/policy";
import { policyStrings } from "./cli/policy-strings";
import { runSingle } from "./cli/single";
import { cliStrings, say } from "./cli/strings";
import { failureDetail } from "./cli/failure";

/** Runs one command; resolves to the exit code (never calls process.exit, so tests run it in-process). */
export async function main(
  argv: readonly string[],
  io: CliIo = processIo(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const strings = cliStrings(env);
  const policy = policyStrings(strings.lang);
  // In-process callers (tests) get the catalog they had back: --policy lasts one command.
  const previousCatalog = activeCatalog();
  io = printableIo(io);
  try {
    const { argv: rest, options } = extractPolicyOptions(argv);
    if (rest[0] === "policy") return runPolicyCommand(rest.slice(1), options, io, policy);
    const command = parseCommand(rest, strings);
    if (options.files.length > 0) useCatalog(catalogOfFiles(options, io, policy));
    switch (command.command) {
      case "help":
        io.stdout(strings.usage);
        io.stdout(policy.usage);
        return EXIT.done;
      case "version":
        io.stdout(version());
        return EXIT.done;
      case "award":
      case "explain":
        return runSingle(command, io, strings);
      case "fill": {
        // Loaded on demand: award/explain stay fast and never load the file adapter.
        const { runFillCommand } = await import("./cli/fill");
        return await runFillCommand(command, io, strings);
      }
    }
  } catch (error) {
    if (error instanceof PolicyFileError) {
      for (const line of error.lines) io.stderr(line);
      return EXIT.unusable;
    }
    if (error instanceof UsageError) {
      io.stderr(error.message);
      io.stderr(strings.usage);
      return EXIT.unusable;
    }
    io.stderr(say(strings.internalError, { detail: failureDetail(error, env) }));
    return EXIT.unusable;
  } finally {
    useCatalog(previousCatalog);
  }
}

function version(): string {
  const pkg = require("../package.json") as { name: string; version: string };
  return `${pkg.name} ${pkg.version}`;
}

/**
 * `xsg award` and `xsg explain`: one result for scripting. They call the very adapters behind
 * =XSG.AWARD and =XSG.EXPLAIN (functions/adapter.ts), so a number or message here is the one a
 * cell shows; an #N/A or #VALUE! result prints the code on stdout and the message on stderr.
 */
import { award, explain } from "../../functions/adapter";
import type { SingleCommand } from "./args";
import type { CliIo } from "./io";
import { say, type CliStrings } from "./strings";
import { EXIT } from "./exit-codes";

interface CellErrorLike {
  readonly code: string;
  readonly message: string;
}

function asCellError(error: unknown): CellErrorLike | null {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "#N/A" || code === "#VALUE!" ? { code, message: (error as Error).message } : null;
}

export function runSingle(command: SingleCommand, io: CliIo, strings: CliStrings): number {
  const [region, revenue, year, upgradeYear, prevRevenue, tags] = [0, 1, 2, 3, 4, 5].map(
    (i) => command.args[i] ?? null,
  );
  let result: number | string;
  try {
    result =
      command.command === "award"
        ? award(region, revenue, year, upgradeYear, prevRevenue, tags)
        : explain(region, revenue, year, upgradeYear, prevRevenue, tags);
  } catch (error) {
    const cellError = asCellError(error);
    if (!cellError) {
      io.stderr(say(strings.internalError, { detail: error instanceof Error ? error.message : String(error) }));
      return EXIT.unusable;
    }
    if (command.json)
      io.stdout(JSON.stringify({ command: command.command, error: cellError.code, message: cellError.message }));
    else {
      io.stdout(cellError.code);
      io.stderr(cellError.message);
    }
    return EXIT.rowErrors;
  }
  if (command.json) {
    io.stdout(
      JSON.stringify(
        command.command === "award"
          ? { command: "award", value: result, unit: "万元" }
          : { command: "explain", text: result },
      ),
    );
  } else {
    io.stdout(String(result));
  }
  return EXIT.done;
}

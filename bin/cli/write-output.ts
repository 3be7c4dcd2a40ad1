/**
 * Writing the output file so that no run — failed, out of disk space, or interrupted with
 * Ctrl-C / SIGTERM — leaves a half-written output or a temporary file behind: the bytes go to
 * NAME.PID.tmp beside the output, then are renamed over it in one step.
 */
import * as fs from "fs";

/** Temporary files being written now; removed on an interrupt or an exit before their rename. */
const pending = new Set<string>();

function removePending(): void {
  for (const file of pending) fs.rmSync(file, { force: true });
  pending.clear();
}

let installed = false;

/** The output written completely in this run, if any (an interrupt after it says so). */
let completed: string | null = null;

/**
 * Ctrl-C (SIGINT) and SIGTERM end the run with exit code 2 after removing the temporary file.
 * Reading, filling and saving are synchronous stretches: a signal is handled at the next
 * eventLoopTurn() the command takes, never in the middle of a write.
 */
export function removeTemporariesOnInterrupt(onInterrupt: (completedOutput: string | null) => void): void {
  if (installed) return;
  installed = true;
  process.on("exit", removePending);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      removePending();
      onInterrupt(completed);
      process.exit(2);
    });
  }
}

/** A turn of the event loop, in which a pending signal is handled (a resolved promise would not do). */
export function eventLoopTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function writeAtomically(output: string, bytes: Uint8Array): void {
  const temporary = `${output}.${process.pid}.tmp`;
  pending.add(temporary);
  try {
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, output);
    completed = output;
  } finally {
    pending.delete(temporary);
    fs.rmSync(temporary, { force: true });
  }
}

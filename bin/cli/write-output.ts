/**
 * Writing the output file so that no run — failed, out of disk space, or interrupted with
 * Ctrl-C / SIGTERM — leaves a half-written output or a temporary file behind: the bytes go to
 * NAME.PID.tmp beside the output, then are renamed over it in one step.
 *
 * Signals are caught only around that write: reading, filling and saving are long synchronous
 * stretches during which a caught signal could not be handled, so there Ctrl-C keeps its
 * default effect and stops the run at once (no temporary file exists yet).
 */
import * as fs from "fs";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Temporary files being written now; removed on an interrupt or an exit before their rename. */
const pending = new Set<string>();
/** The output written completely in this run, if any (an interrupt after it says so). */
let completed: string | null = null;
let onInterrupt: ((completedOutput: string | null) => void) | null = null;

function removePending(): void {
  for (const file of pending) fs.rmSync(file, { force: true });
  pending.clear();
}

function interrupted(): void {
  removePending();
  onInterrupt?.(completed);
  process.exit(2);
}

/** The real command line (bin/xsg.js) asks for interrupts around the write to end in exit 2 with this message. */
export function catchInterruptsWhileWriting(message: (completedOutput: string | null) => void): void {
  onInterrupt = message;
  process.on("exit", removePending);
}

/** A turn of the event loop, in which a pending signal is handled (a resolved promise would not do). */
export function eventLoopTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Write `bytes` as `output` through a temporary file. A signal during the (synchronous) write is
 * handled at the eventLoopTurn() after it: the temporary file is gone, the output complete.
 */
export async function writeAtomically(output: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${output}.${process.pid}.tmp`;
  if (onInterrupt) for (const signal of SIGNALS) process.on(signal, interrupted);
  try {
    pending.add(temporary);
    try {
      fs.writeFileSync(temporary, bytes);
      fs.renameSync(temporary, output);
      completed = output;
    } finally {
      pending.delete(temporary);
      fs.rmSync(temporary, { force: true });
    }
    await eventLoopTurn();
  } finally {
    for (const signal of SIGNALS) process.off(signal, interrupted);
  }
}

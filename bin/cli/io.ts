/** Where the command line writes: the real streams, or a capture in tests. One call = one line. */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  /** Transient progress (a TTY line rewritten in place); ignored when not a terminal. */
  progress?(text: string): void;
  readonly cwd: string;
}

export function processIo(): CliIo {
  // `xsg fill … | head`: a closed pipe ends the output quietly, as other command-line tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const tty = Boolean(process.stderr.isTTY);
  let shown = false;
  const clear = (): void => {
    if (shown) process.stderr.write("\r\x1b[K");
    shown = false;
  };
  return {
    stdout: (line) => {
      clear();
      process.stdout.write(`${line}\n`);
    },
    stderr: (line) => {
      clear();
      process.stderr.write(`${line}\n`);
    },
    progress: tty
      ? (text) => {
          process.stderr.write(`\r\x1b[K${text}`);
          shown = true;
        }
      : undefined,
    cwd: process.cwd(),
  };
}

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

/**
 * Text from a file (enterprise names, sheet names, headers) may hold control characters: printed
 * raw, an ESC or CSI sequence would be executed by the terminal. They are shown as \uXXXX instead
 * (still valid inside a --json string), as are the bidirectional overrides that can disguise text.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(line: string): string {
  return line.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The same io with every line made printable (progress lines are XSG's own and pass as they are). */
export function printableIo(io: CliIo): CliIo {
  return {
    stdout: (line) => io.stdout(printable(line)),
    stderr: (line) => io.stderr(printable(line)),
    progress: io.progress,
    cwd: io.cwd,
  };
}

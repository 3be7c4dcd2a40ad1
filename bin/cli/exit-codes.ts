/** The command line's exit codes (issue 7): scripts branch on these. */
export const EXIT = {
  /** Everything was done. */
  done: 0,
  /** The work was done but some rows (or the one result) are errors; they are listed. */
  rowErrors: 1,
  /** Unusable input: a missing file, no data, no header, a bad option… Nothing was written. */
  unusable: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * How much the file route takes on, so a hostile or runaway file ends in a clear Chinese message
 * instead of exhausting memory. Excel's own sheet size, and a bound on the bytes a part may inflate
 * to (checked against the zip directory before inflating, and while inflating, so a zip bomb is
 * refused before it costs anything). The measured peak memory at these bounds is in
 * docs/performance.md.
 */

/** Excel's sheet limits (rows × columns). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

const MB = 1024 * 1024;

/** One XML part, inflated: a 100k-row ledger sheet is ~25 MB; this admits ~1M rows of a plain ledger. */
export const MAX_PART_BYTES = 256 * MB;

/** All parts read from one workbook together (sheets are indexed on demand; most files read one). */
export const MAX_INFLATED_BYTES = 512 * MB;

/**
 * A .csv file. Its sheet XML is 2–6 times its size and is held by the same part limit (checked
 * row by row as it is made); this bound refuses a far larger file before it is even decoded.
 */
export const MAX_CSV_BYTES = 128 * MB;

/** A limit was reached: the message says which, in the official's terms, and what to do. */
export class FileLimitError extends Error {
  override readonly name = "FileLimitError";
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}

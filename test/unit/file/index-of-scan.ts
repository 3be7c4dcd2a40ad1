/**
 * Characters String#indexOf scans while a piece of work runs (from each call's start position to
 * its match, or to the end of the string): a clock-free measure of how often the XML is read.
 */
export async function indexOfScan<T>(run: () => T | Promise<T>): Promise<{ result: T; scanned: number }> {
  const original = String.prototype.indexOf;
  let scanned = 0;
  String.prototype.indexOf = function (this: string, search: string, position?: number): number {
    const at = original.call(this, search, position);
    const from = Math.min(Math.max(Math.trunc(position ?? 0) || 0, 0), this.length);
    scanned += (at < 0 ? this.length : at) - from;
    return at;
  };
  try {
    return { result: await run(), scanned };
  } finally {
    String.prototype.indexOf = original;
  }
}

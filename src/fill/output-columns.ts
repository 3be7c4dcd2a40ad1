/** The columns a fill writes, recognised again by their exact headers when refreshed. */

export const OUTPUT_COLUMNS = [
  "升规奖励(万元)",
  "技改补助(万元)",
  "租金补助(万元)",
  "合计(万元)",
  "状态",
  "依据",
  "说明",
] as const;
export type OutputColumn = (typeof OUTPUT_COLUMNS)[number];

/** Column offsets within the output block. */
export const OUT = { award: 0, tech: 1, rent: 2, total: 3, status: 4, basis: 5, note: 6 } as const;

const OUTPUT_SET = new Set<string>(OUTPUT_COLUMNS);

export function isOutputHeader(text: unknown): boolean {
  return typeof text === "string" && OUTPUT_SET.has(text.trim());
}

/**
 * Where a previous fill's output block starts: the seven exact headers side by side in order.
 * Anything less (a column deleted, renamed or moved) is not recognised: the new block then goes
 * to the right of the data and nothing the official typed is taken for ours.
 */
export function findOutputBlock(headers: readonly string[]): number | null {
  for (let c = 0; c + OUTPUT_COLUMNS.length <= headers.length; c++) {
    if (OUTPUT_COLUMNS.every((h, i) => (headers[c + i] ?? "").trim() === h)) return c;
  }
  return null;
}

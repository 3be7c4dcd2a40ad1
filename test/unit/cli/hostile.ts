/** Minimal ledgers written by hand (the XML a test needs, nothing else) and one way to fill them. */
import * as fs from "fs";
import * as path from "path";
import { handmade, type Parts } from "../file/handmade-xlsx";
import { xsg, type Run } from "./helpers";

export const LEDGER_HEADER = ["企业名称", "所属地区", "主营业务收入（万元）", "首次入库年份"];

function cellXml(ref: string, value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
}

/** One <row> of cells from column A; strings are written as they are (XML-escaped by the caller). */
export function rowXml(row: number, values: readonly (string | number | null)[], extra = ""): string {
  const cells = values.map((v, i) => cellXml(`${String.fromCharCode(65 + i)}${row}`, v)).join("");
  return `<row r="${row}">${cells}${extra}</row>`;
}

/** A ledger sheet: the header in row 1, then the rows given by number. */
export function ledgerSheet(
  rows: ReadonlyMap<number, readonly (string | number | null)[]> | readonly (readonly (string | number | null)[])[],
): string {
  const entries: [number, readonly (string | number | null)[]][] = Array.isArray(rows)
    ? (rows as (string | number | null)[][]).map((r, i) => [i + 2, r])
    : [...(rows as ReadonlyMap<number, readonly (string | number | null)[]>)];
  return `<sheetData>${rowXml(1, LEDGER_HEADER)}${entries.map(([n, r]) => rowXml(n, r)).join("")}</sheetData>`;
}

export const ENTERPRISE = ["甲公司", "杭州市萧山区", 2500, 2024] as const;

export interface Filled {
  readonly run: Run;
  readonly input: string;
  readonly output: string;
  readonly outputBytes: Uint8Array | null;
}

/** Write `bytes` as `name` in `dir`, run `xsg fill` on it (in-process) and read the output back. */
export async function fillBytes(
  dir: string,
  bytes: Uint8Array | string,
  name = "台账.xlsx",
  args: readonly string[] = ["--year", "2024"],
): Promise<Filled> {
  const input = path.join(dir, name);
  fs.writeFileSync(input, bytes);
  const output = path.join(dir, `out-${name}.xlsx`);
  const run = await xsg(["fill", name, "-o", output, ...args], dir);
  return { run, input, output, outputBytes: fs.existsSync(output) ? new Uint8Array(fs.readFileSync(output)) : null };
}

export function ledger(parts: Omit<Parts, "sheet"> & { sheet?: string } = {}, rows = [ENTERPRISE]): Uint8Array {
  return handmade({ sheet: ledgerSheet(rows), ...parts });
}

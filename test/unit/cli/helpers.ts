/** Running the CLI in-process (fast) and as a real process (the launcher), and small workbooks to feed it. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../../bin/xsg";

export const REPO = path.resolve(__dirname, "../../..");

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function xsg(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { cwd, stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, env);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** The real thing: `node bin/xsg.js …` in a child process. */
export function xsgProcess(args: readonly string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [path.join(REPO, "bin", "xsg.js"), ...args], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "xsg-cli-"));
}

export const HEADER = [
  "企业名称",
  "统一社会信用代码",
  "所属地区",
  "主营业务收入（万元）",
  "上年主营业务收入（万元）",
  "首次入库年份",
  "标签",
];

/** A clean sheet: every row evaluates without error. */
export const CLEAN_ROWS: ExcelJS.CellValue[][] = [
  ["杭州甲机械有限公司", null, "杭州市萧山区", 2500, 1800, 2024, "个转企"],
  ["温州乙鞋业有限公司", null, "鹿城区", "3,200", 2900, 2023, null],
  ["晋城丙电子有限公司", null, "晋城", "1800万元", null, "2024年", null],
];

export interface SheetSpec {
  readonly name?: string;
  readonly rows: readonly (readonly ExcelJS.CellValue[])[];
  /** Rows above the header (a title, a note). */
  readonly above?: readonly (readonly ExcelJS.CellValue[])[];
  readonly header?: readonly string[];
  readonly protect?: boolean;
  readonly merge?: string;
}

export async function writeWorkbook(file: string, ...sheets: SheetSpec[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name ?? "名单");
    for (const line of [...(spec.above ?? []), spec.header ?? HEADER, ...spec.rows]) sheet.addRow([...line]);
    if (spec.merge) sheet.mergeCells(spec.merge);
    if (spec.protect) await sheet.protect("", {});
  }
  await workbook.xlsx.writeFile(file);
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

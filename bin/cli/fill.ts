/**
 * `xsg fill`: the taskpane's batch fill over a file. The workbook is opened as an XlsxPackage, handed
 * to XlsxFillHost, and filled by the very runFill the add-in uses (same mapping, same output
 * columns and headers, same 说明); then saved to a new file — never over the input.
 */
import * as fs from "fs";
import * as path from "path";
import { formatWan, isXsgError, parseYear, resolveRegion } from "../../src/index";
import {
  autoMap,
  detectHeader,
  FIELD_DEFS,
  FillError,
  OUT,
  OUTPUT_COLUMNS,
  runFill,
  STATUS,
  columnLetter,
  displayCell,
  type ColumnMapping,
  type FillDefaults,
  type FillResult,
} from "../../src/fill";
import { filledFileName, openWorkbook, WorkbookOpenError } from "../../taskpane/file/open";
import { XlsxFillHost } from "../../taskpane/file/xlsx-fill-host";
import type { FillCommand } from "./args";
import { EXIT } from "./exit-codes";
import type { CliIo } from "./io";
import { nodeCodec } from "./node-codec";
import { say, type CliStrings } from "./strings";
import { failureDetail } from "./failure";
import { writeAtomically } from "./write-output";

/** Unusable input: the message is printed and the exit code is 2. */
class Unusable extends Error {}

/** "名单.xlsx" → "名单.filled.xlsx" beside the input (see filledFileName). */
export function defaultOutputPath(input: string): string {
  return path.join(path.dirname(input), filledFileName(path.basename(input)));
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

export interface ErrorRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly name: string;
  readonly note: string;
}

/** Where the run is, for a failure message: the file, and the sheet once it is known. */
interface Place {
  file: string;
  sheet?: string;
}

export async function runFillCommand(command: FillCommand, io: CliIo, strings: CliStrings): Promise<number> {
  const started = Date.now();
  const place: Place = { file: path.resolve(io.cwd, command.input) };
  try {
    return await fill(command, io, strings, started, place);
  } catch (error) {
    if (error instanceof Unusable) {
      io.stderr(error.message);
      return EXIT.unusable;
    }
    if (error instanceof FillError) {
      io.stderr(say(strings.fillFailed, { detail: error.message }));
      return EXIT.unusable;
    }
    // Anything else — a damaged part found while reading cells, a limit, a system error — is
    // still the official's file that cannot be used: exit 2, in Chinese, naming where.
    const where = place.sheet === undefined ? "" : say(strings.inSheet, { sheet: place.sheet });
    io.stderr(say(strings.fileFailed, { file: place.file, where, detail: failureDetail(error) }));
    return EXIT.unusable;
  }
}

async function fill(
  command: FillCommand,
  io: CliIo,
  strings: CliStrings,
  started: number,
  place: Place,
): Promise<number> {
  const input = place.file;
  const output = path.resolve(io.cwd, command.output ?? defaultOutputPath(command.input));
  if (!fs.existsSync(input)) throw new Unusable(say(strings.inputMissing, { file: input }));
  if (sameFile(input, output)) throw new Unusable(say(strings.sameAsInput, { file: output }));
  checkOutput(output, command.force, strings);
  const defaults = checkedDefaults(command, strings);

  let bytes: Buffer;
  try {
    if (!fs.statSync(input).isFile()) throw Object.assign(new Error(), { code: "EISDIR" });
    bytes = fs.readFileSync(input);
  } catch (error) {
    throw new Unusable(say(strings.inputUnreadable, { file: input, detail: failureDetail(error) }));
  }
  let workbook;
  try {
    workbook = openWorkbook(bytes, path.basename(input), nodeCodec);
  } catch (error) {
    if (error instanceof WorkbookOpenError) throw new Unusable(error.message);
    throw error;
  }
  const worksheets = workbook.sheets.filter((s) => s.part !== null).map((s) => s.name);
  if (command.sheet !== undefined && !worksheets.includes(command.sheet)) {
    const sheets = worksheets.map((name) => `“${name}”`).join("、");
    throw new Unusable(say(strings.sheetMissing, { sheet: command.sheet, sheets }));
  }

  // The CLI has no screen to await a click on: reads and writes run back to back.
  const host = new XlsxFillHost(workbook, { sheetName: command.sheet, yieldBetweenCalls: false });
  const sheet = host.activeSheetName;
  place.sheet = sheet;
  const info = await host.describeRegion({ extraColumns: OUTPUT_COLUMNS.length });
  if (info.rowCount === 0) throw new Unusable(say(strings.noData, { sheet }));
  const header = detectHeader(info.head);
  if (!header) throw new Unusable(say(strings.noHeader, { sheet }));
  const mapping = autoMap(header.headers, { unitHint: header.unitHint });
  if (!mapping.revenue) {
    throw new Unusable(say(strings.needRevenue, { headers: header.headers.filter((h) => h.trim()).join("、") }));
  }
  if (!mapping.year && defaults.year === undefined && mapping.revenue.headerYear === undefined)
    throw new Unusable(strings.needYear);
  if (!mapping.region && defaults.region === undefined && !mapping.creditCode) throw new Unusable(strings.needRegion);

  const headerRow = info.top + header.headerRow + 1;
  if (!command.json) printMapping(io, strings, mapping, defaults, headerRow);

  const result = await runFill(
    host,
    { mapping, defaults, mode: command.formulas ? "formulas" : "values" },
    { onProgress: (done, total) => io.progress?.(say(strings.progress, { done, total })) },
  );
  const errorRows = await listErrorRows(host, result, mapping, info.left);

  const saved = workbook.save();
  try {
    await writeAtomically(output, saved);
  } catch (error) {
    throw new Unusable(say(strings.outputFailed, { file: output, detail: failureDetail(error) }));
  }

  const area = result.writtenArea;
  const columns = area ? { first: columnLetter(area.left), last: columnLetter(area.left + area.columns - 1) } : null;
  if (command.json) {
    io.stdout(
      JSON.stringify(
        jsonReport({ input, output, sheet, headerRow, mapping, defaults, result, errorRows, columns, started }),
      ),
    );
  } else {
    printSummary(io, strings, result, errorRows);
    io.stdout(say(strings.written, { file: output, sheet, first: columns?.first ?? "", last: columns?.last ?? "" }));
    io.stderr(say(strings.elapsed, { seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  }
  return result.summary.errors > 0 ? EXIT.rowErrors : EXIT.done;
}

/**
 * The output's policy: an existing file is replaced only with --force, and never when it is
 * read-only (the official protected it) or a folder. Checked before the work, so a refusal costs nothing.
 */
function checkOutput(output: string, force: boolean, strings: CliStrings): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(output);
  } catch {
    return; // absent: written fresh (a missing folder is reported when writing)
  }
  if (stat.isDirectory()) throw new Unusable(say(strings.outputIsFolder, { file: output }));
  if (!force) throw new Unusable(say(strings.outputExists, { file: output }));
  // Read-only by its mode bits (Windows' read-only attribute shows as these too), even where the
  // user could write anyway (root, or a folder that allows the rename): the official protected it.
  if ((stat.mode & 0o222) === 0 || !isWritable(output))
    throw new Unusable(say(strings.outputReadOnly, { file: output }));
}

function isWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** --region and --year are checked before the file is even opened: a typo costs nothing. */
function checkedDefaults(command: FillCommand, strings: CliStrings): FillDefaults {
  const defaults: { region?: string; year?: number } = {};
  if (command.region !== undefined) {
    try {
      resolveRegion(command.region, "region");
    } catch (error) {
      if (!isXsgError(error)) throw error;
      throw new Unusable(say(strings.badRegion, { value: command.region, detail: error.detail }));
    }
    defaults.region = command.region;
  }
  if (command.year !== undefined) {
    let year: number | null = null;
    try {
      year = parseYear(command.year, "year");
    } catch (error) {
      if (!isXsgError(error)) throw error;
      throw new Unusable(say(strings.badYear, { value: command.year, detail: error.detail }));
    }
    if (year === null) throw new Unusable(say(strings.badYear, { value: command.year, detail: "空值" }));
    defaults.year = year;
  }
  return defaults;
}

function printMapping(
  io: CliIo,
  strings: CliStrings,
  mapping: ColumnMapping,
  defaults: FillDefaults,
  headerRow: number,
): void {
  io.stdout(say(strings.mappingTitle, { row: headerRow }));
  for (const def of FIELD_DEFS) {
    const ref = mapping[def.id];
    if (ref)
      io.stdout(
        say(strings.mappingLine, {
          field: strings.lang === "en" ? def.labelEn : def.label,
          column: `${columnLetter(ref.column)}“${ref.header}”${ref.unit ? `（${ref.unit}）` : ""}`,
        }),
      );
  }
  const whole = [
    defaults.region ? say(strings.defaultRegion, { region: defaults.region }) : "",
    defaults.year ? say(strings.defaultYear, { year: defaults.year }) : "",
  ].filter(Boolean);
  if (whole.length > 0) io.stdout(say(strings.defaultsLine, { text: whole.join(strings.lang === "en" ? ", " : "，") }));
}

/** Rows whose 状态 is 数据错误, read back from what the fill wrote (the same cells the official will see). */
async function listErrorRows(
  host: XlsxFillHost,
  result: FillResult,
  mapping: ColumnMapping,
  regionLeft: number,
): Promise<ErrorRow[]> {
  const area = result.writtenArea;
  if (!area || !result.undo) return [];
  const written = result.undo.after;
  // The name column of the written rows, read once (not once per error row).
  const names = mapping.name
    ? await host.readValues(result.sheetName, {
        top: area.top,
        left: regionLeft + mapping.name.column,
        rows: written.length,
        columns: 1,
      })
    : [];
  const rows: ErrorRow[] = [];
  for (let i = 1; i < written.length; i++) {
    if (written[i][OUT.status] !== STATUS.error) continue;
    rows.push({ row: area.top + i + 1, name: displayCell(names[i]?.[0]), note: String(written[i][OUT.note] ?? "") });
  }
  return rows;
}

const MAX_LISTED_ERRORS = 30;

function printSummary(io: CliIo, strings: CliStrings, result: FillResult, errorRows: readonly ErrorRow[]): void {
  const s = result.summary;
  io.stdout(say(strings.summaryTitle, { sheet: result.sheetName, rows: s.rows }));
  io.stdout(
    say(strings.summaryCounts, { filled: s.filled, eligible: s.eligible, needsData: s.needsData, errors: s.errors }),
  );
  io.stdout(say(strings.summaryTotal, { total: formatWan(s.totalYuan) }));
  if (s.byYear.length > 0) {
    io.stdout(strings.summaryByYear);
    for (const y of s.byYear) io.stdout(say(strings.summaryLine, { label: `${y.year}年`, amount: formatWan(y.yuan) }));
  }
  if (s.byClause.length > 0) {
    io.stdout(strings.summaryByClause);
    for (const c of s.byClause) {
      io.stdout(
        say(strings.summaryLine, {
          label: `${c.regionName} ${c.documentNumber} ${c.label}${c.title}（${c.count} 家）`,
          amount: formatWan(c.yuan),
        }),
      );
    }
  }
  if (errorRows.length > 0) {
    io.stdout(say(strings.errorsTitle, { count: errorRows.length }));
    for (const e of errorRows.slice(0, MAX_LISTED_ERRORS))
      io.stdout(say(strings.errorLine, { row: e.row, name: e.name, note: e.note }));
    if (errorRows.length > MAX_LISTED_ERRORS)
      io.stdout(say(strings.moreErrors, { count: errorRows.length - MAX_LISTED_ERRORS }));
  }
}

interface JsonInput {
  input: string;
  output: string;
  sheet: string;
  headerRow: number;
  mapping: ColumnMapping;
  defaults: FillDefaults;
  result: FillResult;
  errorRows: readonly ErrorRow[];
  columns: { first: string; last: string } | null;
  started: number;
}

/** The --json report: counts, exact totals (元) and 万元 as the sheet shows them, every error row. */
function jsonReport(j: JsonInput): unknown {
  const s = j.result.summary;
  const wan = (yuan: number): number => Number(formatWan(yuan));
  return {
    input: j.input,
    output: j.output,
    sheet: j.sheet,
    headerRow: j.headerRow,
    mode: j.result.mode,
    refreshed: j.result.refreshed,
    outputColumns: j.columns ? { first: j.columns.first, last: j.columns.last, headers: [...OUTPUT_COLUMNS] } : null,
    mapping: Object.fromEntries(
      FIELD_DEFS.filter((d) => j.mapping[d.id]).map((d) => [
        d.id,
        {
          column: columnLetter(j.mapping[d.id]!.column),
          header: j.mapping[d.id]!.header,
          unit: j.mapping[d.id]!.unit ?? null,
        },
      ]),
    ),
    defaults: { region: j.defaults.region ?? null, year: j.defaults.year ?? null },
    rows: s.rows,
    filled: s.filled,
    eligible: s.eligible,
    needsData: s.needsData,
    errors: s.errors,
    totalYuan: s.totalYuan,
    totalWan: wan(s.totalYuan),
    byCategoryYuan: s.byCategory,
    byYear: s.byYear.map((y) => ({ year: y.year, yuan: y.yuan, wan: wan(y.yuan) })),
    byClause: s.byClause.map((c) => ({
      clauseId: c.clauseId,
      region: c.regionName,
      document: c.documentNumber,
      label: c.label,
      title: c.title,
      count: c.count,
      yuan: c.yuan,
      wan: wan(c.yuan),
    })),
    errorRows: j.errorRows,
    elapsedMs: Date.now() - j.started,
  };
}

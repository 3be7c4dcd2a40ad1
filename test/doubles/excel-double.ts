/**
 * A faithful in-memory test double of the Excel JavaScript API subset XSG uses.
 *
 * ONE self-contained file with no imports: the browser tests transpile it with
 * typescript.transpileModule and inject it into a page; jest imports it in Node.
 *
 * Faithful where mistakes hide:
 *  - proxies: reading a property that was not load()ed and sync()ed throws PropertyNotLoaded;
 *    queued operations run in order at sync(); a failing operation rejects sync() and
 *    stops the batch (earlier operations stay applied, like Excel);
 *  - Excel.run flushes pending operations at the end and invalidates its proxies afterwards;
 *  - writing: null leaves a cell unchanged, "" clears it, text is parsed as Excel parses typing
 *    ("123" → number, "=…" → formula, "TRUE" → boolean, "#N/A" → error, "'…" → text);
 *  - protected sheets and parts of merged cells refuse writes;
 *  - every sync's request and response payload is measured (JSON of the queued values,
 *    non-ASCII counted as \uXXXX escapes, an upper bound) and a payload over the limit
 *    (5 MB, Excel on the web) fails the sync with RequestPayloadSizeLimitExceeded.
 */

/* ----------------------------------------------------------------------------------------------
 * Addresses
 * -------------------------------------------------------------------------------------------- */

export interface DoubleArea {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnName(index: number): string {
  let name = "";
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

export function areaA1(area: DoubleArea): string {
  const start = a1(area.top, area.left);
  if (area.rows === 1 && area.columns === 1) return start;
  return `${start}:${a1(area.top + area.rows - 1, area.left + area.columns - 1)}`;
}

/** Sheet names are quoted in addresses when they are not plain identifiers. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parse "A1", "$A$1:B2", "Sheet1!A1:C3", "'My Sheet'!A:C", "3:5". */
export function parseAddress(address: string): { sheet?: string; area: DoubleArea } {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const parts = text.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) throw new DoubleError("InvalidArgument", `地址无效：${address}`);
  const ends = parts.map((part) => {
    const m = /^([A-Z]{0,3})(\d{0,7})$/.exec(part);
    if (!m || (m[1] === "" && m[2] === "")) throw new DoubleError("InvalidArgument", `地址无效：${address}`);
    return { col: m[1] === "" ? null : columnIndexOf(m[1]), row: m[2] === "" ? null : Number(m[2]) - 1 };
  });
  const first = ends[0];
  const last = ends[ends.length - 1];
  const top = first.row ?? 0;
  const bottom = last.row ?? MAX_ROWS - 1;
  const left = first.col ?? 0;
  const right = last.col ?? MAX_COLUMNS - 1;
  if (top < 0 || left < 0 || bottom >= MAX_ROWS || right >= MAX_COLUMNS || bottom < top || right < left) {
    throw new DoubleError("InvalidArgument", `地址无效：${address}`);
  }
  return { sheet, area: { top, left, rows: bottom - top + 1, columns: right - left + 1 } };
}

function intersects(a: DoubleArea, b: DoubleArea): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;
}

function contains(outer: DoubleArea, inner: DoubleArea): boolean {
  return (
    inner.top >= outer.top &&
    inner.left >= outer.left &&
    inner.top + inner.rows <= outer.top + outer.rows &&
    inner.left + inner.columns <= outer.left + outer.columns
  );
}

/* ----------------------------------------------------------------------------------------------
 * Errors
 * -------------------------------------------------------------------------------------------- */

/** Shaped like OfficeExtension.Error: code, message, debugInfo. */
export class DoubleError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

function propertyNotLoaded(entity: string, property: string): DoubleError {
  return new DoubleError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}

/* ----------------------------------------------------------------------------------------------
 * Payload size: an upper bound of the JSON Office sends (non-ASCII as \uXXXX escapes)
 * -------------------------------------------------------------------------------------------- */

export function jsonPayloadBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) bytes += 5;
  return bytes;
}

/** Fixed cost of one queued operation (object path, method name, ids). */
const OPERATION_BYTES = 120;

/* ----------------------------------------------------------------------------------------------
 * The workbook model
 * -------------------------------------------------------------------------------------------- */

/** One stored cell. Formula cells keep their text and a computed value. */
export interface DoubleCell {
  value: string | number | boolean;
  formula?: string;
  error?: boolean;
  /** Number format (dates keep "yyyy/m/d"). */
  numberFormat?: string;
}

export interface DoubleTableSpec {
  name: string;
  /** Address on the sheet, header row included, e.g. "B4:H200". */
  address: string;
}

export interface DoubleSheetSpec {
  name: string;
  /** Rows of cell inputs from `origin` (default A1), parsed as if typed: "=…" is a formula, a Date is a date. */
  cells?: readonly (readonly unknown[])[];
  origin?: string;
  tables?: readonly DoubleTableSpec[];
  protected?: boolean;
  /** Merged areas, e.g. ["A1:H1"]. */
  merged?: readonly string[];
}

export interface DoubleOptions {
  sheets: readonly DoubleSheetSpec[];
  /** Name of the active sheet (default: the first). */
  activeSheet?: string;
  /** Selected address on the active sheet (default A1). */
  selection?: string;
  /** Highest ExcelApi requirement set supported (default "1.20"); isSetSupported answers from it. */
  apiVersion?: string;
  /** Payload limit per request and per response (default 5 MB, Excel on the web). */
  maxPayloadBytes?: number;
  settings?: Record<string, unknown>;
  /** Value of a formula cell (Excel would calculate it); default 0. */
  calculate?: (formula: string, sheet: string, row: number, column: number) => string | number | boolean;
  /** Platform reported by Office.onReady / context.diagnostics. */
  platform?: string;
  /** The 1904 date system (old Mac workbooks): dates are stored 1462 days lower. */
  date1904?: boolean;
}

export interface DoubleChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
}

export interface DoubleStats {
  /** Round trips (syncs that carried at least one operation). */
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Syncs that wrote cells, and how many of them had calculation suspended. */
  writeSyncs: number;
  writeSyncsWithCalculationSuspended: number;
  /** Excel.run calls and how many asked for mergeUndoGroup. */
  runs: number;
  mergeUndoGroupRuns: number;
  cellsWritten: number;
}

type SelectionHandler = (args: { address: string; type: string; worksheetId: string }) => unknown;

export class DoubleSheet {
  readonly id: string;
  /** Row-major sparse storage: rows[r][c]. */
  private readonly rows: (DoubleCell | undefined)[][] = [];
  tables: { name: string; id: string; area: DoubleArea }[] = [];
  merged: DoubleArea[] = [];
  charts: DoubleChart[] = [];
  protected = false;
  selection: DoubleArea = { top: 0, left: 0, rows: 1, columns: 1 };
  readonly selectionHandlers: SelectionHandler[] = [];

  constructor(
    public name: string,
    id: number,
    private readonly workbook: DoubleWorkbook,
  ) {
    this.id = `{00000000-0001-0000-${String(id).padStart(4, "0")}-000000000000}`;
  }

  get(row: number, column: number): DoubleCell | undefined {
    return this.rows[row]?.[column];
  }

  set(row: number, column: number, cell: DoubleCell | undefined): void {
    let line = this.rows[row];
    if (!line) {
      if (!cell) return;
      line = this.rows[row] = [];
    }
    line[column] = cell;
  }

  /** Put typed input into a cell as Excel would (see parseInput). */
  input(row: number, column: number, raw: unknown): void {
    if (raw === null || raw === undefined) return;
    this.set(row, column, this.workbook.parseInput(raw, this.name, row, column));
  }

  /** Bounding box of cells holding something, or null for an empty sheet. */
  usedArea(): DoubleArea | null {
    let top = -1;
    let bottom = -1;
    let left = Number.MAX_SAFE_INTEGER;
    let right = -1;
    this.rows.forEach((line, r) => {
      if (!line) return;
      line.forEach((cell, c) => {
        if (!cell) return;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      });
    });
    if (top < 0) return null;
    return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Test helper: displayed values of an address ("" for empty, error text for errors). */
  values(address: string): (string | number | boolean)[][] {
    return this.grid(parseAddress(address).area, (cell) => (cell ? cell.value : ""));
  }

  /** Test helper: formulas of an address (the value for constants). */
  formulas(address: string): (string | number | boolean)[][] {
    return this.grid(parseAddress(address).area, (cell) => (cell ? (cell.formula ?? cell.value) : ""));
  }

  /** Test helper: write as a user types (no stats, no protection check). */
  type(address: string, inputs: readonly (readonly unknown[])[]): void {
    const { area } = parseAddress(address);
    inputs.forEach((line, r) => line.forEach((raw, c) => this.input(area.top + r, area.left + c, raw)));
  }

  grid<T>(area: DoubleArea, read: (cell: DoubleCell | undefined) => T): T[][] {
    const out: T[][] = new Array(area.rows);
    for (let r = 0; r < area.rows; r++) {
      const line = this.rows[area.top + r];
      const row: T[] = new Array(area.columns);
      for (let c = 0; c < area.columns; c++) row[c] = read(line?.[area.left + c]);
      out[r] = row;
    }
    return out;
  }

  address(area: DoubleArea): string {
    return `${quoteSheetName(this.name)}!${areaA1(area)}`;
  }
}

const ERROR_LITERALS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
]);

const NUMERIC_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?%?$/i;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/** Excel date serial of a calendar date (1900 date system, with its 1900-02-29). */
export function dateSerial(year: number, month: number, day: number): number {
  const utc = Date.UTC(year, month - 1, day);
  const serial = utc / 86_400_000 + 25_569;
  return serial;
}

/** Days between the 1900 and the 1904 date systems. */
const DATE_1904_SHIFT = 1462;

export class DoubleWorkbook {
  readonly sheets: DoubleSheet[] = [];
  activeSheetName: string;
  readonly settings = new Map<string, unknown>();
  /** Settings as saved into the file by saveAsync (settings.set alone does not persist). */
  readonly savedSettings = new Map<string, unknown>();
  /** Application.calculate requests, in order ("Recalculate", "Full", "FullRebuild"). */
  readonly calculations: string[] = [];
  apiVersion: string;
  maxPayloadBytes: number;
  readonly platform: string;
  readonly date1904: boolean;
  stats: DoubleStats = emptyStats();
  private nextSheetId = 1;
  private nextTableId = 1;
  private readonly calculate?: DoubleOptions["calculate"];

  constructor(options: DoubleOptions) {
    this.apiVersion = options.apiVersion ?? "1.20";
    this.maxPayloadBytes = options.maxPayloadBytes ?? 5 * 1024 * 1024;
    this.calculate = options.calculate;
    this.platform = options.platform ?? "OfficeOnline";
    this.date1904 = options.date1904 ?? false;
    for (const spec of options.sheets) this.addSheetFromSpec(spec);
    if (this.sheets.length === 0) this.addSheet("Sheet1");
    this.activeSheetName = options.activeSheet ?? this.sheets[0].name;
    if (options.selection) this.activeSheet().selection = parseAddress(options.selection).area;
    for (const [key, value] of Object.entries(options.settings ?? {})) {
      this.settings.set(key, value);
      this.savedSettings.set(key, value);
    }
  }

  sheet(name: string): DoubleSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  findSheet(name: string): DoubleSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key || s.id === name);
  }

  activeSheet(): DoubleSheet {
    return this.sheet(this.activeSheetName);
  }

  addSheet(name: string): DoubleSheet {
    if (this.findSheet(name)) throw new DoubleError("ItemAlreadyExists", `工作表“${name}”已存在。`);
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
      throw new DoubleError("InvalidArgument", `工作表名称无效：“${name}”。`);
    }
    const sheet = new DoubleSheet(name, this.nextSheetId++, this);
    this.sheets.push(sheet);
    return sheet;
  }

  addTable(sheet: DoubleSheet, name: string, area: DoubleArea): void {
    if (this.sheets.some((s) => s.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()))) {
      throw new DoubleError("ItemAlreadyExists", `表“${name}”已存在。`);
    }
    sheet.tables.push({ name, id: String(this.nextTableId++), area });
  }

  /** Test helper: move the selection and fire the sheet's onSelectionChanged handlers. */
  async select(address: string, sheetName = this.activeSheetName): Promise<void> {
    const sheet = this.sheet(sheetName);
    this.activeSheetName = sheet.name;
    sheet.selection = parseAddress(address).area;
    const args = { address: areaA1(sheet.selection), type: "WorksheetSelectionChanged", worksheetId: sheet.id };
    for (const handler of [...sheet.selectionHandlers]) await handler(args);
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  isSetSupported(name: string, minVersion?: string): boolean {
    if (name !== "ExcelApi") return false;
    return compareVersions(this.apiVersion, minVersion ?? "1.1") >= 0;
  }

  /** How Excel stores what is typed (or written through values/formulas) into a cell. */
  parseInput(raw: unknown, sheet: string, row: number, column: number): DoubleCell | undefined {
    if (raw instanceof Date) {
      const serial = dateSerial(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
      return { value: serial - (this.date1904 ? DATE_1904_SHIFT : 0), numberFormat: "yyyy/m/d" };
    }
    if (typeof raw === "number") {
      if (!Number.isFinite(raw))
        throw new DoubleError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      return { value: raw };
    }
    if (typeof raw === "boolean") return { value: raw };
    if (typeof raw !== "string") {
      throw new DoubleError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    }
    if (raw === "") return undefined;
    if (raw.startsWith("'")) return raw.length === 1 ? undefined : { value: raw.slice(1) };
    if (raw.startsWith("=")) return this.formulaCell(raw, sheet, row, column);
    const trimmed = raw.trim();
    if (NUMERIC_TEXT.test(trimmed) && /\d/.test(trimmed)) {
      const percent = trimmed.endsWith("%");
      const n = Number(trimmed.replace(/[,%]/g, ""));
      return { value: percent ? n / 100 : n };
    }
    if (raw.startsWith("+") || raw.startsWith("-")) return this.formulaCell(`=${raw}`, sheet, row, column);
    if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
    if (ERROR_LITERALS.has(trimmed.toUpperCase())) return { value: trimmed.toUpperCase(), error: true };
    const date = ISO_DATE.exec(trimmed);
    if (date) {
      const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
      const probe = new Date(Date.UTC(y, m - 1, d));
      if (probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d)
        return { value: dateSerial(y, m, d) - (this.date1904 ? DATE_1904_SHIFT : 0), numberFormat: "yyyy/m/d" };
    }
    return { value: raw };
  }

  private formulaCell(formula: string, sheet: string, row: number, column: number): DoubleCell {
    const value = this.calculate ? this.calculate(formula, sheet, row, column) : 0;
    const error = typeof value === "string" && ERROR_LITERALS.has(value);
    return { value, formula, error: error || undefined };
  }

  private addSheetFromSpec(spec: DoubleSheetSpec): void {
    const sheet = this.addSheet(spec.name);
    const origin = parseAddress(spec.origin ?? "A1").area;
    spec.cells?.forEach((line, r) => line.forEach((raw, c) => sheet.input(origin.top + r, origin.left + c, raw)));
    for (const t of spec.tables ?? []) this.addTable(sheet, t.name, parseAddress(t.address).area);
    sheet.merged = (spec.merged ?? []).map((a) => parseAddress(a).area);
    sheet.protected = spec.protected ?? false;
  }
}

function emptyStats(): DoubleStats {
  return {
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    writeSyncs: 0,
    writeSyncsWithCalculationSuspended: 0,
    runs: 0,
    mergeUndoGroupRuns: 0,
    cellsWritten: 0,
  };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/* ----------------------------------------------------------------------------------------------
 * Request context and proxies
 * -------------------------------------------------------------------------------------------- */

interface Operation {
  requestBytes: number;
  writes?: boolean;
  suspendsCalculation?: boolean;
  /** Runs at sync; returns the response bytes it produced. */
  run(): number;
}

export class DoubleRequestContext {
  readonly workbook: DoubleWorkbookProxy;
  readonly application: DoubleApplication;
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };
  readonly debugInfo = { pendingStatements: [] as string[] };
  private queue: Operation[] = [];
  /** False once its Excel.run has finished: its proxies are no longer valid. */
  open = true;

  constructor(readonly model: DoubleWorkbook) {
    this.workbook = new DoubleWorkbookProxy(this);
    this.application = new DoubleApplication(this);
  }

  enqueue(op: Operation): void {
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync<T>(passThrough?: T): Promise<T> {
    const ops = this.queue;
    this.queue = [];
    if (ops.length === 0) return passThrough as T;
    await Promise.resolve(); // a round trip is asynchronous
    const stats = this.model.stats;
    stats.syncs++;
    if (!this.open) {
      throw new DoubleError(
        "InvalidObjectPath",
        "The object path isn't working for what you're trying to do. The request context of this object has been released (its Excel.run has finished).",
      );
    }
    const requestBytes = 64 + ops.reduce((sum, op) => sum + op.requestBytes, 0);
    stats.requestBytes.push(requestBytes);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    if (requestBytes > this.model.maxPayloadBytes) {
      stats.responseBytes.push(0);
      throw new DoubleError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
      );
    }
    const writes = ops.some((op) => op.writes);
    if (writes) {
      stats.writeSyncs++;
      if (ops.some((op) => op.suspendsCalculation)) stats.writeSyncsWithCalculationSuspended++;
    }
    let responseBytes = 64;
    try {
      for (const op of ops) responseBytes += op.run();
    } finally {
      stats.responseBytes.push(responseBytes);
      stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    }
    if (responseBytes > this.model.maxPayloadBytes) {
      throw new DoubleError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${responseBytes} bytes) has exceeded the limit.`,
      );
    }
    return passThrough as T;
  }
}

type LoadSpec = string | string[] | { select?: string | string[]; expand?: string } | undefined;

function propertyList(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  const raw = typeof spec === "string" || Array.isArray(spec) ? spec : spec.select;
  if (raw === undefined) return null;
  const list = Array.isArray(raw) ? raw : raw.split(",");
  return list.map((p) => p.trim()).filter((p) => p !== "");
}

/** Common behaviour of proxies: load() queues reads; getters throw until loaded and synced. */
abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: DoubleRequestContext,
    private readonly entity: string,
    /** True for *OrNullObject proxies. */
    private readonly nullable = false,
  ) {}

  /** Every scalar property load() without arguments reads. */
  protected abstract scalarProperties(): string[];
  /** Read one property from the model at sync time (the target is resolved first). */
  protected abstract readProperty(property: string): unknown;
  /** Whether the object exists at sync time (false ⇒ null object, or ItemNotFound when not nullable). */
  protected exists(): boolean {
    return true;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded(this.entity, "isNullObject");
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const properties = propertyList(spec) ?? this.scalarProperties();
    this.context.enqueue({
      requestBytes: OPERATION_BYTES + properties.join(",").length,
      run: () => {
        if (!this.checkExists()) {
          for (const p of properties) this.loaded.set(p, null);
          return 16;
        }
        let bytes = 0;
        for (const p of properties) {
          const value = this.readProperty(p);
          this.loaded.set(p, value);
          bytes += p.length + 4 + jsonPayloadBytes(value);
        }
        return bytes;
      },
    });
    return this;
  }

  /** Resolve existence at sync: sets isNullObject, throws ItemNotFound for a missing non-nullable item. */
  protected checkExists(): boolean {
    const ok = this.exists();
    this.nullState = !ok;
    if (!ok && !this.nullable)
      throw new DoubleError("ItemNotFound", `The requested resource doesn't exist. (${this.entity})`);
    return ok;
  }

  protected get<T>(property: string): T {
    if (!this.loaded.has(property)) throw propertyNotLoaded(this.entity, property);
    return this.loaded.get(property) as T;
  }

  /** Queue an action; validate() and apply() run at sync. */
  protected act(
    requestBytes: number,
    apply: () => number | void,
    flags: { writes?: boolean; suspendsCalculation?: boolean } = {},
  ): void {
    this.context.enqueue({
      requestBytes: OPERATION_BYTES + requestBytes,
      ...flags,
      run: () => {
        this.checkExists();
        return apply() ?? 16;
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

export class DoubleApplication extends ClientObject {
  constructor(context: DoubleRequestContext) {
    super(context, "Application");
  }
  protected scalarProperties(): string[] {
    return ["calculationMode"];
  }
  protected readProperty(property: string): unknown {
    if (property === "calculationMode") return "Automatic";
    throw new DoubleError("InvalidArgument", `Application has no property ${property}`);
  }
  get calculationMode(): string {
    return this.get("calculationMode");
  }
  /** Application.calculate (ExcelApi 1.1): the type must be one of Excel.CalculationType's values. */
  calculate(calculationType: string): void {
    if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType))
      throw new DoubleError("InvalidArgument", `calculate: unknown calculation type ${String(calculationType)}`);
    this.context.enqueue({
      requestBytes: OPERATION_BYTES,
      run: () => {
        this.context.model.calculations.push(calculationType);
        return 16;
      },
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    if (!this.context.model.isSetSupported("ExcelApi", "1.6"))
      throw new DoubleError("ApiNotFound", "suspendApiCalculationUntilNextSync needs ExcelApi 1.6");
    this.context.enqueue({ requestBytes: OPERATION_BYTES, suspendsCalculation: true, run: () => 16 });
  }
}

export class DoubleWorkbookProxy extends ClientObject {
  readonly worksheets: DoubleWorksheetCollection;
  readonly tables: DoubleTableCollection;
  constructor(override readonly context: DoubleRequestContext) {
    super(context, "Workbook");
    this.worksheets = new DoubleWorksheetCollection(context);
    this.tables = new DoubleTableCollection(context, () =>
      context.model.sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s, table: t }))),
    );
  }
  protected scalarProperties(): string[] {
    return ["use1904DateSystem"];
  }
  protected readProperty(property: string): unknown {
    // Workbook.use1904DateSystem arrived with ExcelApi 1.16; an older host does not know the property.
    if (property === "use1904DateSystem" && this.context.model.isSetSupported("ExcelApi", "1.16"))
      return this.context.model.date1904;
    throw new DoubleError("InvalidArgument", `Workbook has no property ${property}`);
  }
  get use1904DateSystem(): boolean {
    return this.get("use1904DateSystem");
  }
  get application(): DoubleApplication {
    return this.context.application;
  }
  getSelectedRange(): DoubleRange {
    return new DoubleRange(this.context, () => {
      const sheet = this.context.model.activeSheet();
      return { sheet, area: sheet.selection };
    });
  }
  getActiveCell(): DoubleRange {
    requireApi(this.context, "1.7", "getActiveCell");
    return new DoubleRange(this.context, () => {
      const sheet = this.context.model.activeSheet();
      return { sheet, area: { top: sheet.selection.top, left: sheet.selection.left, rows: 1, columns: 1 } };
    });
  }
}

function requireApi(context: DoubleRequestContext, version: string, what: string): void {
  if (!context.model.isSetSupported("ExcelApi", version)) {
    throw new DoubleError(
      "ApiNotFound",
      `${what} requires ExcelApi ${version}; this host supports ${context.model.apiVersion}.`,
    );
  }
}

export class DoubleWorksheetCollection extends ClientObject {
  constructor(context: DoubleRequestContext) {
    super(context, "WorksheetCollection");
  }
  protected scalarProperties(): string[] {
    return ["items"];
  }
  protected readProperty(property: string): unknown {
    const names = this.context.model.sheets.map((s) => s.name);
    if (property === "items" || property.startsWith("items/") || property === "name") {
      return names.map((name) => {
        const proxy = new DoubleWorksheet(this.context, () => this.context.model.findSheet(name));
        proxy.preload({ name, id: this.context.model.findSheet(name)?.id });
        return proxy;
      });
    }
    throw new DoubleError("InvalidArgument", `WorksheetCollection has no property ${property}`);
  }
  get items(): DoubleWorksheet[] {
    for (const key of ["items", "items/name", "name", "items/id"]) if (this.loaded.has(key)) return this.get(key);
    throw propertyNotLoaded("WorksheetCollection", "items");
  }
  getActiveWorksheet(): DoubleWorksheet {
    return new DoubleWorksheet(this.context, () => this.context.model.activeSheet());
  }
  getItem(key: string): DoubleWorksheet {
    return new DoubleWorksheet(this.context, () => this.context.model.findSheet(key));
  }
  getItemOrNullObject(key: string): DoubleWorksheet {
    requireApi(this.context, "1.4", "getItemOrNullObject");
    return new DoubleWorksheet(this.context, () => this.context.model.findSheet(key), true);
  }
  add(name?: string): DoubleWorksheet {
    let created: string | undefined;
    const proxy = new DoubleWorksheet(this.context, () =>
      created ? this.context.model.findSheet(created) : undefined,
    );
    this.context.enqueue({
      requestBytes: OPERATION_BYTES + jsonPayloadBytes(name ?? ""),
      writes: true,
      run: () => {
        const model = this.context.model;
        let chosen = name;
        if (!chosen)
          for (let i = model.sheets.length + 1; !chosen || model.findSheet(chosen); i++) chosen = `Sheet${i}`;
        created = model.addSheet(chosen).name;
        return 64;
      },
    });
    return proxy;
  }
  getCount(): { value: number } {
    const result = new DoubleClientResult<number>();
    this.context.enqueue({ requestBytes: OPERATION_BYTES, run: () => result.set(this.context.model.sheets.length) });
    return result;
  }
}

export class DoubleClientResult<T> {
  private state: { value: T } | undefined;
  set(value: T): number {
    this.state = { value };
    return 16;
  }
  get value(): T {
    if (!this.state) throw propertyNotLoaded("ClientResult", "value");
    return this.state.value;
  }
}

type SheetResolver = () => DoubleSheet | undefined;

export class DoubleWorksheet extends ClientObject {
  readonly protection: DoubleProtection;
  readonly tables: DoubleTableCollection;
  readonly charts: DoubleChartCollection;
  readonly onSelectionChanged: DoubleEventHandlers;

  constructor(
    context: DoubleRequestContext,
    readonly resolveSheet: SheetResolver,
    nullable = false,
  ) {
    super(context, "Worksheet", nullable);
    this.protection = new DoubleProtection(context, () => this.target());
    this.tables = new DoubleTableCollection(context, () =>
      this.target().tables.map((table) => ({ sheet: this.target(), table })),
    );
    this.charts = new DoubleChartCollection(context, () => this.target());
    this.onSelectionChanged = new DoubleEventHandlers(context, () => this.target(), "1.7");
  }

  /** Collections hand out items with some properties already loaded (as Excel does for items/name). */
  preload(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }

  target(): DoubleSheet {
    const sheet = this.resolveSheet();
    if (!sheet) throw new DoubleError("ItemNotFound", "The requested worksheet doesn't exist.");
    return sheet;
  }
  protected override exists(): boolean {
    return this.resolveSheet() !== undefined;
  }
  protected scalarProperties(): string[] {
    return ["name", "id", "position", "visibility"];
  }
  protected readProperty(property: string): unknown {
    const sheet = this.target();
    switch (property) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.context.model.sheets.indexOf(sheet);
      case "visibility":
        return "Visible";
      default:
        throw new DoubleError("InvalidArgument", `Worksheet has no property ${property}`);
    }
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.act(
      jsonPayloadBytes(value),
      () => {
        const sheet = this.target();
        if (this.context.model.findSheet(value) && this.context.model.findSheet(value) !== sheet) {
          throw new DoubleError("ItemAlreadyExists", `工作表“${value}”已存在。`);
        }
        sheet.name = value;
      },
      { writes: true },
    );
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  activate(): void {
    this.act(0, () => {
      this.context.model.activeSheetName = this.target().name;
    });
  }
  getRange(address?: string): DoubleRange {
    return new DoubleRange(this.context, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, area: { top: 0, left: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } };
      const parsed = parseAddress(address);
      if (parsed.sheet && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new DoubleError("InvalidArgument", `地址 ${address} 不在工作表 ${sheet.name}`);
      }
      return { sheet, area: parsed.area };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): DoubleRange {
    return new DoubleRange(this.context, () => {
      const area = { top: startRow, left: startColumn, rows: rowCount, columns: columnCount };
      checkArea(area);
      return { sheet: this.target(), area };
    });
  }
  getCell(row: number, column: number): DoubleRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): DoubleRange {
    if (valuesOnly !== undefined) requireApi(this.context, "1.2", "getUsedRange(valuesOnly)");
    return new DoubleRange(this.context, () => {
      const sheet = this.target();
      // An empty sheet's used range is A1.
      return { sheet, area: sheet.usedArea() ?? { top: 0, left: 0, rows: 1, columns: 1 } };
    });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): DoubleRange {
    requireApi(this.context, "1.4", "getUsedRangeOrNullObject");
    return new DoubleRange(
      this.context,
      () => {
        const sheet = this.target();
        const area = sheet.usedArea();
        return area ? { sheet, area } : undefined;
      },
      true,
    );
  }
}

function checkArea(area: DoubleArea): void {
  const ok =
    Number.isInteger(area.top) &&
    Number.isInteger(area.left) &&
    Number.isInteger(area.rows) &&
    Number.isInteger(area.columns) &&
    area.top >= 0 &&
    area.left >= 0 &&
    area.rows >= 1 &&
    area.columns >= 1 &&
    area.top + area.rows <= MAX_ROWS &&
    area.left + area.columns <= MAX_COLUMNS;
  if (!ok) throw new DoubleError("InvalidArgument", `区域无效：${JSON.stringify(area)}`);
}

export class DoubleProtection extends ClientObject {
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: () => DoubleSheet,
  ) {
    super(context, "WorksheetProtection");
  }
  protected scalarProperties(): string[] {
    return ["protected"];
  }
  protected readProperty(property: string): unknown {
    if (property === "protected") return this.sheet().protected;
    throw new DoubleError("InvalidArgument", `WorksheetProtection has no property ${property}`);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

type RangeTarget = { sheet: DoubleSheet; area: DoubleArea };
type RangeResolver = () => RangeTarget | undefined;

export class DoubleRange extends ClientObject {
  constructor(
    context: DoubleRequestContext,
    private readonly resolver: RangeResolver,
    nullable = false,
  ) {
    super(context, "Range", nullable);
  }

  target(): RangeTarget {
    const t = this.resolver();
    if (!t) throw new DoubleError("ItemNotFound", "The requested range doesn't exist (null object).");
    return t;
  }
  protected override exists(): boolean {
    return this.resolver() !== undefined;
  }
  protected scalarProperties(): string[] {
    return [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "values",
      "formulas",
      "valueTypes",
      "numberFormat",
      "text",
    ];
  }
  protected readProperty(property: string): unknown {
    const { sheet, area } = this.target();
    switch (property) {
      case "address":
        return sheet.address(area);
      case "addressLocal":
        return sheet.address(area);
      case "rowIndex":
        return area.top;
      case "columnIndex":
        return area.left;
      case "rowCount":
        return area.rows;
      case "columnCount":
        return area.columns;
      case "cellCount":
        return area.rows * area.columns;
      case "values":
        return sheet.grid(area, (cell) => (cell ? cell.value : ""));
      case "formulas":
        return sheet.grid(area, (cell) => (cell ? (cell.formula ?? cell.value) : ""));
      case "valueTypes":
        return sheet.grid(area, (cell) => valueTypeOf(cell));
      case "numberFormat":
        return sheet.grid(area, (cell) => cell?.numberFormat ?? "General");
      case "text":
        return sheet.grid(area, (cell) => (cell ? String(cell.value) : ""));
      default:
        throw new DoubleError("InvalidArgument", `Range has no property ${property}`);
    }
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(grid: unknown[][]) {
    this.write(grid, "values");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.write(grid, "formulas");
  }

  get worksheet(): DoubleWorksheet {
    return new DoubleWorksheet(this.context, () => this.resolver()?.sheet);
  }

  private write(grid: unknown, what: string): void {
    const model = this.context.model;
    this.context.enqueue({
      requestBytes: OPERATION_BYTES + what.length + jsonPayloadBytes(grid),
      writes: true,
      run: () => {
        this.checkExists();
        const { sheet, area } = this.target();
        const cells = expandInput(grid, area);
        if (sheet.protected) {
          throw new DoubleError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
        }
        // Validate the whole write before changing anything: an operation is atomic.
        const parsed: (DoubleCell | undefined | null)[][] = cells.map((line, r) =>
          line.map((raw, c) =>
            raw === null || raw === undefined ? null : model.parseInput(raw, sheet.name, area.top + r, area.left + c),
          ),
        );
        for (const merge of sheet.merged) {
          if (!intersects(merge, area)) continue;
          for (let r = Math.max(merge.top, area.top); r < Math.min(merge.top + merge.rows, area.top + area.rows); r++) {
            for (
              let c = Math.max(merge.left, area.left);
              c < Math.min(merge.left + merge.columns, area.left + area.columns);
              c++
            ) {
              const anchor = r === merge.top && c === merge.left;
              if (!anchor && parsed[r - area.top][c - area.left] != null) {
                throw new DoubleError("InvalidOperation", "Cannot change part of a merged cell.");
              }
            }
          }
        }
        let written = 0;
        parsed.forEach((line, r) =>
          line.forEach((cell, c) => {
            if (cell === null) return; // null leaves the cell unchanged
            sheet.set(area.top + r, area.left + c, cell);
            written++;
          }),
        );
        model.stats.cellsWritten += written;
        return 16;
      },
    });
  }

  getCell(row: number, column: number): DoubleRange {
    return this.derived((t) => ({
      sheet: t.sheet,
      area: { top: t.area.top + row, left: t.area.left + column, rows: 1, columns: 1 },
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): DoubleRange {
    return this.derived((t) => ({
      sheet: t.sheet,
      area: {
        top: t.area.top,
        left: t.area.left,
        rows: t.area.rows + deltaRows,
        columns: t.area.columns + deltaColumns,
      },
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): DoubleRange {
    return this.derived((t) => ({
      sheet: t.sheet,
      area: {
        top: t.area.top + rowOffset,
        left: t.area.left + columnOffset,
        rows: t.area.rows,
        columns: t.area.columns,
      },
    }));
  }
  getRow(row: number): DoubleRange {
    return this.derived((t) => ({
      sheet: t.sheet,
      area: { top: t.area.top + row, left: t.area.left, rows: 1, columns: t.area.columns },
    }));
  }
  getLastRow(): DoubleRange {
    return this.derived((t) => ({
      sheet: t.sheet,
      area: { top: t.area.top + t.area.rows - 1, left: t.area.left, rows: 1, columns: t.area.columns },
    }));
  }
  private derived(map: (t: RangeTarget) => RangeTarget): DoubleRange {
    return new DoubleRange(this.context, () => {
      const base = this.resolver();
      if (!base) return undefined;
      const next = map(base);
      checkArea(next.area);
      return next;
    });
  }

  getTables(fullyContained = false): DoubleTableCollection {
    requireApi(this.context, "1.9", "Range.getTables");
    return new DoubleTableCollection(this.context, () => {
      const { sheet, area } = this.target();
      return sheet.tables
        .filter((t) => (fullyContained ? contains(area, t.area) : intersects(area, t.area)))
        .map((table) => ({ sheet, table }));
    });
  }

  getMergedAreasOrNullObject(): DoubleRangeAreas {
    requireApi(this.context, "1.13", "Range.getMergedAreasOrNullObject");
    return new DoubleRangeAreas(this.context, () => {
      const t = this.resolver();
      if (!t) return undefined;
      const areas = t.sheet.merged.filter((m) => intersects(m, t.area));
      return areas.length ? { sheet: t.sheet, areas } : undefined;
    });
  }
}

function valueTypeOf(cell: DoubleCell | undefined): string {
  if (!cell) return "Empty";
  if (cell.error) return "Error";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return cell.value === "" ? "Empty" : "String";
}

/** A single value sets every cell; otherwise the grid must match the range exactly. */
function expandInput(grid: unknown, area: DoubleArea): unknown[][] {
  if (!Array.isArray(grid)) {
    return Array.from({ length: area.rows }, () => new Array(area.columns).fill(grid));
  }
  const ok =
    grid.length === area.rows &&
    grid.every((line) => Array.isArray(line) && (line as unknown[]).length === area.columns);
  if (!ok) {
    const shape = `${grid.length}×${Array.isArray(grid[0]) ? (grid[0] as unknown[]).length : "?"}`;
    throw new DoubleError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${shape} for ${area.rows}×${area.columns}).`,
    );
  }
  return grid as unknown[][];
}

export class DoubleRangeAreas extends ClientObject {
  constructor(
    context: DoubleRequestContext,
    private readonly resolver: () => { sheet: DoubleSheet; areas: DoubleArea[] } | undefined,
  ) {
    super(context, "RangeAreas", true);
  }
  protected override exists(): boolean {
    return this.resolver() !== undefined;
  }
  protected scalarProperties(): string[] {
    return ["address", "areaCount", "cellCount"];
  }
  protected readProperty(property: string): unknown {
    const t = this.resolver();
    if (!t) return null;
    switch (property) {
      case "address":
        return t.areas.map((a) => t.sheet.address(a)).join(",");
      case "areaCount":
        return t.areas.length;
      case "cellCount":
        return t.areas.reduce((n, a) => n + a.rows * a.columns, 0);
      default:
        throw new DoubleError("InvalidArgument", `RangeAreas has no property ${property}`);
    }
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

type TableEntry = { sheet: DoubleSheet; table: { name: string; id: string; area: DoubleArea } };

export class DoubleTableCollection extends ClientObject {
  constructor(
    context: DoubleRequestContext,
    private readonly entries: () => TableEntry[],
  ) {
    super(context, "TableCollection");
  }
  protected scalarProperties(): string[] {
    return ["items"];
  }
  protected readProperty(property: string): unknown {
    if (property === "items" || property.startsWith("items/") || property === "name" || property === "id") {
      return this.entries().map((e) => {
        const proxy = new DoubleTable(this.context, () => findTable(this.context.model, e.table.id));
        proxy.preload({ name: e.table.name, id: e.table.id });
        return proxy;
      });
    }
    if (property === "count") return this.entries().length;
    throw new DoubleError("InvalidArgument", `TableCollection has no property ${property}`);
  }
  get items(): DoubleTable[] {
    for (const key of ["items", "items/name", "name", "items/id", "id"]) if (this.loaded.has(key)) return this.get(key);
    throw propertyNotLoaded("TableCollection", "items");
  }
  get count(): number {
    return this.get("count");
  }
  getCount(): DoubleClientResult<number> {
    const result = new DoubleClientResult<number>();
    this.context.enqueue({ requestBytes: OPERATION_BYTES, run: () => result.set(this.entries().length) });
    return result;
  }
  getItem(key: string): DoubleTable {
    return new DoubleTable(this.context, () =>
      this.entries().find((e) => e.table.name.toLowerCase() === key.toLowerCase() || e.table.id === key),
    );
  }
  getItemAt(index: number): DoubleTable {
    return new DoubleTable(this.context, () => this.entries()[index]);
  }
  getFirst(): DoubleTable {
    return new DoubleTable(this.context, () => this.entries()[0]);
  }
  getItemOrNullObject(key: string): DoubleTable {
    return new DoubleTable(
      this.context,
      () => this.entries().find((e) => e.table.name.toLowerCase() === key.toLowerCase()),
      true,
    );
  }
}

function findTable(model: DoubleWorkbook, id: string): TableEntry | undefined {
  for (const sheet of model.sheets) {
    const table = sheet.tables.find((t) => t.id === id);
    if (table) return { sheet, table };
  }
  return undefined;
}

export class DoubleTable extends ClientObject {
  constructor(
    context: DoubleRequestContext,
    private readonly resolver: () => TableEntry | undefined,
    nullable = false,
  ) {
    super(context, "Table", nullable);
  }
  preload(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }
  private entry(): TableEntry {
    const e = this.resolver();
    if (!e) throw new DoubleError("ItemNotFound", "The requested table doesn't exist.");
    return e;
  }
  protected override exists(): boolean {
    return this.resolver() !== undefined;
  }
  protected scalarProperties(): string[] {
    return ["name", "id", "showHeaders", "showTotals"];
  }
  protected readProperty(property: string): unknown {
    const { table } = this.entry();
    switch (property) {
      case "name":
        return table.name;
      case "id":
        return table.id;
      case "showHeaders":
        return true;
      case "showTotals":
        return false;
      default:
        throw new DoubleError("InvalidArgument", `Table has no property ${property}`);
    }
  }
  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }
  get worksheet(): DoubleWorksheet {
    return new DoubleWorksheet(this.context, () => this.resolver()?.sheet);
  }
  getRange(): DoubleRange {
    return new DoubleRange(this.context, () => {
      const e = this.resolver();
      return e ? { sheet: e.sheet, area: e.table.area } : undefined;
    });
  }
  getHeaderRowRange(): DoubleRange {
    return new DoubleRange(this.context, () => {
      const e = this.resolver();
      return e ? { sheet: e.sheet, area: { ...e.table.area, rows: 1 } } : undefined;
    });
  }
  getDataBodyRange(): DoubleRange {
    return new DoubleRange(this.context, () => {
      const e = this.resolver();
      const a = e?.table.area;
      return e && a
        ? { sheet: e.sheet, area: { top: a.top + 1, left: a.left, rows: a.rows - 1, columns: a.columns } }
        : undefined;
    });
  }
}

export class DoubleChartCollection extends ClientObject {
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: () => DoubleSheet,
  ) {
    super(context, "ChartCollection");
  }
  protected scalarProperties(): string[] {
    return ["count"];
  }
  protected readProperty(property: string): unknown {
    if (property === "count") return this.sheet().charts.length;
    throw new DoubleError("InvalidArgument", `ChartCollection has no property ${property}`);
  }
  get count(): number {
    return this.get("count");
  }
  add(type: string, sourceData: DoubleRange, seriesBy = "Auto"): DoubleChart$ {
    const chart: { model?: DoubleChart } = {};
    this.context.enqueue({
      requestBytes: OPERATION_BYTES + 64,
      writes: true,
      run: () => {
        const sheet = this.sheet();
        const { sheet: sourceSheet, area } = sourceData.target();
        if (sheet.protected)
          throw new DoubleError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
        const model: DoubleChart = {
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: sourceSheet.address(area),
          seriesBy,
          title: "",
        };
        sheet.charts.push(model);
        chart.model = model;
        return 32;
      },
    });
    return new DoubleChart$(this.context, () => chart.model);
  }
}

/** Proxy of a chart (named with $ so the model type DoubleChart keeps the plain name). */
export class DoubleChart$ extends ClientObject {
  readonly title: { text: string; load: () => void };
  constructor(
    context: DoubleRequestContext,
    private readonly model: () => DoubleChart | undefined,
  ) {
    super(context, "Chart");
    const self = this;
    let titleText: string | undefined;
    this.title = {
      get text(): string {
        if (titleText === undefined) throw propertyNotLoaded("ChartTitle", "text");
        return titleText;
      },
      set text(value: string) {
        self.act(jsonPayloadBytes(value), () => {
          self.chart().title = value;
        });
      },
      load: () => {
        self.act(0, () => {
          titleText = self.chart().title;
          return 32;
        });
      },
    };
  }
  private chart(): DoubleChart {
    const chart = this.model();
    if (!chart) throw new DoubleError("ItemNotFound", "The requested chart doesn't exist.");
    return chart;
  }
  protected override exists(): boolean {
    return this.model() !== undefined;
  }
  protected scalarProperties(): string[] {
    return ["name", "chartType"];
  }
  protected readProperty(property: string): unknown {
    if (property === "name") return this.chart().name;
    if (property === "chartType") return this.chart().type;
    throw new DoubleError("InvalidArgument", `Chart has no property ${property}`);
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.act(jsonPayloadBytes(value), () => {
      this.chart().name = value;
    });
  }
  setPosition(startCell: string | DoubleRange, endCell?: string | DoubleRange): void {
    const show = (cell: string | DoubleRange | undefined) =>
      cell === undefined ? undefined : typeof cell === "string" ? cell : areaA1(cell.target().area);
    this.act(64, () => {
      const start = show(startCell) as string;
      parseAddress(start);
      this.chart().position = { start, end: show(endCell) };
    });
  }
}

export class DoubleEventHandlers {
  constructor(
    private readonly context: DoubleRequestContext,
    private readonly sheet: () => DoubleSheet,
    private readonly version: string,
  ) {}
  add(handler: SelectionHandler): { context: DoubleRequestContext; remove: () => void } {
    requireApi(this.context, this.version, "onSelectionChanged");
    this.context.enqueue({
      requestBytes: OPERATION_BYTES,
      run: () => {
        this.sheet().selectionHandlers.push(handler);
        return 16;
      },
    });
    const registration = {
      context: this.context,
      remove: () => {
        registration.context.enqueue({
          requestBytes: OPERATION_BYTES,
          run: () => {
            const list = this.sheet().selectionHandlers;
            const i = list.indexOf(handler);
            if (i >= 0) list.splice(i, 1);
            return 16;
          },
        });
      },
    };
    return registration;
  }
}

/* ----------------------------------------------------------------------------------------------
 * Globals: Excel, Office, OfficeExtension
 * -------------------------------------------------------------------------------------------- */

interface RunOptionsLike {
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
  previousObjects?: unknown;
}

function makeExcel(model: DoubleWorkbook) {
  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (context: DoubleRequestContext) => Promise<T>;
    if (typeof batch !== "function") throw new DoubleError("InvalidArgument", "Excel.run needs a batch function.");
    const first = args.length > 1 ? args[0] : undefined;
    let context: DoubleRequestContext;
    let reopened = false;
    if (first instanceof DoubleRequestContext) {
      context = first;
      reopened = true;
    } else if (
      first &&
      typeof first === "object" &&
      (first as { context?: unknown }).context instanceof DoubleRequestContext
    ) {
      context = (first as { context: DoubleRequestContext }).context;
      reopened = true;
    } else {
      context = new DoubleRequestContext(model);
    }
    const options = (first && !reopened ? first : {}) as RunOptionsLike;
    model.stats.runs++;
    if (options.mergeUndoGroup) model.stats.mergeUndoGroupRuns++;
    context.open = true;
    try {
      const result = batch(context);
      if (!result || typeof (result as Promise<T>).then !== "function") {
        throw new DoubleError(
          "RunMustReturnPromise",
          'The batch function passed to the ".run" method didn\'t return a promise.',
        );
      }
      const value = await result;
      await context.sync(); // Excel.run flushes what is still queued
      return value;
    } finally {
      // Proxies of a finished run are invalid, as in office.js (objects not tracked are released).
      context.open = false;
    }
  }

  return {
    run,
    RequestContext: DoubleRequestContext,
    ChartType: {
      columnClustered: "ColumnClustered",
      barClustered: "BarClustered",
      line: "Line",
      pie: "Pie",
    },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    RangeValueType: {
      unknown: "Unknown",
      empty: "Empty",
      string: "String",
      integer: "Integer",
      double: "Double",
      boolean: "Boolean",
      error: "Error",
      richValue: "RichValue",
    },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      itemNotFound: "ItemNotFound",
      itemAlreadyExists: "ItemAlreadyExists",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
  };
}

function makeOffice(model: DoubleWorkbook) {
  const settings = {
    get(name: string): unknown {
      return model.settings.has(name) ? model.settings.get(name) : null;
    },
    set(name: string, value: unknown): void {
      // Office stores settings as JSON: what cannot round-trip is refused here too.
      model.settings.set(name, JSON.parse(JSON.stringify(value)));
    },
    remove(name: string): void {
      model.settings.delete(name);
    },
    saveAsync(optionsOrCallback?: unknown, callback?: (result: { status: string; error?: unknown }) => void): void {
      const cb = typeof optionsOrCallback === "function" ? (optionsOrCallback as typeof callback) : callback;
      setTimeout(() => {
        model.savedSettings.clear();
        for (const [k, v] of model.settings) model.savedSettings.set(k, v);
        cb?.({ status: "succeeded" });
      }, 0);
    },
  };
  const info = { host: "Excel", platform: model.platform };
  return {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      document: { settings },
      requirements: { isSetSupported: (name: string, version?: string) => model.isSetSupported(name, version) },
      diagnostics: { host: "Excel", platform: model.platform, version: "16.0" },
      displayLanguage: "zh-CN",
      host: "Excel",
      platform: model.platform,
    },
    onReady(
      callback?: (info: { host: string; platform: string }) => void,
    ): Promise<{ host: string; platform: string }> {
      if (callback) setTimeout(() => callback(info), 0);
      return Promise.resolve(info);
    },
  };
}

/**
 * Define Excel, Office and OfficeExtension on `target` (globalThis by default) backed by
 * `workbook` (a DoubleWorkbook or the options to build one). Returns the workbook model.
 */
export function installExcelDouble(
  target: object = globalThis,
  workbook: DoubleWorkbook | DoubleOptions = { sheets: [{ name: "Sheet1" }] },
): DoubleWorkbook {
  const model = workbook instanceof DoubleWorkbook ? workbook : new DoubleWorkbook(workbook);
  const globals = target as Record<string, unknown>;
  globals.Excel = makeExcel(model);
  globals.Office = makeOffice(model);
  globals.OfficeExtension = {
    Error: DoubleError,
    ErrorCodes: { propertyNotLoaded: "PropertyNotLoaded", itemNotFound: "ItemNotFound" },
  };
  return model;
}

/** Remove what installExcelDouble defined. */
export function uninstallExcelDouble(target: object = globalThis): void {
  const globals = target as Record<string, unknown>;
  delete globals.Excel;
  delete globals.Office;
  delete globals.OfficeExtension;
}

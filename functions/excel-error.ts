/**
 * R11 as Excel shows it: the core's XsgError becomes a CustomFunctions.Error
 * (#VALUE! or #N/A, the only two codes Excel shows a custom message for) whose
 * Chinese message names the argument the official typed: "参数 revenue（营业收入）：…".
 */
import { FIELD_LABELS, isXsgError, withoutStackTrace, type XsgError, type XsgErrorCode } from "../src/errors";

/** The two Excel error codes XSG returns (the string values of CustomFunctions.ErrorCode). */
export type ExcelErrorCode = "#VALUE!" | "#N/A";

/** What a thrown custom-function error looks like (CustomFunctions.Error's shape). */
export interface ExcelError {
  code: ExcelErrorCode;
  message?: string;
}

/**
 * Stand-in for CustomFunctions.Error where the runtime is absent (Node, a plain
 * browser page). Same shape, so tests check the same fields Excel reads.
 */
export class CellError extends Error implements ExcelError {
  override readonly name = "CellError";
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const EXCEL_CODE: Readonly<Record<XsgErrorCode, ExcelErrorCode>> = { VALUE: "#VALUE!", NA: "#N/A" };

/**
 * Core field names that differ from the custom-function argument names: the core
 * speaks of the Enterprise model (techInvestment, tags…), Excel shows the argument.
 */
const ARGUMENT_OF_FIELD: Readonly<Record<string, string>> = {
  tags: "attributes",
  techInvestment: "investment",
  rentedArea: "area",
  leaseMonths: "months",
  contracts: "contract",
  creditCode: "code",
};

/** "参数 revenue（营业收入）" — how a message names an argument. */
export function argumentLabel(field: string): string {
  const argument = ARGUMENT_OF_FIELD[field] ?? field;
  const label = FIELD_LABELS[argument];
  return label ? `参数 ${argument}（${label}）` : `参数 ${argument}`;
}

/** The Chinese message Excel shows for an error about `field`. */
export function argumentMessage(field: string, detail: string): string {
  return `${argumentLabel(field)}：${detail}`;
}

/**
 * Builds the error object Excel understands. Uses the real runtime's
 * CustomFunctions.Error when it is there (Excel, the browser test double),
 * else CellError. Looked up per call: the error path is rare and the global may
 * be installed after this module loads.
 */
export function makeExcelError(code: ExcelErrorCode, message: string): ExcelError {
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (runtime && typeof runtime.Error === "function") {
    const codes = runtime.ErrorCode as unknown as Record<string, string> | undefined;
    const runtimeCode = code === "#N/A" ? (codes?.notAvailable ?? code) : (codes?.invalidValue ?? code);
    return withoutStackTrace(
      () => new runtime.Error(runtimeCode as CustomFunctions.ErrorCode, message) as unknown as ExcelError,
    );
  }
  return withoutStackTrace(() => new CellError(code, message));
}

/**
 * Maps anything a function body threw to an Excel error. XsgError keeps its
 * code (R11); any other exception is a defect in XSG, shown as #VALUE! with a
 * message asking to report it rather than as a bare #VALUE! or a wrong number.
 */
export function toExcelError(error: unknown): ExcelError {
  if (isXsgError(error)) return excelErrorOf(error);
  if (isExcelError(error)) return error;
  const text = error instanceof Error ? error.message : String(error);
  return makeExcelError("#VALUE!", `XSG 内部错误，请向维护人员报告：${text}`);
}

function isExcelError(error: unknown): error is ExcelError {
  if (error instanceof CellError) return true;
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  return !!runtime && typeof runtime.Error === "function" && error instanceof runtime.Error;
}

/*
 * The Excel error of each core error, built once. The core hands out the same XsgError for the
 * same problem (a column repeats "升规年份晚于评价年度" for every such row), and building an Error
 * with its message costs microseconds; Excel only reads the code and message of what is thrown.
 * Per runtime: a test (or a reload) may install another CustomFunctions.
 */
let cachedFor: unknown;
let excelErrors = new WeakMap<object, ExcelError>();

function excelErrorOf(error: XsgError): ExcelError {
  const runtime = (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  if (runtime !== cachedFor) {
    cachedFor = runtime;
    excelErrors = new WeakMap();
  }
  let excel = excelErrors.get(error);
  if (excel === undefined) {
    excel = makeExcelError(EXCEL_CODE[error.code], argumentMessage(error.field, error.detail));
    excelErrors.set(error, excel);
  }
  return excel;
}

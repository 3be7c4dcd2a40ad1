/**
 * Year inputs (R3): an integer year, a text such as "2024年" or "2024-03-01", or
 * an Excel date serial (a date cell), whose calendar year is used.
 */
import { valueError } from "../errors";
import { daysInMonth, excelSerialToDate, formatDate, MAX_EXCEL_SERIAL } from "./excelDate";
import { BLANK, compact, foldWidth, hasSplitDigits, quoteInput, unwrapCell } from "./text";

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

const EXAMPLES = "请填写如 2024、2024年、2024-03-01 或日期单元格";

/** 二〇二四年: the way official documents print years. */
const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: "0",
  零: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

const YEAR_ONLY = /^(\d{4})(?:年度?)?$/;
const CHINESE_YEAR = /^([〇零一二三四五六七八九]{4})年度?$/;
/** 2024-03, 2024-03-01, 2024/3/1, 2024.03. */
const SEPARATED_DATE = /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$/;
/** A time of day after a full date: "2024-03-01 10:00", ISO "2024-03-01T10:00:00Z". */
const TIME_SUFFIX = /(?:T|[\s\u3000]+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[-+]\d{2}:?\d{2})?$/i;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * Parse a year. Missing (null, blank, [[null]]) ⇒ null. Malformed, fractional
 * non-serial numbers, impossible dates and years outside 1990–2100 ⇒ XsgError VALUE naming `field`.
 */
export function parseYear(value: unknown, field: string): number | null {
  // Hot path: an integer year in a cell.
  if (typeof value === "number" && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR) return value;
  const cell = unwrapCell(value);
  if (cell === BLANK) return null;
  if (typeof cell === "number") return yearOfNumber(cell, field);
  if (typeof cell === "string") return yearOfText(cell, field);
  if (cell instanceof Date) return yearOfDate(cell, field);
  if (Array.isArray(cell)) throw valueError(field, `年份只能是一个单元格，收到${quoteInput(cell)}`);
  throw valueError(field, `无法识别的年份${quoteInput(cell)}，${EXAMPLES}`);
}

/** `shown` is built only for the message, so the hot path allocates no text. */
function inRange(year: number, field: string, shown: () => string): number {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw valueError(field, `年份超出范围（${MIN_YEAR}–${MAX_YEAR}）：${shown()}`);
  }
  return year;
}

/** Numbers up to 2100 are years; above it, Excel date serials (a date cell arrives as its serial). */
function yearOfNumber(n: number, field: string): number {
  if (!Number.isFinite(n) || n < 0 || n >= MAX_EXCEL_SERIAL + 1) {
    throw valueError(field, `无法识别的年份${quoteInput(n)}，${EXAMPLES}`);
  }
  if (n <= MAX_YEAR) {
    if (!Number.isInteger(n)) throw valueError(field, `年份须为整数：${quoteInput(n)}`);
    return inRange(n, field, () => quoteInput(n));
  }
  const date = excelSerialToDate(n);
  if (date === null) throw valueError(field, `无法识别的年份${quoteInput(n)}，${EXAMPLES}`);
  return inRange(date.year, field, () => `日期 ${formatDate(date)}（Excel 日期序列号 ${n}）`);
}

function yearOfText(raw: string, field: string): number {
  const unrecognised = () => valueError(field, `无法识别的年份${quoteInput(raw)}，${EXAMPLES}`);
  let text = foldWidth(raw).trim();
  const time = TIME_SUFFIX.exec(text);
  if (time) text = text.slice(0, time.index);
  if (hasSplitDigits(text)) throw unrecognised(); // "20 24" is not 2024
  text = compact(text);

  let match = time ? null : YEAR_ONLY.exec(text);
  if (match) return inRange(Number(match[1]), field, () => quoteInput(raw));

  match = time ? null : CHINESE_YEAR.exec(text);
  if (match) {
    const digits = Array.from(match[1], (c) => CHINESE_DIGITS[c]).join("");
    return inRange(Number(digits), field, () => quoteInput(raw));
  }

  match = SEPARATED_DATE.exec(text);
  if (match && (!time || match[4] !== undefined)) {
    return yearOfDateText(Number(match[1]), Number(match[3]), match[4], raw, field);
  }
  match = CHINESE_DATE.exec(text);
  if (match && (!time || match[3] !== undefined)) {
    return yearOfDateText(Number(match[1]), Number(match[2]), match[3], raw, field);
  }

  // A date cell exported as text keeps its serial ("45292"); treat it like the number.
  if (!time && PLAIN_NUMBER.test(text)) return yearOfNumber(Number(text), field);
  throw unrecognised();
}

function yearOfDateText(year: number, month: number, dayText: string | undefined, raw: string, field: string): number {
  const dayOk = dayText === undefined || (Number(dayText) >= 1 && Number(dayText) <= daysInMonth(year, month));
  if (month < 1 || month > 12 || !dayOk) throw valueError(field, `日期不存在：${quoteInput(raw)}`);
  return inRange(year, field, () => quoteInput(raw));
}

/** A JS Date (e.g. from exceljs, which stores the cell's wall time as UTC): its UTC year. */
function yearOfDate(date: Date, field: string): number {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year)) throw valueError(field, `无法识别的年份${quoteInput(date)}，${EXAMPLES}`);
  return inRange(year, field, () => quoteInput(date));
}

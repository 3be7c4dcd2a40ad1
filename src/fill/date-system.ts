/**
 * Workbooks in the 1904 date system (old Mac Excel) store a date as days since 1904-01-01: the
 * same 2024-03-01 is serial 43891 there and 45352 in the 1900 system. Year parsing reads serials in
 * the 1900 system, so hosts hand over date cells of a 1904 workbook moved by 1462 days — told by
 * the cell's number format, as Excel itself tells a date from a number.
 */
import { DATE_1904_SHIFT_DAYS } from "../parse/excelDate";
import type { CellValue } from "./types";

/** Built-in number formats that show a date (14–17, 22; the CJK ones 27–31, 36, 50–54, 57, 58). Time-only ones are not dates. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

export function isBuiltinDateFormat(id: number): boolean {
  return BUILTIN_DATE_FORMATS.has(id);
}

/**
 * Whether a number format code shows a date: after quoted text, escaped characters, [colour] /
 * [$-804] / [h] sections and fill characters are taken out, it has a year, a day or a month
 * (m without h or s beside it: "mm" in "h:mm" is minutes).
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "")
    .toLowerCase()
    .replace(/general/g, "");
  // The first section decides (positive numbers); dates have no sign sections to speak of.
  const section = bare.split(";")[0];
  if (/[yde年日]/.test(section.replace(/e[+-]/g, ""))) return true;
  return /m|月/.test(section) && !/[hs时秒]/.test(section);
}

/** A value of a date cell in a 1904 workbook as the 1900 system has it; other values unchanged. */
export function in1900System(value: CellValue, isDate: boolean, date1904: boolean): CellValue {
  return date1904 && isDate && typeof value === "number" ? value + DATE_1904_SHIFT_DAYS : value;
}

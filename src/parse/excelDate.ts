/**
 * Excel's 1900 date system with integer day arithmetic (no Date, no time zone).
 * Serial 1 = 1900-01-01; serial 60 = 1900-02-29, a day that never existed but
 * Excel keeps for Lotus 1-2-3 compatibility; serial 61 = 1900-03-01.
 */
export const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

/** Serial 25569 is 1970-01-01; from serial 61 on, serial − 25569 counts real days since then. */
const SERIAL_OF_1970 = 25_569;

const MS_PER_DAY = 86_400_000;
/** The 1904 date system (old Mac workbooks) counts from 1904-01-01: 1462 days after the 1900 system. */
export const DATE_1904_SHIFT_DAYS = 1_462;

/**
 * The serial Excel stores for a moment (ms since 1970-01-01 UTC, time of day kept as the
 * fraction), in the 1900 system or, for a date1904 workbook, the 1904 one. Before 1900-03-01
 * the 1900 serials are one lower, as Excel counts the phantom 29 February after them.
 */
export function excelSerialOfTime(msSince1970: number, date1904 = false): number {
  const serial = msSince1970 / MS_PER_DAY + SERIAL_OF_1970;
  if (date1904) return serial - DATE_1904_SHIFT_DAYS;
  return serial < 61 ? serial - 1 : serial;
}

/** The calendar date of an Excel serial (the time of day, the fraction, is ignored); null outside 1 … 2958465. */
export function excelSerialToDate(serial: number): CalendarDate | null {
  if (!(serial >= 1 && serial < MAX_EXCEL_SERIAL + 1)) return null;
  const day = Math.floor(serial);
  if (day === 60) return { year: 1900, month: 2, day: 29 };
  // Before the phantom 29 February the serials run one day "ahead" of real dates.
  return civilFromDays(day - SERIAL_OF_1970 + (day < 60 ? 1 : 0));
}

/** The year of an Excel serial, or null outside 1 … 2958465. */
export function excelSerialYear(serial: number): number | null {
  return excelSerialToDate(serial)?.year ?? null;
}

/** Days since 1970-01-01 → proleptic Gregorian date (H. Hinnant's civil_from_days). */
export function civilFromDays(daysSince1970: number): CalendarDate {
  const z = daysSince1970 + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function formatDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

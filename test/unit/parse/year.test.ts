import fc from "fast-check";
import { excelSerialOfTime, excelSerialToDate, excelSerialYear, MAX_EXCEL_SERIAL, parseYear } from "../../../src/parse";
import { expectValueError, onlyXsgErrors } from "./helpers";

describe("parseYear: integers and text (R3)", () => {
  it.each([
    [2024, 2024],
    [1990, 1990],
    [2100, 2100],
    [[[2024]], 2024],
    ["2024", 2024],
    [" 2024 ", 2024],
    ["2024年", 2024],
    ["2024 年", 2024],
    ["2024年度", 2024],
    ["２０２４年", 2024],
    ["二〇二四年", 2024],
    ["2024-03-01", 2024],
    ["2024/3/1", 2024],
    ["2024.3.1", 2024],
    ["2024年3月1日", 2024],
    ["2024年3月", 2024],
    ["2024.03", 2024],
    ["2024-03", 2024],
    ["2024-03-01 10:30", 2024],
    ["2024-03-01T10:30:00Z", 2024],
    ["2024-02-29", 2024],
    ["2023-12-31", 2023],
    ["45292", 2024], // a date cell exported as text keeps its serial
    [[["2024年"]], 2024],
  ])("%p ⇒ %p", (value, year) => expect(parseYear(value, "year")).toBe(year));

  it.each([null, undefined, "", "  ", [[null]], [[""]], [null]])("%p ⇒ null (missing)", (value) => {
    expect(parseYear(value, "upgradeYear")).toBeNull();
  });

  it("reads a JS Date (exceljs) by its UTC year", () => {
    expect(parseYear(new Date(Date.UTC(2024, 0, 1)), "year")).toBe(2024);
    expect(parseYear(new Date(Date.UTC(2024, 11, 31, 23, 59)), "year")).toBe(2024);
    expectValueError(() => parseYear(new Date(Number.NaN), "year"), "year", "Invalid Date");
  });
});

describe("parseYear: Excel date serials (1900 date system)", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [60, "1900-02-29"], // Excel's phantom leap day
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [45292, "2024-01-01"],
    [45351, "2024-02-29"],
    [45657, "2024-12-31"],
    [45658, "2025-01-01"],
    [45292.75, "2024-01-01"], // a date-time: the fraction is the time of day
    [MAX_EXCEL_SERIAL, "9999-12-31"],
  ])("serial %p is %s", (serial, iso) => {
    const date = excelSerialToDate(serial);
    expect(date).not.toBeNull();
    const { year, month, day } = date!;
    expect(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`).toBe(iso);
    expect(excelSerialYear(serial)).toBe(Number(iso.slice(0, 4)));
  });

  it.each([0, -1, 0.5, MAX_EXCEL_SERIAL + 1, Number.NaN])("serial %p is outside Excel's calendar", (serial) => {
    expect(excelSerialToDate(serial)).toBeNull();
  });

  it.each([
    [45292, 2024],
    [45657, 2024],
    [45658, 2025],
    [45657.999, 2024],
    [32874, 1990], // 1990-01-01
    [73415, 2100], // 2100-12-31
  ])("parseYear(%p) ⇒ %p", (serial, year) => expect(parseYear(serial, "year")).toBe(year));

  it("rejects a date cell outside 1990–2100, showing the date", () => {
    const error = expectValueError(() => parseYear(20000, "year"), "year");
    expect(error.detail).toContain("年份超出范围");
    expect(error.detail).toContain("1954-10-03");
    expect(expectValueError(() => parseYear(73416, "year"), "year").detail).toContain("2101-01-01");
  });

  it("matches the calendar on every serial (compared with Date.UTC)", () => {
    const excelEpoch = Date.UTC(1899, 11, 30); // serial 0 for serials ≥ 61
    fc.assert(
      fc.property(
        fc.integer({ min: 61, max: MAX_EXCEL_SERIAL }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (day, time) => {
          const expected = new Date(excelEpoch + day * 86_400_000);
          const date = excelSerialToDate(day + time)!;
          expect([date.year, date.month, date.day]).toEqual([
            expected.getUTCFullYear(),
            expected.getUTCMonth() + 1,
            expected.getUTCDate(),
          ]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("parseYear of any in-range serial is its calendar year", () => {
    const excelEpoch = Date.UTC(1899, 11, 30);
    fc.assert(
      fc.property(
        fc.integer({ min: 32874, max: 73415 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (day, time) => {
          expect(parseYear(day + time, "year")).toBe(new Date(excelEpoch + day * 86_400_000).getUTCFullYear());
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("parseYear: errors", () => {
  it.each([
    ["abc", "abc", "无法识别的年份"],
    ["24年", "24年", "无法识别的年份"],
    ["20 24", "20 24", "无法识别的年份"],
    ["2024年13月", "2024年13月", "日期不存在"],
    ["2024-02-30", "2024-02-30", "日期不存在"],
    ["2023-02-29", "2023-02-29", "日期不存在"],
    ["2024.0", "2024.0", "日期不存在"],
    ["1989", "1989", "年份超出范围"],
    ["2101年", "2101年", "年份超出范围"],
    ["二〇二四", "二〇二四", "无法识别的年份"],
    [1989, "1989", "年份超出范围"],
    [0, "0", "年份超出范围"],
    [2024.5, "2024.5", "年份须为整数"],
    [-2024, "-2024", "无法识别的年份"],
    [3e6, "3000000", "无法识别的年份"],
    [Number.NaN, "NaN", "无法识别的年份"],
    [Number.POSITIVE_INFINITY, "Infinity", "无法识别的年份"],
    [true, "true", "无法识别的年份"],
    ["2024 10:00", "2024 10:00", "无法识别的年份"], // a time needs a full date
  ])("%p ⇒ VALUE quoting %p (%s)", (value, quoted, words) => {
    const error = expectValueError(() => parseYear(value, "year"), "year", quoted);
    expect(error.detail).toContain(words);
    expect(error.message.startsWith("年度（year）：")).toBe(true);
  });

  it("names the field it was given", () => {
    expect(expectValueError(() => parseYear("x", "upgradeYear"), "upgradeYear", "x").message).toContain("升规年份");
  });

  it("rejects a range of several cells", () => {
    expect(expectValueError(() => parseYear([[2024, 2025]], "year"), "year").detail).toContain("一个单元格");
  });

  it("never throws anything but XsgError, and returns null or a year in range", () => {
    const yearish = fc.string({ unit: fc.constantFrom(..."0123456789-/.年月日度 T:Z２０二〇") });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), yearish, fc.double()), (value) => {
        onlyXsgErrors(() => {
          const year = parseYear(value, "year");
          if (year !== null) {
            expect(Number.isInteger(year)).toBe(true);
            expect(year).toBeGreaterThanOrEqual(1990);
            expect(year).toBeLessThanOrEqual(2100);
          }
        });
      }),
      { numRuns: 3000 },
    );
  });
});

describe("excelSerialOfTime", () => {
  test("the serial Excel stores for a moment, in the 1900 and 1904 systems", () => {
    expect(excelSerialOfTime(Date.UTC(2023, 5, 30))).toBe(45107);
    expect(excelSerialOfTime(Date.UTC(2023, 5, 30, 12))).toBe(45107.5);
    expect(excelSerialOfTime(Date.UTC(1900, 2, 1))).toBe(61);
    expect(excelSerialOfTime(Date.UTC(1900, 1, 28))).toBe(59); // before the phantom 29 February
    expect(excelSerialOfTime(Date.UTC(1900, 0, 1))).toBe(1);
    expect(excelSerialOfTime(Date.UTC(2023, 5, 30), true)).toBe(45107 - 1462);
    expect(excelSerialToDate(excelSerialOfTime(Date.UTC(2024, 1, 29)))).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

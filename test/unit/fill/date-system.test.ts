/** Which number formats show a date (so a 1904 workbook's serials are moved) and which do not. */
import { in1900System, isBuiltinDateFormat, isDateFormatCode } from "../../../src/fill/date-system";

test.each([
  "yyyy/m/d",
  "m/d/yyyy",
  'yyyy"年"m"月"d"日"',
  "yyyy年m月d日",
  "[$-804]yyyy年m月",
  "[$-x-sysdate]dddd, mmmm dd, yyyy",
  "mmm-yy",
  "d-mmm",
  "e/m/d",
  "yyyy-mm-dd hh:mm:ss",
])("a date format: %s", (code) => expect(isDateFormatCode(code)).toBe(true));

test.each([
  "General",
  "0",
  "0.00",
  "#,##0",
  "0.00E+00",
  "h:mm",
  "[h]:mm:ss",
  "mm:ss",
  '"年"0',
  "0\\d",
  "_-* #,##0_-",
  "@",
])("not a date format: %s", (code) => expect(isDateFormatCode(code)).toBe(false));

test("built-in ids: dates (14–17, 22, CJK 27–31, 36, 50–54, 57, 58), not times or numbers", () => {
  for (const id of [14, 15, 16, 17, 22, 27, 31, 36, 50, 57, 58]) expect(isBuiltinDateFormat(id)).toBe(true);
  for (const id of [0, 1, 4, 9, 18, 21, 32, 35, 45, 47, 49, 55, 56]) expect(isBuiltinDateFormat(id)).toBe(false);
});

test("only date cells of a 1904 workbook move, by 1462 days", () => {
  expect(in1900System(43891, true, true)).toBe(45353);
  expect(in1900System(43891, false, true)).toBe(43891);
  expect(in1900System(43891, true, false)).toBe(43891);
  expect(in1900System("2024", true, true)).toBe("2024");
});

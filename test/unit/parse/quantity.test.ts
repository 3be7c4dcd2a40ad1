import fc from "fast-check";
import { MAX_AREA, MAX_MONTHS, parseArea, parseMonths } from "../../../src/parse";
import { expectValueError, onlyXsgErrors } from "./helpers";

describe("parseArea (m²)", () => {
  it.each([
    [1200, 1200],
    [0, 0],
    [1200.5, 1200.5],
    [[[1000]], 1000],
    ["1200", 1200],
    ["1,200", 1200],
    ["1,200㎡", 1200],
    ["1200平方米", 1200],
    ["1200 平方米", 1200],
    ["1200平米", 1200],
    ["1200平方", 1200],
    ["1200m2", 1200],
    ["1200M2", 1200],
    ["1200m²", 1200],
    ["１２００㎡", 1200],
    ["1000.25", 1000.25],
    ["+1200", 1200],
  ])("%p ⇒ %p", (value, area) => expect(parseArea(value, "area")).toBe(area));

  it.each([null, undefined, "", " ", [[null]], [[""]]])("%p ⇒ null", (value) =>
    expect(parseArea(value, "area")).toBeNull(),
  );

  it.each([
    ["abc", "无法识别的面积"],
    ["1200亩", "无法识别的面积"], // 亩 is not converted: 1 亩 = 666.67 m² is not exact
    ["1 200", "无法识别的面积"],
    ["1,20㎡", "无法识别的面积"],
    ["-5", "面积不能为负"],
    ["-1,200㎡", "面积不能为负"],
    [-5, "面积不能为负"],
    [Number.NaN, "无法识别的面积"],
    [Number.POSITIVE_INFINITY, "无法识别的面积"],
    [MAX_AREA + 1, "面积过大"],
    [true, "无法识别的面积"],
  ])("%p ⇒ VALUE (%s)", (value, words) => {
    const error = expectValueError(() => parseArea(value, "rentedArea"), "rentedArea", String(value));
    expect(error.detail).toContain(words);
    expect(error.message).toContain("租赁面积");
  });

  it("never throws anything but XsgError, and returns null or a finite non-negative number", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.string({ unit: fc.constantFrom(..."0123456789.,-+ ㎡m2平方米亩") })),
        (value) => {
          onlyXsgErrors(() => {
            const area = parseArea(value, "area");
            if (area !== null) expect(Number.isFinite(area) && area >= 0).toBe(true);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("parseMonths (whole months)", () => {
  it.each([
    [36, 36],
    [0, 0],
    [[[12]], 12],
    ["36", 36],
    ["36月", 36],
    ["36个月", 36],
    ["３６个月", 36],
    ["3年", 36],
    ["3 年", 36],
    ["1.5年", 18],
    ["1.25年", 15],
    ["3年6个月", 42],
    ["3年6月", 42],
    ["0.5年", 6],
    ["3.0年", 36],
  ])("%p ⇒ %p", (value, months) => expect(parseMonths(value, "months")).toBe(months));

  it.each([null, undefined, "", [[null]]])("%p ⇒ null", (value) => expect(parseMonths(value, "months")).toBeNull());

  it.each([
    [36.5, "租期须为整月"],
    ["36.5", "租期须为整月"],
    ["1.3年", "租期须为整月"], // 15.6 months
    ["0.1年", "租期须为整月"],
    [-1, "租期不能为负"],
    ["-3年", "租期不能为负"],
    ["三年", "无法识别的租期"],
    ["3年6", "无法识别的租期"],
    ["36天", "无法识别的租期"],
    ["1.2.3年", "无法识别的租期"],
    [Number.NaN, "无法识别的租期"],
    [MAX_MONTHS + 1, "租期过长"],
    [false, "无法识别的租期"],
  ])("%p ⇒ VALUE (%s)", (value, words) => {
    const error = expectValueError(() => parseMonths(value, "leaseMonths"), "leaseMonths", String(value));
    expect(error.detail).toContain(words);
  });

  it("n years are exactly 12n months for any decimal n with a whole-month product", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (twelfths) => {
        // twelfths / 12 years written as a decimal only when it terminates, e.g. 0.25, 1.5
        const years = twelfths / 12;
        const text = String(years);
        if (/e/.test(text) || text.split(".")[1]?.length > 6) return;
        expect(parseMonths(`${text}年`, "months")).toBe(twelfths);
      }),
    );
  });

  it("never throws anything but XsgError, and returns null or a whole number of months", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string({ unit: fc.constantFrom(..."0123456789.-+ 年个月") })), (value) => {
        onlyXsgErrors(() => {
          const months = parseMonths(value, "months");
          if (months !== null) expect(Number.isSafeInteger(months) && months >= 0).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
  });
});

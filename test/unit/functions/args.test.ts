import fc from "fast-check";
import { isXsgError } from "../../../src/errors";
import { cachingTextParser, matrixArg, required, scalarArg, toWan } from "../../../functions/args";

const invocation = { functionName: "XSG.AWARD", address: "Sheet1!B2", parameterAddresses: undefined };

describe("scalar arguments as Excel hands them", () => {
  it.each([null, undefined, "", [[null]], [[""]], [[undefined]]])("%p is missing", (value) => {
    expect(scalarArg(value, "revenue")).toBeNull();
  });

  it("treats the Invocation object in an argument's place as an omitted argument", () => {
    expect(scalarArg(invocation, "upgradeYear")).toBeNull();
  });

  it("passes primitives through and unwraps a 1×1 range", () => {
    expect(scalarArg(2500, "revenue")).toBe(2500);
    expect(scalarArg("2500万元", "revenue")).toBe("2500万元");
    expect(scalarArg(true, "revenue")).toBe(true);
    expect(scalarArg(0, "revenue")).toBe(0);
    expect(scalarArg([["杭州"]], "region")).toBe("杭州");
  });

  it("leaves a larger range for the parser to refuse", () => {
    const range = [[1, 2]];
    expect(scalarArg(range, "revenue")).toBe(range);
  });

  it("uses a cell-value object's basicValue (allowCustomDataForDataTypeAny)", () => {
    expect(scalarArg({ type: "Double", basicValue: 2500 }, "revenue")).toBe(2500);
    expect(scalarArg({ type: "FormattedNumber", basicValue: 45292, numberFormat: "yyyy-mm-dd" }, "year")).toBe(45292);
    expect(scalarArg({ type: "String", basicValue: "杭州" }, "region")).toBe("杭州");
    expect(scalarArg({ type: "Empty", basicValue: "" }, "revenue")).toBeNull();
  });

  it("reports an error cell as #N/A or #VALUE! naming the argument", () => {
    const catchIt = (value: unknown) => {
      try {
        scalarArg(value, "revenue");
      } catch (error) {
        return error;
      }
      throw new Error("expected a throw");
    };
    const na = catchIt({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" });
    expect(isXsgError(na) && na.code).toBe("NA");
    expect(isXsgError(na) && na.field).toBe("revenue");
    const div0 = catchIt({ type: "Error", basicValue: "#DIV/0!", errorType: "Div0" });
    expect(isXsgError(div0) && div0.code).toBe("VALUE");
    expect(isXsgError(div0) && div0.detail).toContain("#DIV/0!");
  });
});

describe("matrix arguments (attributes)", () => {
  it.each([null, undefined, "", [[null]], [[""]]])("%p is missing", (value) => {
    expect(matrixArg(value, "attributes")).toBeNull();
  });

  it("treats the Invocation object in the attributes place as omitted", () => {
    expect(matrixArg(invocation, "attributes")).toBeNull();
  });

  it("keeps ranges of primitives as they are (no copy on the hot path)", () => {
    const one = [["个转企"]];
    const column = [["个转企"], [null], ["新材料"]];
    expect(matrixArg(one, "attributes")).toBe(one);
    expect(matrixArg(column, "attributes")).toBe(column);
    expect(matrixArg("个转企；战略新兴", "attributes")).toBe("个转企；战略新兴");
  });

  it("unwraps cell-value objects inside a range", () => {
    expect(
      matrixArg(
        [
          [{ type: "String", basicValue: "个转企" }, null],
          [{ type: "Empty", basicValue: "" }, "新材料"],
        ],
        "attributes",
      ),
    ).toEqual([
      ["个转企", null],
      [null, "新材料"],
    ]);
  });
});

describe("required arguments", () => {
  it("is #N/A naming the argument when missing, the value otherwise", () => {
    expect(required(2024, "year")).toBe(2024);
    expect(required(0, "year")).toBe(0);
    try {
      required(null, "year");
      throw new Error("expected a throw");
    } catch (error) {
      expect(isXsgError(error) && error.code).toBe("NA");
      expect(isXsgError(error) && error.field).toBe("year");
    }
  });
});

describe("元 → 万元 (R1)", () => {
  it("gives 4-decimal 万元 with no float noise", () => {
    expect(toWan(99_999)).toBe(9.9999);
    expect(toWan(200_000)).toBe(20);
    expect(toWan(333_333)).toBe(33.3333);
    expect(Object.is(toWan(-0), 0)).toBe(true);
  });

  it("every integer 元 prints as at most 4 decimals and round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (yuan) => {
        const wan = toWan(yuan);
        expect(Number.isFinite(wan)).toBe(true);
        expect(wan).toBe(Number((yuan / 10000).toFixed(4)));
        expect(Math.round(wan * 10000)).toBe(yuan);
        expect(String(wan)).toMatch(/^\d+(\.\d{1,4})?$|e/);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([NaN, Infinity, -1, 1.5, 2 ** 60])("refuses %p from the core as a defect", (bad) => {
    expect(() => toWan(bad)).toThrow(/无效金额/);
  });
});

describe("text-argument cache (filling a column repeats the same texts)", () => {
  const fail = (field: string) => {
    throw Object.assign(new Error(`bad ${field}`), { field });
  };

  it("parses a text once, then answers from the cache", () => {
    const parse = jest.fn((value: unknown) => (value === "2500万元" ? 2_500_000_000 : null));
    const cached = cachingTextParser(parse);
    expect(cached("2500万元", "revenue")).toBe(2_500_000_000);
    expect(cached("2500万元", "prevRevenue")).toBe(2_500_000_000);
    expect(cached(" ", "revenue")).toBeNull();
    expect(cached(" ", "revenue")).toBeNull();
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it("does not cache non-text arguments or failures (each error names its own argument)", () => {
    const parse = jest.fn((value: unknown, field: string) => (value === "abc" ? fail(field) : Number(value)));
    const cached = cachingTextParser(parse);
    expect(cached(7, "revenue")).toBe(7);
    expect(cached(7, "revenue")).toBe(7);
    expect(() => cached("abc", "revenue")).toThrow("bad revenue");
    expect(() => cached("abc", "prevRevenue")).toThrow("bad prevRevenue");
    expect(parse).toHaveBeenCalledTimes(4);
  });

  it("stays bounded", () => {
    const parse = jest.fn((value: unknown) => String(value).length);
    const cached = cachingTextParser(parse, 3);
    for (const text of ["a", "bb", "ccc", "dddd", "a"]) cached(text, "x");
    expect(parse).toHaveBeenCalledTimes(5); // "a" was dropped when the cache filled
    expect(cached("a", "x")).toBe(1);
    expect(parse).toHaveBeenCalledTimes(5);
  });
});

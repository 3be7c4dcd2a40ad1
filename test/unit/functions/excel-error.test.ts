import { naError, valueError, XsgError } from "../../../src/errors";
import { argumentLabel, CellError, makeExcelError, toExcelError } from "../../../functions/excel-error";

/** A stand-in for the runtime's CustomFunctions namespace, shaped like @types/custom-functions-runtime. */
class FakeRuntimeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const fakeRuntime = { Error: FakeRuntimeError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };

function withRuntime<T>(run: () => T): T {
  const global = globalThis as { CustomFunctions?: unknown };
  global.CustomFunctions = fakeRuntime;
  try {
    return run();
  } finally {
    delete global.CustomFunctions;
  }
}

describe("R11: XsgError → Excel error", () => {
  it("maps VALUE to #VALUE! and NA to #N/A, naming the argument first in Chinese", () => {
    const bad = toExcelError(valueError("revenue", "无法识别的金额“abc”"));
    expect(bad).toBeInstanceOf(CellError);
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toBe("参数 revenue（营业收入）：无法识别的金额“abc”");

    const missing = toExcelError(naError("prevRevenue", "缺少上年营业收入"));
    expect(missing.code).toBe("#N/A");
    expect(missing.message).toBe("参数 prevRevenue（上年营业收入）：缺少上年营业收入");
  });

  it("names the custom-function argument when the core speaks of the enterprise field", () => {
    expect(argumentLabel("tags")).toBe("参数 attributes（企业标签）");
    expect(argumentLabel("techInvestment")).toBe("参数 investment（技改投资）");
    expect(argumentLabel("rentedArea")).toBe("参数 area（租赁面积）");
    expect(argumentLabel("leaseMonths")).toBe("参数 months（租期（月））");
    expect(argumentLabel("unlabelled")).toBe("参数 unlabelled");
  });

  it("uses the runtime's CustomFunctions.Error and ErrorCode when the runtime is present", () => {
    withRuntime(() => {
      const na = toExcelError(naError("region", "无法识别的地区"));
      expect(na).toBeInstanceOf(FakeRuntimeError);
      expect(na.code).toBe("#N/A");
      expect(na.message).toBe("参数 region（地区）：无法识别的地区");
      const value = makeExcelError("#VALUE!", "x");
      expect(value).toBeInstanceOf(FakeRuntimeError);
      expect(value.code).toBe("#VALUE!");
    });
  });

  it("builds the Excel error of a core error once, and again for another runtime", () => {
    const repeated = naError("revenue", "缺少当年营业收入");
    const first = toExcelError(repeated);
    expect(toExcelError(repeated)).toBe(first); // a column repeating the error pays for it once
    expect(toExcelError(naError("revenue", "缺少当年营业收入"))).not.toBe(first); // another error object
    withRuntime(() => {
      const inRuntime = toExcelError(repeated);
      expect(inRuntime).toBeInstanceOf(FakeRuntimeError); // never a stale CellError once Excel's runtime is there
      expect(inRuntime.message).toBe(first.message);
      expect(toExcelError(repeated)).toBe(inRuntime);
    });
    expect(toExcelError(repeated)).toBeInstanceOf(CellError);
  });

  it("reads the runtime's ErrorCode values rather than assuming them", () => {
    const global = globalThis as { CustomFunctions?: unknown };
    global.CustomFunctions = { ...fakeRuntime, ErrorCode: { invalidValue: "VALUE-CODE", notAvailable: "NA-CODE" } };
    try {
      expect(makeExcelError("#N/A", "m").code).toBe("NA-CODE");
      expect(makeExcelError("#VALUE!", "m").code).toBe("VALUE-CODE");
    } finally {
      delete global.CustomFunctions;
    }
  });

  it("turns an unexpected exception into #VALUE! asking for a report, never rethrowing it bare", () => {
    const error = toExcelError(new TypeError("x is undefined"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("XSG 内部错误");
    expect(error.message).toContain("x is undefined");
    expect(toExcelError("thrown text").message).toContain("thrown text");
  });

  it("passes an already-mapped Excel error through unchanged", () => {
    const mapped = new CellError("#N/A", "已映射");
    expect(toExcelError(mapped)).toBe(mapped);
    withRuntime(() => {
      const runtimeError = makeExcelError("#N/A", "已映射");
      expect(toExcelError(runtimeError)).toBe(runtimeError);
    });
  });

  it("keeps XsgError's own message format intact for other hosts", () => {
    expect(new XsgError("VALUE", "year", "年份超出范围").message).toBe("年度（year）：年份超出范围");
  });
});

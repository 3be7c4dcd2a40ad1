/**
 * What officials type, as Excel delivers it: money (R1), tags (R7), regions
 * (R12), argument shapes, and R11's promise that a function gives a finite
 * 4-decimal number, TRUE/FALSE, text, or #VALUE!/#N/A naming the argument —
 * never an exception, NaN, Infinity, a Promise or a number as text.
 */
import fc from "fast-check";
import * as entries from "../../../functions/functions";
import { call, EMPTY_CELL, excelError, invocationFor, OMIT, value, wan } from "./excel-call";

describe("R1 money arguments", () => {
  it.each([
    [2500, 20],
    ["2500", 20],
    ["2,500", 20],
    ["２５００", 20],
    ["2500万", 20],
    ["2500万元", 20],
    ["0.25亿", 20],
    ["25000000元", 20],
    ["20000000元", 20],
    ["19999999元", 0],
    ["1999.99万元", 0],
    ["2500千元", 0], // 250 万元
  ])("AWARD(杭州市, %p, 2024) = %p", (revenue, expected) => {
    expect(wan("AWARD", "杭州市", revenue, 2024)).toBe(expected);
  });

  it("prevRevenue takes the same forms", () => {
    expect(wan("AWARD", "杭州市", 2500, 2026, 2024, "0.2亿")).toBe(30);
    expect(wan("AWARD", "杭州市", 2500, 2026, 2024, "1999万元")).toBe(0);
  });

  it.each(["abc", "2500美元", -2500, "-1", true])("revenue %p is #VALUE! naming revenue", (revenue) => {
    const error = excelError("AWARD", "杭州市", revenue, 2024);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^参数 revenue（营业收入）：/);
  });

  it("a malformed prevRevenue is named as prevRevenue", () => {
    const error = excelError("AWARD", "杭州市", 2500, 2026, 2024, "去年很多");
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^参数 prevRevenue（上年营业收入）：/);
  });
});

describe("R7 attributes: text or a range of cells", () => {
  it.each([
    ["个转企；战略新兴", 30],
    ["个转企;新材料", 30],
    ["个转企, 新材料", 30],
    ["个转企，新材料", 30],
    ["个转企、新材料", 30],
    ["个转企 新材料", 30],
    ["个体工商户转企", 30],
    ["新材料", 20],
  ])("AWARD(杭州市, 2500, 2024, , , %p) = %p", (tags, expected) => {
    expect(wan("AWARD", "杭州市", 2500, 2024, OMIT, OMIT, tags)).toBe(expected);
  });

  it("a range, one tag per cell, with empty cells", () => {
    expect(wan("AWARD", "杭州市", 2500, 2024, OMIT, OMIT, [["个转企"], ["新材料"]])).toBe(30);
    expect(
      wan("AWARD", "杭州市", 2500, 2024, OMIT, OMIT, [
        ["新材料", null],
        [null, "个转企"],
      ]),
    ).toBe(30);
    expect(
      wan("AWARD", "杭州市", 2500, 2024, OMIT, OMIT, [
        [null, ""],
        ["", null],
      ]),
    ).toBe(20);
    expect(wan("AWARD", "杭州市", 2500, 2024, OMIT, OMIT, EMPTY_CELL)).toBe(20);
  });

  it("an unknown tag is #VALUE! naming attributes and listing the known tags", () => {
    for (const tags of ["外资企业", [["个转企"], ["外资企业"]]]) {
      const error = excelError("AWARD", "杭州市", 2500, 2024, OMIT, OMIT, tags);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(/^参数 attributes（企业标签）：/);
      expect(error.message).toContain("外资企业");
      expect(error.message).toContain("个转企");
      expect(error.message).toContain("新材料");
    }
  });
});

describe("R12 region forms", () => {
  // GB 32100-2015 check character, computed here independently of the core:
  // c18 = 31 − (Σ code(cᵢ)·3^(i−1) mod 31) mod 31, over 0-9A-HJ-NPQRTUWXY.
  const CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const withCheck = (prefix17: string): string => {
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += CHARS.indexOf(prefix17[i]) * (3 ** i % 31);
    return prefix17 + CHARS[(31 - (sum % 31)) % 31];
  };

  it.each([
    ["杭州", 20],
    ["杭州市", 20],
    ["杭州市西湖区", 20],
    ["浙江省杭州市西湖区", 20],
    ["萧山区", 20],
    ["临平区", 20],
    ["江干区", 20], // historical (merged 2021)
    [330104, 20], // historical code of 江干区
    ["330106", 20],
    [330100, 20],
    ["３３０１０６", 20],
    [withCheck("91330106MA2B3C4D5"), 20], // USCC registered in 西湖区
    ["温州市鹿城区", 20],
    ["鹿城区", 20],
    ["鹿城", 20],
    [330302, 20],
    ["晋城", 20],
    ["高平市", 20],
    ["晋城市泽州县", 20],
    [withCheck("92140525MA0K1L2M3"), 20], // 泽州县
    ["闽侯", 10],
    ["闽侯县", 10],
    [withCheck("91350121MA2B3C4D5"), 10],
    ["顺城区", 10],
    [210411, 10],
  ])("AWARD(%p, 2500, 2024) = %p", (region, expected) => {
    expect(wan("AWARD", region, 2500, 2024)).toBe(expected);
  });

  it("a USCC whose check character fails still resolves its region (R15: warning only)", () => {
    const good = withCheck("91330106MA2B3C4D5");
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    expect(wan("AWARD", bad, 2500, 2024)).toBe(20);
  });

  it("an ambiguous short name is #N/A listing the qualified candidates", () => {
    const error = excelError("AWARD", "西湖区", 2500, 2024);
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^参数 region（地区）：/);
    expect(error.message).toContain("杭州市西湖区");
    expect(error.message).toContain("南昌市西湖区");
  });

  it.each(["北京市朝阳区", 110105, "110105"])("a place without a policy (%p) is #N/A naming it", (region) => {
    const error = excelError("AWARD", region, 2500, 2024);
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^参数 region（地区）：/);
    expect(error.message).toContain("朝阳区");
  });

  it("a city-level code above a district policy is #N/A (the district is unknown)", () => {
    const error = excelError("AWARD", "330300", 2500, 2024);
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^参数 region（地区）：/);
  });

  it("a missing or unknown region is #N/A naming region", () => {
    for (const region of [EMPTY_CELL, "", "火星"]) {
      const error = excelError("AWARD", region, 2500, 2024);
      expect(error.code).toBe("#N/A");
      expect(error.message).toMatch(/^参数 region（地区）：/);
    }
  });

  it("a boolean region is #VALUE!", () => {
    expect(excelError("AWARD", true, 2500, 2024).code).toBe("#VALUE!");
  });
});

describe("Excel's argument shapes", () => {
  it("works when a host appends the Invocation in an omitted argument's place", () => {
    const invocation = invocationFor("AWARD");
    const award = entries.award as (...args: unknown[]) => unknown;
    expect(award("杭州市", 2500, 2024, invocation)).toBe(20);
    const total = entries.total as (...args: unknown[]) => unknown;
    expect(total("杭州市", invocation)).toBe(50);
    const regions = entries.regions as (...args: unknown[]) => unknown;
    expect(regions(invocationFor("REGIONS"))).toHaveLength(5);
  });

  it("undefined (a host that drops trailing arguments) is an omitted argument", () => {
    const award = entries.award as (...args: unknown[]) => unknown;
    expect(award("杭州市", 2500, 2024, undefined, undefined, undefined)).toBe(20);
  });

  it("uses the runtime's CustomFunctions.Error when Excel provides it", () => {
    class RuntimeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    const global = globalThis as { CustomFunctions?: unknown };
    global.CustomFunctions = { Error: RuntimeError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
    try {
      let thrown: unknown;
      try {
        (entries.award as (...args: unknown[]) => unknown)(
          "杭州市",
          "abc",
          2024,
          null,
          null,
          null,
          invocationFor("AWARD"),
        );
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RuntimeError);
      expect((thrown as RuntimeError).code).toBe("#VALUE!");
      expect((thrown as RuntimeError).message).toMatch(/^参数 revenue（营业收入）：/);
    } finally {
      delete global.CustomFunctions;
    }
  });
});

describe("R11 for any input: a finite 4-decimal number or #VALUE!/#N/A naming an argument", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -10, max: 100_000 }),
    fc.constantFrom(
      "2500万元",
      "0.25亿",
      "2024年",
      "abc",
      "-1",
      "1e400",
      "NaN",
      "Infinity",
      "个转企",
      "杭州",
      "西湖区",
      "火星",
      " ",
    ),
    fc.string({ maxLength: 8 }),
  );
  const region = fc.oneof(cell, fc.constantFrom("杭州市", "温州市鹿城区", "晋城市", "福州市闽侯县", "抚顺市顺城区"));
  const year = fc.oneof(cell, fc.integer({ min: 2018, max: 2032 }));
  const attributes = fc.oneof(
    cell,
    fc.array(fc.array(cell, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
  );

  const checkOutcome = (id: string, args: unknown[]) => {
    const outcome = call(id, ...args);
    if ("error" in outcome) {
      expect(["#VALUE!", "#N/A"]).toContain(outcome.error.code);
      expect(outcome.error.message).toMatch(/^参数 [A-Za-z]+/);
      expect(outcome.error.message).not.toContain("内部错误");
    } else {
      expect(typeof outcome.value).toBe("number");
      const n = outcome.value as number;
      expect(Number.isFinite(n) && n >= 0).toBe(true);
      expect(n).toBe(Number(n.toFixed(4)));
    }
  };

  it("AWARD", () => {
    fc.assert(
      fc.property(region, cell, year, year, cell, attributes, (...args) => checkOutcome("AWARD", args)),
      { numRuns: 1500 },
    );
  });

  it("TECH, RENT, BID, TOTAL", () => {
    fc.assert(
      fc.property(region, cell, year, year, attributes, (r, money, y, u, tags) => {
        checkOutcome("TECH", [r, money, y, u, tags]);
        checkOutcome("RENT", [r, money, y, money, tags]);
        checkOutcome("BID", [r, money, y, u]);
        checkOutcome("TOTAL", [r, tags]);
      }),
      { numRuns: 800 },
    );
  });

  it("text and boolean functions give their type or an Excel error", () => {
    fc.assert(
      fc.property(region, cell, year, (r, money, y) => {
        for (const [id, args, type] of [
          ["STATUS", [r, money], "string"],
          ["ELIGIBLE", [r, money, y], "boolean"],
          ["POLICY", [r], "string"],
          ["REGIONOF", [money], "string"],
          ["USCCVALID", [money], "boolean"],
        ] as const) {
          const outcome = call(id, ...args);
          if ("error" in outcome) {
            expect(["#VALUE!", "#N/A"]).toContain(outcome.error.code);
            expect(outcome.error.message).not.toContain("内部错误");
          } else expect(typeof outcome.value).toBe(type);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("never returns a number as text", () => {
    expect(typeof value("AWARD", "杭州市", "2500", "2024")).toBe("number");
    expect(typeof value("TOTAL", "杭州市")).toBe("number");
  });
});

import fc from "fast-check";
import { XsgError } from "../../../src/errors";
import { MAX_FEN, moneyUnitOf, parseMoney } from "../../../src/parse";
import { expectValueError, onlyXsgErrors } from "./helpers";

const WAN = 1_000_000; // 分 per 万元

describe("parseMoney: missing values are null", () => {
  it.each([null, undefined, "", "   ", "\u3000", "\n", [[null]], [[""]], [[undefined]], [null], [[" "]], []])(
    "%p ⇒ null",
    (value) => expect(parseMoney(value, "revenue")).toBeNull(),
  );
});

describe("parseMoney: numbers are 万元", () => {
  it.each([
    [2500, 2500 * WAN],
    [0, 0],
    [-0, 0],
    [2000, 2_000_000_000],
    [1999.99, 1_999_990_000],
    [333.33, 333_330_000],
    [0.0001, 100], // 1 元
    [0.000001, 1], // 1 分
    [1e-7, 0], // 0.1 分 rounds down
    [5e-7, 1], // 0.5 分 rounds half up
    [4.9e-7, 0],
    [1e8, MAX_FEN],
    [[[2500]], 2500 * WAN],
  ])("%p ⇒ %p 分", (value, fen) => {
    const result = parseMoney(value, "revenue");
    expect(result).toBe(fen);
    expect(Object.is(result, -0)).toBe(false);
  });

  it("reads the decimal a float stands for, never a float product (R1)", () => {
    expect(parseMoney(0.1 + 0.2, "revenue")).toBe(300_000); // 0.30000000000000004 万元 ⇒ 0.3 万元
    expect(1.005 * WAN).toBe(1_004_999.9999999999); // the trap a float product falls into
    expect(parseMoney(1.005, "revenue")).toBe(1_005_000);
    expect(parseMoney(1.005, "revenue", "元")).toBe(101); // 100.5 分 ⇒ 101, half up on the decimal
  });

  it("rejects non-finite and negative numbers", () => {
    expectValueError(() => parseMoney(Number.NaN, "revenue"), "revenue", "NaN");
    expectValueError(() => parseMoney(Number.POSITIVE_INFINITY, "revenue"), "revenue", "Infinity");
    const negative = expectValueError(() => parseMoney(-1, "prevRevenue"), "prevRevenue", "-1");
    expect(negative.detail).toContain("金额不能为负");
    expect(negative.message).toContain("上年营业收入");
  });

  it("rejects absurdly large amounts (> 1 亿万元)", () => {
    expect(expectValueError(() => parseMoney(100_000_001, "revenue"), "revenue", "100000001").detail).toContain(
      "金额过大",
    );
    expectValueError(() => parseMoney(1e300, "revenue"), "revenue");
    expectValueError(() => parseMoney("2亿亿", "revenue"), "revenue", "2亿亿");
    expectValueError(() => parseMoney("100000000.01", "revenue"), "revenue", "100000000.01");
  });
});

describe("parseMoney: text with units (R1)", () => {
  it.each([
    ["2500", 2500 * WAN],
    [" 2500 ", 2500 * WAN],
    ["2,500", 2500 * WAN],
    ["2，500", 2500 * WAN],
    ["２５００", 2500 * WAN],
    ["２，５００．５", 2_500_500_000],
    ["2500万", 2500 * WAN],
    ["2500万元", 2500 * WAN],
    ["2500 万元", 2500 * WAN],
    ["2500(万元)", 2500 * WAN],
    ["2500W", 2500 * WAN],
    ["2500w", 2500 * WAN],
    ["0.25亿", 2500 * WAN],
    ["0.25亿元", 2500 * WAN],
    ["25000000元", 2500 * WAN],
    ["25,000,000.00元", 2500 * WAN],
    ["2500千元", 250 * WAN],
    ["25百万", 2500 * WAN],
    ["25百万元", 2500 * WAN],
    ["2.5千万", 2500 * WAN],
    ["250十万元", 2500 * WAN],
    ["333.33", 333_330_000],
    ["+2500", 2500 * WAN],
    [".5", 500_000],
    ["5.", 5 * WAN],
    ["2.5e3", 2500 * WAN],
    ["¥25,000,000元", 2500 * WAN],
    ["￥2500万元", 2500 * WAN],
    ["人民币2500万元", 2500 * WAN],
    ["0.005元", 1], // half a 分 rounds up
    ["0.0049元", 0],
    ["-0", 0],
    ["2500.000000000000000000万元", 2500 * WAN],
  ])("%p ⇒ %p 分", (text, fen) => expect(parseMoney(text, "revenue")).toBe(fen));

  it("reads a bare number in the unit the caller states (e.g. a column headed 元)", () => {
    expect(parseMoney(25_000_000, "revenue", "元")).toBe(2500 * WAN);
    expect(parseMoney("25,000,000", "revenue", "元")).toBe(2500 * WAN);
    expect(parseMoney(2_500_000, "revenue", "千元")).toBe(250_000 * WAN); // 25 亿元
    expect(parseMoney("2500万元", "revenue", "元")).toBe(2500 * WAN); // an explicit unit wins
    expect(parseMoney(0.125, "revenue", "元")).toBe(13); // 12.5 分 half up
  });

  it.each([
    ["abc"],
    ["2024-03-01"],
    ["2024/3/1"],
    ["5%"],
    ["2,50"], // not thousands grouping
    ["2500美元"],
    ["2500万万"],
    ["二千五百万"],
    ["25 00"],
    ["1.2.3"],
    ["."],
    ["--5"],
    ["TRUE"],
  ])("rejects %p, quoting it with examples", (text) => {
    const error = expectValueError(() => parseMoney(text, "revenue"), "revenue", text);
    expect(error.detail).toMatch(/无法识别的金额.*2500万元.*0\.25亿.*25000000元/);
    expect(error.message.startsWith("营业收入（revenue）：")).toBe(true);
  });

  it.each(["-2500", "−2500", "－２５００", "(2,500)", "-¥2500万元", "-0.01元"])("rejects negative %p", (text) => {
    expect(expectValueError(() => parseMoney(text, "revenue"), "revenue", text).detail).toContain("金额不能为负");
  });

  it("asks for a unit after a currency sign, whose unit is ambiguous", () => {
    expect(expectValueError(() => parseMoney("¥2500", "revenue"), "revenue", "¥2500").detail).toContain("单位");
  });

  it.each([[true], [false], [new Date(2024, 0, 1)], [{ value: 1 }], [[[1, 2]]], [[[1], [2]]], [Symbol("x")], [10n]])(
    "rejects %p",
    (value) => {
      expectValueError(() => parseMoney(value, "investment"), "investment");
    },
  );

  it("shortens a very long input in the message", () => {
    const error = expectValueError(() => parseMoney("x".repeat(500), "revenue"), "revenue");
    expect(error.detail.length).toBeLessThan(150);
  });
});

describe("moneyUnitOf", () => {
  it.each([
    ["万元", "万元"],
    ["（元）", "元"],
    ["(千元)", "千元"],
    ["亿", "亿元"],
    ["米", null],
  ])("%p ⇒ %p", (text, unit) => expect(moneyUnitOf(text)).toBe(unit));
});

/** The exact decimal text of fen / 10^power, e.g. (123456, 6) ⇒ "0.123456". */
function decimalText(fen: number, power: number): string {
  const digits = String(fen).padStart(power + 1, "0");
  const whole = digits.slice(0, digits.length - power);
  const fraction = digits.slice(digits.length - power).replace(/0+$/, "");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

function withThousands(text: string): string {
  const [whole, fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe("parseMoney properties", () => {
  it("k/100 万元 is exactly k × 10000 分", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (k) => {
        expect(parseMoney(k / 100, "revenue")).toBe(k * 10_000);
      }),
      { numRuns: 2000 },
    );
  });

  it("text with any unit agrees with the number it writes", () => {
    const units: [string, number][] = [
      ["元", 2],
      ["千元", 5],
      ["万元", 6],
      ["万", 6],
      ["百万元", 8],
      ["亿", 10],
      ["", 6],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_FEN }),
        fc.constantFrom(...units),
        fc.boolean(),
        fc.boolean(),
        (fen, [unit, power], grouped, wide) => {
          let text = decimalText(fen, power);
          if (grouped) text = withThousands(text);
          if (wide) text = fullWidth(text);
          expect(parseMoney(text + unit, "revenue")).toBe(fen);
          // The same amount as an Excel number in 万元 (≤ 15 significant digits round-trip exactly).
          expect(parseMoney(Number(decimalText(fen, 6)), "revenue")).toBe(fen);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a plain text (digits, a point, a unit) reads the same on the direct path as on the full one", () => {
    // A leading space sends the same text down the full path (spaces are dropped there), so the two
    // readers are compared on every outcome: 分, null, or the same error code and message.
    const digit = fc.constantFrom(..."0123456789");
    const plain = fc
      .tuple(
        fc.string({ unit: digit, minLength: 1, maxLength: 18 }),
        fc.option(fc.string({ unit: digit, minLength: 1, maxLength: 12 })),
        fc.constantFrom(
          "",
          "元",
          "块",
          "千",
          "千元",
          "万",
          "万元",
          "w",
          "W",
          "十万",
          "百万元",
          "千万",
          "亿",
          "亿元",
          "美元",
          "万元整",
          "k",
        ),
      )
      .map(([whole, fraction, unit]) => `${whole}${fraction === null ? "" : `.${fraction}`}${unit}`);
    const outcome = (text: string): unknown => {
      try {
        return parseMoney(text, "revenue");
      } catch (error) {
        return error instanceof XsgError ? `${error.code} ${error.message.replace(/“ /, "“")}` : error;
      }
    };
    fc.assert(
      fc.property(plain, (text) => {
        expect(outcome(text)).toEqual(outcome(` ${text}`));
      }),
      { numRuns: 3000 },
    );
  });

  it("never throws anything but XsgError, and returns null or a safe integer", () => {
    const moneyish = fc.string({ unit: fc.constantFrom(..."0123456789.,，-+ 万亿元千百wW¥(（)）eE２５．abc") });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), moneyish, fc.double()), (value) => {
        onlyXsgErrors(() => {
          const fen = parseMoney(value, "revenue");
          if (fen !== null) {
            expect(Number.isSafeInteger(fen)).toBe(true);
            expect(fen).toBeGreaterThanOrEqual(0);
            expect(fen).toBeLessThanOrEqual(MAX_FEN);
          }
        });
      }),
      { numRuns: 3000 },
    );
  });

  it("thrown errors always name the field", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseMoney(text, "contract");
        } catch (error) {
          expect(error).toBeInstanceOf(XsgError);
          expect((error as XsgError).field).toBe("contract");
        }
      }),
    );
  });
});

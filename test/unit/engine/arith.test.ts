/** R1: exact integer arithmetic and 万元 formatting. */
import {
  areaToMicro,
  formatFenAsWan,
  formatWan,
  mulDivHalfUp,
  percentToBasisPoints,
  quantityToMonths,
  quantityToYuan,
} from "../../../src/engine/arith";
import { fen } from "./helpers";

describe("exact arithmetic (R1)", () => {
  it("3% of 333.33 万元 is 9.9999 万元, 3% of 1000 万元 is 30 万元", () => {
    expect(formatWan(mulDivHalfUp(fen("333.33"), 300, 1_000_000))).toBe("9.9999");
    expect(formatWan(mulDivHalfUp(fen(1000), 300, 1_000_000))).toBe("30");
  });
  it("rounds half up to the 元", () => {
    expect(mulDivHalfUp(50, 1, 100)).toBe(1); // 0.50 元
    expect(mulDivHalfUp(49, 1, 100)).toBe(0);
    expect(mulDivHalfUp(150, 1, 100)).toBe(2);
  });
  it("stays exact beyond 2^53 through BigInt", () => {
    expect(mulDivHalfUp(2 ** 52 + 1, 3_000, 1_000)).toBe(3 * (2 ** 52 + 1));
  });
  it("converts policy quantities", () => {
    expect(quantityToYuan({ value: 1, unit: "亿元" })).toBe(100_000_000);
    expect(quantityToYuan({ value: 0.0001, unit: "万元" })).toBe(1);
    expect(percentToBasisPoints({ value: 0.07, unit: "%" })).toBe(7);
    expect(quantityToMonths({ value: 3, unit: "年" })).toBe(36);
    expect(areaToMicro(1000.01)).toBe(1_000_010_000);
  });
  it("formats 元 and 分 as 万元 without float noise", () => {
    expect(formatWan(99_999)).toBe("9.9999");
    expect(formatWan(200_000)).toBe("20");
    expect(formatWan(1)).toBe("0.0001");
    expect(formatWan(0)).toBe("0");
    expect(formatFenAsWan(fen("1999.9999"))).toBe("1999.9999");
    expect(formatFenAsWan(1)).toBe("0.000001");
  });
});

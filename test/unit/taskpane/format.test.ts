import { columnLetter, formatWan, percent } from "../../../taskpane/components/format";

describe("formatWan: integer 元 → 万元, 4 decimals max, trailing zeros trimmed (R1)", () => {
  test.each([
    [0, "0"],
    [200_000, "20"],
    [99_999, "9.9999"],
    [100_010, "10.001"],
    [1, "0.0001"],
    [1_234_567_890, "123,456.789"],
    [-50_000, "-5"],
  ])("%d 元 → %s", (yuan, text) => {
    expect(formatWan(yuan)).toBe(text);
  });

  test("without grouping", () => {
    expect(formatWan(1_234_567_890, false)).toBe("123456.789");
  });

  test("never prints a float artefact", () => {
    for (let yuan = 0; yuan < 200_000; yuan += 7) {
      const text = formatWan(yuan, false);
      expect(text).toMatch(/^\d+(\.\d{1,4})?$/);
      expect(Math.round(Number(text) * 10_000)).toBe(yuan);
    }
  });

  test("non-finite input shows a dash", () => {
    expect(formatWan(Number.NaN)).toBe("—");
  });
});

test("columnLetter", () => {
  expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
});

test("percent rounds down and clamps", () => {
  expect(percent(0, 0)).toBe(0);
  expect(percent(999, 1000)).toBe(99);
  expect(percent(1000, 1000)).toBe(100);
  expect(percent(2000, 1000)).toBe(100);
});

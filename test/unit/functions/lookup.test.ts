/** XSG.POLICY, REGIONS, REGIONOF, USCCVALID (R4, R12, R15). */
import { EMPTY_CELL, excelError, value } from "./excel-call";

const CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** GB 32100-2015 check character, computed independently of the core. */
function withCheck(prefix17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(prefix17[i]) * (3 ** i % 31);
  return prefix17 + CHARS[(31 - (sum % 31)) % 31];
}

describe("XSG.REGIONS", () => {
  it("spills the five canonical policy regions, one per row, in the README's order", () => {
    expect(value("REGIONS")).toEqual([["温州市鹿城区"], ["晋城市"], ["福州市闽侯县"], ["杭州市"], ["抚顺市顺城区"]]);
  });

  it("each listed region and its short form name the same policy", () => {
    for (const [name] of value("REGIONS") as string[][]) {
      expect(value("POLICY", name)).toEqual(value("POLICY", name.replace(/^(温州市|福州市|抚顺市)/, "")));
    }
  });
});

describe("XSG.POLICY", () => {
  it.each([
    ["杭州", "杭政办函〔2024〕3号", ["2024", "2026"]],
    ["鹿城区", "温鹿政办〔2022〕74号", ["2023", "2025"]],
    ["晋城", "晋市政办〔2021〕35号", ["2021"]],
    ["闽侯", "征求意见稿", ["2022", "2026"]],
    ["顺城区", "征求意见稿", ["2023"]],
  ])("POLICY(%s) names %s and the covered years", (region, document, years) => {
    const text = value("POLICY", region) as string;
    expect(text).toContain(document);
    for (const year of years) expect(text).toContain(year);
  });

  it("an unknown region is #N/A naming region", () => {
    const error = excelError("POLICY", "火星");
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^参数 region（地区）：/);
  });
});

describe("XSG.REGIONOF", () => {
  it.each([
    ["330106", "杭州市"],
    [330106, "杭州市"],
    [330104, "杭州市"], // 江干区, historical
    ["330185", "杭州市"], // 临安市, historical
    ["330114", "杭州市"], // 钱塘区
    ["330302", "温州市鹿城区"],
    ["140581", "晋城市"],
    ["140511", "晋城市"], // 晋城郊区, historical
    ["350121", "福州市闽侯县"],
    ["210411", "抚顺市顺城区"],
    [" ３３０１０６ ", "杭州市"],
    [withCheck("91330106MA2B3C4D5"), "杭州市"],
    [withCheck("91330302MA2B3C4D5").toLowerCase(), "温州市鹿城区"],
    [withCheck("91210411MA0Q1R2T3"), "抚顺市顺城区"],
  ])("REGIONOF(%p) = %s", (code, region) => {
    expect(value("REGIONOF", code)).toBe(region);
  });

  it.each([
    ["110105", "朝阳区"],
    [withCheck("91110105MA01ABCD1"), "朝阳区"],
    ["330300", ""], // 温州市: above 鹿城区's level, the district is unknown
    ["91350100M000100Y43", ""], // 福州市 level, not 闽侯县
  ])("REGIONOF(%p) is #N/A (no policy)", (code, place) => {
    const error = excelError("REGIONOF", code);
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^参数 code（代码）：/);
    expect(error.message).toContain(place);
  });

  it("a 32,000-character argument is not echoed whole in the message", () => {
    const error = excelError("REGIONOF", "码".repeat(32_000));
    expect(error.code).toBe("#VALUE!");
    expect(error.message.length).toBeLessThan(200);
    expect(error.message).toContain("…");
  });

  it.each(["杭州", "12345", "3301060", 330106.5, true])("a non-code %p is #VALUE! naming code", (code) => {
    const error = excelError("REGIONOF", code);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^参数 code（代码）：/);
  });

  it("an empty cell is #N/A naming code", () => {
    const error = excelError("REGIONOF", EMPTY_CELL);
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^参数 code（代码）：/);
  });
});

describe("XSG.USCCVALID (R15)", () => {
  it.each([
    ["91350100M000100Y43", true],
    [withCheck("91330106MA2B3C4D5"), true],
    [withCheck("91330106MA2B3C4D5").toLowerCase(), true],
    [` ${withCheck("92140525MA0K1L2M3")} `, true],
    ["91350100M000100Y44", false], // check character wrong
    ["91350100M000100Y4", false], // 17 characters
    ["91350100M000100Y433", false], // 19 characters
    ["91350100M000100I43", false], // I is not in the charset
    ["91350100M000100O43", false], // nor O
  ])("USCCVALID(%p) = %p", (code, expected) => {
    expect(value("USCCVALID", code)).toBe(expected);
  });

  it("a number cannot hold an 18-character code exactly: FALSE", () => {
    expect(value("USCCVALID", Number("913501001234567890"))).toBe(false);
    expect(value("USCCVALID", true)).toBe(false);
  });

  it("an empty cell is #N/A naming code (nothing to check)", () => {
    const error = excelError("USCCVALID", EMPTY_CELL);
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^参数 code（代码）：/);
  });
});

/**
 * The argument and result shapes that only WPS produces (the Excel cases themselves run through
 * the WPS wrapper in jest project "wps-functions"): every way an omitted argument is reported,
 * cells wrapped as {Value2}, 1-D ranges, CVErr numbers for error cells, errors shown as text.
 */
import { PARAM_NOT_FOUND, WPS_ERROR_TEXT, wpsArgument, wpsFunction, WPS_FUNCTIONS } from "../../../functions/wps";
import { call } from "./wps-call";

const award = wpsFunction(WPS_FUNCTIONS.AWARD, 6);

describe("omitted optional arguments", () => {
  it.each([
    ["DISP_E_PARAMNOTFOUND", PARAM_NOT_FOUND],
    ["undefined", undefined],
    ["null", null],
    ['""', ""],
  ])("%s is omitted", (_, omitted) => {
    expect(award("杭州市", 2500, 2024, omitted, omitted, omitted)).toBe(20);
  });

  it("trailing arguments WPS leaves out entirely are omitted", () => {
    expect(award("杭州市", 2500, 2024)).toBe(20);
  });
});

describe("cells and ranges", () => {
  it("a cell wrapped as { Value2 } is unwrapped", () => {
    expect(award({ Value2: "杭州市" }, { Value2: 2500 }, { Value2: 2024 })).toBe(20);
  });

  it("a 1-D range (one row or column) is made 2-D for attributes", () => {
    expect(wpsArgument(["个转企", null])).toEqual([["个转企", null]]);
    expect(wpsFunction(WPS_FUNCTIONS.TOTAL, 2)("杭州市", ["个转企", null])).toBe(60);
  });

  it("an error cell (CVErr number) is reported like Excel reports an error cell", () => {
    expect(call("AWARD", "杭州市", -2146826246, 2024)).toMatchObject({ error: { code: "#N/A" } });
    const result = award("杭州市", -2146826246, 2024);
    expect(result).toMatch(/^#N\/A 参数 revenue（[^）]+）：单元格是错误值 #N\/A/);
    expect(award("杭州市", 2500, 2024, null, null, [["个转企", -2146826281]])).toMatch(/^#VALUE! .*#DIV\/0!/);
  });

  it("a number that is not a CVErr code stays a number", () => {
    expect(wpsArgument(-2146826000)).toBe(-2146826000);
  });
});

describe("results", () => {
  it("SCHEDULE and REGIONS return 2-D arrays WPS can spill", () => {
    const schedule = wpsFunction(WPS_FUNCTIONS.SCHEDULE, 3)("杭州市", 2024) as unknown[][];
    expect(schedule).toHaveLength(3);
    expect(schedule.every((row) => Array.isArray(row) && row.length === 2)).toBe(true);
    const regions = wpsFunction(WPS_FUNCTIONS.REGIONS, 0)() as unknown[][];
    expect(regions.every((row) => row.length === 1 && typeof row[0] === "string")).toBe(true);
  });

  it("an XSG error is text: the Excel code, a space, the same Chinese message", () => {
    const text = String(award("杭州市", "abc", 2024));
    const match = WPS_ERROR_TEXT.exec(text);
    expect(match?.[1]).toBe("#VALUE!");
    expect(match?.[2]).toMatch(/^参数 revenue（[^）]+）：/);
  });

  it("a defect (an exception that is not an XSG error) is #VALUE! text asking to report it, never a crash", () => {
    const broken = wpsFunction(() => {
      throw new TypeError("boom");
    }, 0);
    expect(broken()).toBe("#VALUE! XSG 内部错误，请向维护人员报告：boom");
  });
});

import { createRegionResolver, type RegionCoverage } from "../../../src/regions";
import { BUILT_IN_CATALOG, resolveRegion } from "../../../src/policies";

/** The built-in regions' coverages, as the catalog derives them from the documents. */
const DEFAULT_COVERAGES = BUILT_IN_CATALOG.resolver.regions();
import { errorOf, expectNa } from "./helpers";

/** A test-only sixth region: adding a region is data, not code. */
const NINGBO: RegionCoverage = { id: "ningbo", regionName: "宁波市", divisionCode: "330200", level: "city" };
/** A test-only county-level region under the same city. */
const YUYAO: RegionCoverage = { id: "yuyao", regionName: "宁波市余姚市", divisionCode: "330281", level: "county" };

describe("createRegionResolver is data-driven", () => {
  const six = createRegionResolver([...DEFAULT_COVERAGES, NINGBO]);

  it("a sixth city-level region covers its city, its counties, their codes and short forms", () => {
    for (const value of [
      "宁波市",
      "宁波",
      "ningbo",
      "330200",
      330203,
      "海曙区",
      "宁波市江北区",
      "浙江省宁波市北仑区",
      "余姚",
    ]) {
      expect(six.resolve(value)).toBe("ningbo");
    }
    expect(six.regions()).toHaveLength(6);
    expect(six.regionOfCode("330206")).toBe("ningbo");
  });

  it("the five regions keep resolving as before", () => {
    expect(six.resolve("杭州市西湖区")).toBe("hangzhou");
    expect(six.resolve("330302")).toBe("lucheng");
  });

  it("messages list the regions of this resolver and suggest its covered candidate", () => {
    const unknown = expectNa(() => six.resolve("火星"), ["宁波市"]);
    expect(unknown.detail).toContain("抚顺市顺城区、宁波市");
    expectNa(() => six.resolve("江北区"), ["宁波市江北区", "重庆市江北区", "如“宁波市江北区”"]);
  });

  it("the default resolver is unaffected: 宁波 has no policy there", () => {
    expectNa(() => resolveRegion("宁波"), ["宁波市：该地区无已编码的小升规政策"]);
    expect(errorOf(() => resolveRegion("330203")).detail).not.toContain("宁波市、");
  });

  it("a county-level region makes its city code #N/A (district unknown) and other counties outside", () => {
    const county = createRegionResolver([YUYAO]);
    expect(county.resolve("余姚市")).toBe("yuyao");
    expect(county.resolve("330281")).toBe("yuyao");
    expectNa(() => county.resolve("宁波"), ["宁波市只到市级", "宁波市余姚市"]);
    expectNa(() => county.resolve("330200"), ["只到市级"]);
    expectNa(
      () => county.resolve("海曙区"),
      ["宁波市海曙区：该地区无已编码的小升规政策；已编码政策的地区：宁波市余姚市"],
    );
    expect(county.regionOfCode("330200")).toBeNull();
  });

  it("a county-level region wins over a city-level one around it", () => {
    const both = createRegionResolver([NINGBO, YUYAO]);
    expect(both.resolve("余姚")).toBe("yuyao");
    expect(both.resolve("慈溪")).toBe("ningbo");
    expect(both.resolve("330200")).toBe("ningbo");
  });

  it("refuses malformed coverage data", () => {
    expect(() => createRegionResolver([NINGBO, NINGBO])).toThrow(/duplicate/);
    expect(() => createRegionResolver([{ ...NINGBO, divisionCode: "3302" }])).toThrow(/6 digits/);
    expect(() => createRegionResolver([{ ...NINGBO, divisionCode: "330203" }])).toThrow(/ends in 00/);
    expect(() => createRegionResolver([{ ...NINGBO, level: "province" as "city" }])).toThrow(/level/);
  });

  it("an empty resolver knows no region but still names places", () => {
    const none = createRegionResolver([]);
    expectNa(() => none.resolve("杭州市"), ["杭州市：该地区无已编码的小升规政策"]);
  });
});

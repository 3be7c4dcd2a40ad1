import fc from "fast-check";
import { XsgError } from "../../../src/errors";
import { makeUscc } from "../../../src/parse/uscc";
import { BUILT_IN_CATALOG, regionOfCode, resolveRegion } from "../../../src/policies";

const DEFAULT_COVERAGES = BUILT_IN_CATALOG.resolver.regions();
const REGION_IDS = BUILT_IN_CATALOG.regions.map((region) => region.id);
import { errorOf, expectNa, FIVE_REGIONS, HANGZHOU_CURRENT, JINCHENG_CURRENT } from "./helpers";

describe("canonical names and ids", () => {
  it.each([
    ["温州市鹿城区", "lucheng"],
    ["晋城市", "jincheng"],
    ["福州市闽侯县", "minhou"],
    ["杭州市", "hangzhou"],
    ["抚顺市顺城区", "shuncheng"],
  ])("%s → %s", (name, id) => {
    expect(resolveRegion(name)).toBe(id);
    expect(resolveRegion(id)).toBe(id);
    expect(resolveRegion(id.toUpperCase())).toBe(id);
  });

  it("the built-in coverages come from the documents, in file order", () => {
    expect(DEFAULT_COVERAGES.map((c) => c.id)).toEqual(["lucheng", "jincheng", "minhou", "hangzhou", "shuncheng"]);
    expect(DEFAULT_COVERAGES.map((c) => c.regionName)).toEqual([...FIVE_REGIONS]);
  });

  it("trims, folds full width and ignores blanks between names", () => {
    expect(resolveRegion("  杭州市 ")).toBe("hangzhou");
    expect(resolveRegion("ＨＡＮＧＺＨＯＵ")).toBe("hangzhou");
    expect(resolveRegion("温州市\u3000鹿城区")).toBe("lucheng");
    expect(resolveRegion("杭州·西湖区")).toBe("hangzhou");
    expect(resolveRegion("３３０１０４")).toBe("hangzhou");
  });
});

describe("short forms unique in China", () => {
  it.each([
    ["鹿城区", "lucheng"],
    ["鹿城", "lucheng"],
    ["晋城", "jincheng"],
    ["闽侯", "minhou"],
    ["闽侯县", "minhou"],
    ["杭州", "hangzhou"],
    ["顺城区", "shuncheng"],
    ["顺城", "shuncheng"],
  ])("%s → %s", (name, id) => expect(resolveRegion(name)).toBe(id));
});

describe("districts and counties under a city-level policy", () => {
  it.each(HANGZHOU_CURRENT)("杭州 %s %s: code, qualified name, and bare name when unique", (code, name) => {
    expect(resolveRegion(code)).toBe("hangzhou");
    expect(resolveRegion(Number(code))).toBe("hangzhou");
    expect(resolveRegion(`杭州市${name}`)).toBe("hangzhou");
    expect(resolveRegion(`浙江省杭州市${name}`)).toBe("hangzhou");
    expect(resolveRegion(`杭州${name}`)).toBe("hangzhou");
    if (name === "西湖区") expectNa(() => resolveRegion(name), ["杭州市西湖区", "南昌市西湖区"]);
    else expect(resolveRegion(name)).toBe("hangzhou");
  });

  it.each(JINCHENG_CURRENT)("晋城 %s %s", (code, name) => {
    expect(resolveRegion(code)).toBe("jincheng");
    expect(resolveRegion(Number(code))).toBe("jincheng");
    expect(resolveRegion(`晋城市${name}`)).toBe("jincheng");
    expect(resolveRegion(`山西省晋城市${name}`)).toBe("jincheng");
    if (name === "城区") expectNa(() => resolveRegion(name), ["晋城市城区", "阳泉市城区"]);
    else expect(resolveRegion(name)).toBe("jincheng");
  });

  it.each([
    "萧山区",
    "高平市",
    "泽州县",
    "临平区",
    "钱塘区",
    "江干区",
    "萧山",
    "高平",
    "临安",
    "富阳",
    "杭州西湖",
    "浙江省西湖区",
  ])("%s resolves", (name) => expect(["hangzhou", "jincheng"]).toContain(resolveRegion(name)));

  it("qualified names under a county-level policy's parent", () => {
    expect(resolveRegion("浙江省温州市鹿城区")).toBe("lucheng");
    expect(resolveRegion("温州鹿城")).toBe("lucheng");
    expect(resolveRegion("福建省福州市闽侯县")).toBe("minhou");
    expect(resolveRegion("辽宁省抚顺市顺城区")).toBe("shuncheng");
  });

  it("a name under the wrong city is not accepted", () => {
    expectNa(() => resolveRegion("温州市萧山区"), ["无法识别的地区“温州市萧山区”"]);
  });
});

describe("6-digit division codes", () => {
  it.each([
    [330104, "hangzhou"],
    ["330104", "hangzhou"],
    [330302, "lucheng"],
    ["330302", "lucheng"],
    [140581, "jincheng"],
    [330100, "hangzhou"],
    ["330101", "hangzhou"], // 杭州市市辖区: still found in credit codes of the development zones
    [140500, "jincheng"],
    [350121, "minhou"],
    [210411, "shuncheng"],
  ])("%s → %s", (code, id) => expect(resolveRegion(code)).toBe(id));

  it("a city code above a county-level policy is #N/A: the district is unknown", () => {
    for (const [code, city, policy] of [
      ["330300", "温州市", "温州市鹿城区"],
      ["330301", "温州市市辖区", "温州市鹿城区"],
      ["350100", "福州市", "福州市闽侯县"],
      ["210400", "抚顺市", "抚顺市顺城区"],
    ]) {
      expectNa(() => resolveRegion(code), [`${city}（代码“${code}”）`, "只到市级", "无法确定区县", policy]);
    }
    expectNa(() => resolveRegion("温州"), ["温州市只到市级", "温州市鹿城区"]);
    expectNa(() => resolveRegion("福州市"), ["福州市只到市级", "福州市闽侯县"]);
  });

  it("a province code is #N/A naming the policy areas inside it", () => {
    expectNa(() => resolveRegion("330000"), ["浙江省", "只到省级", "温州市鹿城区", "杭州市"]);
    expectNa(() => resolveRegion("浙江"), ["浙江省只到省级"]);
    expectNa(() => resolveRegion(110000), ["北京市", "该地区无已编码的小升规政策"]);
  });

  it("a place outside the five policies is #N/A naming that place", () => {
    const error = expectNa(() => resolveRegion(110105), ["北京市朝阳区（代码“110105”）", "该地区无已编码的小升规政策"]);
    for (const region of FIVE_REGIONS) expect(error.detail).toContain(region);
    expectNa(() => resolveRegion("北京市朝阳区"), ["北京市朝阳区：该地区无已编码的小升规政策"]);
    expectNa(() => resolveRegion("西安市"), ["西安市：该地区无已编码的小升规政策"]);
    expectNa(() => resolveRegion("330303"), ["温州市龙湾区"]);
    expectNa(() => resolveRegion("350102"), ["福州市鼓楼区"]);
    expectNa(() => resolveRegion("新宾"), ["抚顺市新宾满族自治县"]);
  });

  it("an unknown 6-digit code is #N/A", () => {
    expectNa(() => resolveRegion("999999"), ["未知的行政区划代码“999999”"]);
    expectNa(() => resolveRegion(330199), ["未知的行政区划代码“330199”"]);
    expectNa(() => resolveRegion("330171"), ["未知的行政区划代码"]); // development-zone statistics codes are not shipped
  });
});

describe("historical codes and names (R12)", () => {
  it.each([
    ["330103", "下城区", "hangzhou"],
    ["330104", "江干区", "hangzhou"],
    ["330107", "半山区", "hangzhou"],
    ["330121", "萧山县", "hangzhou"],
    ["339005", "萧山市", "hangzhou"],
    ["330181", "萧山市", "hangzhou"],
    ["330123", "富阳县", "hangzhou"],
    ["339019", "富阳市", "hangzhou"],
    ["330183", "富阳市", "hangzhou"],
    ["330124", "临安县", "hangzhou"],
    ["330185", "临安市", "hangzhou"],
    ["330125", "余杭县", "hangzhou"],
    ["339021", "余杭市", "hangzhou"],
    ["330184", "余杭市", "hangzhou"],
    ["330126", "建德县", "hangzhou"],
    ["140511", "郊区", "jincheng"],
    ["140523", "高平县", "jincheng"],
    ["210411", "郊区", "shuncheng"],
  ])("%s %s → %s", (code, name, id) => {
    expect(resolveRegion(code)).toBe(id);
    expect(resolveRegion(Number(code))).toBe(id);
    expect(regionOfCode(code)).toBe(id);
    const city = id === "hangzhou" ? "杭州市" : id === "jincheng" ? "晋城市" : "抚顺市";
    expect(resolveRegion(city + name)).toBe(id);
  });

  it("historical names unique in China resolve bare; 郊区 is ambiguous and lists the historical ones", () => {
    expect(resolveRegion("江干区")).toBe("hangzhou");
    expect(resolveRegion("下城区")).toBe("hangzhou");
    expect(resolveRegion("萧山市")).toBe("hangzhou");
    expect(resolveRegion("晋城郊区")).toBe("jincheng");
    expectNa(() => resolveRegion("郊区"), ["阳泉市郊区", "晋城市郊区（历史区划）", "抚顺市郊区（历史区划）"]);
  });
});

describe("credit codes (USCC): positions 3–8", () => {
  const uscc = (division: string): string => makeUscc(`91${division}MA27XK5Q4`);

  it.each([
    ["330106", "hangzhou"],
    ["330100", "hangzhou"],
    ["330101", "hangzhou"],
    ["330302", "lucheng"],
    ["140525", "jincheng"],
    ["350121", "minhou"],
    ["210411", "shuncheng"],
    ["330183", "hangzhou"],
  ])("division %s → %s", (division, id) => {
    const code = uscc(division);
    expect(code.slice(2, 8)).toBe(division);
    expect(resolveRegion(code)).toBe(id);
    expect(resolveRegion(code.toLowerCase())).toBe(id);
  });

  it("only positions 3–8 matter", () => {
    expect(resolveRegion(makeUscc("91330302MA2AAAAAA"))).toBe("lucheng");
    expect(resolveRegion(makeUscc("52330302110105000"))).toBe("lucheng");
    expect(resolveRegion(makeUscc("91330100330302000"))).toBe("hangzhou");
  });

  it("a failed check character still resolves (R15: warning only) and is mentioned when #N/A", () => {
    const good = uscc("330106");
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    expect(resolveRegion(bad)).toBe("hangzhou");
    const outside = uscc("110105");
    const outsideBad = outside.slice(0, 17) + (outside[17] === "0" ? "1" : "0");
    expectNa(() => resolveRegion(outside), ["北京市朝阳区", "第3–8位“110105”"]);
    expectNa(() => resolveRegion(outsideBad), ["北京市朝阳区", "校验位不符"]);
  });

  it("above-level and unknown divisions in a credit code", () => {
    expectNa(() => resolveRegion(uscc("330300")), ["温州市", "无法确定区县"]);
    expectNa(() => resolveRegion(uscc("330000")), ["浙江省", "只到省级"]);
    expectNa(() => resolveRegion(uscc("999999")), ["未知的行政区划代码“999999”", "统一社会信用代码"]);
  });

  it("a credit code Excel turned into a number is #N/A with advice", () => {
    expectNa(() => resolveRegion(913301000000000000), ["统一社会信用代码被存成了数字"]);
  });
});

describe("ambiguous short names list their candidates", () => {
  it.each([
    ["西湖区", ["杭州市西湖区", "南昌市西湖区"], "杭州市西湖区"],
    ["西湖", ["杭州市西湖区", "南昌市西湖区"], "杭州市西湖区"],
    ["城区", ["晋城市城区", "阳泉市城区", "汕尾市城区"], "晋城市城区"],
    ["朝阳区", ["北京市朝阳区", "长春市朝阳区"], "北京市朝阳区"],
    ["鼓楼区", ["福州市鼓楼区", "南京市鼓楼区", "徐州市鼓楼区", "开封市鼓楼区"], "南京市鼓楼区"],
    ["抚顺", ["抚顺市", "抚顺市抚顺县"], "抚顺市顺城区"],
  ])("%s", (name, candidates, example) => {
    const error = expectNa(() => resolveRegion(name), [`“${name}”在全国有多个同名地区`, "请连同所属城市一起填写"]);
    for (const candidate of candidates) expect(error.detail).toContain(candidate);
    expect(error.detail).toContain(`如“${example}”`);
  });
});

describe("unknown, empty and malformed input", () => {
  it("unknown text is #N/A quoting it and listing the five regions", () => {
    const error = expectNa(() => resolveRegion("火星基地"), ["无法识别的地区“火星基地”"]);
    for (const region of FIVE_REGIONS) expect(error.detail).toContain(region);
    expectNa(() => resolveRegion(2500), ["无法识别的地区“2500”"]);
    expectNa(() => resolveRegion("33010"), ["无法识别的地区"]);
  });

  it.each([[""], ["   "], ["\u3000"], [null], [undefined], [[[null]]], [[[""]]]])(
    "empty %p is #N/A (missing region)",
    (value) => {
      expectNa(() => resolveRegion(value), ["未填写地区"]);
    },
  );

  it("a 1×1 range is read as its cell", () => {
    expect(resolveRegion([["杭州市"]])).toBe("hangzhou");
    expect(resolveRegion([[330302]])).toBe("lucheng");
  });

  it.each([
    [true],
    [false],
    [{}],
    [new Date(2024, 0, 1)],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [[["杭州", "晋城"]]],
  ])("non-text non-number %p is #VALUE!", (value) => {
    const error = errorOf(() => resolveRegion(value));
    expect(error.code).toBe("VALUE");
    expect(error.field).toBe("region");
  });
});

describe("errors name the field; answers are cached per input", () => {
  it("field defaults to region and follows the argument", () => {
    expect(errorOf(() => resolveRegion("火星")).field).toBe("region");
    const error = errorOf(() => resolveRegion("火星", "地区列"));
    expect(error.field).toBe("地区列");
    expect(error.message).toContain("地区列");
    // the cached answer is re-thrown with the new field
    expect(errorOf(() => resolveRegion("火星", "creditCode")).field).toBe("creditCode");
    expect(errorOf(() => resolveRegion(true, "x")).field).toBe("x");
  });

  it("repeated inputs give the same answer", () => {
    for (let i = 0; i < 3; i++) {
      expect(resolveRegion("杭州市西湖区")).toBe("hangzhou");
      expect(errorOf(() => resolveRegion("西湖区")).code).toBe("NA");
    }
  });

  it("many distinct inputs keep working past the cache bound", () => {
    for (let code = 100000; code < 106000; code++) {
      try {
        resolveRegion(code);
      } catch (error) {
        expect(error).toBeInstanceOf(XsgError);
      }
    }
    expect(resolveRegion(330104)).toBe("hangzhou");
  });
});

describe("regionOfCode", () => {
  it.each([
    ["330104", "hangzhou"],
    ["330302", "lucheng"],
    ["140581", "jincheng"],
    ["330100", "hangzhou"],
    ["330300", null],
    ["330000", null],
    ["110105", null],
    ["999999", null],
    ["abc", null],
    ["3301", null],
  ])("%s → %p", (code, id) => expect(regionOfCode(code)).toBe(id));
});

describe("properties", () => {
  it("resolve returns one of the five ids or throws an XsgError, for any input", () => {
    const ids = new Set<string>(REGION_IDS);
    const anyInput = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.integer({ min: 100000, max: 999999 }),
      fc.double(),
      fc.constantFrom("杭州", "西湖", "晋城市城区", "330104", "郊区", null, undefined, true, [], [[1]]),
      fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
      fc
        .array(fc.constantFrom("浙江省", "杭州市", "杭州", "西湖区", "城区", "温州", "鹿城", "区", "市"))
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(anyInput, (value) => {
        try {
          expect(ids.has(resolveRegion(value))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(XsgError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("a 6-digit code under 3301 or 1405 that the table knows always resolves to its city-level policy", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.constantFrom("3301", "1405"), (tail, prefix) => {
        const code = prefix + String(tail).padStart(2, "0");
        const id = regionOfCode(code);
        if (id !== null) expect(id).toBe(prefix === "3301" ? "hangzhou" : "jincheng");
      }),
    );
  });
});

import {
  cities,
  counties,
  normalizePlaceText,
  placeLabel,
  placeOfCode,
  placesNamed,
  stemsOf,
  type Place,
} from "../../../src/regions";
import { stripEthnicGroups } from "../../../src/regions/names";

const place = (code: string): Place => {
  const found = placeOfCode(code);
  if (!found) throw new Error(`no place ${code}`);
  return found;
};
const labels = (name: string): string[] => placesNamed(name).map(placeLabel);

describe("short forms", () => {
  it.each([
    ["330106", ["西湖"]],
    ["330302", ["鹿城"]],
    ["350121", ["闽侯"]],
    ["140502", []], // 城区: a 1-character stem would match far too much
    ["310115", ["浦东", "浦东新"]],
    ["429021", ["神农架", "神农架林"]],
    ["210422", ["新宾", "新宾满族"]],
    ["330100", ["杭州"]],
    ["222400", ["延边", "延边朝鲜族"]],
    ["450000", ["广西", "广西壮族"]],
    ["650000", ["新疆", "新疆维吾尔"]],
    ["330000", ["浙江"]],
  ])("stemsOf(%s)", (code, stems) => expect(stemsOf(place(code))).toEqual(stems));

  it("strips every ethnic group of an autonomous name, but never below 2 characters", () => {
    expect(stripEthnicGroups("双江拉祜族佤族布朗族傣族")).toBe("双江");
    expect(stripEthnicGroups("积石山保安族东乡族撒拉族")).toBe("积石山");
    expect(stripEthnicGroups("龙胜各族")).toBe("龙胜");
    expect(stripEthnicGroups("鄂温克族")).toBe("鄂温克族");
    expect(stripEthnicGroups("西湖")).toBe("西湖");
  });

  it("normalizes width, blanks and separators", () => {
    expect(normalizePlaceText(" 杭州市\u3000西湖区 ")).toBe("杭州市西湖区");
    expect(normalizePlaceText("杭州·西湖-区")).toBe("杭州西湖区");
    expect(normalizePlaceText("ｈａｎｇｚｈｏｕ")).toBe("hangzhou");
  });
});

describe("uniqueness of the canonical short forms, judged nationally", () => {
  it.each([
    ["鹿城区", "温州市鹿城区"],
    ["鹿城", "温州市鹿城区"],
    ["晋城", "晋城市"],
    ["晋城市", "晋城市"],
    ["闽侯", "福州市闽侯县"],
    ["闽侯县", "福州市闽侯县"],
    ["杭州", "杭州市"],
    ["顺城区", "抚顺市顺城区"],
    ["顺城", "抚顺市顺城区"],
  ])("%s names one place only: %s", (name, label) => expect(labels(name)).toEqual([label]));

  it("ambiguous names list every candidate", () => {
    expect(labels("西湖区")).toEqual(["杭州市西湖区", "南昌市西湖区"]);
    expect(labels("城区")).toEqual(["阳泉市城区", "晋城市城区", "汕尾市城区"]);
    expect(labels("朝阳区")).toEqual(["北京市朝阳区", "长春市朝阳区"]);
    // without suffix a name also meets cities and counties of other kinds
    expect(labels("朝阳")).toEqual(expect.arrayContaining(["北京市朝阳区", "长春市朝阳区", "朝阳市", "朝阳市朝阳县"]));
  });

  it("a full name wins over short forms of other names", () => {
    expect(labels("朝阳市")).toEqual(["朝阳市"]);
    expect(labels("抚顺县")).toEqual(["抚顺市抚顺县"]);
  });
});

describe("qualified names", () => {
  it.each([
    ["杭州市西湖区", ["杭州市西湖区"]],
    ["浙江省杭州市西湖区", ["杭州市西湖区"]],
    ["浙江杭州西湖", ["杭州市西湖区"]],
    ["浙江省西湖区", ["杭州市西湖区"]],
    ["南昌西湖区", ["南昌市西湖区"]],
    ["晋城市城区", ["晋城市城区"]],
    ["北京市朝阳区", ["北京市朝阳区"]],
    ["北京朝阳", ["北京市朝阳区"]],
    ["浙江省杭州市", ["杭州市"]],
    ["晋城郊区", ["晋城市郊区"]],
    ["温州市萧山区", []],
  ])("%s → %p", (name, expected) => expect(labels(name)).toEqual(expected));

  it("every county's and city's label names exactly that place", () => {
    const failures: string[] = [];
    for (const p of [...counties(), ...cities().filter((c) => !/市辖区|^县$|直辖/.test(c.name))]) {
      const label = placeLabel(p);
      const found = placesNamed(label);
      if (!found.some((f) => f.code === p.code) || new Set(found.map(placeLabel)).size !== 1) failures.push(label);
    }
    expect(failures).toEqual([]);
  });
});

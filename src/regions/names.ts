/**
 * Place names → places, the way officials write them (R12): full names (西湖区),
 * short forms without the suffix (西湖, 闽侯, 延边), and names qualified by their
 * province and/or city (浙江省杭州市西湖区, 杭州西湖区, 晋城市城区, 北京朝阳).
 * "Unique" is judged against every province, prefecture-level city and county-level
 * division of the table, current and historical, with and without suffix.
 */
import { foldWidth } from "../parse/text";
import { cities, counties, historicalCounties, isPseudoCity, type Place, provinces } from "./table";

/** Fold full width, drop blanks and the separators people put between names ("杭州市 西湖区", "杭州·西湖"). */
export function normalizePlaceText(text: string): string {
  return foldWidth(text).replace(/[\s\u3000\u00a0\ufeff·・•\-—_/]+/g, "");
}

/** The 56 ethnic groups as autonomous areas name them (without 族), plus 各 (龙胜各族自治县). Longest first. */
const ETHNIC_GROUPS = (
  "柯尔克孜 乌孜别克 维吾尔 哈萨克 塔吉克 达斡尔 鄂温克 鄂伦春 俄罗斯 塔塔尔 蒙古 布依 朝鲜 土家 哈尼 傈僳 高山 拉祜 " +
  "东乡 纳西 景颇 仫佬 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 德昂 保安 裕固 独龙 赫哲 门巴 珞巴 基诺 回 藏 苗 彝 壮 满 侗 " +
  "瑶 白 傣 黎 佤 畲 水 土 羌 怒 京 各"
).split(" ");

/**
 * "新宾满族" → "新宾", "双江拉祜族佤族布朗族傣族" → "双江", "巴音郭楞蒙古" → "巴音郭楞" (some
 * autonomous names drop 族; only multi-character groups are stripped bare, so a place
 * name's own last character is never taken for one). A stem never drops below 2 characters.
 */
export function stripEthnicGroups(stem: string): string {
  let rest = stem;
  for (;;) {
    const group = ETHNIC_GROUPS.find((g) => rest.endsWith(`${g}族`) && rest.length - g.length - 1 >= 2);
    if (group) {
      rest = rest.slice(0, rest.length - group.length - 1);
      continue;
    }
    const bare = ETHNIC_GROUPS.find((g) => g.length >= 2 && rest.endsWith(g) && rest.length - g.length >= 2);
    if (!bare) return rest;
    rest = rest.slice(0, rest.length - bare.length);
  }
}

function addStem(out: string[], stem: string, name: string): void {
  if (stem.length >= 2 && stem !== name && !out.includes(stem)) out.push(stem);
}

/** Short forms of a name, each at least 2 characters (城区 has none: "城" would match too much). */
export function stemsOf(place: Place): string[] {
  const name = place.name;
  const out: string[] = [];
  const autonomous = /^(.*)自治(县|旗|州|区)$/.exec(name);
  if (autonomous) {
    addStem(out, stripEthnicGroups(autonomous[1]), name);
    addStem(out, autonomous[1], name);
    return out;
  }
  if (place.level === "province") {
    addStem(out, name.replace(/(省|市)$/, ""), name);
  } else if (place.level === "city") {
    addStem(out, name.replace(/(市|地区|盟)$/, ""), name);
  } else if (/(新区|林区|特区|矿区)$/.test(name)) {
    addStem(out, name.slice(0, -2), name); // 浦东新区 → 浦东, 神农架林区 → 神农架
    addStem(out, name.slice(0, -1), name);
  } else if (/[区县市旗]$/.test(name)) {
    addStem(out, name.slice(0, -1), name);
  }
  return out;
}

interface NameIndex {
  /** full names → places */
  exact: Map<string, Place[]>;
  /** short forms → places */
  short: Map<string, Place[]>;
  /** the longest name or short form, to bound prefix scans */
  longest: number;
}

let index: NameIndex | null = null;

function push(map: Map<string, Place[]>, key: string, place: Place): void {
  const list = map.get(key);
  if (list) list.push(place);
  else map.set(key, [place]);
}

function buildIndex(): NameIndex {
  const exact = new Map<string, Place[]>();
  const short = new Map<string, Place[]>();
  let longest = 0;
  const all = [
    ...provinces(),
    ...cities().filter((c) => !isPseudoCity(c.name)),
    ...counties(),
    ...historicalCounties(),
  ];
  for (const place of all) {
    push(exact, place.name, place);
    longest = Math.max(longest, place.name.length);
    for (const stem of stemsOf(place)) push(short, stem, place);
  }
  return { exact, short, longest };
}

function nameIndex(): NameIndex {
  return (index ??= buildIndex());
}

/** Places called exactly `text` (full name first; short form only when no full name matches), within a scope. */
function named(text: string, inScope: (p: Place) => boolean = () => true): Place[] {
  const { exact, short } = nameIndex();
  const full = (exact.get(text) ?? []).filter(inScope);
  return full.length > 0 ? full : (short.get(text) ?? []).filter(inScope);
}

const isCounty = (p: Place): boolean => p.level === "county";
const isCity = (p: Place): boolean => p.level === "city";

/** Split `text` into a leading place of `level` (in scope) and a non-empty rest. */
function* heads(text: string, accept: (p: Place) => boolean): Generator<[Place, string]> {
  const max = Math.min(text.length - 1, nameIndex().longest);
  for (let i = 2; i <= max; i++) {
    for (const place of named(text.slice(0, i), accept)) yield [place, text.slice(i)];
  }
}

/** "杭州市西湖区", "浙江省杭州市西湖区", "浙江杭州", "北京市朝阳区", "晋城郊区": every reading that fits. */
function qualified(text: string): Place[] {
  const found: Place[] = [];
  const countiesIn = (rest: string, city: Place): Place[] =>
    named(rest, (p) => isCounty(p) && p.cityCode === city.cityCode);
  for (const [city, rest] of heads(text, isCity)) found.push(...countiesIn(rest, city));
  for (const [province, rest] of heads(text, (p) => p.level === "province")) {
    const inProvince = (p: Place): boolean => p.provinceCode === province.provinceCode && p.level !== "province";
    found.push(...named(rest, inProvince));
    for (const [city, countyText] of heads(rest, (p) => isCity(p) && inProvince(p))) {
      found.push(...countiesIn(countyText, city));
    }
  }
  return found;
}

/** One entry per place: the same code under the same name counts once. */
function unique(places: Place[]): Place[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${p.code}${p.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every place `name` can mean, nationally: the candidates an ambiguous name is
 * listed with. Empty when nothing matches. Input is normalized (width, blanks).
 */
export function placesNamed(name: string): readonly Place[] {
  const text = normalizePlaceText(name);
  if (text.length < 2) return [];
  const bare = named(text);
  return unique(bare.length > 0 ? bare : qualified(text));
}

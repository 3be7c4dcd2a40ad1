import type { RegionId } from "../model";

/**
 * What a policy covers (R12). "city": every county-level code under the 4-digit prefix
 * of `divisionCode` (and the city's own codes); "county": exactly that county.
 * Policies (src/policies) carry these four fields; the resolver needs nothing else.
 */
export interface RegionCoverage {
  readonly id: RegionId;
  /** Canonical Chinese name, e.g. 温州市鹿城区, 杭州市. */
  readonly regionName: string;
  /** 6-digit GB/T 2260 code: 330302, 330100. */
  readonly divisionCode: string;
  readonly level: "city" | "county";
}

/** The five canonical policy regions, in the order the README lists them (model.ts CANONICAL_REGION_IDS). */
export const DEFAULT_COVERAGES: readonly RegionCoverage[] = [
  { id: "lucheng", regionName: "温州市鹿城区", divisionCode: "330302", level: "county" },
  { id: "jincheng", regionName: "晋城市", divisionCode: "140500", level: "city" },
  { id: "minhou", regionName: "福州市闽侯县", divisionCode: "350121", level: "county" },
  { id: "hangzhou", regionName: "杭州市", divisionCode: "330100", level: "city" },
  { id: "shuncheng", regionName: "抚顺市顺城区", divisionCode: "210411", level: "county" },
];

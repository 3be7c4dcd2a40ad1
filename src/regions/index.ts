/**
 * Region resolution (R12) and the national division table.
 *
 * `createRegionResolver(coverages)` is pure and data-driven; the default instance
 * below is bound to the five canonical regions (DEFAULT_COVERAGES). The policy
 * registry carries the same four fields per policy, so a host may bind
 * `createRegionResolver(POLICIES)` instead.
 */
import type { RegionId } from "../model";
import { DEFAULT_COVERAGES } from "./coverages";
import { createRegionResolver } from "./resolver";

export { DEFAULT_COVERAGES, type RegionCoverage } from "./coverages";
export { createRegionResolver, type RegionResolver } from "./resolver";
export { normalizePlaceText, placesNamed, stemsOf } from "./names";
export {
  cities,
  cityOf,
  counties,
  describePlace,
  historicalCounties,
  placeLabel,
  placeOfCode,
  provinceOf,
  provinces,
  type Place,
  type PlaceLevel,
} from "./table";
export { DIVISION_COUNTS, DIVISION_SOURCE } from "../data/divisions.generated";
export { HISTORICAL_DIVISIONS, type HistoricalDivision } from "../data/divisions-historical";

/** The resolver of the five canonical regions. */
export const defaultRegionResolver = createRegionResolver(DEFAULT_COVERAGES);

/** The policy region `value` names (name, short form, 6-digit code, USCC); throws XsgError per R12. Cached. */
export function resolveRegion(value: unknown, field = "region"): RegionId {
  return defaultRegionResolver.resolve(value, field);
}

/** The canonical region covering a 6-digit division code, or null. */
export function regionOfCode(code: string): RegionId | null {
  return defaultRegionResolver.regionOfCode(code);
}

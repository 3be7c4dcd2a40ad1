/**
 * Region resolution (R12) and the national division table. `createRegionResolver(coverages)`
 * is pure and data-driven; the policy catalog (src/policies/catalog.ts) builds one from its
 * documents, and resolveRegion (src/policies/active.ts) uses the active catalog's.
 */
export { createRegionResolver, type RegionResolver, type RegionCoverage } from "./resolver";
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

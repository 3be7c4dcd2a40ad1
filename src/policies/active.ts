/**
 * The catalog the hosts evaluate with. It starts as the built-in documents; a host that lets
 * the official import documents (taskpane, offline page, CLI --policy) builds a catalog with
 * BUILT_IN_CATALOG.withUserDocuments(...) and makes it active here. The custom functions, the
 * fill and the lookup all read the active catalog, so they always use the same documents.
 */
import type { RegionId } from "../model";
import type { PolicyCatalog } from "./catalog";
import { BUILT_IN_CATALOG } from "./built-in";

let active: PolicyCatalog = BUILT_IN_CATALOG;

export function activeCatalog(): PolicyCatalog {
  return active;
}

/** Makes `catalog` the one every host evaluates with (pass BUILT_IN_CATALOG to go back). */
export function useCatalog(catalog: PolicyCatalog): void {
  active = catalog;
}

/** The policy region `value` names (name, short form, 6-digit code, USCC); throws XsgError per R12. Cached. */
export function resolveRegion(value: unknown, field = "region"): RegionId {
  return active.resolver.resolve(value, field);
}

/** The region covering a 6-digit division code, or null. */
export function regionOfCode(code: string): RegionId | null {
  return active.resolver.regionOfCode(code);
}

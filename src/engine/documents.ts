/**
 * Which document of a region answers (R4): the one covering the enterprise's upgrade year U.
 * Shared by the custom functions and evaluate() (hence the fill and the lookup).
 */
import { activeCatalog, pastEndError, type RegionDocuments } from "../policies";
import type { Policy } from "../policies/types";
import type { Enterprise } from "../model";
import type { XsgError } from "../errors";
import { orThrow } from "./inputs";

/**
 * The document for year Y and upgrade year U (either may be missing: U omitted ⇒ U = Y, R3;
 * neither ⇒ the region's latest document). U after every document of the region ⇒ #N/A saying
 * a newer document can be imported; an impossible U stays #VALUE! (R3), checked first.
 */
export function documentAt(region: RegionDocuments, year: number | null, upgradeYear: number | null): Policy {
  return orThrow(documentOrError(region, year, upgradeYear));
}

/** documentAt's answer with its #N/A returned, not thrown (see orThrow). */
export function documentOrError(
  region: RegionDocuments,
  year: number | null,
  upgradeYear: number | null,
): Policy | XsgError {
  const until = region.coveredUntil;
  const single = region.documents.length === 1;
  if (single && until === Infinity) return region.latest;
  const omitted = upgradeYear === null || upgradeYear === undefined;
  const u = omitted ? year : upgradeYear;
  if (u === null || u === undefined) return region.latest;
  // An impossible U (not an integer, after Y) is the engine's #VALUE! (R3): which document it
  // gets does not matter, the engine checks U before anything else.
  if (u > until && Number.isInteger(u) && (omitted || year === null || year === undefined || u <= year))
    return pastEndError(region, u, omitted ? "year" : "upgradeYear");
  return single ? region.latest : region.documentFor(u);
}

/** The region and document an enterprise is evaluated under in `year` (never throws for U: see evaluationNotes). */
export function enterpriseDocument(enterprise: Enterprise, year: number): { region: RegionDocuments; policy: Policy } {
  const region = activeCatalog().region(enterprise.region);
  return { region, policy: region.documentFor(enterprise.upgradeYear ?? year) };
}

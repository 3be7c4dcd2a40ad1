/**
 * Policies as data. The documents are JSON files (src/policies/documents/, format
 * docs/policy-document.schema.json); the catalog groups them by region and upgrade year (R4);
 * the loader checks an official's document and refuses it whole when anything is wrong.
 */
import type { RegionId } from "../model";
import { activeCatalog } from "./active";
import { BUILT_IN_CATALOG } from "./built-in";
import { createPolicyCatalog, deepFreeze } from "./catalog";
import { PolicySchemaError, validatePolicy } from "./schema";
import type { Policy } from "./types";

/** The built-in documents, in file-name order. */
export const POLICIES: readonly Policy[] = BUILT_IN_CATALOG.documents;

/** The latest document of a region of the active catalog; #N/A (field "region") when there is none. */
export function getPolicy(id: RegionId): Policy {
  return activeCatalog().region(id).latest;
}

export interface PolicyRegistry {
  readonly policies: readonly Policy[];
  /** The latest document of a region id; #N/A (field "region") when there is none. */
  get(id: RegionId): Policy;
  has(id: RegionId): boolean;
}

/**
 * A catalog of other documents given as objects (a test fixture), validated first: throws
 * PolicySchemaError listing every problem of every document.
 */
export function createPolicyRegistry(modules: readonly unknown[]): PolicyRegistry {
  const problems = modules.flatMap((module) => validatePolicy(module));
  if (problems.length > 0) throw new PolicySchemaError(problems);
  const result = createPolicyCatalog(
    (modules as readonly Policy[]).map((policy) => ({
      policy: deepFreeze(policy),
      origin: "built-in" as const,
      file: policy.id,
    })),
  );
  if (!result.ok) throw new PolicySchemaError(result.problems.map((problem) => problem.text));
  const { catalog } = result;
  return {
    policies: catalog.documents,
    get: (id) => catalog.region(id).latest,
    has: (id) => catalog.hasRegion(id),
  };
}

export { BUILT_IN_CATALOG } from "./built-in";
export { activeCatalog, useCatalog, resolveRegion, regionOfCode } from "./active";
export {
  createPolicyCatalog,
  pastEndError,
  pastEndText,
  type CatalogEntry,
  type CatalogOptions,
  type CatalogProblem,
  type CatalogResult,
  type PolicyCatalog,
  type RegionDocuments,
  type UserDocument,
} from "./catalog";
export { parsePolicyDocument, serializePolicyDocument, type LoadResult } from "./loader";
export { documentLabel } from "./naming";
export {
  PolicySchemaError,
  validatePolicy,
  validatePolicyDocument,
  assertValidPolicy,
  type PolicyProblem,
} from "./schema";
export { KIND_SPECS } from "./kinds";
export { RULINGS, rulingById } from "./rulings";
export { READINGS } from "./readings";
export type * from "./types";
export { UNITS, CLAUSE_KINDS, POLICY_FORMAT } from "./types";
export * from "./imports";

/**
 * The public facade of the policy core: hosts (custom functions, taskpane, fill engine,
 * CLI) import only from here. Pure TypeScript: no Office, no DOM, no I/O.
 */
export * from "./model";
export { XsgError, isXsgError, naError, valueError, fieldLabel, FIELD_LABELS, type XsgErrorCode } from "./errors";

// Parsers (R1, R3, R7, R9, R15)
export * from "./parse";

// Regions (R12). resolveRegion uses the active policy catalog's regions (src/policies/active.ts).
export { createRegionResolver, describePlace, placesNamed, type RegionCoverage, type RegionResolver } from "./regions";

// Policies as data
export {
  POLICIES,
  getPolicy,
  createPolicyRegistry,
  BUILT_IN_CATALOG,
  activeCatalog,
  useCatalog,
  resolveRegion,
  regionOfCode,
  createPolicyCatalog,
  pastEndError,
  pastEndText,
  parsePolicyDocument,
  serializePolicyDocument,
  documentLabel,
  validatePolicyDocument,
  POLICY_FORMAT,
  type CatalogEntry,
  type CatalogOptions,
  type CatalogProblem,
  type CatalogResult,
  type PolicyCatalog,
  type RegionDocuments,
  type UserDocument,
  type LoadResult,
  type PolicyProblem,
  type TagDefinition,
  validatePolicy,
  assertValidPolicy,
  PolicySchemaError,
  RULINGS,
  READINGS,
  KIND_SPECS,
  type PolicyRegistry,
  type Policy,
  type Clause,
  type ClauseKind,
  type Quantity,
  type Unit,
  type Exclusion,
  type CultivationPool,
  type PolicyStatus,
  type ReadingId,
} from "./policies";

// Engine
export {
  upgradeAward,
  upgradeAwardOrError,
  isFirstYearEligible,
  maxTotalAward,
  awardSchedule,
  cultivationStatus,
  techSubsidy,
  rentSubsidy,
  contractAward,
  evaluate,
  evaluatePolicy,
  documentAt,
  documentOrError,
  orThrow,
  enterpriseDocument,
  explainAward,
  describePolicy,
  formatWan,
  formatFenAsWan,
  SCALE_THRESHOLD_FEN,
  type ClauseOutcome,
  type Evaluation,
  type CultivationStatus,
} from "./engine";

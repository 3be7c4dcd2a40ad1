/**
 * The policy registry. The five shipped documents are validated by the test suite
 * (test/unit/policies), not at load: that keeps the schema out of the custom-functions
 * bundle, whose size is budgeted. A registry built from other modules (a sixth region, a
 * test fixture) goes through createPolicyRegistry, which validates them first.
 */
import { naError } from "../errors";
import { CANONICAL_REGION_IDS, type RegionId } from "../model";
import { hangzhou } from "./hangzhou";
import { jincheng } from "./jincheng";
import { lucheng } from "./lucheng";
import { minhou } from "./minhou";
import { PolicySchemaError, validatePolicy } from "./schema";
import { shuncheng } from "./shuncheng";
import type { Policy } from "./types";

export interface PolicyRegistry {
  readonly policies: readonly Policy[];
  /** The policy of a region id; #N/A (field "region") when there is none. */
  get(id: RegionId): Policy;
  has(id: RegionId): boolean;
}

/** Validates every module (all problems at once), freezes them and indexes them by id. */
export function createPolicyRegistry(modules: readonly unknown[]): PolicyRegistry {
  const problems = modules.flatMap((module) => validatePolicy(module));
  if (problems.length > 0) throw new PolicySchemaError(problems);
  return indexPolicies(modules as readonly Policy[]);
}

/** Freezes already-valid policies and indexes them by id. */
function indexPolicies(modules: readonly Policy[]): PolicyRegistry {
  const byId = new Map<string, Policy>();
  for (const policy of modules) {
    if (byId.has(policy.id)) throw new PolicySchemaError([`policies/${policy.id}: id 与已有政策重复`]);
    byId.set(policy.id, deepFreeze(policy));
  }
  const policies = Object.freeze([...byId.values()]);
  return {
    policies,
    get(id) {
      const policy = byId.get(id);
      if (!policy) {
        throw naError(
          "region",
          `该地区无已编码的小升规政策（${String(id)}）；已编码：${policies.map((p) => p.regionName).join("、")}`,
        );
      }
      return policy;
    },
    has: (id) => byId.has(id),
  };
}

/** The five shipped documents in the order of CANONICAL_REGION_IDS. */
export const POLICY_MODULES: readonly Policy[] = [lucheng, jincheng, minhou, hangzhou, shuncheng];

export const DEFAULT_REGISTRY: PolicyRegistry = indexPolicies(POLICY_MODULES);

export const POLICIES: readonly Policy[] = DEFAULT_REGISTRY.policies;

export function getPolicy(id: RegionId): Policy {
  return DEFAULT_REGISTRY.get(id);
}

// The shipped order is part of the contract (XSG.REGIONS lists it).
if (POLICIES.map((policy) => policy.id).join() !== CANONICAL_REGION_IDS.join()) {
  throw new Error("POLICY_MODULES must follow CANONICAL_REGION_IDS");
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

export { PolicySchemaError, validatePolicy, assertValidPolicy } from "./schema";
export { KIND_SPECS } from "./kinds";
export { RULINGS, rulingById } from "./rulings";
export { READINGS } from "./readings";
export type * from "./types";
export { UNITS, CLAUSE_KINDS } from "./types";

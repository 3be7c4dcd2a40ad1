/**
 * evaluate() for the batch fill, without its objects. A fill evaluates 100,000 rows and shows
 * seven cells for each; building an Evaluation per row (one ClauseOutcome per clause, 10–17)
 * made garbage collection a third of the fill. Here each clause's outcome code goes into a
 * typed array reused for every row of the region (as upgradeAward keeps its codes in locals),
 * and reason text is built only for the clauses a cell quotes (clauseReasons).
 *
 * The decisions come from the same functions evaluate() uses (clause-outcome.ts, facts.ts);
 * test/unit/fill/fill-row.test.ts holds the fill's cells to those built from evaluate().
 */
import type { Enterprise } from "../model";
import type { Policy, RegionDocuments } from "../policies";
import { enterpriseDocument } from "./documents";
import { clauseCode, clauseText, contractOutcomes } from "./clause-outcome";
import { evaluationNotes } from "./evaluate";
import { emptyFacts, readFacts, type Facts } from "./facts";
import { isCovered, planOf, type PolicyPlan } from "./plan";
import { RulingSet } from "./ruling-set";

/** One row's clause outcomes. Reused: valid until the next evaluateCodes() for the same region. */
export interface ClauseCodes {
  readonly plan: PolicyPlan;
  readonly facts: Facts;
  /** Per clause of plan.clauses: an amount ≥ 0 in 元, or an outcome code < 0 (plan.ts). */
  readonly codes: Float64Array;
  /** Evaluation-level remarks, as Evaluation.notes. */
  notes: readonly string[];
}

const reused = new WeakMap<PolicyPlan, ClauseCodes>();

/** The outcome codes of an enterprise of the active catalog in `year`; throws the XsgError evaluate() throws. */
export function evaluateCodes(enterprise: Enterprise, year: number): ClauseCodes {
  const { region, policy } = enterpriseDocument(enterprise, year);
  return evaluatePolicyCodes(policy, enterprise, year, region);
}

/** The same against a given policy (any registry, e.g. a test fixture), as evaluatePolicy(). */
export function evaluatePolicyCodes(
  policy: Policy,
  enterprise: Enterprise,
  year: number,
  region?: RegionDocuments,
): ClauseCodes {
  const plan = planOf(policy);
  let result = reused.get(plan);
  if (result === undefined) {
    result = { plan, facts: emptyFacts(), codes: new Float64Array(plan.clauses.length), notes: [] };
    reused.set(plan, result);
  }
  const facts = readFacts(enterprise, year, result.facts);
  const { clauses } = plan;
  for (let i = 0; i < clauses.length; i++) result.codes[i] = clauseCode(plan, clauses[i], facts);
  result.notes = evaluationNotes(plan.policy, facts, isCovered(plan, facts.upgradeYear), region);
  return result;
}

/** Rulings that text building records; the fill does not report them. */
const unreportedRulings = new RulingSet();

/** The reasons evaluate() gives clause `index` (its "full" text), e.g. for an award refusal quoted in 说明. */
export function clauseReasons(codes: ClauseCodes, index: number): string[] {
  const { plan, facts } = codes;
  const c = plan.clauses[index];
  const code = codes.codes[index];
  const contracts = c.kind === "contract-percent" && code >= 0 ? contractOutcomes(c, facts) : null;
  return clauseText(plan, c, facts, code, contracts, unreportedRulings).reasons;
}

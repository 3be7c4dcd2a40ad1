/**
 * Every quote occurs verbatim in the project's copy of its document (docs/sources/<id>.txt,
 * copied from the published texts; line breaks of the extraction removed, see sourceText.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { POLICIES } from "../../../src/policies";
import { normalizeSourceText } from "../../../src/policies/sourceText";
import type { Policy } from "../../../src/policies/types";
import { ningbo } from "../../fixtures/ningbo";

const ROOT = join(__dirname, "../../..");

function quotesOf(policy: Policy): [string, string][] {
  const quotes: [string, string][] = policy.clauses.map((clause) => [clause.id, clause.quote]);
  for (const exclusion of policy.exclusions) quotes.push([exclusion.id, exclusion.quote]);
  if (policy.stacking.quote) quotes.push(["stacking", policy.stacking.quote]);
  if (policy.cultivationPool) quotes.push(["cultivationPool", policy.cultivationPool.quote]);
  return quotes;
}

describe.each([...POLICIES, ningbo].map((policy) => [policy.id, policy] as const))("%s quotes", (_id, policy) => {
  const source = normalizeSourceText(readFileSync(join(ROOT, policy.source), "utf8"));

  it.each(quotesOf(policy))("%s occurs verbatim in the source copy", (_where, quote) => {
    expect(source).toContain(quote);
  });

  it("the document number and title occur in the source (drafts: the title)", () => {
    const compact = source.replace(/\s/g, "");
    if (policy.status === "正式") expect(compact).toContain(policy.documentNumber.replace(/\s/g, ""));
    expect(compact).toContain(policy.title.replace(/（征求意见稿）$/, "").replace(/\s/g, ""));
  });

  it("every number in a quantified clause's parameters appears in its quote or the rulings' fixed threshold", () => {
    for (const clause of policy.clauses) {
      for (const [name, value] of Object.entries(clause.params)) {
        const quantities = Array.isArray(value) ? value.map((item) => item.amount) : [value];
        for (const quantity of quantities) {
          if (quantity.value === 0 || name.toLowerCase().includes("revenuethreshold")) continue; // R2 / R5 values
          if (clause.id === "minhou.3.1") continue; // 30 万元 分三年兑现 ⇒ 10 each (R5)
          expect([clause.id, name, clause.quote.includes(String(quantity.value))]).toEqual([clause.id, name, true]);
        }
      }
    }
  });
});

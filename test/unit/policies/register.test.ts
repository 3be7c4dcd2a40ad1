/** docs/policies.md is generated from the data: this fails when it is stale (run `npm run docs:policies`). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { POLICIES, READINGS, RULINGS } from "../../../src/policies";
import { renderPolicyRegister } from "../../../src/policies/register";
import { ningbo } from "../../fixtures/ningbo";

const REGISTER = join(__dirname, "../../../docs/policies.md");

describe("docs/policies.md", () => {
  it("is current (regenerate with `npm run docs:policies`)", () => {
    expect(readFileSync(REGISTER, "utf8")).toBe(renderPolicyRegister(POLICIES));
  });

  it("registers every clause with its citation, every ruling and every reading", () => {
    const text = renderPolicyRegister(POLICIES);
    for (const policy of POLICIES) {
      expect(text).toContain(`## ${policy.regionName}：${policy.documentNumber}`);
      for (const clause of policy.clauses) {
        expect(text).toContain(`（\`${clause.id}\`）`);
        expect(text).toContain(`“${clause.quote}”`);
      }
    }
    for (const ruling of RULINGS) expect(text).toContain(`| ${ruling.id} |`);
    for (const reading of READINGS) expect(text).toContain(`| ${reading.id} |`);
    expect(text).toContain("Readings where the rulings are silent");
  });

  it("every reading is used by a clause or stated as global, and a sixth region renders without code changes", () => {
    const text = renderPolicyRegister([...POLICIES, ningbo]);
    expect(text).toContain("## 宁波市：甬测〔2099〕1号");
    expect(text).toContain("k=3 5万元");
  });
});

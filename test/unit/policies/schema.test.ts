/**
 * The schema refuses malformed policy data with a message naming the module and the field.
 * Each case mutates a copy of a shipped module in one way.
 */
import { createPolicyRegistry, getPolicy, POLICIES, PolicySchemaError, validatePolicy } from "../../../src/policies";

const POLICY_MODULES = POLICIES;
const hangzhou = getPolicy("hangzhou");
const lucheng = getPolicy("lucheng");
const minhou = getPolicy("minhou");

type Mutable = Record<string, any>;
const copy = (policy: object): Mutable => JSON.parse(JSON.stringify(policy));
const clauseIndex = (policy: Mutable, id: string) => policy.clauses.findIndex((clause: Mutable) => clause.id === id);

function problemsAfter(policy: object, mutate: (draft: Mutable) => void): string[] {
  const draft = copy(policy);
  mutate(draft);
  return validatePolicy(draft);
}

describe("policy schema", () => {
  it("accepts the five shipped modules", () => {
    for (const module of POLICY_MODULES) expect(validatePolicy(module)).toEqual([]);
  });

  it("refuses a misspelt key at the top, in a clause and in conditions", () => {
    expect(
      problemsAfter(hangzhou, (d) => {
        d.documentNumbr = d.documentNumber;
        delete d.documentNumber;
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining("policies/hangzhou: documentNumbr 未知字段"),
        "policies/hangzhou: documentNumber 缺失",
      ]),
    );
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[0].conditon = {};
      }),
    ).toEqual([expect.stringContaining("policies/hangzhou: clauses[0].conditon 未知字段")]);
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[0].conditions.anyOfTag = ["个转企"];
      }),
    ).toEqual([expect.stringContaining("policies/hangzhou: clauses[0].conditions.anyOfTag 未知字段")]);
  });

  it("refuses a misspelt or missing parameter of the clause's kind", () => {
    const tech = clauseIndex(hangzhou, "hangzhou.5");
    const problems = problemsAfter(hangzhou, (d) => {
      d.clauses[tech].params.rat = d.clauses[tech].params.rate;
      delete d.clauses[tech].params.rate;
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`policies/hangzhou: clauses[${tech}].params.rat percent-of-investment 不接受此参数`),
        `policies/hangzhou: clauses[${tech}].params.rate 缺失`,
      ]),
    );
  });

  it("refuses an amount without a unit (object without unit, or a bare number) and a wrong unit", () => {
    const tech = clauseIndex(hangzhou, "hangzhou.5");
    expect(
      problemsAfter(hangzhou, (d) => {
        delete d.clauses[tech].params.cap.unit;
      }),
    ).toEqual([`policies/hangzhou: clauses[${tech}].params.cap.unit 缺失`]);
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[tech].params.cap = 5000;
      }),
    ).toEqual([expect.stringContaining(`policies/hangzhou: clauses[${tech}].params.cap.unit 缺失`)]);
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[tech].params.rate.unit = "万元";
      }),
    ).toEqual([expect.stringContaining(`policies/hangzhou: clauses[${tech}].params.rate.unit 单位应为 %`)]);
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[0].params.instalments[0].amount = { value: 20 };
      }),
    ).toEqual(["policies/hangzhou: clauses[0].params.instalments[0].amount.unit 缺失"]);
  });

  it("refuses a missing or empty citation", () => {
    expect(
      problemsAfter(minhou, (d) => {
        delete d.clauses[1].quote;
      }),
    ).toEqual(["policies/minhou: clauses[1].quote 缺失"]);
    expect(
      problemsAfter(minhou, (d) => {
        d.clauses[1].quote = "";
      }),
    ).toEqual([expect.stringContaining("policies/minhou: clauses[1].quote 缺失引文")]);
    expect(
      problemsAfter(minhou, (d) => {
        d.clauses[1].quote = "第一行\n第二行";
      }),
    ).toEqual([expect.stringContaining("policies/minhou: clauses[1].quote 引文不能含换行")]);
    expect(
      problemsAfter(lucheng, (d) => {
        d.exclusions[0].quote = null;
      }),
    ).toEqual([expect.stringContaining("policies/lucheng: exclusions[0].quote 缺失引文")]);
  });

  it("refuses wrong types", () => {
    expect(
      problemsAfter(hangzhou, (d) => {
        d.divisionCode = 330100;
      }),
    ).toEqual([expect.stringContaining("policies/hangzhou: divisionCode 应为6位")]);
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[0].params.instalments[1].k = "1";
      }),
    ).toEqual([expect.stringContaining("policies/hangzhou: clauses[0].params.instalments[1].k 应为整数")]);
    expect(
      problemsAfter(hangzhou, (d) => {
        d.issueDate = "2024-02-30";
      }),
    ).toEqual([expect.stringContaining("policies/hangzhou: issueDate 应为 YYYY-MM-DD")]);
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[0].kind = "upgrade-scheduel";
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          "policies/hangzhou: clauses[0].kind XSG 不认识条款类型 “upgrade-scheduel”；认识的类型：upgrade-schedule（升规奖励分年表）、upgrade-bonus",
        ),
      ]),
    );
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[0].category = "tech";
      }),
    ).toEqual([
      expect.stringContaining("policies/hangzhou: clauses[0].category upgrade-schedule 条款的类别应为 award"),
    ]);
  });

  it("refuses duplicate clause ids and ids outside the policy's namespace", () => {
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[1].id = d.clauses[0].id;
      }),
    ).toEqual(["policies/hangzhou: clauses[1].id 重复的条款 id “hangzhou.1”"]);
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[1].id = "lucheng.9";
      }),
    ).toEqual([expect.stringContaining("policies/hangzhou: clauses[1].id 应形如")]);
  });

  it("refuses tags that are not canonical (R7)", () => {
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[1].conditions.anyOfTags = ["个体户转企"];
      }),
    ).toEqual([
      expect.stringContaining(
        "policies/hangzhou: clauses[1].conditions.anyOfTags[0] 不是已定义的标签（R7）：“个体户转企”",
      ),
    ]);
    expect(
      problemsAfter(lucheng, (d) => {
        d.exclusions[1].tags.push("亩均E");
      }),
    ).toEqual([expect.stringContaining("policies/lucheng: exclusions[1].tags[2] 不是已定义的标签")]);
  });

  it("refuses rulings and readings that do not exist", () => {
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[0].rulings.push("R16");
      }),
    ).toEqual([expect.stringContaining("policies/hangzhou: clauses[0].rulings[5] 不存在的口径 “R16”")]);
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[0].readings = ["D999"];
      }),
    ).toEqual([expect.stringContaining("policies/hangzhou: clauses[0].readings[0] 不存在的解读 “D999”")]);
  });

  it("refuses inconsistent data: schedule total, exclusion targets, k windows, percent precision", () => {
    expect(
      problemsAfter(minhou, (d) => {
        d.clauses[1].params.maxTotal.value = 40;
      }),
    ).toEqual([expect.stringContaining("policies/minhou: clauses[1].params.maxTotal 与分年金额合计不符")]);
    expect(
      problemsAfter(lucheng, (d) => {
        d.exclusions[2].allowedClauses.push("lucheng.99");
      }),
    ).toEqual([
      expect.stringContaining("policies/lucheng: exclusions[2].allowedClauses[3] 不存在的条款 id “lucheng.99”"),
    ]);
    expect(
      problemsAfter(hangzhou, (d) => {
        delete d.clauses[0].conditions.k;
      }),
    ).toEqual([expect.stringContaining("policies/hangzhou: clauses[0].conditions.k 缺失")]);
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[0].conditions.k.to = 1;
      }),
    ).toEqual([expect.stringContaining("policies/hangzhou: clauses[0].conditions.k 分期 k=2 不在 0..1 内")]);
    const tech = clauseIndex(hangzhou, "hangzhou.5");
    expect(
      problemsAfter(hangzhou, (d) => {
        d.clauses[tech].params.rate.value = 10.125;
      }),
    ).toEqual([expect.stringContaining(`policies/hangzhou: clauses[${tech}].params.rate.value 百分比最多2位小数`)]);
    expect(
      problemsAfter(hangzhou, (d) => {
        delete d.clauses[tech].conditions.rateTags;
      }),
    ).toEqual([
      expect.stringContaining(
        `policies/hangzhou: clauses[${tech}].conditions.rateTags rateTags 与 params.tagRate 须同时给出`,
      ),
    ]);
  });

  it("the registry refuses a bad module, listing every problem with its file", () => {
    const bad = copy(hangzhou);
    bad.clauses[0].params.instalments[0].amount = { value: 20 };
    bad.status = "草稿";
    let thrown: unknown;
    try {
      createPolicyRegistry([lucheng, bad]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicySchemaError);
    const problems = (thrown as PolicySchemaError).problems;
    expect(problems).toHaveLength(2);
    expect((thrown as Error).message).toContain("policies/hangzhou: clauses[0].params.instalments[0].amount.unit 缺失");
    expect((thrown as Error).message).toContain("policies/hangzhou: status 应为 正式 | 征求意见稿 之一");
  });

  it("the registry refuses two policies with one id", () => {
    expect(() => createPolicyRegistry([lucheng, copy(lucheng)])).toThrow("lucheng：文件 id “lucheng”与 lucheng 相同");
  });
});

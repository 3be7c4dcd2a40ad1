/**
 * The policy documents as data files: the generated index and JSON Schema are current, every
 * built-in file loads through the same loader an official's file goes through and exports back
 * to an equal document, a bad document is refused whole with every problem named (file, clause,
 * field, in Chinese), and the catalog keeps a user document from silently replacing a built-in one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  BUILT_IN_CATALOG,
  CLAUSE_KINDS,
  KIND_SPECS,
  POLICIES,
  parsePolicyDocument,
  serializePolicyDocument,
  type Policy,
} from "../../../src/policies";
import { renderPolicySchema } from "../../../src/policies/json-schema";
import { upgradeAward } from "../../../src";

const { renderIndex, indexFile, documentFiles, folder } = require("../../../scripts/policy-index.cjs");

const ROOT = path.join(__dirname, "../../..");
type Mutable = Record<string, any>;
const hangzhouText = () => fs.readFileSync(path.join(folder, "40-hangzhou.json"), "utf8");
const draft = (): Mutable => JSON.parse(hangzhouText());
const problemsOf = (document: unknown, file = "x.json") => {
  const result = parsePolicyDocument(document, file);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
};

describe("generated files", () => {
  it("the index lists every document file (npm run docs:policies)", () => {
    expect(fs.readFileSync(indexFile, "utf8")).toBe(renderIndex());
    expect(documentFiles()).toEqual([
      "10-lucheng.json",
      "20-jincheng.json",
      "30-minhou.json",
      "40-hangzhou.json",
      "50-shuncheng.json",
    ]);
  });

  it("the published JSON Schema is current", () => {
    expect(fs.readFileSync(path.join(ROOT, "docs/policy-document.schema.json"), "utf8")).toBe(renderPolicySchema());
  });

  it("the JSON Schema names every clause kind with its parameters", () => {
    const schema = JSON.parse(renderPolicySchema());
    const rules = schema.$defs.clause.allOf as Mutable[];
    expect(rules.map((rule) => rule.if.properties.kind.const)).toEqual([...CLAUSE_KINDS]);
    const tech = rules.find((rule) => rule.if.properties.kind.const === "percent-of-investment")!;
    expect(Object.keys(tech.then.properties.params.properties)).toEqual(
      Object.keys(KIND_SPECS["percent-of-investment"].params!),
    );
    expect(schema.required).toEqual(expect.arrayContaining(["format", "id", "regionId", "clauses"]));
  });
});

describe("the built-in files", () => {
  it.each(documentFiles() as string[])("%s loads through the loader, equal to the built-in document", (file) => {
    const text = fs.readFileSync(path.join(folder, file), "utf8");
    const result = parsePolicyDocument(text, file);
    if (!result.ok) throw new Error(result.problems.map((p) => p.text).join("\n"));
    const builtIn = POLICIES.find((p) => p.id === result.policy.id)!;
    expect(result.policy).toEqual(builtIn);
  });

  it.each(POLICIES.map((p) => [p.id, p] as const))(
    "%s exports to a file the loader reads back to an equal document with equal results",
    (_id, policy) => {
      const exported = serializePolicyDocument(policy);
      const result = parsePolicyDocument(exported, `${policy.id}.json`);
      if (!result.ok) throw new Error(result.problems.map((p) => p.text).join("\n"));
      const { $schema: _schema, ...withoutSchema } = policy as Policy & { $schema?: string };
      expect(result.policy).toEqual(withoutSchema);
      const award = (p: Policy) => upgradeAward(p, 2500_000_000, 2025, 2025, null, 0);
      expect(award(result.policy)).toBe(award(policy));
    },
  );
});

describe("a bad document is refused whole, every problem named", () => {
  it("lists all problems at once with file, clause and field, in Chinese", () => {
    const d = draft();
    d.documentNumbr = d.documentNumber;
    delete d.documentNumber;
    d.clauses[0].params.instalments[0].amount.unit = "万";
    d.clauses[4].kind = "cash-voucher";
    d.clauses[6].conditions.rateTags.push("人工智能");
    const problems = problemsOf(d, "杭州新文件.json");
    expect(problems.map((p) => p.text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("杭州新文件.json：字段 documentNumbr：未知字段"),
        "杭州新文件.json：字段 documentNumber：缺失",
        expect.stringContaining(
          "杭州新文件.json：条款 hangzhou.1（一） 字段 clauses[0].params.instalments[0].amount.unit：单位应为 万元 | 亿元 之一",
        ),
        expect.stringContaining(
          "条款 hangzhou.3.contribution（三） 字段 clauses[4].kind：XSG 不认识条款类型 “cash-voucher”",
        ),
        expect.stringContaining(
          "条款 hangzhou.5（五） 字段 clauses[6].conditions.rateTags[6]：不是已定义的标签（R7）：“人工智能”",
        ),
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(5);
    for (const p of problems) expect(p.file).toBe("杭州新文件.json");
    expect(problems.find((p) => p.field === "clauses[4].kind")?.clause).toBe("hangzhou.3.contribution（三）");
  });

  it("an unknown clause kind lists every kind the engine knows", () => {
    const d = draft();
    d.clauses[0].kind = "loan-interest";
    const [kind] = problemsOf(d).filter((p) => p.field === "clauses[0].kind");
    for (const known of CLAUSE_KINDS) expect(kind.message).toContain(known);
    expect(kind.message).toContain("升规奖励分年表");
  });

  it("a file that is not JSON says where", () => {
    const text = hangzhouText().replace('"title":', '"title"');
    const [problem] = problemsOf(text, "坏文件.json");
    expect(problem.text).toMatch(/^坏文件\.json：不是有效的 JSON：第 \d+ 行第 \d+ 列附近有语法错误/);
  });

  it("the wrong format version, a missing regionId and a clash with a common tag's alias are problems", () => {
    const d = draft();
    d.format = "xsg-policy/0";
    delete d.regionId;
    d.tags = [{ tag: "国资控股", aliases: ["国企"] }];
    const texts = problemsOf(d).map((p) => p.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringContaining("字段 format：应为 “xsg-policy/1”"),
        "x.json：字段 regionId：缺失",
        expect.stringContaining("字段 tags[0].aliases[0]：“国企”已表示标签“国有”"),
      ]),
    );
  });

  it("nothing of a refused document is used: the catalog is unchanged", () => {
    const before = BUILT_IN_CATALOG.documents.length;
    const d = draft();
    d.id = "hangzhou-2027";
    d.clauses[0].kind = "nope";
    expect(parsePolicyDocument(d, "x.json").ok).toBe(false);
    expect(BUILT_IN_CATALOG.documents).toHaveLength(before);
  });
});

/** A successor or rival of the 杭州市 document, renamed so its ids are its own. */
function hangzhouDocument(id: string, from: number, to: number | null): Policy {
  const d = draft();
  const text = JSON.stringify({ ...d, id, coveredUpgradeYears: { ...d.coveredUpgradeYears, from, to } }).replace(
    /"hangzhou\./g,
    `"${id}.`,
  );
  const result = parsePolicyDocument(text, `${id}.json`);
  if (!result.ok) throw new Error(result.problems.map((p) => p.text).join("\n"));
  return result.policy;
}

describe("catalog precedence: a user document never silently replaces a built-in one", () => {
  it("a successor covering later years sits beside the built-in document", () => {
    const result = BUILT_IN_CATALOG.withUserDocuments([
      { policy: hangzhouDocument("hangzhou-2027", 2027, 2029), file: "杭州2027.json" },
    ]);
    if (!result.ok) throw new Error(result.problems.map((p) => p.text).join("\n"));
    const hangzhou = result.catalog.region("hangzhou");
    expect(hangzhou.documents.map((p) => p.id)).toEqual(["hangzhou", "hangzhou-2027"]);
    expect(hangzhou.documentFor(2026).id).toBe("hangzhou");
    expect(hangzhou.documentFor(2027).id).toBe("hangzhou-2027");
    expect(hangzhou.isPastEnd(2029)).toBe(false);
    expect(hangzhou.isPastEnd(2030)).toBe(true);
  });

  it("documentFor picks the last document starting at or before U, for every U (its year table agrees with the scan)", () => {
    // Three documents with a gap year (2030) covered by none: the one before it answers, as the scan did.
    const result = BUILT_IN_CATALOG.withUserDocuments([
      { policy: hangzhouDocument("hangzhou-2027", 2027, 2029), file: "杭州2027.json" },
      { policy: hangzhouDocument("hangzhou-2031", 2031, 2033), file: "杭州2031.json" },
    ]);
    if (!result.ok) throw new Error(result.problems.map((p) => p.text).join("\n"));
    const region = result.catalog.region("hangzhou");
    const scan = (u: number): string => {
      let chosen = region.documents[0];
      for (const policy of region.documents) if (policy.coveredUpgradeYears.from <= u) chosen = policy;
      return chosen.id;
    };
    const years = [NaN, -Infinity, Infinity, 0, 1990, 2023.5, 2026.5, 2030.5, 2100, 1e9];
    for (let u = 2015; u <= 2040; u++) years.push(u);
    for (const u of years) expect([u, region.documentFor(u).id]).toEqual([u, scan(u)]);
    expect(region.documentFor(2024).id).toBe("hangzhou");
    expect(region.documentFor(2030).id).toBe("hangzhou-2027");
    expect(region.documentFor(2031).id).toBe("hangzhou-2031");
  });

  it("overlapping years are refused unless the official chose user-first; then the built-in is set aside", () => {
    const rival = { policy: hangzhouDocument("hangzhou-mine", 2025, 2027), file: "我的杭州.json" };
    const refused = BUILT_IN_CATALOG.withUserDocuments([rival]);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.problems[0].text).toBe(
        "我的杭州.json：与内置文件 杭政办函〔2024〕3号 覆盖的升规年份（2024–2026年）重叠：导入文件不会替换内置文件，请只覆盖其后的年份，或选择“导入文件优先”",
      );
    const chosen = BUILT_IN_CATALOG.withUserDocuments([rival], { precedence: "user-first" });
    if (!chosen.ok) throw new Error("expected a catalog");
    expect(chosen.catalog.setAside.map((entry) => entry.policy.id)).toEqual(["hangzhou"]);
    expect(chosen.catalog.region("hangzhou").documents.map((p) => p.id)).toEqual(["hangzhou-mine"]);
    expect(chosen.catalog.region("hangzhou").latest.importedFrom).toBe("我的杭州.json");
  });

  it("two documents with one id, or one region with two names, are problems", () => {
    const same = BUILT_IN_CATALOG.withUserDocuments([
      { policy: hangzhouDocument("hangzhou", 2027, 2028), file: "a.json" },
    ]);
    expect(same.ok).toBe(false);
    if (!same.ok)
      expect(same.problems.map((p) => p.text)).toContain(
        "a.json：文件 id “hangzhou”与 40-hangzhou.json 相同；请换一个 id（条款 id 的前缀随之改变）",
      );
    const renamed = { ...hangzhouDocument("hangzhou-2027", 2027, 2028), regionName: "杭州" };
    const names = BUILT_IN_CATALOG.withUserDocuments([{ policy: renamed, file: "b.json" }]);
    expect(names.ok).toBe(false);
    if (!names.ok)
      expect(names.problems[0].message).toContain(
        "regionName 为“杭州”，与同地区文件 杭政办函〔2024〕3号 的“杭州市”不一致",
      );
  });
});

/**
 * `xsg policy list | check | test | export | template` and `--policy FILE` on award/explain/fill:
 * officials add a document without a programmer. The worked example (examples/policies/
 * shili-county.json, a synthetic document, not a real policy) is the document under test.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { award, explain, tech } from "../../../functions/adapter";
import {
  activeCatalog,
  BUILT_IN_CATALOG,
  documentLabel,
  evaluate,
  parsePolicyDocument,
  POLICIES,
  useCatalog,
} from "../../../src";
import { catalogWithImports, serializePolicyDocument } from "../../../src/policies";
import { enterpriseFacts } from "../engine/arbitraries";
import { CLEAN_ROWS, readWorkbook, REPO, tempDir, writeWorkbook, xsg, xsgProcess } from "./helpers";

// The real-process test compiles the CLI on first use in a fresh clone (no cache yet), as fill.test.ts does.
jest.setTimeout(120_000);

const EXAMPLE = path.join(REPO, "examples/policies/shili-county.json");
const EXAMPLE_CASES = path.join(REPO, "examples/policies/shili-county.cases.json");
const cwd = tempDir();

function writeJson(name: string, value: unknown): string {
  const file = path.join(cwd, name);
  fs.writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return file;
}

function example(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(EXAMPLE, "utf8"));
}

afterEach(() => expect(activeCatalog()).toBe(BUILT_IN_CATALOG));

describe("xsg policy check", () => {
  test("a valid document: exit 0, names the document, its region, years and clause count", async () => {
    const run = await xsg(["policy", "check", EXAMPLE], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("示政办〔2099〕1号（示例）《示例县小升规奖励办法（示例，非真实政策）》");
    expect(run.stdout).toContain("覆盖 2025–2027 年升规的企业，4 条条款");
  });

  test("an invalid document: exit 2, every problem at once in Chinese, naming file, clause and field", async () => {
    const document = example();
    const clauses = document.clauses as Record<string, unknown>[];
    (clauses[0] as { kind: string }).kind = "lottery";
    ((clauses[2] as { params: Record<string, { unit: string }> }).params.rate as { unit: string }).unit = "成";
    delete document.regionName;
    const file = writeJson("bad.json", document);
    const run = await xsg(["policy", "check", file], cwd);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^政策文件未通过检查，整份不予使用（共 \d+ 处问题）/);
    expect(run.stderr).toContain("bad.json");
    expect(run.stderr).toContain("regionName");
    // the unknown kind lists the known kinds
    expect(run.stderr).toMatch(/shili-2025\.1.*kind.*upgrade-schedule/);
    expect(run.stderr).toMatch(/shili-2025\.3.*rate\.unit/);
  });

  test("broken JSON names the line; a missing file names the file", async () => {
    const broken = writeJson("broken.json", '{\n  "format": "xsg-policy/1",\n  "id": \n}');
    const run = await xsg(["policy", "check", broken], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("broken.json");
    expect(run.stderr).toContain("不是有效的 JSON");
    const missing = await xsg(["policy", "check", "nowhere.json"], cwd);
    expect(missing).toMatchObject({ code: 2, stderr: "找不到政策文件“nowhere.json”。" });
  });

  test("several files: each is reported, exit 2 when any is invalid", async () => {
    const bad = writeJson("bad2.json", { ...example(), status: "草稿" });
    const run = await xsg(["policy", "check", EXAMPLE, bad], cwd);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("shili-county.json");
    expect(run.stderr).toContain("bad2.json");
    expect(run.stderr).toContain("status");
  });

  test("a document overlapping a built-in one is valid but says precedence must be chosen", async () => {
    const hangzhou = JSON.parse(serializePolicyDocument(POLICIES.find((p) => p.id === "hangzhou")!));
    const file = writeJson("hz-2025.json", { ...hangzhou, id: "hangzhou-new", clauses: renamed(hangzhou.clauses) });
    const run = await xsg(["policy", "check", file], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("与内置文件 杭政办函〔2024〕3号 覆盖的升规年份重叠");
    expect(run.stdout).toContain("--policy-first");
  });
});

/** Clause ids carry the document id as prefix. */
function renamed(clauses: { id: string }[]): unknown[] {
  return clauses.map((clause) => ({ ...clause, id: clause.id.replace(/^hangzhou/, "hangzhou-new") }));
}

describe("xsg policy test", () => {
  test("the worked example's own cases all pass (exit 0)", async () => {
    const run = await xsg(["policy", "test", EXAMPLE], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("✓ 升规当年达标且个转企：20+5万元");
    expect(run.stdout).toContain("shili-county.json：10 个用例通过，0 个失败（共 10 个）");
  });

  test("a failing case is reported with its inputs, expected and got (exit 1)", async () => {
    const cases = JSON.parse(fs.readFileSync(EXAMPLE_CASES, "utf8"));
    cases.cases[1].expected = 30;
    cases.cases[9].expected = 0;
    const casesFile = writeJson("wrong.cases.json", cases);
    const run = await xsg(["policy", "test", EXAMPLE, "--cases", casesFile], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '✗ 升规当年达标且个转企：20+5万元：AWARD(revenue="2500万元", year=2025, upgradeYear=2025, tags="个转企") 期望 30，实际 25',
    );
    expect(run.stdout).toMatch(
      /✗ 2028年升规：超出文件覆盖期：.*期望 0，实际 #N\/A（.*晚于示例县已编码政策文件的覆盖期/,
    );
    expect(run.stderr).toBe("shili-county.json：8 个用例通过，2 个失败（共 10 个）。");
  });

  test("the cases file is checked too: every problem, naming case and field (exit 2)", async () => {
    const casesFile = writeJson("bad.cases.json", {
      format: "xsg-policy-cases/1",
      cases: [
        { name: "甲", function: "AWARDS", inputs: {}, expected: 1 },
        { name: "乙", function: "TECH", inputs: { revenue: 1 } },
      ],
    });
    const run = await xsg(["policy", "test", EXAMPLE, "--cases", casesFile], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bad.cases.json：用例 1「甲」 字段 function：应为 AWARD、ELIGIBLE");
    expect(run.stderr).toContain("用例 2「乙」 字段 inputs.revenue：TECH 不接受此输入");
    expect(run.stderr).toContain("用例 2「乙」 字段 expected");
  });

  test("no cases beside the document: exit 2 saying where to put them", async () => {
    const alone = writeJson("alone.json", example());
    const run = await xsg(["policy", "test", alone], cwd);
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining("alone.cases.json") });
  });
});

describe("xsg policy list", () => {
  test("built-in documents with region, number/title, covered years, status and origin", async () => {
    const run = await xsg(["policy", "list"], cwd);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("地区\t文号 / 标题\t覆盖升规年份\t状态\t来源");
    expect(lines).toHaveLength(1 + POLICIES.length);
    expect(lines).toContainEqual(expect.stringMatching(/^杭州市\t杭政办函〔2024〕3号《.*》\t2024–2026\t正式.*\t内置$/));
    expect(lines).toContainEqual(expect.stringMatching(/^抚顺市顺城区\t.*\t2023年起\t征求意见稿\t内置$/));
  });

  test("with --policy the given document is listed as imported", async () => {
    const run = await xsg(["policy", "list", "--policy", EXAMPLE], cwd);
    expect(run.stdout.split("\n")).toContainEqual(
      "示例县\t示政办〔2099〕1号（示例）《示例县小升规奖励办法（示例，非真实政策）》\t2025–2027\t正式\t导入 shili-county.json",
    );
  });
});

describe("--policy FILE on award, explain and fill", () => {
  test("award and explain evaluate with the imported document and name it by title and file", async () => {
    const run = await xsg(["award", "示例县", "2500", "2025", "2025", "-", "个转企", "--policy", EXAMPLE], cwd);
    expect(run).toEqual({ code: 0, stdout: "25", stderr: "" });
    const text = (await xsg(["explain", "示例县", "2500", "2025", "2025", "--policy", EXAMPLE], cwd)).stdout;
    expect(text).toContain(
      "依据：示政办〔2099〕1号（示例）《示例县小升规奖励办法（示例，非真实政策）》（正式）（导入文件 shili-county.json）",
    );
    // without it the region is unknown
    expect((await xsg(["award", "示例县", "2500", "2025"], cwd)).stdout).toBe("#N/A");
  });

  test("an invalid --policy file stops the command before anything is computed (exit 2)", async () => {
    const bad = writeJson("bad3.json", { ...example(), level: "province" });
    const run = await xsg(["award", "示例县", "2500", "2025", "--policy", bad], cwd);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("bad3.json");
    expect(run.stderr).toContain("level");
  });

  test("a document overlapping a built-in one is refused unless --policy-first is given", async () => {
    const hangzhou = JSON.parse(serializePolicyDocument(POLICIES.find((p) => p.id === "hangzhou")!));
    hangzhou.clauses[0].params.instalments[0].amount.value = 50;
    const file = writeJson("hz-first.json", { ...hangzhou, id: "hangzhou-new", clauses: renamed(hangzhou.clauses) });
    const refused = await xsg(["award", "杭州市", "2500", "2024", "--policy", file], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("导入文件不会替换内置文件");
    const first = await xsg(["award", "杭州市", "2500", "2024", "--policy", file, "--policy-first"], cwd);
    expect(first).toEqual({ code: 0, stdout: "50", stderr: "" });
  });

  test("fill with --policy (real process): the 依据 column names the imported document", async () => {
    const input = path.join(cwd, "shili.xlsx");
    await writeWorkbook(input, { rows: [["示例甲厂", null, "示例县", 2500, 1800, 2025, "个转企"], ...CLEAN_ROWS] });
    const output = path.join(cwd, "shili.out.xlsx");
    const run = xsgProcess(["fill", input, "-o", output, "--year", "2025", "--policy", EXAMPLE], cwd);
    expect(run.stderr).not.toContain("内部错误");
    expect([0, 1]).toContain(run.code);
    const sheet = (await readWorkbook(output)).worksheets[0];
    const header = Array.from(sheet.getRow(1).values as unknown[], (value) => (value == null ? "" : String(value)));
    const basis = header.indexOf("依据");
    const awardColumn = header.findIndex((h) => h?.startsWith("升规奖励"));
    expect(basis).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(awardColumn).value).toBe(25);
    expect(String(sheet.getRow(2).getCell(basis).value)).toContain(
      "《示例县小升规奖励办法（示例，非真实政策）》（导入文件 shili-county.json）",
    );
  });
});

describe("xsg policy export", () => {
  test("writes a file check accepts; never over an existing file", async () => {
    const out = path.join(cwd, "hz-export.json");
    const run = await xsg(["policy", "export", "杭州", "-o", out], cwd);
    expect(run.code).toBe(0);
    expect((await xsg(["policy", "check", out], cwd)).code).toBe(0);
    const again = await xsg(["policy", "export", "hangzhou", "-o", out], cwd);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已存在");
    expect((await xsg(["policy", "export", "北京市"], cwd)).code).toBe(2);
  });

  test.each(POLICIES.map((policy) => [policy.id]))(
    "%s: the exported file, loaded in place of the built-in one, gives identical results over many enterprises",
    async (id) => {
      const run = await xsg(["policy", "export", id], cwd);
      expect(run.code).toBe(0);
      const builtIn = POLICIES.find((policy) => policy.id === id)!;
      const file = `${id}-export.json`;
      const loaded = parsePolicyDocument(run.stdout, file);
      if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.text).join("\n"));
      const result = catalogWithImports([{ file, text: run.stdout, precedence: "user-first" }]);
      if (!result.ok) throw new Error(result.problems.join("\n"));
      expect(result.catalog.setAside.map((entry) => entry.policy)).toEqual([builtIn]);

      const imported = result.catalog.document(id)!;
      // The only difference allowed: an imported document is named with its file (documentLabel).
      const strip = (text: string) =>
        text.split(documentLabel(imported)).join(builtIn.documentNumber).split(`（导入文件 ${file}）`).join("");
      const samples = fc.sample(fc.tuple(enterpriseFacts, fc.integer({ min: 2019, max: 2029 })), {
        numRuns: 300,
        seed: 13,
      });
      const outcomes = (catalogInUse: typeof BUILT_IN_CATALOG) => {
        useCatalog(catalogInUse);
        try {
          return samples.map(([facts, year]) => {
            const enterprise = { ...facts, region: builtIn.regionId };
            const wan = (fen: number | null | undefined) => (fen == null ? null : fen / 1_000_000);
            const cell = (f: () => unknown) => {
              try {
                return f();
              } catch (error) {
                return `${(error as { code: string }).code} ${(error as Error).message}`;
              }
            };
            return JSON.stringify([
              cell(() => evaluate(enterprise, year)),
              cell(() =>
                award(builtIn.regionName, wan(facts.revenue), year, facts.upgradeYear, wan(facts.prevRevenue), null),
              ),
              cell(() =>
                explain(builtIn.regionName, wan(facts.revenue), year, facts.upgradeYear, wan(facts.prevRevenue), null),
              ),
              cell(() => tech(builtIn.regionName, wan(facts.techInvestment), year, facts.upgradeYear, null)),
            ]);
          });
        } finally {
          useCatalog(BUILT_IN_CATALOG);
        }
      };
      const named = outcomes(result.catalog);
      // results name the imported document by its file (EXPLAIN's 依据)…
      expect(named.filter((text) => text.includes(`（导入文件 ${file}）`)).length).toBeGreaterThan(100);
      // …and, that name aside, are identical to the built-in document's
      const exported = named.map(strip);
      const original = outcomes(BUILT_IN_CATALOG);
      const firstDifference = exported.findIndex((text, i) => text !== original[i]);
      expect(firstDifference === -1 ? null : [exported[firstDifference], original[firstDifference]]).toBeNull();
      expect(exported).toHaveLength(300);
    },
  );
});

describe("xsg policy template", () => {
  test("copies the worked example, its cases and the authoring workbook, which check and test accept", async () => {
    const dir = path.join(cwd, "template");
    const run = await xsg(["policy", "template", "-o", dir], cwd);
    expect(run.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([
      "policy-template.xlsx",
      "shili-county.cases.json",
      "shili-county.json",
    ]);
    expect((await xsg(["policy", "test", path.join(dir, "shili-county.json")], cwd)).code).toBe(0);
    // the authoring workbook: check, test (its 测试用例 sheet) and --policy accept it
    const workbook = path.join(dir, "policy-template.xlsx");
    expect((await xsg(["policy", "check", workbook], cwd)).stdout).toContain(
      "✓ policy-template.xlsx：示政办〔2099〕1号（示例）",
    );
    const tested = await xsg(["policy", "test", workbook], cwd);
    expect(tested).toMatchObject({ code: 0, stdout: expect.stringContaining("policy-template.xlsx：10 个用例通过") });
    const awarded = await xsg(["explain", "示例县", "2500", "2025", "--policy", workbook], cwd);
    expect(awarded.stdout).toContain("（导入文件 policy-template.xlsx）");
    expect((await xsg(["policy", "template", "-o", dir], cwd)).code).toBe(2); // never overwrites
  });

  test("unknown or missing subcommands are usage errors (exit 2)", async () => {
    expect((await xsg(["policy"], cwd)).code).toBe(2);
    expect((await xsg(["policy", "frobnicate"], cwd)).stderr).toContain("未知的 policy 子命令“frobnicate”");
    expect((await xsg(["--help"], cwd)).stdout).toContain("xsg policy check");
  });
});

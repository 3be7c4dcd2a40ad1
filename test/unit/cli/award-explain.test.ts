/** `xsg award` / `xsg explain`: the numbers and texts of =XSG.AWARD / =XSG.EXPLAIN, for scripting. */
import { award, explain } from "../../../functions/adapter";
import { parseCommand, UsageError } from "../../../bin/cli/args";
import { zh } from "../../../bin/cli/strings";
import { tempDir, xsg, xsgProcess } from "./helpers";

const cwd = tempDir();

const CASES: readonly (readonly string[])[] = [
  ["杭州市", "2500", "2024"],
  ["杭州市西湖区", "2500万元", "2024", "2024", "-", "个转企"],
  ["鹿城区", "3200", "2025", "2023", "2900"],
  ["晋城", "25000000元", "2024", "2024", "-", "战略新兴"],
  ["闽侯县", "0.3亿", "2024年", "2022", "2100"],
  ["顺城区", "2000", "2024"],
];

const orNull = (arg: string | undefined): string | null => (arg === undefined || arg === "-" ? null : arg);

test.each(CASES)("award %s %s %s … prints what =XSG.AWARD shows", async (...args) => {
  const run = await xsg(["award", ...args], cwd);
  const a = [0, 1, 2, 3, 4, 5].map((i) => orNull(args[i]));
  expect(run).toEqual({ code: 0, stdout: String(award(a[0], a[1], a[2], a[3], a[4], a[5])), stderr: "" });
});

test("award amounts are exact 万元 (R1) and the JSON form carries the unit", async () => {
  const run = await xsg(["award", "杭州市", "2500", "2024", "2024", "-", "个转企", "--json"], cwd);
  expect(JSON.parse(run.stdout)).toEqual({ command: "award", value: 30, unit: "万元" });
});

test("several tag words are one tag list, as a cell with 个转企；战略新兴 would be", async () => {
  const split = await xsg(["award", "晋城", "2500", "2024", "2024", "-", "战略新兴", "新投产"], cwd);
  const joined = await xsg(["award", "晋城", "2500", "2024", "2024", "-", "战略新兴；新投产"], cwd);
  expect(split.stdout).toBe(joined.stdout);
  expect(split.stdout).toBe(String(award("晋城", "2500", "2024", "2024", null, "战略新兴；新投产")));
});

test("explain prints =XSG.EXPLAIN's text, clause and rulings included", async () => {
  const run = await xsg(["explain", "鹿城区", "3200", "2025", "2023", "2900"], cwd);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(explain("鹿城区", "3200", "2025", "2023", "2900", null));
  expect(run.stdout).toContain("温鹿政办〔2022〕74号");
  expect(JSON.parse((await xsg(["explain", "杭州", "2500", "2024", "--json"], cwd)).stdout).text).toBe(
    explain("杭州", "2500", "2024", null, null, null),
  );
});

test("a #N/A or #VALUE! result: the code on stdout, the Chinese message on stderr, exit 1", async () => {
  const outside = await xsg(["award", "北京市朝阳区", "2500", "2024"], cwd);
  expect(outside.code).toBe(1);
  expect(outside.stdout).toBe("#N/A");
  expect(outside.stderr).toMatch(/^参数 region（地区）：.*北京市朝阳区/);
  const junk = await xsg(["award", "杭州", "很多", "2024"], cwd);
  expect(junk).toMatchObject({ code: 1, stdout: "#VALUE!" });
  expect(junk.stderr).toContain("参数 revenue（营业收入）");
  const json = JSON.parse((await xsg(["award", "杭州", "很多", "2024", "--json"], cwd)).stdout);
  expect(json).toMatchObject({ command: "award", error: "#VALUE!" });
});

test("usage errors exit 2 with the usage text; help and version exit 0", async () => {
  for (const args of [
    [],
    ["award", "杭州", "2500"],
    ["frobnicate"],
    ["fill"],
    ["fill", "a.xlsx", "--bogus"],
    ["fill", "a.xlsx", "-o"],
    ["fill", "a.xlsx", "b.xlsx"],
  ]) {
    const run = await xsg(args, cwd);
    expect({ args, code: run.code }).toEqual({ args, code: 2 });
    expect(run.stderr).toContain("用法");
  }
  expect((await xsg(["--help"], cwd)).stdout).toContain("xsg fill");
  expect((await xsg(["--version"], cwd)).stdout).toMatch(/^xsg \d+\.\d+\.\d+$/);
  expect((await xsg(["frobnicate"], cwd, { XSG_LANG: "en" })).stderr).toContain('unknown command "frobnicate"');
});

test("fill options: = and space forms, short names", () => {
  expect(
    parseCommand(
      ["fill", "in.xlsx", "--year=2024", "-r", "杭州", "--sheet", "名单", "-o", "out.xlsx", "--formulas", "--json"],
      zh,
    ),
  ).toEqual({
    command: "fill",
    input: "in.xlsx",
    year: "2024",
    region: "杭州",
    sheet: "名单",
    output: "out.xlsx",
    formulas: true,
    json: true,
    force: false,
  });
  expect(parseCommand(["fill", "in.xlsx", "--force"], zh)).toMatchObject({ force: true });
  expect(parseCommand(["fill", "in.xlsx", "-f"], zh)).toMatchObject({ force: true });
  expect(() => parseCommand(["fill", "--year"], zh)).toThrow(UsageError);
});

test("the real launcher runs without ts-node and exits with the command's code", () => {
  const ok = xsgProcess(["award", "杭州市", "2500", "2024"], cwd);
  expect(ok).toMatchObject({ code: 0, stdout: "20\n" });
  const na = xsgProcess(["award", "北京", "2500", "2024"], cwd);
  expect(na.code).toBe(1);
  expect(na.stderr).toContain("北京");
  expect(xsgProcess([], cwd).code).toBe(2);
});

/**
 * A policy document's own case table (like OpenFisca's YAML tests): named cases, each the
 * inputs of one XSG function and the result the official expects. `xsg policy test` runs
 * them through the very adapters the cells call (./adapter), with the document in the active
 * catalog, so a passing case is what =XSG.AWARD(...) shows. The table is a sidecar file
 * (NAME.cases.json beside NAME.json, format xsg-policy-cases/1) or the 测试用例 sheet of an
 * authoring workbook; the document format itself is unchanged.
 */
import * as adapter from "./adapter";

export const CASES_FORMAT = "xsg-policy-cases/1";

/** The functions a case may call, with their inputs in argument order (names as in the README). */
export const CASE_FUNCTIONS = {
  AWARD: ["region", "revenue", "year", "upgradeYear", "prevRevenue", "tags"],
  ELIGIBLE: ["region", "revenue", "year", "tags"],
  TOTAL: ["region", "tags"],
  STATUS: ["region", "revenue"],
  TECH: ["region", "investment", "year", "upgradeYear", "tags"],
  RENT: ["region", "area", "months", "monthlyRent", "tags"],
  BID: ["region", "contract", "year", "upgradeYear"],
} as const;
export type CaseFunction = keyof typeof CASE_FUNCTIONS;

const CALL: Readonly<Record<CaseFunction, (...args: unknown[]) => unknown>> = {
  AWARD: adapter.award as (...args: unknown[]) => unknown,
  ELIGIBLE: adapter.eligible as (...args: unknown[]) => unknown,
  TOTAL: adapter.total as (...args: unknown[]) => unknown,
  STATUS: adapter.status as (...args: unknown[]) => unknown,
  TECH: adapter.tech as (...args: unknown[]) => unknown,
  RENT: adapter.rent as (...args: unknown[]) => unknown,
  BID: adapter.bid as (...args: unknown[]) => unknown,
};

/** Input names in Chinese, for messages and the authoring workbook's columns. */
export const INPUT_LABELS: Readonly<Record<string, string>> = {
  region: "地区",
  revenue: "营业收入",
  year: "评价年度",
  upgradeYear: "升规年份",
  prevRevenue: "上年营业收入",
  tags: "标签",
  investment: "技改投资",
  area: "面积",
  months: "月数",
  monthlyRent: "月租金",
  contract: "合同金额",
};

export type Expected = number | boolean | string;

export interface PolicyCase {
  readonly name: string;
  readonly function: CaseFunction;
  /** Inputs by name; region defaults to the document's regionName. */
  readonly inputs: Readonly<Record<string, string | number | null>>;
  /** 万元 for amounts, TRUE/FALSE for ELIGIBLE, a text for STATUS, or "#N/A" / "#VALUE!". */
  readonly expected: Expected;
}

export type CasesResult =
  | { readonly ok: true; readonly cases: readonly PolicyCase[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Checks a case table (its text or parsed JSON); every problem at once, in Chinese, naming file, case and field. */
export function parseCases(input: unknown, file: string): CasesResult {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ""));
    } catch (error) {
      return { ok: false, problems: [`${file}：不是有效的 JSON（${(error as Error).message}）`] };
    }
  }
  const problems: string[] = [];
  const table = value as { format?: unknown; cases?: unknown };
  if (table === null || typeof table !== "object" || Array.isArray(table))
    return { ok: false, problems: [`${file}：应为对象 { "format": "${CASES_FORMAT}", "cases": [...] }`] };
  if (table.format !== CASES_FORMAT) problems.push(`${file}：字段 format 应为 “${CASES_FORMAT}”`);
  for (const key of Object.keys(table))
    if (!["$schema", "format", "document", "cases"].includes(key)) problems.push(`${file}：未知字段 ${key}`);
  if (!Array.isArray(table.cases) || table.cases.length === 0) {
    problems.push(`${file}：字段 cases 应为至少一个用例的列表`);
    return { ok: false, problems };
  }
  const cases = table.cases.map((raw, index) => checkCase(raw, index, file, problems));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cases };
}

function checkCase(raw: unknown, index: number, file: string, problems: string[]): PolicyCase {
  const entry = (raw ?? {}) as Record<string, unknown>;
  const where = `${file}：用例 ${index + 1}${typeof entry.name === "string" ? `「${entry.name}」` : ""}`;
  const say = (field: string, message: string) => problems.push(`${where} 字段 ${field}：${message}`);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.push(`${where}：应为对象 { name, function, inputs, expected }`);
    return raw as PolicyCase;
  }
  for (const key of Object.keys(entry))
    if (!["name", "function", "inputs", "expected", "note"].includes(key)) say(key, "未知字段");
  if (typeof entry.name !== "string" || entry.name.trim() === "") say("name", "请写用例名称");
  const fn = entry.function;
  const known = Object.keys(CASE_FUNCTIONS);
  if (typeof fn !== "string" || !known.includes(fn)) say("function", `应为 ${known.join("、")} 之一`);
  const inputs = entry.inputs as Record<string, unknown> | undefined;
  if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) say("inputs", "应为输入对象");
  else {
    const allowed: readonly string[] = known.includes(fn as string) ? CASE_FUNCTIONS[fn as CaseFunction] : [];
    for (const [name, input] of Object.entries(inputs)) {
      if (allowed.length > 0 && !allowed.includes(name))
        say(
          `inputs.${name}`,
          `${fn} 不接受此输入；可用：${allowed.map((a) => `${a}（${INPUT_LABELS[a]}）`).join("、")}`,
        );
      if (input !== null && typeof input !== "string" && typeof input !== "number")
        say(`inputs.${name}`, "应为数字、文本或 null");
    }
  }
  const expected = entry.expected;
  if (typeof expected !== "number" && typeof expected !== "boolean" && typeof expected !== "string")
    say("expected", "请写期望结果：金额（万元）、TRUE/FALSE、文本，或 #N/A、#VALUE!");
  return entry as unknown as PolicyCase;
}

export interface CaseOutcome {
  readonly case: PolicyCase;
  readonly passed: boolean;
  /** What the function gave: its value, or "#N/A: message" for an error. */
  readonly got: Expected;
  readonly message?: string;
}

/**
 * Runs each case against the ACTIVE catalog (the caller makes the document active first).
 * Amounts are compared exactly: XSG's results are whole yuan shown in 万元 (R1).
 */
export function runCases(cases: readonly PolicyCase[], regionName: string): CaseOutcome[] {
  return cases.map((policyCase) => {
    const names = CASE_FUNCTIONS[policyCase.function];
    const args = names.map((name) =>
      name === "region" ? (policyCase.inputs.region ?? regionName) : (policyCase.inputs[name] ?? null),
    );
    let got: Expected;
    let message: string | undefined;
    try {
      got = CALL[policyCase.function](...args) as Expected;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== "#N/A" && code !== "#VALUE!") throw error;
      got = code;
      message = (error as Error).message;
    }
    return { case: policyCase, passed: sameResult(policyCase.expected, got), got, message };
  });
}

function sameResult(expected: Expected, got: Expected): boolean {
  if (typeof got === "boolean" && typeof expected === "string")
    return expected.toUpperCase() === String(got).toUpperCase();
  return expected === got;
}

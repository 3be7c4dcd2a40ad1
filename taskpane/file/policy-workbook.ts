/**
 * The authoring workbook (政策模板.xlsx) → a policy document (format xsg-policy/1) and its case
 * table. Officials fill sheets instead of writing JSON: 文件信息 (one field per row), 条款 (one
 * clause per row: kind, amounts, years, thresholds, caps, tags, quote, label), 标签, 排除情形 and
 * 测试用例. This module only reshapes cells into the document's fields; the document is then
 * checked by the core's loader like any JSON file (every problem, naming clause and field).
 * Problems of the sheets themselves (an unknown column, a number that is not one) name the
 * sheet, the row and the column. Pure: the caller reads the workbook (readWorkbookSheets).
 */
import type { CellValue } from "../../src/fill/types";
import { KIND_SPECS } from "../../src/policies";
import { CLAUSE_KINDS, POLICY_FORMAT, UNITS, type ClauseKind, type Unit } from "../../src/policies/types";
import { CASES_FORMAT, INPUT_LABELS } from "../../functions/policy-cases";
import { portableCodec, type Codec } from "./xlsx/codec";
import { openWorkbook } from "./open";

export const SHEETS = { meta: "文件信息", clauses: "条款", tags: "标签", exclusions: "排除情形", cases: "测试用例" };

type Rows = readonly (readonly CellValue[])[];
type Json = Record<string, unknown>;

export interface WorkbookDocument {
  /** The document object for parsePolicyDocument, or null when the sheets could not be read. */
  readonly document: Json | null;
  /** The case table for parseCases, or null when the workbook has no 测试用例 rows. */
  readonly cases: Json | null;
  /** Problems of the sheets themselves (Chinese, naming sheet, row and column). */
  readonly problems: readonly string[];
}

/** 文件信息: label → how it fills the document. */
const META_FIELDS: readonly (readonly [
  label: string,
  path: string,
  type: "text" | "nullable" | "year" | "date" | "list" | "level" | "code",
])[] = [
  ["文件编号", "id", "text"],
  ["地区编号", "regionId", "text"],
  ["地区名称", "regionName", "text"],
  ["行政区划代码", "divisionCode", "code"],
  ["地区层级", "level", "level"],
  ["文号", "documentNumber", "text"],
  ["标题", "title", "text"],
  ["印发通知标题", "noticeTitle", "nullable"],
  ["发文机关", "issuer", "text"],
  ["状态", "status", "text"],
  ["印发日期", "issueDate", "date"],
  ["依据文件", "basis", "list"],
  ["施行开始日期", "inForce.from", "date"],
  ["施行结束日期", "inForce.to", "date"],
  ["施行期说明", "inForce.note", "text"],
  ["覆盖升规年份起", "coveredUpgradeYears.from", "year"],
  ["覆盖升规年份止", "coveredUpgradeYears.to", "year"],
  ["覆盖年份说明", "coveredUpgradeYears.note", "text"],
  ["叠加规则", "stacking.rule", "text"],
  ["叠加条款序号", "stacking.label", "nullable"],
  ["叠加原文", "stacking.quote", "nullable"],
  ["叠加适用口径", "stacking.rulings", "list"],
  ["培育库条款序号", "cultivationPool.label", "text"],
  ["培育库下限（万元）", "cultivationPool.min", "text"],
  ["培育库上限（万元）", "cultivationPool.below", "text"],
  ["培育库口径", "cultivationPool.figure", "text"],
  ["培育库原文", "cultivationPool.quote", "text"],
  ["培育库适用口径", "cultivationPool.rulings", "list"],
  ["原文副本", "source", "text"],
];

/** 条款 columns that are parameters: header → parameter name and unit. */
const PARAM_COLUMNS: Readonly<Record<string, readonly [name: string, unit: Unit]>> = {
  "金额（万元）": ["amount", "万元"],
  "营收门槛（万元）": ["revenueThreshold", "万元"],
  "上年营收门槛（万元）": ["prevRevenueThreshold", "万元"],
  "最高合计（万元）": ["maxTotal", "万元"],
  "比例（%）": ["rate", "%"],
  "投资门槛（万元）": ["minInvestment", "万元"],
  "上限（万元）": ["cap", "万元"],
  "重点产业比例（%）": ["tagRate", "%"],
  "重点产业上限（万元）": ["tagCap", "万元"],
  "补助标准（元/平方米·月）": ["rate", "元/平方米·月"],
  每年补贴月数: ["rentMonthsPerYear", "月"],
  "面积须超过（平方米）": ["areaAbove", "平方米"],
  "租期不少于（年）": ["leaseAtLeast", "年"],
  "合同门槛（万元）": ["minContract", "万元"],
  "单项目上限（万元）": ["capPerContract", "万元"],
  "年度上限（万元）": ["capPerYear", "万元"],
};

const TAG_CONDITIONS: Readonly<Record<string, string>> = {
  须具备全部标签: "requiredTags",
  具备任一标签: "anyOfTags",
  排除标签: "excludedTags",
  较高比例标签: "rateTags",
};

/** Every 条款 column, in the template's order. */
export const CLAUSE_COLUMNS = [
  "条款编号",
  "序号",
  "标题",
  "类型",
  "类别",
  "原文",
  "适用k起（升规当年为0）",
  "适用k止（空为不限）",
  "阶段",
  "分年奖励（万元）",
  "分年条件",
  ...Object.keys(PARAM_COLUMNS),
  "其他参数",
  ...Object.keys(TAG_CONDITIONS),
  "当年营收不低于（万元）",
  "增长口径",
  "无法核验的条件",
  "金额口径",
  "财政资金",
  "待遇说明",
  "适用口径",
  "解读",
  "备注",
] as const;

export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  升规奖励: "award",
  技改补助: "tech",
  租金补助: "rent",
  中标奖励: "bid",
  其他资金: "other-cash",
  非现金待遇: "benefit",
};
const STAGES: Readonly<Record<string, string>> = { 升规企业: "upgraded", 培育企业: "cultivation" };
const READINGS: Readonly<Record<string, string>> = { 按原值: "exact", 不超过: "up-to", 不少于: "at-least" };
const TESTS: Readonly<Record<string, string>> = {
  无: "none",
  营收增长: "revenue-growth",
  上年营收达门槛: "prev-revenue-at-least",
};
const LEVELS: Readonly<Record<string, string>> = {
  市: "city",
  县: "county",
  区: "county",
  县级: "county",
  市级: "city",
};
const KIND_BY_LABEL: Readonly<Record<string, ClauseKind>> = Object.fromEntries(
  CLAUSE_KINDS.map((kind) => [KIND_SPECS[kind].label, kind]),
);

/** The cells of every sheet of an .xlsx file, read with the project's own reader. */
export function readWorkbookSheets(
  bytes: Uint8Array,
  fileName: string,
  codec: Codec = portableCodec,
): Map<string, Rows> {
  const workbook = openWorkbook(bytes, fileName, codec);
  const sheets = new Map<string, Rows>();
  for (const name of workbook.sheetNames) {
    const grid = workbook.grid(name);
    const used = grid.usedArea();
    sheets.set(
      name,
      used
        ? padded(grid.readValues({ top: 0, left: 0, rows: used.top + used.rows, columns: used.left + used.columns }))
        : [],
    );
  }
  return sheets;
}

function padded(rows: CellValue[][]): Rows {
  return rows.map((row) => row.map((cell) => (cell === undefined ? null : cell)));
}

/** An .xlsx authoring workbook → document and cases (see policyFromSheets). */
export function policyFromWorkbook(
  bytes: Uint8Array,
  fileName: string,
  codec: Codec = portableCodec,
): WorkbookDocument {
  let sheets: Map<string, Rows>;
  try {
    sheets = readWorkbookSheets(bytes, fileName, codec);
  } catch (error) {
    return { document: null, cases: null, problems: [`${fileName}：${(error as Error).message}`] };
  }
  return policyFromSheets(sheets, fileName);
}

/** The sheets' cells → document and cases; every problem of the sheets at once. */
export function policyFromSheets(sheets: ReadonlyMap<string, Rows>, file: string): WorkbookDocument {
  const problems: string[] = [];
  const at = (sheet: string, row: number, column: string, message: string) =>
    problems.push(`${file}：工作表“${sheet}”第 ${row + 1} 行“${column}”：${message}`);
  for (const required of [SHEETS.meta, SHEETS.clauses])
    if (!sheets.has(required)) problems.push(`${file}：缺少工作表“${required}”（请使用政策模板.xlsx）`);
  if (problems.length > 0) return { document: null, cases: null, problems };

  const document = readMeta(sheets.get(SHEETS.meta)!, at);
  document.tags = table(sheets.get(SHEETS.tags), SHEETS.tags, ["标签", "别名", "含义"], at).map(({ cells }) => ({
    tag: text(cells["标签"]),
    aliases: list(cells["别名"]),
    ...(cells["含义"] !== null ? { meaning: text(cells["含义"]) } : {}),
  }));
  if ((document.tags as unknown[]).length === 0) delete document.tags;
  document.exclusions = table(
    sheets.get(SHEETS.exclusions),
    SHEETS.exclusions,
    ["编号", "条款序号", "标签", "例外条款", "原文", "适用口径"],
    at,
  ).map(({ cells }) => ({
    id: text(cells["编号"]),
    label: text(cells["条款序号"]),
    tags: list(cells["标签"]),
    scope: "fiscal",
    allowedClauses: list(cells["例外条款"]),
    quote: text(cells["原文"]),
    rulings: list(cells["适用口径"]),
  }));
  document.clauses = table(sheets.get(SHEETS.clauses), SHEETS.clauses, CLAUSE_COLUMNS, at).map(({ cells, row }) =>
    clauseOf(cells, (column, message) => at(SHEETS.clauses, row, column, message)),
  );
  const cases = casesOf(sheets.get(SHEETS.cases), at);
  return { document: problems.length > 0 ? null : document, cases, problems };
}

type At = (sheet: string, row: number, column: string, message: string) => void;

function readMeta(rows: Rows, at: At): Json {
  const document: Json = { format: POLICY_FORMAT };
  const byLabel = new Map<string, { value: CellValue; row: number }>();
  rows.forEach((row, index) => {
    const label = row[0] === null || row[0] === undefined ? "" : String(row[0]).trim();
    if (index === 0 || label === "") return; // the header row
    if (!META_FIELDS.some(([known]) => known === label)) at(SHEETS.meta, index, "字段", `未知字段“${label}”`);
    byLabel.set(label, { value: row[1] ?? null, row: index });
  });
  for (const [label, path, type] of META_FIELDS) {
    const entry = byLabel.get(label);
    const cell = entry?.value ?? null;
    const say = (message: string) => at(SHEETS.meta, entry?.row ?? 0, label, message);
    set(document, path, metaValue(cell, type, say));
  }
  const pool = document.cultivationPool as Json;
  if (pool.min === null || pool.min === undefined) document.cultivationPool = null;
  else {
    pool.min = { value: numberOf(pool.min), unit: "万元" };
    pool.below = pool.below === null || pool.below === "" ? null : { value: numberOf(pool.below), unit: "万元" };
  }
  return document;
}

function metaValue(cell: CellValue, type: string, say: (message: string) => void): unknown {
  // An empty required field stays null: the loader then names it.
  if (cell === null || cell === "") return type === "list" ? [] : null;
  switch (type) {
    case "list":
      return list(cell);
    case "year":
    case "code": {
      const value = typeof cell === "number" ? cell : Number(String(cell).trim());
      if (!Number.isInteger(value)) say(`应为${type === "year" ? "年份" : "6 位数字代码"}，实际为“${String(cell)}”`);
      return type === "code" ? String(cell).trim().padStart(6, "0") : value;
    }
    case "date":
      return dateText(cell, say);
    case "level": {
      const value = String(cell).trim();
      return LEVELS[value] ?? value;
    }
    default:
      return text(cell);
  }
}

/** A date cell (Excel serial) or text → "YYYY-MM-DD". */
function dateText(cell: CellValue, say: (message: string) => void): string | null {
  if (typeof cell === "number") {
    const date = new Date(Date.UTC(1899, 11, 30) + Math.round(cell) * 86_400_000);
    return date.toISOString().slice(0, 10);
  }
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(cell).trim());
  if (!match) {
    say(`应为日期（如 2025-01-15），实际为“${String(cell)}”`);
    return String(cell);
  }
  return `${match[1]}-${match[2].padStart(2, "0")}-${match[3].padStart(2, "0")}`;
}

/** Rows under a header row, as { header: cell }; unknown headers are problems. */
function table(
  rows: Rows | undefined,
  sheet: string,
  columns: readonly string[],
  at: At,
): { cells: Record<string, CellValue>; row: number }[] {
  if (!rows || rows.length === 0) return [];
  const header = rows[0].map((cell) => (cell === null || cell === undefined ? "" : String(cell).trim()));
  header.forEach((name, index) => {
    if (name !== "" && !columns.includes(name))
      at(sheet, 0, name, `未知的列（第 ${index + 1} 列）；可用的列见政策模板.xlsx`);
  });
  const out: { cells: Record<string, CellValue>; row: number }[] = [];
  rows.slice(1).forEach((row, offset) => {
    if (row.every((cell) => cell === null || cell === undefined || String(cell).trim() === "")) return;
    const cells: Record<string, CellValue> = Object.fromEntries(columns.map((name) => [name, null]));
    header.forEach((name, index) => {
      const cell = row[index];
      if (name !== "" && cell !== undefined && !(typeof cell === "string" && cell.trim() === "")) cells[name] = cell;
    });
    out.push({ cells, row: offset + 1 });
  });
  return out;
}

function clauseOf(cells: Record<string, CellValue>, say: (column: string, message: string) => void): Json {
  const kindText = text(cells["类型"]);
  const kind = KIND_BY_LABEL[kindText] ?? kindText;
  const categoryText = text(cells["类别"]);
  const clause: Json = {
    id: text(cells["条款编号"]),
    label: text(cells["序号"]),
    title: text(cells["标题"]),
    kind,
    category: CATEGORY_LABELS[categoryText] ?? categoryText,
    quote: text(cells["原文"]),
  };
  const params: Json = {};
  if (cells["分年奖励（万元）"] !== null) {
    const amounts = list(cells["分年奖励（万元）"]);
    const tests = list(cells["分年条件"]);
    params.instalments = amounts.map((amount, k) => ({
      k,
      amount: { value: number(amount, "分年奖励（万元）", say), unit: "万元" },
      test: TESTS[tests[k] ?? "无"] ?? tests[k],
    }));
  }
  for (const [column, [name, unit]] of Object.entries(PARAM_COLUMNS)) {
    if (cells[column] !== null) params[name] = { value: number(cells[column], column, say), unit };
  }
  for (const entry of list(cells["其他参数"])) {
    const match = /^([A-Za-z][A-Za-z0-9]*)\s*[=＝]\s*(-?[\d.]+)\s*(.+)$/.exec(entry);
    if (!match || !(UNITS as readonly string[]).includes(match[3].trim()))
      say("其他参数", `“${entry}”应写成 名称=数值单位（如 period=3年；单位为 ${UNITS.join("、")} 之一）`);
    else params[match[1]] = { value: Number(match[2]), unit: match[3].trim() };
  }
  clause.params = params;

  const conditions: Json = {};
  if (cells["适用k起（升规当年为0）"] !== null)
    conditions.k = {
      from: number(cells["适用k起（升规当年为0）"], "适用k起（升规当年为0）", say),
      to:
        cells["适用k止（空为不限）"] === null ? null : number(cells["适用k止（空为不限）"], "适用k止（空为不限）", say),
    };
  if (cells["阶段"] !== null) conditions.stage = STAGES[text(cells["阶段"])] ?? text(cells["阶段"]);
  for (const [column, key] of Object.entries(TAG_CONDITIONS))
    if (cells[column] !== null) conditions[key] = list(cells[column]);
  if (cells["当年营收不低于（万元）"] !== null)
    conditions.minRevenue = {
      value: number(cells["当年营收不低于（万元）"], "当年营收不低于（万元）", say),
      unit: "万元",
    };
  if (cells["无法核验的条件"] !== null) conditions.unverified = list(cells["无法核验的条件"], /[；;\n]+/);
  if (cells["增长口径"] !== null) conditions.growthFigure = text(cells["增长口径"]);
  clause.conditions = conditions;

  if (cells["金额口径"] !== null) clause.amountReading = READINGS[text(cells["金额口径"])] ?? text(cells["金额口径"]);
  if (cells["财政资金"] !== null) {
    const fiscal = text(cells["财政资金"]);
    if (fiscal === "是" || cells["财政资金"] === true) clause.fiscal = true;
    else if (fiscal !== "否" && cells["财政资金"] !== false) say("财政资金", `应为“是”或“否”，实际为“${fiscal}”`);
  }
  if (cells["待遇说明"] !== null) clause.benefit = text(cells["待遇说明"]);
  clause.rulings = list(cells["适用口径"]);
  if (cells["解读"] !== null) clause.readings = list(cells["解读"]);
  if (cells["备注"] !== null) clause.note = text(cells["备注"]);
  return clause;
}

/** 测试用例 → the case table of functions/policy-cases.ts (null when there are no rows). */
function casesOf(rows: Rows | undefined, at: At): Json | null {
  const inputColumns = Object.entries(INPUT_LABELS).map(([name, label]) => [name, label] as const);
  const columns = ["用例名称", "函数", ...inputColumns.map(([, label]) => label), "期望结果"];
  const entries = table(rows, SHEETS.cases, columns, at);
  if (entries.length === 0) return null;
  return {
    format: CASES_FORMAT,
    cases: entries.map(({ cells }) => {
      const fn = text(cells["函数"]).toUpperCase();
      const inputs: Json = {};
      // Only filled inputs; one the function does not take is reported by the case check (parseCases).
      for (const [name, label] of inputColumns) {
        const cell = cells[label];
        if (cell !== null) inputs[name] = typeof cell === "number" || typeof cell === "string" ? cell : String(cell);
      }
      const expected = cells["期望结果"];
      return {
        name: text(cells["用例名称"]),
        function: fn,
        inputs,
        expected: expected === null ? undefined : expected,
      };
    }),
  };
}

function set(target: Json, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Json;
  node[keys[keys.length - 1]] = value;
}

function text(cell: CellValue): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/** A list cell: 个转企；分公司转法人 (separators ；;、,， and line breaks). */
function list(cell: CellValue, separators = /[；;、,，\n]+/): string[] {
  return text(cell)
    .split(separators)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function numberOf(cell: unknown): number {
  return typeof cell === "number" ? cell : Number(String(cell).trim());
}

function number(cell: CellValue | string, column: string, say: (column: string, message: string) => void): number {
  const value = numberOf(cell);
  if (!Number.isFinite(value)) say(column, `应为数字，实际为“${String(cell)}”`);
  return value;
}

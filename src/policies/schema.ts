/**
 * A strict, hand-written schema for policy modules. Silent typos in policy data are the
 * worst bug this field has, so every key is checked: unknown (misspelt) keys, missing
 * citations, numbers without units, wrong types, duplicate clause ids, rulings, readings
 * and tags that do not exist. Messages name the module and the field path, e.g.
 *   policies/hangzhou: clauses[0].params.rate.unit 缺失
 */
import { CANONICAL_TAGS } from "../model";
import commonTags from "./documents/common-tags.json";
import { normaliseTag } from "../parse/tags";
import { KIND_ONLY_CONDITIONS, KIND_SPECS, type ParamSpec } from "./kinds";
import { READINGS } from "./readings";
import { RULINGS } from "./rulings";
import {
  AMOUNT_READINGS,
  CLAUSE_KINDS,
  CLAUSE_STAGES,
  INSTALMENT_TESTS,
  POLICY_FORMAT,
  POLICY_STATUSES,
  UNITS,
  type ClauseKind,
  type Policy,
} from "./types";

/** One problem of a policy document, naming the file, the clause (when inside one) and the field. */
export interface PolicyProblem {
  /** The file (or module) name the problem is in. */
  readonly file: string;
  /** "hangzhou.5（五）" when the field is inside a clause, else null. */
  readonly clause: string | null;
  /** The field's path, e.g. "clauses[4].params.rate.unit". */
  readonly field: string;
  /** Chinese. */
  readonly message: string;
  /** The whole problem as one Chinese line: 文件 … 条款 … 字段 …：message. */
  readonly text: string;
}

export class PolicySchemaError extends Error {
  override readonly name = "PolicySchemaError";
  constructor(readonly problems: readonly string[]) {
    super(`政策数据不符合格式（${problems.length} 处）：\n${problems.join("\n")}`);
  }
}

type Obj = Record<string, unknown>;
/** Key → required? */
type Shape = Readonly<Record<string, boolean>>;

const POLICY_SHAPE: Shape = {
  $schema: false,
  format: true,
  id: true,
  regionId: true,
  regionName: true,
  divisionCode: true,
  level: true,
  documentNumber: true,
  title: true,
  noticeTitle: true,
  issuer: true,
  status: true,
  issueDate: true,
  basis: true,
  inForce: true,
  coveredUpgradeYears: true,
  stacking: true,
  exclusions: true,
  cultivationPool: true,
  tags: false,
  clauses: true,
  source: true,
};
const TAG_DEFINITION_SHAPE: Shape = { tag: true, aliases: true, meaning: false, fromColumns: false };
const FROM_COLUMNS_SHAPE: Shape = { ownership: false, industry: false };
const CLAUSE_SHAPE: Shape = {
  id: true,
  label: true,
  title: true,
  kind: true,
  category: true,
  quote: true,
  params: true,
  conditions: true,
  amountReading: false,
  fiscal: false,
  benefit: false,
  rulings: true,
  readings: false,
  note: false,
};
const CONDITIONS_SHAPE: Shape = {
  k: false,
  stage: false,
  requiredTags: false,
  anyOfTags: false,
  excludedTags: false,
  rateTags: false,
  minRevenue: false,
  unverified: false,
  growthFigure: false,
};
const QUANTITY_SHAPE: Shape = { value: true, unit: true };
const INSTALMENT_SHAPE: Shape = { k: true, amount: true, test: true };
const EXCLUSION_SHAPE: Shape = {
  id: true,
  label: true,
  tags: true,
  scope: true,
  allowedClauses: true,
  quote: true,
  rulings: true,
};
const POOL_SHAPE: Shape = { label: true, min: true, below: true, figure: true, quote: true, rulings: true };
const STACKING_SHAPE: Shape = { rule: true, label: true, quote: true, rulings: true };
const IN_FORCE_SHAPE: Shape = { from: true, to: true, note: true };
const COVERED_SHAPE: Shape = { from: true, to: true, note: true };
const K_SHAPE: Shape = { from: true, to: true };

/** The keys of each object of the format (key → required), for the published JSON Schema (json-schema.ts). */
export const DOCUMENT_SHAPES = {
  policy: POLICY_SHAPE,
  tagDefinition: TAG_DEFINITION_SHAPE,
  fromColumns: FROM_COLUMNS_SHAPE,
  clause: CLAUSE_SHAPE,
  conditions: CONDITIONS_SHAPE,
  quantity: QUANTITY_SHAPE,
  instalment: INSTALMENT_SHAPE,
  exclusion: EXCLUSION_SHAPE,
  cultivationPool: POOL_SHAPE,
  stacking: STACKING_SHAPE,
  inForce: IN_FORCE_SHAPE,
  coveredUpgradeYears: COVERED_SHAPE,
  k: K_SHAPE,
} as const;

/**
 * The sets the checks look names up in, built on first use: top-level work would keep this
 * module (and the readings) in the custom-functions bundle, which never checks a document.
 */
interface KnownNames {
  readonly readings: ReadonlySet<string>;
  readonly rulings: ReadonlySet<string>;
  readonly commonTags: ReadonlySet<string>;
  /** Every spelling of the common vocabulary (names and aliases, normalised) → its tag. */
  readonly commonSpellings: ReadonlyMap<string, string>;
}
let knownNames: KnownNames | undefined;
function known(): KnownNames {
  return (knownNames ??= {
    readings: new Set(READINGS.map((reading) => reading.id)),
    rulings: new Set(RULINGS.map((ruling) => ruling.id)),
    commonTags: new Set(CANONICAL_TAGS),
    commonSpellings: new Map(
      commonTags.tags.flatMap(({ tag, aliases }) => [tag, ...aliases].map((spelling) => [normaliseTag(spelling), tag])),
    ),
  });
}
const MONEY_UNITS: readonly string[] = ["万元", "亿元"];

/** Collects problems for one module; every check reports and carries on, so one run lists them all. */
class Checker {
  readonly problems: string[] = [];
  readonly found: { readonly path: string; readonly message: string }[] = [];
  /** The common tags and the document's own (set once its `tags` are read). */
  tagNames: ReadonlySet<string> = known().commonTags;
  constructor(private readonly file: string) {}

  report(path: string, message: string): void {
    this.problems.push(`policies/${this.file}: ${path} ${message}`);
    this.found.push({ path, message });
  }

  /** An object whose keys are checked elsewhere; null (reported) when it is not one. */
  plainObject(value: unknown, path: string): Obj | null {
    if (value === undefined) return null; // 缺失 reported by the parent's shape
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      this.report(path, `应为对象，实际为 ${describe(value)}`);
      return null;
    }
    return value as Obj;
  }

  /** Checks an object's keys against a shape; returns the object or null when it is not one. */
  object(value: unknown, path: string, shape: Shape): Obj | null {
    if (value === undefined) {
      this.report(path, "缺失");
      return null;
    }
    const obj = this.plainObject(value, path);
    if (!obj) return null;
    for (const key of Object.keys(obj)) {
      if (!(key in shape))
        this.report(join(path, key), `未知字段（拼写错误？可用字段：${Object.keys(shape).join("、")}）`);
    }
    for (const [key, required] of Object.entries(shape)) {
      if (required && obj[key] === undefined) this.report(join(path, key), "缺失");
    }
    return obj;
  }

  text(value: unknown, path: string, options: { nullable?: boolean; optional?: boolean } = {}): string | null {
    if (value === undefined && options.optional) return null;
    if (value === null && options.nullable) return null;
    if (value === undefined) return null; // reported as 缺失 by object()
    if (typeof value !== "string") {
      this.report(path, `应为文本，实际为 ${describe(value)}`);
      return null;
    }
    if (value.trim() === "") this.report(path, "不能为空");
    return value;
  }

  /** undefined ⇒ null: a required key's absence is reported by the parent's shape. */
  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | null {
    if (value === undefined) return null;
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
      this.report(path, `应为 ${allowed.join(" | ")} 之一，实际为 ${describe(value)}`);
      return null;
    }
    return value as T;
  }

  integer(value: unknown, path: string, options: { nullable?: boolean; min?: number } = {}): number | null {
    if (value === null && options.nullable) return null;
    if (value === undefined) return null;
    if (typeof value !== "number" || !Number.isInteger(value)) {
      this.report(path, `应为整数，实际为 ${describe(value)}`);
      return null;
    }
    if (options.min !== undefined && value < options.min) this.report(path, `不能小于 ${options.min}`);
    return value;
  }

  boolean(value: unknown, path: string): void {
    if (value !== undefined && typeof value !== "boolean")
      this.report(path, `应为 true/false，实际为 ${describe(value)}`);
  }

  isoDate(value: unknown, path: string): string | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== "string" || !isIsoDate(value)) {
      this.report(path, `应为 YYYY-MM-DD 日期或 null，实际为 ${describe(value)}`);
      return null;
    }
    return value;
  }

  /** An array, or null: undefined is reported as 缺失 by the parent's shape when required. */
  list(value: unknown, path: string): readonly unknown[] | null {
    if (value === undefined) return null;
    if (!Array.isArray(value)) {
      this.report(path, `应为数组，实际为 ${describe(value)}`);
      return null;
    }
    return value;
  }

  texts(value: unknown, path: string): void {
    const items = this.list(value, path);
    items?.forEach((item, i) => this.text(item, `${path}[${i}]`));
  }

  tags(value: unknown, path: string, nonEmpty = false): readonly string[] {
    const items = this.list(value, path);
    if (!items) return [];
    if (nonEmpty && items.length === 0) this.report(path, "不能为空");
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (typeof item !== "string" || !this.tagNames.has(item)) {
        this.report(
          `${path}[${i}]`,
          `不是已定义的标签（R7）：${describe(item)}；可用：${[...this.tagNames].join("、")}（文件自己的标签写在 tags 中）`,
        );
      } else if (seen.has(item)) {
        this.report(`${path}[${i}]`, `重复的标签“${item}”`);
      } else seen.add(item);
    });
    return items.filter((item): item is string => typeof item === "string");
  }

  rulings(value: unknown, path: string): void {
    const items = this.list(value, path);
    items?.forEach((item, i) => {
      if (typeof item !== "string" || !known().rulings.has(item))
        this.report(`${path}[${i}]`, `不存在的口径 ${describe(item)}（应为 R1–R15）`);
    });
  }

  readings(value: unknown, path: string): void {
    const items = this.list(value, path);
    items?.forEach((item, i) => {
      if (typeof item !== "string" || !known().readings.has(item))
        this.report(`${path}[${i}]`, `不存在的解读 ${describe(item)}（见 src/policies/readings.ts）`);
    });
  }

  quote(value: unknown, path: string, nullable = false): void {
    if (value === undefined) return; // 缺失 reported by object()
    if (value === null) {
      if (!nullable) this.report(path, "缺失引文（quote 不能为 null）");
      return;
    }
    if (typeof value !== "string" || value.trim() === "") {
      this.report(path, `缺失引文（应为原文文本，实际为 ${describe(value)}）`);
      return;
    }
    if (/[\r\n]/.test(value)) this.report(path, "引文不能含换行（按 docs/sources 去掉换行后的原文引用）");
  }

  /** A number with its unit. `units` = the units allowed here. */
  quantity(value: unknown, path: string, units: readonly string[] = UNITS): { value: number; unit: string } | null {
    if (typeof value === "number") {
      this.report(`${path}.unit`, `缺失（数值 ${value} 必须写成 { value, unit }）`);
      return null;
    }
    const obj = this.object(value, path, QUANTITY_SHAPE);
    if (!obj) return null;
    const amount = obj.value;
    let ok = true;
    if (amount !== undefined && (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0)) {
      this.report(`${path}.value`, `应为非负有限数，实际为 ${describe(amount)}`);
      ok = false;
    }
    if (obj.unit !== undefined && (typeof obj.unit !== "string" || !units.includes(obj.unit))) {
      this.report(`${path}.unit`, `单位应为 ${units.join(" | ")} 之一，实际为 ${describe(obj.unit)}`);
      ok = false;
    }
    if (!ok || typeof amount !== "number" || typeof obj.unit !== "string") return null;
    if (obj.unit === "万元" && !Number.isInteger(Math.round(amount * 10_000 * 1e6) / 1e6)) {
      this.report(`${path}.value`, "万元金额须精确到元（最多4位小数）");
    }
    if (obj.unit === "%" && Math.abs(Math.round(amount * 100) - amount * 100) > 1e-9) {
      this.report(`${path}.value`, "百分比最多2位小数（按万分之一精确计算）");
    }
    return { value: amount, unit: obj.unit };
  }
}

/** Problems in one policy module (empty when valid). `file` names the module in messages. */
export function validatePolicy(value: unknown, file?: string): string[] {
  return runChecks(value, file).problems;
}

/**
 * Every problem of a policy document at once, each naming the file, the clause and the field
 * (empty when valid). The loader (catalog.ts) refuses a document with any problem, whole.
 */
export function validatePolicyDocument(value: unknown, file: string): PolicyProblem[] {
  const clauses = isObj(value) && Array.isArray(value.clauses) ? value.clauses : [];
  return runChecks(value, file).found.map(({ path, message }) => {
    const match = /^clauses\[(\d+)\]/.exec(path);
    const clause = match ? clauseName(clauses[Number(match[1])], Number(match[1])) : null;
    const field = path === "(policy)" ? "（整个文件）" : path;
    const where = clause ? `条款 ${clause} 字段 ${field}` : `字段 ${field}`;
    return { file, clause, field, message, text: `${file}：${where}：${message}` };
  });
}

/** "hangzhou.5（五）", or "第 3 条" when the clause has no id. */
function clauseName(clause: unknown, index: number): string {
  if (!isObj(clause)) return `第 ${index + 1} 条`;
  const id = typeof clause.id === "string" ? clause.id : `第 ${index + 1} 条`;
  return typeof clause.label === "string" ? `${id}（${clause.label}）` : id;
}

function runChecks(value: unknown, file?: string): Checker {
  const name = file ?? (isObj(value) && typeof value.id === "string" ? value.id : "?");
  const check = new Checker(name);
  const policy = check.object(value, "(policy)", POLICY_SHAPE);
  if (!policy) return check;

  if (policy.format !== undefined && policy.format !== POLICY_FORMAT)
    check.report("format", `应为 “${POLICY_FORMAT}”，实际为 ${describe(policy.format)}（本版 XSG 只读这一格式）`);
  check.text(policy.$schema, "$schema", { optional: true });
  const id = check.text(policy.id, "id");
  if (id !== null && !/^[a-z][a-z0-9-]*$/.test(id)) check.report("id", `应为小写 ASCII 标识，实际为 ${describe(id)}`);
  const regionId = check.text(policy.regionId, "regionId");
  if (regionId !== null && !/^[a-z][a-z0-9-]*$/.test(regionId))
    check.report("regionId", `应为小写 ASCII 标识，实际为 ${describe(regionId)}`);
  checkOwnTags(check, policy.tags);
  check.text(policy.regionName, "regionName");
  if (
    policy.divisionCode !== undefined &&
    (typeof policy.divisionCode !== "string" || !/^\d{6}$/.test(policy.divisionCode))
  ) {
    check.report("divisionCode", `应为6位 GB/T 2260 代码文本，实际为 ${describe(policy.divisionCode)}`);
  }
  check.oneOf(policy.level, "level", ["city", "county"] as const);
  check.text(policy.documentNumber, "documentNumber");
  check.text(policy.title, "title");
  check.text(policy.noticeTitle, "noticeTitle", { nullable: true });
  check.text(policy.issuer, "issuer");
  const status = check.oneOf(policy.status, "status", POLICY_STATUSES);
  const issueDate = check.isoDate(policy.issueDate, "issueDate");
  if (status === "正式" && policy.issueDate === null) check.report("issueDate", "正式文件须有印发日期");
  check.texts(policy.basis, "basis");

  const inForce = check.object(policy.inForce, "inForce", IN_FORCE_SHAPE);
  if (inForce) {
    const from = check.isoDate(inForce.from, "inForce.from");
    const to = check.isoDate(inForce.to, "inForce.to");
    if (from && to && from > to) check.report("inForce", `起始日 ${from} 晚于截止日 ${to}`);
    check.text(inForce.note, "inForce.note");
    if (from && issueDate && from < issueDate) check.report("inForce.from", `施行日 ${from} 早于印发日 ${issueDate}`);
  }
  const covered = check.object(policy.coveredUpgradeYears, "coveredUpgradeYears", COVERED_SHAPE);
  if (covered) {
    const from = check.integer(covered.from, "coveredUpgradeYears.from", { min: 1990 });
    const to = check.integer(covered.to, "coveredUpgradeYears.to", { nullable: true, min: 1990 });
    if (from !== null && to !== null && from > to)
      check.report("coveredUpgradeYears", `起始年 ${from} 晚于截止年 ${to}`);
    check.text(covered.note, "coveredUpgradeYears.note");
  }
  const stacking = check.object(policy.stacking, "stacking", STACKING_SHAPE);
  if (stacking) {
    check.text(stacking.rule, "stacking.rule");
    check.text(stacking.label, "stacking.label", { nullable: true });
    check.quote(stacking.quote, "stacking.quote", true);
    if ((stacking.label === null) !== (stacking.quote === null))
      check.report("stacking", "label 与 quote 须同时给出或同时为 null");
    check.rulings(stacking.rulings, "stacking.rulings");
  }
  const pool =
    policy.cultivationPool === null ? null : check.object(policy.cultivationPool, "cultivationPool", POOL_SHAPE);
  if (pool) {
    check.text(pool.label, "cultivationPool.label");
    const min = check.quantity(pool.min, "cultivationPool.min", ["万元"]);
    const below = pool.below === null ? null : check.quantity(pool.below, "cultivationPool.below", ["万元"]);
    if (min && below && min.value >= below.value) check.report("cultivationPool", "min 须小于 below");
    check.text(pool.figure, "cultivationPool.figure");
    check.quote(pool.quote, "cultivationPool.quote");
    check.rulings(pool.rulings, "cultivationPool.rulings");
  }
  // The quotes are checked against this copy by the tests (test/unit/policies/quotes.test.ts).
  if (
    policy.source !== undefined &&
    (typeof policy.source !== "string" || !/^(docs\/sources|test\/fixtures)\/[a-z0-9-]+\.txt$/.test(policy.source))
  ) {
    check.report("source", `应为原文副本路径 docs/sources/<id>.txt，实际为 ${describe(policy.source)}`);
  }

  const clauses = check.list(policy.clauses, "clauses");
  const clauseIds = new Set<string>();
  if (clauses) {
    if (clauses.length === 0) check.report("clauses", "不能为空");
    clauses.forEach((clause, i) => {
      const clauseId = checkClause(check, clause, `clauses[${i}]`, id);
      if (clauseId === null) return;
      if (clauseIds.has(clauseId)) check.report(`clauses[${i}].id`, `重复的条款 id “${clauseId}”`);
      clauseIds.add(clauseId);
    });
  }

  const exclusions = check.list(policy.exclusions, "exclusions");
  const exclusionIds = new Set<string>();
  exclusions?.forEach((item, i) => {
    const path = `exclusions[${i}]`;
    const exclusion = check.object(item, path, EXCLUSION_SHAPE);
    if (!exclusion) return;
    const exclusionId = check.text(exclusion.id, `${path}.id`);
    if (exclusionId !== null) {
      if (exclusionIds.has(exclusionId)) check.report(`${path}.id`, `重复的排除 id “${exclusionId}”`);
      exclusionIds.add(exclusionId);
    }
    check.text(exclusion.label, `${path}.label`);
    check.tags(exclusion.tags, `${path}.tags`, true);
    check.oneOf(exclusion.scope, `${path}.scope`, ["fiscal"] as const);
    const allowed = check.list(exclusion.allowedClauses, `${path}.allowedClauses`);
    allowed?.forEach((clauseId, j) => {
      if (typeof clauseId !== "string" || !clauseIds.has(clauseId)) {
        check.report(`${path}.allowedClauses[${j}]`, `不存在的条款 id ${describe(clauseId)}`);
      }
    });
    check.quote(exclusion.quote, `${path}.quote`);
    check.rulings(exclusion.rulings, `${path}.rulings`);
  });

  return check;
}

/** The document's own tags: new names whose spellings mean nothing else yet (R7, D23). */
function checkOwnTags(check: Checker, value: unknown): void {
  const items = check.list(value, "tags");
  if (!items) return;
  const names = new Set(known().commonTags);
  const spellings = new Map(known().commonSpellings);
  items.forEach((item, i) => {
    const path = `tags[${i}]`;
    const definition = check.object(item, path, TAG_DEFINITION_SHAPE);
    if (!definition) return;
    const tag = check.text(definition.tag, `${path}.tag`);
    check.text(definition.meaning, `${path}.meaning`, { optional: true });
    if (definition.fromColumns !== undefined) {
      const columns = check.object(definition.fromColumns, `${path}.fromColumns`, FROM_COLUMNS_SHAPE);
      if (columns)
        for (const column of Object.keys(FROM_COLUMNS_SHAPE))
          check.texts(columns[column], `${path}.fromColumns.${column}`);
    }
    const aliases = check.list(definition.aliases, `${path}.aliases`) ?? [];
    if (tag === null) return;
    if (names.has(tag)) {
      check.report(`${path}.tag`, `标签“${tag}”已是通用标签或本文件已定义，无需再定义`);
      return;
    }
    [tag, ...aliases].forEach((spelling, j) => {
      const where = j === 0 ? `${path}.tag` : `${path}.aliases[${j - 1}]`;
      if (typeof spelling !== "string" || spelling.trim() === "") {
        check.report(where, `应为非空文本，实际为 ${describe(spelling)}`);
        return;
      }
      const owner = spellings.get(normaliseTag(spelling));
      if (owner !== undefined && owner !== tag) check.report(where, `“${spelling}”已表示标签“${owner}”`);
      else spellings.set(normaliseTag(spelling), tag);
    });
    names.add(tag);
  });
  check.tagNames = names;
}

function checkClause(check: Checker, value: unknown, path: string, policyId: string | null): string | null {
  const clause = check.object(value, path, CLAUSE_SHAPE);
  if (!clause) return null;
  const id = check.text(clause.id, `${path}.id`);
  if (id !== null && policyId !== null && !new RegExp(`^${policyId}(\\.[a-z0-9-]+)+$`).test(id)) {
    check.report(`${path}.id`, `应形如 “${policyId}.1”“${policyId}.3.8”，实际为 ${describe(id)}`);
  }
  check.text(clause.label, `${path}.label`);
  check.text(clause.title, `${path}.title`);
  const kind = check.oneOf(clause.kind, `${path}.kind`, CLAUSE_KINDS);
  if (clause.kind !== undefined && kind === null) {
    check.found.pop();
    check.problems.pop();
    check.report(
      `${path}.kind`,
      `XSG 不认识条款类型 ${describe(clause.kind)}；认识的类型：${CLAUSE_KINDS.map((k) => `${k}（${KIND_SPECS[k].label}）`).join("、")}`,
    );
  }
  const category = clause.category;
  if (kind && category !== undefined) {
    const categories = KIND_SPECS[kind].categories as readonly string[];
    if (typeof category !== "string" || !categories.includes(category)) {
      check.report(
        `${path}.category`,
        `${kind} 条款的类别应为 ${categories.join(" | ")} 之一，实际为 ${describe(category)}`,
      );
    }
  }
  check.quote(clause.quote, `${path}.quote`);
  check.oneOf(clause.amountReading, `${path}.amountReading`, AMOUNT_READINGS);
  check.boolean(clause.fiscal, `${path}.fiscal`);
  check.text(clause.benefit, `${path}.benefit`, { optional: true });
  if ((kind === "benefit" || kind === "unquantified") && clause.benefit === undefined) {
    check.report(`${path}.benefit`, "缺失（非现金待遇和未量化承诺须写明内容）");
  }
  check.rulings(clause.rulings, `${path}.rulings`);
  check.readings(clause.readings, `${path}.readings`);
  check.text(clause.note, `${path}.note`, { optional: true });

  // Parameter names depend on the kind, so they are checked against the kind's table.
  const params = check.plainObject(clause.params, `${path}.params`);
  if (params && kind) checkParams(check, params, `${path}.params`, kind);
  if (kind) checkConditions(check, clause.conditions, `${path}.conditions`, kind, params);
  return id;
}

function checkParams(check: Checker, params: Obj, path: string, kind: ClauseKind): void {
  const specs = KIND_SPECS[kind].params;
  if (specs === null) {
    for (const [name, value] of Object.entries(params)) check.quantity(value, `${path}.${name}`);
    return;
  }
  for (const name of Object.keys(params)) {
    if (!(name in specs))
      check.report(`${path}.${name}`, `${kind} 不接受此参数（拼写错误？可用：${Object.keys(specs).join("、")}）`);
  }
  for (const [name, spec] of Object.entries(specs)) {
    const value = params[name];
    if (value === undefined) {
      if (spec.required) check.report(`${path}.${name}`, "缺失");
      continue;
    }
    checkParam(check, value, `${path}.${name}`, spec);
  }
  if (kind === "upgrade-schedule") checkSchedule(check, params, path);
  if (
    kind === "percent-of-investment" &&
    (params.tagRate === undefined) !== (params.tagCap === undefined) &&
    params.tagCap !== undefined
  ) {
    check.report(`${path}.tagRate`, "有 tagCap 时须有 tagRate");
  }
}

function checkParam(check: Checker, value: unknown, path: string, spec: ParamSpec): void {
  if (spec.type === "quantity") {
    check.quantity(value, path, spec.units);
    return;
  }
  const items = check.list(value, path);
  if (!items) return;
  if (items.length === 0) check.report(path, "不能为空");
  let previousK = -1;
  items.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    const instalment = check.object(item, itemPath, INSTALMENT_SHAPE);
    if (!instalment) return;
    const k = check.integer(instalment.k, `${itemPath}.k`, { min: 0 });
    if (k !== null) {
      if (k <= previousK) check.report(`${itemPath}.k`, "k 须严格递增且不重复");
      previousK = k;
    }
    check.quantity(instalment.amount, `${itemPath}.amount`, MONEY_UNITS);
    check.oneOf(instalment.test, `${itemPath}.test`, INSTALMENT_TESTS);
  });
}

function checkSchedule(check: Checker, params: Obj, path: string): void {
  const instalments = Array.isArray(params.instalments) ? (params.instalments as Obj[]) : [];
  if (
    instalments.some((item) => isObj(item) && item.test === "prev-revenue-at-least") &&
    params.prevRevenueThreshold === undefined
  ) {
    check.report(`${path}.prevRevenueThreshold`, "缺失（有分期使用 prev-revenue-at-least）");
  }
  const maxTotal = params.maxTotal;
  if (isQuantity(maxTotal)) {
    const sum = instalments.reduce(
      (total, item) => total + (isObj(item) && isQuantity(item.amount) ? toYuan(item.amount) : 0),
      0,
    );
    if (sum !== toYuan(maxTotal)) {
      check.report(
        `${path}.maxTotal`,
        `与分年金额合计不符：分年合计 ${sum / 10_000} 万元，maxTotal ${maxTotal.value} ${maxTotal.unit}`,
      );
    }
  }
}

function checkConditions(check: Checker, value: unknown, path: string, kind: ClauseKind, params: Obj | null): void {
  const conditions = check.object(value, path, CONDITIONS_SHAPE);
  if (!conditions) return;
  for (const [key, kinds] of Object.entries(KIND_ONLY_CONDITIONS)) {
    if (conditions[key] !== undefined && !kinds.includes(kind))
      check.report(`${path}.${key}`, `只用于 ${kinds.join("、")} 条款`);
  }
  const stage = check.oneOf(conditions.stage, `${path}.stage`, CLAUSE_STAGES) ?? "upgraded";
  if (stage === "cultivation") {
    if (conditions.k !== undefined) check.report(`${path}.k`, "培育企业条款没有升规年份，不能规定 k");
    if (kind !== "benefit" && kind !== "unquantified")
      check.report(`${path}.stage`, "培育企业条款只能是 benefit 或 unquantified");
  } else if (conditions.k === undefined) {
    check.report(`${path}.k`, "缺失（升规企业条款须写明适用的升规后年度 k）");
  }
  if (conditions.k !== undefined) {
    const k = check.object(conditions.k, `${path}.k`, K_SHAPE);
    if (k) {
      const from = check.integer(k.from, `${path}.k.from`, { min: 0 });
      const to = check.integer(k.to, `${path}.k.to`, { nullable: true, min: 0 });
      if (from !== null && to !== null && from > to) check.report(`${path}.k`, `from ${from} 大于 to ${to}`);
      if (kind === "upgrade-bonus" && from !== to)
        check.report(`${path}.k`, "额外奖励只在一个年度给予：from 须等于 to");
      if (kind === "upgrade-schedule" && params && Array.isArray(params.instalments)) {
        for (const item of params.instalments as Obj[]) {
          if (
            isObj(item) &&
            typeof item.k === "number" &&
            from !== null &&
            (item.k < from || (to !== null && item.k > to))
          ) {
            check.report(`${path}.k`, `分期 k=${item.k} 不在 ${from}..${to ?? "∞"} 内`);
          }
        }
      }
    }
  }
  check.tags(conditions.requiredTags, `${path}.requiredTags`, true);
  check.tags(conditions.anyOfTags, `${path}.anyOfTags`, true);
  check.tags(conditions.excludedTags, `${path}.excludedTags`, true);
  check.tags(conditions.rateTags, `${path}.rateTags`, true);
  if (kind === "percent-of-investment" && params) {
    if ((conditions.rateTags === undefined) !== (params.tagRate === undefined)) {
      check.report(`${path}.rateTags`, "rateTags 与 params.tagRate 须同时给出");
    }
  }
  if (conditions.minRevenue !== undefined) check.quantity(conditions.minRevenue, `${path}.minRevenue`, ["万元"]);
  check.texts(conditions.unverified, `${path}.unverified`);
  if (conditions.growthFigure !== undefined) {
    check.text(conditions.growthFigure, `${path}.growthFigure`);
    const usesGrowth =
      params &&
      Array.isArray(params.instalments) &&
      (params.instalments as Obj[]).some((item) => isObj(item) && item.test === "revenue-growth");
    if (!usesGrowth) check.report(`${path}.growthFigure`, "只用于有 revenue-growth 分期的条款");
  }
}

/** Validates a module and returns it typed, or throws PolicySchemaError listing every problem. */
export function assertValidPolicy(value: unknown, file?: string): Policy {
  const problems = validatePolicy(value, file);
  if (problems.length > 0) throw new PolicySchemaError(problems);
  return value as Policy;
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isQuantity(value: unknown): value is { value: number; unit: string } {
  return (
    isObj(value) &&
    typeof value.value === "number" &&
    typeof value.unit === "string" &&
    MONEY_UNITS.includes(value.unit)
  );
}

function toYuan(quantity: { value: number; unit: string }): number {
  return Math.round(quantity.value * (quantity.unit === "亿元" ? 100_000_000 : 10_000));
}

function join(path: string, key: string): string {
  return path === "(policy)" ? key : `${path}.${key}`;
}

function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return `“${value}”`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

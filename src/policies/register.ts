/**
 * Renders docs/policies.md — the register of every document and clause — from the policy
 * data, so the data and the register cannot disagree (a test fails when the file is stale).
 * Pure: the script scripts/gen-policy-docs.cjs writes the result.
 */
import type { RulingId } from "../model";
import { KIND_SPECS } from "./kinds";
import { READINGS, type Reading } from "./readings";
import { RULINGS, type Ruling } from "./rulings";
import type { Clause, Instalment, Policy, Quantity } from "./types";

const CATEGORY_TEXT: Record<string, string> = {
  award: "升规奖励",
  tech: "技改补助",
  rent: "房租补助",
  bid: "中标奖励",
  "other-cash": "其他资金",
  benefit: "非现金待遇",
};
const TEST_TEXT: Record<string, string> = {
  none: "无附加条件",
  "revenue-growth": "当年营业收入须高于上年",
  "prev-revenue-at-least": "上年营业收入给出时须达到门槛",
};
const READING_TEXT: Record<string, string> = {
  exact: "按原文金额",
  "up-to": "“不超过/不高于”：取上限",
  "at-least": "“不少于”：取最低标准",
};

export function renderPolicyRegister(
  policies: readonly Policy[],
  rulings: readonly Ruling[] = RULINGS,
  readings: readonly Reading[] = READINGS,
): string {
  const out: string[] = [];
  // Generated text: formatters must not re-pad its tables (the staleness test compares bytes).
  out.push("<!-- prettier-ignore-start -->", "");
  out.push("# 政策登记册 / Policy register", "");
  out.push(
    "> 本文件由 `npm run docs:policies`（scripts/gen-policy-docs.cjs）从 `src/policies/documents/*.json` 的数据生成，请勿手工编辑；",
    "> 数据改动而本文件未重新生成时，测试 `test/unit/policies/register.test.ts` 失败。",
    "> 引文与 `docs/sources/` 中的原文副本逐字一致（仅去掉排版换行），由 `test/unit/policies/quotes.test.ts` 检验。",
    "",
  );
  out.push("## 目录", "");
  for (const policy of policies) out.push(`- [${policy.regionName}：${policy.documentNumber}](#${anchor(policy)})`);
  out.push(
    "- [口径摘要（R1–R15）](#rulings)",
    "- [规则未明确处的解读 / Readings where the rulings are silent](#readings)",
    "",
  );

  for (const policy of policies) renderPolicy(out, policy, rulings);

  out.push(
    '<a id="rulings"></a>',
    "",
    "## 口径摘要（R1–R15）",
    "",
    "| 口径 | 标题 | 摘要 | 适用文件 |",
    "|---|---|---|---|",
  );
  for (const ruling of rulings) {
    const users = policies.filter((policy) => rulingsOf(policy).has(ruling.id)).map((policy) => policy.regionName);
    out.push(`| ${ruling.id} | ${cell(ruling.title)} | ${cell(ruling.summary)} | ${users.join("、") || "—"} |`);
  }
  out.push("");

  out.push('<a id="readings"></a>', "", "## 规则未明确处的解读 / Readings where the rulings are silent", "");
  out.push("口径（R1–R15）未明确之处，按审计人员可以接受的读法处理，并在数据中逐条引用：", "");
  out.push("| 编号 | 解读 | 理由 | 引用条款 |", "|---|---|---|---|");
  for (const reading of readings) {
    const users = policies.flatMap((policy) =>
      policy.clauses.filter((clause) => clause.readings?.includes(reading.id)).map((clause) => `\`${clause.id}\``),
    );
    out.push(
      `| ${reading.id} | ${cell(reading.decision)} | ${cell(reading.rationale)} | ${users.join(" ") || "（全局）"} |`,
    );
  }
  out.push("", "<!-- prettier-ignore-end -->", "");
  return out.join("\n");
}

function renderPolicy(out: string[], policy: Policy, rulings: readonly Ruling[]): void {
  out.push(
    `<a id="${anchor(policy)}"></a>`,
    "",
    `## ${policy.regionName}：${policy.documentNumber}《${policy.title}》`,
    "",
  );
  const { inForce, coveredUpgradeYears: covered, stacking, cultivationPool: pool } = policy;
  const rows: [string, string][] = [
    [
      "地区",
      `${policy.regionName}（${policy.divisionCode}，${policy.level === "city" ? "市级：覆盖全部下辖区县" : "区县级"}），id \`${policy.id}\`` +
        (policy.regionId === policy.id ? "" : `，地区 id \`${policy.regionId}\``),
    ],
    ["文号", policy.documentNumber],
    ["标题", policy.title],
    ["印发通知", policy.noticeTitle ?? "—"],
    ["发文机关", policy.issuer],
    ["状态", policy.status],
    ["印发日期", policy.issueDate ?? "无"],
    ["依据文件", policy.basis.join("、") || "—"],
    ["施行期", `${inForce.from ?? "自印发之日起"} 至 ${inForce.to ?? "未规定"}（${inForce.note}）`],
    ["覆盖升规年份（R4）", `${covered.from}–${covered.to ?? "（无截止）"}：${covered.note}`],
    [
      "叠加规则（R13）",
      stacking.quote ? `${stacking.rule}。原文（${stacking.label}）：“${stacking.quote}”` : `${stacking.rule}`,
    ],
    [
      "培育库（R14）",
      pool
        ? `${pool.below ? `${quantity(pool.min)}至${quantity(pool.below)}以下` : `${quantity(pool.min)}以上`}（按${pool.figure}）。原文（${pool.label}）：“${pool.quote}”`
        : "文件未界定（STATUS 只分规上/规下）",
    ],
    ["原文副本", `\`${policy.source}\``],
  ];
  if (policy.tags?.length) {
    rows.push([
      "文件自有标签（R7）",
      policy.tags.map((t) => `${t.tag}${t.aliases.length ? `（别名：${t.aliases.join("、")}）` : ""}`).join("；"),
    ]);
  }
  out.push("| 项目 | 内容 |", "|---|---|", ...rows.map(([key, value]) => `| ${key} | ${cell(value)} |`), "");

  out.push("### 排除情形（R6）", "");
  if (policy.exclusions.length === 0)
    out.push("文件未规定排除情形：国有、房地产、亩均C/D、严重失信等标签不影响本文件的金额。", "");
  else {
    out.push(
      "作用于财政奖补条款（下表“财政奖补”为“是”的条款）。",
      "",
      "| 编号 | 出处 | 标签 | 仍可享受 | 原文 |",
      "|---|---|---|---|---|",
    );
    for (const exclusion of policy.exclusions) {
      const allowed = exclusion.allowedClauses.map((id) => `\`${id}\``).join(" ") || "无";
      out.push(
        `| ${exclusion.id} | ${exclusion.label} | ${exclusion.tags.join("、")} | ${allowed} | “${cell(exclusion.quote)}” |`,
      );
    }
    out.push("");
  }

  out.push("### 条款登记", "");
  out.push("| 编号 | 条款 | 标题 | 类型 | 类别 | 金额 |", "|---|---|---|---|---|---|");
  for (const clause of policy.clauses) {
    out.push(
      `| \`${clause.id}\` | ${clause.label} | ${cell(clause.title)} | ${clause.kind} | ${CATEGORY_TEXT[clause.category]} | ${cell(amountSummary(clause))} |`,
    );
  }
  out.push("");
  for (const clause of policy.clauses) renderClause(out, clause);

  const used = [...rulingsOf(policy)].sort(byRulingNumber);
  out.push("### 本文件适用的口径", "");
  for (const id of used) {
    const ruling = rulings.find((item) => item.id === id);
    out.push(`- **${id} ${ruling?.title ?? ""}**：${ruling?.summary ?? ""}`);
  }
  out.push("");
}

function renderClause(out: string[], clause: Clause): void {
  out.push(`#### ${clause.label} ${clause.title}（\`${clause.id}\`）`, "");
  const spec = KIND_SPECS[clause.kind];
  const quantified = clause.kind !== "benefit" && clause.kind !== "unquantified";
  out.push(
    `- 类型：\`${clause.kind}\`（${spec.label}）；类别：${CATEGORY_TEXT[clause.category]}；财政奖补：${clause.fiscal ? "是" : "否"}` +
      (quantified || clause.amountReading ? `；金额解读：${READING_TEXT[clause.amountReading ?? "exact"]}` : ""),
  );
  out.push(`- 原文：“${clause.quote}”`);
  const params = Object.entries(clause.params);
  if (params.length > 0) {
    out.push("- 参数：");
    for (const [name, value] of params) {
      const label = spec.params?.[name]?.label ?? name;
      out.push(
        `  - ${label}（\`${name}\`）：${Array.isArray(value) ? instalments(value) : quantity(value as Quantity)}`,
      );
    }
  }
  out.push(`- 条件：${conditionsText(clause)}`);
  if (clause.benefit) out.push(`- 待遇：${clause.benefit}`);
  out.push(`- 口径：${clause.rulings.length > 0 ? [...clause.rulings].sort(byRulingNumber).join("、") : "—"}`);
  if (clause.readings?.length) out.push(`- 解读：${clause.readings.join("、")}`);
  if (clause.note) out.push(`- 备注：${clause.note}`);
  out.push("");
}

function conditionsText(clause: Clause): string {
  const c = clause.conditions;
  const parts: string[] = [];
  if (c.stage === "cultivation") parts.push("培育企业（当年营业收入低于2000万元，且在文件界定的培育库内）");
  if (c.k) {
    parts.push(
      c.k.to === null
        ? `升规后第${c.k.from + 1}年起（k≥${c.k.from}）`
        : c.k.from === c.k.to
          ? `升规后第${c.k.from + 1}年（k=${c.k.from}）`
          : `升规后第${c.k.from + 1}至第${c.k.to + 1}年（k=${c.k.from}..${c.k.to}）`,
    );
  }
  if (c.requiredTags?.length) parts.push(`须有标签 ${c.requiredTags.join("、")}`);
  if (c.anyOfTags?.length) parts.push(`须有标签 ${c.anyOfTags.join(" 或 ")}`);
  if (c.excludedTags?.length) parts.push(`标签 ${c.excludedTags.join("、")} 不予补助`);
  if (c.rateTags?.length) parts.push(`标签 ${c.rateTags.join("、")} 适用重点产业比例`);
  if (c.minRevenue) parts.push(`营业收入达到 ${quantity(c.minRevenue)}`);
  if (c.growthFigure) parts.push(`增长考核指标：${c.growthFigure}（XSG 以所填营业收入比较，R5）`);
  if (c.unverified?.length) parts.push(`须经办人核实：${c.unverified.join("；")}`);
  return parts.join("；") || "—";
}

function amountSummary(clause: Clause): string {
  const p = clause.params as Record<string, Quantity | readonly Instalment[]>;
  const q = (name: string) => (p[name] && !Array.isArray(p[name]) ? quantity(p[name] as Quantity) : null);
  switch (clause.kind) {
    case "upgrade-schedule":
      return instalments(p.instalments as readonly Instalment[]);
    case "upgrade-bonus":
      return `${q("amount")}（一次）`;
    case "percent-of-investment":
      return [
        q("rate"),
        q("minInvestment") && `投资≥${q("minInvestment")}`,
        q("cap") && `上限${q("cap")}`,
        q("tagRate") && `重点产业${q("tagRate")}、上限${q("tagCap")}`,
      ]
        .filter(Boolean)
        .join("，");
    case "rent-per-area-month":
      return [q("rate"), q("cap") && `上限${q("cap")}`].filter(Boolean).join("，");
    case "rent-months-per-year":
      return [
        `每年${q("rentMonthsPerYear")}房租`,
        q("areaAbove") && `面积>${q("areaAbove")}`,
        q("leaseAtLeast") && `租期≥${q("leaseAtLeast")}`,
      ]
        .filter(Boolean)
        .join("，");
    case "contract-percent":
      return [
        q("rate"),
        q("minContract") && `合同≥${q("minContract")}`,
        q("capPerContract") && `单项上限${q("capPerContract")}`,
        q("capPerYear") && `年度上限${q("capPerYear")}`,
      ]
        .filter(Boolean)
        .join("，");
    case "benefit":
      return "非现金";
    case "unquantified":
      return "未量化";
  }
}

function instalments(items: readonly Instalment[]): string {
  return items.map((item) => `k=${item.k} ${quantity(item.amount)}（${TEST_TEXT[item.test]}）`).join("；");
}

function quantity(q: Quantity): string {
  // "1月" would read as January: a duration in months is "1个月".
  return `${q.value}${q.unit === "月" ? "个月" : q.unit}`;
}

function rulingsOf(policy: Policy): Set<RulingId> {
  const ids = new Set<RulingId>(policy.stacking.rulings);
  for (const clause of policy.clauses) for (const id of clause.rulings) ids.add(id);
  for (const exclusion of policy.exclusions) for (const id of exclusion.rulings) ids.add(id);
  for (const id of policy.cultivationPool?.rulings ?? []) ids.add(id);
  return ids;
}

function byRulingNumber(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}

function anchor(policy: Policy): string {
  return `policy-${policy.id}`;
}

/** Table cells: no raw pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

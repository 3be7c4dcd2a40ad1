/**
 * Chinese explanations for XSG.EXPLAIN and XSG.POLICY. EXPLAIN states the amount AWARD
 * returns (or the #N/A it gives and why), then each award clause applied or refused with
 * document number, clause label and reason, then the rulings used.
 */
import { isXsgError } from "../errors";
import type { ClauseStatus, Fen, RulingId, TagMask } from "../model";
import { activeCatalog, type PolicyCatalog } from "../policies";
import type { Policy } from "../policies/types";
import { rulingById } from "../policies/rulings";
import { formatWan } from "./arith";
import { coverageText, evaluatePolicy } from "./evaluate";
import { RulingSet } from "./ruling-set";
import { upgradeAward } from "./fast";
import { maskOf, planOf, tagsOfMask } from "./plan";
import type { ClauseOutcome } from "./types";

const STATUS_TEXT: Record<ClauseStatus, string> = {
  granted: "给予",
  "not-eligible": "不给予",
  "needs-data": "缺少数据",
  "not-quantified": "未量化",
  "not-covered": "不在覆盖范围",
  excluded: "排除",
};

/** Tags some document of the catalog excludes (R6, from the policy data): elsewhere they change nothing. */
const exclusionTags = new WeakMap<PolicyCatalog, TagMask>();
function exclusionTagsMask(): TagMask {
  const catalog = activeCatalog();
  let mask = exclusionTags.get(catalog);
  if (mask === undefined) {
    mask = maskOf(catalog.documents.flatMap((p) => p.exclusions.flatMap((exclusion) => exclusion.tags)));
    exclusionTags.set(catalog, mask);
  }
  return mask;
}

export function explainAward(
  policy: Policy,
  revenue: Fen | null,
  year: number,
  upgradeYear: number | null,
  prevRevenue: Fen | null,
  tags: TagMask,
): string {
  const mask = tags | 0;
  let result: string;
  try {
    result = `${formatWan(upgradeAward(policy, revenue, year, upgradeYear, prevRevenue, mask))} 万元`;
  } catch (error) {
    if (!isXsgError(error) || error.code !== "NA") throw error;
    result = `#N/A（${error.detail}）`;
  }
  const evaluation = evaluatePolicy(
    policy,
    { region: policy.regionId, revenue, prevRevenue, upgradeYear, tags: mask },
    year,
  );
  const outcomes = evaluation.clauses.filter((outcome) => outcome.category === "award");
  const rulings = new RulingSet(["R1", "R3", "R4", "R5"]);
  const lines = [
    `${policy.regionName} ${year}年度升规奖励：${result}`,
    `依据：${citeDocument(policy)}`,
    `升规年份 ${evaluation.upgradeYear}${evaluation.upgradeYearAssumed ? "（未填，按评价年度计，R3）" : ""}，k=${evaluation.k}；` +
      `本文件覆盖升规年份 ${coverageText(policy)}：${evaluation.covered ? "覆盖" : "不覆盖"}（R4）`,
  ];
  for (const outcome of outcomes) {
    lines.push(clauseLine(policy, outcome));
    rulings.addAll(outcome.rulings);
  }
  if (outcomes.some((outcome) => outcome.status === "not-quantified")) {
    lines.push("说明：升规奖励只计已量化部分；未量化部分以实际发放为准（R5）");
  }
  const irrelevant = mask & exclusionTagsMask();
  if (policy.exclusions.length === 0 && irrelevant !== 0) {
    lines.push(`本文件未规定排除情形，企业标签“${tagsOfMask(irrelevant).join("、")}”不影响金额（R6）`);
    rulings.add("R6");
  }
  lines.push(`口径：${rulings.toArray().map(describeRuling).join("；")}`);
  return lines.join("\n");
}

/** Document number, title, status, in-force period and covered upgrade years, in Chinese. */
export function describePolicy(policy: Policy): string {
  const plan = planOf(policy);
  const schedule = plan.award
    .map((c) => {
      const steps = c.byK
        .map((item, k) => (item && item.amountYuan > 0 ? `k=${k} ${formatWan(item.amountYuan)}万元` : null))
        .filter(Boolean);
      const tags = c.anyOfMask ? `（标签“${tagsOfMask(c.anyOfMask).join("”或“")}”）` : "";
      return `${c.clause.label}${tags} ${steps.join("、")}`;
    })
    .join("；");
  const { inForce } = policy;
  return [
    `${policy.regionName}：${citeDocument(policy)}`,
    `发文机关：${policy.issuer}；状态：${policy.status}；印发日期：${policy.issueDate ?? "无（征求意见稿）"}`,
    `施行期：${inForce.from ?? "自印发之日起"} 至 ${inForce.to ?? "未规定截止日期"}（${inForce.note}）`,
    `覆盖升规年份：${coverageText(policy)}（${policy.coveredUpgradeYears.note}）`,
    `升规奖励：${schedule || "无量化金额"}`,
    `叠加规则：${policy.stacking.rule}`,
  ].join("\n");
}

function citeDocument(policy: Policy): string {
  const imported = policy.importedFrom === undefined ? "" : `（导入文件 ${policy.importedFrom}）`;
  return `${policy.documentNumber}《${policy.title}》（${policy.status}）${imported}`;
}

function clauseLine(policy: Policy, outcome: ClauseOutcome): string {
  const amount =
    outcome.amountYuan !== null && outcome.status === "granted" ? ` ${formatWan(outcome.amountYuan)} 万元` : "";
  const benefit = outcome.status === "not-quantified" && outcome.benefit ? `${outcome.benefit}；` : "";
  return `· ${policy.documentNumber}${outcome.label}「${outcome.title}」：${STATUS_TEXT[outcome.status]}${amount}——${benefit}${outcome.reasons.join("；")}`;
}

function describeRuling(id: RulingId): string {
  const ruling = rulingById(id);
  return ruling ? `${id} ${ruling.title}` : id;
}

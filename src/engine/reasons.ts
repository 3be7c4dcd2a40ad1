/**
 * Chinese reasons for clause outcomes, auditor style: which figures were compared with
 * which thresholds, which caps bit, which ruling applied. Built only by evaluate() and
 * the explanations, never on the per-cell path.
 */
import type { RulingSet } from "./ruling-set";
import type { ClauseStatus, EnterpriseField, TagMask } from "../model";
import type { Exclusion, Policy, Quantity } from "../policies/types";
import { textMemo } from "./text-memo";
import { areaToMicro, formatArea, formatFenAsWan, formatWan, mulDivHalfUp } from "./arith";
import * as code from "./plan";
import { tagsOfMask, type CompiledClause, type PolicyPlan } from "./plan";
import { missingFacts, type Facts } from "./facts";

const wan = (yuan: number) => `${formatWan(yuan)}万元`;
const fenWan = (fen: number) => `${formatFenAsWan(fen)}万元`;
const quantity = (q: Quantity) => `${q.value}${q.unit === "月" ? "个月" : q.unit}`;
const kText = (k: number) => `升规后第${k + 1}年（k=${k}）`;
const tagList = (mask: TagMask) => tagsOfMask(mask).join("、");

function kRange(c: CompiledClause): string {
  if (c.kTo === Infinity) return `${kText(c.kFrom)}起`;
  if (c.kFrom === c.kTo) return kText(c.kFrom);
  return `升规后第${c.kFrom + 1}至第${c.kTo + 1}年（k=${c.kFrom}..${c.kTo}）`;
}

function param(c: CompiledClause, name: string): Quantity | undefined {
  const value = c.clause.params[name];
  return value !== undefined && !Array.isArray(value) ? (value as Quantity) : undefined;
}

function scheduleText(c: CompiledClause): string {
  return c.byK
    .map((item, k) => (item && item.amountYuan > 0 ? `k=${k} ${wan(item.amountYuan)}` : null))
    .filter((text) => text !== null)
    .join("，");
}

function notCoveredText(subject: string, policy: Policy): string {
  const { from, to, note } = policy.coveredUpgradeYears;
  const span = to === null ? `${from}年起` : `${from}–${to}年`;
  return `${subject} 不在本文件覆盖范围（${span}，${note}）（R4）`;
}
/* Refusals whose text depends on the clause and one number only (k, or the tags it names): built once. */
const tagExcludedReason = textMemo(
  (_c: CompiledClause, tags: number) => `企业标签“${tagList(tags)}”：本条对此类企业不予补助`,
);
const tagRequiredReason = textMemo((c: CompiledClause) => `本条仅适用于带标签“${tagList(c.requiredMask)}”的企业（R7）`);
const tagAnyReason = textMemo(
  (c: CompiledClause) => `本条仅适用于带标签“${tagsOfMask(c.anyOfMask).join("”或“")}”的企业（R7）`,
);
const kOutsideReason = textMemo((c: CompiledClause, k: number) => `本条适用于${kRange(c)}；本年为${kText(k)}（R3）`);
const noInstalmentReason = textMemo(
  (c: CompiledClause, k: number) => `分年表在${kText(k)}无奖励（分年表：${scheduleText(c)}）`,
);

/** Built once per exclusion and set of tags it catches: a ledger repeats them row after row. */
const exclusionReason = textMemo(
  (exclusion: Exclusion, tags: number) =>
    `企业标签“${tagList(tags)}”适用${exclusion.label}排除，不享受财政奖补资金：“${exclusion.quote}”（R6）`,
);
const upgradeNotCovered = textMemo((policy: Policy, u: number) => notCoveredText(`升规年份 ${u}`, policy));
const yearNotCovered = textMemo((policy: Policy, year: number) => notCoveredText(`评价年度 ${year}`, policy));

function notEligible(...reasons: string[]): { status: "not-eligible"; reasons: string[]; missing: EnterpriseField[] } {
  return { status: "not-eligible", reasons, missing: [] };
}

function needsFact(
  rulings: RulingSet,
  reason: string,
  missing: EnterpriseField[],
): { status: "needs-data"; reasons: string[]; missing: EnterpriseField[] } {
  rulings.add("R11");
  return { status: "needs-data", reasons: [reason], missing };
}

/** Status, reasons and missing facts for an outcome code (< 0). */
export function codeFacts(
  plan: PolicyPlan,
  c: CompiledClause,
  facts: Facts,
  outcome: number,
  rulings: RulingSet,
): { status: ClauseStatus; reasons: string[]; missing: EnterpriseField[] } {
  const policy = plan.policy;
  // Module functions, not closures: a fill asks for a refusal's text on many rows.
  const needs = (reason: string, missing = missingFacts(c, facts, outcome)) => needsFact(rulings, reason, missing);
  const figure = c.clause.conditions.growthFigure ?? "营业收入";
  switch (outcome) {
    case code.NOT_COVERED: {
      rulings.add("R4");
      const reason = c.cultivation ? yearNotCovered(policy, facts.year) : upgradeNotCovered(policy, facts.upgradeYear);
      return { status: "not-covered", reasons: [reason], missing: [] };
    }
    case code.EXCLUDED: {
      rulings.add("R6");
      const reasons = policy.exclusions
        .filter(
          (exclusion) =>
            !exclusion.allowedClauses.includes(c.clause.id) && (facts.tags & code.maskOf(exclusion.tags)) !== 0,
        )
        .map((exclusion) => exclusionReason(exclusion, facts.tags & code.maskOf(exclusion.tags)));
      return { status: "excluded", reasons, missing: [] };
    }
    case code.TAG_EXCLUDED:
      return notEligible(tagExcludedReason(c, facts.tags & c.excludedMask));
    case code.TAG_REQUIRED:
      rulings.add("R7");
      return notEligible(tagRequiredReason(c, 0));
    case code.TAG_ANY:
      rulings.add("R7");
      return notEligible(tagAnyReason(c, 0));
    case code.K_OUTSIDE:
      rulings.add("R3");
      return notEligible(kOutsideReason(c, facts.k));
    case code.NO_INSTALMENT:
      return notEligible(noInstalmentReason(c, facts.k));
    case code.NEEDS_REVENUE:
      return needs(
        c.cultivation
          ? "缺少当年营业收入，无法判断是否为培育企业（R14）"
          : "缺少当年营业收入，无法判断是否达到2000万元（R2、R5）",
      );
    case code.BELOW_THRESHOLD:
      rulings.add("R2");
      return notEligible(`当年营业收入 ${fenWan(facts.revenue ?? 0)} 低于 ${fenWan(c.revenueThresholdFen)}（R2）`);
    case code.NEEDS_PREV:
      rulings.add("R5");
      return needs(`${kText(facts.k)}的奖励要求“${figure}”保持增长：缺少上年营业收入，无法比较（R5）`);
    case code.NO_GROWTH:
      rulings.add("R5");
      return notEligible(
        `原文考核“${figure}”保持增长；比较的是所填营业收入：当年 ${fenWan(facts.revenue ?? 0)}，上年 ${fenWan(facts.prevRevenue ?? 0)}，未增长（R5）`,
      );
    case code.PREV_BELOW:
      rulings.add("R5");
      return notEligible(
        `上年营业收入 ${fenWan(facts.prevRevenue ?? 0)} 低于 ${fenWan(c.prevThresholdFen)}，未连续在规（R5）`,
      );
    case code.NEEDS_INVESTMENT:
      return needs("缺少当年技改投资额（R8）");
    case code.BELOW_MIN_INVESTMENT:
      return notEligible(`技改投资 ${fenWan(facts.investment ?? 0)} 低于门槛 ${fenWan(c.minFen)}（含本数即可，D8）`);
    case code.NEEDS_AREA:
    case code.NEEDS_MONTHS:
    case code.NEEDS_RENT: {
      const names = { rentedArea: "租赁面积", leaseMonths: "租期（月）", monthlyRent: "月租金" } as Record<
        string,
        string
      >;
      const missing = missingFacts(c, facts, outcome);
      return needs(`缺少${missing.map((field) => names[field]).join("、")}（R9）`, missing);
    }
    case code.AREA_TOO_SMALL:
      return notEligible(
        `租用面积 ${formatArea(facts.area ?? 0)} 平方米未超过 ${quantity(param(c, "areaAbove")!)}（“超过”不含本数，D8）`,
      );
    case code.LEASE_TOO_SHORT:
      return notEligible(
        `租期 ${facts.months} 个月少于 ${c.leaseMinMonths} 个月（原文“不少于${quantity(param(c, "leaseAtLeast")!)}”）`,
      );
    case code.NEEDS_CONTRACT:
      return needs("缺少当年中标合同金额（R10）");
    case code.ALREADY_SCALE:
      rulings.add("R14");
      return notEligible(`当年营业收入 ${fenWan(facts.revenue ?? 0)} 已达2000万元，不再是培育企业（R14）`);
    case code.OUTSIDE_POOL: {
      rulings.add("R14");
      const pool = policy.cultivationPool!;
      const band = pool.below ? `${quantity(pool.min)}至${quantity(pool.below)}以下` : `${quantity(pool.min)}以上`;
      return notEligible(
        `营业收入 ${fenWan(facts.revenue ?? 0)} 不在培育库范围（${band}；原文按${pool.figure}，D9）（R14）`,
      );
    }
    case code.NEEDS_MIN_REVENUE:
      return needs(`本条要求营业收入达到 ${fenWan(c.minRevenueFen)}：缺少当年营业收入`);
    case code.BELOW_MIN_REVENUE:
      return notEligible(`当年营业收入 ${fenWan(facts.revenue ?? 0)} 未达到本条要求的 ${fenWan(c.minRevenueFen)}`);
    default:
      throw new Error(`unknown outcome code ${outcome}`);
  }
}

/** Reasons for a computed amount (≥ 0) of a quantified clause. */
export function grantedReasons(
  c: CompiledClause,
  facts: Facts,
  amount: number,
  contractOutcomes: readonly number[] | null,
  rulings: RulingSet,
): string[] {
  const reading = c.clause.amountReading ?? "exact";
  switch (c.kind) {
    case "upgrade-schedule":
    case "upgrade-bonus":
      return awardReasons(c, facts, amount, rulings);
    case "percent-of-investment": {
      const investment = facts.investment ?? 0;
      const tagged = c.rateTagMask !== 0 && (facts.tags & c.rateTagMask) !== 0;
      const bp = tagged ? c.tagRateBp : c.rateBp;
      const raw = mulDivHalfUp(investment, bp, 1_000_000);
      const cap = tagged ? c.tagCapYuan : c.capYuan;
      const reasons = [`${kText(facts.k)}技改投资 ${fenWan(investment)} × ${bp / 100}% = ${wan(raw)}`];
      if (c.minFen > 0) reasons.push(`投资额达到门槛 ${fenWan(c.minFen)}（含）`);
      if (tagged)
        reasons.push(`企业标签“${tagList(facts.tags & c.rateTagMask)}”属重点产业，按 ${bp / 100}% 计（R7、R8）`);
      else if (c.rateTagMask !== 0) reasons.push(`非重点产业标签，按其他项目 ${bp / 100}% 计（R8）`);
      if (raw > cap) reasons.push(`超过上限，按上限 ${wan(cap)} 计`);
      if (reading === "up-to") reasons.push("原文为“不超过/不高于”，按上限比例计");
      if (amount === 0) reasons.push("技改投资为0，补助为0");
      rulings.add("R1");
      return reasons;
    }
    case "rent-per-area-month": {
      const raw = mulDivHalfUp(areaToMicro(facts.area ?? 0), c.rentRateFen * (facts.months ?? 0), 100_000_000);
      const reasons = [
        `${formatArea(facts.area ?? 0)} 平方米 × ${c.rentRateFen / 100} 元/平方米·月 × ${facts.months} 个月 = ${wan(raw)}`,
      ];
      if (raw > c.capYuan) reasons.push(`超过每家企业上限，按上限 ${wan(c.capYuan)} 计`);
      if (amount === 0) reasons.push("面积或月数为0，补助为0");
      rulings.add("R1");
      return reasons;
    }
    case "rent-months-per-year": {
      const reasons = [
        `租用面积 ${formatArea(facts.area ?? 0)} 平方米超过 ${quantity(param(c, "areaAbove")!)}，租期 ${facts.months} 个月不少于 ${c.leaseMinMonths} 个月`,
        `月租金 ${fenWan(facts.monthlyRent ?? 0)} × ${facts.months} 个月 ÷ 12 × 每年 ${c.rentMonthsPerYear} 个月 = ${wan(amount)}`,
      ];
      if (reading === "at-least") reasons.push(`原文为“不少于${c.rentMonthsPerYear}个月房租”，按最低标准计（R9）`);
      rulings.add("R1");
      return reasons;
    }
    case "contract-percent": {
      const contracts = facts.contracts ?? [];
      if (contracts.length === 0) return ["当年无中标合同"];
      const reasons = contracts.map((contract, i) => {
        const outcome = contractOutcomes?.[i] ?? 0;
        if (outcome === code.BELOW_MIN_CONTRACT)
          return `合同${i + 1}：${fenWan(contract)} 低于单个合同门槛 ${fenWan(c.minFen)}（含本数即可，D8），不奖励`;
        const raw = mulDivHalfUp(contract, c.rateBp, 1_000_000);
        const capped = raw > c.capYuan ? `，超过单个项目上限，按 ${wan(c.capYuan)} 计` : "";
        return `合同${i + 1}：${fenWan(contract)} × ${c.rateBp / 100}% = ${wan(raw)}${capped}`;
      });
      const sum = (contractOutcomes ?? []).reduce((total, outcome) => total + Math.max(0, outcome), 0);
      if (sum > c.capPerYearYuan)
        reasons.push(`各合同奖励合计 ${wan(sum)} 超过单家企业年度上限，按 ${wan(c.capPerYearYuan)} 计（R10、D7）`);
      if (reading === "up-to") reasons.push("原文为“不超过合同金额3%”，按上限比例计");
      rulings.add("R1");
      return reasons;
    }
    default:
      return [];
  }
}

function awardReasons(c: CompiledClause, facts: Facts, amount: number, rulings: RulingSet): string[] {
  const instalment = c.byK[facts.k];
  const reasons = [
    `${kText(facts.k)}：${c.kind === "upgrade-bonus" ? "额外奖励" : "奖励"} ${wan(amount)}（分年表：${scheduleText(c)}）`,
    `当年营业收入 ${fenWan(facts.revenue ?? 0)} ≥ ${fenWan(c.revenueThresholdFen)}（R2）`,
  ];
  rulings.add("R2");
  if (c.anyOfMask !== 0) reasons.push(`企业标签“${tagList(facts.tags & c.anyOfMask)}”符合本条（R7）`);
  if (instalment?.test === code.TEST_GROWTH) {
    const figure = c.clause.conditions.growthFigure ?? "营业收入";
    reasons.push(
      `原文考核“${figure}”保持增长；比较的是所填营业收入：当年 ${fenWan(facts.revenue ?? 0)} > 上年 ${fenWan(facts.prevRevenue ?? 0)}（R5）`,
    );
    rulings.add("R5");
  } else if (instalment?.test === code.TEST_PREV_AT_LEAST) {
    reasons.push(
      facts.prevRevenue === null
        ? `未填上年营业收入，按连续在规计（上年营业收入给出时须≥${fenWan(c.prevThresholdFen)}，R5）`
        : `上年营业收入 ${fenWan(facts.prevRevenue)} ≥ ${fenWan(c.prevThresholdFen)}，连续在规（R5）`,
    );
    rulings.add("R5");
  }
  if (c.clause.amountReading === "up-to") {
    reasons.push("原文为“不超过”，按上限计（R5）");
    rulings.add("R5");
  }
  if (c.clause.note) reasons.push(c.clause.note);
  return reasons;
}

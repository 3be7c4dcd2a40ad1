/**
 * Plain-text renderings of policy data (parameters, conditions, periods) for the taskpane.
 * Pure functions over the policy schema so they are unit-testable without React.
 */
import type { Clause, ClauseConditions, Instalment, ParamValue, Policy, Quantity } from "../../src/policies/types";
import { KIND_SPECS } from "../../src/policies";
import { fmt, type Strings } from "../strings";

export function formatQuantity(quantity: Quantity): string {
  // Units such as % and 元/平方米·月 read naturally without a space; 万元, 名, 年 too in Chinese.
  return `${quantity.value}${quantity.unit}`;
}

function isInstalments(value: ParamValue): value is readonly Instalment[] {
  return Array.isArray(value);
}

export function formatInstalments(instalments: readonly Instalment[], strings: Strings): string {
  return instalments
    .map((instalment) => {
      const test =
        instalment.test === "revenue-growth"
          ? strings.testRevenueGrowth
          : instalment.test === "prev-revenue-at-least"
            ? strings.testPrevRevenue
            : "";
      return `k=${instalment.k}：${formatQuantity(instalment.amount)}${test ? `（${test}）` : ""}`;
    })
    .join("；");
}

export interface LabelledText {
  readonly label: string;
  readonly text: string;
}

/** Each parameter with the register's Chinese name (KIND_SPECS) where the kind names it. */
export function describeParams(clause: Clause, strings: Strings): LabelledText[] {
  const specs = KIND_SPECS[clause.kind]?.params ?? null;
  return Object.entries(clause.params).map(([name, value]) => ({
    label: specs?.[name]?.label ?? strings.paramUnnamed,
    text: isInstalments(value) ? formatInstalments(value, strings) : formatQuantity(value),
  }));
}

export function describeConditions(conditions: ClauseConditions, strings: Strings): string[] {
  const lines: string[] = [];
  const { k } = conditions;
  if (k) {
    lines.push(
      k.to === null
        ? fmt(strings.condKFrom, { from: k.from })
        : k.from === k.to
          ? fmt(strings.condKOnly, { k: k.from })
          : fmt(strings.condKRange, { from: k.from, to: k.to }),
    );
  }
  if (conditions.stage === "cultivation") lines.push(strings.condCultivation);
  if (conditions.minRevenue) lines.push(fmt(strings.condMinRevenue, { amount: formatQuantity(conditions.minRevenue) }));
  if (conditions.requiredTags?.length)
    lines.push(fmt(strings.condRequiredTags, { tags: conditions.requiredTags.join("、") }));
  if (conditions.anyOfTags?.length) lines.push(fmt(strings.condAnyOfTags, { tags: conditions.anyOfTags.join("、") }));
  if (conditions.excludedTags?.length)
    lines.push(fmt(strings.condExcludedTags, { tags: conditions.excludedTags.join("、") }));
  if (conditions.rateTags?.length) lines.push(fmt(strings.condRateTags, { tags: conditions.rateTags.join("、") }));
  if (conditions.growthFigure) lines.push(fmt(strings.condGrowthFigure, { figure: conditions.growthFigure }));
  if (conditions.unverified?.length)
    lines.push(fmt(strings.condUnverified, { items: conditions.unverified.join("；") }));
  return lines;
}

export function describeAmountReading(clause: Clause, strings: Strings): string | null {
  if (clause.amountReading === "up-to") return strings.readingUpTo;
  if (clause.amountReading === "at-least") return strings.readingAtLeast;
  return null;
}

/** "2024-03-01 至 2026-12-31" / "自印发之日起，未载明截止日期". */
export function describeInForce(policy: Policy, strings: Strings): string {
  const from = policy.inForce.from ?? strings.fromIssue;
  const to = policy.inForce.to ?? strings.noEndDate;
  return `${from} – ${to}`;
}

export function describeCoveredYears(policy: Policy, strings: Strings): string {
  const { from, to } = policy.coveredUpgradeYears;
  return to === null ? fmt(strings.yearsFrom, { from }) : fmt(strings.yearsRange, { from, to });
}

/**
 * The shape of a policy module: one document as declarative, cited data.
 * No logic lives in policy modules; the engine reads them through src/engine/plan.ts.
 * Every field here is checked by src/policies/schema.ts (unknown keys are refused).
 */
import type { ClauseCategory, RegionId, RulingId, Tag } from "../model";

/** Units a policy number may carry. 万元/亿元 are money; 元/平方米·月 a rent rate. */
export const UNITS = ["万元", "亿元", "元/平方米·月", "%", "平方米", "月", "年", "名", "次"] as const;
export type Unit = (typeof UNITS)[number];

/** A number as the document states it, with its unit. */
export interface Quantity {
  readonly value: number;
  readonly unit: Unit;
}

/** Ids of the readings where the rulings are silent (see src/policies/readings.ts). */
export type ReadingId = `D${number}`;

/**
 * Clause kinds the engine evaluates generically. A new region reuses these;
 * adding a kind is an engine change (src/engine/clauses.ts + src/policies/kinds.ts).
 */
export const CLAUSE_KINDS = [
  "upgrade-schedule", // cash award per year after upgrade (k), with per-instalment tests
  "upgrade-bonus", // one extra cash award in one year k for enterprises with certain tags
  "percent-of-investment", // % of a year's tech investment, min investment, cap, higher rate for tags
  "rent-per-area-month", // 元/m²·月 × area × months, capped per enterprise
  "rent-months-per-year", // n months' rent per year of lease, area and lease thresholds
  "contract-percent", // % of each contract, min contract, cap per contract and per year
  "benefit", // a non-cash benefit (voucher, quota, whitelist, rating uplift, discount, priority…)
  "unquantified", // a cash promise without an amount: #N/A where asked for a number (R11)
] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/** The test an instalment of an upgrade schedule makes besides revenue(Y) ≥ threshold. */
export const INSTALMENT_TESTS = [
  "none",
  "revenue-growth", // revenue(Y) > prevRevenue; prevRevenue required (鹿城区, R5)
  "prev-revenue-at-least", // prevRevenue, when given, ≥ params.prevRevenueThreshold (R5)
] as const;
export type InstalmentTest = (typeof INSTALMENT_TESTS)[number];

export interface Instalment {
  /** Years after upgrade: k = year − upgradeYear (R3). */
  readonly k: number;
  readonly amount: Quantity;
  readonly test: InstalmentTest;
}

/** How a stated amount is read: "不超过/不高于" ⇒ the maximum is used; "不少于" ⇒ the minimum. */
export const AMOUNT_READINGS = ["exact", "up-to", "at-least"] as const;
export type AmountReading = (typeof AMOUNT_READINGS)[number];

/** Who a clause is for: an enterprise that upgraded (U known or U = Y), or one still in cultivation. */
export const CLAUSE_STAGES = ["upgraded", "cultivation"] as const;
export type ClauseStage = (typeof CLAUSE_STAGES)[number];

export type ParamValue = Quantity | readonly Instalment[];

export interface ClauseConditions {
  /** Years after upgrade the clause applies in, inclusive; to = null: no end. Omitted only for cultivation clauses. */
  readonly k?: { readonly from: number; readonly to: number | null };
  /** Default "upgraded". */
  readonly stage?: ClauseStage;
  /** The enterprise must carry every one of these tags. */
  readonly requiredTags?: readonly Tag[];
  /** The enterprise must carry at least one of these tags. */
  readonly anyOfTags?: readonly Tag[];
  /** The clause gives nothing to an enterprise carrying any of these tags. */
  readonly excludedTags?: readonly Tag[];
  /** percent-of-investment: these tags get params.tagRate / params.tagCap instead. */
  readonly rateTags?: readonly Tag[];
  /** revenue(Y) must reach params.revenueThreshold for non-award kinds that state it. */
  readonly minRevenue?: Quantity;
  /** Conditions the sheet cannot show (e.g. 签订承诺书): reported to the official, not guessed. */
  readonly unverified?: readonly string[];
  /** What the document's growth test compares, when it is not main business revenue. */
  readonly growthFigure?: string;
}

export interface Clause {
  /** Stable id, `<policy id>.<label-ish>`, e.g. "lucheng.1", "minhou.3.8". */
  readonly id: string;
  /** The label as printed, e.g. "（一）", "三(三)", "（8）", "14", "一". */
  readonly label: string;
  readonly title: string;
  readonly kind: ClauseKind;
  readonly category: ClauseCategory;
  /** Verbatim text from the document (line breaks of the extraction removed). */
  readonly quote: string;
  /** Named numbers, each with its unit; the names each kind accepts are in src/policies/kinds.ts. */
  readonly params: { readonly [name: string]: ParamValue };
  readonly conditions: ClauseConditions;
  /** Default "exact". */
  readonly amountReading?: AmountReading;
  /** Paid from fiscal award funds (财政奖补资金): the document's exclusions (R6) apply to it. */
  readonly fiscal?: boolean;
  /** Chinese one-line description of a non-cash benefit or an unquantified promise. */
  readonly benefit?: string;
  readonly rulings: readonly RulingId[];
  readonly readings?: readonly ReadingId[];
  /** Auditor's note shown in the register, e.g. where the document points to another document. */
  readonly note?: string;
}

/** A document's own exclusion (R6): tags that lose fiscal clauses, except the clauses listed. */
export interface Exclusion {
  readonly id: string;
  readonly label: string;
  readonly tags: readonly Tag[];
  /** Which clauses the exclusion removes: those marked fiscal. */
  readonly scope: "fiscal";
  /** Clause ids still granted to these tags. */
  readonly allowedClauses: readonly string[];
  readonly quote: string;
  readonly rulings: readonly RulingId[];
}

/** The revenue band of the region's cultivation pool (R14); min inclusive, below exclusive. */
export interface CultivationPool {
  readonly label: string;
  readonly min: Quantity;
  readonly below: Quantity | null;
  /** The figure the document tests, e.g. 上年度营业收入. */
  readonly figure: string;
  readonly quote: string;
  readonly rulings: readonly RulingId[];
}

export interface Stacking {
  /** Chinese summary, e.g. "就高不重复". */
  readonly rule: string;
  readonly label: string | null;
  readonly quote: string | null;
  readonly rulings: readonly RulingId[];
}

/** A tag a document adds to the common vocabulary (R7), with the spellings that mean exactly it. */
export interface TagDefinition {
  readonly tag: string;
  /** Other spellings with exactly this meaning (an alias never guesses, see reading D23). */
  readonly aliases: readonly string[];
  /** What the tag means, in the document's words. */
  readonly meaning?: string;
  /** Batch fill: a 企业性质 (ownership) or 所属行业 (industry) cell containing one of these texts carries the tag. */
  readonly fromColumns?: { readonly ownership?: readonly string[]; readonly industry?: readonly string[] };
}

/** The version of the document format (docs/policy-document.schema.json). */
export const POLICY_FORMAT = "xsg-policy/1";

export const POLICY_STATUSES = ["正式", "征求意见稿"] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export interface Policy {
  /** Editors' pointer to the JSON Schema; ignored by XSG. */
  readonly $schema?: string;
  /** Always POLICY_FORMAT. */
  readonly format: typeof POLICY_FORMAT;
  /** The document's own id (lower-case ASCII), the prefix of its clause ids; unique in a catalog. */
  readonly id: string;
  /** The region the document belongs to (R12); several documents of one region differ in coveredUpgradeYears (R4). */
  readonly regionId: RegionId;
  /** Canonical Chinese region name (R12). */
  readonly regionName: string;
  /** GB/T 2260 code of the region. */
  readonly divisionCode: string;
  /** "city" covers every code under its 4-digit prefix; "county" the exact code. */
  readonly level: "city" | "county";
  /** E.g. 杭政办函〔2024〕3号; drafts without a number say so. */
  readonly documentNumber: string;
  /** The document's own title, without book-title marks. */
  readonly title: string;
  /** The title of the notice that issued it, where there is one. */
  readonly noticeTitle: string | null;
  readonly issuer: string;
  readonly status: PolicyStatus;
  /** ISO date or null when the document has none. */
  readonly issueDate: string | null;
  /** Higher-level documents this one implements or relies on. */
  readonly basis: readonly string[];
  readonly inForce: { readonly from: string | null; readonly to: string | null; readonly note: string };
  /** R4: upgrade years U the document covers; to = null: no end. */
  readonly coveredUpgradeYears: { readonly from: number; readonly to: number | null; readonly note: string };
  readonly stacking: Stacking;
  readonly exclusions: readonly Exclusion[];
  readonly cultivationPool: CultivationPool | null;
  /** Tags this document adds to the common vocabulary (src/policies/documents/common-tags.json). */
  readonly tags?: readonly TagDefinition[];
  readonly clauses: readonly Clause[];
  /** The source copy the quotes come from, relative to the repository root (or the official's own file). */
  readonly source: string;
  /**
   * Set by the loader, never written in a file: the file an official imported the document
   * from. Results then name the document by its title and this file, not only by its 文号.
   */
  readonly importedFrom?: string;
}

/**
 * Shared vocabulary of the policy core. Units are fixed here once (R1):
 *  - Fen:  money INPUTS in integer 分 (1 万元 = 1,000,000 分), so 333.33 万元 is exact.
 *  - Yuan: money RESULTS in integer 元, rounded half up (R1). Hosts show Yuan / 10000 as 万元.
 *  - areas in m² (finite number ≥ 0), durations in whole months.
 */
import commonTags from "./policies/documents/common-tags.json";

export type Fen = number;
export type Yuan = number;

export const FEN_PER_WAN = 1_000_000;
export const YUAN_PER_WAN = 10_000;

/** Stable ASCII ids of the policy regions (R12), as the policy documents name them (regionId). */
export type RegionId = string;

/**
 * The common tags (R7), in bit order: the first bits of every TagMask. Data, from
 * src/policies/documents/common-tags.json; documents may add their own after them
 * (src/parse/tags.ts keeps the whole vocabulary).
 */
export const CANONICAL_TAGS: readonly Tag[] = commonTags.tags.map((definition) => definition.tag);
/** A tag of the vocabulary, e.g. 国有, 亩均C, or a document's own. */
export type Tag = string;
/** A bit set over the tag vocabulary. */
export type TagMask = number;

/** The facts an official's sheet holds about one enterprise, already parsed into core units. */
export interface Enterprise {
  name?: string;
  creditCode?: string;
  region: RegionId;
  /** Main business revenue of the evaluated year, 分. */
  revenue?: Fen | null;
  /** Previous year's revenue, 分. */
  prevRevenue?: Fen | null;
  /** First year in the statistics library (R3). Omitted ⇒ the evaluated year. */
  upgradeYear?: number | null;
  tags?: TagMask;
  /** Technical-upgrade investment of the evaluated year, 分 (R8). */
  techInvestment?: Fen | null;
  /** Rented production floor area, m² (R9). */
  rentedArea?: number | null;
  /** Lease length in months (R9). */
  leaseMonths?: number | null;
  /** Monthly rent, 分 (R9, 杭州市). */
  monthlyRent?: Fen | null;
  /** Out-of-market contracts won in the evaluated year, 分 each (R10). */
  contracts?: readonly Fen[] | null;
}
export type EnterpriseField = Exclude<keyof Enterprise, "name" | "creditCode">;

/** Per-clause outcome of an evaluation. */
export type ClauseStatus =
  | "granted" // the clause gives something (cash amount or a non-cash benefit)
  | "not-eligible" // the document gives nothing in this case (amount 0)
  | "needs-data" // a fact the clause needs is missing (see `missing`)
  | "not-quantified" // the document promises something without a number
  | "not-covered" // the enterprise's upgrade year is outside the document's coverage (R4)
  | "excluded"; // an exclusion of the document applies (R6)

/** Which output column a clause's cash amount adds to. "benefit" = non-cash. */
export type ClauseCategory = "award" | "tech" | "rent" | "bid" | "other-cash" | "benefit";
/** The categories paid in money (every one but "benefit"), in the order of the output columns and totals. */
export type CashCategory = Exclude<ClauseCategory, "benefit">;
export const CASH_CATEGORIES: readonly CashCategory[] = ["award", "tech", "rent", "bid", "other-cash"];

export type RulingId = `R${number}`;

export interface Citation {
  documentNumber: string;
  documentTitle: string;
  /** The clause label as printed, e.g. "（一）", "三(三)", "第十五条". */
  label: string;
  /** Verbatim text from the document. */
  quote: string;
}

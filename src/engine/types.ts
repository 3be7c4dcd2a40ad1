/** Result types of the engine (additive to src/model.ts). */
import type { Citation, ClauseCategory, ClauseStatus, EnterpriseField, RegionId, RulingId, Yuan } from "../model";
import type { ClauseKind, PolicyStatus, ReadingId } from "../policies/types";

export interface ClauseOutcome {
  clauseId: string;
  label: string;
  title: string;
  kind: ClauseKind;
  category: ClauseCategory;
  status: ClauseStatus;
  /** Cash amount: granted ⇒ the amount; not eligible/covered, excluded ⇒ 0; needs data, unquantified, benefits ⇒ null. */
  amountYuan: Yuan | null;
  /** What a non-cash benefit or an unquantified promise gives. */
  benefit?: string;
  /** Chinese, auditor style: what was tested, with which figures, and why. */
  reasons: string[];
  missing: EnterpriseField[];
  citation: Citation;
  rulings: RulingId[];
  /** Readings (D1…) where the rulings are silent, see docs/policies.md. */
  readings: ReadingId[];
}

export type CultivationStatus = "规上" | "培育" | "规下";

export interface Evaluation {
  regionId: RegionId;
  regionName: string;
  documentNumber: string;
  documentTitle: string;
  documentStatus: PolicyStatus;
  year: number;
  /** The upgrade year used (U omitted ⇒ the evaluated year, R3). */
  upgradeYear: number;
  /** True when the upgrade year was omitted and taken as the evaluated year. */
  upgradeYearAssumed: boolean;
  k: number;
  /** Whether the document covers this upgrade year (R4). */
  covered: boolean;
  clauses: ClauseOutcome[];
  /** Sum of granted cash amounts. */
  totalYuan: Yuan;
  totalsByCategory: Record<ClauseCategory, Yuan>;
  rulings: RulingId[];
  /** R14 status from the evaluated year's revenue; null when revenue is missing. */
  cultivation: CultivationStatus | null;
  /** Evaluation-level remarks (e.g. data that contradicts the upgrade year, D2). */
  notes: string[];
}

/**
 * What each clause kind accepts: parameter names with their allowed units, and the
 * category a kind's amount adds to. The schema (schema.ts) enforces this table, so a
 * misspelt parameter name or a wrong unit is refused; the engine relies on it.
 */
import { CASH_CATEGORIES, type ClauseCategory } from "../model";
import type { ClauseKind, Unit } from "./types";

export interface ParamSpec {
  /** "instalments" = a list of { k, amount, test }; otherwise a Quantity in one of `units`. */
  readonly type: "quantity" | "instalments";
  readonly units?: readonly Unit[];
  readonly required: boolean;
  /** Chinese name used in the register. */
  readonly label: string;
}

export interface KindSpec {
  readonly label: string;
  /** null: any parameter names are accepted (descriptive numbers), each must still be a Quantity. */
  readonly params: Readonly<Record<string, ParamSpec>> | null;
  readonly categories: readonly ClauseCategory[];
}

const MONEY: readonly Unit[] = ["万元", "亿元"];

export const KIND_SPECS: Readonly<Record<ClauseKind, KindSpec>> = {
  "upgrade-schedule": {
    label: "升规奖励分年表",
    params: {
      instalments: { type: "instalments", required: true, label: "分年奖励" },
      revenueThreshold: { type: "quantity", units: ["万元"], required: true, label: "当年营业收入门槛（R2）" },
      prevRevenueThreshold: { type: "quantity", units: ["万元"], required: false, label: "上年营业收入门槛" },
      maxTotal: { type: "quantity", units: MONEY, required: false, label: "文件所列最高合计" },
    },
    categories: ["award"],
  },
  "upgrade-bonus": {
    label: "升规额外奖励",
    params: {
      amount: { type: "quantity", units: MONEY, required: true, label: "奖励金额" },
      revenueThreshold: { type: "quantity", units: ["万元"], required: true, label: "当年营业收入门槛（R2）" },
    },
    categories: ["award"],
  },
  "percent-of-investment": {
    label: "按技改投资比例补助",
    params: {
      rate: { type: "quantity", units: ["%"], required: true, label: "补助比例" },
      minInvestment: { type: "quantity", units: MONEY, required: false, label: "投资额门槛（含）" },
      cap: { type: "quantity", units: MONEY, required: false, label: "年度补助上限" },
      tagRate: { type: "quantity", units: ["%"], required: false, label: "重点产业补助比例" },
      tagCap: { type: "quantity", units: MONEY, required: false, label: "重点产业补助上限" },
    },
    categories: ["tech"],
  },
  "rent-per-area-month": {
    label: "按面积和月数补助房租",
    params: {
      rate: { type: "quantity", units: ["元/平方米·月"], required: true, label: "补助标准" },
      cap: { type: "quantity", units: MONEY, required: false, label: "每家企业补助上限" },
    },
    categories: ["rent"],
  },
  "rent-months-per-year": {
    label: "按每年若干个月房租补贴",
    params: {
      rentMonthsPerYear: { type: "quantity", units: ["月"], required: true, label: "每年补贴房租月数" },
      areaAbove: { type: "quantity", units: ["平方米"], required: false, label: "租用面积须超过" },
      leaseAtLeast: { type: "quantity", units: ["月", "年"], required: false, label: "租期不少于" },
    },
    categories: ["rent"],
  },
  "contract-percent": {
    label: "按中标合同金额比例奖励",
    params: {
      rate: { type: "quantity", units: ["%"], required: true, label: "奖励比例" },
      minContract: { type: "quantity", units: MONEY, required: false, label: "单个合同金额门槛（含）" },
      capPerContract: { type: "quantity", units: MONEY, required: false, label: "单个项目奖励上限" },
      capPerYear: { type: "quantity", units: MONEY, required: false, label: "单家企业年度奖励上限" },
    },
    categories: ["bid"],
  },
  benefit: { label: "非现金待遇", params: null, categories: ["benefit"] },
  unquantified: {
    label: "未量化的资金承诺",
    params: null,
    categories: CASH_CATEGORIES,
  },
};

/** Keys of ClauseConditions only some kinds may use. */
export const KIND_ONLY_CONDITIONS: Readonly<Record<string, readonly ClauseKind[]>> = {
  rateTags: ["percent-of-investment"],
  growthFigure: ["upgrade-schedule"],
};

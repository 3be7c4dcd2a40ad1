/**
 * The one error type the policy core throws. Every host maps it the same way (R11):
 *  - code "VALUE": malformed input (text that is not a number, negative money,
 *    impossible year, unknown tag)            → Excel #VALUE!
 *  - code "NA":    a missing input a rule needs, an unquantified promise, or a
 *    region with no encoded policy            → Excel #N/A
 * `field` names the input (an EnterpriseField or a function argument name) so a
 * host can say "参数 revenue" (custom functions) or "列“营业收入”" (batch fill).
 */
export type XsgErrorCode = "VALUE" | "NA";

export class XsgError extends Error {
  override readonly name = "XsgError";
  constructor(
    readonly code: XsgErrorCode,
    /** The input at fault, e.g. "revenue", "year", "attributes", "region". */
    readonly field: string,
    /** Chinese text without the field prefix, e.g. "无法识别的金额“abc”". */
    readonly detail: string,
  ) {
    // An input error needs no stack trace, and capturing one is most of its cost: a
    // column of custom functions may raise thousands of these per recalculation.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${fieldLabel(field)}：${detail}`);
    Error.stackTraceLimit = limit;
  }
}

/** Builds an error without capturing a stack trace (see XsgError): for errors that report input, not bugs. */
export function withoutStackTrace<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export const valueError = (field: string, detail: string): XsgError => new XsgError("VALUE", field, detail);
export const naError = (field: string, detail: string): XsgError => new XsgError("NA", field, detail);

export function isXsgError(error: unknown): error is XsgError {
  return error instanceof XsgError;
}

/** Chinese names of the inputs, used in messages. Hosts may prefix their own wording. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  region: "地区",
  revenue: "营业收入",
  prevRevenue: "上年营业收入",
  year: "年度",
  upgradeYear: "升规年份",
  attributes: "企业标签",
  tags: "企业标签",
  investment: "技改投资",
  techInvestment: "技改投资",
  area: "租赁面积",
  rentedArea: "租赁面积",
  months: "租期（月）",
  leaseMonths: "租期（月）",
  monthlyRent: "月租金",
  contract: "合同金额",
  contracts: "合同金额",
  code: "代码",
  creditCode: "统一社会信用代码",
  name: "企业名称",
};

/** "营业收入（revenue）" — the Chinese label with the argument name Excel shows. */
export function fieldLabel(field: string): string {
  const label = FIELD_LABELS[field];
  return label ? `${label}（${field}）` : field;
}

/**
 * The XSG function table of issue 4, written out independently of the source:
 * ids, argument names in order, which are optional, which take a range.
 * Tests compare functions.json and the call shapes against this.
 */
export interface ExpectedFunction {
  id: string;
  /** Argument names in order; a trailing "?" marks an optional one. */
  params: readonly string[];
  result: "number" | "boolean" | "string";
  /** true when the result spills (a matrix). */
  spills?: boolean;
}

export const CATALOGUE: readonly ExpectedFunction[] = [
  {
    id: "AWARD",
    params: ["region", "revenue", "year", "upgradeYear?", "prevRevenue?", "attributes?"],
    result: "number",
  },
  { id: "ELIGIBLE", params: ["region", "revenue", "year", "attributes?"], result: "boolean" },
  { id: "TOTAL", params: ["region", "attributes?"], result: "number" },
  { id: "SCHEDULE", params: ["region", "upgradeYear", "attributes?"], result: "number", spills: true },
  { id: "STATUS", params: ["region", "revenue"], result: "string" },
  { id: "TECH", params: ["region", "investment", "year", "upgradeYear?", "attributes?"], result: "number" },
  { id: "RENT", params: ["region", "area", "months", "monthlyRent?", "attributes?"], result: "number" },
  { id: "BID", params: ["region", "contract", "year?", "upgradeYear?"], result: "number" },
  {
    id: "EXPLAIN",
    params: ["region", "revenue", "year", "upgradeYear?", "prevRevenue?", "attributes?"],
    result: "string",
  },
  { id: "POLICY", params: ["region"], result: "string" },
  { id: "REGIONS", params: [], result: "string", spills: true },
  { id: "REGIONOF", params: ["code"], result: "string" },
  { id: "USCCVALID", params: ["code"], result: "boolean" },
];

/** Parameters that take a range (matrix): a single value arrives as [[value]]. */
export const MATRIX_PARAMS = new Set(["attributes"]);

export const paramName = (p: string): string => p.replace(/\?$/, "");
export const isOptional = (p: string): boolean => p.endsWith("?");

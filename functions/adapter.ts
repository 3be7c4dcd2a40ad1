/**
 * One adapter per XSG custom function: Excel argument shapes → the policy core
 * → an Excel value (万元, TRUE/FALSE, text, a spill matrix) or a thrown
 * CustomFunctions.Error (R11). No policy logic lives here: every amount, rule,
 * threshold and explanation comes from ../src. Synchronous, no I/O.
 */
import {
  activeCatalog,
  awardSchedule,
  checkUscc,
  contractAward,
  cultivationStatus,
  describePolicy,
  documentAt,
  explainAward,
  isFirstYearEligible,
  maxTotalAward,
  parseArea,
  parseMoney,
  parseMonths,
  parseTags,
  parseYear,
  quoteInput,
  rentSubsidy,
  regionOfCode,
  resolveRegion,
  techSubsidy,
  upgradeAwardOrError,
  documentOrError,
  type PolicyCatalog,
  type RegionDocuments,
} from "../src";
import { isXsgError, naError, valueError } from "../src/errors";
import type { Fen, TagMask } from "../src/model";
import { cachingTextParser, matrixArg, required, scalarArg, toWan } from "./args";
import { toExcelError } from "./excel-error";

// A column of cells names a handful of regions (a name, a short name, a code): remember what
// each spelling resolved to, per catalog (an imported document changes what a region cell
// means). The resolver caches too; this saves even its lookup on the hottest path. Bounded.
const REGION_SPELLINGS_KEPT = 256;
let spellingsCatalog: PolicyCatalog | undefined;
const regionBySpelling = new Map<unknown, RegionDocuments>();

/** The region's documents (R12); which one answers depends on the upgrade year (R4, documentAt). */
function documentsOf(region: unknown): RegionDocuments {
  const value = scalarArg(region, "region");
  const catalog = activeCatalog();
  if (catalog !== spellingsCatalog) {
    spellingsCatalog = catalog;
    regionBySpelling.clear();
  }
  const known = regionBySpelling.get(value);
  if (known !== undefined) return known;
  const documents = catalog.region(resolveRegion(value, "region"));
  if (typeof value === "string" || typeof value === "number") {
    if (regionBySpelling.size >= REGION_SPELLINGS_KEPT) regionBySpelling.clear();
    regionBySpelling.set(value, documents);
  }
  return documents;
}

const parseMoneyText = cachingTextParser(parseMoney);
const parseYearText = cachingTextParser(parseYear);
const parseAreaText = cachingTextParser(parseArea);
const parseMonthsText = cachingTextParser(parseMonths);

const money = (value: unknown, field: string): Fen | null => parseMoneyText(scalarArg(value, field), field);
const year = (value: unknown, field: string): number | null => parseYearText(scalarArg(value, field), field);
const tags = (value: unknown): TagMask => {
  const cells = matrixArg(value, "attributes");
  return cells === null ? 0 : parseTags(cells, "attributes");
};

/** XSG.AWARD — upgrade award earned in `year`, 万元 (R3–R6). */
export function award(
  region: unknown,
  revenue: unknown,
  evaluatedYear: unknown,
  upgradeYear: unknown,
  prevRevenue: unknown,
  attributes: unknown,
): number {
  const yuan = awardOrError(region, revenue, evaluatedYear, upgradeYear, prevRevenue, attributes);
  if (typeof yuan === "number") return toWan(yuan);
  throw toExcelError(yuan);
}

/**
 * AWARD's 元, or what went wrong. The core returns an input's error instead of throwing it
 * (AWARD's hot path, see orThrow in src/engine/inputs.ts), so a bad row costs one throw, to Excel.
 */
function awardOrError(
  region: unknown,
  revenue: unknown,
  evaluatedYear: unknown,
  upgradeYear: unknown,
  prevRevenue: unknown,
  attributes: unknown,
): number | unknown {
  try {
    const documents = documentsOf(region);
    const fen = money(revenue, "revenue");
    const y = required(year(evaluatedYear, "year"), "year");
    const u = year(upgradeYear, "upgradeYear");
    const prev = money(prevRevenue, "prevRevenue");
    const mask = tags(attributes);
    const policy = documentOrError(documents, y, u);
    return isXsgError(policy) ? policy : upgradeAwardOrError(policy, fen, y, u, prev, mask);
  } catch (error) {
    return error;
  }
}

/** XSG.ELIGIBLE — qualifies for the first-year upgrade award in `year`. */
export function eligible(region: unknown, revenue: unknown, evaluatedYear: unknown, attributes: unknown): boolean {
  try {
    const documents = documentsOf(region);
    const fen = money(revenue, "revenue");
    const y = required(year(evaluatedYear, "year"), "year");
    return isFirstYearEligible(documentAt(documents, y, null), fen, y, tags(attributes));
  } catch (error) {
    throw toExcelError(error);
  }
}

/** XSG.TOTAL — maximum total upgrade award over the schedule, 万元. */
export function total(region: unknown, attributes: unknown): number {
  try {
    return toWan(maxTotalAward(documentsOf(region).latest, tags(attributes)));
  } catch (error) {
    throw toExcelError(error);
  }
}

/** XSG.SCHEDULE — 3 rows × 2 columns: [year, maximum award 万元] for k = 0, 1, 2. */
export function schedule(region: unknown, upgradeYear: unknown, attributes: unknown): number[][] {
  try {
    const documents = documentsOf(region);
    const u = required(year(upgradeYear, "upgradeYear"), "upgradeYear");
    return awardSchedule(documentAt(documents, null, u), u, tags(attributes)).map((row) => [
      row.year,
      toWan(row.maxYuan),
    ]);
  } catch (error) {
    throw toExcelError(error);
  }
}

/** XSG.STATUS — "规上" / "培育" / "规下" (R14). */
export function status(region: unknown, revenue: unknown): string {
  try {
    const policy = documentsOf(region).latest;
    return cultivationStatus(policy, required(money(revenue, "revenue"), "revenue"));
  } catch (error) {
    throw toExcelError(error);
  }
}

/** XSG.TECH — technical-upgrade subsidy, 万元 (R8). */
export function tech(
  region: unknown,
  investment: unknown,
  evaluatedYear: unknown,
  upgradeYear: unknown,
  attributes: unknown,
): number {
  try {
    const documents = documentsOf(region);
    const fen = money(investment, "investment");
    const y = required(year(evaluatedYear, "year"), "year");
    const u = year(upgradeYear, "upgradeYear");
    return toWan(techSubsidy(documentAt(documents, y, u), fen, y, u, tags(attributes)));
  } catch (error) {
    throw toExcelError(error);
  }
}

/** XSG.RENT — rent subsidy, 万元 (R9). */
export function rent(
  region: unknown,
  area: unknown,
  months: unknown,
  monthlyRent: unknown,
  attributes: unknown,
): number {
  try {
    const policy = documentsOf(region).latest;
    const squareMetres = parseAreaText(scalarArg(area, "area"), "area");
    const leaseMonths = parseMonthsText(scalarArg(months, "months"), "months");
    const perMonth = money(monthlyRent, "monthlyRent");
    return toWan(rentSubsidy(policy, squareMetres, leaseMonths, perMonth, tags(attributes)));
  } catch (error) {
    throw toExcelError(error);
  }
}

/** XSG.BID — out-of-market contract award for one contract, 万元 (R10). */
export function bid(region: unknown, contract: unknown, evaluatedYear: unknown, upgradeYear: unknown): number {
  try {
    const documents = documentsOf(region);
    const fen = money(contract, "contract");
    const y = year(evaluatedYear, "year");
    const u = year(upgradeYear, "upgradeYear");
    return toWan(contractAward(documentAt(documents, y, u), fen, y, u));
  } catch (error) {
    throw toExcelError(error);
  }
}

/** XSG.EXPLAIN — the AWARD result in Chinese, clause by clause, with rulings. */
export function explain(
  region: unknown,
  revenue: unknown,
  evaluatedYear: unknown,
  upgradeYear: unknown,
  prevRevenue: unknown,
  attributes: unknown,
): string {
  try {
    const documents = documentsOf(region);
    const fen = money(revenue, "revenue");
    const y = required(year(evaluatedYear, "year"), "year");
    const u = year(upgradeYear, "upgradeYear");
    const prev = money(prevRevenue, "prevRevenue");
    return explainAward(documentAt(documents, y, u), fen, y, u, prev, tags(attributes));
  } catch (error) {
    throw toExcelError(error);
  }
}

/** XSG.POLICY — the documents behind a region (one per covered period), in Chinese. */
export function policy(region: unknown): string {
  try {
    return documentsOf(region).documents.map(describePolicy).join("\n\n");
  } catch (error) {
    throw toExcelError(error);
  }
}

/** XSG.REGIONS — the policy regions of the catalog, one per row (spills n × 1). */
export function regions(): string[][] {
  try {
    return activeCatalog().regions.map((region) => [region.regionName]);
  } catch (error) {
    throw toExcelError(error);
  }
}

/** XSG.REGIONOF — canonical policy region of a USCC or GB/T 2260 code; #N/A if none (R12). */
export function regionOf(code: unknown): string {
  try {
    const division = divisionCodeOf(code);
    const id = regionOfCode(division);
    if (id !== null) return activeCatalog().region(id).regionName;
    throw noPolicyFor(division);
  } catch (error) {
    throw toExcelError(error);
  }
}

/** XSG.USCCVALID — GB 32100-2015 check (R15): well formed and check character right. */
export function usccValid(code: unknown): boolean {
  try {
    const value = required(scalarArg(code, "code"), "code");
    // A number cannot hold a credit code: 18 digits exceed a double's 15–16
    // exact digits, so Excel has already changed it. Only text is checked.
    if (typeof value !== "string") return false;
    const check = checkUscc(value);
    return check.wellFormed && check.checksumOk;
  } catch (error) {
    throw toExcelError(error);
  }
}

const CODE_SHAPE_HINT = "应为 6 位行政区划代码（如 330106）或 18 位统一社会信用代码";

/** The 6-digit division code in a REGIONOF argument: the code itself, or positions 3–8 of a USCC. */
function divisionCodeOf(code: unknown): string {
  const value = required(scalarArg(code, "code"), "code");
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 100000 && value <= 999999) return String(value);
    throw valueError("code", `${quoteInput(value)}不是代码，${CODE_SHAPE_HINT}`);
  }
  if (typeof value !== "string") throw valueError("code", `无法识别的代码，${CODE_SHAPE_HINT}`);
  const normalized = checkUscc(value).normalized; // trimmed, upper case, full width folded
  if (/^\d{6}$/.test(normalized)) return normalized;
  const uscc = checkUscc(normalized);
  if (uscc.wellFormed && uscc.divisionCode !== null) return uscc.divisionCode;
  // quoteInput shortens what it echoes: a 32,000-character argument must not fill the message.
  throw valueError("code", `${quoteInput(value)}不是代码，${CODE_SHAPE_HINT}`);
}

/**
 * #N/A for a well-formed code outside every policy. The region resolver knows
 * the place (北京市朝阳区, a city-level code above a district policy…) and says
 * so; its NA message is reused under the argument name `code`.
 */
function noPolicyFor(division: string): Error {
  try {
    resolveRegion(division, "code");
  } catch (error) {
    return error as Error;
  }
  return naError("code", `代码 ${division} 不属于任何已编码小升规政策的地区`);
}

/**
 * The policy catalog: the documents XSG evaluates with, grouped by region, each region's
 * documents told apart by the upgrade years U they cover (R4). Built-in documents come from
 * src/policies/documents/ (index.ts); an official's documents are added with
 * `withUserDocuments`, after the loader (loader.ts) has checked them. Pure: no I/O.
 *
 * Precedence (a user document never silently replaces a built-in one): a user document whose
 * covered years overlap a built-in document of its region is refused, unless the caller asks
 * for `precedence: "user-first"`; then the overlapped built-in documents are set aside and
 * `setAside` says which. Every result names the document used (documentLabel).
 */
import { naError, type XsgError } from "../errors";
import type { RegionId } from "../model";
import { defineTags } from "../parse/tags";
import { createRegionResolver, type RegionResolver } from "../regions/resolver";
import { documentLabel } from "./naming";
import type { Policy } from "./types";

export interface CatalogEntry {
  readonly policy: Policy;
  readonly origin: "built-in" | "user";
  /** The file it was read from: a built-in's name in src/policies/documents, or the official's file. */
  readonly file: string;
}

/** A catalog problem: the file and a Chinese message (the loader's problems name the field too). */
export interface CatalogProblem {
  readonly file: string;
  readonly message: string;
  readonly text: string;
}

export interface RegionDocuments {
  readonly id: RegionId;
  readonly regionName: string;
  readonly divisionCode: string;
  readonly level: "city" | "county";
  /** By the first covered upgrade year. */
  readonly documents: readonly Policy[];
  /** The document covering the latest upgrade years: the one used where no U is given (TOTAL, STATUS, RENT). */
  readonly latest: Policy;
  /** The last upgrade year any document covers; Infinity when one states no end. */
  readonly coveredUntil: number;
  /**
   * The document for an enterprise first upgraded in U: the one covering U; else the last one
   * that began before U (its clauses then say U is not covered), else the first. Past the end
   * of every document: the latest (see isPastEnd).
   */
  documentFor(upgradeYear: number): Policy;
  /** True when U falls after every document of the region (R4: a newer document is needed). */
  isPastEnd(upgradeYear: number): boolean;
}

export interface PolicyCatalog {
  readonly entries: readonly CatalogEntry[];
  /** Every document in use, built-in first (file-name order), then the user's. */
  readonly documents: readonly Policy[];
  /** In the order of their first document: the order of XSG.REGIONS. */
  readonly regions: readonly RegionDocuments[];
  /** Built-in documents a user document replaced (precedence "user-first"). */
  readonly setAside: readonly CatalogEntry[];
  /** Resolves what an official typed in a region cell to a region of this catalog (R12). */
  readonly resolver: RegionResolver;
  /** #N/A (field "region") when the catalog has no document of the region. */
  region(id: RegionId): RegionDocuments;
  hasRegion(id: RegionId): boolean;
  /** A document by its own id. */
  document(id: string): Policy | undefined;
  entryOf(policy: Policy): CatalogEntry | undefined;
  /** A new catalog with these user documents added (this one is unchanged), or every problem found. */
  withUserDocuments(documents: readonly UserDocument[], options?: CatalogOptions): CatalogResult;
}

/** A document the loader accepted (parsePolicyDocument), with the file it came from. */
export interface UserDocument {
  readonly policy: Policy;
  readonly file: string;
}

export interface CatalogOptions {
  /** "refuse" (default): a user document overlapping a built-in one is a problem. */
  readonly precedence?: "refuse" | "user-first";
}

export type CatalogResult =
  | { readonly ok: true; readonly catalog: PolicyCatalog }
  | { readonly ok: false; readonly problems: readonly CatalogProblem[] };

/** A catalog of already valid documents (the built-in ones are checked by the test suite). */
export function createPolicyCatalog(entries: readonly CatalogEntry[], options: CatalogOptions = {}): CatalogResult {
  const problems: CatalogProblem[] = [];
  const report = (file: string, message: string) => problems.push({ file, message, text: `${file}：${message}` });

  const kept = withPrecedence(entries, options, report);
  const ids = new Map<string, CatalogEntry>();
  for (const entry of kept.entries) {
    const other = ids.get(entry.policy.id);
    if (other)
      report(entry.file, `文件 id “${entry.policy.id}”与 ${other.file} 相同；请换一个 id（条款 id 的前缀随之改变）`);
    else ids.set(entry.policy.id, entry);
  }
  const byRegion = new Map<RegionId, CatalogEntry[]>();
  for (const entry of kept.entries) {
    const list = byRegion.get(entry.policy.regionId) ?? [];
    list.push(entry);
    byRegion.set(entry.policy.regionId, list);
  }
  for (const list of byRegion.values()) checkRegion(list, report);

  const tagProblems = problems.length > 0 ? [] : defineTags(kept.entries.flatMap((entry) => entry.policy.tags ?? []));
  for (const message of tagProblems) report("（标签）", message);
  if (problems.length > 0) return { ok: false, problems };

  const regions = [...byRegion.values()].map((list) => regionOf(list.map((entry) => entry.policy)));
  let resolver: RegionResolver;
  try {
    resolver = createRegionResolver(
      regions.map(({ id, regionName, divisionCode, level }) => ({ id, regionName, divisionCode, level })),
    );
  } catch (error) {
    report("（地区）", `地区设置有误：${(error as Error).message}`);
    return { ok: false, problems };
  }
  return { ok: true, catalog: catalogOf(kept.entries, kept.setAside, regions, resolver, options) };
}

function catalogOf(
  entries: readonly CatalogEntry[],
  setAside: readonly CatalogEntry[],
  regions: readonly RegionDocuments[],
  resolver: RegionResolver,
  options: CatalogOptions,
): PolicyCatalog {
  const regionById = new Map(regions.map((region) => [region.id, region]));
  const documentById = new Map(entries.map((entry) => [entry.policy.id, entry.policy]));
  const entryByPolicy = new Map(entries.map((entry) => [entry.policy, entry]));
  const names = regions.map((region) => region.regionName).join("、");
  const catalog: PolicyCatalog = {
    entries,
    documents: entries.map((entry) => entry.policy),
    regions,
    setAside,
    resolver,
    region(id) {
      const region = regionById.get(id);
      if (region === undefined)
        throw naError("region", `该地区无已编码的小升规政策（${String(id)}）；已编码：${names}`);
      return region;
    },
    hasRegion: (id) => regionById.has(id),
    document: (id) => documentById.get(id),
    entryOf: (policy) => entryByPolicy.get(policy),
    withUserDocuments(documents, more = options) {
      const builtIn = [...entries, ...setAside].filter((entry) => entry.origin === "built-in");
      const users = entries.filter((entry) => entry.origin === "user");
      const added = documents.map(({ policy, file }) => ({
        policy: deepFreeze({ ...policy, importedFrom: file }),
        origin: "user" as const,
        file,
      }));
      return createPolicyCatalog([...builtIn, ...users, ...added], more);
    },
  };
  return catalog;
}

/** "user-first": built-in documents overlapped by a user document of their region are set aside. */
function withPrecedence(
  entries: readonly CatalogEntry[],
  options: CatalogOptions,
  report: (file: string, message: string) => void,
): { entries: CatalogEntry[]; setAside: CatalogEntry[] } {
  const users = entries.filter((entry) => entry.origin === "user");
  const setAside: CatalogEntry[] = [];
  const kept = entries.filter((entry) => {
    if (entry.origin === "user") return true;
    const over = users.find(
      (user) => user.policy.regionId === entry.policy.regionId && overlap(user.policy, entry.policy),
    );
    if (over === undefined) return true;
    if (options.precedence === "user-first") {
      setAside.push(entry);
      return false;
    }
    report(
      over.file,
      `与内置文件 ${entry.policy.documentNumber} 覆盖的升规年份（${yearsText(entry.policy)}）重叠：` +
        "导入文件不会替换内置文件，请只覆盖其后的年份，或选择“导入文件优先”",
    );
    return true;
  });
  return { entries: kept, setAside };
}

/** One region's documents agree on the region and do not cover the same upgrade year twice. */
function checkRegion(list: readonly CatalogEntry[], report: (file: string, message: string) => void): void {
  const first = list[0].policy;
  for (const { policy, file } of list.slice(1)) {
    for (const key of ["regionName", "divisionCode", "level"] as const) {
      if (policy[key] !== first[key])
        report(
          file,
          `地区 ${policy.regionId} 的 ${key} 为“${policy[key]}”，与同地区文件 ${first.documentNumber} 的“${first[key]}”不一致`,
        );
    }
  }
  list.forEach((a, i) => {
    for (const b of list.slice(i + 1)) {
      if (a.origin === "built-in" && b.origin === "built-in" && !overlap(a.policy, b.policy)) continue;
      if (overlap(a.policy, b.policy) && !(a.origin === "built-in" && b.origin === "user"))
        report(
          b.file,
          `覆盖的升规年份（${yearsText(b.policy)}）与同地区文件 ${documentLabel(a.policy)}（${yearsText(a.policy)}）重叠（R4：每个升规年份只能由一个文件覆盖）`,
        );
    }
  });
}

function overlap(a: Policy, b: Policy): boolean {
  const aTo = a.coveredUpgradeYears.to ?? Infinity;
  const bTo = b.coveredUpgradeYears.to ?? Infinity;
  return a.coveredUpgradeYears.from <= bTo && b.coveredUpgradeYears.from <= aTo;
}

function yearsText(policy: Policy): string {
  const { from, to } = policy.coveredUpgradeYears;
  return to === null ? `${from}年起` : `${from}–${to}年`;
}

const MAX_YEAR_TABLE = 500;

function regionOf(policies: readonly Policy[]): RegionDocuments {
  const documents = [...policies].sort((a, b) => a.coveredUpgradeYears.from - b.coveredUpgradeYears.from);
  const latest = documents[documents.length - 1];
  const coveredUntil = Math.max(...documents.map((policy) => policy.coveredUpgradeYears.to ?? Infinity));
  const { regionId: id, regionName, divisionCode, level } = documents[0];
  const single = documents.length === 1 ? documents[0] : null;
  // The document covering each whole year U from the first document's start to the latest's
  // (documentFor): several documents per region, each region asked once per row. A span of
  // more than MAX_YEAR_TABLE years (an odd imported file) keeps the scan.
  const firstFrom = documents[0].coveredUpgradeYears.from;
  const byYear: Policy[] = [];
  const span = latest.coveredUpgradeYears.from - firstFrom;
  for (let i = 0; span <= MAX_YEAR_TABLE && i < documents.length - 1; i++) {
    const { from } = documents[i].coveredUpgradeYears;
    const next = documents[i + 1].coveredUpgradeYears.from;
    for (let year = from; year < next; year++) byYear[year - firstFrom] = documents[i];
  }
  return {
    id,
    regionName,
    divisionCode,
    level,
    documents,
    latest,
    coveredUntil,
    documentFor(upgradeYear) {
      if (single !== null) return single;
      // The hot case, a whole-year U from the first document's year on: one array read.
      const offset = upgradeYear - firstFrom;
      const known = offset >= 0 ? byYear[offset] : undefined;
      if (known !== undefined) return known;
      if (upgradeYear >= latest.coveredUpgradeYears.from) return latest;
      let chosen = documents[0];
      for (const policy of documents) {
        if (policy.coveredUpgradeYears.from <= upgradeYear) chosen = policy;
      }
      return chosen;
    },
    isPastEnd: (upgradeYear) => upgradeYear > coveredUntil,
  };
}

/**
 * #N/A for an upgrade year after every document of the region (R4): XSG cannot say what a
 * document it does not have pays. `field` names the argument that gave U.
 */
export function pastEndError(region: RegionDocuments, upgradeYear: number, field: string): XsgError {
  // Built once per region (of this catalog), argument and year: a column repeats them, and an
  // XsgError is only read. Keyed by the year as a number: no key string is built per call.
  let byField = pastEndErrors.get(region);
  if (byField === undefined) pastEndErrors.set(region, (byField = new Map()));
  let errors = byField.get(field);
  if (errors === undefined) byField.set(field, (errors = new Map()));
  let error = errors.get(upgradeYear);
  if (error === undefined) errors.set(upgradeYear, (error = naError(field, pastEndText(region, upgradeYear))));
  return error;
}
const pastEndErrors = new WeakMap<RegionDocuments, Map<string, Map<number, XsgError>>>();

export function pastEndText(region: RegionDocuments, upgradeYear: number): string {
  return (
    `升规年份 ${upgradeYear} 晚于${region.regionName}已编码政策文件的覆盖期（最晚覆盖 ${region.coveredUntil} 年升规的企业，` +
    `${documentLabel(region.latest)}）；如有新文件，请导入政策文件后重新计算（R4）`
  );
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

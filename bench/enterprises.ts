/**
 * Seeded synthetic enterprises for the benchmarks. Columnar typed arrays keep a million
 * enterprises in ~30 MB, so the heap figure measures XSG, not the fixture. The mix is meant
 * to exercise every branch of the upgrade award (R3–R6): all five regions, revenues
 * clustered around the 2000 万元 threshold (2000 itself, 1999.99, 元-precision values),
 * k = 0..4, upgrade years outside each document's coverage (R4), U omitted (U = Y),
 * U > Y (#VALUE!), revenue / prevRevenue missing (#N/A where a rule needs them),
 * growth ties, and tags that exclude (R6 鹿城区), add bonuses (晋城 战略新兴, 杭州 个转企…)
 * or do nothing.
 */
import { CANONICAL_TAGS, FEN_PER_WAN, type Tag, type TagMask } from "../src/model";
import { BUILT_IN_CATALOG } from "../src/policies";

/** The built-in regions, in catalog order (XSG.REGIONS). */
const REGION_IDS = BUILT_IN_CATALOG.regions.map((region) => region.id);
import { mulberry32 } from "../examples/seeded-random";

/** Missing money (revenue / prevRevenue) in the columns. */
export const MISSING = -1;
/** Omitted upgrade year in the column (⇒ U = Y, R3). */
export const OMITTED_YEAR = 0;

export interface SyntheticEnterprises {
  readonly count: number;
  readonly seed: number;
  /** Index into REGION_IDS. */
  readonly region: Uint8Array;
  /** Revenue of the evaluated year, integer 分; MISSING when absent. */
  readonly revenue: Float64Array;
  readonly year: Uint16Array;
  /** OMITTED_YEAR when absent. */
  readonly upgradeYear: Uint16Array;
  /** Previous year's revenue, integer 分; MISSING when absent. */
  readonly prevRevenue: Float64Array;
  readonly tags: Uint32Array;
}

/** One enterprise with nulls for missing inputs, as the core's functions take them. */
export interface EnterpriseRow {
  readonly regionId: string;
  readonly revenue: number | null;
  readonly year: number;
  readonly upgradeYear: number | null;
  readonly prevRevenue: number | null;
  readonly tags: TagMask;
}

const TAG_BIT = new Map<string, number>(CANONICAL_TAGS.map((tag, i) => [tag, 1 << i]));
const bit = (tag: Tag): number => TAG_BIT.get(tag) as number;

/**
 * Tags drawn for tagged enterprises, with weights: the R6 exclusions and the bonus tags
 * are frequent enough to matter in every region, the rest appear as noise.
 */
const TAG_WEIGHTS: readonly (readonly [Tag, number])[] = [
  ["国有", 3],
  ["房地产", 2],
  ["行政事业单位", 1],
  ["亩均A", 4],
  ["亩均B", 4],
  ["亩均C", 5],
  ["亩均D", 3],
  ["严重失信", 2],
  ["个转企", 6],
  ["分公司转法人", 4],
  ["新投产", 4],
  ["战略新兴", 6],
  ["自有工业用地", 2],
  ["同一实控人同地块", 1],
  ["新一代信息技术", 2],
  ["高端装备", 2],
  ["生物医药", 1],
  ["集成电路", 1],
  ["新能源", 1],
  ["新材料", 1],
];
const TAG_WEIGHT_TOTAL = TAG_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

function pickTag(random: () => number): number {
  let roll = random() * TAG_WEIGHT_TOTAL;
  for (const [tag, weight] of TAG_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return bit(tag);
  }
  return bit(TAG_WEIGHTS[TAG_WEIGHTS.length - 1][0]);
}

const wanToFen = (wan: number): number => Math.round(wan * 100) * (FEN_PER_WAN / 100);

/** Revenue in 分: most near the threshold, some exactly on it, a long tail either side. */
function drawRevenue(random: () => number): number {
  const roll = random();
  if (roll < 0.03) return MISSING;
  if (roll < 0.06) return 2000 * FEN_PER_WAN; // exactly the threshold: qualifies (R2)
  if (roll < 0.08) return 2000 * FEN_PER_WAN - 100; // 1999.9999 万元: one 元 short
  if (roll < 0.1) return 2000 * FEN_PER_WAN + 100; // one 元 over
  if (roll < 0.7) return wanToFen(1500 + random() * 1500); // 1500–3000 万元, 2 decimals
  if (roll < 0.8) return Math.round((1800 + random() * 400) * 10_000) * 100; // 元 precision around 2000
  return wanToFen(300 * Math.exp(random() * 4.5)); // 300 万 … ~27000 万, log-uniform
}

/** Previous year's revenue: absent often, else the current figure scaled, sometimes equal (no growth). */
function drawPrevRevenue(random: () => number, revenue: number): number {
  const roll = random();
  if (roll < 0.4) return MISSING;
  const base = revenue === MISSING ? 2000 * FEN_PER_WAN : revenue;
  if (roll < 0.45) return base; // a tie: revenue(Y) > prev fails (鹿城区 growth test)
  if (roll < 0.5) return 2000 * FEN_PER_WAN - 10_000 * (1 + Math.floor(random() * 3)); // just below 2000
  return Math.round((base * (0.7 + random() * 0.6)) / 100) * 100; // ±30 %, 元 precision
}

export function generateEnterprises(count: number, seed = 20240601): SyntheticEnterprises {
  const random = mulberry32(seed);
  const set: SyntheticEnterprises = {
    count,
    seed,
    region: new Uint8Array(count),
    revenue: new Float64Array(count),
    year: new Uint16Array(count),
    upgradeYear: new Uint16Array(count),
    prevRevenue: new Float64Array(count),
    tags: new Uint32Array(count),
  };
  for (let i = 0; i < count; i++) {
    set.region[i] = Math.floor(random() * REGION_IDS.length);
    const year = 2021 + Math.floor(random() * 6); // 2021–2026
    set.year[i] = year;
    const kRoll = random();
    if (kRoll < 0.15) set.upgradeYear[i] = OMITTED_YEAR;
    else if (kRoll < 0.17)
      set.upgradeYear[i] = year + 1; // U > Y: #VALUE! (R3)
    else {
      const k = kRoll < 0.45 ? 0 : kRoll < 0.65 ? 1 : kRoll < 0.85 ? 2 : 3 + Math.floor(random() * 2);
      set.upgradeYear[i] = year - k;
    }
    const revenue = drawRevenue(random);
    set.revenue[i] = revenue;
    set.prevRevenue[i] = drawPrevRevenue(random, revenue);
    let tags = 0;
    if (random() >= 0.6) {
      const n = 1 + Math.floor(random() * 3);
      for (let t = 0; t < n; t++) tags |= pickTag(random);
    }
    set.tags[i] = tags;
  }
  return set;
}

export function rowAt(set: SyntheticEnterprises, i: number): EnterpriseRow {
  const revenue = set.revenue[i];
  const prev = set.prevRevenue[i];
  const upgradeYear = set.upgradeYear[i];
  return {
    regionId: REGION_IDS[set.region[i]],
    revenue: revenue === MISSING ? null : revenue,
    year: set.year[i],
    upgradeYear: upgradeYear === OMITTED_YEAR ? null : upgradeYear,
    prevRevenue: prev === MISSING ? null : prev,
    tags: set.tags[i],
  };
}

/** The tag names of a mask, in canonical order (what a sheet cell or a rules-engine fact holds). */
export function tagNames(mask: TagMask): Tag[] {
  const names: Tag[] = [];
  for (let i = 0; i < CANONICAL_TAGS.length; i++) if ((mask & (1 << i)) !== 0) names.push(CANONICAL_TAGS[i]);
  return names;
}

/** 分 as the 万元 number a user types into a sheet (exact for ≤ 6 decimals as printed). */
export function fenToWanNumber(fen: number): number {
  return fen / FEN_PER_WAN;
}

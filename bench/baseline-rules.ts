/**
 * The baseline: the same upgrade-award rules (R3–R6) written the way a team would write
 * them for json-rules-engine, the most used JS rules engine — facts in, events out, the
 * amount computed from the events' params. Written from POLICY-RULINGS.md directly, NOT
 * from src/policies, so that 0 mismatches against XSG is an independent cross-check.
 *
 * Facts: region (policy id, which picks the region's engine), revenue and prevRevenue (integer 分 or null), year,
 * upgradeYear (null ⇒ U = Y, R3), tags (canonical tag names). Dynamic facts derive the
 * effective upgrade year and k = Y − U. Events: "award" {yuan}, "NA" {field}, "VALUE" {field}.
 * Outcome precedence: VALUE, then NA, then the sum of awards (0 when nothing fired).
 */
import { Engine, type Almanac, type NestedCondition, type RuleProperties } from "json-rules-engine";

/** Outcome codes shared with the XSG side of the comparison: an amount ≥ 0 is 元. */
export const OUTCOME_NA = -1;
export const OUTCOME_VALUE = -2;

export interface BaselineFacts {
  region: string;
  revenue: number | null;
  prevRevenue: number | null;
  year: number;
  upgradeYear: number | null;
  tags: string[];
}

const WAN = 10_000; // 元 per 万元
const THRESHOLD_FEN = 2000 * 1_000_000; // 2000 万元 in 分 (R2)

/** R4: upgrade years each document covers; null = no end. */
const COVERAGE: Readonly<Record<string, readonly [number, number | null]>> = {
  lucheng: [2023, 2025],
  jincheng: [2021, null],
  minhou: [2022, 2026],
  hangzhou: [2024, 2026],
  shuncheng: [2023, null],
};

/** R6: 鹿城区 附则 — no fiscal award for these tags (亩均C keeps (一), so it is not here). */
const LUCHENG_EXCLUDED = ["房地产", "国有", "行政事业单位", "亩均D", "严重失信"];

/** The test an instalment makes besides revenue(Y) ≥ 2000 万元 (R5). */
type InstalmentTest = "none" | "growth" | "prev-at-least";

interface Instalment {
  readonly k: number;
  readonly wan: number;
  readonly test: InstalmentTest;
  /** Tags of which at least one is required (bonus clauses). */
  readonly anyOfTags?: readonly string[];
  readonly name: string;
}

/** R5 as a table: one row per amount the documents pay. 0-amount years (杭州 k = 1) pay nothing and need nothing. */
const AWARD_TABLE: Readonly<Record<string, readonly Instalment[]>> = {
  lucheng: [
    { k: 0, wan: 20, test: "none", name: "鹿城区（一）首年" },
    { k: 1, wan: 10, test: "growth", name: "鹿城区（一）次年" },
    { k: 2, wan: 10, test: "growth", name: "鹿城区（一）第三年" },
  ],
  jincheng: [
    { k: 0, wan: 20, test: "none", name: "晋城市（四）211 首年" },
    { k: 0, wan: 30, test: "none", anyOfTags: ["战略新兴"], name: "晋城市（五）战略新兴" },
    { k: 1, wan: 10, test: "none", name: "晋城市（四）211 次年" },
    { k: 2, wan: 10, test: "prev-at-least", name: "晋城市（四）211 第三年" },
  ],
  minhou: [
    { k: 0, wan: 10, test: "none", name: "闽侯县三(一)第一期" },
    { k: 1, wan: 10, test: "prev-at-least", name: "闽侯县三(一)第二期" },
    { k: 2, wan: 10, test: "prev-at-least", name: "闽侯县三(一)第三期" },
  ],
  hangzhou: [
    { k: 0, wan: 20, test: "none", name: "杭州市一 首年" },
    { k: 0, wan: 10, test: "none", anyOfTags: ["个转企", "分公司转法人"], name: "杭州市一 个转企/分公司转法人" },
    { k: 2, wan: 30, test: "prev-at-least", name: "杭州市一 第三年" },
  ],
  shuncheng: [{ k: 0, wan: 10, test: "none", name: "顺城区14、15 抚顺市奖励" }],
};

const fact = (name: string, operator: string, value: unknown, priority?: number): NestedCondition =>
  priority === undefined ? { fact: name, operator, value } : { fact: name, operator, value, priority };

/**
 * Coverage (R4), exclusions (R6) and k: the gates every rule of a region shares. A
 * condition priority makes json-rules-engine test k first and stop an `all` as soon as it
 * fails — the tuning its documentation recommends, so the baseline is json-rules-engine
 * used well, not a straw man (as is one engine per region: one rules file per document).
 */
function gates(region: string, k: number): NestedCondition[] {
  const [from, to] = COVERAGE[region];
  const conditions: NestedCondition[] = [
    fact("k", "equal", k, 2),
    fact("effectiveUpgradeYear", "greaterThanInclusive", from),
  ];
  if (to !== null) conditions.push(fact("effectiveUpgradeYear", "lessThanInclusive", to));
  if (region === "lucheng") for (const tag of LUCHENG_EXCLUDED) conditions.push(fact("tags", "doesNotContain", tag));
  return conditions;
}

function tagConditions(instalment: Instalment): NestedCondition[] {
  if (!instalment.anyOfTags) return [];
  return [{ any: instalment.anyOfTags.map((tag) => fact("tags", "contains", tag)) }];
}

/** R3: U > Y is #VALUE! — the same rule in every region's rule set. */
const VALUE_RULE: RuleProperties = {
  name: "R3 升规年份晚于评价年度",
  conditions: { all: [fact("k", "lessThan", 0)] },
  event: { type: "VALUE", params: { field: "upgradeYear" } },
};

/** R4 (reading D24): an upgrade after the end of the region's last document is #N/A — a newer document is needed. */
function pastEndRule(region: string): RuleProperties[] {
  const to = COVERAGE[region][1];
  if (to === null) return [];
  return [
    {
      name: "R4 升规年份晚于文件覆盖期",
      conditions: { all: [fact("k", "greaterThanInclusive", 0), fact("effectiveUpgradeYear", "greaterThan", to)] },
      event: { type: "NA", params: { field: "upgradeYear" } },
    },
  ];
}

/** One region's rule set (one rules file per document): award rules, #N/A rules for missing inputs and past the document's end, the #VALUE! rule. */
export function baselineRules(region: string): RuleProperties[] {
  const instalments = AWARD_TABLE[region];
  if (instalments === undefined) throw new Error(`no baseline rules for region ${region}`);
  const rules: RuleProperties[] = [VALUE_RULE, ...pastEndRule(region)];
  for (const instalment of instalments) {
    const base = [...gates(region, instalment.k), ...tagConditions(instalment)];
    const qualifies = fact("revenue", "greaterThanInclusive", THRESHOLD_FEN);
    const award = { type: "award", params: { yuan: instalment.wan * WAN, clause: instalment.name } };
    const test: NestedCondition[] =
      instalment.test === "growth"
        ? [fact("prevRevenue", "notEqual", null), fact("revenue", "greaterThan", { fact: "prevRevenue" })]
        : instalment.test === "prev-at-least"
          ? [{ any: [fact("prevRevenue", "equal", null), fact("prevRevenue", "greaterThanInclusive", THRESHOLD_FEN)] }]
          : [];
    rules.push({ name: instalment.name, conditions: { all: [...base, qualifies, ...test] }, event: award });
    // R11: the rule needs revenue(Y); without it the answer is #N/A (D11: only when the gates pass).
    rules.push({
      name: `${instalment.name}：缺营业收入`,
      conditions: { all: [...base, fact("revenue", "equal", null)] },
      event: { type: "NA", params: { field: "revenue" } },
    });
    if (instalment.test === "growth") {
      // R5: 鹿城区 k ≥ 1 without prevRevenue — the growth test cannot be made.
      rules.push({
        name: `${instalment.name}：缺上年营业收入`,
        conditions: { all: [...base, qualifies, fact("prevRevenue", "equal", null)] },
        event: { type: "NA", params: { field: "prevRevenue" } },
      });
    }
  }
  return rules;
}

export const BASELINE_REGIONS: readonly string[] = Object.keys(AWARD_TABLE);

/** Engines by region id, each loaded with its region's rules and the derived facts. */
export type BaselineEngines = ReadonlyMap<string, Engine>;

export function createBaselineEngines(): BaselineEngines {
  const engines = new Map<string, Engine>();
  for (const region of BASELINE_REGIONS) {
    const engine = new Engine(baselineRules(region), { allowUndefinedFacts: true });
    const effective = async (_params: unknown, almanac: Almanac): Promise<number> => {
      const upgradeYear = (await almanac.factValue("upgradeYear")) as number | null;
      return upgradeYear ?? ((await almanac.factValue("year")) as number);
    };
    engine.addFact("effectiveUpgradeYear", effective);
    engine.addFact(
      "k",
      async (params, almanac) => ((await almanac.factValue("year")) as number) - (await effective(params, almanac)),
    );
    engines.set(region, engine);
  }
  return engines;
}

/** Runs the region's engine on one enterprise: 元 ≥ 0, OUTCOME_NA or OUTCOME_VALUE. */
export async function baselineAward(engines: BaselineEngines, facts: BaselineFacts): Promise<number> {
  const engine = engines.get(facts.region);
  if (engine === undefined) return OUTCOME_NA; // R11: a region with no encoded policy
  const { events } = await engine.run(facts as unknown as Record<string, unknown>);
  let yuan = 0;
  let na = false;
  for (const event of events) {
    if (event.type === "VALUE") return OUTCOME_VALUE;
    if (event.type === "NA") na = true;
    else yuan += (event.params as { yuan: number }).yuan;
  }
  return na ? OUTCOME_NA : yuan;
}

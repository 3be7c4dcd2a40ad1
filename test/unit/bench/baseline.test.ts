/**
 * The benchmark's json-rules-engine baseline is only a fair comparison if it computes the
 * same awards as XSG: these tests pin it to the rulings (R3–R6, D11) on hand-picked cases
 * and check it against the core's upgradeAward on generated enterprises.
 */
import {
  baselineAward,
  createBaselineEngines,
  OUTCOME_NA,
  OUTCOME_VALUE,
  type BaselineFacts,
} from "../../../bench/baseline-rules";
import { baselineFactsOf, outcomeMix, policiesByRegion, xsgAwards } from "../../../bench/core";
import { generateEnterprises } from "../../../bench/enterprises";

const WAN_FEN = 1_000_000;
const engines = createBaselineEngines();

function facts(partial: Partial<BaselineFacts> & Pick<BaselineFacts, "region">): BaselineFacts {
  return { revenue: 2500 * WAN_FEN, prevRevenue: null, year: 2024, upgradeYear: null, tags: [], ...partial };
}

describe("json-rules-engine baseline follows the rulings", () => {
  test.each([
    ["杭州 k=0: 20 万", facts({ region: "hangzhou" }), 200_000],
    ["杭州 k=0 个转企: 20 + 10 万", facts({ region: "hangzhou", tags: ["个转企"] }), 300_000],
    ["杭州 k=1: 0", facts({ region: "hangzhou", year: 2025, upgradeYear: 2024 }), 0],
    [
      "杭州 k=2 prev 1999.99 万: 0",
      facts({ region: "hangzhou", year: 2026, upgradeYear: 2024, prevRevenue: 1999.99 * WAN_FEN }),
      0,
    ],
    ["杭州 k=2 prev absent: 30 万", facts({ region: "hangzhou", year: 2026, upgradeYear: 2024 }), 300_000],
    ["杭州 U = 2023 not covered (R4): 0", facts({ region: "hangzhou", upgradeYear: 2023 }), 0],
    ["鹿城 k=1 without prevRevenue: #N/A", facts({ region: "lucheng", year: 2025, upgradeYear: 2024 }), OUTCOME_NA],
    [
      "鹿城 k=1 revenue = prev (no growth): 0",
      facts({ region: "lucheng", year: 2025, upgradeYear: 2024, prevRevenue: 2500 * WAN_FEN }),
      0,
    ],
    [
      "鹿城 k=1 growth: 10 万",
      facts({ region: "lucheng", year: 2025, upgradeYear: 2024, prevRevenue: 2400 * WAN_FEN }),
      100_000,
    ],
    ["鹿城 国有 excluded (R6): 0", facts({ region: "lucheng", tags: ["国有"] }), 0],
    ["鹿城 亩均C keeps (一) (R6): 20 万", facts({ region: "lucheng", tags: ["亩均C"] }), 200_000],
    ["鹿城 excluded, revenue missing: 0 (D11)", facts({ region: "lucheng", tags: ["房地产"], revenue: null }), 0],
    ["晋城 k=0 战略新兴: 20 + 30 万", facts({ region: "jincheng", tags: ["战略新兴"] }), 500_000],
    ["晋城 k=0 at exactly 2000 万 (R2): 20 万", facts({ region: "jincheng", revenue: 2000 * WAN_FEN }), 200_000],
    ["晋城 k=0 one 元 short: 0", facts({ region: "jincheng", revenue: 2000 * WAN_FEN - 100 }), 0],
    ["晋城 国有 is not excluded outside 鹿城 (R6)", facts({ region: "jincheng", tags: ["国有"] }), 200_000],
    [
      "闽侯 k=2 prev 1500 万: 0",
      facts({ region: "minhou", year: 2024, upgradeYear: 2022, prevRevenue: 1500 * WAN_FEN }),
      0,
    ],
    ["闽侯 k=1 prev absent: 10 万", facts({ region: "minhou", year: 2024, upgradeYear: 2023 }), 100_000],
    ["顺城 k=0: 10 万", facts({ region: "shuncheng" }), 100_000],
    ["顺城 k=1: 0", facts({ region: "shuncheng", year: 2025, upgradeYear: 2024 }), 0],
    ["revenue missing where the rule needs it: #N/A", facts({ region: "minhou", revenue: null }), OUTCOME_NA],
    ["U > Y: #VALUE! (R3)", facts({ region: "minhou", upgradeYear: 2025 }), OUTCOME_VALUE],
  ])("%s", async (_name, input, expected) => {
    await expect(baselineAward(engines, input)).resolves.toBe(expected);
  });
});

describe("synthetic enterprises", () => {
  test("are the same for the same seed and differ for another seed", () => {
    const a = generateEnterprises(2_000, 7);
    const b = generateEnterprises(2_000, 7);
    const c = generateEnterprises(2_000, 8);
    expect(Array.from(a.revenue)).toEqual(Array.from(b.revenue));
    expect(Array.from(a.tags)).toEqual(Array.from(b.tags));
    expect(Array.from(a.revenue)).not.toEqual(Array.from(c.revenue));
  });

  test("a smaller set is a prefix of a larger one (the same mix at every size)", () => {
    const small = generateEnterprises(500);
    const large = generateEnterprises(5_000);
    expect(Array.from(small.prevRevenue)).toEqual(Array.from(large.prevRevenue.subarray(0, 500)));
  });

  test("exercise every outcome: awards, 0, #N/A and #VALUE! in all five regions", () => {
    const set = generateEnterprises(20_000);
    const out = new Int32Array(set.count);
    xsgAwards(set, policiesByRegion(), out);
    const mix = outcomeMix(out);
    expect(mix.awarded).toBeGreaterThan(set.count * 0.1);
    expect(mix.zero).toBeGreaterThan(set.count * 0.1);
    expect(mix.na).toBeGreaterThan(set.count * 0.005);
    expect(mix.value).toBeGreaterThan(set.count * 0.005);
    for (let region = 0; region < 5; region++) {
      const amounts = new Set<number>();
      for (let i = 0; i < set.count; i++) if (set.region[i] === region && out[i] > 0) amounts.add(out[i]);
      expect(amounts.size).toBeGreaterThan(0);
    }
  });
});

test("the baseline and XSG's upgradeAward agree on every one of 3,000 generated enterprises", async () => {
  const set = generateEnterprises(3_000, 99);
  const xsg = new Int32Array(set.count);
  xsgAwards(set, policiesByRegion(), xsg);
  const mismatches: string[] = [];
  for (let i = 0; i < set.count; i++) {
    const input = baselineFactsOf(set, i);
    const baseline = await baselineAward(engines, input);
    if (baseline !== xsg[i]) mismatches.push(`${JSON.stringify(input)}: baseline ${baseline}, XSG ${xsg[i]}`);
  }
  expect(mismatches).toEqual([]);
});

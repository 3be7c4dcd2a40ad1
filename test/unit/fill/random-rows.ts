/**
 * Random sheet rows for property tests of the batch fill: every shipped region (by name, short
 * name, code and credit code), unknown regions, money as numbers and as text with units,
 * blanks, error cells, unparsable text, years before and after the evaluated year, tags typed
 * and derived from 企业性质 / 所属行业 / 亩均评价, rent, leases and contracts — so rows come out
 * with every status: awarded, nothing, needs data, not computed, unquantified and error rows.
 */
import fc from "fast-check";
import { CANONICAL_TAGS, makeUscc } from "../../../src/index";
import { autoMap, type ColumnMapping } from "../../../src/fill";

export const WIDE_HEADERS = [
  "企业名称",
  "统一社会信用代码",
  "所属地区",
  "营业收入（元）",
  "上年营业收入（万元）",
  "评价年度",
  "首次入库年份",
  "企业性质",
  "所属行业",
  "亩均评价",
  "技改投资（万元）",
  "租赁面积（平方米）",
  "租期（月）",
  "月租金（万元）",
  "合同金额（万元）",
  "标签",
] as const;
type Header = (typeof WIDE_HEADERS)[number];

const CREDIT_CODES = ["330106", "330302", "140521", "350121", "350781", "210411", "110105"].map((division, i) =>
  makeUscc(`91${division}MA${String(i).repeat(7)}`),
);

const blankish = fc.constantFrom(null, "", "  ", "#N/A", { type: "Error", basicValue: "#VALUE!" });
const region = fc.oneof(
  fc.constantFrom(
    "杭州市",
    "杭州市西湖区",
    "杭州",
    "温州市鹿城区",
    "鹿城区",
    "晋城市",
    "晋城市泽州县",
    "闽侯县",
    "福州市闽侯县",
    "抚顺市顺城区",
    "顺城区",
    "330100",
    "北京市朝阳区",
    "不知道",
  ),
  fc.constant(330302),
  blankish,
);
const yuanAround = fc.integer({ min: 15_000_000, max: 30_000_000 });
const revenueYuan = fc.oneof(
  { weight: 6, arbitrary: yuanAround },
  { weight: 1, arbitrary: fc.constantFrom(20_000_000, 19_999_999, 20_000_001, 0) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 400_000_000 }) },
  { weight: 1, arbitrary: yuanAround.map((n) => `${(n / 10_000).toFixed(2)}万元`) },
  { weight: 1, arbitrary: fc.constantFrom("abc", "-5", "2,500万") },
  { weight: 2, arbitrary: blankish },
);
const wan = (max: number) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100) },
    { weight: 1, arbitrary: fc.constantFrom(0, "300万元", "1,200", "x") },
    { weight: 3, arbitrary: blankish },
  );
const year = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 2019, max: 2027 }) },
  { weight: 1, arbitrary: fc.constantFrom("2024年", "二〇二四", "x") },
  { weight: 1, arbitrary: blankish },
);
const tagText = fc.oneof(
  fc.subarray([...CANONICAL_TAGS], { maxLength: 3 }).map((tags) => tags.join("；")),
  fc.constantFrom("个转企、战略新兴", "国企", "未知标签", "分公司转法人;新投产"),
  blankish,
);

export interface RandomSheet {
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly rows: readonly unknown[][];
  readonly defaults: { readonly region?: string; readonly year?: number };
  /** Relative data-row index ⇒ the duplicate-code warning a fill would add. */
  readonly duplicates: ReadonlyMap<number, string>;
}

const row = fc.record<Record<Header, unknown>>({
  企业名称: fc.constantFrom("甲公司", "乙有限公司", null, "合计", "注：单位万元"),
  统一社会信用代码: fc.oneof(fc.constantFrom(...CREDIT_CODES), fc.constantFrom("123", "#REF!", null)),
  所属地区: region,
  "营业收入（元）": revenueYuan,
  "上年营业收入（万元）": fc.oneof(
    yuanAround.map((n) => n / 10_000),
    fc.constantFrom(2000, 1999.99),
    blankish,
  ),
  评价年度: year,
  首次入库年份: year,
  企业性质: fc.constantFrom("国有企业", "民营企业", "事业单位", "", null),
  所属行业: fc.constantFrom("房地产开发", "新一代信息技术", "集成电路制造", "新材料", "通用设备制造", null),
  亩均评价: fc.constantFrom("A", "B类", "C级", "亩均D", "E", null),
  "技改投资（万元）": wan(2_000),
  "租赁面积（平方米）": fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.constantFrom("1,200㎡", "大"), blankish),
  "租期（月）": fc.oneof(fc.integer({ min: 0, max: 72 }), blankish),
  "月租金（万元）": wan(50),
  "合同金额（万元）": fc.oneof(wan(5_000), fc.constantFrom("300；500万元、250", "100、x")),
  标签: tagText,
});

/** A sheet of `rows` random rows over a random subset of the columns (at least one), with or without defaults. */
export const randomSheet = (maxRows = 40): fc.Arbitrary<RandomSheet> =>
  fc
    .record({
      columns: fc.subarray([...WIDE_HEADERS], { minLength: 1 }),
      rows: fc.array(row, { minLength: 1, maxLength: maxRows }),
      defaultRegion: fc.constantFrom(undefined, "杭州市", "鹿城区", "顺城区", "不知道"),
      defaultYear: fc.constantFrom(undefined, 2024, 2026),
      duplicateEvery: fc.integer({ min: 0, max: 7 }),
    })
    .map(({ columns, rows, defaultRegion, defaultYear, duplicateEvery }) => {
      const headers = WIDE_HEADERS.filter((h) => columns.includes(h));
      const duplicates = new Map<number, string>();
      if (duplicateEvery > 0)
        for (let i = 0; i < rows.length; i += duplicateEvery) duplicates.set(i, `与第${i + 3}行重复`);
      return {
        headers,
        mapping: autoMap(headers),
        rows: rows.map((r) => headers.map((h) => r[h])),
        defaults: {
          ...(defaultRegion !== undefined ? { region: defaultRegion } : {}),
          ...(defaultYear !== undefined ? { year: defaultYear } : {}),
        },
        duplicates,
      };
    });

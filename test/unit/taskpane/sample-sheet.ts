/**
 * A realistic official's sheet for the taskpane tests: a title and a unit note above the header
 * (header in row 3), mixed regions, one malformed revenue, and as many generated rows as asked.
 */
import type { CellContent } from "../../../src/fill";

export const HEADERS = [
  "序号",
  "企业名称",
  "统一社会信用代码",
  "所属地区",
  "主营业务收入（万元）",
  "上年主营业务收入（万元）",
  "首次入库年份",
  "年度",
  "企业性质",
  "技改投资（万元）",
] as const;

/** 0-based sheet row of the header. */
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A credit code with a correct GB 32100-2015 check character (R15). */
export function uscc(division: string, serial: number): string {
  const body = `91${division}${String(serial).padStart(8, "0")}X`.slice(0, 17);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body[i]) * (3 ** i % 31);
  const check = (31 - (sum % 31)) % 31;
  return body + USCC_CHARS[check];
}

/** The fixed rows every test relies on (data rows 1–4). */
export const KNOWN_ROWS: CellContent[][] = [
  [1, "杭州西溪智造科技有限公司", uscc("330106", 1), "杭州市西湖区", 2500, 1800, 2024, 2024, "私营企业", null],
  [2, "温州鹿城鞋业有限公司", uscc("330302", 2), "鹿城区", 1500, 1400, 2024, 2024, "私营企业", null],
  [3, "晋城泽州铸造有限公司", uscc("140525", 3), "晋城市泽州县", "abc", 2500, 2023, 2024, "私营企业", null],
  [4, "晋城高平机械有限公司", uscc("140581", 4), "高平市", 3000, 2500, 2023, 2024, "私营企业", null],
];

const REGIONS = ["杭州市余杭区", "鹿城区", "晋城市", "闽侯县", "顺城区", "杭州市萧山区"];
const TRADES = ["精密机械", "电子科技", "新材料", "包装印刷", "服饰", "食品", "化工", "汽配"];

/** Title, unit note, header, the known rows, then `extra` generated rows (deterministic). */
export function sampleSheet(extra = 0): CellContent[][] {
  const rows: CellContent[][] = [
    ["2024年度“小升规”企业奖补测算表", null, null, null, null, null, null, null, null, null],
    ["填报单位：区经信局", null, null, null, null, null, null, null, "单位：万元", null],
    [...HEADERS],
    ...KNOWN_ROWS.map((row) => row.slice()),
  ];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < extra; i++) {
    const n = KNOWN_ROWS.length + i + 1;
    const region = REGIONS[i % REGIONS.length];
    const revenue = Math.round((1200 + next() * 2400) * 100) / 100;
    rows.push([
      n,
      `${region.slice(0, 2)}${TRADES[i % TRADES.length]}${n}号有限公司`,
      uscc("330106", 100 + i),
      region,
      revenue,
      Math.round(revenue * 0.8 * 100) / 100,
      2023 + (i % 2),
      2024,
      i % 17 === 0 ? "国有控股" : "私营企业",
      i % 5 === 0 ? 600 : null,
    ]);
  }
  return rows;
}

/**
 * A realistic messy sheet as officials keep them: a merged title, a unit note and a blank row
 * above the header (row 4), revenue in 元 while other money is in 万元, text numbers, blanks,
 * error values, a date in the year column, duplicate and invalid credit codes, a total row.
 */
import { makeUscc } from "../../../src/index";

export const HANGZHOU_CODE = makeUscc("91330106MA2AAAAA0");
export const LUCHENG_CODE = makeUscc("91330302MA2BBBBB1");
export const JINCHENG_CODE = makeUscc("91140521MA0CCCCC2");
export const MINHOU_CODE = makeUscc("91350121MA3DDDDD3");
/** A well-formed code whose check character is wrong (R15: a warning only). */
export const BAD_CHECK_CODE = (() => {
  const good = makeUscc("91210411MA0EEEEE4");
  return good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
})();

export const HEADERS = [
  "序号",
  "企业名称",
  "统一社会信用代码",
  "所属地区",
  "主营业务收入（元）",
  "上年营业收入",
  "评价年度",
  "首次入库年份",
  "企业性质",
  "亩均评价",
  "技改投资(万元)",
  "标签",
] as const;

/** Row 1 (index 0) … ; the header is at index 3 (sheet row 4). */
export function messyRows(): unknown[][] {
  return [
    ["2024年度小升规企业奖补测算表"],
    ["注：单位：万元（另有注明的除外）；数据来源：区统计局"],
    [],
    [...HEADERS],
    // 杭州 k=0: 2500万 (in 元) ⇒ 升规 20万; tech 600万 ≥ 500 ⇒ 10% = 60万.
    [1, "杭州甲科技有限公司", HANGZHOU_CODE, "杭州市西湖区", 25000000, 1800, 2024, 2024, "有限责任公司", "A", 600, ""],
    // 鹿城 国有 ⇒ excluded from every fiscal award (R6). Text number with grouping.
    [2, "鹿城乙制造有限公司", LUCHENG_CODE, "鹿城区", "26,000,000", 2000, 2024, 2023, "国有控股", "B类", "", ""],
    // Revenue text that is no number ⇒ error row naming the column.
    [3, "错误丙公司", JINCHENG_CODE, "晋城市泽州县", "abc", 1500, 2024, 2024, "", "", "", ""],
    // Blank revenue ⇒ needs data.
    [4, "缺数丁公司", MINHOU_CODE, "闽侯县", null, 800, 2024, 2024, "", "", "", ""],
    // An error value in the revenue cell.
    [5, "公式错戊公司", "", "杭州", "#N/A", 1800, 2024, 2024, "", "", "", ""],
    // Year as a date cell (2024-03-01) ⇒ 2024; 晋城 k=0 20万.
    [6, "日期己公司", "", "晋城市", 30000000, "", new Date(Date.UTC(2024, 2, 1)), 2024, "", "", "", ""],
    // Duplicate of row 1's credit code.
    [7, "重复庚公司", HANGZHOU_CODE, "杭州市", 21000000, 1900, 2024, 2024, "", "", "", "个转企"],
    // Check character wrong (warning), 顺城区 k=0 ⇒ 10万 (+ unquantified provincial award).
    [8, "校验辛公司", BAD_CHECK_CODE, "顺城区", 22000000, 1600, 2024, 2024, "", "", "", ""],
    [],
    ["合计", "", "", "", "", "", "", "", "", "", "", ""],
  ];
}

/**
 * XSG custom functions (namespace XSG, from the manifest). custom-functions-metadata-plugin
 * reads the JSDoc below into functions.json (Chinese help) and appends the
 * CustomFunctions.associate calls to this file in the bundle. Each entry only
 * forwards to ./adapter: argument shapes, R11 errors and 元 → 万元 live there,
 * policy logic in ../src. Argument names and order are fixed by issue 4.
 *
 * Money and year arguments are typed `any` on purpose: a `number` parameter
 * lets Excel reject "2500万元" before XSG can parse it (R1, R3). `attributes`
 * is a matrix so it takes a range of cells as well as a text (R7).
 */

import * as adapter from "./adapter";

/**
 * 升规奖励（万元）：企业在评估年度因规上状态获得的小升规奖励（按地区政策与口径 R3–R6）。例：=XSG.AWARD("杭州市",2500,2024) 得 20。
 * @customfunction AWARD
 * @helpurl https://localhost:3000/assets/help.html#xsg-award
 * @param {any} region 地区：政策地区名称或简称（如 杭州、温州市鹿城区）、其下辖区县、6 位行政区划代码或 18 位统一社会信用代码
 * @param {any} revenue 评估年度主营业务收入：数字按万元计，或带单位的文本（如 2500万元、0.25亿、25000000元）
 * @param {any} year 评估年度：如 2024、“2024年”或日期单元格
 * @param {any} [upgradeYear] 升规年份（首次入库纳统年度），省略时等于评估年度
 * @param {any} [prevRevenue] 上年主营业务收入（万元或带单位文本），第二、三年奖励的条件用到时填写
 * @param {any[][]} [attributes] 企业标签：分号、逗号、顿号或空格分隔的文本，或每格一个标签的区域（如 个转企；战略新兴）
 * @returns 升规奖励，万元
 */
export function award(
  region: any,
  revenue: any,
  year: any,
  upgradeYear?: any,
  prevRevenue?: any,
  attributes?: any[][],
): number {
  return adapter.award(region, revenue, year, upgradeYear, prevRevenue, attributes);
}

/**
 * 是否符合首年升规奖励条件：TRUE 表示企业在该年度作为首年规上企业可获升规奖励。例：=XSG.ELIGIBLE("晋城",2000,2024) 得 TRUE。
 * @customfunction ELIGIBLE
 * @helpurl https://localhost:3000/assets/help.html#xsg-eligible
 * @param {any} region 地区：政策地区名称或简称、其下辖区县、6 位行政区划代码或 18 位统一社会信用代码
 * @param {any} revenue 评估年度主营业务收入：数字按万元计，或带单位的文本（如 2500万元）
 * @param {any} year 评估年度：如 2024、“2024年”或日期单元格
 * @param {any[][]} [attributes] 企业标签：分隔的文本或每格一个标签的区域
 * @returns TRUE 或 FALSE
 */
export function eligible(region: any, revenue: any, year: any, attributes?: any[][]): boolean {
  return adapter.eligible(region, revenue, year, attributes);
}

/**
 * 升规奖励最高总额（万元）：按政策奖励时间表各年最高额之和。例：=XSG.TOTAL("杭州市") 得 50，带“个转企”标签得 60。
 * @customfunction TOTAL
 * @helpurl https://localhost:3000/assets/help.html#xsg-total
 * @param {any} region 地区：政策地区名称或简称、其下辖区县、6 位行政区划代码或 18 位统一社会信用代码
 * @param {any[][]} [attributes] 企业标签：分隔的文本或每格一个标签的区域
 * @returns 最高总额，万元
 */
export function total(region: any, attributes?: any[][]): number {
  return adapter.total(region, attributes);
}

/**
 * 升规奖励时间表：溢出 3 行 × 2 列，依次为升规当年、次年、第三年的年度与最高奖励（万元）。例：=XSG.SCHEDULE("杭州市",2024)。
 * @customfunction SCHEDULE
 * @helpurl https://localhost:3000/assets/help.html#xsg-schedule
 * @param {any} region 地区：政策地区名称或简称、其下辖区县、6 位行政区划代码或 18 位统一社会信用代码
 * @param {any} upgradeYear 升规年份（首次入库纳统年度）：如 2024、“2024年”或日期单元格
 * @param {any[][]} [attributes] 企业标签：分隔的文本或每格一个标签的区域
 * @returns 3 行 2 列：年度、最高奖励（万元）
 */
export function schedule(region: any, upgradeYear: any, attributes?: any[][]): number[][] {
  return adapter.schedule(region, upgradeYear, attributes);
}

/**
 * 培育状态：“规上”（主营业务收入 ≥ 2000 万元）、“培育”（在地区政策规定的培育库区间内）或“规下”。例：=XSG.STATUS("闽侯县",800) 得“培育”。
 * @customfunction STATUS
 * @helpurl https://localhost:3000/assets/help.html#xsg-status
 * @param {any} region 地区：政策地区名称或简称、其下辖区县、6 位行政区划代码或 18 位统一社会信用代码
 * @param {any} revenue 主营业务收入：数字按万元计，或带单位的文本（如 1800万元）
 * @returns 规上、培育或规下
 */
export function status(region: any, revenue: any): string {
  return adapter.status(region, revenue);
}

/**
 * 技改补助（万元）：按地区政策对技术改造投资的补助（口径 R8）。例：=XSG.TECH("杭州市",1000,2024) 得 100。
 * @customfunction TECH
 * @helpurl https://localhost:3000/assets/help.html#xsg-tech
 * @param {any} region 地区：政策地区名称或简称、其下辖区县、6 位行政区划代码或 18 位统一社会信用代码
 * @param {any} investment 评估年度技术改造投资：数字按万元计，或带单位的文本
 * @param {any} year 评估年度：如 2024、“2024年”或日期单元格
 * @param {any} [upgradeYear] 升规年份（首次入库纳统年度），省略时等于评估年度
 * @param {any[][]} [attributes] 企业标签：分隔的文本或每格一个标签的区域（如 新材料、亩均C）
 * @returns 技改补助，万元
 */
export function tech(region: any, investment: any, year: any, upgradeYear?: any, attributes?: any[][]): number {
  return adapter.tech(region, investment, year, upgradeYear, attributes);
}

/**
 * 租金补助（万元）：按地区政策对租用生产厂房的补助（口径 R9）。例：=XSG.RENT("鹿城区",1000,12) 得 2.4。
 * @customfunction RENT
 * @helpurl https://localhost:3000/assets/help.html#xsg-rent
 * @param {any} region 地区：政策地区名称或简称、其下辖区县、6 位行政区划代码或 18 位统一社会信用代码
 * @param {any} area 租用生产厂房面积，平方米（如 1200、“1200平方米”）
 * @param {any} months 租期，月（如 36、“36个月”、“3年”）
 * @param {any} [monthlyRent] 月租金：数字按万元计，或带单位的文本（杭州市政策需要）
 * @param {any[][]} [attributes] 企业标签：分隔的文本或每格一个标签的区域（如 自有工业用地）
 * @returns 租金补助，万元
 */
export function rent(region: any, area: any, months: any, monthlyRent?: any, attributes?: any[][]): number {
  return adapter.rent(region, area, months, monthlyRent, attributes);
}

/**
 * 市场开拓合同奖励（万元）：单个在本市以外中标或签订的合同可得奖励（口径 R10）。例：=XSG.BID("闽侯县",500,2024) 得 15。
 * @customfunction BID
 * @helpurl https://localhost:3000/assets/help.html#xsg-bid
 * @param {any} region 地区：政策地区名称或简称、其下辖区县、6 位行政区划代码或 18 位统一社会信用代码
 * @param {any} contract 单个合同金额：数字按万元计，或带单位的文本
 * @param {any} [year] 评估年度：如 2024、“2024年”或日期单元格
 * @param {any} [upgradeYear] 升规年份（首次入库纳统年度），省略时等于评估年度
 * @returns 合同奖励，万元
 */
export function bid(region: any, contract: any, year?: any, upgradeYear?: any): number {
  return adapter.bid(region, contract, year, upgradeYear);
}

/**
 * 升规奖励说明：金额，以及逐条适用或不适用的条款（文号、条款序号、理由）和所用口径。参数与 XSG.AWARD 相同。
 * @customfunction EXPLAIN
 * @helpurl https://localhost:3000/assets/help.html#xsg-explain
 * @param {any} region 地区：政策地区名称或简称、其下辖区县、6 位行政区划代码或 18 位统一社会信用代码
 * @param {any} revenue 评估年度主营业务收入：数字按万元计，或带单位的文本（如 2500万元）
 * @param {any} year 评估年度：如 2024、“2024年”或日期单元格
 * @param {any} [upgradeYear] 升规年份（首次入库纳统年度），省略时等于评估年度
 * @param {any} [prevRevenue] 上年主营业务收入（万元或带单位文本）
 * @param {any[][]} [attributes] 企业标签：分隔的文本或每格一个标签的区域
 * @returns 中文说明
 */
export function explain(
  region: any,
  revenue: any,
  year: any,
  upgradeYear?: any,
  prevRevenue?: any,
  attributes?: any[][],
): string {
  return adapter.explain(region, revenue, year, upgradeYear, prevRevenue, attributes);
}

/**
 * 政策概要：地区所适用文件的文号、标题、状态、施行期限与覆盖的升规年份。例：=XSG.POLICY("杭州")。
 * @customfunction POLICY
 * @helpurl https://localhost:3000/assets/help.html#xsg-policy
 * @param {any} region 地区：政策地区名称或简称、其下辖区县、6 位行政区划代码或 18 位统一社会信用代码
 * @returns 中文政策概要
 */
export function policy(region: any): string {
  return adapter.policy(region);
}

/**
 * 政策地区列表：溢出为一列，每行一个已编码政策的规范地区名称。例：=XSG.REGIONS()。
 * @customfunction REGIONS
 * @helpurl https://localhost:3000/assets/help.html#xsg-regions
 * @returns 规范地区名称，一行一个
 */
export function regions(): string[][] {
  return adapter.regions();
}

/**
 * 代码所属政策地区：由统一社会信用代码（第 3–8 位）或 6 位行政区划代码得到规范政策地区名称，无对应政策时为 #N/A。例：=XSG.REGIONOF("330106") 得“杭州市”。
 * @customfunction REGIONOF
 * @helpurl https://localhost:3000/assets/help.html#xsg-regionof
 * @param {any} code 18 位统一社会信用代码或 6 位行政区划代码（含已撤并的历史代码）
 * @returns 规范政策地区名称
 */
export function regionOf(code: any): string {
  return adapter.regionOf(code);
}

/**
 * 统一社会信用代码校验：按 GB 32100-2015 检查长度、字符与校验码，全部正确为 TRUE，否则为 FALSE。例：=XSG.USCCVALID("91350100M000100Y43") 得 TRUE。
 * @customfunction USCCVALID
 * @helpurl https://localhost:3000/assets/help.html#xsg-usccvalid
 * @param {any} code 18 位统一社会信用代码（文本）
 * @returns TRUE 或 FALSE
 */
export function usccValid(code: any): boolean {
  return adapter.usccValid(code);
}

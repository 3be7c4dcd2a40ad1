/**
 * The project's rulings (口径) R1–R15, summarised as data so explanations and the
 * generated register can name them. The full text is the project's POLICY-RULINGS;
 * these one-liners are what XSG prints next to an amount.
 */
import type { RulingId } from "../model";

export interface Ruling {
  readonly id: RulingId;
  readonly title: string;
  readonly summary: string;
}

export const RULINGS: readonly Ruling[] = [
  {
    id: "R1",
    title: "单位与精确计算",
    summary: "金额以万元输入输出，按整数分/元精确计算，结果四舍五入到元（万元4位小数）。",
  },
  { id: "R2", title: "规模以上标准", summary: "年主营业务收入≥2000万元为规上，恰为2000万元也算。" },
  {
    id: "R3",
    title: "时间线",
    summary: "升规年份U为首次入库年度，由用户输入、不由营收推断；k=年度Y−U；U缺省时U=Y；U>Y为#VALUE!。",
  },
  {
    id: "R4",
    title: "文件覆盖的升规年份",
    summary: "按升规年份U判断文件是否覆盖；文件到期后，已获奖励的后续分期仍按原文件兑现。",
  },
  {
    id: "R5",
    title: "升规奖励按k分年",
    summary: "各地升规奖励按k=0、1、2分年计算，均需当年营收≥2000万元；“不超过”取上限；未量化部分另行说明。",
  },
  {
    id: "R6",
    title: "排除情形",
    summary: "仅鹿城区附则规定：房地产、国有、行政事业单位、亩均D、严重失信不享受财政奖补；亩均C仅享受（一）（二）。",
  },
  {
    id: "R7",
    title: "企业标签",
    summary: "企业属性以规范标签表示，只接受同义别名（D23）；未知标签为#VALUE!。",
  },
  {
    id: "R8",
    title: "技改补助",
    summary:
      "鹿城区k=0按1%；闽侯县k=0..2投资≥100万元按3%、年度上限500万元；杭州市k=0..2投资≥500万元按20%（重点产业，上限1亿元）或10%（上限5000万元）。",
  },
  {
    id: "R9",
    title: "房租补助",
    summary:
      "鹿城区2元/平方米·月、每家上限20万元；杭州市面积>1000平方米且租期≥36个月，每年1个月房租；晋城市未量化为#N/A。",
  },
  {
    id: "R10",
    title: "市场开拓（中标）奖励",
    summary: "闽侯县k=0..2单个合同≥200万元按3%，单个项目上限100万元，单家企业年度上限150万元。",
  },
  {
    id: "R11",
    title: "0、#N/A与#VALUE!",
    summary: "文件不给为0；未量化、缺少所需输入或地区无政策为#N/A；输入格式错误为#VALUE!。",
  },
  {
    id: "R12",
    title: "地区识别",
    summary: "接受规范名称、全国唯一简称、市级政策下辖区县、行政区划代码（含历史代码）与统一社会信用代码。",
  },
  {
    id: "R13",
    title: "叠加规则",
    summary:
      "鹿城区就高不重复并总量控制；杭州市从优、就高、不重复；闽侯县可叠加；同一地区内升规、技改、房租、中标奖励为不同条款，分别计算后相加。",
  },
  {
    id: "R14",
    title: "培育状态",
    summary:
      "营收≥2000万元为规上；在文件界定的培育库区间内为培育（闽侯县≥500万元；顺城区1500至2000万元以下）；否则为规下。",
  },
  { id: "R15", title: "统一社会信用代码", summary: "按GB 32100-2015校验；校验位不符仅提示，不拒绝。" },
];

export function rulingById(id: string): Ruling | undefined {
  return RULINGS.find((ruling) => ruling.id === id);
}

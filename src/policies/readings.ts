/**
 * Readings where the rulings (R1–R15) are silent: each is the reading an auditor
 * would defend, with a one-line rationale. Clauses cite them by id; the register
 * (docs/policies.md) lists them with the clauses that rely on them.
 */
import type { ReadingId } from "./types";

export interface Reading {
  readonly id: ReadingId;
  /** The decision, one line. */
  readonly decision: string;
  /** Why an auditor would accept it, one line. */
  readonly rationale: string;
}

export const READINGS: readonly Reading[] = [
  {
    id: "D1",
    decision:
      "面向“首次小升规企业”但未写明期限的待遇，只在升规当年（k=0）给予；面向全体规上企业的待遇，每年（k≥0）给予。",
    rationale: "“首次小升规”是企业在升规年度取得的身份；把无期限的待遇延伸到以后年度会超出文本。",
  },
  {
    id: "D2",
    decision:
      "只有升规奖励（R5）和文本明写营收条件的条款检验当年营收；其他条款按用户给出的升规年份判断，营收低于2000万元时 evaluate() 另加提示请核实。",
    rationale: "R3 规定升规年份是输入、不由营收推断；R8–R10 没有营收条件，不能替文件增加条件，但应提醒矛盾的数据。",
  },
  {
    id: "D3",
    decision:
      "鹿城区附则的排除只作用于财政奖补资金条款（现金、服务券、区政府购房优惠）；子女入学、亩均提档、有序用电、用电服务等非资金待遇不受影响。",
    rationale: "附则2写的是“不享受财政奖补资金政策”；（七）本身就是给亩均D类企业的待遇，若一并排除则条文自相矛盾。",
  },
  {
    id: "D4",
    decision: "亩均C类企业保留（一）的全部内容，包括1万元高质量发展服务券。",
    rationale:
      "附则2的例外写“首次“小升规”工业企业奖励”，即（一）整条（标题“强化“小升规”奖励支持”），服务券是该条的一部分。",
  },
  {
    id: "D5",
    decision:
      "RENT() 没有年度参数，按企业处于条款适用期内计算；evaluate() 再检验适用期：鹿城区（二）为升规当年一次性（每家上限20万元），杭州市七为新升规企业（k=0..2，3年成长培育期）。",
    rationale: "鹿城区上限按企业计，逐年重复计算会突破上限；杭州市“新升规企业”由二（3年成长培育期）界定。",
  },
  {
    id: "D6",
    decision: "杭州市七“每培育1家……给予小微企业园运营机构不高于3万元/2万元”不作为企业条款编码。",
    rationale: "奖励对象是园区运营机构，不是升规企业本身。",
  },
  {
    id: "D7",
    decision: "闽侯县（8）每个合同的奖励先单独取整到元（与 BID 函数一致），当年各合同奖励相加后再按150万元封顶。",
    rationale: "奖励按“单个项目”核定，逐项兑付；这样工作表中逐行 BID 的合计与 evaluate() 的合计一致。",
  },
  {
    id: "D8",
    decision:
      "“以上”“（含）以上”“不少于”包含本数（投资≥100万元、合同≥200万元、租期≥36个月）；“超过”不含本数（面积>1000平方米）。",
    rationale: "与R8–R10一致，也是我国法规用语的通常解释。",
  },
  {
    id: "D9",
    decision:
      "培育企业条款按当年营收（<2000万元，且在文件界定的培育库区间内）判断，覆盖期按评价年度判断；文件入库标准写的是上年度营收，说明中注明。",
    rationale: "R14 的 STATUS 只取一个营收数；培育企业尚无升规年份，只能按评价年度判断文件是否施行。",
  },
  {
    id: "D10",
    decision:
      "某类金额（技改、房租等）只有未量化承诺而无量化条款时，该函数返回#N/A并说明；有量化条款时返回量化部分，说明中列出未量化部分。",
    rationale: "R11：未量化为#N/A；R5：顺城区返回已量化部分并说明其余。",
  },
  {
    id: "D11",
    decision:
      "只在答案取决于某项输入时才要求它：升规年份不在覆盖期、适用排除情形、k超出分年表或标签条件不满足时，即使缺营收也返回0。",
    rationale: "R11 的#N/A针对“规则需要的输入缺失”；上述情形下文件无论营收多少都不给。",
  },
  {
    id: "D12",
    decision: "晋城市（八）社保补贴、（十）税收返还、闽侯县三(二)成长激励等按实际缴费/新增税收计算的条款记为未量化。",
    rationale: "所需数据（实际缴纳的社保费、新增地方留成税款、新增地方经济贡献）不在企业台账中，不能估算。",
  },
  {
    id: "D13",
    decision:
      "不编码面向全体企业的一般性服务（宣传、培训、融资平台、统计辅导等），只编码给予“小升规”企业或培育企业的待遇。",
    rationale: "登记册用于核对企业可得的奖补与待遇；一般性工作部署不产生企业可主张的待遇。",
  },
  {
    id: "D14",
    decision: "鹿城区（六）区政府配套10%购房优惠记为非现金待遇（受益人为职工），但属财政资金，适用附则排除。",
    rationale: "优惠随房价而定、由职工享受，不是企业所得的现金；资金来源是区财政。",
  },
  {
    id: "D15",
    decision: "征求意见稿无文号、无印发日期：文号写“（征求意见稿，无文号）”，施行起点为 null（“自印发之日起”）。",
    rationale: "不虚构文号和日期；覆盖年度按R4。",
  },
  {
    id: "D16",
    decision: "鹿城区（五）子女入学名额“自升规之日起2年内有效”按k=0、1计。",
    rationale: "以升规年度为第一年，两年即升规当年和次年。",
  },
];

export const READING_IDS: ReadonlySet<string> = new Set(READINGS.map((reading) => reading.id));

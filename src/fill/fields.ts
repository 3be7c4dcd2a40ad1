/**
 * The facts a fill can read from an official's sheet, with the Chinese and English header
 * aliases they go by, and how a header's text is understood (unit, year, core name).
 * Pure data and string handling: no parsers of the core are needed to map columns.
 */

export const FIELD_IDS = [
  "name",
  "creditCode",
  "region",
  "revenue",
  "prevRevenue",
  "year",
  "upgradeYear",
  "ownership",
  "industry",
  "muJunGrade",
  "techInvestment",
  "rentedArea",
  "leaseMonths",
  "monthlyRent",
  "contracts",
  "tags",
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

/** Units a header may state. Money units match the core's MoneyUnit names. */
export type MoneyUnitName = "元" | "千元" | "万元" | "十万元" | "百万元" | "千万元" | "亿元";
export type ColumnUnit = MoneyUnitName | "年" | "月";

export type FieldKind =
  "text" | "code" | "region" | "money" | "money-list" | "year" | "area" | "months" | "tags" | "derived-tags";

export interface FieldDef {
  readonly id: FieldId;
  /** Chinese label for dropdowns and messages. */
  readonly label: string;
  readonly labelEn: string;
  readonly kind: FieldKind;
  /** Header names, compared after normalising (width, case, blanks, unit and year removed). */
  readonly aliases: readonly string[];
  /** What the field contributes, for the mapping dialog's help text. */
  readonly hint: string;
}

const REVENUE_NAMES = ["主营业务收入", "营业收入", "销售收入", "主营收入", "营收", "主营业务收入额", "营业收入额"];
const PREVIOUS = ["上年", "上年度", "上一年", "上一年度", "去年", "前一年", "上年同期"];

export const FIELD_DEFS: readonly FieldDef[] = [
  {
    id: "name",
    label: "企业名称",
    labelEn: "Enterprise name",
    kind: "text",
    aliases: [
      "企业名称",
      "单位名称",
      "公司名称",
      "纳税人名称",
      "企业全称",
      "名称",
      "企业",
      "name",
      "company",
      "enterprise",
      "companyname",
      "enterprisename",
    ],
    hint: "用于查找与说明",
  },
  {
    id: "creditCode",
    label: "统一社会信用代码",
    labelEn: "Unified social credit code",
    kind: "code",
    aliases: [
      "统一社会信用代码",
      "社会信用代码",
      "信用代码",
      "统一代码",
      "纳税人识别号",
      "uscc",
      "creditcode",
      "unifiedsocialcreditcode",
    ],
    hint: "校验（R15，仅提示）、查重；地区列为空时可据此识别地区",
  },
  {
    id: "region",
    label: "所属地区",
    labelEn: "Region",
    kind: "region",
    aliases: [
      "所属地区",
      "地区",
      "区域",
      "属地",
      "区县",
      "县区",
      "所在地",
      "所在地区",
      "所属区县",
      "所属区域",
      "行政区划",
      "区划代码",
      "region",
      "district",
    ],
    hint: "政策地区（R12）：名称、区县、行政区划代码或信用代码",
  },
  {
    id: "revenue",
    label: "主营业务收入",
    labelEn: "Main business revenue",
    kind: "money",
    aliases: [...REVENUE_NAMES, "revenue", "sales", "mainbusinessrevenue", "operatingrevenue"],
    hint: "评价年度的主营业务收入，表头注明单位（默认万元）",
  },
  {
    id: "prevRevenue",
    label: "上年主营业务收入",
    labelEn: "Previous year's revenue",
    kind: "money",
    aliases: [
      ...PREVIOUS.flatMap((p) => REVENUE_NAMES.map((n) => p + n)),
      "prevrevenue",
      "previousrevenue",
      "previousyearrevenue",
      "lastyearrevenue",
    ],
    hint: "上一年度的收入（R5 的增长或连续在库判断）",
  },
  {
    id: "year",
    label: "评价年度",
    labelEn: "Year evaluated",
    kind: "year",
    aliases: ["年度", "年份", "评价年度", "考核年度", "申报年度", "统计年度", "所属年度", "奖励年度", "year"],
    hint: "被评价的年度（R3），可为日期",
  },
  {
    id: "upgradeYear",
    label: "首次入库年份",
    labelEn: "First year in the statistics library",
    kind: "year",
    aliases: [
      "首次入库年份",
      "首次入库年度",
      "首次入库时间",
      "升规年份",
      "升规年度",
      "升规时间",
      "纳统年份",
      "纳统年度",
      "纳统时间",
      "首次纳统年份",
      "入规年份",
      "入规年度",
      "入规时间",
      "入库年份",
      "入库年度",
      "入库时间",
      "upgradeyear",
      "firstyearinlibrary",
    ],
    hint: "首次入库（纳统）年份 U（R3）；为空视为评价年度",
  },
  {
    id: "ownership",
    label: "企业性质",
    labelEn: "Ownership",
    kind: "derived-tags",
    aliases: ["企业性质", "所有制", "所有制性质", "经济类型", "登记注册类型", "注册类型", "企业类型", "ownership"],
    hint: "含“国有”⇒ 国有；含“事业单位”或“行政”⇒ 行政事业单位（R7）",
  },
  {
    id: "industry",
    label: "所属行业",
    labelEn: "Industry",
    kind: "derived-tags",
    aliases: [
      "所属行业",
      "行业",
      "行业类别",
      "行业门类",
      "行业分类",
      "行业名称",
      "产业类别",
      "产业领域",
      "重点产业",
      "产业",
      "industry",
    ],
    hint: "含“房地产”⇒ 房地产；杭州六大重点产业名称 ⇒ 对应标签（R7）",
  },
  {
    id: "muJunGrade",
    label: "亩均评价",
    labelEn: "Per-mu rating",
    kind: "derived-tags",
    aliases: [
      "亩均评价",
      "亩均等级",
      "亩均效益评价",
      "亩均评价等级",
      "亩均效益等级",
      "亩均效益",
      "亩均分类",
      "亩均类别",
      "亩均",
      "mugrade",
      "permurating",
    ],
    hint: "A–D ⇒ 亩均A–D（R6、R8）",
  },
  {
    id: "techInvestment",
    label: "技改投资",
    labelEn: "Tech-upgrade investment",
    kind: "money",
    aliases: [
      "技改投资",
      "技术改造投资",
      "技改投入",
      "技改投资额",
      "技术改造投资额",
      "techinvestment",
      "technicalupgradeinvestment",
    ],
    hint: "评价年度的技术改造投资（R8），表头注明单位（默认万元）",
  },
  {
    id: "rentedArea",
    label: "租赁面积",
    labelEn: "Rented area (m²)",
    kind: "area",
    aliases: ["租赁面积", "租用面积", "租赁厂房面积", "厂房租赁面积", "租赁生产用房面积", "rentedarea", "leasedarea"],
    hint: "租赁生产用房面积，平方米（R9）",
  },
  {
    id: "leaseMonths",
    label: "租期（月）",
    labelEn: "Lease (months)",
    kind: "months",
    aliases: [
      "租期",
      "租赁月数",
      "租赁期限",
      "租赁期",
      "租赁时长",
      "租赁月份数",
      "租赁年限",
      "leasemonths",
      "leaseterm",
    ],
    hint: "租赁月数；表头注明“年”则按年换算（R9）",
  },
  {
    id: "monthlyRent",
    label: "月租金",
    labelEn: "Monthly rent",
    kind: "money",
    aliases: ["月租金", "每月租金", "月租", "monthlyrent"],
    hint: "每月租金（R9，杭州市），表头注明单位（默认万元）",
  },
  {
    id: "contracts",
    label: "合同金额",
    labelEn: "Contract amount",
    kind: "money-list",
    aliases: [
      "合同金额",
      "中标金额",
      "合同额",
      "市外合同金额",
      "外地合同金额",
      "中标合同金额",
      "contract",
      "contractamount",
      "bidamount",
    ],
    hint: "当年在外地中标的合同金额，多个用“；”或“、”分隔（R10）",
  },
  {
    id: "tags",
    label: "企业标签",
    labelEn: "Tags",
    kind: "tags",
    aliases: ["标签", "企业标签", "属性", "企业属性", "企业特征", "tags", "attributes", "labels"],
    hint: "R7 标签，如 国有；个转企；亩均C",
  },
];

const FIELD_BY_ID = new Map(FIELD_DEFS.map((d) => [d.id, d]));

export function fieldDef(id: FieldId): FieldDef {
  return FIELD_BY_ID.get(id) as FieldDef;
}

/** XsgError.field names the core and the custom functions use, mapped to fill fields. */
const ERROR_FIELD_ALIASES: Readonly<Record<string, FieldId>> = {
  attributes: "tags",
  investment: "techInvestment",
  area: "rentedArea",
  months: "leaseMonths",
  contract: "contracts",
  code: "creditCode",
};

export function fieldOfErrorField(field: string): FieldId | null {
  if ((FIELD_IDS as readonly string[]).includes(field)) return field as FieldId;
  return ERROR_FIELD_ALIASES[field] ?? null;
}

/* ------------------------------------------------------------------------------------------ */
/* Header text                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/** Fold full-width forms (（）２０２４) and remove blanks; lower-case for English. */
export function normaliseHeader(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
  }
  return out.replace(/[\s\u3000\u00a0\ufeff_\-·.]+/g, "").toLowerCase();
}

const MONEY_UNIT_WORDS: readonly [RegExp, MoneyUnitName][] = [
  [/千万元|千万/, "千万元"],
  [/百万元|百万/, "百万元"],
  [/十万元|十万/, "十万元"],
  [/亿元|亿/, "亿元"],
  [/万元|万/, "万元"],
  [/千元/, "千元"],
  [/元|yuan|rmb|cny/, "元"],
];

/** The money unit a piece of header text names ("万元", "(元)", "单位：千元", "10k yuan"), or null. */
export function moneyUnitIn(text: string): MoneyUnitName | null {
  const t = normaliseHeader(text);
  if (/10kyuan|10thousandyuan|tenthousandyuan/.test(t)) return "万元";
  for (const [pattern, unit] of MONEY_UNIT_WORDS) if (pattern.test(t)) return unit;
  return null;
}

export interface HeaderParts {
  /** The header without unit, year and brackets, normalised: what aliases are compared with. */
  readonly core: string;
  /** Unit text found in brackets or after a slash/单位, if any ("万元", "元", "年", "月", "平方米"). */
  readonly unitText: string | null;
  /** A year the header states ("2024年主营业务收入" → 2024). */
  readonly year: number | null;
}

/** Split "2024年主营业务收入（万元）" into core "主营业务收入", unit "万元", year 2024. */
export function headerParts(header: string): HeaderParts {
  let text = normaliseHeader(header);
  let unitText: string | null = null;
  const bracket = /[([【{<]([^)\]】}>]*)[)\]】}>]/g;
  text = text.replace(bracket, (_, inner: string) => {
    if (unitText === null && inner) unitText = inner.replace(/^单位[:：]?/, "");
    return "";
  });
  const unitSuffix = /(?:\/|单位[:：])([^/]+)$/.exec(text);
  if (unitSuffix) {
    unitText ??= unitSuffix[1];
    text = text.slice(0, unitSuffix.index);
  }
  let year: number | null = null;
  const yearMatch = /^((?:19|20)\d{2})年?度?/.exec(text);
  if (yearMatch && text.length > yearMatch[0].length) {
    year = Number(yearMatch[1]);
    text = text.slice(yearMatch[0].length);
  }
  // A trailing unit without brackets: "营业收入万元".
  const trailing = /(千万元|百万元|十万元|亿元|万元|千元|元)$/.exec(text);
  if (trailing && text.length > trailing[0].length) {
    unitText ??= trailing[1];
    text = text.slice(0, trailing.index);
  }
  return { core: text, unitText, year };
}

/** Words that make a header a ratio, target or derived figure, never the amount itself. */
const NOT_AN_AMOUNT = /增长|增速|增幅|率|占比|比重|同比|环比|目标|预计|计划|预测|排名|奖励|补助|补贴/;

/** How strongly a header names a field: 0 none; exact alias 100; containing a long alias 50 + length. */
export function aliasScore(def: FieldDef, parts: HeaderParts): number {
  const core = parts.core;
  if (core === "") return 0;
  const amountLike = def.kind === "money" || def.kind === "money-list";
  if (amountLike && NOT_AN_AMOUNT.test(core)) return 0;
  let best = 0;
  for (const alias of def.aliases) {
    const a = normaliseHeader(alias);
    if (core === a) return 100;
    // Short aliases (企业, 行业, 年度…) must match exactly: "企业性质" is not a name column.
    if (a.length >= 3 && core.includes(a)) best = Math.max(best, 50 + a.length);
  }
  return best;
}

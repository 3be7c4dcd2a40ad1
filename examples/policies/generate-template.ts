/**
 * Writes the authoring workbook examples/policies/policy-template.xlsx (政策模板) from the worked
 * example shili-county.json and its cases — a synthetic document, not a real policy — so the
 * template and the JSON cannot disagree: test/unit/file/policy-workbook.test.ts converts the
 * committed workbook back and expects exactly the JSON document and cases.
 *
 *   node -r ./bin/register-ts.js examples/policies/generate-template.ts
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Clause, Policy, Quantity } from "../../src/policies/types";
import { INPUT_LABELS, type PolicyCase } from "../../functions/policy-cases";
import { CATEGORY_LABELS, CLAUSE_COLUMNS, SHEETS } from "../../taskpane/file/policy-workbook";
import { KIND_SPECS } from "../../src/policies";

const DIR = __dirname;
export const TEMPLATE_FILE = path.join(DIR, "policy-template.xlsx");

const HOW_TO = [
  ["政策模板（小升规政策文件填写表）"],
  ["本工作簿已按《示例县小升规奖励办法（示例，非真实政策）》填好，可照此改写为本地真实文件。"],
  ["1. “文件信息”表：每行一个字段，填在 B 列；C 列是说明。"],
  ["2. “条款”表：每行一条条款。类型、类别、金额口径等请按说明填写；金额单位为万元；多个标签用“；”分隔。"],
  ["3. “标签”表：本文件新增的企业标签及其同义写法（别名须与标签含义完全相同）。"],
  ["4. “排除情形”表：不享受财政奖补的企业类型（没有则留空）。"],
  ["5. “测试用例”表：每行一个用例，写明输入和期望结果（万元），用于 xsg policy test 自动核对。"],
  ["6. 检查：xsg policy check policy-template.xlsx；测试：xsg policy test policy-template.xlsx。"],
  ["7. 导入：在加载项或离线页面的“政策浏览”中选择本文件“导入政策文件”。"],
  ["详见 docs/authoring-policies.md（政策文件编写指南）。"],
];

const META_NOTES: Readonly<Record<string, string>> = {
  文件编号: "小写字母、数字、连字符，如 shili-2025；条款编号以它开头",
  地区编号: "小写字母，同一地区的新旧文件用同一编号",
  地区层级: "市（覆盖所辖各区县）或 县（仅本县/区）",
  状态: "正式 或 征求意见稿",
  覆盖升规年份起: "本文件适用于哪一年起首次升规的企业（R4）",
  覆盖升规年份止: "留空表示未规定截止",
  叠加适用口径: "适用的口径编号，如 R13",
  "培育库下限（万元）": "没有培育库则本组留空",
  原文副本: "docs/sources/<文件编号>.txt",
};

function quantity(value: Quantity | undefined): number | null {
  return value === undefined ? null : value.value;
}

function metaRows(policy: Policy): (string | number | null)[][] {
  const pool = policy.cultivationPool;
  const rows: [string, string | number | null][] = [
    ["文件编号", policy.id],
    ["地区编号", policy.regionId],
    ["地区名称", policy.regionName],
    ["行政区划代码", policy.divisionCode],
    ["地区层级", policy.level === "city" ? "市" : "县"],
    ["文号", policy.documentNumber],
    ["标题", policy.title],
    ["印发通知标题", policy.noticeTitle],
    ["发文机关", policy.issuer],
    ["状态", policy.status],
    ["印发日期", policy.issueDate],
    ["依据文件", policy.basis.join("；") || null],
    ["施行开始日期", policy.inForce.from],
    ["施行结束日期", policy.inForce.to],
    ["施行期说明", policy.inForce.note],
    ["覆盖升规年份起", policy.coveredUpgradeYears.from],
    ["覆盖升规年份止", policy.coveredUpgradeYears.to],
    ["覆盖年份说明", policy.coveredUpgradeYears.note],
    ["叠加规则", policy.stacking.rule],
    ["叠加条款序号", policy.stacking.label],
    ["叠加原文", policy.stacking.quote],
    ["叠加适用口径", policy.stacking.rulings.join("；")],
    ["培育库条款序号", pool?.label ?? null],
    ["培育库下限（万元）", quantity(pool?.min)],
    ["培育库上限（万元）", pool?.below ? pool.below.value : null],
    ["培育库口径", pool?.figure ?? null],
    ["培育库原文", pool?.quote ?? null],
    ["培育库适用口径", pool ? pool.rulings.join("；") : null],
    ["原文副本", policy.source],
  ];
  return [["字段", "值", "说明"], ...rows.map(([label, value]) => [label, value, META_NOTES[label] ?? null])];
}

const TEST_LABELS: Readonly<Record<string, string>> = {
  none: "无",
  "revenue-growth": "营收增长",
  "prev-revenue-at-least": "上年营收达门槛",
};
const READING_LABELS: Readonly<Record<string, string>> = { exact: "按原值", "up-to": "不超过", "at-least": "不少于" };
const CATEGORY_OF = Object.fromEntries(Object.entries(CATEGORY_LABELS).map(([label, id]) => [id, label]));
const PARAM_HEADER: Readonly<Record<string, string>> = {
  amount: "金额（万元）",
  revenueThreshold: "营收门槛（万元）",
  prevRevenueThreshold: "上年营收门槛（万元）",
  maxTotal: "最高合计（万元）",
  minInvestment: "投资门槛（万元）",
  cap: "上限（万元）",
  tagRate: "重点产业比例（%）",
  tagCap: "重点产业上限（万元）",
  rentMonthsPerYear: "每年补贴月数",
  areaAbove: "面积须超过（平方米）",
  leaseAtLeast: "租期不少于（年）",
  minContract: "合同门槛（万元）",
  capPerContract: "单项目上限（万元）",
  capPerYear: "年度上限（万元）",
};

function clauseRow(clause: Clause): (string | number | null)[] {
  const cells: Record<string, string | number | null> = {
    条款编号: clause.id,
    序号: clause.label,
    标题: clause.title,
    类型: KIND_SPECS[clause.kind].label,
    类别: CATEGORY_OF[clause.category],
    原文: clause.quote,
  };
  const other: string[] = [];
  for (const [name, value] of Object.entries(clause.params)) {
    if (Array.isArray(value)) {
      cells["分年奖励（万元）"] = value.map((instalment) => instalment.amount.value).join("，");
      cells["分年条件"] = value.map((instalment) => TEST_LABELS[instalment.test]).join("，");
    } else {
      const quantityValue = value as Quantity;
      const header =
        name === "rate" ? (quantityValue.unit === "%" ? "比例（%）" : "补助标准（元/平方米·月）") : PARAM_HEADER[name];
      if (header && !(clause.kind === "benefit" || clause.kind === "unquantified")) cells[header] = quantityValue.value;
      else other.push(`${name}=${quantityValue.value}${quantityValue.unit}`);
    }
  }
  if (other.length > 0) cells["其他参数"] = other.join("；");
  const { conditions } = clause;
  if (conditions.k) {
    cells["适用k起（升规当年为0）"] = conditions.k.from;
    cells["适用k止（空为不限）"] = conditions.k.to;
  }
  if (conditions.stage) cells["阶段"] = conditions.stage === "upgraded" ? "升规企业" : "培育企业";
  if (conditions.requiredTags) cells["须具备全部标签"] = conditions.requiredTags.join("；");
  if (conditions.anyOfTags) cells["具备任一标签"] = conditions.anyOfTags.join("；");
  if (conditions.excludedTags) cells["排除标签"] = conditions.excludedTags.join("；");
  if (conditions.rateTags) cells["较高比例标签"] = conditions.rateTags.join("；");
  if (conditions.minRevenue) cells["当年营收不低于（万元）"] = conditions.minRevenue.value;
  if (conditions.growthFigure) cells["增长口径"] = conditions.growthFigure;
  if (conditions.unverified) cells["无法核验的条件"] = conditions.unverified.join("；");
  if (clause.amountReading) cells["金额口径"] = READING_LABELS[clause.amountReading];
  if (clause.fiscal) cells["财政资金"] = "是";
  if (clause.benefit) cells["待遇说明"] = clause.benefit;
  cells["适用口径"] = clause.rulings.join("；") || null;
  if (clause.readings) cells["解读"] = clause.readings.join("；");
  if (clause.note) cells["备注"] = clause.note;
  return CLAUSE_COLUMNS.map((column) => cells[column] ?? null);
}

function caseRows(cases: readonly PolicyCase[]): (string | number | boolean | null)[][] {
  const inputs = Object.entries(INPUT_LABELS);
  const header = ["用例名称", "函数", ...inputs.map(([, label]) => label), "期望结果"];
  return [
    header,
    ...cases.map((policyCase) => [
      policyCase.name,
      policyCase.function,
      ...inputs.map(([name]) => policyCase.inputs[name] ?? null),
      policyCase.expected,
    ]),
  ];
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: readonly (readonly unknown[])[],
  widths: number[],
): void {
  const sheet = workbook.addWorksheet(name);
  for (const row of rows) sheet.addRow([...row]);
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  if (rows.length > 1) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
}

export async function writeTemplate(file = TEMPLATE_FILE): Promise<void> {
  const policy = JSON.parse(fs.readFileSync(path.join(DIR, "shili-county.json"), "utf8")) as Policy;
  const cases = JSON.parse(fs.readFileSync(path.join(DIR, "shili-county.cases.json"), "utf8")) as {
    cases: PolicyCase[];
  };
  const workbook = new ExcelJS.Workbook();
  // Fixed dates: regenerating gives the same workbook content.
  workbook.created = workbook.modified = new Date(Date.UTC(2025, 0, 1));
  addSheet(workbook, "填写说明", HOW_TO, [100]);
  addSheet(workbook, SHEETS.meta, metaRows(policy), [22, 50, 50]);
  addSheet(
    workbook,
    SHEETS.clauses,
    [[...CLAUSE_COLUMNS], ...policy.clauses.map(clauseRow)],
    CLAUSE_COLUMNS.map(() => 16),
  );
  addSheet(
    workbook,
    SHEETS.tags,
    [
      ["标签", "别名", "含义"],
      ...(policy.tags ?? []).map((tag) => [tag.tag, tag.aliases.join("；"), tag.meaning ?? null]),
    ],
    [16, 40, 40],
  );
  addSheet(
    workbook,
    SHEETS.exclusions,
    [
      ["编号", "条款序号", "标签", "例外条款", "原文", "适用口径"],
      ...policy.exclusions.map((exclusion) => [
        exclusion.id,
        exclusion.label,
        exclusion.tags.join("；"),
        exclusion.allowedClauses.join("；") || null,
        exclusion.quote,
        exclusion.rulings.join("；"),
      ]),
    ],
    [16, 12, 24, 24, 50, 12],
  );
  addSheet(workbook, SHEETS.cases, caseRows(cases.cases), [30, 10, 10, 12, 10, 10, 14, 12, 10, 8, 8, 10, 10, 12]);
  await workbook.xlsx.writeFile(file);
}

if (require.main === module) {
  writeTemplate().then(
    () => console.log(`已写入 ${path.relative(process.cwd(), TEMPLATE_FILE)}`),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

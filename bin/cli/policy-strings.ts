/** Messages of `xsg policy …` and `--policy FILE`, Chinese first; English with XSG_LANG=en. */

export const policyZh = {
  usage: [
    "政策文件 / policy documents:",
    "  xsg policy list [--policy 文件…]            列出内置与给定的政策文件（地区、文号/标题、覆盖的升规年份、状态）",
    "  xsg policy check 文件…                      检查政策文件（.json 或填写好的模板 .xlsx），一次列出全部问题",
    "  xsg policy test 文件 [--cases 用例.json]    运行文件自带的测试用例（默认 文件名.cases.json 或模板的“测试用例”表）",
    "  xsg policy export 地区 [-o 输出.json]       把内置政策文件导出为可检查、可导入的 JSON 文件",
    "  xsg policy template [-o 文件夹]             复制填写模板（政策模板.xlsx）和示例文件",
    "  fill/award/explain 均可加 --policy 文件（可多次）；与内置文件覆盖年份重叠时须加 --policy-first 明确导入文件优先。",
  ].join("\n"),
  missingSubcommand: "请给出 policy 的子命令：list、check、test、export 或 template。",
  unknownSubcommand: "未知的 policy 子命令“{command}”。",
  missingFile: "请给出政策文件，例如：xsg policy {command} 示例县.json",
  missingRegion: "请给出要导出的地区，例如：xsg policy export 杭州市",
  fileMissing: "找不到政策文件“{file}”。",
  fileUnreadable: "无法读取政策文件“{file}”：{detail}",
  refused: "政策文件未通过检查，整份不予使用（共 {count} 处问题）：",
  problemLine: "  · {text}",
  valid: "✓ {file}：{label}，{region}，覆盖 {years} 年升规的企业，{clauses} 条条款。",
  overlapsBuiltIn:
    "  注意：与内置文件 {documents} 覆盖的升规年份重叠；使用时须明确选择导入文件优先（--policy-first）。",
  catalogRefused: "政策文件不能与内置文件一起使用：",
  listHeader: "地区\t文号 / 标题\t覆盖升规年份\t状态\t来源",
  listLine: "{region}\t{label}\t{years}\t{status}\t{origin}",
  builtIn: "内置",
  imported: "导入 {file}",
  pastCoverage: "，已过覆盖期",
  setAside: "（已被导入文件取代：{documents}）",
  casesMissing: "没有找到测试用例：请在 {file} 旁放置 {cases}，或用 --cases 指定。",
  casePassed: "  ✓ {name}",
  caseFailed: "  ✗ {name}：{function}({inputs}) 期望 {expected}，实际 {got}{message}",
  casesSummary: "{file}：{passed} 个用例通过，{failed} 个失败（共 {total} 个）。",
  exported: "已导出 {label} 到 {file}。",
  outputExists: "输出文件“{file}”已存在；为避免覆盖您的文件，请换一个文件名或先删除它。",
  regionNotFound: "找不到地区或文件“{value}”：{detail}",
  templateWritten: "已复制 {files} 到 {dir}。",
};

export type PolicyStrings = { readonly [K in keyof typeof policyZh]: string };

export const policyEn: PolicyStrings = {
  usage: [
    "policy documents:",
    "  xsg policy list [--policy FILE...]          built-in and given documents (region, number/title, covered upgrade years, status)",
    "  xsg policy check FILE...                    checks documents (.json or a filled template .xlsx), every problem at once",
    "  xsg policy test FILE [--cases CASES.json]   runs the document's own cases (default NAME.cases.json or the template's 测试用例 sheet)",
    "  xsg policy export REGION [-o OUT.json]      writes a built-in document as a JSON file check accepts",
    "  xsg policy template [-o DIR]                copies the authoring template (政策模板.xlsx) and the example",
    "  fill/award/explain take --policy FILE (repeatable); add --policy-first where it overlaps a built-in document.",
  ].join("\n"),
  missingSubcommand: "give a policy subcommand: list, check, test, export or template.",
  unknownSubcommand: 'unknown policy subcommand "{command}".',
  missingFile: "give a policy document, e.g. xsg policy {command} county.json",
  missingRegion: "give the region to export, e.g. xsg policy export 杭州市",
  fileMissing: 'policy document "{file}" not found.',
  fileUnreadable: 'cannot read policy document "{file}": {detail}',
  refused: "the policy document failed its check and is not used at all ({count} problems):",
  problemLine: "  · {text}",
  valid: "✓ {file}: {label}, {region}, covers upgrades in {years}, {clauses} clauses.",
  overlapsBuiltIn: "  note: overlaps the built-in document(s) {documents}; using it needs --policy-first.",
  catalogRefused: "the document cannot be used with the built-in documents:",
  listHeader: "region\tnumber / title\tcovered upgrade years\tstatus\tsource",
  listLine: "{region}\t{label}\t{years}\t{status}\t{origin}",
  builtIn: "built-in",
  imported: "imported {file}",
  pastCoverage: ", coverage ended",
  setAside: " (replaced by an imported document: {documents})",
  casesMissing: "no cases found: put {cases} beside {file} or give --cases.",
  casePassed: "  ✓ {name}",
  caseFailed: "  ✗ {name}: {function}({inputs}) expected {expected}, got {got}{message}",
  casesSummary: "{file}: {passed} cases passed, {failed} failed ({total} in all).",
  exported: "exported {label} to {file}.",
  outputExists: 'output "{file}" exists; choose another name or delete it first (nothing is overwritten).',
  regionNotFound: 'no region or document "{value}": {detail}',
  templateWritten: "copied {files} to {dir}.",
};

export function policyStrings(lang: string): PolicyStrings {
  return lang === "en" ? policyEn : policyZh;
}

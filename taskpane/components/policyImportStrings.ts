/** Strings of 导入政策文件 (PolicyImport), Chinese first; the table follows the taskpane's language. */

export const importZh = {
  title: "导入政策文件",
  intro:
    "可导入按《政策文件编写指南》填写的政策文件（.json，或填写好的政策模板 .xlsx）。导入的文件先经完整检查，有任何问题则整份不予导入。",
  keptInWorkbook:
    "导入的文件保存在本工作簿中（随工作簿保存、随文件共享给同事）；XSG 函数、批量填充和资格查询都会使用它。",
  keptInBrowser: "导入的文件只保存在本浏览器中（localStorage，不上传）；换一台电脑或清除浏览器数据后需重新导入。",
  choose: "选择政策文件…",
  reading: "正在检查…",
  refusedTitle: "未导入“{file}”：共 {count} 处问题",
  acceptedTitle: "已导入",
  accepted: "{label}：{region}，覆盖 {years} 年升规的企业。",
  overlapTitle: "与内置文件重叠，请选择",
  overlap:
    "“{file}”（{label}）覆盖的升规年份与内置文件 {builtIn} 重叠。导入的文件不会悄悄替换内置文件：选择“导入文件优先”则这些年份改用导入的文件，内置文件搁置；选择“不导入”则保持不变。",
  userFirst: "导入文件优先",
  refuse: "不导入",
  importedList: "已导入的文件",
  precedenceUserFirst: "导入文件优先（搁置 {builtIn}）",
  precedenceRefuse: "不替换内置文件",
  remove: "移除",
  notInUse: "未通过检查，未使用",
  removed: "已移除“{file}”，恢复使用内置文件。",
  storedProblems: "工作簿中保存的导入文件未能载入，当前使用内置文件：",
  saveFailed: "未能保存：{detail}",
};

export type ImportStrings = { readonly [K in keyof typeof importZh]: string };

export const importEn: ImportStrings = {
  title: "Import a policy document",
  intro:
    "Import a policy document (.json) written as the authoring guide says. It is checked in full; a document with any problem is not imported at all.",
  keptInWorkbook:
    "Imported documents are kept in this workbook (saved with it and shared with it); the XSG functions, the fill and the lookup use them.",
  keptInBrowser:
    "Imported documents are kept in this browser only (localStorage, never uploaded); import again on another PC or after clearing browser data.",
  choose: "Choose a policy document…",
  reading: "Checking…",
  refusedTitle: "“{file}” was not imported: {count} problems",
  acceptedTitle: "Imported",
  accepted: "{label}: {region}, covers upgrades in {years}.",
  overlapTitle: "Overlaps a built-in document: choose",
  overlap:
    "“{file}” ({label}) covers upgrade years of the built-in document {builtIn}. An imported document never silently replaces a built-in one: “Imported first” uses it for those years and sets the built-in one aside; “Do not import” leaves everything as it is.",
  userFirst: "Imported first",
  refuse: "Do not import",
  importedList: "Imported documents",
  precedenceUserFirst: "imported first (sets aside {builtIn})",
  precedenceRefuse: "does not replace built-in documents",
  remove: "Remove",
  notInUse: "failed its check, not in use",
  removed: "Removed “{file}”; the built-in documents apply again.",
  storedProblems: "The documents stored in this workbook could not be loaded; the built-in documents are used:",
  saveFailed: "Could not save: {detail}",
};

export function importStrings(lang: string): ImportStrings {
  return lang === "en" ? importEn : importZh;
}

/**
 * Strings of the offline page's own frame (open, sheet, download); the tabs below it use the
 * taskpane's string table (taskpane/strings.ts) unchanged. Chinese first, English beside it.
 */
import type { Language } from "../strings";

export const zh = {
  pageTitle: "XSG 小升规 · 离线填充",
  pageSubtitle: "适用于 WPS 或旧版 Office：打开本机的工作簿，填充奖补列，下载填充后的文件。",
  privacy: "数据只在本机浏览器中处理，不上传、不联网。",
  openFile: "打开工作簿（.xlsx / .csv）",
  openAnother: "打开其他文件",
  dropHint: "也可以把文件拖到这里。",
  opening: "正在读取“{file}”…",
  openingProgress: "正在读取“{file}”… {percent}%",
  opened: "已打开“{file}”：{sheets} 个工作表。",
  openFailed: "无法打开文件",
  sheetLabel: "工作表",
  download: "下载填充后的工作簿",
  downloading: "正在生成文件…",
  downloadingProgress: "正在生成文件… {percent}%",
  downloaded: "已生成“{file}”，请在浏览器的下载中查看。",
  downloadFailed: "生成文件失败：{message}",
  downloadNote:
    "下载的文件保留原有的一切（工作表、数值、公式、格式、图表、图片），只追加输出列和汇总表；原文件不会被修改。",
  fileInputLabel: "选择要填充的工作簿文件",
} as const;

export type StandaloneStrings = Readonly<Record<keyof typeof zh, string>>;

export const en: StandaloneStrings = {
  pageTitle: "XSG · offline fill",
  pageSubtitle:
    "For WPS or older Office: open a workbook from this PC, fill the award columns, download the filled file.",
  privacy: "Your data stays in this browser: nothing is uploaded, no network is used.",
  openFile: "Open a workbook (.xlsx / .csv)",
  openAnother: "Open another file",
  dropHint: "You can also drop the file here.",
  opening: "Reading “{file}”…",
  openingProgress: "Reading “{file}”… {percent}%",
  opened: "Opened “{file}”: {sheets} sheet(s).",
  openFailed: "Cannot open the file",
  sheetLabel: "Sheet",
  download: "Download the filled workbook",
  downloading: "Building the file…",
  downloadingProgress: "Building the file… {percent}%",
  downloaded: "“{file}” is ready; see the browser's downloads.",
  downloadFailed: "Building the file failed: {message}",
  downloadNote:
    "The download keeps everything the file had (sheets, values, formulas, formatting, charts, images) and only adds the output columns and the summary sheet; the original file is not changed.",
  fileInputLabel: "Choose the workbook to fill",
};

export function standaloneStrings(language: Language): StandaloneStrings {
  return language === "en" ? en : zh;
}

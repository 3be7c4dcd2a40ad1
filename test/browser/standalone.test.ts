/**
 * The offline page (dist/standalone.html) in a real Chromium: open examples/sample.xlsx through the
 * file input, read, set the year, fill, look one enterprise up, download the filled workbook and
 * check its cells with exceljs against the Excel add-in's fill of the same sheet (ExcelFillHost +
 * the double). Once from the server, once from a copied folder opened via file://, no network.
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { OUTPUT_COLUMNS } from "../../src/fill";
import { SAMPLE_PATH, SAMPLE_SHEET, SAMPLE_YEAR, NOTES_SHEET } from "../../examples/generate";
import { fileValues, fillLikeTheAddin, shownValue, type AddinFill } from "../unit/file/excel-twin";
import { readZip } from "../../taskpane/file/xlsx/zip";
import { closeBrowser, DIST_DIR, openPage, screenshot, serveDist, type DistServer } from "./harness";

const DIST = process.env.XSG_DIST ? path.resolve(process.env.XSG_DIST) : DIST_DIR;
const PAGE = "standalone.html";

let server: DistServer;
let addin: AddinFill;
let input: ExcelJS.Workbook;
let downloads: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, PAGE))) throw new Error(`${DIST} has no ${PAGE}: run \`npm run build\` first`);
  server = await serveDist({ root: DIST });
  input = new ExcelJS.Workbook();
  await input.xlsx.readFile(SAMPLE_PATH);
  addin = await fillLikeTheAddin(input, SAMPLE_SHEET, { year: SAMPLE_YEAR });
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), "xsg-standalone-"));
});

afterAll(async () => {
  await server?.close();
  await closeBrowser();
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

/** Open the sample, read it, set the year, fill; resolves when the summary shows. */
async function fillSample(page: Page): Promise<void> {
  await page.setInputFiles("#xsg-file-input", SAMPLE_PATH);
  await page.getByText("已打开“sample.xlsx”").waitFor();
  await page.getByRole("button", { name: "读取数据" }).click();
  await page.getByText(/表头在第 4 行，共 400 行数据/).waitFor();
  await page.getByPlaceholder("例如：2024").fill(String(SAMPLE_YEAR));
  await page.getByRole("button", { name: "开始填充" }).click();
  await page
    .getByText(/已填充 400 行/)
    .first()
    .waitFor({ timeout: 60_000 });
}

/** Click the download button, save the file, read it back. */
async function downloadFilled(page: Page, name: string): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#xsg-download").click()]);
  expect(download.suggestedFilename()).toBe("sample.filled.xlsx");
  const file = path.join(downloads, name);
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function expectSameAsAddin(workbook: ExcelJS.Workbook, sheets: readonly string[] = [SAMPLE_SHEET, NOTES_SHEET]): void {
  const area = addin.result.writtenArea!;
  const sheet = workbook.getWorksheet(SAMPLE_SHEET)!;
  const cells = fileValues(sheet, area);
  expect(cells[0]).toEqual([...OUTPUT_COLUMNS]);
  expect(cells).toEqual(addin.values(area));
  // The original sheets and cells are all there.
  expect(workbook.worksheets.map((s) => s.name)).toEqual(sheets);
  const before = input.getWorksheet(SAMPLE_SHEET)!;
  before.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) =>
      expect([cell.address, shownValue(sheet.getRow(r).getCell(c))]).toEqual([cell.address, shownValue(cell)]),
    ),
  );
  expect(sheet.getCell("B1").isMerged).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
}

test("served page: open, fill, look up, download — the same cells as the add-in", async () => {
  const tab = await openPage(`${server.url}${PAGE}`, { officeJs: "none", viewport: { width: 820, height: 1100 } });
  try {
    const { page } = tab;
    await page.getByRole("button", { name: "打开工作簿（.xlsx / .csv）" }).waitFor();
    await fillSample(page);
    const summary = addin.result.summary;
    await page.getByText(`${summary.errors}`).first().waitFor();
    // The fill moves focus (and the scroll) to the summary; the picture starts at the page's top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByText(/已根据表头自动识别/).waitFor({ state: "hidden" }); // the mapping panel has folded away
    await screenshot(page, "standalone");

    // 资格查询 by name: the first enterprise the add-in granted an award to.
    const area = addin.result.writtenArea!;
    const values = addin.values(area);
    const grantedRow = values.findIndex((row, i) => i > 0 && typeof row[0] === "number" && (row[0] as number) > 0);
    const name = String(
      input
        .getWorksheet(SAMPLE_SHEET)!
        .getRow(area.top + grantedRow + 1)
        .getCell(2).value,
    );
    await page.getByRole("tab", { name: "资格查询" }).click();
    await page.getByPlaceholder("企业名称或信用代码").fill(name);
    await page.getByText(name).first().click();
    await page.getByText("逐条结果").waitFor();

    await page.getByRole("tab", { name: "批量填充" }).click();
    const workbook = await downloadFilled(page, "served.xlsx");
    expectSameAsAddin(workbook);
    expect(tab.errors).toEqual([]);
    expect(tab.blocked).toEqual([]);
  } finally {
    await tab.close();
  }
});

test("a copied folder opened via file:// works the same, with no network", async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "xsg-offline-copy-"));
  for (const file of fs.readdirSync(DIST)) {
    if (file.startsWith("standalone")) fs.copyFileSync(path.join(DIST, file), path.join(folder, file));
  }
  const tab = await openPage(`file://${path.join(folder, PAGE)}`, { officeJs: "none" });
  try {
    await fillSample(tab.page);
    await tab.page.getByRole("button", { name: "写入汇总表" }).click();
    await tab.page.getByText(/已写入汇总表“XSG汇总”/).waitFor();
    const workbook = await downloadFilled(tab.page, "offline.xlsx");
    expectSameAsAddin(workbook, [SAMPLE_SHEET, NOTES_SHEET, "XSG汇总"]);
    // The summary sheet carries the add-in's native charts (a drawing with chart parts).
    const parts = readZip(new Uint8Array(fs.readFileSync(path.join(downloads, "offline.xlsx")))).map((e) => e.name);
    expect(parts).toEqual(expect.arrayContaining(["xl/drawings/drawing1.xml", "xl/charts/chart1.xml"]));
    expect(workbook.getWorksheet("XSG汇总")!.getCell("A1").value).toEqual(expect.any(String));
    expect(tab.errors).toEqual([]);
    expect(tab.blocked).toEqual([]);
  } finally {
    await tab.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test("a file that is not a workbook gets a clear Chinese message", async () => {
  const bad = path.join(downloads, "旧表.xls");
  fs.writeFileSync(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  const tab = await openPage(`${server.url}${PAGE}`, { officeJs: "none" });
  try {
    await tab.page.setInputFiles("#xsg-file-input", bad);
    await tab.page.getByText("无法打开文件").waitFor();
    await tab.page.getByText(/另存为”不加密的 \.xlsx/).waitFor();
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.close();
  }
});

test("the sheet picker switches sheets; the App follows the chosen sheet", async () => {
  const tab = await openPage(`${server.url}${PAGE}`, { officeJs: "none" });
  try {
    const { page } = tab;
    await page.setInputFiles("#xsg-file-input", SAMPLE_PATH);
    await page.getByText("已打开“sample.xlsx”").waitFor();
    const picker = page.getByRole("combobox", { name: "工作表" });
    await picker.click();
    await page.getByRole("option", { name: NOTES_SHEET }).click();
    await picker.filter({ hasText: NOTES_SHEET }).waitFor();
    await picker.click();
    await page.getByRole("option", { name: SAMPLE_SHEET }).click();
    await page.getByRole("button", { name: "读取数据" }).click();
    await page.getByText(/表头在第 4 行，共 400 行数据/).waitFor();
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.close();
  }
});

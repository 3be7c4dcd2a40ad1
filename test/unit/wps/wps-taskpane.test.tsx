/**
 * @jest-environment jsdom
 */
/**
 * The WPS task pane is the same App: over WpsFillHost and the ET double, an official reads the
 * data, fills, writes the summary sheet with its chart, looks up the selected enterprise, and
 * undoes the fill — the sheet ends exactly as it began, and WPS's state is restored each time.
 */
import { act } from "react";
import { App } from "../../../taskpane/App";
import { WpsFillHost } from "../../../taskpane/wps/wps-fill-host";
import { etWorkbook } from "../../doubles/et-double";
import { HEADERS, sampleSheet } from "../taskpane/sample-sheet";
import { button, cleanup, click, flush, render } from "../taskpane/render";

afterEach(cleanup);
jest.setTimeout(60_000);

const text = () => document.body.textContent ?? "";

async function until(condition: () => boolean, what: string, rounds = 300): Promise<void> {
  for (let i = 0; i < rounds && !condition(); i++) await flush(1);
  if (!condition()) throw new Error(`timed out waiting for ${what}; page says: ${text().slice(0, 600)}`);
}

test("read, fill, summary sheet with chart and undo through WpsFillHost", async () => {
  const book = etWorkbook([{ name: "企业台账", cells: sampleSheet(40) }]);
  book.select("企业台账", "B4");
  const sheet = book.sheet("企业台账");
  const lastRow = 3 + 4 + 40;
  const before = sheet.grid(`A1:Q${lastRow}`);
  const automatic = { screenUpdating: true, enableEvents: true, calculation: -4105 };
  render(<App host={new WpsFillHost(book, null)} />);

  click(button("读取数据"));
  await until(() => text().includes("表头在第"), "the data to be read");
  expect(text()).toContain("工作表“企业台账”：表头在第 3 行");

  click(button("开始填充"));
  await until(() => text().includes("填充汇总"), "the fill to finish");
  const award = sheet.grid(`K3:K4`);
  expect(award[0][0]).toBe("升规奖励(万元)");
  expect(typeof award[1][0]).toBe("number");
  expect(book.stats.writes.every((w) => !w.screenUpdating && w.calculation === -4135)).toBe(true);
  expect(book.state).toEqual(automatic);

  click(button("写入汇总表"));
  await until(() => text().includes("已写入汇总表"), "the summary sheet");
  const summary = book.sheets.find((s) => s.sheetName.startsWith("XSG汇总"))!;
  expect(summary.charts.length).toBeGreaterThan(0);
  expect(summary.charts[0]).toMatchObject({ chartType: 51, hasTitle: true });

  click(button("撤销填充"));
  await until(() => text().includes("已撤销"), "the undo");
  expect(sheet.grid(`A1:Q${lastRow}`)).toEqual(before);
  expect(book.state).toEqual(automatic);
  expect(HEADERS.length).toBe(10);
});

test("lookup follows WPS's SheetSelectionChange to the selected enterprise", async () => {
  const book = etWorkbook([{ name: "企业台账", cells: sampleSheet() }]);
  book.select("企业台账", "B1");
  render(<App host={new WpsFillHost(book, null)} initialTab="lookup" />);
  const panel = () => document.querySelector('[aria-labelledby="tab-lookup"]')?.textContent ?? "";
  await until(() => panel().includes("跟随所选行"), "the lookup to read the data");
  expect(book.listenerCount).toBe(1);
  act(() => book.fireSelectionChange("企业台账", "C4"));
  await until(() => panel().includes("杭州西溪智造科技有限公司"), "the selected enterprise");
  expect(panel()).toContain("20 万元");
});

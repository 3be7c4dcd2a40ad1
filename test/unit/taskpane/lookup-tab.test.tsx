/**
 * @jest-environment jsdom
 */
import { act } from "react";
import { App } from "../../../taskpane/App";
import { FakeHost } from "./fake-host";
import { FIRST_DATA_ROW, HEADER_ROW, KNOWN_ROWS, sampleSheet } from "./sample-sheet";
import { button, cleanup, click, flush, render, typeInto } from "./render";

afterEach(cleanup);
jest.setTimeout(30_000);

function text(root: ParentNode = document.body): string {
  return root.textContent ?? "";
}

async function until(condition: () => boolean, what: string, rounds = 200): Promise<void> {
  for (let i = 0; i < rounds && !condition(); i++) await flush(1);
  if (!condition()) throw new Error(`timed out waiting for ${what}; page says: ${text().slice(0, 800)}`);
}

/** The official moves the selection (an Excel event: outside React, so wrapped in act). */
function select(host: FakeHost, row: number): void {
  act(() => host.select(row));
}

function lookupPanel(): HTMLElement {
  return document.querySelector('[aria-labelledby="tab-lookup"]') as HTMLElement;
}

function clause(id: string): HTMLElement {
  const found = lookupPanel().querySelector(`[data-clause="${id}"]`);
  if (!found) throw new Error(`clause ${id} not shown; panel says: ${text(lookupPanel()).slice(0, 800)}`);
  return found as HTMLElement;
}

async function openLookup(host: FakeHost): Promise<void> {
  render(<App host={host} initialTab="lookup" />);
  // The lookup reads the data itself on its first visit.
  await until(() => text(lookupPanel()).includes("跟随所选行"), "the lookup to read the data");
}

describe("资格查询", () => {
  test("follows the selection and shows facts with their columns, every clause with its citation, and the total", async () => {
    const host = new FakeHost(sampleSheet());
    host.selection = { sheetName: host.sheetName, row: FIRST_DATA_ROW, column: 1 };
    await openLookup(host);
    await until(() => text(lookupPanel()).includes("杭州西溪智造科技有限公司"), "the selected enterprise");
    const panel = text(lookupPanel());
    // Facts as read, each with the column it came from.
    expect(panel).toContain(`第 ${FIRST_DATA_ROW + 1} 行`);
    expect(panel).toContain("E 列“主营业务收入（万元）”");
    expect(panel).toContain("杭州市西湖区");
    // The 杭州市 upgrade award: granted, 20 万元, cited with number, label and the quoted text.
    const award = clause("hangzhou.1");
    expect(award.dataset.status).toBe("granted");
    expect(text(award)).toContain("20 万元");
    expect(text(award)).toContain("原文（杭政办函〔2024〕3号 一）");
    expect(award.querySelector("blockquote")?.textContent).toContain("不超过20万元的一次性奖励");
    expect(award.querySelector("details")?.open).toBe(false); // quotes are collapsible, closed by default
    expect(text(award)).toContain("R5");
    // A tag bonus the enterprise lacks is refused with a reason; non-cash benefits are listed too.
    const bonus = clause("hangzhou.1.spinoff");
    expect(bonus.dataset.status).toBe("not-eligible");
    expect(bonus.querySelectorAll("li").length).toBeGreaterThan(0);
    expect(panel).toContain("非现金支持");
    expect(
      lookupPanel().querySelector('[data-clause="hangzhou.2"]')?.closest("section")?.getAttribute("aria-label"),
    ).toBe("非现金支持");
    expect(document.querySelector('[data-testid="lookup-total"]')?.textContent).toMatch(/^20(\.\d+)? 万元$/);

    // Moving the selection updates the view.
    select(host, FIRST_DATA_ROW + 3);
    await until(() => text(lookupPanel()).includes("晋城高平机械有限公司"), "the next enterprise");
    expect(text(clause("jincheng.4"))).toContain("晋市政办〔2021〕35号");
    expect(clause("jincheng.4").dataset.status).toBe("granted");
  });

  test("a row with a malformed revenue names the column; a missing fact names the column to fill", async () => {
    const sheet = sampleSheet();
    sheet[FIRST_DATA_ROW + 3][5] = null; // 上年主营业务收入 empty for the 晋城 k=1 enterprise
    const host = new FakeHost(sheet);
    await openLookup(host);
    select(host, FIRST_DATA_ROW + 2);
    await until(() => text(lookupPanel()).includes("晋城泽州铸造有限公司"), "the bad row");
    expect(text(lookupPanel())).toContain("主营业务收入（万元）");
    expect(text(lookupPanel())).toContain("abc");

    // 鹿城区 k≥1 needs prevRevenue (R5); 晋城 does not — use a 鹿城区 row to see needs-data.
    sheet[FIRST_DATA_ROW + 1] = [2, "温州鹿城鞋业有限公司", null, "鹿城区", 2600, null, 2023, 2024, "私营企业", null];
    host.cells[FIRST_DATA_ROW + 1] = sheet[FIRST_DATA_ROW + 1].slice();
    select(host, FIRST_DATA_ROW + 1);
    await until(() => Boolean(lookupPanel().querySelector('[data-clause="lucheng.1"]')), "the 鹿城区 clauses");
    const award = clause("lucheng.1");
    expect(award.dataset.status).toBe("needs-data");
    expect(text(award)).toContain("缺少：列“上年主营业务收入（万元）”为空");
  });

  test("search by name or credit code lists matching rows and shows the one picked", async () => {
    const host = new FakeHost(sampleSheet(30));
    await openLookup(host);
    const search = lookupPanel().querySelector("input");
    typeInto(search, "高平");
    expect(text(lookupPanel())).toContain("找到 1 家企业");
    click(button("晋城高平机械有限公司", lookupPanel()));
    await until(() => Boolean(lookupPanel().querySelector('[data-clause="jincheng.4"]')), "the picked enterprise");

    const code = String(KNOWN_ROWS[1][2]);
    typeInto(search, code.slice(-8).toLowerCase());
    expect(text(lookupPanel())).toContain("找到 1 家企业");
    expect(text(lookupPanel())).toContain("温州鹿城鞋业有限公司");

    typeInto(search, "不存在的企业");
    expect(text(lookupPanel())).toContain("没有找到匹配的企业");
  });

  test("selecting the header or a cell outside the data says so; leaving the tab stops following", async () => {
    const host = new FakeHost(sampleSheet());
    await openLookup(host);
    select(host, HEADER_ROW);
    await until(() => text(lookupPanel()).includes("所选单元格不在数据行中"), "the outside-data note");
    expect(host.listenerCount).toBe(1);
    click(document.getElementById("tab-policy"));
    await flush();
    expect(host.listenerCount).toBe(0);
  });

  test("the lookup re-reads the row, so an edit made after reading is reflected", async () => {
    const host = new FakeHost(sampleSheet());
    await openLookup(host);
    host.cells[FIRST_DATA_ROW][4] = 1500; // revenue edited below 2000 after the data was read
    select(host, FIRST_DATA_ROW);
    await until(() => Boolean(lookupPanel().querySelector('[data-clause="hangzhou.1"]')), "the enterprise");
    expect(clause("hangzhou.1").dataset.status).toBe("not-eligible");
  });
});

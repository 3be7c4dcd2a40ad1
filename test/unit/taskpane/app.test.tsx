/**
 * @jest-environment jsdom
 */
import { App } from "../../../taskpane/App";
import { FakeHost } from "./fake-host";
import { sampleSheet } from "./sample-sheet";
import { cleanup, click, flush, render } from "./render";

afterEach(cleanup);

/** A tab's label (Fluent renders a hidden bold copy beside it to reserve width). */
function tabLabels(): string[] {
  return Array.from(document.querySelectorAll('[role="tab"]')).map(
    (t) => t.querySelector(".fui-Tab__content")?.textContent ?? "",
  );
}

function tab(id: string): HTMLButtonElement {
  return document.getElementById(id) as HTMLButtonElement;
}

describe("taskpane App", () => {
  test("outside Excel: the policy browser is open, the workbook tabs are disabled and a note says why", () => {
    render(<App host={null} />);
    expect(tab("tab-policy").getAttribute("aria-selected")).toBe("true");
    expect(tab("tab-fill").disabled).toBe(true);
    expect(tab("tab-lookup").disabled).toBe(true);
    expect(document.body.textContent).toContain("未在 Excel 中运行");
    expect(document.body.textContent).toContain("政策浏览可直接使用");
    expect(document.querySelector('[aria-labelledby="tab-fill"]')).toBeNull();
    expect(document.body.textContent).toContain("温鹿政办〔2022〕74号");
  });

  test("in Excel: three tabs, batch fill first; tab panels are labelled by their tabs", () => {
    render(<App host={new FakeHost(sampleSheet())} />);
    expect(document.querySelector('[role="tablist"]')?.getAttribute("aria-label")).toBe("功能");
    expect(tabLabels()).toEqual(["批量填充", "资格查询", "政策浏览"]);
    expect(tab("tab-fill").getAttribute("aria-selected")).toBe("true");
    const fillPanel = document.querySelector('[aria-labelledby="tab-fill"]') as HTMLElement;
    expect(fillPanel.hidden).toBe(false);
    click(tab("tab-policy"));
    expect(fillPanel.hidden).toBe(true);
    expect((document.querySelector('[aria-labelledby="tab-policy"]') as HTMLElement).hidden).toBe(false);
  });

  test("English when asked", () => {
    render(<App host={null} language="en" />);
    expect(tabLabels()).toEqual(["Batch fill", "Lookup", "Policies"]);
    expect(document.body.textContent).toContain("Not running in Excel");
  });
});

describe("first run and where the mapping is kept", () => {
  async function readData(): Promise<void> {
    click(Array.from(document.querySelectorAll("button")).find((b) => b.textContent === "读取数据")!);
    for (let i = 0; i < 50 && !document.body.textContent?.includes("表头在第"); i++) await flush(1);
  }

  test("in Excel: the three-step guide with a help link shows until the first read, then the mapping note says 'this workbook'", async () => {
    render(<App host={new FakeHost(sampleSheet())} />);
    expect(document.querySelector("h1")?.textContent).toBe("XSG 小升规");
    expect(document.body.textContent).toContain("三步开始");
    expect(document.querySelector('a[href="assets/help.html"]')).not.toBeNull();
    await readData();
    expect(document.body.textContent).not.toContain("三步开始");
    expect(document.body.textContent).toContain("对应关系会保存在本工作簿中");
  });

  test("embedded in the offline page: no h1, no main, no guide; the note says the mapping stays in this browser", async () => {
    render(<App host={new FakeHost(sampleSheet())} embedded mappingSavedIn="browser" />);
    expect(document.querySelector("h1")).toBeNull();
    expect(document.querySelector("main")).toBeNull();
    expect(document.body.textContent).not.toContain("三步开始");
    await readData();
    expect(document.body.textContent).toContain("对应关系保存在本浏览器中");
    expect(document.body.textContent).not.toContain("本工作簿");
  });
});

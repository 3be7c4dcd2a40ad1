/**
 * @jest-environment jsdom
 */
import { App } from "../../../taskpane/App";
import { FakeHost } from "./fake-host";
import { sampleSheet } from "./sample-sheet";
import { cleanup, click, render } from "./render";

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

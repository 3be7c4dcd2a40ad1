/**
 * @jest-environment jsdom
 */
import { POLICIES } from "../../../src/policies";
import { PolicyBrowser } from "../../../taskpane/components/PolicyBrowser";
import { StringsContext } from "../../../taskpane/components/i18n";
import { en } from "../../../taskpane/strings";
import { chooseOption, cleanup, click, render } from "./render";

afterEach(cleanup);

function combobox(): HTMLElement {
  return document.querySelector('[role="combobox"]') as HTMLElement;
}

describe("政策浏览", () => {
  test("shows the first region's document metadata and every clause", () => {
    render(<PolicyBrowser />);
    const first = POLICIES[0];
    const text = document.body.textContent ?? "";
    expect(text).toContain(first.documentNumber);
    expect(text).toContain(first.issuer);
    expect(text).toContain(`条款（${first.clauses.length} 条）`);
    const headers = document.querySelectorAll("[aria-expanded]");
    // One accordion header per clause (the dropdown is the only other expandable control).
    expect(headers.length - 1).toBe(first.clauses.length);
  });

  test("picking 杭州市 shows its number, draft/formal status, in-force period and covered years", () => {
    render(<PolicyBrowser />);
    chooseOption(combobox(), "杭州市");
    const text = document.body.textContent ?? "";
    expect(text).toContain("杭政办函〔2024〕3号");
    expect(text).toContain("正式");
    expect(text).toContain("2024-03-01 – 2026-12-31");
    expect(text).toContain("2024–2026 年");
    expect(text).toContain("从优、就高、不重复");
  });

  test("a draft without number or date says so", () => {
    render(<PolicyBrowser initialRegion="shuncheng" />);
    const text = document.body.textContent ?? "";
    expect(text).toContain("征求意见稿");
    expect(text).toContain("未载明"); // no issue date
    expect(text).toContain("2023 年起"); // covered upgrade years have no end (R4)
  });

  test("opening a clause shows its quote, parameters and rulings", () => {
    render(<PolicyBrowser initialRegion="hangzhou" />);
    const header = Array.from(document.querySelectorAll("button[aria-expanded]")).find((button) =>
      button.textContent?.includes("首次上规奖励"),
    );
    click(header);
    const text = document.body.textContent ?? "";
    expect(text).toContain("对首次上规纳统的工业企业给予不超过20万元的一次性奖励");
    expect(text).toContain("分年奖励：k=0：20万元；k=1：0万元；k=2：30万元（上年营收须达门槛）");
    expect(text).toContain("文件写“不超过”：按上限计算");
    expect(text).toContain("R5 升规奖励按k分年");
  });

  test("鹿城区 lists its exclusions (R6)", () => {
    render(<PolicyBrowser initialRegion="lucheng" />);
    const text = document.body.textContent ?? "";
    expect(text).toContain("排除情形");
    expect(text).toContain("房地产、国有、行政事业单位");
    expect(text).toContain("亩均C（仍可享受 （一）、（二））");
  });

  test("labels follow the language table", () => {
    render(
      <StringsContext.Provider value={en}>
        <PolicyBrowser initialRegion="hangzhou" />
      </StringsContext.Provider>,
    );
    const text = document.body.textContent ?? "";
    expect(text).toContain("Document no.");
    expect(text).toContain("Upgrade years covered");
  });
});

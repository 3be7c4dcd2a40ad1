/**
 * @jest-environment jsdom
 */
import { OUTPUT_COLUMNS, mappingSettingKey } from "../../../src/fill";
import { App } from "../../../taskpane/App";
import { FakeHost, gate } from "./fake-host";
import { FIRST_DATA_ROW, HEADERS, HEADER_ROW, sampleSheet } from "./sample-sheet";
import { button, chooseOption, cleanup, click, flush, render, typeInto } from "./render";

afterEach(cleanup);
// Fills of a few thousand rows run the real engine inside jsdom.
jest.setTimeout(60_000);

const OUT_LEFT = HEADERS.length; // output block goes right of the data
const AWARD = OUT_LEFT + OUTPUT_COLUMNS.indexOf("升规奖励(万元)");
const STATUS = OUT_LEFT + OUTPUT_COLUMNS.indexOf("状态");
const BASIS = OUT_LEFT + OUTPUT_COLUMNS.indexOf("依据");
const NOTE = OUT_LEFT + OUTPUT_COLUMNS.indexOf("说明");

function text(): string {
  return document.body.textContent ?? "";
}

function mappingDropdown(field: string): HTMLElement {
  const found = document.querySelector(`[data-field="${field}"]`);
  if (!found) throw new Error(`no mapping dropdown for ${field}`);
  return found as HTMLElement;
}

/** Wait (in act) until `condition` holds, failing with what the page shows. */
async function until(condition: () => boolean, what: string, rounds = 200): Promise<void> {
  for (let i = 0; i < rounds && !condition(); i++) await flush(1);
  if (!condition()) throw new Error(`timed out waiting for ${what}; page says: ${text().slice(0, 600)}`);
}

async function openAndRead(host: FakeHost): Promise<void> {
  render(<App host={host} />);
  click(button("读取数据"));
  await until(() => text().includes("表头在第"), "the data to be read");
}

describe("批量填充", () => {
  test("reads the data, finds the header in row 3 and maps the columns automatically", async () => {
    const host = new FakeHost(sampleSheet());
    await openAndRead(host);
    expect(text()).toContain("工作表“企业台账”：表头在第 3 行，共 4 行数据。");
    expect(mappingDropdown("name").textContent).toContain("B  企业名称");
    expect(mappingDropdown("revenue").textContent).toContain("E  主营业务收入（万元）");
    expect(mappingDropdown("upgradeYear").textContent).toContain("G  首次入库年份");
    expect(mappingDropdown("contracts").textContent).toContain("（无）");
    // The unit comes from the header.
    expect(document.querySelector('[data-unit-for="revenue"]')?.textContent).toContain("万元");
  });

  test("changing a mapping dropdown changes what the fill reads, and is remembered per sheet", async () => {
    const host = new FakeHost(sampleSheet());
    await openAndRead(host);
    chooseOption(mappingDropdown("region"), "（无）");
    expect(mappingDropdown("region").textContent).toContain("（无）");
    const saved = host.settings.get(mappingSettingKey("企业台账")) as { fields: Record<string, unknown> };
    expect(saved.fields.region).toBeNull();
    expect(saved.fields.revenue).toEqual({ header: "主营业务收入（万元）", unit: "万元" });

    // Without a region column the credit code still tells the region; a whole-sheet region overrides blanks only.
    // Unmap the credit code too: now the sheet-wide region is required and used for every row.
    chooseOption(mappingDropdown("creditCode"), "（无）");
    expect(text()).toContain("未对应“地区”列");
    const regionInput = document.querySelector('input[placeholder^="例如：杭州市"]');
    typeInto(regionInput, "杭州市");
    click(button("开始填充"));
    await until(() => text().includes("填充汇总"), "the fill to finish");
    // Every row is now judged under the 杭州市 document, also the 鹿城区 and 晋城 enterprises.
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + 4; r++) {
      const basis = String(host.cell(r, BASIS) ?? "");
      const status = String(host.cell(r, STATUS));
      if (status !== "数据错误") expect(basis).toContain("杭政办函〔2024〕3号");
    }
  });

  test("a unit dropdown re-reads the numbers in that unit", async () => {
    const host = new FakeHost(sampleSheet());
    await openAndRead(host);
    chooseOption(document.querySelector('[data-unit-for="revenue"]')!, "元");
    click(button("开始填充"));
    await until(() => text().includes("填充汇总"), "the fill to finish");
    // 2500 元 is far below 2000 万元: the 杭州 enterprise gets no upgrade award now.
    expect(host.cell(FIRST_DATA_ROW, AWARD)).toBe(0);
  });

  test("the fill writes the output columns, reports progress and shows the budget summary", async () => {
    const host = new FakeHost(sampleSheet(5_500));
    const progressSeen: string[] = [];
    host.beforeWrite = async () => {
      // A real host's write is a network round trip: React renders the progress meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 30));
      progressSeen.push(document.querySelector('[role="status"][aria-live="polite"]')?.textContent ?? "");
    };
    await openAndRead(host);
    click(button("开始填充"));
    await until(() => text().includes("填充汇总"), "the fill to finish", 600);

    expect(host.cells[HEADER_ROW].slice(OUT_LEFT, OUT_LEFT + OUTPUT_COLUMNS.length)).toEqual([...OUTPUT_COLUMNS]);
    expect(host.cell(FIRST_DATA_ROW, AWARD)).toBe(20); // 杭州市 k=0: 不超过20万元 (R5)
    expect(host.cell(FIRST_DATA_ROW + 1, AWARD)).toBe(0); // 1500 < 2000
    expect(host.cell(FIRST_DATA_ROW + 2, AWARD)).toBeNull(); // bad revenue: empty, not 0
    expect(String(host.cell(FIRST_DATA_ROW + 2, NOTE))).toContain("主营业务收入（万元）");
    expect(host.cell(FIRST_DATA_ROW + 3, AWARD)).toBe(10); // 晋城市 k=1

    // Several blocks, and the progress line moved between them.
    expect(host.writes).toBeGreaterThanOrEqual(2);
    expect(progressSeen.some((line) => /已处理 [1-9]\d* \/ 5504 行/.test(line))).toBe(true);
    expect(text()).toContain("已填充 5504 行");
    // Focus moves to the outcome, so a screen reader reads the summary next.
    expect(document.activeElement?.getAttribute("aria-label")).toBe("填充汇总");
    expect(text()).toContain("数据行5,504");
    expect(text()).toContain("按年度");
    expect(text()).toContain("2024 年");
    expect(text()).toContain("按条款");
    expect(text()).toContain("奖补合计（应申请预算）");
    const total = document.querySelector('[data-testid="summary-total"]')?.textContent ?? "";
    expect(total).toMatch(/^[\d,]+(\.\d{1,4})? 万元$/);

    // 写入汇总表 hands the engine's layout to the host.
    click(button("写入汇总表"));
    await until(() => text().includes("已写入汇总表"), "the confirmation");
    expect(host.summaries).toHaveLength(1);
    expect(host.summaries[0].charts.length).toBeGreaterThan(0);
  });

  test("取消 stops between blocks: whole blocks written, the rest untouched, and it says how far it got", async () => {
    const host = new FakeHost(sampleSheet(5_500));
    const held = gate();
    host.beforeWrite = (index) => (index === 0 ? held.promise : undefined);
    await openAndRead(host);
    click(button("开始填充"));
    await until(() => host.writes === 1, "the first write");
    // Keyboard users are taken to 取消 while the fill runs (开始填充 is disabled meanwhile).
    expect(document.activeElement?.textContent).toBe("取消");
    click(button("取消"));
    held.open();
    await until(() => text().includes("已取消"), "the cancel", 600);

    expect(host.writes).toBe(1);
    // The first block is written completely; the row after it is untouched.
    const firstBlockRows =
      (host.cells.findIndex((row, r) => r > HEADER_ROW && (row[STATUS] ?? null) === null) ?? 0) - FIRST_DATA_ROW;
    expect(firstBlockRows).toBeGreaterThan(1000);
    expect(firstBlockRows).toBeLessThan(5_504);
    expect(text()).toContain(`已写入前 ${firstBlockRows} 行`);
    expect(host.cells.slice(FIRST_DATA_ROW + firstBlockRows).every((row) => (row[STATUS] ?? null) === null)).toBe(true);
    // What was written can be undone.
    expect(button("撤销填充").disabled).toBe(false);
  });

  /** The data as an Excel table: cells to its right belong to the official, not to the data. */
  function tableHost(sheet: ReturnType<typeof sampleSheet>): FakeHost {
    const host = new FakeHost(sheet);
    host.table = {
      name: "企业表",
      area: { top: HEADER_ROW, left: 0, rows: sheet.length - HEADER_ROW, columns: HEADERS.length },
    };
    return host;
  }

  test("撤销填充 restores exactly what was there, after asking before overwriting foreign content", async () => {
    const sheet = sampleSheet();
    sheet[FIRST_DATA_ROW + 1][NOTE] = "请核实：2023年已申报";
    sheet[FIRST_DATA_ROW + 3][AWARD] = { formula: "=E7/100" };
    const host = tableHost(sheet);
    const original = JSON.stringify(host.cells);
    await openAndRead(host);
    click(button("开始填充"));
    await until(() => text().includes("覆盖已有内容？"), "the overwrite question");
    expect(text()).toContain("请核实：2023年已申报");
    click(button("覆盖并继续"));
    await until(() => text().includes("填充汇总"), "the fill to finish");
    expect(host.cell(FIRST_DATA_ROW + 1, NOTE)).not.toBe("请核实：2023年已申报");

    click(button("撤销填充"));
    await until(() => text().includes("已撤销"), "the undo");
    // Trailing empty cells the fill created are put back as empty: compare contents, not array lengths.
    const restored = host.cells.map((row) => row.map((cell) => (cell === undefined ? null : cell)));
    const before = JSON.parse(original) as unknown[][];
    before.forEach((row, r) =>
      row.forEach((cell, c) => expect([r, c, restored[r]?.[c] ?? null]).toEqual([r, c, cell])),
    );
    for (let r = 0; r < restored.length; r++) {
      for (let c = (before[r] ?? []).length; c < restored[r].length; c++)
        expect([r, c, restored[r][c]]).toEqual([r, c, null]);
    }
    expect(text()).not.toContain("填充汇总");
  });

  test("declining the overwrite writes nothing", async () => {
    const sheet = sampleSheet();
    sheet[FIRST_DATA_ROW][NOTE] = "手工备注";
    const host = tableHost(sheet);
    await openAndRead(host);
    click(button("开始填充"));
    await until(() => text().includes("覆盖已有内容？"), "the overwrite question");
    click(button("不覆盖"));
    await until(() => text().includes("未写入任何单元格"), "the refusal");
    expect(host.writes).toBe(0);
    expect(host.cell(FIRST_DATA_ROW, NOTE)).toBe("手工备注");
  });

  test("a protected sheet gets a clear message and no write", async () => {
    const host = new FakeHost(sampleSheet());
    host.protected = true;
    await openAndRead(host);
    expect(text()).toContain("工作表受保护");
    expect(text()).toContain("撤销工作表保护");
    expect(button("开始填充").disabled).toBe(true);
    expect(host.writes).toBe(0);
  });

  test("a merged header gets a clear message and no write", async () => {
    const host = new FakeHost(sampleSheet());
    host.mergedAreas = [{ top: HEADER_ROW, left: 4, rows: 1, columns: 2 }];
    await openAndRead(host);
    expect(text()).toContain("表头有合并单元格");
    expect(button("开始填充").disabled).toBe(true);
    expect(host.writes).toBe(0);
  });

  test("an invalid whole-sheet year is refused in the field, naming the problem", async () => {
    const sheet = sampleSheet().map((row) => row.filter((_, c) => c !== HEADERS.indexOf("年度")));
    const host = new FakeHost(sheet);
    await openAndRead(host);
    expect(text()).toContain("未对应“年度”列");
    const yearInput = document.querySelector('input[placeholder="例如：2024"]');
    typeInto(yearInput, "二〇二四");
    expect(text()).toContain("请填写四位年份");
    expect(button("开始填充").disabled).toBe(true);
    typeInto(yearInput, "2024");
    expect(button("开始填充").disabled).toBe(false);
  });

  test("formula mode writes live =XSG formulas referring to the row's cells", async () => {
    const host = new FakeHost(sampleSheet());
    await openAndRead(host);
    click(document.querySelector('input[type="radio"][value="formulas"]'));
    click(button("开始填充"));
    await until(() => text().includes("填充汇总"), "the fill to finish");
    const award = host.cell(FIRST_DATA_ROW, AWARD) as { formula: string };
    expect(award.formula).toMatch(/^=XSG\.AWARD\(/);
    expect(award.formula).toContain(`E${FIRST_DATA_ROW + 1}`);
  });
});

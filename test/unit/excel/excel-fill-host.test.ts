import fc from "fast-check";
/**
 * ExcelFillHost against the Excel double: one round trip per method, the named sheet (never
 * "whatever is active"), exact contents both ways, guarded API sets, settings, selection
 * events and the summary sheet with a native chart.
 */
import { readDataRegion, summaryLayout, summarize, PAYLOAD_TOO_LARGE, type CellContent } from "../../../src/fill";
import { ExcelFillHost, mergedAreasOf, needsQuotePrefix, uniqueSheetName } from "../../../taskpane/excel";
import {
  installExcelDouble,
  uninstallExcelDouble,
  type DoubleOptions,
  type DoubleWorkbook,
} from "../../doubles/excel-double";

let workbook: DoubleWorkbook;
let host: ExcelFillHost;

function install(options: Partial<DoubleOptions> = {}): void {
  workbook = installExcelDouble(globalThis, {
    sheets: [
      {
        name: "数据",
        cells: [["报表"], [], ["企业名称", "地区", "营业收入"], ["甲", "杭州", 2500], ["乙", "晋城", 1800]],
        merged: ["A1:C1"],
      },
      { name: "其他", cells: [["x"]] },
    ],
    selection: "B4",
    ...options,
  });
  host = new ExcelFillHost();
}

afterEach(() => uninstallExcelDouble(globalThis));

describe("describeRegion", () => {
  test("the used range of the active sheet, its head, protection and merged areas, in two syncs", async () => {
    install();
    workbook.resetStats();
    const info = await host.describeRegion({ extraColumns: 7, headRows: 3 });
    expect(workbook.stats.syncs).toBe(2);
    expect(info).toMatchObject({
      sheetName: "数据",
      top: 0,
      left: 0,
      rowCount: 5,
      columnCount: 3,
      isTable: false,
      protected: false,
    });
    expect(info.head).toEqual([
      ["报表", "", ""],
      ["", "", ""],
      ["企业名称", "地区", "营业收入"],
    ]);
    expect(info.mergedAreas).toEqual([{ top: 0, left: 0, rows: 1, columns: 3 }]);
  });

  test("the table around the selection wins over the used range", async () => {
    install({
      sheets: [
        {
          name: "数据",
          cells: [["说明"], [], [null, "企业名称", "营业收入"], [null, "甲", 1], [null, "乙", 2], [], ["另一张表"]],
          tables: [{ name: "名单", address: "B3:C5" }],
          protected: true,
        },
      ],
      selection: "C4",
    });
    workbook.resetStats();
    const info = await host.describeRegion();
    expect(workbook.stats.syncs).toBe(3);
    expect(info).toMatchObject({
      top: 2,
      left: 1,
      rowCount: 3,
      columnCount: 2,
      isTable: true,
      tableName: "名单",
      protected: true,
    });
    await workbook.select("A7");
    expect(await host.describeRegion()).toMatchObject({ isTable: false, top: 0, left: 0, rowCount: 7 });
  });

  test("below ExcelApi 1.13 merged areas are unknown (null), not guessed", async () => {
    install({ apiVersion: "1.12" });
    const info = await host.describeRegion();
    expect(info.mergedAreas).toBeNull();
  });

  test("an empty sheet is an empty region", async () => {
    install({ sheets: [{ name: "空" }] });
    expect(await host.describeRegion()).toMatchObject({ rowCount: 0, columnCount: 0, head: [] });
  });
});

describe("exact contents", () => {
  const contents: CellContent[][] = [
    ["0123", "TRUE", "-5 元", "2024-03-01"],
    [{ formula: "=A1&B1" }, { error: "#N/A" }, null, 12.5],
    [true, "'quoted", "=not a formula", "普通文字"],
  ];

  test("what readBlock reads, writeBlock puts back identically (text stays text)", async () => {
    install();
    await host.writeBlock("其他", { top: 4, left: 2, rows: 3, columns: 4 }, contents);
    const back = await host.readBlock("其他", { top: 4, left: 2, rows: 3, columns: 4 });
    expect(back).toEqual([
      ["0123", "TRUE", "-5 元", "2024-03-01"],
      [{ formula: "=A1&B1" }, { error: "#N/A" }, null, 12.5],
      [true, "'quoted", "=not a formula", "普通文字"],
    ]);
    const sheet = workbook.sheet("其他");
    expect(sheet.values("C5:F5")).toEqual([["0123", "TRUE", "-5 元", "2024-03-01"]]);
  });

  test("writes go to the named sheet even when the user switched sheets, with calculation suspended", async () => {
    install();
    await workbook.select("A1", "其他");
    workbook.resetStats();
    await host.writeBlock("数据", { top: 3, left: 4, rows: 1, columns: 1 }, [["ok"]]);
    expect(workbook.sheet("数据").values("E4")).toEqual([["ok"]]);
    expect(workbook.sheet("其他").values("E4")).toEqual([[""]]);
    expect(workbook.stats).toMatchObject({ syncs: 1, writeSyncs: 1, writeSyncsWithCalculationSuspended: 1 });
  });

  test("needsQuotePrefix: text Excel would re-read as something else", () => {
    for (const t of [
      "0123",
      "1,234",
      " 12 ",
      "50%",
      "1e5",
      "TRUE",
      "false",
      "=x",
      "+1",
      "-abc",
      "@x",
      "#N/A",
      "2024-03-01",
      "3/1",
      "2024年3月1日",
      "1月3日",
      "10:30",
      "¥5",
      "'x",
    ]) {
      expect([t, needsQuotePrefix(t)]).toEqual([t, true]);
    }
    for (const t of ["", "杭州市", "2024年", "第3行", "A1", "合计行，未计算", "#1号楼"]) {
      expect([t, needsQuotePrefix(t)]).toEqual([t, false]);
    }
  });

  test("needsQuotePrefix: a text opening with a CJK ideograph never needs the prefix", () => {
    // The shortcut skips the patterns for such texts; a leading space sends the same text through them.
    const ideograph = fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCharCode(code));
    const rest = fc.string({ unit: fc.constantFrom(..."0123456789.,-+%/:年月日eE$¥TRUEfalse#N/A '=@ ") });
    fc.assert(
      fc.property(ideograph, rest, (first, tail) => {
        expect(needsQuotePrefix(first + tail)).toBe(false);
        expect(needsQuotePrefix(` ${first}${tail}`)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("payload limits", () => {
  test("an oversized response is reported as PayloadTooLarge and the engine splits the read", async () => {
    const rows: unknown[][] = [["企业名称", "地区", "营业收入", "备注"]];
    for (let i = 0; i < 400; i++) rows.push([`企业${i}`, "杭州", 2000 + i, i < 30 ? "" : "很长的备注文字".repeat(20)]);
    install({ sheets: [{ name: "数据", cells: rows }], maxPayloadBytes: 60_000 });
    await expect(host.readValues("数据", { top: 0, left: 0, rows: 401, columns: 4 })).rejects.toMatchObject({
      code: PAYLOAD_TOO_LARGE,
    });
    workbook.resetStats();
    const region = await readDataRegion(host);
    expect(region.values).toHaveLength(401);
    expect(region.values[400]).toEqual(["企业399", "杭州", 2399, "很长的备注文字".repeat(20)]);
    expect(workbook.stats.maxResponseBytes).toBeGreaterThan(0);
  });
});

describe("batch and API sets", () => {
  test("one Excel.run with mergeUndoGroup where ExcelApi 1.20 is supported, plain Excel.run elsewhere", async () => {
    install();
    await host.batch(async () => {
      await host.writeBlock("数据", { top: 5, left: 0, rows: 1, columns: 1 }, [["a"]]);
      await host.writeBlock("数据", { top: 6, left: 0, rows: 1, columns: 1 }, [["b"]]);
    });
    expect(workbook.stats).toMatchObject({ runs: 1, mergeUndoGroupRuns: 1, syncs: 2 });
    uninstallExcelDouble(globalThis);
    install({ apiVersion: "1.12" });
    await host.batch(async () => host.writeBlock("数据", { top: 5, left: 0, rows: 1, columns: 1 }, [["a"]]));
    expect(workbook.stats).toMatchObject({ runs: 1, mergeUndoGroupRuns: 0 });
  });

  test("below ExcelApi 1.6 the write does not call suspendApiCalculationUntilNextSync", async () => {
    install({ apiVersion: "1.5" });
    await host.writeBlock("数据", { top: 5, left: 0, rows: 1, columns: 1 }, [["a"]]);
    expect(workbook.stats.writeSyncsWithCalculationSuspended).toBe(0);
    expect(workbook.sheet("数据").values("A6")).toEqual([["a"]]);
  });
});

describe("selection, settings, summary sheet", () => {
  test("getSelectedRow and onSelectionChanged report the sheet and row; unsubscribe stops them", async () => {
    install();
    expect(await host.getSelectedRow()).toEqual({ sheetName: "数据", row: 3, column: 1 });
    const seen: unknown[] = [];
    const stop = await host.onSelectionChanged((cell) => seen.push(cell));
    await workbook.select("C5:D9");
    await stop();
    await workbook.select("A2");
    expect(seen).toEqual([{ sheetName: "数据", row: 4, column: 2 }]);
  });

  test("settings are saved into the document (saveAsync) and read back", async () => {
    install();
    expect(await host.loadSetting("k")).toBeNull();
    await host.saveSetting("k", { a: [1, "二"] });
    expect(workbook.savedSettings.get("k")).toEqual({ a: [1, "二"] });
    expect(await host.loadSetting("k")).toEqual({ a: [1, "二"] });
  });

  test("writeSummarySheet adds a uniquely named sheet with the table and native column charts", async () => {
    install();
    const summary = summarize([]);
    const layout = summaryLayout(
      {
        ...summary,
        rows: 2,
        filled: 2,
        eligible: 1,
        totalYuan: 200_000,
        byYear: [{ year: 2024, yuan: 200_000 }],
        byClause: [],
      },
      { sourceSheet: "数据" },
    );
    const first = await host.writeSummarySheet(layout);
    const second = await host.writeSummarySheet(layout);
    expect([first, second]).toEqual(["XSG汇总", "XSG汇总 (2)"]);
    const sheet = workbook.sheet(first);
    expect(sheet.values("A1")).toEqual([["XSG 小升规奖补测算汇总"]]);
    expect(sheet.values("A6:B6")).toEqual([["企业行数", 2]]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: "ColumnClustered", title: "按评价年度的奖补金额（万元）" });
    expect(workbook.activeSheetName).toBe("XSG汇总 (2)");
  });

  test("helpers: merged-area addresses and unique sheet names", () => {
    expect(mergedAreasOf("数据!A1:C1,'My, Sheet'!B4")).toEqual([
      { top: 0, left: 0, rows: 1, columns: 3 },
      { top: 3, left: 1, rows: 1, columns: 1 },
    ]);
    expect(uniqueSheetName("汇总", ["汇总", "汇总 (2)"])).toBe("汇总 (3)");
    expect(uniqueSheetName("a/b:c", [])).toBe("a_b_c");
  });
});

describe("the 1904 date system (old Mac workbooks)", () => {
  const sheets = [
    {
      name: "数据",
      cells: [
        ["企业名称", "首次入库年份", "金额"],
        ["甲", "2024-03-01", 2500],
      ],
    },
  ];

  test("date cells are handed over in the 1900 system; numbers are not moved; still two syncs", async () => {
    install({ sheets, date1904: true, selection: "A1" });
    workbook.resetStats();
    const info = await host.describeRegion({ headRows: 2 });
    expect(workbook.stats.syncs).toBe(2);
    // 2024-03-01 is 43890 in a 1904 workbook and 45352 in the 1900 system.
    expect(info.head[1]).toEqual(["甲", 45352, 2500]);
    expect(await host.readValues("数据", { top: 1, left: 1, rows: 1, columns: 2 })).toEqual([[45352, 2500]]);
  });

  test("a 1900 workbook, and a host without ExcelApi 1.16, read values as they are", async () => {
    install({ sheets, selection: "A1" });
    expect((await host.describeRegion({ headRows: 2 })).head[1]).toEqual(["甲", 45352, 2500]);
    install({ sheets, date1904: true, apiVersion: "1.15", selection: "A1" });
    expect((await host.describeRegion({ headRows: 2 })).head[1]).toEqual(["甲", 43890, 2500]);
  });
});

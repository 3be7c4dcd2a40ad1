/**
 * WpsFillHost against the ET double: whole blocks through Value2/Formula, ET's shapes (1-based,
 * scalars for one cell, null for empty, CVErr numbers for errors), exact contents both ways,
 * the application state paused and always restored, protection, selection events, settings and
 * the summary sheet with a native chart.
 */
import { readDataRegion, summarize, summaryLayout, type CellContent } from "../../../src/fill";
import { contentOf, toGrid, WpsFillHost } from "../../../taskpane/wps/wps-fill-host";
import { etWorkbook, type EtDoubleWorkbook } from "../../doubles/et-double";

let book: EtDoubleWorkbook;
let host: WpsFillHost;
let store: Map<string, string>;

function install(): void {
  book = etWorkbook([
    {
      name: "数据",
      cells: [["报表"], [], ["企业名称", "地区", "营业收入"], ["甲", "杭州", 2500], ["乙", "晋城", 1800]],
    },
    { name: "其他", cells: [["x"]] },
  ]);
  book.select("数据", "B4");
  store = new Map();
  host = new WpsFillHost(book, { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) });
}

beforeEach(install);

const AUTOMATIC = { screenUpdating: true, enableEvents: true, calculation: -4105 };

describe("describeRegion", () => {
  test("the used range of the active sheet, its head as 2-D rows with null for empty cells", async () => {
    const info = await host.describeRegion({ headRows: 3, extraColumns: 7 });
    expect(info).toMatchObject({
      sheetName: "数据",
      top: 0,
      left: 0,
      rowCount: 5,
      columnCount: 3,
      isTable: false,
      protected: false,
      mergedAreas: [],
    });
    expect(info.head).toEqual([
      ["报表", null, null],
      [null, null, null],
      ["企业名称", "地区", "营业收入"],
    ]);
  });

  test("a used range that starts off A1 keeps its absolute position", async () => {
    book.addSheet("偏移").load(
      [
        ["企业名称", "营业收入"],
        ["甲", 2500],
      ],
      { top: 4, left: 2, rows: 0, columns: 0 },
    );
    book.select("偏移", "D6");
    const info = await host.describeRegion();
    expect(info).toMatchObject({ top: 4, left: 2, rowCount: 2, columnCount: 2 });
    expect(info.head).toEqual([
      ["企业名称", "营业收入"],
      ["甲", 2500],
    ]);
  });

  test("the table (ListObject) around the active cell wins over the used range", async () => {
    book.sheet("数据").tables.push({ name: "名单表", area: { top: 2, left: 0, rows: 3, columns: 3 } });
    const info = await host.describeRegion();
    expect(info).toMatchObject({ isTable: true, tableName: "名单表", top: 2, rowCount: 3 });
  });

  test("an empty sheet (UsedRange = A1 holding null) is an empty region", async () => {
    book.addSheet("空");
    book.select("空", "A1");
    expect(await host.describeRegion()).toMatchObject({ rowCount: 0, columnCount: 0, head: [] });
  });

  test("merged cells: none → []; some → null (ET cannot list them in one call)", async () => {
    book.sheet("数据").merged.push({ top: 0, left: 0, rows: 1, columns: 3 });
    expect((await host.describeRegion()).mergedAreas).toBeNull();
  });

  test("protection is reported", async () => {
    book.sheet("数据").Protect();
    expect((await host.describeRegion()).protected).toBe(true);
  });
});

describe("reading", () => {
  test("readValues: one Value2 read per block; error cells become error objects", async () => {
    book.sheet("数据").load([["#N/A"]], { top: 4, left: 2, rows: 0, columns: 0 });
    book.resetStats();
    const values = await host.readValues("数据", { top: 3, left: 0, rows: 2, columns: 3 });
    expect(values).toEqual([
      ["甲", "杭州", 2500],
      ["乙", "晋城", { error: "#N/A" }],
    ]);
    expect(book.stats.byMember.get("Range.Value2")).toBe(1);
  });

  test("a single cell (scalar Value2) and 1-D shapes are made rectangular", async () => {
    expect(await host.readValues("数据", { top: 3, left: 2, rows: 1, columns: 1 })).toEqual([[2500]]);
    expect(toGrid([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(toGrid([1, 2], 2, 1)).toEqual([[1], [2]]);
    expect(toGrid(null, 1, 1)).toEqual([[null]]);
  });

  test("readDataRegion through the host gives the engine the same region", async () => {
    const region = await readDataRegion(host);
    expect(region.values[3]).toEqual(["甲", "杭州", 2500]);
  });

  test("contentOf tells an error constant from a number with the same value", () => {
    expect(contentOf("#N/A", -2146826246)).toEqual({ error: "#N/A" });
    expect(contentOf("-2146826246", -2146826246)).toBe(-2146826246);
    expect(contentOf("=XSG.AWARD(B4,C4,2024)", null)).toEqual({ formula: "=XSG.AWARD(B4,C4,2024)" });
    expect(contentOf("", null)).toBeNull();
    expect(contentOf("=1+1", "=1+1")).toBe("=1+1"); // '=1+1 typed as text
  });
});

describe("writing", () => {
  const contents: CellContent[][] = [
    [
      "0123",
      "TRUE",
      "=1+1",
      "'quoted",
      { formula: "=SUM(A1:A2)" },
      { error: "#N/A" },
      12.5,
      false,
      null,
      "2024-03-01",
      "#N/A",
    ],
  ];
  const area = { top: 10, left: 0, rows: 1, columns: contents[0].length };

  test("writeBlock then readBlock gives back exactly what was written (text stays text)", async () => {
    await host.writeBlock("数据", area, contents);
    expect(await host.readBlock("数据", area)).toEqual(contents);
  });

  test("one Formula write per block, with screen updating, events and calculation paused, then restored", async () => {
    book.resetStats();
    await host.writeBlock("数据", area, contents);
    expect(book.stats.byMember.get("Range.Formula=")).toBe(1);
    expect(book.stats.writes).toEqual([
      { sheet: "数据", address: "A11:K11", screenUpdating: false, enableEvents: false, calculation: -4135 },
    ]);
    expect(book.state).toEqual(AUTOMATIC);
  });

  test("a protected sheet refuses the write; the application state is restored all the same", async () => {
    book.sheet("数据").Protect();
    await expect(host.writeBlock("数据", area, contents)).rejects.toThrow(/受保护/);
    expect(book.state).toEqual(AUTOMATIC);
    expect(book.sheet("数据").cell("A11")).toBeNull();
  });

  test("a state the user had (manual calculation) is put back as it was, not reset to automatic", async () => {
    book.Calculation = -4135;
    book.ScreenUpdating = false;
    await host.writeBlock("数据", area, contents);
    expect(book.state).toEqual({ screenUpdating: false, enableEvents: true, calculation: -4135 });
  });

  test("batch pauses once around many writes", async () => {
    book.stateLog.length = 0;
    await host.batch(async () => {
      await host.writeBlock("数据", area, contents);
      await host.writeBlock("数据", { ...area, top: 11 }, contents);
    });
    expect(book.stateLog).toEqual([
      "ScreenUpdating=false",
      "EnableEvents=false",
      "Calculation=-4135",
      "Calculation=-4105",
      "EnableEvents=true",
      "ScreenUpdating=true",
    ]);
  });

  test("the sheet is named, never 'whatever is active'", async () => {
    book.select("其他", "A1");
    await host.writeBlock("数据", { top: 20, left: 0, rows: 1, columns: 1 }, [["x"]]);
    expect(book.sheet("数据").grid("A21")).toEqual([["x"]]);
    expect(book.sheet("其他").grid("A21")).toEqual([[null]]);
  });
});

describe("selection, settings, summary", () => {
  test("getSelectedRow and SheetSelectionChange report 0-based positions; unsubscribe removes the listener", async () => {
    expect(await host.getSelectedRow()).toEqual({ sheetName: "数据", row: 3, column: 1 });
    const seen: unknown[] = [];
    const unsubscribe = await host.onSelectionChanged((cell) => seen.push(cell));
    book.fireSelectionChange("数据", "C5");
    expect(seen).toEqual([{ sheetName: "数据", row: 4, column: 2 }]);
    await unsubscribe();
    expect(book.listenerCount).toBe(0);
  });

  test("settings are kept per workbook (full path) and read back", async () => {
    expect(await host.loadSetting("k")).toBeNull();
    await host.saveSetting("k", { a: [1, "二"] });
    expect(await host.loadSetting("k")).toEqual({ a: [1, "二"] });
    expect([...store.keys()]).toEqual([`xsg:wps:${book.fullName}:k`]);
  });

  test("writeSummarySheet adds a uniquely named sheet with the table and a native column chart", async () => {
    const layout = summaryLayout(
      {
        ...summarize([]),
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
    const sheet = book.sheet(first);
    expect(sheet.grid("A1")).toEqual([["XSG 小升规奖补测算汇总"]]);
    expect(sheet.grid("A6:B6")).toEqual([["企业行数", 2]]);
    expect(sheet.charts).toHaveLength(1);
    const spec = layout.charts[0];
    expect(sheet.charts[0]).toMatchObject({ chartType: 51, hasTitle: true, title: spec.title });
    expect(sheet.charts[0].source).toMatch(/^XSG汇总!/);
    expect(book.activeSheet.sheetName).toBe("XSG汇总 (2)");
    expect(book.sheets.map((s) => s.sheetName)).toEqual(["数据", "其他", "XSG汇总", "XSG汇总 (2)"]);
    expect(book.state).toEqual(AUTOMATIC);
  });
});

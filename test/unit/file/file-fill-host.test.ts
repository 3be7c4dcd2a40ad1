/** FileFillHost: the FillHost contract over an exceljs workbook, cell by cell. */
import ExcelJS from "exceljs";
import { runFill, autoMap, detectHeader, undoFill, FillError, OUTPUT_COLUMNS } from "../../../src/fill";
import { contentOfCell, cellValueOf, dateToSerial, valueOfCell } from "../../../taskpane/file/cells";
import { defaultSheet, FileFillHost, mergedAreasOf, usedArea } from "../../../taskpane/file/file-fill-host";

/** Put `values` in one row starting at column B. */
function putRow(sheet: ExcelJS.Worksheet, row: number, values: readonly ExcelJS.CellValue[]): void {
  values.forEach((value, i) => {
    if (value !== null) sheet.getRow(row).getCell(2 + i).value = value;
  });
}

function messyWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("空白");
  const sheet = workbook.addWorksheet("名单");
  sheet.getCell("B2").value = "2024年小升规测算";
  sheet.mergeCells("B2:E2");
  putRow(sheet, 4, ["企业名称", "所属地区", "主营业务收入（万元）", "首次入库年份", "备注"]);
  putRow(sheet, 5, ["甲公司", "萧山区", 2500, 2024, { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue]);
  putRow(sheet, 6, [
    "乙公司",
    "鹿城区",
    { error: "#N/A" } as ExcelJS.CellErrorValue,
    new Date(Date.UTC(2023, 5, 30)),
    null,
  ]);
  putRow(sheet, 7, [{ richText: [{ text: "丙" }, { text: "公司" }] }, "晋城", "2,100", "2024年", "x"]);
  workbook.views = [{ activeTab: 1 } as ExcelJS.WorkbookView];
  return workbook;
}

describe("cells", () => {
  test("values as the engine reads them: formula results, rich text, errors, merged cells empty", () => {
    const workbook = messyWorkbook();
    const sheet = workbook.getWorksheet("名单")!;
    expect(valueOfCell(sheet.getCell("F5"))).toBe(2);
    expect(valueOfCell(sheet.getCell("B7"))).toBe("丙公司");
    expect(valueOfCell(sheet.getCell("D6"))).toEqual({ error: "#N/A" });
    expect(valueOfCell(sheet.getCell("E6"))).toEqual(new Date(Date.UTC(2023, 5, 30)));
    expect(valueOfCell(sheet.getCell("B2"))).toBe("2024年小升规测算");
    expect(valueOfCell(sheet.getCell("C2"))).toBeNull(); // inside the merge: Excel reads it empty
    expect(valueOfCell(undefined)).toBeNull();
  });

  test("contents exactly: formulas with '=', errors, dates as serials; and back", () => {
    const sheet = messyWorkbook().getWorksheet("名单")!;
    expect(contentOfCell(sheet.getCell("F5"))).toEqual({ formula: "=1+1" });
    expect(contentOfCell(sheet.getCell("D6"))).toEqual({ error: "#N/A" });
    expect(contentOfCell(sheet.getCell("E6"))).toBe(45107); // 2023-06-30
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(contentOfCell(sheet.getCell("E6"), true)).toBe(45107 - 1462); // a 1904-system workbook
    expect(cellValueOf({ formula: "=XSG.AWARD(D5,E5,2024)" })).toEqual({ formula: "XSG.AWARD(D5,E5,2024)" });
    expect(cellValueOf({ error: "#VALUE!" })).toEqual({ error: "#VALUE!" });
    expect(cellValueOf(null)).toBeNull();
    expect(cellValueOf("0123")).toBe("0123");
  });
});

describe("FileFillHost", () => {
  test("the active tab is the sheet; the used range, merges and head are reported", async () => {
    const workbook = messyWorkbook();
    expect(defaultSheet(workbook).name).toBe("名单");
    const host = new FileFillHost(workbook, { yieldBetweenCalls: false });
    const info = await host.describeRegion({ headRows: 3, extraColumns: 7 });
    expect(info).toMatchObject({
      sheetName: "名单",
      top: 1,
      left: 1,
      rowCount: 6,
      columnCount: 5,
      isTable: false,
      protected: false,
    });
    expect(info.mergedAreas).toEqual([{ top: 1, left: 1, rows: 1, columns: 4 }]);
    expect(info.head).toEqual([
      ["2024年小升规测算", null, null, null, null],
      [null, null, null, null, null],
      ["企业名称", "所属地区", "主营业务收入（万元）", "首次入库年份", "备注"],
    ]);
  });

  test("an empty workbook sheet falls back to the first sheet with data", () => {
    const workbook = messyWorkbook();
    workbook.views = [{ activeTab: 0 } as ExcelJS.WorkbookView];
    expect(defaultSheet(workbook).name).toBe("名单");
    expect(usedArea(workbook.getWorksheet("空白")!)).toBeNull();
  });

  test("reading never creates cells; writing then reading gives back exact contents", async () => {
    const workbook = messyWorkbook();
    const sheet = workbook.getWorksheet("名单")!;
    const host = new FileFillHost(workbook, { yieldBetweenCalls: false });
    await host.readValues("名单", { top: 20, left: 20, rows: 3, columns: 3 });
    expect(sheet.rowCount).toBe(7);
    const cells = [
      ["升规奖励(万元)", { formula: "=SUM(1,2)" }],
      [12.5, { error: "#N/A" }],
      [null, "'quoted"],
    ] as const;
    await host.writeBlock("名单", { top: 3, left: 6, rows: 3, columns: 2 }, cells as never);
    expect(await host.readBlock("名单", { top: 3, left: 6, rows: 3, columns: 2 })).toEqual(cells);
    // The new output header takes the look of the header cell to its left.
    expect(sheet.getCell("G4").font).toEqual(sheet.getCell("F4").font);
    expect(sheet.getColumn(7).width).toBe(14);
  });

  test("a protected sheet is reported, and runFill writes nothing", async () => {
    const workbook = messyWorkbook();
    const sheet = workbook.getWorksheet("名单")!;
    await sheet.protect("", {});
    const host = new FileFillHost(workbook, { yieldBetweenCalls: false });
    expect((await host.describeRegion()).protected).toBe(true);
    const header = detectHeader((await host.describeRegion()).head)!;
    const error = await runFill(host, { mapping: autoMap(header.headers), defaults: { year: 2024 } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FillError);
    expect((error as FillError).code).toBe("protected");
    expect(sheet.getCell("G4").value).toBeNull();
  });

  test("runFill, a refresh and undoFill through the host: only the output columns change, then are restored", async () => {
    const workbook = messyWorkbook();
    const sheet = workbook.getWorksheet("名单")!;
    sheet.getCell("H6").value = "旁边的备注"; // a note right of the data: it widens the used range, output goes right of it
    const host = new FileFillHost(workbook);
    const info = await host.describeRegion();
    const header = detectHeader(info.head)!;
    const options = { mapping: autoMap(header.headers), defaults: { year: 2024 } };
    const asked: string[] = [];
    const confirmOverwrite = async (text: string) => (asked.push(text), true);

    const first = await runFill(host, options, { confirmOverwrite });
    expect(first.completedRows).toBe(3);
    expect(first.writtenArea).toEqual({ top: 3, left: 8, rows: 4, columns: OUTPUT_COLUMNS.length });
    expect(OUTPUT_COLUMNS.map((_, i) => sheet.getRow(4).getCell(9 + i).value)).toEqual([...OUTPUT_COLUMNS]);
    expect(sheet.getCell("L5").value).toBe(20); // 合计 of 甲公司, 萧山区 → 杭州市 first-year award

    const second = await runFill(host, options, { confirmOverwrite });
    expect(second.refreshed).toBe(true);
    expect(second.writtenArea).toEqual(first.writtenArea);
    expect(asked).toEqual([]);

    await undoFill(host, second.undo!);
    await undoFill(host, first.undo!);
    expect(sheet.getCell("H6").value).toBe("旁边的备注");
    for (let c = 9; c < 9 + OUTPUT_COLUMNS.length; c++) expect(sheet.getRow(4).getCell(c).value).toBeNull();
  });

  test("selection and settings: the page's row choice reaches listeners; settings live in the store", async () => {
    const host = new FileFillHost(messyWorkbook(), { yieldBetweenCalls: false });
    expect(await host.getSelectedRow()).toBeNull();
    const seen: number[] = [];
    const stop = await host.onSelectionChanged((cell) => seen.push(cell.row));
    host.selectRow(5);
    await stop();
    host.selectRow(6);
    expect(seen).toEqual([5]);
    expect(await host.getSelectedRow()).toEqual({ sheetName: "名单", row: 6, column: 0 });
    expect(await host.loadSetting("k")).toBeNull();
    await host.saveSetting("k", { a: 1 });
    expect(await host.loadSetting("k")).toEqual({ a: 1 });
  });

  test("the summary sheet gets a unique name and the layout's cells", async () => {
    const workbook = messyWorkbook();
    workbook.addWorksheet("XSG汇总");
    const host = new FileFillHost(workbook, { yieldBetweenCalls: false });
    const name = await host.writeSummarySheet({ sheetName: "XSG汇总", cells: [["标题"], ["合计", 12.5]], charts: [] });
    expect(name).toBe("XSG汇总 (2)");
    expect(workbook.getWorksheet(name)!.getCell("B2").value).toBe(12.5);
  });

  test("merged areas come from the sheet, 0-based", () => {
    const sheet = new ExcelJS.Workbook().addWorksheet("s");
    sheet.mergeCells("C3:D5");
    expect(mergedAreasOf(sheet)).toEqual([{ top: 2, left: 2, rows: 3, columns: 2 }]);
  });
});

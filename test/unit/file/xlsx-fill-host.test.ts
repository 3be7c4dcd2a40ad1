/**
 * XlsxFillHost over an XlsxPackage: the FillHost contract cell by cell. Workbooks are made with
 * exceljs (another library's idea of an .xlsx) and what the host saves is read back with exceljs.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { runFill, autoMap, detectHeader, undoFill, FillError, OUTPUT_COLUMNS, summaryLayout } from "../../../src/fill";
import { portableCodec } from "../../../taskpane/file/xlsx/codec";
import { entryData, readZip } from "../../../taskpane/file/xlsx/zip";
import { defaultSheet, XlsxFillHost } from "../../../taskpane/file/xlsx-fill-host";
import { XlsxPackage } from "../../../taskpane/file/xlsx/package";

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
  sheet.getRow(4).eachCell((cell) => (cell.font = { bold: true }));
  putRow(sheet, 5, ["甲公司", "萧山区", 2500, 2024, { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue]);
  sheet.getCell("E5").numFmt = "0年";
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

async function packageOf(workbook: ExcelJS.Workbook): Promise<XlsxPackage> {
  return XlsxPackage.open(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

async function reread(pkg: XlsxPackage): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(pkg.save() as unknown as ArrayBuffer);
  return workbook;
}

describe("reading cells as Excel's values", () => {
  test("formula results, rich text, errors, dates as serials, merged cells empty", async () => {
    const host = new XlsxFillHost(await packageOf(messyWorkbook()), { yieldBetweenCalls: false });
    const values = await host.readValues("名单", { top: 1, left: 1, rows: 6, columns: 5 });
    expect(values[0]).toEqual(["2024年小升规测算", null, null, null, null]);
    expect(values[3]).toEqual(["甲公司", "萧山区", 2500, 2024, 2]);
    expect(values[4]).toEqual(["乙公司", "鹿城区", { error: "#N/A" }, 45107, null]);
    expect(values[5]).toEqual(["丙公司", "晋城", "2,100", "2024年", "x"]);
  });

  test("contents exactly: formulas with '=', errors, dates as serials", async () => {
    const host = new XlsxFillHost(await packageOf(messyWorkbook()), { yieldBetweenCalls: false });
    const contents = await host.readBlock("名单", { top: 4, left: 3, rows: 2, columns: 3 });
    expect(contents).toEqual([
      [2500, 2024, { formula: "=1+1" }],
      [{ error: "#N/A" }, 45107, null],
    ]);
  });
});

describe("XlsxFillHost", () => {
  test("the active tab is the sheet; the used range, merges and head are reported", async () => {
    const pkg = await packageOf(messyWorkbook());
    expect(defaultSheet(pkg)).toBe("名单");
    const host = new XlsxFillHost(pkg, { yieldBetweenCalls: false });
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

  test("an empty active sheet falls back to the first sheet with data", async () => {
    const workbook = messyWorkbook();
    workbook.views = [{ activeTab: 0 } as ExcelJS.WorkbookView];
    const pkg = await packageOf(workbook);
    expect(defaultSheet(pkg)).toBe("名单");
    expect(pkg.grid("空白").usedArea()).toBeNull();
  });

  test("an unknown sheet is refused in Chinese", async () => {
    expect(() => new XlsxFillHost(messyPackageSync, { sheetName: "无此表" })).toThrow("没有名为“无此表”的工作表");
  });

  test("writing then reading gives back exact contents; saved, exceljs reads the same cells", async () => {
    const pkg = await packageOf(messyWorkbook());
    const host = new XlsxFillHost(pkg, { yieldBetweenCalls: false });
    const cells = [
      ["升规奖励(万元)", { formula: "=SUM(1,2)" }],
      [12.5, { error: "#N/A" }],
      [null, "'quoted <&> _x0041_ \u0001"],
    ] as const;
    await host.writeBlock("名单", { top: 3, left: 6, rows: 3, columns: 2 }, cells as never);
    expect(await host.readBlock("名单", { top: 3, left: 6, rows: 3, columns: 2 })).toEqual(cells);
    const sheet = (await reread(pkg)).getWorksheet("名单")!;
    expect(sheet.getCell("G4").value).toBe("升规奖励(万元)");
    expect(sheet.getCell("H4").formula).toBe("SUM(1,2)");
    expect(sheet.getCell("G5").value).toBe(12.5);
    expect(sheet.getCell("H5").value).toEqual({ error: "#N/A" });
    expect(sheet.getCell("H6").value).toBe("'quoted <&> _x005F_x0041_ _x0001_"); // exceljs leaves OOXML escapes as they are
    // Excel decodes them: read back by the package, the text is exact.
    const reopened = new XlsxFillHost(XlsxPackage.open(pkg.save()), { sheetName: "名单" });
    expect(await reopened.readBlock("名单", { top: 3, left: 6, rows: 3, columns: 2 })).toEqual(cells);
    // The new header takes the look of the header cell to its left, not its number format.
    expect(sheet.getCell("G4").font).toMatchObject({ bold: true });
    expect(sheet.getCell("G5").numFmt).toBeUndefined();
    expect(sheet.getCell("E5").numFmt).toBe("0年");
    // Cells the host did not write are unchanged.
    expect(sheet.getCell("F5").value).toEqual({ formula: "1+1", result: 2 });
    expect(sheet.getCell("B7").value).toEqual({ richText: [{ text: "丙" }, { text: "公司" }] });
  });

  test("a protected sheet is reported, and runFill writes nothing", async () => {
    const workbook = messyWorkbook();
    await workbook.getWorksheet("名单")!.protect("", {});
    const pkg = await packageOf(workbook);
    const host = new XlsxFillHost(pkg, { yieldBetweenCalls: false });
    expect((await host.describeRegion()).protected).toBe(true);
    const header = detectHeader((await host.describeRegion()).head)!;
    const error = await runFill(host, { mapping: autoMap(header.headers), defaults: { year: 2024 } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FillError);
    expect((error as FillError).code).toBe("protected");
    expect(pkg.grid("名单").changed).toBe(false);
  });

  test("runFill, a refresh and undoFill: only the output columns change, then the file is as it was", async () => {
    const workbook = messyWorkbook();
    workbook.getWorksheet("名单")!.getCell("H6").value = "旁边的备注"; // output goes right of it
    const original = new Uint8Array(await workbook.xlsx.writeBuffer());
    const pkg = XlsxPackage.open(original);
    const host = new XlsxFillHost(pkg);
    const header = detectHeader((await host.describeRegion()).head)!;
    const options = { mapping: autoMap(header.headers), defaults: { year: 2024 } };
    const asked: string[] = [];
    const confirmOverwrite = async (text: string) => (asked.push(text), true);

    const first = await runFill(host, options, { confirmOverwrite });
    expect(first.completedRows).toBe(3);
    expect(first.writtenArea).toEqual({ top: 3, left: 8, rows: 4, columns: OUTPUT_COLUMNS.length });
    const filled = (await reread(pkg)).getWorksheet("名单")!;
    expect(OUTPUT_COLUMNS.map((_, i) => filled.getRow(4).getCell(9 + i).value)).toEqual([...OUTPUT_COLUMNS]);
    expect(filled.getCell("L5").value).toBe(20); // 合计 of 甲公司, 萧山区 → 杭州市 first-year award
    expect([filled.getColumn(14).width, filled.getColumn(15).width]).toEqual([36, 48]); // 依据, 说明

    const second = await runFill(host, options, { confirmOverwrite });
    expect(second.refreshed).toBe(true);
    expect(second.writtenArea).toEqual(first.writtenArea);
    expect(asked).toEqual([]);

    await undoFill(host, second.undo!);
    await undoFill(host, first.undo!);
    const undone = (await reread(pkg)).getWorksheet("名单")!;
    expect(undone.getCell("H6").value).toBe("旁边的备注");
    for (let c = 9; c < 9 + OUTPUT_COLUMNS.length; c++) expect(undone.getRow(4).getCell(c).value).toBeNull();
    // Undone, the sheet's cells are byte for byte the original ones.
    const sheetPart = pkg.sheets.find((s) => s.name === "名单")!.part!;
    expect(pkg.grid("名单").serialize()).toContain(
      new TextDecoder().decode(sheetXmlOf(original, sheetPart)).match(/<sheetData>.*<\/sheetData>/s)![0],
    );
  });

  test("selection and settings: the page's row choice reaches listeners; settings live in the store", async () => {
    const host = new XlsxFillHost(messyPackageSync, { yieldBetweenCalls: false });
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

  test("the summary sheet gets a unique name, the layout's cells and a native column chart", async () => {
    const workbook = messyWorkbook();
    workbook.addWorksheet("XSG汇总");
    const pkg = await packageOf(workbook);
    const host = new XlsxFillHost(pkg, { yieldBetweenCalls: false });
    const name = await host.writeSummarySheet({
      sheetName: "XSG汇总",
      cells: [["按年度"], ["年度", "金额（万元）"], ["2024年", 12.5], ["2025年", 3]],
      charts: [
        {
          title: "按年度金额",
          source: { top: 1, left: 0, rows: 3, columns: 2 },
          position: { top: 0, left: 4, rows: 10, columns: 6 },
        },
      ],
    });
    expect(name).toBe("XSG汇总 (2)");
    const bytes = pkg.save();
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(saved.getWorksheet(name)!.getCell("B3").value).toBe(12.5);
    const reopened = XlsxPackage.open(bytes);
    expect(reopened.sheetNames).toContain(name);
    expect(reopened.hasPart("xl/charts/chart1.xml")).toBe(true);
    const chart = new TextDecoder().decode(sheetXmlOf(bytes, "xl/charts/chart1.xml"));
    expect(chart).toContain("<c:barChart>");
    expect(chart).toContain("'XSG汇总 (2)'!$B$3:$B$4");
    expect(chart).toContain("<c:v>2024年</c:v>");
  });
});

let messyPackageSync: XlsxPackage;
beforeAll(async () => {
  messyPackageSync = await packageOf(messyWorkbook());
});

function sheetXmlOf(bytes: Uint8Array, part: string): Uint8Array {
  return entryData(
    readZip(bytes).find((e) => e.name === part)!,
    portableCodec,
  );
}

test("after an undo the used range is the original one, so a second fill lands in the same columns", async () => {
  const pkg = await packageOf(messyWorkbook());
  const host = new XlsxFillHost(pkg, { yieldBetweenCalls: false });
  const header = detectHeader((await host.describeRegion()).head)!;
  const options = { mapping: autoMap(header.headers), defaults: { year: 2024 } };
  const first = await runFill(host, options);
  await undoFill(host, first.undo!);
  expect((await host.describeRegion()).columnCount).toBe(5);
  const again = await runFill(host, options);
  expect(again.writtenArea).toEqual(first.writtenArea);
});

test("every XML part of a filled package with a summary sheet is well-formed (xmllint)", async () => {
  if (spawnSync("xmllint", ["--version"]).status !== 0) {
    if (process.env.CI === "true") throw new Error("xmllint is missing (apt-get install libxml2-utils)");
    console.warn("xmllint not installed: well-formedness of the written parts not checked");
    return;
  }
  const pkg = await packageOf(messyWorkbook());
  const host = new XlsxFillHost(pkg, { yieldBetweenCalls: false });
  const header = detectHeader((await host.describeRegion()).head)!;
  const result = await runFill(host, { mapping: autoMap(header.headers), defaults: { year: 2024 } });
  await host.writeSummarySheet(summaryLayout(result.summary, { sourceSheet: "名单" }));
  const saved = pkg.save();
  const xmlParts = readZip(saved).filter((e) => /\.(xml|rels)$/.test(e.name));
  expect(xmlParts.map((e) => e.name)).toEqual(
    expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"]),
  );
  for (const entry of xmlParts) {
    const lint = spawnSync("xmllint", ["--noout", "-"], { input: entryData(entry, portableCodec) });
    expect({ part: entry.name, errors: lint.stderr.toString() }).toEqual({ part: entry.name, errors: "" });
  }
});

/**
 * The fill engine end to end through the Office.js adapter and the Excel double: the messy
 * sheet, refusals before any write, conflicts, undo, cancel, refresh and formulas mode.
 */
import {
  autoMap,
  detectHeader,
  FillError,
  mappingSettingKey,
  OUTPUT_COLUMNS,
  prepareFill,
  runFill,
  undoFill,
  type ColumnMapping,
  type FillResult,
} from "../../../src/fill";
import { ExcelFillHost } from "../../../taskpane/excel";
import {
  installExcelDouble,
  uninstallExcelDouble,
  type DoubleOptions,
  type DoubleWorkbook,
} from "../../doubles/excel-double";
import { HEADERS, messyRows } from "./messy-sheet";

let workbook: DoubleWorkbook;
let host: ExcelFillHost;

function install(options: Partial<DoubleOptions> & { rows?: unknown[][] } = {}): DoubleWorkbook {
  const { rows, ...rest } = options;
  workbook = installExcelDouble(globalThis, {
    sheets: [{ name: "企业名单", cells: rows ?? messyRows(), merged: rows ? [] : ["A1:L1"] }],
    selection: "B6",
    ...rest,
  });
  host = new ExcelFillHost();
  return workbook;
}

function mappingOf(rows: unknown[][] = messyRows()): ColumnMapping {
  const header = detectHeader(rows as never)!;
  return autoMap(header.headers, { unitHint: header.unitHint });
}

afterEach(() => uninstallExcelDouble(globalThis));

const sheet = () => workbook.sheet("企业名单");
const FORMULAS_BEFORE = () => sheet().formulas("A1:T16");

describe("the messy sheet (header in row 4)", () => {
  let result: FillResult;
  beforeEach(async () => {
    install();
    result = await runFill(host, { mapping: mappingOf() });
  });

  test("writes the seven output columns right of the data, header row included", () => {
    expect(sheet().values("M4:S4")).toEqual([[...OUTPUT_COLUMNS]]);
    expect(result.writtenArea).toEqual({ top: 3, left: 12, rows: 11, columns: 7 });
    expect(result.completedRows).toBe(10);
    expect(result.totalRows).toBe(10);
    expect(result.cancelled).toBe(false);
    // Nothing left of the output block changed.
    expect(sheet().values("A1:L14")).toEqual(
      messyRows()
        .slice(0, 14)
        .map((row) => Array.from({ length: 12 }, (_, c) => normalise(row[c]))),
    );
  });

  test("amounts in 万元 from mixed units; a good row gets status, 依据 and 说明", () => {
    const [row5] = sheet().values("M5:S5");
    expect(row5.slice(0, 5)).toEqual([20, 60, "", 80, "可获奖励"]);
    expect(row5[5]).toBe("杭州市 杭政办函〔2024〕3号 一、五");
    expect(row5[6]).toContain("技改补助 60万元");
    expect(sheet().values("M10:P10")).toEqual([[20, 0, "", 20]]); // year from a date cell
  });

  test("bad rows: amounts EMPTY (not 0), 数据错误, 说明 names the column", () => {
    for (const row of [7, 9]) {
      const [cells] = sheet().values(`M${row}:S${row}`);
      expect(cells.slice(0, 4)).toEqual(["", "", "", ""]);
      expect(cells[4]).toBe("数据错误");
      expect(cells[6]).toContain("列“主营业务收入（元）”");
    }
    expect(sheet().values("S7")[0][0]).toContain("无法识别的金额“abc”");
    expect(sheet().values("S9")[0][0]).toContain("#N/A");
  });

  test("needs-data, duplicate and invalid credit codes are said in 说明", () => {
    expect(sheet().values("Q8")[0][0]).toBe("需补充数据");
    expect(sheet().values("M8")[0][0]).toBe("");
    expect(sheet().values("S5")[0][0]).toContain("与第11行重复");
    expect(sheet().values("S11")[0][0]).toContain("与第5行重复");
    expect(sheet().values("S12")[0][0]).toContain("校验位不符");
    expect(sheet().values("M12")[0][0]).toBe(10); // a failed check is a warning, not a rejection (R15)
    expect(sheet().values("M13:S13")).toEqual([["", "", "", "", "", "", ""]]);
    expect(sheet().values("S14")).toEqual([["合计行，未计算"]]);
  });

  test("summary: counts, total by year and by clause", () => {
    const s = result.summary;
    expect(s).toMatchObject({ rows: 8, filled: 6, errors: 2, needsData: 2, eligible: 4 });
    // 杭州甲 80万 + 晋城 20万 + 杭州庚 30万 (award known, tech missing) + 顺城 10万.
    expect(s.totalYuan).toBe(1_400_000);
    expect(s.byYear).toEqual([{ year: 2024, yuan: 1_400_000 }]);
    expect(s.byClause.reduce((n, c) => n + c.yuan, 0)).toBe(1_400_000);
    expect(s.byCategory.tech).toBe(600_000);
  });

  test("the confirmed mapping is remembered per workbook and sheet", async () => {
    expect(workbook.savedSettings.get(mappingSettingKey("企业名单"))).toMatchObject({
      version: 1,
      fields: { revenue: { header: "主营业务收入（元）", unit: "元" } },
    });
    const prepared = await prepareFill(host);
    expect(prepared.restored).toBe(true);
    expect(prepared.header?.headerRow).toBe(3);
    expect(prepared.mapping.revenue).toMatchObject({ column: 4, unit: "元" });
  });

  test("undo restores the output area exactly (empty cells stay empty)", async () => {
    const undone = await undoFill(host, result.undo!);
    expect(undone.restoredRows).toBe(11);
    expect(
      sheet()
        .formulas("M1:S16")
        .flat()
        .every((v) => v === ""),
    ).toBe(true);
    expect(sheet().usedArea()).toEqual({ top: 0, left: 0, rows: 14, columns: 12 });
  });

  test("a second fill refreshes its own columns without asking; undo brings back the first fill's output", async () => {
    const first = sheet().formulas("M4:S14");
    sheet().type("E5", [[21000000]]);
    const confirm = jest.fn(async (_conflicts: string) => true);
    const second = await runFill(host, { mapping: mappingOf() }, { confirmOverwrite: confirm });
    expect(confirm).not.toHaveBeenCalled();
    expect(second.refreshed).toBe(true);
    expect(second.writtenArea?.left).toBe(12);
    expect(sheet().values("T4")).toEqual([[""]]);
    expect(sheet().values("M5")).toEqual([[20]]);
    await undoFill(host, second.undo!);
    expect(sheet().formulas("M4:S14")).toEqual(first);
  });
});

function normalise(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return 45352; // 2024-03-01 as Excel stores it
  if (v === "26,000,000") return 26000000; // Excel parses typed grouping
  return v;
}

describe("nothing is written when the fill must not start", () => {
  test("a protected sheet: a clear Chinese message and no write at all", async () => {
    install({ sheets: [{ name: "企业名单", cells: messyRows(), protected: true }] });
    const before = FORMULAS_BEFORE();
    await expect(runFill(host, { mapping: mappingOf() })).rejects.toMatchObject({
      code: "protected",
      message: expect.stringContaining("受保护"),
    });
    expect(workbook.stats.writeSyncs).toBe(0);
    expect(FORMULAS_BEFORE()).toEqual(before);
  });

  test("a merged header cell: refused before writing; a merged title above it is fine", async () => {
    install({ sheets: [{ name: "企业名单", cells: messyRows(), merged: ["A1:L1", "B4:C4"] }] });
    const error = await runFill(host, { mapping: mappingOf() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FillError);
    expect(error).toMatchObject({ code: "merged", message: expect.stringContaining("B4:C4") });
    expect(workbook.stats.writeSyncs).toBe(0);
  });

  test("merged cells inside the output area: refused", async () => {
    install({ sheets: [{ name: "企业名单", cells: messyRows(), merged: ["N7:O7"] }] });
    await expect(runFill(host, { mapping: mappingOf() })).rejects.toMatchObject({
      code: "merged",
      message: expect.stringContaining("输出区域"),
    });
    expect(workbook.stats.cellsWritten).toBe(0);
  });

  test("no region column and no whole-sheet region; a stale mapping; an invalid default", async () => {
    install();
    const m = mappingOf();
    const { region: _r, creditCode: _c, ...noRegion } = m;
    await expect(runFill(host, { mapping: noRegion })).rejects.toMatchObject({ code: "no-region" });
    await expect(
      runFill(host, { mapping: { ...m, revenue: { column: 4, header: "营收（旧）" } } }),
    ).rejects.toMatchObject({ code: "mapping-stale" });
    await expect(runFill(host, { mapping: noRegion, defaults: { region: "北京市朝阳区" } })).rejects.toMatchObject({
      code: "bad-default",
    });
    expect(workbook.stats.writeSyncs).toBe(0);
  });
});

describe("cells the fill did not write", () => {
  const rows = () => {
    const r = messyRows().slice(3, 11); // header at row 1 of a table
    return r;
  };
  function installTable(): void {
    install({
      sheets: [
        {
          name: "企业名单",
          cells: rows(),
          tables: [{ name: "企业表", address: "A1:L8" }],
        },
      ],
      selection: "C3",
    });
    sheet().type("N3:P5", [
      ["手工备注", null, null],
      [null, "=1+1", null],
      [null, null, "'0123"],
    ]);
    sheet().type("S8", [["#N/A"]]);
  }

  test("asks first; declined ⇒ nothing written", async () => {
    installTable();
    const before = sheet().formulas("A1:T10");
    const confirm = jest.fn(async (_conflicts: string) => false);
    const result = await runFill(host, { mapping: mappingOf(rows()) }, { confirmOverwrite: confirm });
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0][0]).toContain("4 个非空单元格");
    expect(confirm.mock.calls[0][0]).toContain("N3“手工备注”");
    expect(result).toMatchObject({ declined: true, completedRows: 0, undo: null });
    expect(workbook.stats.writeSyncs).toBe(0);
    expect(sheet().formulas("A1:T10")).toEqual(before);
  });

  test("accepted ⇒ written; undo restores text, formulas, error constants and empties exactly", async () => {
    installTable();
    const before = sheet().formulas("A1:T10");
    const beforeValues = sheet().values("A1:T10");
    const result = await runFill(host, { mapping: mappingOf(rows()) }, { confirmOverwrite: async () => true });
    expect(result.completedRows).toBe(7);
    expect(sheet().values("M1")).toEqual([["升规奖励(万元)"]]);
    expect(sheet().values("N3")[0][0]).not.toBe("手工备注");
    await undoFill(host, result.undo!);
    expect(sheet().formulas("A1:T10")).toEqual(before);
    expect(sheet().values("A1:T10")).toEqual(beforeValues);
    expect(sheet().values("P5")).toEqual([["0123"]]); // text, not the number 123
    expect(sheet().get(7, 18)?.error).toBe(true); // #N/A constant is an error again
  });

  test("right of a table, a second fill recognises its own block by the header row and does not ask", async () => {
    installTable();
    await runFill(host, { mapping: mappingOf(rows()) }, { confirmOverwrite: async () => true });
    const ask = jest.fn(async (_conflicts: string) => false);
    const second = await runFill(host, { mapping: mappingOf(rows()) }, { confirmOverwrite: ask });
    expect(ask).not.toHaveBeenCalled();
    expect(second).toMatchObject({ refreshed: true, completedRows: 7 });
  });

  test("undo asks before overwriting cells changed after the fill", async () => {
    installTable();
    const result = await runFill(host, { mapping: mappingOf(rows()) }, { confirmOverwrite: async () => true });
    sheet().type("M2", [[999]]);
    const ask = jest.fn(async (_changes: string) => false);
    const undone = await undoFill(host, result.undo!, { confirmOverwrite: ask });
    expect(ask.mock.calls[0][0]).toContain("M2");
    expect(undone.declined).toBe(true);
    expect(sheet().values("M2")).toEqual([[999]]);
  });
});

describe("cancel and large sheets", () => {
  function bigRows(n: number): unknown[][] {
    const rows: unknown[][] = [["企业名称", "所属地区", "营业收入", "年度"]];
    for (let i = 0; i < n; i++) rows.push([`企业${i}`, i % 2 ? "杭州市" : "晋城市", 2000 + (i % 7), 2024]);
    return rows;
  }

  test("a cancelled fill leaves whole blocks written, says how far it got, and undo covers exactly that", async () => {
    const rows = bigRows(8_000);
    install({ rows, selection: "A2" });
    const controller = new AbortController();
    const progress: number[] = [];
    const result = await runFill(
      host,
      { mapping: mappingOf(rows) },
      {
        signal: controller.signal,
        onProgress: (done) => {
          progress.push(done);
          controller.abort();
        },
      },
    );
    expect(result.cancelled).toBe(true);
    expect(progress).toHaveLength(1); // aborted after the first block
    const done = progress[0];
    expect(done).toBeGreaterThanOrEqual(2_000); // a few thousand rows per block
    expect(done).toBeLessThan(8_000);
    expect(result.completedRows).toBe(done);
    expect(result.message).toContain(`已写入前 ${done} 行`);
    // Header row 1, data rows 2…done+1 written; the next row untouched.
    expect(sheet().values(`I${done + 1}:I${done + 2}`)).toEqual([["可获奖励"], [""]]);
    expect(sheet().usedArea()).toEqual({ top: 0, left: 0, rows: 8_001, columns: 11 });
    expect(result.undo?.area).toEqual({ top: 0, left: 4, rows: done + 1, columns: 7 });
    expect(result.summary.rows).toBe(done);
    await undoFill(host, result.undo!);
    expect(sheet().usedArea()).toEqual({ top: 0, left: 0, rows: 8_001, columns: 4 });
  });

  test("a write that fails mid-way: FillError with what was written, and its undo restores it", async () => {
    const rows = bigRows(8_000);
    install({ rows, selection: "A2" });
    const error = await runFill(
      host,
      { mapping: mappingOf(rows) },
      { onProgress: () => (sheet().protected = true) },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FillError);
    expect(error).toMatchObject({ code: "write-failed", message: expect.stringContaining("可用“撤销填充”恢复") });
    const partial = (error as FillError).partial as FillResult;
    expect(partial.completedRows).toBeGreaterThan(0);
    expect(partial.undo?.area.rows).toBe(partial.completedRows + 1);
    sheet().protected = false;
    await undoFill(host, partial.undo!);
    expect(sheet().usedArea()).toEqual({ top: 0, left: 0, rows: 8_001, columns: 4 });
  });

  test("cancelled while reading: nothing written", async () => {
    install();
    const controller = new AbortController();
    controller.abort();
    const result = await runFill(host, { mapping: mappingOf() }, { signal: controller.signal });
    expect(result).toMatchObject({
      cancelled: true,
      completedRows: 0,
      undo: null,
      message: "已取消：未写入任何单元格。",
    });
    expect(workbook.stats.writeSyncs).toBe(0);
  });

  test("blocks stay under the payload limit and calculation is suspended on every write", async () => {
    const rows = bigRows(8_000);
    install({ rows, selection: "A2" });
    workbook.resetStats();
    const progress: number[] = [];
    const result = await runFill(host, { mapping: mappingOf(rows) }, { onProgress: (d) => progress.push(d) });
    expect(result.completedRows).toBe(8_000);
    expect(progress[progress.length - 1]).toBe(8_000);
    expect(workbook.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(workbook.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(workbook.stats.writeSyncs).toBe(progress.length);
    expect(workbook.stats.writeSyncsWithCalculationSuspended).toBe(workbook.stats.writeSyncs);
    expect(workbook.stats.mergeUndoGroupRuns).toBe(1);
  });
});

describe("formulas mode", () => {
  test("=XSG.AWARD/TECH with the row's cells; units travel as text; derived tags as a literal", async () => {
    install();
    const result = await runFill(host, { mapping: mappingOf(), mode: "formulas" });
    expect(result.mode).toBe("formulas");
    const [award, tech, rent, total, status] = sheet().formulas("M5:Q5")[0];
    // A blank region cell falls back to the credit code (R12), as in values mode.
    expect(award).toBe('=XSG.AWARD(IF(D5="",C5,D5),IF(E5="","",E5&"元"),G5,H5,F5,L5&";亩均A")');
    expect(tech).toBe('=XSG.TECH(IF(D5="",C5,D5),K5,G5,H5,L5&";亩均A")');
    expect(rent).toBe(""); // no rent columns: nothing to refer to
    expect(total).toBe("=SUM(M5:O5)");
    expect(status).toBe("可获奖励");
    expect(sheet().formulas("M6")[0][0]).toBe(
      '=XSG.AWARD(IF(D6="",C6,D6),IF(E6="","",E6&"元"),G6,H6,F6,L6&";国有;亩均B")',
    );
  });

  test("a whole-sheet region and year become literals", async () => {
    const rows = [
      ["企业名称", "营业收入"],
      ["甲", 2500],
    ];
    install({ rows, selection: "A2" });
    await runFill(host, { mapping: mappingOf(rows), defaults: { region: "杭州市", year: 2024 }, mode: "formulas" });
    expect(sheet().formulas("C2")).toEqual([['=XSG.AWARD("杭州市",B2,2024)']]);
  });
});

test("HEADERS fixture matches the sheet", () => {
  expect(HEADERS).toHaveLength(12);
});

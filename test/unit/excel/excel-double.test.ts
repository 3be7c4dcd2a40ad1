/**
 * The test double must fail code that would fail in Excel: unloaded properties, writes to
 * protected sheets or parts of merged cells, null meaning "unchanged", oversized payloads,
 * proxies used after their Excel.run.
 */
import {
  installExcelDouble,
  uninstallExcelDouble,
  type DoubleWorkbook,
  jsonPayloadBytes,
} from "../../doubles/excel-double";

let workbook: DoubleWorkbook;

beforeEach(() => {
  workbook = installExcelDouble(globalThis, {
    sheets: [
      {
        name: "数据",
        cells: [
          ["企业名称", "营业收入"],
          ["甲", 2500],
          ["乙", "=B2*2"],
        ],
        merged: ["D1:E1"],
      },
      { name: "Locked", cells: [["x"]], protected: true },
    ],
    selection: "B2",
    apiVersion: "1.12",
  });
});

afterEach(() => uninstallExcelDouble(globalThis));

test("reading a property that was not loaded throws PropertyNotLoaded, after load+sync it works", async () => {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("数据").getRange("A1:B3");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(range.values).toEqual([
      ["企业名称", "营业收入"],
      ["甲", 2500],
      ["乙", 0],
    ]);
    expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });
});

test("writes parse like typing, null leaves a cell unchanged, '' clears, a quote keeps text", async () => {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("数据").getRange("A2:B3");
    range.formulas = [
      [null, "0123"],
      ["'0123", ""],
    ];
    await context.sync();
  });
  const sheet = workbook.sheet("数据");
  expect(sheet.values("A2:B3")).toEqual([
    ["甲", 123],
    ["0123", ""],
  ]);
  sheet.type("C1:C4", [["TRUE"], ["#N/A"], ["-x"], ["2024-03-01"]]);
  expect(sheet.values("C1:C4")).toEqual([[true], ["#N/A"], [0], [45352]]);
  expect(sheet.formulas("C3")).toEqual([["=-x"]]);
});

test("a write must match the range's shape", async () => {
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem("数据").getRange("A1:B2").values = [[1, 2]];
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidArgument" });
});

test("protected sheets and parts of merged cells refuse writes; an earlier operation of the batch stays applied", async () => {
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Locked").getRange("B1").values = [["y"]];
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "AccessDenied" });
  await expect(
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("数据");
      sheet.getRange("A5").values = [["first"]];
      sheet.getRange("E1").values = [["part of a merge"]];
      sheet.getRange("A6").values = [["never"]];
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidOperation" });
  expect(workbook.sheet("数据").values("A5:A6")).toEqual([["first"], [""]]);
  expect(workbook.sheet("Locked").values("B1")).toEqual([[""]]);
});

test("payloads are measured per sync and an oversized request fails like Excel on the web", async () => {
  workbook.maxPayloadBytes = 5_000;
  const big = Array.from({ length: 200 }, (_, i) => [`行${i}的说明文字`]);
  expect(jsonPayloadBytes(big)).toBeGreaterThan(5_000);
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem("数据").getRange("F1:F200").values = big;
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  expect(workbook.stats.maxRequestBytes).toBeGreaterThan(5_000);
  expect(workbook.sheet("数据").values("F1")).toEqual([[""]]);
});

test("Excel.run flushes queued operations; its proxies are invalid afterwards", async () => {
  let leaked: Excel.Range | undefined;
  await Excel.run(async (context) => {
    leaked = context.workbook.worksheets.getItem("数据").getRange("A8");
    leaked.values = [["flushed"]];
    return undefined as unknown as Promise<void>;
  }).catch((e) => expect(e).toMatchObject({ code: "RunMustReturnPromise" }));
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("数据").getRange("A9");
    range.values = [["flushed"]];
    leaked = range;
  });
  expect(workbook.sheet("数据").values("A9")).toEqual([["flushed"]]);
  leaked!.load("values");
  await expect(leaked!.context.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
});

test("null objects, guarded API sets and requirement checks", async () => {
  expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
  expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
  await Excel.run(async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject("无此表");
    missing.load("name");
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    const range = context.workbook.worksheets.getItem("数据").getRange("A1:E3");
    expect(() => range.getMergedAreasOrNullObject()).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
  });
});

test("settings persist only through saveAsync, selection events reach registered handlers", async () => {
  Office.context.document.settings.set("k", { a: 1 });
  expect(workbook.savedSettings.has("k")).toBe(false);
  await new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
  expect(workbook.savedSettings.get("k")).toEqual({ a: 1 });

  const seen: string[] = [];
  const registration = await Excel.run(async (context) => {
    const handler = context.workbook.worksheets.getActiveWorksheet().onSelectionChanged.add(async (e) => {
      seen.push(e.address);
    });
    await context.sync();
    return handler;
  });
  await workbook.select("C7");
  await Excel.run(registration.context, async (context) => {
    registration.remove();
    await context.sync();
  });
  await workbook.select("D9");
  expect(seen).toEqual(["C7"]);
});

test("counts round trips, not method calls", async () => {
  workbook.resetStats();
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("数据");
    sheet.load("name");
    sheet.getRange("A1").load("values");
    await context.sync();
    await context.sync(); // nothing queued: no round trip
  });
  expect(workbook.stats.syncs).toBe(1);
  expect(workbook.stats.requestBytes).toHaveLength(1);
});

test("derived ranges and addresses: getCell, getResizedRange, getOffsetRange, getUsedRange, tables", async () => {
  workbook.addTable(workbook.sheet("数据"), "T1", { top: 0, left: 0, rows: 3, columns: 2 });
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("数据");
    const base = sheet.getRange("B2");
    const cell = sheet.getRange("A1:C3").getCell(1, 2).load("address");
    const resized = base.getResizedRange(2, 1).load({ select: "address, rowCount, columnCount" } as never);
    const offset = base.getOffsetRange(1, -1).load(["address", "rowIndex", "columnIndex"]);
    const used = sheet.getUsedRange().load("address");
    const tables = sheet.getRange("B2").getTables(false).load("items/name");
    await context.sync();
    expect(cell.address).toBe("数据!C2");
    expect([resized.address, resized.rowCount, resized.columnCount]).toEqual(["数据!B2:C4", 3, 2]);
    expect([offset.address, offset.rowIndex, offset.columnIndex]).toEqual(["数据!A3", 2, 0]);
    expect(used.address).toBe("数据!A1:B3");
    expect(tables.items.map((t) => t.name)).toEqual(["T1"]);
    const bad = sheet.getRange("A1").getOffsetRange(-1, 0).load("address");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(() => bad.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });
});

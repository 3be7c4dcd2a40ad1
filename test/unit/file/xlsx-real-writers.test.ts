/**
 * The .xlsx editor (taskpane/file/xlsx) on what real writers produce and what a review found it
 * misread or corrupted: cells without r, shared formulas, quotes, line breaks, the 1904 date
 * system, templates, characters XML cannot hold, other zip writers. Each test states the behaviour.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import type { CellArea } from "../../../src/fill";
import { portableCodec } from "../../../taskpane/file/xlsx/codec";
import { XlsxPackage } from "../../../taskpane/file/xlsx/package";
import { entryData, readZip, writeZip } from "../../../taskpane/file/xlsx/zip";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { newWorkbook } from "../../../taskpane/file/xlsx/new-workbook";
import { filledFileName } from "../../../taskpane/file/open";
import { decode, encode, handmade, partText, RELS } from "./handmade-xlsx";

const all = (rows: number, columns: number): CellArea => ({ top: 0, left: 0, rows, columns });

// ---------------------------------------------------------------------------------------------

test("clearing a cell in a row whose cells have no r (OpenXML SDK style) keeps the cells after it in their columns", () => {
  // Cells A1, B1, C1 without r: their columns are inferred from their order.
  const sheet = "<sheetData><row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row></sheetData>";
  const pkg = XlsxPackage.open(handmade({ sheet }));
  expect(pkg.grid("数据").readValues(all(1, 3))).toEqual([[1, 2, 3]]);
  pkg.grid("数据").write({ top: 0, left: 1, rows: 1, columns: 1 }, [[null]]);
  const again = XlsxPackage.open(pkg.save()).grid("数据");
  // Expected: [1, null, 3]. The unstyled B1 is dropped, and the r-less third cell now reads as B1.
  expect(again.readValues(all(1, 3))).toEqual([[1, null, 3]]);
});

test("overwriting a cell among r-less cells keeps the columns", () => {
  // Documenting: overwriting B keeps column order, C (no r) still follows B → correct.
  const sheet = "<sheetData><row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row></sheetData>";
  const pkg = XlsxPackage.open(handmade({ sheet }));
  pkg.grid("数据").write({ top: 0, left: 1, rows: 1, columns: 1 }, [["x"]]);
  expect(XlsxPackage.open(pkg.save()).grid("数据").readValues(all(1, 3))).toEqual([[1, "x", 3]]);
});

test("a shared-formula master right after a self-closing cell is found in its own cell; children read their formulas", () => {
  // Excel writes styled empty cells as <c r="A1" s="1"/>; the master is B1.
  const sheet =
    '<sheetData><row r="1"><c r="A1" s="1"/><c r="B1"><f t="shared" ref="B1:B3" si="0">C1*2</f><v>6</v></c><c r="C1"><v>3</v></c></row>' +
    '<row r="2"><c r="B2"><f t="shared" si="0"/><v>8</v></c><c r="C2"><v>4</v></c></row>' +
    '<row r="3"><c r="B3"><f t="shared" si="0"/><v>10</v></c><c r="C3"><v>5</v></c></row></sheetData>';
  const grid = XlsxPackage.open(handmade({ sheet })).grid("数据");
  expect(grid.readContents({ top: 0, left: 1, rows: 3, columns: 1 })).toEqual([
    [{ formula: "=C1*2" }],
    [{ formula: "=C2*2" }],
    [{ formula: "=C3*2" }],
  ]);
});

test("overwriting a shared-formula master writes its children out in full, so no si is left without a master", () => {
  const sheet =
    '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>' +
    '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>' +
    '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row></sheetData>';
  const pkg = XlsxPackage.open(handmade({ sheet }));
  pkg.grid("数据").write({ top: 0, left: 1, rows: 1, columns: 1 }, [["表头"]]);
  const xml = partText(pkg.save(), "xl/worksheets/sheet1.xml")!;
  const children = (xml.match(/<f t="shared" si="0"\/>/g) ?? []).length;
  const masters = (xml.match(/<f t="shared" ref="[^"]*" si="0">/g) ?? []).length;
  // Every si used by a child needs a master (the cell with ref and the formula text).
  expect({ children, masters: masters > 0 || children === 0 }).toEqual({ children, masters: true });
});

test("a cell whose r attribute is single-quoted is read in its column", () => {
  // Legal XML (any XML writer may choose ' quotes); rows already handle it, cells do not.
  const sheet = "<sheetData><row r='1'><c r='A1'><v>1</v></c><c r='C1'><v>3</v></c></row></sheetData>";
  const grid = XlsxPackage.open(handmade({ sheet })).grid("数据");
  expect(grid.readValues(all(1, 3))).toEqual([[1, null, 3]]);
});

test("a CR in a written string is stored as _x000D_, as Excel does, so it reads back as CR", () => {
  const pkg = XlsxPackage.open(handmade({ sheet: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }));
  pkg.grid("数据").write({ top: 0, left: 1, rows: 1, columns: 1 }, [["第一行\r\n第二行"]]);
  const saved = pkg.save();
  // A literal CR would be normalised to LF by any XML parser; Excel writes and reads _x000D_.
  expect(partText(saved, "xl/worksheets/sheet1.xml")).toContain("第一行_x000D_\n第二行");
  expect(XlsxPackage.open(saved).grid("数据").readValues({ top: 0, left: 1, rows: 1, columns: 1 })).toEqual([
    ["第一行\r\n第二行"],
  ]);
});

test('a t="d" (ISO date) cell in a date1904 workbook reads as a 1900-system serial, the one the fill expects', () => {
  const sheet = '<sheetData><row r="1"><c r="A1" t="d"><v>2024-06-30T00:00:00</v></c></row></sheetData>';
  const pkg = XlsxPackage.open(
    handmade({
      sheet,
      workbookBody:
        '<workbookPr date1904="1"/><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/>',
    }),
  );
  expect(pkg.date1904).toBe(true);
  // 2024-06-30 is 45473 in the 1900 system (44011 in the 1904 system, what Excel's values give): the
  // fill reads dates in the 1900 system whatever the workbook's (src/fill/date-system.ts).
  expect(pkg.grid("数据").readValues(all(1, 1))).toEqual([[45473]]);
  expect(pkg.grid("数据").readContents(all(1, 1))).toEqual([[44011]]);
});

test('a t="d" date before 1900-03-01 gets Excel\'s serial (the 1900 leap-year bug)', () => {
  const sheet = '<sheetData><row r="1"><c r="A1" t="d"><v>1900-01-01T00:00:00</v></c></row></sheetData>';
  expect(XlsxPackage.open(handmade({ sheet })).grid("数据").readValues(all(1, 1))).toEqual([[1]]);
});

test("a cell the fill creates in a row formatted as a whole (customFormat s) takes the row's format", () => {
  const sheet = '<sheetData><row r="1" s="1" customFormat="1"><c r="A1" s="1"><v>1</v></c></row></sheetData>';
  const cellXfs = ['<xf numFmtId="0" fontId="0"/>', '<xf numFmtId="0" fontId="0" fillId="2" applyFill="1"/>'];
  const pkg = XlsxPackage.open(handmade({ sheet, cellXfs }));
  pkg.grid("数据").write({ top: 0, left: 2, rows: 1, columns: 1 }, [["新"]]);
  // Excel gives a cell typed into such a row the row's style (B1, its left neighbour, is absent).
  expect(partText(pkg.save(), "xl/worksheets/sheet1.xml")).toMatch(/<c r="C1" s="1"/);
});

// ---- zip containers from other writers ---------------------------------------------------

async function roundTripThrough(bytes: Uint8Array): Promise<void> {
  const pkg = XlsxPackage.open(bytes);
  pkg.grid("数据").write({ top: 0, left: 2, rows: 1, columns: 1 }, [["新"]]);
  const saved = pkg.save();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(saved as unknown as ArrayBuffer);
  expect(workbook.getWorksheet("数据")!.getCell("A1").value).toBe("名称");
  expect(workbook.getWorksheet("数据")!.getCell("C1").value).toBe("新");
  const unzip = spawnSync("unzip", ["-tq", "-"], { input: saved });
  if (unzip.status !== null && !unzip.error) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xsg-zip-"));
    fs.writeFileSync(path.join(dir, "a.xlsx"), saved);
    const test = spawnSync("unzip", ["-tq", path.join(dir, "a.xlsx")]);
    expect(test.stdout.toString()).toMatch(/No errors detected/);
  }
}

test("zips with data descriptors (JSZip streamFiles) and Info-ZIP streaming with extra fields and directory entries", async () => {
  const base = newWorkbook("数据", [["名称", 1]]);
  const source = await JSZip.loadAsync(base);
  const streamed = await source.generateAsync({ type: "uint8array", streamFiles: true, compression: "DEFLATE" });
  expect(streamed[6] & 0x8).toBe(0x8); // data descriptor flag on the first entry
  await roundTripThrough(streamed);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xsg-zip-"));
  for (const e of readZip(base)) {
    const file = path.join(dir, e.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, entryData(e, portableCodec));
  }
  // "zip -r - ." streams to a pipe: data descriptors, UT/ux extra fields, directory entries.
  const zipped = spawnSync("sh", ["-c", `cd '${dir}' && zip -q -r - . | cat`], { maxBuffer: 1 << 26 });
  if (zipped.status === 0) {
    const bytes = new Uint8Array(zipped.stdout);
    expect(readZip(bytes).some((e) => e.name.endsWith("/"))).toBe(true);
    await roundTripThrough(bytes);
  }
});

// ---- output naming vs. the package's content type ------------------------------------------

test("a template (.xltx/.xltm) is saved as a workbook: .xlsx/.xlsm with the workbook content type", () => {
  // Excel refuses a file whose extension does not match the main part's content type.
  expect(filledFileName("模板.xltm")).toBe("模板.filled.xlsm");
  expect(filledFileName("模板.xltx")).toBe("模板.filled.xlsx");
  const template = readZip(handmade({ sheet: "<sheetData/>" })).map((e) => {
    const data = entryData(e, portableCodec);
    if (e.name !== "[Content_Types].xml") return { name: e.name, data };
    return { name: e.name, data: encode(decode(data).replace("sheet.main+xml", "template.main+xml")) };
  });
  const saved = XlsxPackage.open(writeZip(template, portableCodec)).save();
  expect(partText(saved, "[Content_Types].xml")).toContain("spreadsheetml.sheet.main+xml");
  expect(partText(saved, "[Content_Types].xml")).not.toContain("template");
});

// ---- characters XML cannot hold ----------------------------------------------------------

test("U+FFFE/U+FFFF in a written string are escaped, so the sheet stays well-formed", () => {
  if (spawnSync("xmllint", ["--version"]).status !== 0) return;
  const pkg = XlsxPackage.open(handmade({ sheet: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }));
  pkg.grid("数据").write({ top: 0, left: 1, rows: 1, columns: 1 }, [["a\uffffb"]]);
  const entry = readZip(pkg.save()).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
  const lint = spawnSync("xmllint", ["--noout", "-"], { input: entryData(entry, portableCodec) });
  expect(lint.stderr.toString()).toBe("");
});

// ---- shapes real writers produce that are handled --------------------------------------------

test("BOM, XML declaration, pretty-printed rows, newline-separated attributes, rich inline strings", () => {
  const sheet =
    '<dimension ref="A1:B2"/>\n  <sheetData>\n    <row r="1"\n      spans="1:2">\n      <c r="A1"\n        t="inlineStr"><is><r><rPr><color rgb="FFFF0000"/></rPr><t>红</t></r><r><t xml:space="preserve"> 字</t></r></is></c>\n' +
    '      <c\tr="B1"><v>1E-3</v></c>\n    </row>\n    <row r="2"><c r="A2"><v>-0</v></c><c r="B2" t="s"><v>0</v></c></row>\n  </sheetData>\n' +
    '  <sheetProtection sheet="1"/>\n  <mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>\n  <conditionalFormatting sqref="A1:B2"><cfRule type="cellIs" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>';
  const bytes = handmade({ sheet, strings: "<si><t>𠀀😀</t></si>" });
  // Put a BOM and a declaration in front of the sheet part.
  const entries = readZip(bytes).map((e) => {
    const data = entryData(e, portableCodec);
    if (e.name !== "xl/worksheets/sheet1.xml") return { name: e.name, data };
    const text = '\ufeff<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' + decode(data);
    return { name: e.name, data: encode(text) };
  });
  const pkg = XlsxPackage.open(writeZip(entries, portableCodec));
  const grid = pkg.grid("数据");
  expect(grid.readValues(all(2, 2))).toEqual([
    ["红 字", 0.001],
    [-0, "𠀀😀"],
  ]);
  expect(grid.protected).toBe(true);
  expect(grid.mergedAreas()).toEqual([{ top: 2, left: 0, rows: 1, columns: 2 }]);
  grid.write({ top: 0, left: 2, rows: 2, columns: 1 }, [["]]>&<\"'😀"], [1e21]]);
  const saved = pkg.save();
  const again = XlsxPackage.open(saved).grid("数据");
  expect(again.readValues(all(2, 3))).toEqual([
    ["红 字", 0.001, "]]>&<\"'😀"],
    [-0, "𠀀😀", 1e21],
  ]);
  if (spawnSync("xmllint", ["--version"]).status === 0) {
    const lint = spawnSync("xmllint", ["--noout", "-"], {
      input: encode(partText(saved, "xl/worksheets/sheet1.xml")!),
    });
    expect(lint.stderr.toString()).toBe("");
  }
});

test("calcPr goes after definedNames when the workbook has none; absolute sheet targets resolve", () => {
  const body =
    '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets>' +
    '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">数据!$A$1:$B$2</definedName></definedNames>' +
    "<pivotCaches/>";
  const rels = `<Relationship Id="rId1" Type="${RELS}/worksheet" Target="/xl/worksheets/sheet1.xml"/>`;
  const pkg = XlsxPackage.open(handmade({ sheet: "<sheetData/>", workbookBody: body, workbookRels: rels }));
  pkg.grid("数据").write({ top: 0, left: 0, rows: 1, columns: 1 }, [[1]]);
  const workbook = partText(pkg.save(), "xl/workbook.xml")!;
  expect(workbook).toContain('</definedNames><calcPr fullCalcOnLoad="1"/><pivotCaches/>');
});

test("text in CDATA sections reads as it is written", () => {
  const sheet =
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b & c]]></t></is></c><c r="B1" t="s"><v>0</v></c></row></sheetData>';
  const grid = XlsxPackage.open(handmade({ sheet, strings: "<si><t>x &amp; <![CDATA[<y>]]></t></si>" })).grid("数据");
  expect(grid.readValues(all(1, 2))).toEqual([["a<b & c", "x & <y>"]]);
});

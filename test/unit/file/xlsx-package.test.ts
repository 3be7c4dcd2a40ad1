/**
 * XlsxPackage and SheetGrid on the shapes real writers produce that a library-made test file
 * never has: namespace prefixes (.NET), rows and cells without r, inline and phonetic strings,
 * shared formulas, ISO dates, a self-closing sheetData, a calculation chain. Plus a property:
 * whatever is written reads back exactly, after a save, and nothing else changes.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import type { CellArea, CellContent } from "../../../src/fill";
import { crc32, portableCodec, wholeSink } from "../../../taskpane/file/xlsx/codec";
import { XlsxPackage } from "../../../taskpane/file/xlsx/package";
import { entryData, readZip, writeZip, ZipFormatError } from "../../../taskpane/file/xlsx/zip";
import { shiftFormula } from "../../../taskpane/file/xlsx/formula-shift";
import { newWorkbook } from "../../../taskpane/file/xlsx/new-workbook";
import { finishInSlices } from "../../../taskpane/file/xlsx/steps";
import { openWorkbook, openWorkbookSteps, WorkbookOpenError } from "../../../taskpane/file/open";
import { decode, encode, handmade, partText } from "./handmade-xlsx";

const all = (rows: number, columns: number): CellArea => ({ top: 0, left: 0, rows, columns });

test("a .NET-style package: every element prefixed, rows and cells without r", () => {
  const sheet =
    '<x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>企业名称</x:t></x:is></x:c><x:c><x:v>2500</x:v></x:c></x:row>' +
    '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>1.5</x:v></x:c></x:row></x:sheetData>';
  const pkg = XlsxPackage.open(handmade({ sheet, prefix: "x", strings: "<x:si><x:t>甲公司</x:t></x:si>" }));
  const grid = pkg.grid("数据");
  expect(grid.usedArea()).toEqual(all(2, 2));
  expect(grid.readValues(all(2, 2))).toEqual([
    ["企业名称", 2500],
    ["甲公司", 1.5],
  ]);
  grid.write({ top: 0, left: 2, rows: 3, columns: 1 }, [["合计"], [3], ["新行"]]);
  const saved = XlsxPackage.open(pkg.save());
  expect(saved.grid("数据").readValues(all(3, 3))).toEqual([
    ["企业名称", 2500, "合计"],
    ["甲公司", 1.5, 3],
    [null, null, "新行"],
  ]);
  expect(partText(pkg.save(), "xl/worksheets/sheet1.xml")).toContain('<x:row r="3"><x:c r="C3" t="inlineStr"><x:is>');
});

test("strings: rich runs joined, phonetic runs left out, entities and _xHHHH_ decoded; types b, e, str, d", () => {
  const strings =
    '<si><r><t>丙</t></r><r><rPr><b/></rPr><t>公司</t></r><rPh sb="0" eb="1"><t>ヘイ</t></rPh></si>' +
    '<si><t xml:space="preserve"> A&amp;B_x000D_ </t></si>';
  const sheet =
    '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="b"><v>1</v></c>' +
    '<c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="F1" t="d"><v>2024-06-30T00:00:00</v></c>' +
    '<c r="G1" s="3"/><c r="H1"><f>1/0</f></c></row></sheetData>';
  const grid = XlsxPackage.open(handmade({ sheet, strings })).grid("数据");
  expect(grid.readValues(all(1, 8))[0]).toEqual([
    "丙公司",
    " A&B\r ",
    true,
    { error: "#DIV/0!" },
    "xy",
    45473,
    null,
    // A formula without a stored result is never read as blank or 0 (the fill's 说明 says so).
    { error: "#未计算", uncalculated: true },
  ]);
  expect(grid.readContents(all(1, 8))[0]).toEqual([
    "丙公司",
    " A&B\r ",
    true,
    { error: "#DIV/0!" },
    { formula: '="x"&"y"' },
    45473,
    null,
    { formula: "=1/0" },
  ]);
  // A styled empty cell and a formula without a cached value do not widen the used area by themselves.
  expect(grid.usedArea()).toEqual(all(1, 8));
});

test("shared formulas read as their own text in each cell; the file keeps them shared", () => {
  const sheet =
    '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1</f><v>3</v></c></row>' +
    '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>5</v></c></row>' +
    '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>7</v></c></row></sheetData>';
  const pkg = XlsxPackage.open(handmade({ sheet }));
  const grid = pkg.grid("数据");
  expect(grid.readContents({ top: 0, left: 1, rows: 3, columns: 1 })).toEqual([
    [{ formula: "=A1*2+$A$1" }],
    [{ formula: "=A2*2+$A$1" }],
    [{ formula: "=A3*2+$A$1" }],
  ]);
  expect(grid.readValues({ top: 0, left: 1, rows: 3, columns: 1 })).toEqual([[3], [5], [7]]);
  grid.write({ top: 0, left: 2, rows: 1, columns: 1 }, [["x"]]);
  expect(partText(pkg.save(), "xl/worksheets/sheet1.xml")).toContain('<c r="B2"><f t="shared" si="0"/><v>5</v></c>');
});

test("formula text moves like Excel's: relative parts only, strings and function names untouched", () => {
  expect(shiftFormula("A1*2+$A$1+B$2+$C3", 2, 1)).toBe("B3*2+$A$1+C$2+$C5");
  expect(shiftFormula('IF(A1="B2",LOG10(A1),Sheet2!A1)', 1, 0)).toBe('IF(A2="B2",LOG10(A2),Sheet2!A2)');
  expect(shiftFormula("SUM(A1:A3)", 0, 0)).toBe("SUM(A1:A3)");
});

test("writes land in column order among kept cells, in new rows between old ones, into a self-closing sheetData", () => {
  const sheet =
    '<dimension ref="A1:E3"/><sheetData><row r="1" spans="1:5"><c r="A1"><v>1</v></c><c r="E1"><v>5</v></c></row>' +
    '<row r="3" spans="1:1"><c r="A3"><v>3</v></c></row></sheetData>';
  const pkg = XlsxPackage.open(handmade({ sheet }));
  pkg.grid("数据").write({ top: 0, left: 2, rows: 4, columns: 2 }, [
    ["c1", "d1"],
    ["c2", null],
    [true, 4.25],
    [{ formula: "=A1+1" }, { error: "#N/A" }],
  ]);
  const xml = partText(pkg.save(), "xl/worksheets/sheet1.xml")!;
  expect(xml).toContain('<dimension ref="A1:E4"/>');
  expect(xml.indexOf('r="C1"')).toBeGreaterThan(xml.indexOf('r="A1"'));
  expect(xml.indexOf('r="E1"')).toBeGreaterThan(xml.indexOf('r="D1"'));
  expect(xml.indexOf('<row r="2">')).toBeLessThan(xml.indexOf('<row r="3"'));
  const again = XlsxPackage.open(pkg.save()).grid("数据");
  expect(again.readContents(all(4, 5))).toEqual([
    [1, null, "c1", "d1", 5],
    [null, null, "c2", null, null],
    [3, null, true, 4.25, null],
    [null, null, { formula: "=A1+1" }, { error: "#N/A" }, null],
  ]);

  const empty = XlsxPackage.open(handmade({ sheet: "<sheetData/>" }));
  expect(empty.grid("数据").usedArea()).toBeNull();
  empty.grid("数据").write({ top: 1, left: 1, rows: 1, columns: 1 }, [["只有我"]]);
  expect(XlsxPackage.open(empty.save()).grid("数据").readValues({ top: 1, left: 1, rows: 1, columns: 1 })).toEqual([
    ["只有我"],
  ]);
});

test("a changed workbook drops its calculation chain and recalculates on open; an unchanged one is copied whole", async () => {
  const sheet = '<sheetData><row r="2"><c r="B2"><f>1+1</f><v>2</v></c></row></sheetData>';
  const bytes = handmade({ sheet, calcChain: true });
  const untouched = XlsxPackage.open(bytes).save();
  expect(readZip(untouched).map((e) => [e.name, crc32(e.raw)])).toEqual(
    readZip(bytes).map((e) => [e.name, crc32(e.raw)]),
  );

  const pkg = XlsxPackage.open(bytes);
  pkg.grid("数据").write({ top: 1, left: 1, rows: 1, columns: 1 }, [[7]]);
  const saved = pkg.save();
  expect(readZip(saved).map((e) => e.name)).not.toContain("xl/calcChain.xml");
  expect(partText(saved, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
  expect(partText(saved, "[Content_Types].xml")).not.toContain("calcChain");
  expect(partText(saved, "xl/workbook.xml")).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(saved as unknown as ArrayBuffer);
  expect(workbook.getWorksheet("数据")!.getCell("B2").value).toBe(7);
});

test("zip: stored entries read, corruption and unsupported files refused with a reason", () => {
  const stored = writeZip([{ name: "a.txt", data: encode("hello") }], {
    ...portableCodec,
    deflater: () => wholeSink((data) => data),
  });
  // Rewrite the method to "stored" in both headers: the data was not compressed.
  const view = new DataView(stored.buffer);
  view.setUint16(8, 0, true);
  const central = stored.length - 22 - 46 - "a.txt".length;
  view.setUint16(central + 10, 0, true);
  expect(decode(entryData(readZip(stored)[0], portableCodec))).toBe("hello");

  const good = writeZip([{ name: "a.txt", data: encode("hello hello hello") }], portableCodec);
  const corrupt = good.slice();
  corrupt[30 + "a.txt".length] ^= 0xff;
  expect(() => entryData(readZip(corrupt)[0], portableCodec)).toThrow(ZipFormatError);
  expect(() => readZip(encode("PK not a zip at all"))).toThrow("找不到 zip 目录");
});

const contentArb: fc.Arbitrary<CellContent> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.string({ unit: "binary", maxLength: 12 }).filter((s) => s !== "" && !/[\ud800-\udfff]/.test(s)),
  fc.constantFrom({ formula: "=A1+1" }, { formula: '=IF(B2>0,"是","否")' }, { error: "#N/A" }, { error: "#VALUE!" }),
);

test("property: any block written into a generated workbook reads back exactly after a save; other cells unchanged", async () => {
  const base = newWorkbook("数据", [
    ["名称", "金额", null, "备注"],
    ["甲", 1, null, "x"],
    [null, 2.5, "中间", null],
  ]);
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 0, max: 5 }),
      fc.array(fc.array(contentArb, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
      async (top, left, cells) => {
        const pkg = XlsxPackage.open(base);
        const area = { top, left, rows: cells.length, columns: 3 };
        const original = pkg.grid("数据").readContents(all(10, 9));
        pkg.grid("数据").write(area, cells);
        const after = XlsxPackage.open(pkg.save()).grid("数据").readContents(all(10, 9));
        for (let r = 0; r < 10; r++) {
          for (let c = 0; c < 9; c++) {
            const inside = r >= top && r < top + cells.length && c >= left && c < left + 3;
            const expected = inside ? cells[r - top][c - left] : original[r][c];
            expect(after[r][c]).toEqual(expected === "" ? null : expected);
          }
        }
      },
    ),
    { numRuns: 150 },
  );
});

test("open and save in pieces: the page's sliced run gives the same workbook, with progress that only grows", async () => {
  const rows = Array.from({ length: 12_000 }, (_, i) => [`企业${i}`, i * 1.5, i % 7 === 0 ? null : "备注"]);
  const bytes = newWorkbook("数据", [["企业名称", "金额", "备注"], ...rows]);
  const progress: number[] = [];
  let pauses = 0;
  const pause = async () => void pauses++;
  const sliced = await finishInSlices(openWorkbookSteps(bytes, "大表.xlsx"), (f) => progress.push(f), pause, 0);
  expect(pauses).toBeGreaterThan(5);
  expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= progress[i - 1]))).toBe(true);
  const whole = openWorkbook(bytes, "大表.xlsx");
  const area = all(12_001, 3);
  expect(sliced.grid("数据").readValues(area)).toEqual(whole.grid("数据").readValues(area));

  for (const pkg of [sliced, whole])
    pkg.grid("数据").write({ top: 0, left: 3, rows: 12_001, columns: 1 }, [["输出"], ...rows.map((_, i) => [i])]);
  const saved = await finishInSlices(sliced.saveSteps(), undefined, pause, 0);
  expect(readZip(saved).map((e) => [e.name, e.crc, e.size])).toEqual(
    readZip(whole.save()).map((e) => [e.name, e.crc, e.size]),
  );
});

test("a damaged sheet is refused with the row it breaks on, not misread", () => {
  const refusal = (sheet: string): string => {
    try {
      openWorkbook(handmade({ sheet }), "坏表.xlsx");
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbookOpenError);
      return (error as Error).message;
    }
    throw new Error("accepted");
  };
  expect(refusal('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v>')).toMatch(
    /^无法读取“坏表\.xlsx”.*工作表数据不完整：缺少结束标记/,
  );
  expect(refusal('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"/></sheetData>')).toMatch(
    /工作表第 2 行：行没有结束标记/,
  );
  expect(refusal('<sheetData><row r="3"><c r="A3"><v>1</v></c></row><row r="2"></row></sheetData>')).toMatch(
    /工作表第 2 行：行号顺序异常/,
  );
  expect(refusal('<sheetData><row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData>')).toMatch(
    /工作表第 1 行：单元格顺序异常/,
  );
  expect(refusal('<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>')).toMatch(/工作表第 1 行：单元格不完整/);
});

test("a damaged part XSG would rewrite is refused with its name, not carried into the output", () => {
  const damaged = handmade({
    sheet:
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c></row></sheetData><pageMargins left="0.7">',
  });
  const pkg = XlsxPackage.open(damaged);
  pkg.grid("数据").write({ top: 0, left: 1, rows: 1, columns: 1 }, [["合计"]]);
  expect(() => pkg.save()).toThrow(/xl\/worksheets\/sheet1\.xml.*XML 格式错误/);
});

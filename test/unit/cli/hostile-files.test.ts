/**
 * Regressions from real and hostile files (issue 12): each builds the smallest file that showed
 * the fault, fills it with `xsg fill`, and checks the result with readers that share no code
 * with XSG (JSZip with CRC checks, exceljs, an XML well-formedness check).
 */
import * as fs from "fs";
import { autoMap, detectHeader, OUTPUT_COLUMNS, runFill, summaryLayout } from "../../../src/fill";
import { XlsxPackage } from "../../../taskpane/file/xlsx/package";
import { XlsxFillHost } from "../../../taskpane/file/xlsx-fill-host";
import { portableCodec } from "../../../taskpane/file/xlsx/codec";
import { MAX_CSV_BYTES } from "../../../taskpane/file/xlsx/limits";
import { excelSerialToDate } from "../../../src/parse/excelDate";
import { openWorkbook } from "../../../taskpane/file/open";
import { entryData, readZip, writeZip } from "../../../taskpane/file/xlsx/zip";
import { encode, handmade, MAIN, partText, rewritePart } from "../file/handmade-xlsx";
import { independentProblems } from "../file/independent-check";
import { ENTERPRISE, fillBytes, LEDGER_HEADER, ledgerSheet, rowXml } from "./hostile";
import { tempDir, xsg } from "./helpers";

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("rows 2–4 then a row at 6000: the output's CRCs are right (an empty chunk no longer resets the CRC)", async () => {
  const rows = new Map<number, readonly (string | number | null)[]>([
    [2, ENTERPRISE],
    [3, ["乙公司", "杭州市萧山区", 2600, 2024]],
    [4, ["丙公司", "杭州市萧山区", 2700, 2024]],
    [6000, ["丁公司", "杭州市萧山区", 2800, 2024]],
  ]);
  const filled = await fillBytes(dir, handmade({ sheet: ledgerSheet(rows) }));
  expect(filled.run.code).toBe(0);
  expect(await independentProblems(filled.outputBytes!)).toEqual([]);
});

test("a summary sheet added to an openpyxl/pandas workbook (r: declared on each <sheet>) is well-formed", async () => {
  const bytes = handmade({
    sheet: ledgerSheet([ENTERPRISE]),
    workbookBody:
      '<sheets><sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="数据" sheetId="1" r:id="rId1"/></sheets>',
  });
  const workbookWithoutRootR = (xml: string) => xml.replace(/ xmlns:r="[^"]*">/, ">");
  const pkg = XlsxPackage.open(rewritePart(bytes, "xl/workbook.xml", workbookWithoutRootR));
  const host = new XlsxFillHost(pkg, { yieldBetweenCalls: false });
  const header = detectHeader((await host.describeRegion()).head)!;
  const result = await runFill(host, { mapping: autoMap(header.headers), defaults: { year: 2024 } });
  await host.writeSummarySheet(summaryLayout(result.summary, { sourceSheet: "数据" }));
  const saved = pkg.save();
  expect(partText(saved, "xl/workbook.xml")).not.toMatch(/<workbook [^>]*xmlns:r=/);
  expect(await independentProblems(saved)).toEqual([]);
});

/** Exit 2, a Chinese message naming the file, nothing written, the input unchanged. */
async function refused(bytes: Uint8Array | string, ...expected: (string | RegExp)[]): Promise<string> {
  const filled = await fillBytes(dir, bytes);
  expect({ code: filled.run.code, written: filled.outputBytes !== null }).toEqual({ code: 2, written: false });
  expect(filled.run.stderr).toContain("台账.xlsx");
  expect(filled.run.stderr).not.toMatch(/\bat \w|Error:|TypeError|RangeError|Invalid|undefined/);
  for (const e of expected) expect(filled.run.stderr).toMatch(e);
  expect(new Uint8Array(fs.readFileSync(filled.input))).toEqual(typeof bytes === "string" ? encode(bytes) : bytes);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  return filled.run.stderr;
}

describe("broken XML ends in exit 2 with a Chinese message, quickly, never a hang", () => {
  test("an unclosed element in a cell (<is><t>甲公司</is>) names the sheet", async () => {
    const sheet = ledgerSheet([ENTERPRISE]).replace("<t>甲公司</t>", "<t>甲公司");
    await refused(handmade({ sheet }), "工作表“数据”", "没有结束标记");
  });

  test("a Relationship without />", async () => {
    const bytes = rewritePart(handmade({ sheet: ledgerSheet([ENTERPRISE]) }), "xl/_rels/workbook.xml.rels", (xml) =>
      xml.replace('sheet1.xml"/>', 'sheet1.xml">'),
    );
    await refused(bytes, "xl/_rels/workbook.xml.rels", "没有结束标记");
  });

  test("an unclosed CDATA section in a cell", async () => {
    const sheet = ledgerSheet([ENTERPRISE]).replace("<t>甲公司</t>", "<t><![CDATA[甲公司</t>");
    await refused(handmade({ sheet }), "CDATA");
  });

  test("a character reference beyond Unicode (&#x110000;)", async () => {
    const sheet = ledgerSheet([ENTERPRISE]).replace("<t>甲公司</t>", "<t>甲&#x110000;公司</t>");
    await refused(handmade({ sheet }), "字符引用");
  });

  test("invalid UTF-8 in a sheet part is refused, not rewritten as U+FFFD", async () => {
    const bytes = rewriteBytes(
      handmade({ sheet: ledgerSheet([ENTERPRISE, ["乙公司", "杭州市萧山区", 2600, 2024]]) }),
      "xl/worksheets/sheet1.xml",
      (data) => {
        const at = indexOfText(data, "乙公司");
        const out = data.slice();
        out[at + 1] = 0xff; // a stray byte in the middle of 乙
        return out;
      },
    );
    await refused(bytes, "UTF-8");
  });

  test("a row beyond Excel's 1,048,576 rows or a cell beyond column XFD", async () => {
    await refused(
      handmade({
        sheet: ledgerSheet(
          new Map([
            [2, ENTERPRISE],
            [1_048_577, ENTERPRISE],
          ]),
        ),
      }),
      "1048576",
    );
    const wide = ledgerSheet([ENTERPRISE]).replace("</row></sheetData>", '<c r="XFE2"><v>1</v></c></row></sheetData>');
    await refused(handmade({ sheet: wide }), "16384");
  });
});

describe("the zip container", () => {
  test("two entries of the same name are refused (readers disagree on which one counts)", async () => {
    const parts = readZip(handmade({ sheet: ledgerSheet([ENTERPRISE]) }));
    const twice = writeZip(
      [...parts.map((copy) => ({ copy })), { copy: parts.find((p) => p.name.endsWith("sheet1.xml"))! }],
      portableCodec,
    );
    await refused(twice, "同名", "sheet1.xml");
  });

  test("a zip bomb is refused from its declared size, before inflating", async () => {
    const bytes = declareSize(
      handmade({ sheet: ledgerSheet([ENTERPRISE]) }),
      "xl/worksheets/sheet1.xml",
      3_000_000_000,
    );
    await refused(bytes, "超过可处理的上限", "sheet1.xml");
  });

  test("a part inflating beyond its declared size stops at that size", async () => {
    const zeros = new Uint8Array(16 * 1024 * 1024); // 16 MB of zeros deflate to ~16 KB
    const sheet = encode(`<worksheet xmlns="${MAIN}"><sheetData>`);
    const body = new Uint8Array(sheet.length + zeros.length);
    body.set(sheet);
    const parts = readZip(handmade({ sheet: ledgerSheet([ENTERPRISE]) })).map((copy) =>
      copy.name.endsWith("sheet1.xml") ? { name: copy.name, data: body } : { copy },
    );
    const bomb = declareSize(writeZip(parts, portableCodec), "xl/worksheets/sheet1.xml", 1000);
    const before = process.memoryUsage().rss;
    await refused(bomb, "sheet1.xml", "损坏");
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });
});

/** The package with one part's bytes changed. */
function rewriteBytes(bytes: Uint8Array, name: string, change: (data: Uint8Array) => Uint8Array): Uint8Array {
  return writeZip(
    readZip(bytes).map((e) => (e.name === name ? { name, data: change(entryData(e, portableCodec)) } : { copy: e })),
    portableCodec,
  );
}

function indexOfText(data: Uint8Array, text: string): number {
  return Buffer.from(data).indexOf(Buffer.from(text));
}

/** The zip with the uncompressed size of `name` rewritten in its central and local headers. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const nameBytes = Buffer.from(name);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (!Buffer.from(out.subarray(at + 46, at + 46 + length)).equals(nameBytes)) continue;
    view.setUint32(at + 24, size >>> 0, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, size >>> 0, true);
  }
  return out;
}

describe("the output file", () => {
  const input = () => handmade({ sheet: ledgerSheet([ENTERPRISE]) });

  test("an existing output is left alone without --force, replaced with it; a read-only one never", async () => {
    fs.writeFileSync(`${dir}/台账.xlsx`, input());
    fs.writeFileSync(`${dir}/结果.xlsx`, "官员自己的文件");
    const refusedRun = await xsg(["fill", "台账.xlsx", "-o", "结果.xlsx", "--year", "2024"], dir);
    expect(refusedRun.code).toBe(2);
    expect(refusedRun.stderr).toContain("已存在");
    expect(refusedRun.stderr).toContain("--force");
    expect(fs.readFileSync(`${dir}/结果.xlsx`, "utf8")).toBe("官员自己的文件");

    const forced = await xsg(["fill", "台账.xlsx", "-o", "结果.xlsx", "--year", "2024", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(await independentProblems(new Uint8Array(fs.readFileSync(`${dir}/结果.xlsx`)))).toEqual([]);

    fs.writeFileSync(`${dir}/只读.xlsx`, "只读");
    fs.chmodSync(`${dir}/只读.xlsx`, 0o444);
    const readOnly = await xsg(["fill", "台账.xlsx", "-o", "只读.xlsx", "--year", "2024", "--force"], dir);
    // root may write anyway; the policy is about the official's intent, told by the mode bits.
    expect(readOnly.code).toBe(2);
    expect(readOnly.stderr).toContain("只读");
    expect(fs.readFileSync(`${dir}/只读.xlsx`, "utf8")).toBe("只读");
  });

  test("system errors are said in Chinese (no ENOENT, no English), exit 2, no temporary file", async () => {
    fs.writeFileSync(`${dir}/台账.xlsx`, input());
    const missingFolder = await xsg(["fill", "台账.xlsx", "-o", "没有的文件夹/结果.xlsx", "--year", "2024"], dir);
    expect(missingFolder.code).toBe(2);
    expect(missingFolder.stderr).toContain("文件或文件夹不存在");
    expect(missingFolder.stderr).not.toMatch(/ENOENT|no such file/i);
    const folderAsInput = await xsg(["fill", ".", "--year", "2024"], dir);
    expect(folderAsInput.code).toBe(2);
    expect(folderAsInput.stderr).toContain("文件夹");
    expect(folderAsInput.stderr).not.toMatch(/EISDIR|illegal operation/i);
    fs.mkdirSync(`${dir}/结果目录.xlsx`);
    const outputFolder = await xsg(["fill", "台账.xlsx", "-o", "结果目录.xlsx", "--year", "2024"], dir);
    expect(outputFolder.code).toBe(2);
    expect(outputFolder.stderr).toContain("是一个文件夹");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("an enterprise name holding terminal escape sequences is printed harmlessly", async () => {
    const sheet = ledgerSheet([["\u001b[2J\u009b31m坏公司\u202e", "杭州市萧山区", "不是数", 2024]]);
    const filled = await fillBytes(dir, handmade({ sheet }));
    expect(filled.run.code).toBe(1);
    expect(filled.run.stdout).toContain("\\u001b[2J\\u009b31m坏公司\\u202e");
    for (const raw of ["\u001b", "\u009b", "\u202e"]) expect(filled.run.stdout).not.toContain(raw);
  });
});

test("a shared formula whose ref spans the sheet (E2:XFD1048576) in an output column: only existing cells are visited", async () => {
  const header = rowXml(1, [...LEDGER_HEADER, ...OUTPUT_COLUMNS]);
  const master = '<c r="E2"><f t="shared" ref="E2:XFD1048576" si="0">C2*0</f><v>0</v></c>';
  const child = '<c r="L2"><f t="shared" si="0"/><v>0</v></c>';
  const row2 = rowXml(2, ENTERPRISE, master + child);
  const filled = await fillBytes(dir, handmade({ sheet: `<sheetData>${header}${row2}</sheetData>` }));
  expect(filled.run.code).toBe(0);
  expect(await independentProblems(filled.outputBytes!)).toEqual([]);
  // The child of the overwritten master keeps its meaning with its own formula text.
  expect(partText(filled.outputBytes!, "xl/worksheets/sheet1.xml")).toContain('<c r="L2"><f>J2*0</f><v>0</v></c>');
}, 10_000);

describe("hostile and awkward CSVs", () => {
  const header = "企业名称,所属地区,主营业务收入（万元）,首次入库年份";

  test("one stray byte in a UTF-8 CSV: still read as UTF-8 (not as GB18030 mojibake)", async () => {
    const [before, after] = [`${header}\n甲公司`, ",杭州市萧山区,2500,2024\n乙公司,杭州市萧山区,2600,2024\n"].map(
      encode,
    );
    // A stray Latin-1 byte after 甲公司.
    const bytes = Uint8Array.from([...before, 0xa0, ...after]);
    const filled = await fillBytes(dir, bytes, "台账.csv");
    expect(filled.run.code).toBe(0);
    expect(filled.run.stdout).toContain("主营业务收入（万元）");
    expect(filled.run.stdout).toContain("共 2 行数据");
    expect(filled.run.stdout).toContain("企业名称");
  });

  test("an unterminated quote is refused naming its line, not allowed to swallow the following lines", async () => {
    const csv = `${header}\n甲公司,杭州市萧山区,2500,2024\n"乙公司,杭州市萧山区,2600,2024\n丙公司,杭州市萧山区,2700,2024\n`;
    const filled = await fillBytes(dir, csv, "台账.csv");
    expect(filled.run.code).toBe(2);
    expect(filled.run.stderr).toContain("第 3 行");
    expect(filled.run.stderr).toContain("引号没有闭合");
    expect(filled.outputBytes).toBeNull();
  });

  test("UTF-16 tab-separated (Excel's Unicode text), LE and BE, with a title line without tabs", async () => {
    const text = `2024年小升规测算\n${header.replace(/,/g, "\t")}\n甲公司\t杭州市萧山区\t"2,500"\t2024\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [name, bytes] of [
      ["台账le.csv", le],
      ["台账be.csv", be],
    ] as const) {
      const filled = await fillBytes(dir, new Uint8Array(bytes), name);
      expect({ name, code: filled.run.code }).toEqual({ name, code: 0 });
      expect(filled.run.stdout).toContain("列对应（表头在第 2 行）");
      expect(filled.run.stdout).toContain("已填充 1 行");
    }
  });

  test("a CSV beyond the size limit is refused before it is decoded", () => {
    const big = new Uint8Array(MAX_CSV_BYTES + 1).fill(0x61);
    expect(() => openWorkbook(big, "大.csv")).toThrow(/超过可处理的上限/);
  });
});

describe("date systems, read as Excel reads them", () => {
  const DATE_XFS = [
    '<xf numFmtId="0"/>',
    '<xf numFmtId="14" applyNumberFormat="1"/>',
    '<xf numFmtId="176" applyNumberFormat="1"/>',
  ];
  const numFmts =
    '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>';
  /** A ledger whose 首次入库年份 cells are dates (built-in format 14, or a custom 年月日 format). */
  function datedLedger(serials: readonly number[], style: number, date1904: boolean): Uint8Array {
    const rows = serials
      .map((serial, i) =>
        rowXml(i + 2, [`企业${i}`, "杭州市萧山区", 2500 + i]).replace(
          "</row>",
          `<c r="D${i + 2}" s="${style}"><v>${serial}</v></c></row>`,
        ),
      )
      .join("");
    const bytes = handmade({
      sheet: `<sheetData>${rowXml(1, LEDGER_HEADER)}${rows}</sheetData>`,
      cellXfs: DATE_XFS,
      workbookBody: `${date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets>`,
    });
    return rewritePart(bytes, "xl/styles.xml", (xml) => xml.replace("<cellXfs", `${numFmts}<cellXfs`));
  }

  test("a 1904 workbook: a 2024-03-01 date cell is 2024 (serial 43890 there), for built-in and custom date formats", async () => {
    for (const style of [1, 2]) {
      const filled = await fillBytes(dir, datedLedger([43890], style, true), `台账${style}.xlsx`, [
        "--year",
        "2024",
        "--json",
      ]);
      const report = JSON.parse(filled.run.stdout) as { eligible: number; totalYuan: number };
      // First year in 规上 (2024): 杭州市萧山区 pays its first-time award, not the 0 of a 2020 entry.
      expect({ style, code: filled.run.code, eligible: report.eligible }).toEqual({ style, code: 0, eligible: 1 });
      expect(report.totalYuan).toBeGreaterThan(0);
    }
    // The same serial in a 1900 workbook is 2020-03-01: no first-time award in 2024.
    const in1900 = await fillBytes(dir, datedLedger([43890], 1, false), "台账1900.xlsx", ["--year", "2024", "--json"]);
    const report1900 = JSON.parse(in1900.run.stdout) as { byYear: unknown[]; eligible: number };
    expect(report1900.eligible).toBe(0);
  });

  test("a number without a date format is not moved, even in a 1904 workbook", async () => {
    const filled = await fillBytes(dir, datedLedger([2024], 0, true), "台账n.xlsx", ["--year", "2024", "--json"]);
    expect((JSON.parse(filled.run.stdout) as { eligible: number }).eligible).toBe(1);
  });

  test('the 1900 leap-year quirk and ISO (t="d") dates: the fill reads 1900-system serials in both systems', () => {
    const cells =
      '<c r="A1" t="d"><v>1900-02-28</v></c><c r="B1" t="d"><v>1900-03-01</v></c><c r="C1" t="d"><v>2024-03-01</v></c>' +
      '<c r="D1" s="1"><v>0</v></c><c r="E1" s="1"><v>60</v></c>';
    for (const date1904 of [false, true]) {
      const bytes = handmade({
        sheet: `<sheetData><row r="1">${cells}</row></sheetData>`,
        cellXfs: DATE_XFS,
        workbookBody: `${date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets>`,
      });
      const values = XlsxPackage.open(bytes).grid("数据").readValues({ top: 0, left: 0, rows: 1, columns: 5 })[0];
      // Serial 60 is Excel's phantom 1900-02-29, so 1900-03-01 is 61; 1904-01-01 is 1462 in the 1900 system.
      expect({ date1904, values }).toEqual({
        date1904,
        values: [59, 61, 45352, date1904 ? 1462 : 0, date1904 ? 1522 : 60],
      });
      expect(excelSerialToDate(60)).toEqual({ year: 1900, month: 2, day: 29 });
    }
  });
});

describe("formula cells without a usable value in a mapped column", () => {
  const revenueFormula = (cached: string) =>
    `<sheetData>${rowXml(1, LEDGER_HEADER)}${rowXml(2, ["甲公司", "杭州市萧山区"]).replace(
      "</row>",
      `<c r="C2"><f>2000+500</f>${cached}</c><c r="D2"><v>2024</v></c></row>`,
    )}</sheetData>`;
  const NOTE = "公式没有计算结果";

  test("openpyxl/exceljs (no stored result): the row's 说明 asks to open and save in Excel or WPS; never a 0", async () => {
    const filled = await fillBytes(dir, handmade({ sheet: revenueFormula("") }));
    expect(filled.run.code).toBe(1);
    expect(filled.run.stdout).toContain(NOTE);
    expect(filled.run.stdout).toContain("打开并保存");
    expect(partText(filled.outputBytes!, "xl/worksheets/sheet1.xml")).toContain(NOTE);
  });

  test("xlsxwriter (a stored 0 in a workbook that asks for recalculation on open): the same 说明", async () => {
    const bytes = handmade({
      sheet: revenueFormula("<v>0</v>"),
      workbookBody:
        '<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="124519" fullCalcOnLoad="1"/>',
    });
    const filled = await fillBytes(dir, bytes);
    expect(filled.run.code).toBe(1);
    expect(filled.run.stdout).toContain(NOTE);
  });

  test("Excel or WPS (a stored result, no recalculation asked): the result is read", async () => {
    const filled = await fillBytes(dir, handmade({ sheet: revenueFormula("<v>2500</v>") }), "台账.xlsx", [
      "--year",
      "2024",
      "--json",
    ]);
    expect(filled.run.code).toBe(0);
    expect((JSON.parse(filled.run.stdout) as { eligible: number }).eligible).toBe(1);
  });
});

test("a row at 1,048,576 (Excel's last) fills into a sound output", async () => {
  const rows = new Map<number, readonly (string | number | null)[]>([
    [2, ENTERPRISE],
    [1_048_576, ["末行公司", "杭州市萧山区", 2600, 2024]],
  ]);
  const filled = await fillBytes(dir, handmade({ sheet: ledgerSheet(rows) }));
  expect(filled.run.code).toBe(0);
  expect(filled.run.stdout).toContain("已填充 2 行");
  expect(await independentProblems(filled.outputBytes!)).toEqual([]);
}, 60_000);

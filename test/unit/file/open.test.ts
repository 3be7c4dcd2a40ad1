/** Opening files: .xlsx, CSV in UTF-8 and GB18030, and clear refusals for what cannot be read. */
import ExcelJS from "exceljs";
import { csvFieldValue, decodeCsvBytes, detectSeparator, parseCsv } from "../../../taskpane/file/csv";
import { openWorkbook, sheetNameFromFile, WorkbookOpenError } from "../../../taskpane/file/open";

const hex = (text: string): Uint8Array => Uint8Array.from(text.match(/../g)!.map((h) => parseInt(h, 16)));

describe("CSV", () => {
  test("RFC 4180: quotes, doubled quotes, separators and line breaks inside quotes, CRLF", () => {
    const text = 'a,"b,1","say ""hi"""\r\n"line\nbreak",,x\r\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b,1", 'say "hi"'],
      ["line\nbreak", "", "x"],
    ]);
  });

  test("separator: tab- and semicolon-separated exports are recognised", () => {
    expect(detectSeparator("企业名称\t所属地区\n甲\t乙")).toBe("\t");
    expect(detectSeparator("a;b;c\n1;2;3")).toBe(";");
    expect(detectSeparator('"a,b";c')).toBe(";");
    expect(parseCsv("企业名称\t收入\n甲\t2,350")).toEqual([
      ["企业名称", "收入"],
      ["甲", "2,350"],
    ]);
  });

  test("encodings: GBK from Chinese Windows, UTF-8 with and without BOM", () => {
    const gbk = hex("c6f3d2b5c3fbb3c62ccbf9caf4b5d8c7f80d0ababcd6ddb2e2cad4d3d0cfdeb9abcbbe2c22cff4c9bdc7f8220d0a");
    expect(parseCsv(decodeCsvBytes(gbk))).toEqual([
      ["企业名称", "所属地区"],
      ["杭州测试有限公司", "萧山区"],
    ]);
    const utf8 = new TextEncoder().encode("企业名称\n甲");
    expect(decodeCsvBytes(utf8)).toBe("企业名称\n甲");
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe("企业名称\n甲");
  });

  test("fields: plain numbers become numbers; codes with leading zeros or > 15 digits stay text", () => {
    expect(csvFieldValue("2350")).toBe(2350);
    expect(csvFieldValue("2350.75")).toBe(2350.75);
    expect(csvFieldValue("330104")).toBe(330104);
    expect(csvFieldValue("")).toBeNull();
    expect(csvFieldValue("  ")).toBeNull();
    expect(csvFieldValue("0571")).toBe("0571");
    expect(csvFieldValue("913301060000000001")).toBe("913301060000000001");
    expect(csvFieldValue("2,350")).toBe("2,350");
    expect(csvFieldValue("2350万元")).toBe("2350万元");
  });
});

describe("openWorkbook", () => {
  test("an .xlsx keeps its sheets and values", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("名单").getCell("B2").value = "企业名称";
    source.addWorksheet("说明").getCell("A1").value = 42;
    const bytes = new Uint8Array(await source.xlsx.writeBuffer());
    const workbook = openWorkbook(bytes, "名单.xlsx");
    expect(workbook.sheets.map((s) => s.name)).toEqual(["名单", "说明"]);
    expect(workbook.grid("名单").readValues({ top: 1, left: 1, rows: 1, columns: 1 })).toEqual([["企业名称"]]);
    expect(workbook.grid("说明").readValues({ top: 0, left: 0, rows: 1, columns: 1 })).toEqual([[42]]);
  });

  test("a .csv becomes one sheet named after the file, whatever its extension", async () => {
    const bytes = new TextEncoder().encode("企业名称,主营业务收入\n甲公司,2500\n");
    const workbook = openWorkbook(bytes, "C:\\数据\\2024名单.csv");
    expect(workbook.sheets.map((s) => s.name)).toEqual(["2024名单"]);
    expect(workbook.grid("2024名单").readValues({ top: 0, left: 0, rows: 2, columns: 2 })).toEqual([
      ["企业名称", "主营业务收入"],
      ["甲公司", 2500],
    ]);
  });

  test("refusals say what to do, in Chinese", () => {
    const refusal = (bytes: Uint8Array, name: string): WorkbookOpenError => {
      try {
        openWorkbook(bytes, name);
      } catch (error) {
        expect(error).toBeInstanceOf(WorkbookOpenError);
        return error as WorkbookOpenError;
      }
      throw new Error(`${name} was accepted`);
    };
    expect(refusal(new Uint8Array(0), "空.xlsx").kind).toBe("empty");
    const legacy = refusal(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "旧.xls");
    expect(legacy.kind).toBe("legacy-xls");
    expect(legacy.message).toMatch(/另存为”不加密的 \.xlsx/);
    const broken = refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), "坏.xlsx");
    expect(broken).toMatchObject({ kind: "not-workbook" });
    expect(broken.message).toMatch(/^无法读取“坏\.xlsx”：不是有效的 \.xlsx 文件（找不到 zip 目录/);
    expect(refusal(Uint8Array.from([0, 1, 2, 0, 5]), "x.bin").kind).toBe("not-workbook");
    expect(refusal(new TextEncoder().encode(",,\n,,\n"), "blank.csv").kind).toBe("empty");
  });

  test("sheet names from file names follow Excel's rules", () => {
    expect(sheetNameFromFile("/tmp/a[1]:b.csv")).toBe("a_1__b");
    expect(sheetNameFromFile("x".repeat(40) + ".csv")).toHaveLength(31);
    expect(sheetNameFromFile(".csv")).toBe("Sheet1");
  });
});

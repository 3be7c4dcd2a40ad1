/**
 * `xsg fill`: every exit code (0 done, 1 rows with errors — listed, 2 unusable input with a Chinese
 * message and nothing written), the output file's name and contents, --json, --formulas, CSV input.
 */
import * as fs from "fs";
import * as path from "path";
import { OUTPUT_COLUMNS, STATUS } from "../../../src/fill";
import { defaultOutputPath } from "../../../bin/cli/fill";
import { fillLikeTheAddin, fileValues } from "../file/excel-twin";
import { CLEAN_ROWS, HEADER, readWorkbook, tempDir, writeWorkbook, xsg, xsgProcess } from "./helpers";

jest.setTimeout(120_000);

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string): string => path.join(dir, name);

describe("exit 0: done", () => {
  test("a clean sheet fills, prints the summary and the output file, writes INPUT.filled.xlsx", async () => {
    await writeWorkbook(file("名单.xlsx"), { rows: CLEAN_ROWS, above: [["2024年测算表"], ["单位：万元"]] });
    const run = await xsg(["fill", "名单.xlsx", "--year", "2024"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("列对应（表头在第 3 行）");
    expect(run.stdout).toContain("共 3 行数据");
    expect(run.stdout).toContain("有错误 0");
    expect(run.stdout).toContain(file("名单.filled.xlsx"));
    const sheet = (await readWorkbook(file("名单.filled.xlsx"))).getWorksheet("名单")!;
    expect(fileValues(sheet, { top: 2, left: HEADER.length, rows: 1, columns: 7 })[0]).toEqual([...OUTPUT_COLUMNS]);
    // 杭州市萧山区, 2500 万元, first year, 个转企: 20 + 10 (R5).
    expect(sheet.getRow(4).getCell(HEADER.length + 1).value).toBe(30);
    expect(sheet.getRow(4).getCell(HEADER.length + 5).value).toBe(STATUS.eligible);
  });

  test("a year column in the sheet needs no --year; --sheet picks the sheet", async () => {
    await writeWorkbook(
      file("two.xlsx"),
      { name: "说明", rows: [], header: ["这里没有数据"] },
      { name: "2024", rows: CLEAN_ROWS.map((r) => [...r, 2024]), header: [...HEADER, "评价年度"] },
    );
    const run = await xsg(["fill", "two.xlsx", "--sheet", "2024", "-o", "out/filled.xlsx"], dir).catch((e) => e);
    // The output folder does not exist: that is an unusable output, reported, exit 2.
    expect(run.code).toBe(2);
    fs.mkdirSync(file("out"));
    const again = await xsg(["fill", "two.xlsx", "--sheet", "2024", "-o", "out/filled.xlsx"], dir);
    expect(again.code).toBe(0);
    const workbook = await readWorkbook(file("out/filled.xlsx"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["说明", "2024"]);
    expect(
      workbook
        .getWorksheet("2024")!
        .getRow(1)
        .getCell(HEADER.length + 2).value,
    ).toBe(OUTPUT_COLUMNS[0]);
  });

  test("--json prints one JSON document with exact totals and the mapping", async () => {
    await writeWorkbook(file("a.xlsx"), { rows: CLEAN_ROWS });
    const run = await xsg(["fill", "a.xlsx", "--year", "2024", "--json"], dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      rows: 3,
      errors: 0,
      errorRows: [],
      sheet: "名单",
      headerRow: 1,
      mode: "values",
      defaults: { year: 2024, region: null },
    });
    expect(report.mapping.region).toEqual({ column: "C", header: "所属地区", unit: null });
    expect(report.totalWan).toBe(report.totalYuan / 10000);
    expect(report.byClause.reduce((sum: number, c: { yuan: number }) => sum + c.yuan, 0)).toBe(report.totalYuan);
  });

  test("a CSV (GBK or UTF-8) fills into an .xlsx", async () => {
    const csv = [
      HEADER.join(","),
      ...CLEAN_ROWS.map((r) => r.map((v) => (v === null ? "" : `"${String(v)}"`)).join(",")),
    ].join("\r\n");
    fs.writeFileSync(file("名单.csv"), csv, "utf8");
    const run = await xsg(["fill", "名单.csv", "--year", "2024"], dir);
    expect(run.code).toBe(0);
    const sheet = (await readWorkbook(file("名单.filled.xlsx"))).worksheets[0];
    expect(sheet.name).toBe("名单");
    expect(sheet.getRow(2).getCell(HEADER.length + 1).value).toBe(30);
  });
});

describe("exit 1: some rows had errors", () => {
  test("bad rows are listed with row number, name and 说明; good rows are filled", async () => {
    const rows = [
      ...CLEAN_ROWS,
      ["北京丁科技有限公司", null, "北京市朝阳区", 2600, null, 2024, null],
      ["杭州戊有限公司", null, "杭州", "待核实", null, 2024, null],
    ];
    await writeWorkbook(file("bad.xlsx"), { rows });
    const run = await xsg(["fill", "bad.xlsx", "--year", "2024"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("以下 2 行有错误");
    expect(run.stdout).toMatch(/第 5 行 北京丁科技有限公司：列“所属地区”：北京市朝阳区/);
    expect(run.stdout).toMatch(/第 6 行 杭州戊有限公司：列“主营业务收入（万元）”：无法识别的金额“待核实”/);
    const sheet = (await readWorkbook(file("bad.filled.xlsx"))).getWorksheet("名单")!;
    const statusColumn = HEADER.length + 5;
    expect(sheet.getRow(5).getCell(statusColumn).value).toBe(STATUS.error);
    expect(sheet.getRow(5).getCell(HEADER.length + 1).value).toBeNull(); // empty, not 0
    expect(sheet.getRow(2).getCell(HEADER.length + 1).value).toBe(30);
    const report = JSON.parse(
      (await xsg(["fill", "bad.xlsx", "--year", "2024", "--json", "-o", "b2.xlsx"], dir)).stdout,
    );
    expect(report.errorRows.map((e: { row: number }) => e.row)).toEqual([5, 6]);
  });
});

describe("exit 2: unusable input, nothing written", () => {
  const cases: [string, () => Promise<string[]>, RegExp][] = [
    ["a missing file", async () => ["fill", "nope.xlsx", "--year", "2024"], /找不到输入文件/],
    [
      "not a workbook",
      async () => (fs.writeFileSync(file("x.xlsx"), Buffer.from([0x50, 0x4b, 3, 4, 9, 9])), ["fill", "x.xlsx"]),
      /不是有效的 \.xlsx/,
    ],
    [
      "an old .xls",
      async () => (fs.writeFileSync(file("x.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])), ["fill", "x.xls"]),
      /另存为/,
    ],
    [
      "no header",
      async () => (
        await writeWorkbook(file("h.xlsx"), { rows: [[1, 2, 3]], header: ["甲", "乙", "丙"] }),
        ["fill", "h.xlsx", "--year", "2024"]
      ),
      /找不到表头行|没有对应/,
    ],
    [
      "an unknown sheet",
      async () => (await writeWorkbook(file("s.xlsx"), { rows: CLEAN_ROWS }), ["fill", "s.xlsx", "--sheet", "2023"]),
      /没有名为“2023”的工作表.*“名单”/,
    ],
    [
      "no year anywhere",
      async () => (await writeWorkbook(file("y.xlsx"), { rows: CLEAN_ROWS }), ["fill", "y.xlsx"]),
      /--year/,
    ],
    [
      "a bad --year",
      async () => (await writeWorkbook(file("y2.xlsx"), { rows: CLEAN_ROWS }), ["fill", "y2.xlsx", "--year", "去年"]),
      /--year 的值“去年”不是年份/,
    ],
    [
      "a bad --region",
      async () => (
        await writeWorkbook(file("r.xlsx"), { rows: CLEAN_ROWS }),
        ["fill", "r.xlsx", "--region", "西湖区", "--year", "2024"]
      ),
      /--region 的值“西湖区”无法使用/,
    ],
    [
      "a protected sheet",
      async () => (
        await writeWorkbook(file("p.xlsx"), { rows: CLEAN_ROWS, protect: true }),
        ["fill", "p.xlsx", "--year", "2024"]
      ),
      /受保护/,
    ],
    [
      "a merged header",
      async () => (
        await writeWorkbook(file("m.xlsx"), { rows: CLEAN_ROWS, merge: "A1:B1" }),
        ["fill", "m.xlsx", "--year", "2024"]
      ),
      /合并单元格/,
    ],
    [
      "output = input",
      async () => (
        await writeWorkbook(file("o.xlsx"), { rows: CLEAN_ROWS }),
        ["fill", "o.xlsx", "--year", "2024", "-o", "./o.xlsx"]
      ),
      /不能与输入文件相同/,
    ],
  ];

  test.each(cases)("%s", async (_name, setup, message) => {
    const args = await setup();
    const before = new Set(fs.readdirSync(dir));
    const run = await xsg(args, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(fs.readdirSync(dir).filter((f) => !before.has(f))).toEqual([]); // no output, no temp file left
  });

  test("the input is never overwritten, even through another path to it", async () => {
    await writeWorkbook(file("keep.xlsx"), { rows: CLEAN_ROWS });
    const bytes = fs.readFileSync(file("keep.xlsx"));
    fs.mkdirSync(file("sub"));
    const run = await xsg(["fill", "keep.xlsx", "--year", "2024", "-o", "sub/../keep.xlsx"], dir);
    expect(run.code).toBe(2);
    expect(fs.readFileSync(file("keep.xlsx")).equals(bytes)).toBe(true);
  });
});

test("--formulas writes the add-in's live formulas (=XSG.AWARD … with the row's cells)", async () => {
  await writeWorkbook(file("f.xlsx"), { rows: CLEAN_ROWS });
  const run = await xsg(["fill", "f.xlsx", "--year", "2024", "--formulas"], dir);
  expect(run.code).toBe(0);
  const workbook = await readWorkbook(file("f.filled.xlsx"));
  const sheet = workbook.getWorksheet("名单")!;
  const addin = await fillLikeTheAddin(await readWorkbook(file("f.xlsx")), "名单", { year: 2024 }, "formulas");
  const area = addin.result.writtenArea!;
  const formulas = addin.formulas(area);
  const first = sheet.getRow(2).getCell(HEADER.length + 1).formula;
  expect(`=${first}`).toMatch(/^=XSG\.AWARD\(.*C2.*,D2,2024,F2,E2,G2\)$/);
  for (let r = 1; r < area.rows; r++) {
    for (let c = 0; c < area.columns; c++) {
      const cell = sheet.getRow(area.top + r + 1).getCell(area.left + c + 1);
      const mine = cell.formula ? `=${cell.formula}` : (cell.value ?? "");
      expect({ r, c, value: mine }).toEqual({ r, c, value: formulas[r][c] });
    }
  }
});

test("filling a filled file refreshes its own output columns instead of adding new ones", async () => {
  await writeWorkbook(file("r.xlsx"), { rows: CLEAN_ROWS });
  expect((await xsg(["fill", "r.xlsx", "--year", "2024"], dir)).code).toBe(0);
  const again = JSON.parse((await xsg(["fill", "r.filled.xlsx", "--year", "2025", "--json"], dir)).stdout);
  expect(again).toMatchObject({ refreshed: true, outputColumns: { first: "H", last: "N" } });
  const sheet = (await readWorkbook(file("r.filled.filled.xlsx"))).getWorksheet("名单")!;
  expect(sheet.columnCount).toBe(HEADER.length + OUTPUT_COLUMNS.length);
  // 2025 for 杭州 2024 upgrade: k = 1 gives 0 (R5), where 2024 gave 30.
  expect(sheet.getRow(2).getCell(HEADER.length + 1).value).toBe(0);
});

test("the default output name sits next to the input", () => {
  expect(defaultOutputPath("data/名单.xlsx")).toBe(path.join("data", "名单.filled.xlsx"));
  expect(defaultOutputPath("名单.csv")).toBe("名单.filled.xlsx");
  expect(defaultOutputPath("宏.XLSM")).toBe("宏.filled.xlsm"); // macros kept need the macro extension
  expect(defaultOutputPath("无扩展名")).toBe("无扩展名.filled.xlsx");
});

test("the real launcher's exit codes: 1 for error rows, 2 for a missing file", async () => {
  await writeWorkbook(file("bad.xlsx"), {
    rows: [...CLEAN_ROWS, ["北京丁", null, "北京市朝阳区", 2600, null, 2024, null]],
  });
  expect(xsgProcess(["fill", "bad.xlsx", "--year", "2024"], dir).code).toBe(1);
  const missing = xsgProcess(["fill", "nope.xlsx"], dir);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain("找不到输入文件");
});

/**
 * 100,000 rows × 10 columns through ExcelFillHost and the Excel double: the whole fill takes
 * at most 40 round trips, no request or response reaches Excel on the web's 5 MB limit, and
 * calculation is suspended on every write. (Speed itself belongs to the benchmark.)
 */
import { makeUscc } from "../../../src/index";
import { autoMap, detectHeader, runFill, undoFill } from "../../../src/fill";
import { ExcelFillHost } from "../../../taskpane/excel";
import { installExcelDouble, uninstallExcelDouble } from "../../doubles/excel-double";

const ROWS = 100_000;
const REGIONS = ["杭州市西湖区", "鹿城区", "晋城市泽州县", "闽侯县", "顺城区", "330104", "高平市"];
const OWNERSHIP = ["有限责任公司", "国有控股", "民营", "股份有限公司"];

function sheetRows(): unknown[][] {
  const rows: unknown[][] = [
    ["2024年度规上企业奖补测算"],
    ["单位：万元"],
    [
      "企业名称",
      "统一社会信用代码",
      "所属地区",
      "主营业务收入",
      "上年营业收入",
      "评价年度",
      "首次入库年份",
      "企业性质",
      "亩均评价",
      "标签",
    ],
  ];
  for (let i = 0; i < ROWS; i++) {
    const code = makeUscc(`913301${String(i).padStart(6, "0")}MA00A`.slice(0, 17));
    rows.push([
      `测试企业${i}号有限公司`,
      code,
      REGIONS[i % REGIONS.length],
      1500 + ((i * 37) % 1500) + (i % 100) / 100,
      1400 + ((i * 53) % 1500),
      2024,
      2021 + (i % 4),
      OWNERSHIP[i % OWNERSHIP.length],
      "ABCD"[i % 4],
      i % 13 === 0 ? "个转企" : "",
    ]);
  }
  return rows;
}

afterEach(() => uninstallExcelDouble(globalThis));

test("100k rows × 10 columns: ≤ 40 syncs, every request under 5 MB, undo restores", async () => {
  const rows = sheetRows();
  const workbook = installExcelDouble(globalThis, { sheets: [{ name: "名单", cells: rows }], selection: "A5" });
  const header = detectHeader(rows.slice(0, 30) as never)!;
  const mapping = autoMap(header.headers, { unitHint: header.unitHint });
  expect(Object.keys(mapping)).toHaveLength(10);
  const host = new ExcelFillHost();
  workbook.resetStats();

  const result = await runFill(host, { mapping });

  const stats = workbook.stats;
  expect(result.completedRows).toBe(ROWS);
  expect(result.summary.rows).toBe(ROWS);
  expect(stats.syncs).toBeLessThanOrEqual(40);
  // 5 MB read strictly as 5,000,000 bytes (Office's own figure is 5 MiB).
  expect(stats.maxRequestBytes).toBeLessThan(5_000_000);
  expect(stats.maxResponseBytes).toBeLessThan(5_000_000);
  expect(stats.requestBytes).toHaveLength(stats.syncs);
  expect(stats.writeSyncs).toBeGreaterThanOrEqual(ROWS / 5_000); // a few thousand rows per block
  expect(stats.writeSyncsWithCalculationSuspended).toBe(stats.writeSyncs);
  // The written area is the seven output columns of the header row and every data row.
  expect(result.writtenArea).toEqual({ top: 2, left: 10, rows: ROWS + 1, columns: 7 });
  const sheet = workbook.sheet("名单");
  expect(sheet.values(`K3:Q3`)[0][0]).toBe("升规奖励(万元)");
  expect(sheet.values(`O${ROWS + 3}`)[0][0]).not.toBe("");

  console.log(
    `100k fill: ${stats.syncs} syncs (${stats.writeSyncs} writes), max request ${(stats.maxRequestBytes / 1e6).toFixed(2)} MB, max response ${(stats.maxResponseBytes / 1e6).toFixed(2)} MB`,
  );

  workbook.resetStats();
  await undoFill(host, result.undo!);
  expect(workbook.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  expect(sheet.usedArea()).toEqual({ top: 0, left: 0, rows: ROWS + 3, columns: 10 });
}, 300_000);

/**
 * 10,000 enterprise rows through WpsFillHost and the ET double, with the same fill engine as
 * Excel: the fill writes whole blocks (a bounded number of bridge calls, never one per cell),
 * every write runs with screen updating / events / automatic calculation off and the state is
 * restored; undo puts back exactly what was there; lookup of the selected row agrees with the
 * fill. The call count × 0.2 ms is a model of WPS's bridge cost, not a measurement of WPS.
 */
import { makeUscc } from "../../../src/index";
import {
  autoMap,
  detectHeader,
  lookupSelected,
  readDataRegion,
  runFill,
  undoFill,
  valueCells,
} from "../../../src/fill";
import { WpsFillHost } from "../../../taskpane/wps/wps-fill-host";
import { etWorkbook, MS_PER_CALL } from "../../doubles/et-double";

const ROWS = 10_000;
const REGIONS = ["杭州市西湖区", "鹿城区", "晋城市泽州县", "闽侯县", "顺城区", "330104", "高平市"];

function sheetRows(): unknown[][] {
  const rows: unknown[][] = [
    ["2024年度规上企业奖补测算"],
    ["单位：万元"],
    ["企业名称", "统一社会信用代码", "所属地区", "主营业务收入", "上年营业收入", "评价年度", "首次入库年份", "标签"],
  ];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      `测试企业${i}号有限公司`,
      makeUscc(`913301${String(i).padStart(6, "0")}MA00A`.slice(0, 17)),
      REGIONS[i % REGIONS.length],
      1500 + ((i * 37) % 1500) + (i % 100) / 100,
      1400 + ((i * 53) % 1500),
      2024,
      2021 + (i % 4),
      i % 13 === 0 ? "个转企" : null,
    ]);
  }
  return rows;
}

test("10k rows: fill in whole blocks with WPS paused, undo restores every cell, lookup agrees", async () => {
  const rows = sheetRows();
  const book = etWorkbook([{ name: "名单", cells: rows }]);
  book.select("名单", "A5");
  const sheet = book.sheet("名单");
  const before = sheet.grid(`A1:O${ROWS + 3}`);
  const header = detectHeader(rows.slice(0, 30) as never)!;
  const mapping = autoMap(header.headers, { unitHint: header.unitHint });
  const host = new WpsFillHost(book, null);

  book.resetStats();
  const result = await runFill(host, { mapping });
  const calls = book.stats.calls;

  expect(result.completedRows).toBe(ROWS);
  expect(result.writtenArea).toEqual({ top: 2, left: 8, rows: ROWS + 1, columns: 7 });
  expect(sheet.grid("I3")).toEqual([["升规奖励(万元)"]]);
  // Bridge calls grow with blocks, not cells: 10k rows × 15 columns would be 150,000 cell calls.
  expect(calls).toBeLessThan(100);
  expect(book.stats.writes.length).toBeGreaterThan(0);
  for (const write of book.stats.writes) {
    expect(write).toMatchObject({ screenUpdating: false, enableEvents: false, calculation: -4135 });
  }
  expect(book.state).toEqual({ screenUpdating: true, enableEvents: true, calculation: -4105 });

  // Lookup of a selected row gives what the fill wrote for it.
  const region = await readDataRegion(host);
  const row = 1234;
  book.select("名单", `C${row + 4}`);
  const selected = (await host.getSelectedRow())!;
  const found = lookupSelected(region, mapping, selected, {}, 2)!;
  const written = sheet.grid(`I${row + 4}:O${row + 4}`)[0];
  expect(valueCells(found.result)).toEqual(written);
  expect(typeof written[0]).toBe("number");

  book.resetStats();
  const undone = await undoFill(host, result.undo!);
  expect(undone).toMatchObject({ restoredRows: ROWS + 1, declined: false });
  expect(sheet.grid(`A1:O${ROWS + 3}`)).toEqual(before);
  expect(book.stats.calls).toBeLessThan(50);
  expect(book.state).toEqual({ screenUpdating: true, enableEvents: true, calculation: -4105 });

  console.log(
    `WPS 10k fill (ET double): ${calls} bridge calls ≈ ${(calls * MS_PER_CALL).toFixed(1)} ms modelled bridge cost, ` +
      `${result.undo ? "undo" : "no undo"} ${book.stats.calls} calls`,
  );
}, 120_000);

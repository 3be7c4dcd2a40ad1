import fc from "fast-check";
import {
  BLOCK_BUDGET_BYTES,
  BlockPacker,
  MAX_REQUEST_BYTES,
  MAX_WRITE_BLOCK_ROWS,
  payloadBytes,
  planBlocks,
  rowBytes,
  summarize,
  summaryLayout,
  describeConflicts,
} from "../../../src/fill";
import { jsonPayloadBytes } from "../../doubles/excel-double";

test("the engine's size measure is the double's: JSON with non-ASCII counted as \\uXXXX", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.array(
          fc.oneof(
            fc.string(),
            // Any UTF-16 unit, lone surrogates and control characters included: each has its own JSON escape.
            fc.string({
              unit: fc
                .oneof(
                  fc.integer({ min: 0, max: 0x7f }),
                  fc.integer({ min: 0xd800, max: 0xdfff }),
                  fc.integer({ min: 0, max: 0xffff }),
                )
                .map((code) => String.fromCharCode(code)),
            }),
            fc.integer(),
            fc.double(),
            fc.constant(null),
            fc.constant(undefined),
            fc.boolean(),
            fc.record({ formula: fc.string() }),
            fc.record({ error: fc.constantFrom("#N/A", "#VALUE!") }),
          ),
          { maxLength: 8 },
        ),
        { maxLength: 20 },
      ),
      (grid) => {
        expect(payloadBytes(grid)).toBe(jsonPayloadBytes(grid));
      },
    ),
  );
  expect(payloadBytes(["升规"])).toBe(2 + 2 + 12);
  expect(payloadBytes(undefined)).toBe(0);
  expect(payloadBytes('a"\\\n\u0001')).toBe(JSON.stringify('a"\\\n\u0001').length);
});

test("planBlocks covers every row once, in order, each block within budget and row cap", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 300_000 }),
      fc.integer({ min: 1, max: 20_000 }),
      fc.integer({ min: 100, max: 10_000 }),
      (rows, bytesPerRow, maxRows) => {
        const blocks = planBlocks(rows, bytesPerRow, { maxRows });
        let next = 0;
        for (const b of blocks) {
          const ok =
            b.start === next &&
            b.count > 0 &&
            b.count <= maxRows &&
            (b.count === 1 || b.count * bytesPerRow <= BLOCK_BUDGET_BYTES);
          if (!ok) return false;
          next += b.count;
        }
        return next === rows;
      },
    ),
  );
  expect(planBlocks(100_000, 150)).toHaveLength(4); // 4.5 MB / 150 B ≈ 30,000 rows per read
  expect(planBlocks(10, 10_000_000)).toHaveLength(10); // a huge row still gets its own block
});

test("BlockPacker flushes before a row would overflow the budget or the row cap", () => {
  const packer = new BlockPacker<number>(100, 3);
  expect(packer.wouldOverflow(500)).toBe(false); // an empty block takes any row
  packer.add(1, 60);
  expect(packer.wouldOverflow(50)).toBe(true);
  expect(packer.wouldOverflow(40)).toBe(false);
  packer.add(2, 40);
  expect(packer.take()).toEqual([1, 2]);
  packer.add(1, 1);
  packer.add(2, 1);
  packer.add(3, 1);
  expect(packer.wouldOverflow(1)).toBe(true);
  expect(MAX_WRITE_BLOCK_ROWS * rowBytes(["", "", "", "", "", "", ""])).toBeLessThan(MAX_REQUEST_BYTES);
});

test("describeConflicts counts non-empty cells and quotes a few by address", () => {
  const area = { top: 3, left: 12, rows: 3, columns: 2 };
  expect(
    describeConflicts(
      [
        [null, ""],
        [null, null],
        [null, null],
      ],
      area,
    ),
  ).toBeNull();
  const text = describeConflicts(
    [
      [null, "x"],
      [{ formula: "=A1" }, null],
      [{ error: "#N/A" }, 5],
    ],
    area,
  )!;
  expect(text).toContain("M4:N6");
  expect(text).toContain("4 个非空单元格");
  expect(text).toContain("N4“x”、M5“=A1”、M6“#N/A”");
});

test("summaryLayout: counts, totals by category, year and clause, with charts over the year and clause tables", () => {
  const summary = {
    ...summarize([]),
    rows: 3,
    filled: 2,
    eligible: 2,
    needsData: 0,
    errors: 1,
    totalYuan: 300_000,
    byCategory: { award: 300_000, tech: 0, rent: 0, bid: 0, "other-cash": 0 },
    byYear: [
      { year: 2023, yuan: 100_000 },
      { year: 2024, yuan: 200_000 },
    ],
    byClause: [
      {
        clauseId: "hangzhou.1",
        label: "一",
        title: "升规奖励",
        regionName: "杭州市",
        documentNumber: "杭政办函〔2024〕3号",
        category: "award" as const,
        count: 2,
        yuan: 300_000,
      },
    ],
  };
  const layout = summaryLayout(summary, { sourceSheet: "名单" });
  const rows = layout.cells;
  expect(rows.find((r) => r[0] === "奖补合计(万元)")).toEqual(["奖补合计(万元)", 30]);
  expect(layout.charts).toHaveLength(2);
  const [years, clauses] = layout.charts;
  expect(rows[years.source.top]).toEqual(["评价年度", "金额(万元)"]);
  expect(rows.slice(years.source.top + 1, years.source.top + years.source.rows)).toEqual([
    ["2023年", 10],
    ["2024年", 20],
  ]);
  expect(rows[clauses.source.top + 1]).toEqual(["杭州市 一升规奖励", 30, 2, "杭州市", "杭政办函〔2024〕3号"]);
});

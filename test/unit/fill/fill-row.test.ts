/**
 * The batch fill's row (fillRow) and the lookup's (evaluateRow) are one path: the same seven cells
 * in values and formulas mode, status, amounts, 依据, 说明 and summary figures; and the fill's
 * money agrees with evaluate()'s clause-by-clause view (its totals, its granted clauses) — over
 * random sheets (every region, unknown regions, error cells, missing columns, defaults, duplicate
 * warnings) and over the example generator's realistic rows. The golden test
 * (test/unit/policies/golden.test.ts) holds both to the results from before issue 13.
 */
import fc from "fast-check";
import { CASH_CATEGORIES } from "../../../src/model";
import {
  autoMap,
  evaluateRow,
  fillRow,
  formulaCells,
  readRow,
  summarize,
  SummaryBuilder,
  valueCells,
  STATUS,
  type AmountState,
  type ColumnMapping,
  type FillDefaults,
  type RowOutcome,
} from "../../../src/fill";
import type { CellValue } from "../../../src/fill/types";
import { sampleRows, SAMPLE_HEADERS } from "../../../examples/generate";
import { randomSheet } from "./random-rows";

/** The fields of a row's outcome the fill writes or adds up (RowResult also carries the read row and its Evaluation). */
function outcomeOf(r: RowOutcome): RowOutcome {
  const { kind, status, amounts, totalYuan, basis, note, cash } = r;
  return { kind, status, amounts, totalYuan, basis, note, cash };
}

interface Compared {
  readonly lean: RowOutcome[];
  readonly reference: RowOutcome[];
}

/** Both paths over every row, comparing each row's outcome and its cells in values and formulas mode. */
function compareRows(
  rows: readonly (readonly unknown[])[],
  mapping: ColumnMapping,
  defaults: FillDefaults,
  warningsOf: (i: number) => readonly string[],
): Compared {
  const layout = { mapping, defaults, regionLeft: 0, outputLeft: 30 };
  const lean: RowOutcome[] = [];
  const reference: RowOutcome[] = [];
  rows.forEach((row, i) => {
    const read = readRow(row as CellValue[], mapping, defaults, { facts: false });
    const expected = evaluateRow(read, mapping, [...warningsOf(i)]);
    const actual = fillRow(read, mapping, warningsOf(i));
    expect(outcomeOf(actual)).toEqual(outcomeOf(expected));
    const evaluation = expected.evaluation;
    if (evaluation) {
      expect(actual.cash?.totalYuan).toBe(evaluation.totalYuan);
      for (const category of CASH_CATEGORIES) {
        const amount = actual.amounts![category];
        if (amount.state === "known") expect(amount.yuan).toBe(evaluation.totalsByCategory[category]);
      }
      const granted = evaluation.clauses.filter((c) => c.category !== "benefit" && c.status === "granted");
      expect(actual.cash?.granted.map((g) => [g.clauseId, g.yuan])).toEqual(
        granted.filter((c) => (c.amountYuan ?? 0) > 0).map((c) => [c.clauseId, c.amountYuan]),
      );
    }
    expect(valueCells(actual)).toEqual(valueCells(expected));
    const cellOf = (field: keyof ColumnMapping) => (mapping[field] ? (row[mapping[field]!.column] as CellValue) : null);
    expect(formulaCells(actual, 5 + i, layout, cellOf)).toEqual(formulaCells(expected, 5 + i, layout, cellOf));
    lean.push(actual);
    reference.push(expected);
  });
  expect(summarize(lean)).toEqual(summarize(reference));
  // The fill adds each block's rows to a block summary and that to the total once written.
  const total = new SummaryBuilder();
  for (let start = 0; start < lean.length; start += 3) {
    const block = new SummaryBuilder();
    for (const outcome of lean.slice(start, start + 3)) block.add(outcome);
    total.addAll(block);
    total.addAll(new SummaryBuilder()); // an empty (cancelled) block adds nothing
  }
  expect(total.build()).toEqual(summarize(reference));
  return { lean, reference };
}

test("random sheets: every cell and the summary equal the reference evaluation's", () => {
  fc.assert(
    fc.property(randomSheet(), (sheet) => {
      compareRows(sheet.rows, sheet.mapping, sheet.defaults, (i) => {
        const warning = sheet.duplicates.get(i);
        return warning ? [warning] : [];
      });
    }),
    { numRuns: 300 },
  );
});

describe("the example generator's sheet (examples/generate.ts)", () => {
  const mapping = autoMap(SAMPLE_HEADERS);
  const rows = [...sampleRows({ count: 1_500 })];
  const duplicate = (i: number) => (i % 97 === 0 ? ["统一社会信用代码与第9行重复，请核实是否重复申报"] : []);

  test.each([2022, 2024, 2026])("evaluated in %i: every cell and the summary equal the reference's", (year) => {
    compareRows(rows, mapping, { year }, duplicate);
  });

  test("the comparison covers every row status and every amount state", () => {
    const { lean } = compareRows(rows, mapping, { year: 2024 }, duplicate);
    const random = fc
      .sample(randomSheet(), { seed: 7, numRuns: 200 })
      .flatMap((sheet) => compareRows(sheet.rows, sheet.mapping, sheet.defaults, () => []).lean);
    const all = [...lean, ...random];
    const statuses = new Set(all.map((r) => r.status));
    expect([...statuses].sort()).toEqual([...Object.values(STATUS), null].sort());
    const states = new Set(
      all.flatMap((r) => (r.amounts ? Object.values<AmountState>(r.amounts).map((a) => a.state) : [])),
    );
    expect([...states].sort()).toEqual(["known", "needs-data", "not-computed", "unquantified"]);
    expect(all.some((r) => r.cash && r.cash.granted.length > 1)).toBe(true);
    expect(all.some((r) => r.note.includes("另有未规定金额的承诺"))).toBe(true);
    expect(all.some((r) => r.note.includes("非现金待遇"))).toBe(true);
  });
});

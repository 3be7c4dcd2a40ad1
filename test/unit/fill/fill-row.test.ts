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
import { evaluate } from "../../../src/engine";
import {
  BUILT_IN_CATALOG,
  parsePolicyDocument,
  POLICIES,
  serializePolicyDocument,
  useCatalog,
} from "../../../src/policies";
import {
  autoMap,
  evaluateRow,
  fillRow,
  formulaCells,
  readRow,
  summarize,
  SummaryBuilder,
  valueCells,
  valueCellsBytes,
  payloadBytes,
  rowBytes,
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
    // The 说明's bytes summed from its parts are what measuring the written row gives.
    if (actual.noteBytes !== undefined) expect(actual.noteBytes).toBe(payloadBytes(actual.note));
    expect(valueCellsBytes(actual, valueCells(actual))).toBe(rowBytes(valueCells(actual)));
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

describe("说明 parts the fill builds once per document", () => {
  // fillRow memoises the unquantified-promises part by a clause bit mask (documents of up to 30
  // clauses) and lists labels for longer ones; both must say what evaluate() found.
  const mapping = autoMap(SAMPLE_HEADERS);
  const rows = [...sampleRows({ count: 300 })];

  function longHangzhou(): string {
    const document = JSON.parse(serializePolicyDocument(POLICIES.find((policy) => policy.id === "hangzhou")!));
    document.id = "hz-long";
    document.clauses = document.clauses.map((clause: { id: string }) => ({
      ...clause,
      id: clause.id.replace(/^hangzhou/, "hz-long"),
    }));
    const promise = document.clauses.find((clause: { kind: string }) => clause.kind === "unquantified");
    for (let n = 1; n <= 30; n++)
      document.clauses.push({ ...promise, id: `${promise.id}.${n}`, label: `${promise.label}-${n}` });
    return JSON.stringify(document);
  }

  function expectNotesMatchEvaluate(): number {
    let checked = 0;
    for (const row of rows) {
      const read = readRow(row as CellValue[], mapping, { year: 2025 }, { facts: false });
      if (!read.enterprise || read.year === null) continue;
      let evaluation;
      try {
        evaluation = evaluate(read.enterprise, read.year);
      } catch {
        continue;
      }
      const labels = evaluation.clauses.filter((c) => c.status === "not-quantified").map((c) => c.label);
      const note = fillRow(read, mapping).note;
      if (labels.length === 0) expect(note).not.toContain("另有未规定金额的承诺");
      else {
        expect(note).toContain(`另有未规定金额的承诺：${[...new Set(labels)].join("、")}，未计入（R11）`);
        checked++;
      }
    }
    return checked;
  }

  afterEach(() => useCatalog(BUILT_IN_CATALOG));

  test("a built-in document and one of more than 30 clauses", () => {
    expect(expectNotesMatchEvaluate()).toBeGreaterThan(20);
    const parsed = parsePolicyDocument(longHangzhou(), "hz-long.json");
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const result = BUILT_IN_CATALOG.withUserDocuments([{ policy: parsed.policy, file: "hz-long.json" }], {
      precedence: "user-first",
    });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.catalog.document("hz-long")!.clauses.length).toBeGreaterThan(30);
    useCatalog(result.catalog);
    expect(expectNotesMatchEvaluate()).toBeGreaterThan(5);
  });
});

/**
 * Saving a sheet takes a shortcut for the usual row — one written block right of the row's cells,
 * which are copied as one slice — and must write exactly the XML the general merge writes. A
 * property over generated rows of every shape the shortcut must refuse or handle (cells without r,
 * whitespace between cells, formatted rows, shared formulas whose master is overwritten, empty and
 * self-closing rows) and blocks written anywhere, some of them undone.
 */
import fc from "fast-check";
import type { CellContent } from "../../../src/fill";
import { XlsxPackage } from "../../../taskpane/file/xlsx/package";
import { SheetGrid } from "../../../taskpane/file/xlsx/sheet-grid";
import { handmade } from "./handmade-xlsx";

type RowShape = "plain" | "no-r" | "spaced" | "formatted" | "empty" | "self-closing" | "shared";

function rowXml(row: number, shape: RowShape, cells: number): string {
  const r = row + 1;
  const cell = (c: number, withR = true) =>
    `<c${withR ? ` r="${String.fromCharCode(65 + c)}${r}"` : ""} s="${c % 3}"><v>${r * 10 + c}</v></c>`;
  const run = (withR: (c: number) => boolean, between = "") =>
    Array.from({ length: cells }, (_, c) => cell(c, withR(c))).join(between);
  switch (shape) {
    case "plain":
      return `<row r="${r}" spans="1:${cells}">${run(() => true)}</row>`;
    case "no-r":
      return `<row r="${r}">${run((c) => c !== 1)}</row>`;
    case "spaced":
      return `<row r="${r}">${run(() => true, "\n  ")}</row>`;
    case "formatted":
      return `<row r="${r}" s="2" customFormat="1">${run(() => true)}</row>`;
    case "empty":
      return `<row r="${r}" ht="15"></row>`;
    case "self-closing":
      return `<row r="${r}" ht="15"/>`;
    case "shared":
      return (
        `<row r="${r}"><c r="A${r}"><f t="shared" ref="A${r}:A${r + 1}" si="${r}">1+${r}</f><v>${r}</v></c>` +
        `</row><row r="${r + 1}"><c r="A${r + 1}"><f t="shared" si="${r}"/><v>${r}</v></c></row>`
      );
  }
}

const shapeArb = fc.constantFrom<RowShape>("plain", "no-r", "spaced", "formatted", "empty", "self-closing", "shared");
const contentArb: fc.Arbitrary<CellContent> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 500 }),
  fc.constantFrom("说明 & <备注>", "_x0041_", "甲", { formula: "=A1+1" }, { error: "#N/A" }),
);
const writeArb: fc.Arbitrary<BlockWrite> = fc.record({
  top: fc.integer({ min: 0, max: 9 }),
  left: fc.integer({ min: 0, max: 5 }),
  rows: fc.integer({ min: 1, max: 4 }),
  columns: fc.integer({ min: 1, max: 3 }),
  undo: fc.boolean(),
  seed: fc.array(contentArb, { minLength: 12, maxLength: 12 }),
});

const shortcut = SheetGrid.prototype as unknown as { appendedRowXml: (...args: unknown[]) => string | null };

interface BlockWrite {
  top: number;
  left: number;
  rows: number;
  columns: number;
  undo: boolean;
  seed: CellContent[];
}

function savedSheet(sheet: string, writes: readonly BlockWrite[], general: boolean): string {
  const spy = general ? jest.spyOn(shortcut, "appendedRowXml").mockReturnValue(null) : null;
  try {
    const grid = XlsxPackage.open(
      handmade({ sheet, cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="14"/>', '<xf numFmtId="0" fillId="2"/>'] }),
    ).grid("数据");
    for (const w of writes) {
      const area = { top: w.top, left: w.left, rows: w.rows, columns: w.columns };
      // An undone block writes back what the cells held (overlay cells that restore the original XML).
      const cells = w.undo
        ? grid.readContents(area)
        : Array.from({ length: w.rows }, (_, r) =>
            Array.from({ length: w.columns }, (_, c) => w.seed[(r * w.columns + c) % 12]),
          );
      grid.write(area, cells);
    }
    return grid.serialize();
  } finally {
    spy?.mockRestore();
  }
}

test("property: the shortcut for a block right of a row's cells writes the XML the general merge writes", () => {
  let shortcutTaken = 0;
  fc.assert(
    fc.property(
      fc.array(fc.tuple(shapeArb, fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 8 }),
      fc.array(writeArb, { minLength: 1, maxLength: 3 }),
      (rows, writes) => {
        let row = 0;
        const parts: string[] = [];
        for (const [shape, cells] of rows) {
          parts.push(rowXml(row, shape, cells));
          row += shape === "shared" ? 2 : 1;
        }
        const sheet = `<sheetData>${parts.join("")}</sheetData>`;
        const spy = jest.spyOn(shortcut, "appendedRowXml");
        let fast: string;
        try {
          fast = savedSheet(sheet, writes, false);
          shortcutTaken += spy.mock.results.filter((r) => r.value !== null).length;
        } finally {
          spy.mockRestore();
        }
        expect(fast).toBe(savedSheet(sheet, writes, true));
      },
    ),
    { numRuns: 400, seed: 20261203 },
  );
  // The property would hold trivially if the shortcut were never taken.
  expect(shortcutTaken).toBeGreaterThan(100);
});

test("a row whose shared-formula master was overwritten is not cut short: its child gets its own formula", () => {
  const sheet =
    '<sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1+1</f><v>1</v></c></row>' +
    '<row r="2"><c r="A2"><f t="shared" si="0"/><v>1</v></c></row></sheetData>';
  const writes = [
    { top: 0, left: 0, rows: 1, columns: 1, undo: false, seed: Array<CellContent>(12).fill(5) },
    { top: 1, left: 2, rows: 1, columns: 1, undo: false, seed: Array<CellContent>(12).fill("备注") },
  ];
  const saved = savedSheet(sheet, writes, false);
  expect(saved).toContain('<row r="2"><c r="A2"><f>B2+1</f><v>1</v></c><c r="C2" t="inlineStr">');
  expect(saved).toBe(savedSheet(sheet, writes, true));
});

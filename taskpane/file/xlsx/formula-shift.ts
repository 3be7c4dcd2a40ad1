/**
 * A shared formula's text as it reads in one of its cells: the master's A1 references moved by
 * the cell's offset, absolute ($) parts kept. Only for showing and comparing what a cell holds
 * (the overwrite question, undo): the file itself keeps the shared formula untouched.
 */
import { columnIndexOfLetters, columnLetter } from "../../../src/fill/address";

const REFERENCE = /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

function shiftSegment(segment: string, rows: number, columns: number): string {
  return segment.replace(REFERENCE, (whole, lead: string, colAbs: string, col: string, rowAbs: string, row: string) => {
    const c = colAbs ? columnIndexOfLetters(col) : columnIndexOfLetters(col) + columns;
    const r = rowAbs ? Number(row) : Number(row) + rows;
    if (c < 0 || r < 1) return whole;
    return `${lead}${colAbs}${columnLetter(c)}${rowAbs}${r}`;
  });
}

/** Move the relative references of `formula` by (rows, columns); text in "quotes" is left alone. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : shiftSegment(part, rows, columns)))
    .join("");
}

/**
 * A shared formula's text as it reads in one of its cells: the master's A1 references moved by
 * the cell's offset, absolute ($) parts kept. Only for showing and comparing what a cell holds
 * (the overwrite question, undo): the file itself keeps the shared formula untouched.
 */
const REFERENCE = /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function columnLetters(n: number): string {
  let s = "";
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}

function shiftSegment(segment: string, rows: number, columns: number): string {
  return segment.replace(REFERENCE, (whole, lead: string, colAbs: string, col: string, rowAbs: string, row: string) => {
    const c = colAbs ? columnNumber(col) : columnNumber(col) + columns;
    const r = rowAbs ? Number(row) : Number(row) + rows;
    if (c < 1 || r < 1) return whole;
    return `${lead}${colAbs}${columnLetters(c)}${rowAbs}${r}`;
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

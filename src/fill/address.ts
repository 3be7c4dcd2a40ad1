/** A1-style addresses for messages, formulas and hosts (0-based indexes in, Excel letters out). */
import type { CellArea } from "./types";

export function columnLetter(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function columnIndexOfLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C5" for row 4, column 2. */
export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export function areaA1(area: CellArea): string {
  const start = cellA1(area.top, area.left);
  return area.rows === 1 && area.columns === 1
    ? start
    : `${start}:${cellA1(area.top + area.rows - 1, area.left + area.columns - 1)}`;
}

/**
 * Parse one area such as "B4", "$B$4:H200", "Sheet1!B4:H9" or "'My Sheet'!B4"; the sheet part is
 * returned separately. Whole columns/rows ("A:C", "3:5") are not accepted: hosts report cell areas.
 */
export function parseAreaA1(address: string): { sheetName?: string; area: CellArea } | null {
  let text = address.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheetName = text.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(text);
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndexOfLetters(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndexOfLetters(m[3]) : left;
  if (top < 0 || bottom < top || right < left) return null;
  return { sheetName, area: { top, left, rows: bottom - top + 1, columns: right - left + 1 } };
}

/** Split "Sheet1!A1:B2,'a,b'!C3" into its areas (commas inside quoted sheet names kept). */
export function splitAreaList(addresses: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of addresses) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (current.trim()) parts.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

export function areasIntersect(a: CellArea, b: CellArea): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;
}

/**
 * CSV as officials get it: saved by Excel or WPS on a Chinese Windows PC (GB18030/GBK, or UTF-8
 * with or without a BOM, or Excel's "Unicode text": UTF-16, tab-separated), comma-, tab- or
 * semicolon-separated, quoted fields with embedded separators, quotes and line breaks (RFC 4180).
 * Pure: bytes in, rows of text out, one row at a time. Runs in Node and in the browser.
 */

/** A CSV that cannot be read as written: the message names the line, in the official's terms. */
export class CsvFormatError extends Error {
  override readonly name = "CsvFormatError";
}

/** What decodeCsvBytes found: the text, and whether it came from UTF-16 (Excel's tab-separated "Unicode text"). */
export interface DecodedCsv {
  readonly text: string;
  readonly utf16: boolean;
}

/**
 * Decode CSV bytes: a BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8; else text that
 * is overwhelmingly valid UTF-8 with a few stray bytes is still UTF-8 (the stray bytes become
 * U+FFFD) — one bad byte must not turn a UTF-8 file into GB18030 mojibake; anything else is
 * GB18030 (a superset of GBK/GB2312).
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), utf16: false };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), utf16: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), utf16: true };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), utf16: false };
  } catch {
    const { valid, invalid } = utf8Sequences(bytes);
    const mostlyUtf8 = valid >= 10 * invalid;
    return { text: new TextDecoder(mostlyUtf8 ? "utf-8" : "gb18030").decode(bytes), utf16: false };
  }
}

/** decodeCsv's text alone. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  return decodeCsv(bytes).text;
}

/** Well-formed multi-byte UTF-8 sequences, and bytes that fit no sequence. */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

const SEPARATORS = ["\t", ",", ";"] as const;
/** Lines looked at to tell the separator: a title line above the header must not decide alone. */
const SNIFF_LINES = 20;

/** Count of `separator` outside quotes in each of the first lines (a quoted line break continues a line). */
function separatorCounts(text: string, separator: string): number[] {
  const counts: number[] = [];
  let n = 0;
  let quoted = false;
  for (let i = 0; i < text.length && counts.length < SNIFF_LINES; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === separator) n++;
    else if (ch === "\n") {
      counts.push(n);
      n = 0;
    }
  }
  if (counts.length < SNIFF_LINES) counts.push(n);
  return counts;
}

/**
 * The separator: the one found the same number of times on the most lines among the first 20
 * (a title line without separators, a note below the table, do not decide); ties go to tab, then
 * comma (text holds commas far more often than tabs). Comma when none is found.
 */
export function detectSeparator(text: string): string {
  let best = ",";
  let bestScore = 0;
  for (const separator of SEPARATORS) {
    const counts = separatorCounts(text, separator).filter((n) => n > 0);
    const frequency = new Map<number, number>();
    for (const n of counts) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    const score = Math.max(0, ...frequency.values());
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

/**
 * RFC 4180 rows, one at a time (a large file is never held as one array of rows); a trailing
 * empty line is dropped; ragged rows are kept as they are. A quote opened and never closed is an
 * error naming its line: read on, it would swallow every following line into one cell.
 */
export function* csvRows(text: string, separator = detectSeparator(text)): Generator<string[], void, void> {
  let row: string[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let ch = text[i];
    if (ch === '"') {
      // A quoted field: up to the closing quote ("" is a quote inside).
      const startLine = line;
      let field = "";
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0)
          throw new CsvFormatError(
            `第 ${startLine} 行：引号没有闭合（从这一行开始的带引号字段直到文件末尾都没有结束的引号）`,
          );
        field += text.slice(from, close);
        line += countLineBreaks(text, from, close);
        if (text[close + 1] === '"') {
          field += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      // Text after the closing quote belongs to the field, as Excel reads it.
      const end = fieldEnd(text, i, separator);
      field += text.slice(i, end);
      row.push(field);
      i = end;
    } else {
      const end = fieldEnd(text, i, separator);
      row.push(text.slice(i, end));
      i = end;
    }
    if (i >= n) break;
    ch = text[i];
    if (ch === separator) {
      i++;
      if (i >= n) row.push("");
      continue;
    }
    // A line break: \r\n, \n or \r.
    i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    line++;
    yield row;
    row = [];
  }
  if (row.length > 0) yield row;
}

/** Where an unquoted field ends: at the separator or a line break. */
function fieldEnd(text: string, from: number, separator: string): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === separator || ch === "\n" || ch === "\r") return i;
  }
  return text.length;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", from); at >= 0 && at < to; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/** All rows at once (small files, tests). */
export function parseCsv(text: string, separator = detectSeparator(text)): string[][] {
  return [...csvRows(text, separator)];
}

/**
 * A CSV field as a cell value: plain decimal numbers become numbers the way Excel opens a CSV,
 * except where Excel would lose something an official typed — leading zeros (区划代码 "0571…"),
 * more than 15 significant digits (credit codes, ID numbers) — which stay text.
 */
export function csvFieldValue(field: string): string | number | null {
  const text = field.trim();
  if (text === "") return null;
  if (/^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/.test(text) && text.replace(/[-.]/g, "").length <= 15) return Number(text);
  return field;
}

/**
 * CSV as officials get it: saved by Excel or WPS on a Chinese Windows PC (GB18030/GBK, or UTF-8
 * with or without a BOM), comma- or tab-separated, quoted fields with embedded commas, quotes and
 * line breaks (RFC 4180). Pure: bytes in, rows of text out. Runs in Node and in the browser.
 */

/** Decode CSV bytes: a UTF-8 BOM or valid UTF-8 wins; anything else is read as GB18030 (a superset of GBK/GB2312). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** The separator: tab when the first line has tabs and no commas outside quotes, else comma (or ； for some WPS exports). */
export function detectSeparator(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length);
  const count = (separator: string): number => {
    let n = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === separator && !quoted) n++;
    }
    return n;
  };
  const candidates = [",", "\t", ";"].map((separator) => ({ separator, n: count(separator) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0].n > 0 ? candidates[0].separator : ",";
}

/** RFC 4180 parsing; a trailing empty line is dropped; ragged rows are kept as they are. */
export function parseCsv(text: string, separator = detectSeparator(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = (): void => {
    row.push(field);
    field = "";
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === separator) endField();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else if (ch === "\n" || ch === "\r") endRow();
    else field += ch;
    i++;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
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

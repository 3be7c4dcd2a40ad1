/**
 * The little XML the .xlsx parts need, by hand: the parts are machine-written and regular, and a
 * general DOM or SAX parser would cost seconds and hundreds of MB on a 100k-row sheet.
 */

/**
 * A part whose XML cannot be read as written: the message says what is wrong in the official's
 * terms; the caller adds the file, the part and the sheet.
 */
export class BrokenXmlError extends Error {
  override readonly name = "BrokenXmlError";
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text or attribute content → string: entities, then OOXML's _xHHHH_ escapes (ST_Xstring). */
export function decodeXml(text: string): string {
  // A CDATA section (some writers use them for text) holds its characters as they are.
  if (text.includes("<![CDATA[")) return decodeWithCdata(text);
  let out = text;
  if (out.includes("&")) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
      if (name[0] !== "#") return NAMED_ENTITIES[name] ?? whole;
      const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!(code <= 0x10ffff)) throw new BrokenXmlError(`无效的字符引用“${whole.slice(0, 20)}”`);
      return String.fromCodePoint(code);
    });
  }
  if (out.includes("_x"))
    out = out.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

function decodeWithCdata(text: string): string {
  if (text.lastIndexOf("]]>") < text.lastIndexOf("<![CDATA[")) throw new BrokenXmlError("CDATA 段没有结束标记");
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith("<![CDATA[") ? part.slice(9, -3) : decodeXml(part)))
    .join("");
}

/**
 * XML 1.0 cannot hold most C0 controls (nor U+FFFE/U+FFFF) even escaped, and a parser turns a
 * CR into LF: OOXML writes them as _xHHHH_, as Excel does for the CR of a line break.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u000d\u000e-\u001f\ufffe\uffff]/g;

function controlEscape(c: string): string {
  return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
}

/** Whether escapeXmlText changes anything: most text has nothing to escape, and is returned as it is. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000b-\u000d\u000e-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;

/** String → element text. A literal "_x0041_" is protected so it does not read back as "A". */
export function escapeXmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(CONTROL_CHARACTERS, controlEscape);
}

export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, "&quot;");
}

/** The value of attribute `name` in an open tag (`name` may carry a namespace prefix), or null. */
export function attribute(tag: string, name: string): string | null {
  const at = findAttribute(tag, name);
  return at === null ? null : decodeXml(at.value);
}

function findAttribute(tag: string, name: string): { start: number; end: number; value: string } | null {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(`${name}=`, from);
    if (at < 0) return null;
    const before = tag.charCodeAt(at - 1);
    // A whole name only: preceded by whitespace (so "r" does not match "spans" or "ref").
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      const quote = tag[at + name.length + 1];
      const valueStart = at + name.length + 2;
      const valueEnd = tag.indexOf(quote, valueStart);
      return { start: at - 1, end: valueEnd + 1, value: tag.slice(valueStart, valueEnd) };
    }
    from = at + 1;
  }
}

/** An open tag with attribute `name` set to `value` (added before the tag's end when absent). */
export function withAttribute(tag: string, name: string, value: string): string {
  const found = findAttribute(tag, name);
  const text = ` ${name}="${escapeXmlAttribute(value)}"`;
  if (found) return tag.slice(0, found.start) + text + tag.slice(found.end);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, end) + text + tag.slice(end);
}

/** An open tag without attribute `name`. */
export function withoutAttribute(tag: string, name: string): string {
  const found = findAttribute(tag, name);
  return found ? tag.slice(0, found.start) + tag.slice(found.end) : tag;
}

/** The namespace prefix of the root element ("" or "x:"): .NET writers prefix every element. */
export function rootPrefix(xml: string, localName: string): string {
  const match = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}[\\s>/]`).exec(xml);
  return match?.[1] ?? "";
}

/** Every element `<p:name …/>` or `<p:name …>…</p:name>` (not nested in itself), as raw text. */
export function elements(xml: string, qualifiedName: string, from = 0, to = xml.length): string[] {
  const out: string[] = [];
  const open = `<${qualifiedName}`;
  const close = `</${qualifiedName}>`;
  let at = xml.indexOf(open, from);
  while (at >= 0 && at < to) {
    const next = xml.charCodeAt(at + open.length);
    // "<c" must not match "<col": the name ends at whitespace, ">" or "/".
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      at = xml.indexOf(open, at + 1);
      continue;
    }
    const tagEnd = xml.indexOf(">", at);
    if (tagEnd < 0) throw new BrokenXmlError(`<${qualifiedName}> 标记不完整`);
    const closeAt = xml[tagEnd - 1] === "/" ? -1 : xml.indexOf(close, tagEnd);
    // An element left open would otherwise be found again and again until memory runs out.
    if (xml[tagEnd - 1] !== "/" && closeAt < 0) throw new BrokenXmlError(`<${qualifiedName}> 元素没有结束标记`);
    const end = closeAt < 0 ? tagEnd + 1 : closeAt + close.length;
    out.push(xml.slice(at, end));
    at = xml.indexOf(open, end);
  }
  return out;
}

/**
 * `text.indexOf(needle, from)` limited to a span: a match must lie within [from, end), else -1.
 * Searching one cell's XML must not run on to the end of the sheet when the cell lacks the element.
 */
export function indexWithin(text: string, needle: string, from: number, end: number): number {
  const at = text.slice(from, end).indexOf(needle);
  return at < 0 ? -1 : from + at;
}

/**
 * The next occurrence of `needle` at or after a position that only moves forward: each search
 * starts where the last one ended, so all of them together read the text once. A fresh indexOf
 * per element would run on past the element (to the next "&" or cell anywhere in the part) again
 * and again: quadratic on a sheet of many empty rows.
 */
export class NextOf {
  private at = -2;
  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** The first occurrence at or after `position`, or -1; `position` never goes back. */
  from(position: number): number {
    if (this.at !== -1 && this.at < position) this.at = this.text.indexOf(this.needle, position);
    return this.at;
  }
}

/** The open tag at the start of an element's text. */
export function openTag(element: string): string {
  return element.slice(0, element.indexOf(">") + 1);
}

/** Concatenated text of the `<t>` runs of a string item, leaving out phonetic runs (`<rPh>`). */
export function runText(item: string, prefix: string): string {
  const body = item.includes(`<${prefix}rPh`)
    ? item.replace(new RegExp(`<${prefix}rPh[\\s>][\\s\\S]*?</${prefix}rPh>`, "g"), "")
    : item;
  let text = "";
  for (const t of elements(body, `${prefix}t`)) {
    const start = t.indexOf(">") + 1;
    if (t[start - 2] === "/") continue;
    text += t.slice(start, t.length - `</${prefix}t>`.length);
  }
  return decodeXml(text);
}

export const utf8Encoder = new TextEncoder();

/**
 * A small, strict XML reader for the manifest tests (no DOM in Node, no dependency).
 * It rejects what an XML parser must reject — mismatched or unclosed tags, unquoted or
 * duplicate attributes, stray "<" or "&", text outside the root — and returns a tree.
 * Namespaces are kept as written (prefix:name); the tests match on local names.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

export class XmlError extends Error {}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(raw: string, line: number): string {
  return raw.replace(/&([^;]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(";")) throw new XmlError(`line ${line}: bare "&"`);
    if (body in ENTITIES) return ENTITIES[body];
    const num = /^#x([0-9a-f]+)$/i.exec(body) ?? /^#([0-9]+)$/.exec(body);
    if (num) return String.fromCodePoint(parseInt(num[1], body.startsWith("#x") ? 16 : 10));
    throw new XmlError(`line ${line}: unknown entity &${body};`);
  });
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const lineAt = (at: number) => source.slice(0, at).split("\n").length;
  const fail = (message: string): never => {
    throw new XmlError(`line ${lineAt(pos)}: ${message}`);
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  if (source.startsWith("<?xml", pos)) {
    const end = source.indexOf("?>", pos);
    if (end < 0) fail("unterminated XML declaration");
    pos = end + 2;
  }

  while (pos < source.length) {
    const lt = source.indexOf("<", pos);
    const text = source.slice(pos, lt < 0 ? source.length : lt);
    if (text.includes(">") && !stack.length) fail("stray '>'");
    if (stack.length) stack[stack.length - 1].text += decode(text, lineAt(pos));
    else if (text.trim()) fail("text outside the root element");
    if (lt < 0) break;
    pos = lt;

    if (source.startsWith("<!--", pos)) {
      const end = source.indexOf("-->", pos + 4);
      if (end < 0) fail("unterminated comment");
      if (source.slice(pos + 4, end).includes("--")) fail("'--' inside a comment");
      pos = end + 3;
    } else if (source.startsWith("<![CDATA[", pos)) {
      const end = source.indexOf("]]>", pos);
      if (end < 0 || !stack.length) fail("CDATA outside an element or unterminated");
      stack[stack.length - 1].text += source.slice(pos + 9, end);
      pos = end + 3;
    } else if (source.startsWith("<?", pos)) {
      const end = source.indexOf("?>", pos);
      if (end < 0) fail("unterminated processing instruction");
      pos = end + 2;
    } else if (source.startsWith("<!", pos)) {
      fail("DOCTYPE/markup declarations are not expected in a manifest");
    } else if (source.startsWith("</", pos)) {
      pos += 2;
      const name = readName();
      skipSpace();
      if (source[pos] !== ">") fail(`malformed end tag </${name}`);
      pos++;
      const open = stack.pop();
      if (!open) fail(`end tag </${name}> without a start tag`);
      else if (open.name !== name) fail(`</${name}> closes <${open.name}> (line ${open.line})`);
    } else {
      const line = lineAt(pos);
      pos++;
      const element: XmlElement = { name: readName(), attrs: {}, children: [], text: "", line };
      for (;;) {
        const hadSpace = skipSpace();
        if (source.startsWith("/>", pos) || source[pos] === ">") break;
        if (!hadSpace) fail(`attributes of <${element.name}> must be separated by white space`);
        const attr = readName();
        skipSpace();
        if (source[pos] !== "=") fail(`attribute ${attr} without a value`);
        pos++;
        skipSpace();
        const quote = source[pos];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attr} is not quoted`);
        const end = source.indexOf(quote, pos + 1);
        if (end < 0) fail(`unterminated value of ${attr}`);
        const raw = source.slice(pos + 1, end);
        if (raw.includes("<")) fail(`'<' inside the value of ${attr}`);
        if (attr in element.attrs) fail(`duplicate attribute ${attr} on <${element.name}>`);
        element.attrs[attr] = decode(raw, lineAt(pos));
        pos = end + 1;
      }
      if (stack.length) stack[stack.length - 1].children.push(element);
      else if (root) fail("more than one root element");
      else root = element;
      if (source.startsWith("/>", pos)) pos += 2;
      else {
        pos++;
        stack.push(element);
      }
    }
  }
  if (stack.length)
    throw new XmlError(`<${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line}) is never closed`);
  if (!root) throw new XmlError("no root element");
  return root;

  function readName(): string {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) return fail(`expected a name at "${source.slice(pos, pos + 10)}"`);
    pos += match[0].length;
    return match[0];
  }
  function skipSpace(): boolean {
    const start = pos;
    while (pos < source.length && " \t\r\n".includes(source[pos])) pos++;
    return pos > start;
  }
}

/** Local name: "bt:Image" → "Image". */
export const localName = (element: XmlElement): string => element.name.slice(element.name.indexOf(":") + 1);

/** Every element below (and including) `element`, depth first, each with its ancestors. */
export function walk(
  element: XmlElement,
  ancestors: XmlElement[] = [],
): { element: XmlElement; ancestors: XmlElement[] }[] {
  return [{ element, ancestors }, ...element.children.flatMap((child) => walk(child, [...ancestors, element]))];
}

/** Elements reached by a path of local names, e.g. find(root, "VersionOverrides", "Resources"). */
export function find(element: XmlElement, ...path: string[]): XmlElement[] {
  let current = [element];
  for (const step of path) current = current.flatMap((e) => e.children.filter((c) => localName(c) === step));
  return current;
}

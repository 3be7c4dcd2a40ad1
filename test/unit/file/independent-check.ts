/**
 * An output checked by readers that share no code with XSG: JSZip with CRC checking (every
 * entry's data against its CRC), every XML part checked for well-formedness by a small checker here,
 * and the whole workbook re-read by exceljs.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";

/**
 * Well-formedness of an XML text: tags nest and close, attributes quoted and not repeated,
 * entities known, one root, and every namespace prefix declared on the element or an ancestor.
 */
export function xmlProblem(xml: string): string | null {
  const stack: { name: string; prefixes: Set<string> }[] = [];
  const text = xml.replace(/^\uFEFF/, "");
  const token =
    /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([A-Za-z_][\w.:-]*)\s*>|<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let match: RegExpExecArray | null;
  let roots = 0;
  while ((match = token.exec(text))) {
    const whole = match[0];
    if (whole === "<") return `stray "<" at ${match.index}`;
    if (whole === "&") return `bad entity at ${match.index}`;
    if (match[1]) {
      if (stack.pop()?.name !== match[1]) return `</${match[1]}> closes nothing at ${match.index}`;
      continue;
    }
    if (!match[2]) continue;
    const attributes = [...(match[3] ?? "").matchAll(/\s([\w.:-]+)\s*=/g)].map((m) => m[1]);
    if (new Set(attributes).size !== attributes.length) return `duplicate attribute in <${match[2]}>`;
    const prefixes = new Set(stack.length > 0 ? stack[stack.length - 1].prefixes : ["xml", "xmlns"]);
    for (const a of attributes) if (a.startsWith("xmlns:")) prefixes.add(a.slice(6));
    for (const name of [match[2], ...attributes]) {
      const colon = name.indexOf(":");
      if (colon > 0 && !prefixes.has(name.slice(0, colon))) return `undeclared prefix in ${name} at ${match.index}`;
    }
    if (stack.length === 0) roots++;
    if (!match[4]) stack.push({ name: match[2], prefixes });
  }
  if (stack.length > 0) return `<${stack[stack.length - 1].name}> not closed`;
  return roots === 1 ? null : `${roots} root elements`;
}

/** Problems an independent reader finds in an .xlsx; [] when it is sound. */
export async function independentProblems(bytes: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (error) {
    return [`jszip: ${(error as Error).message}`];
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  for (const name of names) {
    let data: Uint8Array;
    try {
      data = await zip.files[name].async("uint8array");
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
      continue;
    }
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(data);
    } catch {
      problems.push(`${name}: invalid UTF-8`);
      continue;
    }
    const problem = xmlProblem(text);
    if (problem) problems.push(`${name}: ${problem}`);
  }
  if (problems.length > 0) return problems;
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    problems.push(`exceljs: ${(error as Error).message}`);
  }
  return problems;
}

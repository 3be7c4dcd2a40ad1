/**
 * An .xlsx package as the fill needs it: the sheet list, shared strings and cell formats read,
 * sheets indexed on demand, and on save only the parts that changed are rewritten — the
 * filled sheet, the styles when new cells needed a look, the workbook when a summary sheet was
 * added. Every other part (charts, pivot tables, images, comments, themes, macros' neighbours)
 * is copied byte for byte.
 */
import { portableCodec, type Codec } from "./codec";
import { relationshipsXml, REL_NS, WORKSHEET_CONTENT_TYPE } from "./ooxml";
import { SheetGrid } from "./sheet-grid";
import { StyleSheet } from "./styles";
import {
  BrokenXmlError,
  withAttribute,
  attribute,
  decodeXml,
  elements,
  escapeXmlAttribute,
  openTag,
  rootPrefix,
  runText,
  utf8Encoder,
} from "./xml";
import { finish, scaled, type Steps } from "./steps";
import { FileLimitError, MAX_INFLATED_BYTES, megabytes } from "./limits";
import { xmlProblem } from "./well-formed";
import {
  checkDeclaredSize,
  compressedEntry,
  entryDataSteps,
  readZip,
  writeZip,
  type ZipEntry,
  type ZipPart,
} from "./zip";

export interface SheetEntry {
  readonly name: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** Part name in the zip, e.g. "xl/worksheets/sheet1.xml"; null for a chart sheet or a dialog sheet. */
  readonly part: string | null;
}

const CONTENT_TYPES_PART = "[Content_Types].xml";

/**
 * A template's main part as a workbook's: the output is saved as .xlsx/.xlsm (filledFileName), and
 * Excel refuses a file whose extension and main content type disagree.
 */
function workbookContentTypes(types: string): string {
  return types
    .replace("spreadsheetml.template.main+xml", "spreadsheetml.sheet.main+xml")
    .replace("ms-excel.template.macroEnabled.main+xml", "ms-excel.sheet.macroEnabled.main+xml");
}

/** "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; absolute targets start at the root. */
export function resolvePartName(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function parseRelationships(xml: string): Relationship[] {
  const prefix = rootPrefix(xml, "Relationships");
  return elements(xml, `${prefix}Relationship`).map((element) => {
    const tag = openTag(element);
    return {
      id: attribute(tag, "Id") ?? "",
      type: attribute(tag, "Type") ?? "",
      target: attribute(tag, "Target") ?? "",
    };
  });
}

/** An added sheet: its XML and the parts that go with it (a drawing, a chart). */
export interface NewSheet {
  readonly name: string;
  readonly xml: string;
  /** Extra parts keyed by name relative to the package root, with their content types. */
  readonly parts?: readonly { readonly name: string; readonly xml: string; readonly contentType?: string }[];
  /** The new sheet's own relationships (e.g. to its drawing). */
  readonly rels?: readonly { readonly id: string; readonly type: string; readonly target: string }[];
}

export class XlsxPackage {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  /** calcPr fullCalcOnLoad: the writer left formula results for Excel to compute (xlsxwriter, openpyxl). */
  readonly recalculatesOnOpen: boolean;
  readonly activeTab: number;
  sharedStrings: readonly string[] = [];
  readonly styles: StyleSheet | null;
  private readonly entries: Map<string, ZipEntry>;
  private readonly order: string[];
  private readonly grids = new Map<string, SheetGrid>();
  private readonly workbookPart: string;
  private readonly stylesPart: string | null;
  private readonly stringsPart: string | null;
  private readonly added: NewSheet[] = [];
  /** Bytes inflated so far (bounded by MAX_INFLATED_BYTES). */
  private inflated = 0;

  private constructor(
    entries: readonly ZipEntry[],
    private readonly codec: Codec,
  ) {
    this.entries = new Map(entries.map((e) => [e.name, e]));
    this.order = entries.map((e) => e.name);
    const rootRels = this.parsed("_rels/.rels", parseRelationships);
    const office = rootRels.find((r) => r.type.endsWith("/officeDocument"));
    this.workbookPart = office ? resolvePartName("", office.target) : "xl/workbook.xml";
    const workbook = this.text(this.workbookPart);
    const prefix = rootPrefix(workbook, "workbook");
    const relsPart = relsPartOf(this.workbookPart);
    const rels = this.entries.has(relsPart) ? this.parsed(relsPart, parseRelationships) : [];
    const target = (id: string | null) => {
      const rel = rels.find((r) => r.id === id);
      return rel ? { part: resolvePartName(this.workbookPart, rel.target), type: rel.type } : null;
    };
    const sheetElements = parsing(this.workbookPart, () => elements(workbook, `${prefix}sheet`));
    this.sheets = sheetElements.map((element) => {
      const tag = openTag(element);
      const id = /\s[\w.-]+:id=["']([^"']*)["']/.exec(tag)?.[1] ?? null;
      const found = target(id);
      const state = attribute(tag, "state");
      return {
        name: attribute(tag, "name") ?? "",
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        part: found && found.type.endsWith("/worksheet") && this.entries.has(found.part) ? found.part : null,
      };
    });
    const workbookPr = parsing(this.workbookPart, () => elements(workbook, `${prefix}workbookPr`))[0];
    const date1904 = workbookPr ? attribute(openTag(workbookPr), "date1904") : null;
    this.date1904 = date1904 === "1" || date1904 === "true";
    const calcPr = parsing(this.workbookPart, () => elements(workbook, `${prefix}calcPr`))[0];
    const fullCalc = calcPr ? attribute(openTag(calcPr), "fullCalcOnLoad") : null;
    this.recalculatesOnOpen = fullCalc === "1" || fullCalc === "true";
    const view = parsing(this.workbookPart, () => elements(workbook, `${prefix}workbookView`))[0];
    this.activeTab = Number(view ? (attribute(openTag(view), "activeTab") ?? 0) : 0) || 0;

    const strings = rels.find((r) => r.type.endsWith("/sharedStrings"));
    this.stringsPart = strings ? resolvePartName(this.workbookPart, strings.target) : null;
    const styles = rels.find((r) => r.type.endsWith("/styles"));
    this.stylesPart = styles ? resolvePartName(this.workbookPart, styles.target) : null;
    this.styles =
      this.stylesPart && this.entries.has(this.stylesPart)
        ? this.parsed(this.stylesPart, (xml) => new StyleSheet(xml))
        : null;
  }

  /** `read` over a part's text; a broken-XML error names the part. */
  private parsed<T>(part: string, read: (xml: string) => T): T {
    return parsing(part, () => read(this.text(part)));
  }

  static open(bytes: Uint8Array, codec: Codec = portableCodec): XlsxPackage {
    return finish(XlsxPackage.openSteps(bytes, codec));
  }

  /** Read the zip directory and the workbook's parts, then the shared strings (progress 0–1). */
  static *openSteps(bytes: Uint8Array, codec: Codec = portableCodec): Steps<XlsxPackage> {
    const pkg = new XlsxPackage(readZip(bytes), codec);
    if (pkg.stringsPart && pkg.entries.has(pkg.stringsPart)) {
      const part = pkg.stringsPart;
      try {
        const xml = yield* scaled(pkg.textSteps(part, true), 0, 0.5);
        pkg.sharedStrings = yield* scaled(sharedStringSteps(xml), 0.5, 1);
      } catch (error) {
        throw inPart(error, part);
      }
    }
    return pkg;
  }

  /** The indexed sheet (parsed on first use). */
  grid(name: string): SheetGrid {
    return finish(this.gridSteps(name));
  }

  /** The indexed sheet, parsed piece by piece on first use (progress 0–1). */
  *gridSteps(name: string): Steps<SheetGrid> {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet?.part) throw new Error(`工作簿中没有名为“${name}”的工作表`);
    let grid = this.grids.get(sheet.part);
    if (!grid) {
      const part = sheet.part;
      try {
        let utf8: Uint8Array | undefined;
        const xml = yield* scaled(
          this.textSteps(part, false, (data) => (utf8 = data)),
          0,
          0.4,
        );
        // The check of the XML a save would rewrite starts now, where the codec runs it elsewhere.
        const check = utf8 && this.codec.checkXml ? this.codec.checkXml(xml, utf8) : undefined;
        utf8 = undefined;
        grid = yield* scaled(
          SheetGrid.create(xml, this.sharedStrings, this.styles, this.date1904, this.recalculatesOnOpen, check),
          0.4,
          1,
        );
      } catch (error) {
        throw inPart(error, `工作表“${name}”（${part}）`);
      }
      this.grids.set(part, grid);
    }
    return grid;
  }

  /** Every sheet name, added ones included (for unique names). */
  get sheetNames(): string[] {
    return [...this.sheets.map((s) => s.name), ...this.added.map((s) => s.name)];
  }

  addSheet(sheet: NewSheet): void {
    this.added.push(sheet);
  }

  /** Whether a part of this name exists or is about to be added (new parts pick free names). */
  hasPart(name: string): boolean {
    return this.entries.has(name) || this.added.some((s) => s.parts?.some((p) => p.name === name));
  }

  /** The package with every change applied. */
  save(): Uint8Array {
    return finish(this.saveSteps());
  }

  /** The package with every change applied; changed sheets are written and compressed piece by piece. */
  *saveSteps(): Steps<Uint8Array> {
    const changedGrids = [...this.grids].filter(([, grid]) => grid.changed);
    const streamed = new Map<string, ZipEntry>();
    for (let i = 0; i < changedGrids.length; i++) {
      const [part, grid] = changedGrids[i];
      const share = 0.95 / changedGrids.length;
      try {
        streamed.set(part, yield* scaled(this.compressedSheet(part, grid), i * share, (i + 1) * share));
      } catch (error) {
        throw inPart(error, part);
      }
    }
    const changed = new Map<string, string>();
    if (this.styles?.changed && this.stylesPart) changed.set(this.stylesPart, this.styles.serialize());
    const types = this.text(CONTENT_TYPES_PART);
    const asWorkbook = workbookContentTypes(types);
    if (asWorkbook !== types) changed.set(CONTENT_TYPES_PART, asWorkbook);
    const dropped = new Set<string>();
    if (streamed.size > 0 || this.added.length > 0) this.addSheetsAndRecalc(changed, dropped);
    // A rewritten part carries everything else its input held: damaged input XML is refused, not passed on.
    for (const [name, text] of changed) {
      const problem = xmlProblem(text);
      if (problem) throw new BrokenXmlError(`${name}：XML 格式错误（${problem}）`);
    }
    const parts: ZipPart[] = [];
    for (const name of this.order) {
      if (dropped.has(name)) continue;
      const text = changed.get(name);
      const entry = streamed.get(name);
      if (entry) parts.push({ copy: entry });
      else if (text !== undefined) {
        parts.push({ name, data: utf8Encoder.encode(text) });
        changed.delete(name);
      } else parts.push({ copy: this.entries.get(name)! });
    }
    for (const [name, text] of changed) parts.push({ name, data: utf8Encoder.encode(text) });
    yield 0.95;
    return writeZip(parts, this.codec);
  }

  /** A changed sheet's XML, encoded, checksummed and compressed as it is produced (never one huge string). */
  private *compressedSheet(part: string, grid: SheetGrid): Steps<ZipEntry> {
    const sink = this.codec.deflater();
    let crc = 0;
    let size = 0;
    yield* grid.serializeSteps((text) => {
      const bytes = utf8Encoder.encode(text);
      crc = this.codec.crc32(bytes, crc);
      size += bytes.length;
      sink.push(bytes);
    });
    return compressedEntry(part, sink.finish(), crc, size);
  }

  /**
   * A part's text, inflated and decoded piece by piece (progress 0–1). Invalid UTF-8 is refused
   * rather than replaced: a rewritten part would otherwise change cells the fill never wrote
   * (`lenient` for the shared strings, which are only read, never rewritten).
   */
  private *textSteps(part: string, lenient = false, decoded?: (utf8: Uint8Array) => void): Steps<string> {
    const entry = this.entries.get(part);
    if (!entry) throw new BrokenXmlError(`缺少部件 ${part}`);
    checkDeclaredSize(entry);
    this.inflated += entry.size;
    if (this.inflated > MAX_INFLATED_BYTES)
      throw new FileLimitError(
        `工作簿要读取的内容解压后超过 ${megabytes(MAX_INFLATED_BYTES)}（读到 ${part} 时），过大无法处理：请拆分后再填充`,
      );
    const data = yield* scaled(entryDataSteps(entry, this.codec), 0, 0.8);
    const decoder = new TextDecoder("utf-8", { fatal: !lenient });
    const pieces: string[] = [];
    try {
      for (let at = 0; at < data.length; at += TEXT_PIECE_BYTES) {
        pieces.push(decoder.decode(data.subarray(at, at + TEXT_PIECE_BYTES), { stream: true }));
        yield 0.8 + (0.2 * at) / data.length;
      }
      pieces.push(decoder.decode());
    } catch {
      throw new BrokenXmlError(`“${part}”含有无效的 UTF-8 编码（文件已损坏：请在 WPS 或 Excel 中打开后重新保存）`);
    }
    let text: string;
    try {
      text = pieces.join("");
    } catch (error) {
      // V8 strings stop at about 512 M characters.
      if (error instanceof RangeError)
        throw new FileLimitError(`“${part}”解压后有 ${megabytes(data.length)}，过大无法处理：请把工作表拆分后再填充`);
      throw error;
    }
    decoded?.(data);
    return text;
  }

  /**
   * Workbook-level edits of a changed package: new sheets registered, the calculation chain
   * dropped (it may list cells that no longer hold formulas; Excel rebuilds it), and a full
   * recalculation on open so formulas over the filled columns show current values.
   */
  private addSheetsAndRecalc(changed: Map<string, string>, dropped: Set<string>): void {
    const relsPart = relsPartOf(this.workbookPart);
    let workbook = this.text(this.workbookPart);
    let rels = this.textOrEmpty(relsPart);
    let types = changed.get(CONTENT_TYPES_PART) ?? this.text(CONTENT_TYPES_PART);
    const prefix = rootPrefix(workbook, "workbook");
    const relPrefix = rootPrefix(rels, "Relationships");

    const chain = parseRelationships(rels).find((r) => r.type.endsWith("/calcChain"));
    if (chain) {
      const chainPart = resolvePartName(this.workbookPart, chain.target);
      dropped.add(chainPart);
      const relation = elements(rels, `${relPrefix}Relationship`).find((e) => attribute(openTag(e), "Id") === chain.id);
      if (relation) rels = rels.replace(relation, "");
      const typesPrefix = rootPrefix(types, "Types");
      const override = elements(types, `${typesPrefix}Override`).find(
        (e) => attribute(openTag(e), "PartName") === `/${chainPart}`,
      );
      if (override) types = types.replace(override, "");
    }

    const usedIds = new Set(parseRelationships(rels).map((r) => r.id));
    let sheetId = Math.max(
      0,
      ...elements(workbook, `${prefix}sheet`).map((s) => Number(attribute(openTag(s), "sheetId")) || 0),
    );
    let fileNumber = 1;
    for (const sheet of this.added) {
      while (
        this.entries.has(`xl/worksheets/sheet${fileNumber}.xml`) ||
        changed.has(`xl/worksheets/sheet${fileNumber}.xml`)
      )
        fileNumber++;
      const part = `xl/worksheets/sheet${fileNumber}.xml`;
      let rid = usedIds.size + 1;
      while (usedIds.has(`rId${rid}`)) rid++;
      usedIds.add(`rId${rid}`);
      sheetId++;
      changed.set(part, sheet.xml);
      types = types.replace(
        "</Types>",
        `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT_TYPE}"/></Types>`,
      );
      rels = rels.replace(
        `</${relPrefix}Relationships>`,
        `<${relPrefix}Relationship Id="rId${rid}" Type="${REL_NS}/worksheet" Target="${relativeTarget(this.workbookPart, part)}"/></${relPrefix}Relationships>`,
      );
      // Only a prefix declared on the root is in scope for a new <sheet>: openpyxl and pandas declare
      // r: on each <sheet> instead, and a prefix borrowed from a sibling leaves it undeclared.
      const rootStart = workbook.indexOf(`<${prefix}workbook`);
      const relNs =
        /xmlns:([\w.-]+)=["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.exec(
          workbook.slice(rootStart, workbook.indexOf(">", rootStart) + 1),
        )?.[1];
      const idAttribute = relNs ? `${relNs}:id` : `xmlns:r="${REL_NS}" r:id`;
      workbook = workbook.replace(
        `</${prefix}sheets>`,
        `<${prefix}sheet name="${escapeXmlAttribute(sheet.name)}" sheetId="${sheetId}" ${idAttribute}="rId${rid}"/></${prefix}sheets>`,
      );
      for (const extra of sheet.parts ?? []) {
        changed.set(extra.name, extra.xml);
        if (extra.contentType)
          types = types.replace(
            "</Types>",
            `<Override PartName="/${extra.name}" ContentType="${extra.contentType}"/></Types>`,
          );
      }
      if (sheet.rels?.length) {
        changed.set(relsPartOf(part), relationshipsXml(sheet.rels));
      }
      fileNumber++;
    }
    workbook = withFullCalcOnLoad(workbook, prefix);
    changed.set(this.workbookPart, workbook);
    if (rels) changed.set(relsPart, rels);
    changed.set(CONTENT_TYPES_PART, types);
  }

  private text(part: string): string {
    return finish(this.textSteps(part));
  }

  private textOrEmpty(part: string): string {
    return this.entries.has(part) ? this.text(part) : "";
  }
}

/** A broken-XML error with the part (or sheet) it was found in; other errors pass unchanged. */
function inPart(error: unknown, where: string): unknown {
  if (error instanceof BrokenXmlError && !error.message.startsWith(where))
    return new BrokenXmlError(`${where}：${error.message}`);
  return error;
}

function parsing<T>(part: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw inPart(error, part);
  }
}

/** Target of a relationship from `from` to `to`, relative to `from`'s folder. */
function relativeTarget(from: string, to: string): string {
  const base = from.split("/").slice(0, -1).join("/");
  return base && to.startsWith(`${base}/`) ? to.slice(base.length + 1) : `/${to}`;
}

function withFullCalcOnLoad(workbook: string, prefix: string): string {
  const calcPr = elements(workbook, `${prefix}calcPr`)[0];
  if (calcPr) {
    const tag = openTag(calcPr);
    return workbook.replace(tag, withAttribute(tag, "fullCalcOnLoad", "1"));
  }
  // calcPr follows definedNames (else externalReferences, functionGroups, sheets) in CT_Workbook's sequence.
  const anchor = ["definedNames", "externalReferences", "functionGroups", "sheets"]
    .map((name) => `</${prefix}${name}>`)
    .find((close) => workbook.includes(close)) as string;
  return workbook.replace(anchor, `${anchor}<${prefix}calcPr fullCalcOnLoad="1"/>`);
}

/** Bytes decoded per piece of a part's text. */
const TEXT_PIECE_BYTES = 8 << 20;

function* sharedStringSteps(xml: string): Steps<string[]> {
  const prefix = rootPrefix(xml, "sst");
  const items = elements(xml, `${prefix}si`);
  const strings: string[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    strings[i] = runText(items[i], prefix);
    if (i % 5_000 === 0) yield i / items.length;
  }
  return strings;
}

export { decodeXml };

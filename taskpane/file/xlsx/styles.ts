/**
 * The cell formats (cellXfs) of styles.xml, for one job: a cell the fill creates takes the look
 * of the row's last data cell — font, border, fill, alignment — but not its number format (a
 * date or 万元 format would disguise an amount or a note). Those looks are appended as new
 * formats; nothing existing is changed.
 */
import { isBuiltinDateFormat, isDateFormatCode } from "../../../src/fill/date-system";
import { attribute, elements, openTag, rootPrefix, withAttribute, withoutAttribute } from "./xml";

export class StyleSheet {
  private readonly prefix: string;
  private readonly formats: string[];
  private readonly originalCount: number;
  private readonly looks = new Map<number, number>();

  /** Custom number formats (numFmts) by id. */
  private readonly codes = new Map<number, string>();
  /** Whether a cell format shows a date, by index (worked out on first ask). */
  private readonly dates = new Map<number, boolean>();

  constructor(private readonly xml: string) {
    this.prefix = rootPrefix(xml, "styleSheet");
    const block = this.cellXfsBlock();
    this.formats = block ? elements(xml, `${this.prefix}xf`, block.start, block.end) : [];
    this.originalCount = this.formats.length;
    for (const numFmt of elements(xml, `${this.prefix}numFmt`)) {
      const tag = openTag(numFmt);
      this.codes.set(Number(attribute(tag, "numFmtId")), attribute(tag, "formatCode") ?? "");
    }
  }

  /** Whether cells of format `index` show a date (what tells a date serial from a number). */
  isDate(index: number): boolean {
    let known = this.dates.get(index);
    if (known === undefined) {
      const id = this.numberFormatOf(index);
      const code = this.codes.get(id);
      known = code === undefined ? isBuiltinDateFormat(id) : isDateFormatCode(code);
      this.dates.set(index, known);
    }
    return known;
  }

  get changed(): boolean {
    return this.formats.length > this.originalCount;
  }

  /** Number-format id of a cell format. */
  numberFormatOf(index: number): number {
    const xf = this.formats[index];
    return xf ? Number(attribute(openTag(xf), "numFmtId") ?? 0) : 0;
  }

  /** The format for a new cell beside a cell of format `index`; null when that cell has no look to share. */
  lookOf(index: number): number | null {
    if (index <= 0 || index >= this.formats.length) return null;
    const known = this.looks.get(index);
    if (known !== undefined) return known;
    const xf = this.formats[index];
    const tag = openTag(xf);
    let look = index;
    if (this.numberFormatOf(index) !== 0) {
      const plain = withoutAttribute(withAttribute(tag, "numFmtId", "0"), "applyNumberFormat");
      this.formats.push(plain + xf.slice(tag.length));
      look = this.formats.length - 1;
    }
    this.looks.set(index, look);
    return look;
  }

  serialize(): string {
    const block = this.cellXfsBlock();
    if (!block || !this.changed) return this.xml;
    const open = withAttribute(openTag(this.xml.slice(block.start)), "count", String(this.formats.length));
    return `${this.xml.slice(0, block.start)}${open}${this.formats.join("")}</${this.prefix}cellXfs>${this.xml.slice(block.end)}`;
  }

  private cellXfsBlock(): { start: number; end: number } | null {
    const start = this.xml.indexOf(`<${this.prefix}cellXfs`);
    if (start < 0) return null;
    const close = `</${this.prefix}cellXfs>`;
    const end = this.xml.indexOf(close, start);
    return end < 0 ? null : { start, end: end + close.length };
  }
}

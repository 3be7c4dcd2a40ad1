/**
 * A minimal one-sheet .xlsx built from cell values — how a .csv becomes a workbook the fill can
 * work on and the official can download. Strings are inline, numbers are numbers.
 */
import { portableCodec, type Codec } from "./codec";
import { CONTENT_TYPES_NS, MAIN_NS, REL_NS, WORKSHEET_CONTENT_TYPE, XML_HEAD, relationshipsXml } from "./ooxml";
import { escapeXmlAttribute } from "./xml";
import { writeZip } from "./zip";
import { worksheetXml, type SheetCell } from "./worksheet-xml";

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="${CONTENT_TYPES_NS}">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WORKSHEET_CONTENT_TYPE}"/>` +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  "</Types>";

const ROOT_RELS = relationshipsXml([{ id: "rId1", type: `${REL_NS}/officeDocument`, target: "xl/workbook.xml" }]);

const WORKBOOK_RELS = relationshipsXml([
  { id: "rId1", type: `${REL_NS}/worksheet`, target: "worksheets/sheet1.xml" },
  { id: "rId2", type: `${REL_NS}/styles`, target: "styles.xml" },
]);

/** One font (the host's default), no fills or borders beyond the required two and one. */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

function workbookXml(sheetName: string): string {
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
    `<sheets><sheet name="${escapeXmlAttribute(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
}

export function newWorkbook(
  sheetName: string,
  rows: readonly (readonly SheetCell[])[],
  codec: Codec = portableCodec,
): Uint8Array {
  return workbookOfSheet(sheetName, worksheetXml(rows), codec);
}

/**
 * The package around one sheet's XML. `storeSheet` leaves the sheet uncompressed: a .csv's
 * workbook is opened right away in memory, so deflating it only to inflate it again is waste.
 */
export function workbookOfSheet(
  sheetName: string,
  sheetXml: string | Uint8Array,
  codec: Codec,
  storeSheet = false,
): Uint8Array {
  const encode = (text: string | Uint8Array) => (typeof text === "string" ? new TextEncoder().encode(text) : text);
  return writeZip(
    [
      { name: "[Content_Types].xml", data: encode(CONTENT_TYPES) },
      { name: "_rels/.rels", data: encode(ROOT_RELS) },
      { name: "xl/workbook.xml", data: encode(workbookXml(sheetName)) },
      { name: "xl/_rels/workbook.xml.rels", data: encode(WORKBOOK_RELS) },
      { name: "xl/styles.xml", data: encode(STYLES) },
      { name: "xl/worksheets/sheet1.xml", data: encode(sheetXml), stored: storeSheet },
    ],
    codec,
  );
}

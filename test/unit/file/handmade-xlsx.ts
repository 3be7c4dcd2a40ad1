/**
 * Hand-written .xlsx packages for the file tests: one sheet "数据" with the XML a test gives, the
 * way real writers shape it (namespace prefixes, no shared strings, a calculation chain…), which
 * a library-made test file never has.
 */
import { portableCodec } from "../../../taskpane/file/xlsx/codec";
import { entryData, readZip, writeZip } from "../../../taskpane/file/xlsx/zip";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const encode = (text: string) => new TextEncoder().encode(text);
export const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

export interface Parts {
  sheet: string;
  strings?: string;
  prefix?: string;
  calcChain?: boolean;
  /** Replaces the <sheets>…<calcPr> body of the workbook. */
  workbookBody?: string;
  /** Replaces the workbook relationships. */
  workbookRels?: string;
  /** The cellXfs of a styles part (each an <xf/>); no styles part when absent. */
  cellXfs?: readonly string[];
}

/** A hand-written package: one sheet "数据", optional shared strings and calculation chain. */
export function handmade({
  sheet,
  strings,
  prefix = "",
  calcChain = false,
  workbookBody,
  workbookRels,
  cellXfs,
}: Parts): Uint8Array {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const rels =
    workbookRels ??
    [
      `<Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/>`,
      strings ? `<Relationship Id="rId2" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/>` : "",
      calcChain ? `<Relationship Id="rId3" Type="${RELS}/calcChain" Target="calcChain.xml"/>` : "",
      cellXfs ? `<Relationship Id="rId4" Type="${RELS}/styles" Target="styles.xml"/>` : "",
    ].join("");
  const types =
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    (strings
      ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      : "") +
    (calcChain
      ? '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>'
      : "") +
    "</Types>";
  const body =
    workbookBody ??
    `<${p}sheets><${p}sheet name="数据" sheetId="1" r:id="rId1"/></${p}sheets><${p}calcPr calcId="191029"/>`;
  const parts = [
    { name: "[Content_Types].xml", data: encode(types) },
    {
      name: "_rels/.rels",
      data: encode(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    { name: "xl/workbook.xml", data: encode(`<${p}workbook ${ns} xmlns:r="${RELS}">${body}</${p}workbook>`) },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: encode(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
      ),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: encode(`<${p}worksheet ${ns} xmlns:r="${RELS}">${sheet}</${p}worksheet>`),
    },
    ...(strings ? [{ name: "xl/sharedStrings.xml", data: encode(`<${p}sst ${ns}>${strings}</${p}sst>`) }] : []),
    ...(calcChain
      ? [{ name: "xl/calcChain.xml", data: encode(`<calcChain xmlns="${MAIN}"><c r="B2" i="1"/></calcChain>`) }]
      : []),
    ...(cellXfs
      ? [
          {
            name: "xl/styles.xml",
            data: encode(
              `<styleSheet xmlns="${MAIN}"><cellXfs count="${cellXfs.length}">${cellXfs.join("")}</cellXfs></styleSheet>`,
            ),
          },
        ]
      : []),
  ];
  return writeZip(parts, portableCodec);
}

export function partText(bytes: Uint8Array, name: string): string | undefined {
  const entry = readZip(bytes).find((e) => e.name === name);
  return entry ? decode(entryData(entry, portableCodec)) : undefined;
}

/** The package with one part's text changed (every other part copied). */
export function rewritePart(bytes: Uint8Array, name: string, change: (text: string) => string): Uint8Array {
  return writeZip(
    readZip(bytes).map((e) =>
      e.name === name ? { name, data: encode(change(decode(entryData(e, portableCodec)))) } : { copy: e },
    ),
    portableCodec,
  );
}

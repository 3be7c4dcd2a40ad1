/** The namespaces and fixed strings of the parts XSG writes (ECMA-376, transitional). */
import { escapeXmlAttribute } from "./xml";

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Relationship ids in parts (r:id) and the base of relationship types. */
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The namespace of .rels parts. */
export const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const SHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** A .rels part from its relationships. */
export function relationshipsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  const items = rels.map(
    (r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXmlAttribute(r.target)}"/>`,
  );
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${items.join("")}</Relationships>`;
}

/**
 * The summary sheet of a file fill, with the same native column charts the add-in draws through
 * Office.js: a worksheet, one drawing and a chart part per chart. Each chart carries a cache of
 * its points, so it shows before any recalculation (WPS and Excel both read the cache).
 */
import type { CellArea, SummaryChart, SummaryLayout } from "../../../src/fill/types";
import type { NewSheet } from "./package";
import { columnLetter } from "../../../src/fill/address";
import { worksheetXml, type SheetCell } from "./worksheet-xml";
import { CHART_NS, DRAWING_NS, REL_NS, SHEET_DRAWING_NS, XML_HEAD, relationshipsXml } from "./ooxml";
import { escapeXmlAttribute, escapeXmlText } from "./xml";

const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** Summary column widths: the labels in A are long (region, document number, clause). */
const WIDTHS = [40, 16, 16];

function absolute(sheet: string, area: CellArea): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const first = `$${columnLetter(area.left)}$${area.top + 1}`;
  const last = `$${columnLetter(area.left + area.columns - 1)}$${area.top + area.rows}`;
  return `${quoted}!${first}:${last}`;
}

function cellText(cells: SummaryLayout["cells"], row: number, column: number): string {
  const value = cells[row]?.[column];
  return value === null || value === undefined ? "" : String(value);
}

/** A point cache; a point without a value is left out (a numeric cache cannot hold an empty value). */
function points(values: readonly (string | null)[]): string {
  const pts = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${escapeXmlText(v)}</c:v></c:pt>`));
  return `<c:ptCount val="${values.length}"/>${pts.join("")}`;
}

function chartXml(sheet: string, chart: SummaryChart, cells: SummaryLayout["cells"]): string {
  const s = chart.source;
  const dataRows = Array.from({ length: s.rows - 1 }, (_, i) => s.top + 1 + i);
  const categories = dataRows.map((r) => cellText(cells, r, s.left));
  const series = Array.from({ length: s.columns - 1 }, (_, k) => {
    const column = s.left + 1 + k;
    const values = dataRows.map((r) => {
      const n = Number(cells[r]?.[column]);
      return cells[r]?.[column] === null || !Number.isFinite(n) ? null : String(n);
    });
    return (
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
      `<c:tx><c:strRef><c:f>${escapeXmlText(absolute(sheet, { top: s.top, left: column, rows: 1, columns: 1 }))}</c:f>` +
      `<c:strCache>${points([cellText(cells, s.top, column)])}</c:strCache></c:strRef></c:tx>` +
      `<c:cat><c:strRef><c:f>${escapeXmlText(absolute(sheet, { top: s.top + 1, left: s.left, rows: s.rows - 1, columns: 1 }))}</c:f>` +
      `<c:strCache>${points(categories)}</c:strCache></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeXmlText(absolute(sheet, { top: s.top + 1, left: column, rows: s.rows - 1, columns: 1 }))}</c:f>` +
      `<c:numCache><c:formatCode>General</c:formatCode>${points(values)}</c:numCache></c:numRef></c:val></c:ser>`
    );
  }).join("");
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXmlText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="150"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:crossAx val="1001"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

function anchorXml(chart: SummaryChart, index: number): string {
  const p = chart.position;
  const marker = (tag: string, row: number, column: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${marker("from", p.top, p.left)}${marker("to", p.top + p.rows, p.left + p.columns)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXmlAttribute(chart.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="rId${index + 1}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The first free "prefix{n}suffix" part name. */
function freePart(prefix: string, suffix: string, taken: (name: string) => boolean, from = 1): number {
  let n = from;
  while (taken(`${prefix}${n}${suffix}`)) n++;
  return n;
}

/** The summary as a new sheet: its cells, and a drawing with its charts when there are any. */
export function summarySheet(name: string, layout: SummaryLayout, taken: (part: string) => boolean): NewSheet {
  const rows = layout.cells as readonly (readonly SheetCell[])[];
  if (layout.charts.length === 0) return { name, xml: worksheetXml(rows, { widths: WIDTHS }) };
  const drawingNumber = freePart("xl/drawings/drawing", ".xml", taken);
  const drawing = `xl/drawings/drawing${drawingNumber}.xml`;
  let chartNumber = 0;
  const charts = layout.charts.map((chart) => {
    chartNumber = freePart("xl/charts/chart", ".xml", taken, chartNumber + 1);
    return { part: `xl/charts/chart${chartNumber}.xml`, xml: chartXml(name, chart, layout.cells) };
  });
  const drawingXml =
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="${SHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}">` +
    `${layout.charts.map((chart, i) => anchorXml(chart, i)).join("")}</xdr:wsDr>`;
  const drawingRels = relationshipsXml(
    charts.map((c, i) => ({
      id: `rId${i + 1}`,
      type: `${REL_NS}/chart`,
      target: `../charts/${c.part.split("/").pop()}`,
    })),
  );
  return {
    name,
    xml: worksheetXml(rows, { widths: WIDTHS, drawingId: "rId1" }),
    rels: [{ id: "rId1", type: `${REL_NS}/drawing`, target: `../drawings/drawing${drawingNumber}.xml` }],
    parts: [
      { name: drawing, xml: drawingXml, contentType: DRAWING_TYPE },
      { name: `xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, xml: drawingRels },
      ...charts.map((c) => ({ name: c.part, xml: c.xml, contentType: CHART_TYPE })),
    ],
  };
}

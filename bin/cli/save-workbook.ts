/**
 * Saving a filled workbook from Node. exceljs's in-memory writer needs ~15 s for 100k rows (its zip
 * runs in JavaScript); its streaming writer uses Node's zlib and takes ~3 s. So the CLI copies the
 * in-memory workbook — every sheet, cell value, style, merge, column width, frozen pane, filter,
 * validation, conditional format, comment, hyperlink, defined name — into the streaming writer.
 * The streaming writer cannot write tables or images: a workbook holding those is saved with the
 * full writer instead (slower, but nothing exceljs can keep is dropped).
 */
import ExcelJS from "exceljs";

export type SaveMethod = "stream" | "full";

/** Why a workbook cannot go through the streaming writer, or null when it can. */
export function streamBlocker(workbook: ExcelJS.Workbook): string | null {
  if ((workbook as unknown as { media?: unknown[] }).media?.length) return "images";
  for (const sheet of workbook.worksheets) {
    if (sheet.getImages().length > 0) return "images";
    const tables = (sheet as unknown as { tables?: Record<string, unknown> }).tables;
    if (tables && Object.keys(tables).length > 0) return "tables";
  }
  return null;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook, filename: string): Promise<SaveMethod> {
  if (streamBlocker(workbook)) {
    await workbook.xlsx.writeFile(filename);
    return "full";
  }
  await streamCopy(workbook, filename);
  return "stream";
}

type AnyRecord = Record<string, unknown>;

/** Style objects shared by many cells are handed over as the same object, so the writer's WeakMap cache hits. */
function hasStyle(style: Partial<ExcelJS.Style> | undefined): style is Partial<ExcelJS.Style> {
  return !!style && !!(style.numFmt || style.font || style.border || style.fill || style.alignment || style.protection);
}

async function streamCopy(workbook: ExcelJS.Workbook, filename: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename,
    useStyles: true,
    useSharedStrings: false,
    // Level 1 deflate: 2–3× faster than the default for ~15 % larger files.
    zip: { zlib: { level: 1 } },
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  const target = writer as unknown as AnyRecord;
  target.creator = workbook.creator;
  target.lastModifiedBy = workbook.lastModifiedBy;
  if (workbook.created) target.created = workbook.created;
  target.modified = new Date();
  target.views = workbook.views;
  (writer.definedNames as unknown as { model: unknown }).model = (
    workbook.definedNames as unknown as { model: unknown }
  ).model;

  for (const sheet of workbook.worksheets) copySheet(sheet, writer);
  await writer.commit();
}

function copySheet(sheet: ExcelJS.Worksheet, writer: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const source = sheet as unknown as AnyRecord;
  const out = writer.addWorksheet(sheet.name, {
    state: sheet.state,
    properties: sheet.properties,
    pageSetup: sheet.pageSetup,
    headerFooter: sheet.headerFooter,
    views: sheet.views,
  } as Partial<ExcelJS.AddWorksheetOptions>);
  const target = out as unknown as AnyRecord;

  const columns = (sheet.columns ?? []) as ExcelJS.Column[];
  if (columns.length > 0) {
    out.columns = columns.map((column) => ({
      width: column.width,
      hidden: column.hidden,
      outlineLevel: column.outlineLevel,
      style: hasStyle(column.style) ? column.style : undefined,
    })) as Partial<ExcelJS.Column>[];
  }
  for (const area of Object.keys((source._merges as AnyRecord | undefined) ?? {})) {
    const range = (source._merges as Record<string, { range: string }>)[area];
    out.mergeCells(range.range);
  }
  if (sheet.autoFilter) target.autoFilter = sheet.autoFilter;
  if (source.sheetProtection) target.sheetProtection = source.sheetProtection;
  const validations = (sheet as unknown as { dataValidations?: { model: unknown } }).dataValidations;
  if (validations) (target.dataValidations as { model: unknown }).model = validations.model;
  for (const rule of (source.conditionalFormattings as ExcelJS.ConditionalFormattingOptions[] | undefined) ?? []) {
    out.addConditionalFormatting(rule);
  }
  if (Array.isArray(source.rowBreaks)) target.rowBreaks = source.rowBreaks;

  // exceljs keeps rows in a sparse array; rows with only a height or a style matter too.
  const rows = (source._rows as (ExcelJS.Row | undefined)[] | undefined) ?? [];
  for (const row of rows) {
    if (row) copyRow(row, out);
  }
  out.commit();
}

/**
 * One shared object for every unstyled cell: the writer caches a style id per style object, and a
 * fresh {} per cell would make it work out "no style" a million times. (Dates are left out: an
 * unstyled date still needs the writer's default date format.)
 */
const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({}) as Partial<ExcelJS.Style>;

function copyRow(row: ExcelJS.Row, out: ExcelJS.Worksheet): void {
  const copy = out.getRow(row.number);
  if (row.height) copy.height = row.height;
  if (row.hidden) copy.hidden = true;
  if (row.outlineLevel) copy.outlineLevel = row.outlineLevel;
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    const target = copy.getCell(column);
    if (cell.type !== ExcelJS.ValueType.Merge) target.value = portableValue(cell);
    if (hasStyle(cell.style)) target.style = cell.style;
    else if (!(cell.value instanceof Date)) target.style = NO_STYLE;
    if (cell.note) target.note = cell.note;
  });
  copy.commit();
}

/** Shared formulas become plain ones: the streaming writer has no master cell to share with. */
function portableValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const value = cell.value;
  if (value && typeof value === "object" && "sharedFormula" in value) {
    return {
      formula: cell.formula,
      result: (value as ExcelJS.CellSharedFormulaValue).result,
    } as ExcelJS.CellFormulaValue;
  }
  return value;
}

/**
 * Reading the whole data region (for the mapping dialog and the lookup) and remembering the
 * mapping per workbook and sheet.
 */
import { estimateRowBytes, planBlocks, READ_BUDGET_BYTES, READ_ESTIMATE_FACTOR } from "./blocks";
import {
  autoMap,
  detectHeader,
  mappingSettingKey,
  restoreMapping,
  saveableMapping,
  type ColumnMapping,
  type FillDefaults,
  type HeaderInfo,
} from "./mapping";
import { OUTPUT_COLUMNS } from "./output-columns";
import { isPayloadTooLarge, type CellArea, type CellValue, type DataRegion, type FillHost } from "./types";

/** Describe the region and read all its values in blocks under the payload limit. */
export async function readDataRegion(host: FillHost): Promise<DataRegion> {
  const info = await host.describeRegion({ extraColumns: OUTPUT_COLUMNS.length });
  if (info.rowCount === 0) return { ...info, values: [] };
  if (info.head.length >= info.rowCount) return { ...info, values: info.head.map((r) => r.slice()) };
  const values: CellValue[][] = [];
  const perRow = Math.ceil(estimateRowBytes(info.head, info.columnCount) * READ_ESTIMATE_FACTOR);
  const read = async (top: number, rows: number): Promise<void> => {
    const area: CellArea = { top: info.top + top, left: info.left, rows, columns: info.columnCount };
    try {
      for (const row of await host.readValues(info.sheetName, area)) values.push(row);
    } catch (error) {
      if (!isPayloadTooLarge(error) || rows === 1) throw error;
      const half = Math.ceil(rows / 2);
      await read(top, half);
      await read(top + half, rows - half);
    }
  };
  for (const block of planBlocks(info.rowCount, perRow, { budget: READ_BUDGET_BYTES }))
    await read(block.start, block.count);
  return { ...info, values };
}

export interface PreparedFill {
  readonly region: DataRegion;
  readonly header: HeaderInfo | null;
  readonly mapping: ColumnMapping;
  readonly defaults: FillDefaults;
  /** True when the mapping came from this workbook's saved settings. */
  readonly restored: boolean;
}

/** Everything the mapping dialog needs: the values, the header, the remembered or automatic mapping. */
export async function prepareFill(host: FillHost): Promise<PreparedFill> {
  const region = await readDataRegion(host);
  const header = detectHeader(region.values);
  if (!header) return { region, header, mapping: {}, defaults: {}, restored: false };
  const saved = await host.loadSetting(mappingSettingKey(region.sheetName)).catch(() => null);
  const restored = restoreMapping(saved, header.headers, { unitHint: header.unitHint });
  if (restored) return { region, header, mapping: restored.mapping, defaults: restored.defaults, restored: true };
  return {
    region,
    header,
    mapping: autoMap(header.headers, { unitHint: header.unitHint }),
    defaults: {},
    restored: false,
  };
}

/** Remember a mapping the official confirmed or corrected (per workbook, per sheet). */
export function saveMapping(
  host: FillHost,
  sheetName: string,
  mapping: ColumnMapping,
  defaults: FillDefaults = {},
): Promise<void> {
  return host.saveSetting(mappingSettingKey(sheetName), saveableMapping(mapping, defaults));
}

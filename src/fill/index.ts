/**
 * The batch-fill engine: header detection, column mapping, per-row evaluation, block
 * planning, undo snapshots, summary and lookup. Host-independent: it talks to a workbook only
 * through FillHost (taskpane/excel/ for Office.js; taskpane/file/ for .xlsx files).
 */
export type {
  CellArea,
  CellContent,
  CellErrorObject,
  CellValue,
  DataRegion,
  DescribeRegionOptions,
  FillHost,
  RegionInfo,
  SelectedCell,
  SummaryChart,
  SummaryLayout,
} from "./types";
export { isPayloadTooLarge, PAYLOAD_TOO_LARGE } from "./types";
export {
  areaA1,
  areasIntersect,
  cellA1,
  columnIndexOfLetters,
  columnLetter,
  parseAreaA1,
  splitAreaList,
} from "./address";
export {
  FIELD_DEFS,
  FIELD_IDS,
  fieldDef,
  fieldOfErrorField,
  headerParts,
  moneyUnitIn,
  normaliseHeader,
  type ColumnUnit,
  type FieldDef,
  type FieldId,
  type FieldKind,
  type MoneyUnitName,
} from "./fields";
export {
  autoMap,
  cellText,
  columnRef,
  detectHeader,
  HEADER_SEARCH_ROWS,
  mappingSettingKey,
  remapField,
  restoreMapping,
  saveableMapping,
  type ColumnMapping,
  type ColumnRef,
  type FillDefaults,
  type HeaderInfo,
  type SavedMapping,
} from "./mapping";
export { findOutputBlock, isOutputHeader, OUT, OUTPUT_COLUMNS, type OutputColumn } from "./output-columns";
export { displayCell, isEmptyContent, readCell, sameContent, type CellReading } from "./cells";
export {
  classifyRow,
  columnName,
  industryTags,
  muJunTag,
  ownershipTags,
  readRow,
  type ReadRowOptions,
  type RowFact,
  type RowIssue,
  type RowKind,
  type RowRead,
} from "./row";
export {
  CASH_CATEGORIES,
  MAX_NOTE_LENGTH,
  STATUS,
  valueCells,
  valueCellsBytes,
  wanNumber,
  type AmountState,
  type CashCategory,
  type GrantedCash,
  type RowCash,
  type RowOutcome,
  type RowResult,
  type RowStatus,
} from "./row-result";
export { fillRow, evaluateRow } from "./fill-row";
export { formulaCells, type FormulaLayout } from "./formulas";
export {
  BLOCK_BUDGET_BYTES,
  BlockPacker,
  blockArea,
  estimateRowBytes,
  MAX_READ_BLOCK_ROWS,
  MAX_REQUEST_BYTES,
  MAX_WRITE_BLOCK_ROWS,
  payloadBytes,
  READ_BUDGET_BYTES,
  READ_ESTIMATE_FACTOR,
  planBlocks,
  rowBytes,
  type RowBlock,
} from "./blocks";
export {
  CATEGORY_NAMES,
  summarize,
  summaryLayout,
  SummaryBuilder,
  type ClauseTotal,
  type FillSummary,
} from "./summary";
export { legalSheetName, uniqueSheetName } from "./sheet-names";
export { FillError, planFill, type FillErrorCode, type FillMode, type FillOptions, type FillPlan } from "./plan";
export {
  describeConflicts,
  runFill,
  undoFill,
  type FillCallbacks,
  type FillResult,
  type UndoCallbacks,
  type UndoResult,
  type UndoSnapshot,
} from "./run";
export { findRows, lookupEnterprise, lookupSelected, type FoundRow, type LookupResult } from "./lookup";
export { prepareFill, readDataRegion, saveMapping, type PreparedFill } from "./region";

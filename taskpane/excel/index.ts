/** The Office.js adapter: the only module of XSG that calls the Excel JavaScript API. */
export { ExcelFillHost, mergedAreasOf, uniqueSheetName } from "./excel-fill-host";
export { needsQuotePrefix, toExcelInput, fromExcelCell } from "./cell-input";

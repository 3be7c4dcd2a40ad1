/** The Office.js adapter: the only module of XSG that calls the Excel JavaScript API. */
export { ExcelFillHost, mergedAreasOf } from "./excel-fill-host";
export { uniqueSheetName } from "../../src/fill/sheet-names";
export { needsQuotePrefix, toExcelInput, fromExcelCell } from "./cell-input";
export { restoreWorkbookPolicies, workbookPolicyStore, POLICY_SETTING } from "./policy-store";

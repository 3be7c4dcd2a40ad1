/**
 * Imported policy documents kept in the workbook (document settings), through the Excel double:
 * saved with the file, restored when the shared runtime starts again (a new session of the
 * same file), made active for the custom functions, and followed by a full recalculation.
 */
import * as fs from "fs";
import * as path from "path";
import { award, explain } from "../../../functions/adapter";
import { activeCatalog, BUILT_IN_CATALOG, importDocument, useCatalog } from "../../../src/policies";
import {
  POLICY_SETTING,
  readWorkbookPolicies,
  recalculateWorkbook,
  restoreWorkbookPolicies,
  workbookPolicyStore,
  writeWorkbookPolicies,
} from "../../../taskpane/excel/policy-store";
import { DoubleWorkbook, installExcelDouble, uninstallExcelDouble } from "../../doubles/excel-double";

const EXAMPLE = fs.readFileSync(path.join(__dirname, "../../../examples/policies/shili-county.json"), "utf8");

function accepted(file = "shili-county.json") {
  const outcome = importDocument([], EXAMPLE, file);
  if (outcome.kind !== "accepted") throw new Error(JSON.stringify(outcome));
  return outcome;
}

afterEach(() => {
  useCatalog(BUILT_IN_CATALOG);
  uninstallExcelDouble();
});

test("the list is written to the add-in's document settings and saved into the file", async () => {
  const workbook = installExcelDouble();
  const { imported } = accepted();
  await writeWorkbookPolicies(imported);
  expect(workbook.savedSettings.get(POLICY_SETTING)).toEqual(imported);
  expect(readWorkbookPolicies()).toEqual(imported);
  await writeWorkbookPolicies([]);
  expect(workbook.savedSettings.has(POLICY_SETTING)).toBe(false);
});

test("closing and reopening the workbook: the stored document drives the functions again, after a full recalculation", async () => {
  const first = installExcelDouble();
  await writeWorkbookPolicies(accepted().imported);
  uninstallExcelDouble();

  // Another session (or a colleague's PC): only what was saved into the file is there.
  const reopened = installExcelDouble(
    globalThis,
    new DoubleWorkbook({ sheets: [{ name: "Sheet1" }], settings: Object.fromEntries(first.savedSettings) }),
  );
  expect(activeCatalog()).toBe(BUILT_IN_CATALOG);
  expect(() => award("示例县", 2500, 2025, 2025, null, null)).toThrow(/示例县/); // #N/A before the restore
  const result = await restoreWorkbookPolicies();
  expect(result.problems).toEqual([]);
  expect(result.restored.map((entry) => entry.file)).toEqual(["shili-county.json"]);
  expect(award("示例县", 2500, 2025, 2025, null, "个转企")).toBe(25);
  expect(explain("示例县", 2500, 2025, 2025, null, null)).toContain(
    "示政办〔2099〕1号（示例）《示例县小升规奖励办法（示例，非真实政策）》（正式）（导入文件 shili-county.json）",
  );
  expect(reopened.calculations).toEqual(["Full"]);
});

test("a workbook without imported documents: built-in documents, no recalculation", async () => {
  const workbook = installExcelDouble();
  expect(await restoreWorkbookPolicies()).toEqual({ restored: [], problems: [] });
  expect(activeCatalog()).toBe(BUILT_IN_CATALOG);
  expect(workbook.calculations).toEqual([]);
});

test("a stored document that no longer passes the check is not used at all, and the reason is kept", async () => {
  const { imported } = accepted();
  const broken = [{ ...imported[0], text: imported[0].text.replace('"level": "county"', '"level": "province"') }];
  const workbook = installExcelDouble(globalThis, {
    sheets: [{ name: "Sheet1" }],
    settings: { [POLICY_SETTING]: broken },
  });
  const result = await restoreWorkbookPolicies();
  expect(result.restored).toEqual([]);
  expect(result.problems.join("\n")).toMatch(/shili-county\.json.*level/);
  expect(activeCatalog()).toBe(BUILT_IN_CATALOG);
  expect(workbookPolicyStore(result).startupProblems).toBe(result.problems);
  expect(workbook.calculations).toEqual([]);
});

test("a setting of another shape is ignored, never guessed at", async () => {
  installExcelDouble(globalThis, {
    sheets: [{ name: "Sheet1" }],
    settings: { [POLICY_SETTING]: [{ file: "x.json" }, "junk", { file: 1, text: "{}", precedence: "refuse" }] },
  });
  expect(readWorkbookPolicies()).toEqual([]);
});

test("recalculateWorkbook asks Excel for a full calculation in one round trip", async () => {
  const workbook = installExcelDouble();
  workbook.resetStats();
  await recalculateWorkbook();
  expect(workbook.calculations).toEqual(["Full"]);
  expect(workbook.stats.syncs).toBe(1);
});

test("a host without document settings has no stored documents (the pane still opens)", async () => {
  installExcelDouble();
  (globalThis as unknown as { Office: { context: { document?: unknown } } }).Office.context.document = undefined;
  expect(readWorkbookPolicies()).toEqual([]);
  expect(await restoreWorkbookPolicies()).toEqual({ restored: [], problems: [] });
});

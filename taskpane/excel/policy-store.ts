/**
 * Imported policy documents kept IN THE WORKBOOK, so they survive closing Excel and travel with
 * the file when it is shared. Stored as one document setting of the add-in
 * (Office.context.document.settings, key "xsg.importedPolicies"): settings are saved per
 * document and per add-in inside the file itself (xl/webextensions), are read synchronously
 * once Office is ready — before any formula needs them — and are what the add-in already uses
 * for the remembered column mapping. A CustomXmlPart would also travel with the file, but is
 * read only asynchronously and is visible to every other add-in; a document is ~5–30 KB of JSON.
 *
 * The shared runtime runs the custom functions and the taskpane in one page, so the catalog made
 * active here (useCatalog) is the one =XSG.* evaluates with.
 */
import { activateImports, storedImports, type ImportedDocument } from "../../src/policies";
import type { PolicyStore } from "../components/policyStore";

export const POLICY_SETTING = "xsg.importedPolicies";

/** The documents stored in this workbook (empty when none, or when the setting is not ours). */
export function readWorkbookPolicies(): ImportedDocument[] {
  // A host without document settings (some web hosts before Office is fully up) simply has none.
  const settings = Office.context?.document?.settings;
  return settings ? storedImports(settings.get(POLICY_SETTING)) : [];
}

/** Stores the list in the workbook (saved with the file at its next save; the official is told). */
export function writeWorkbookPolicies(imported: readonly ImportedDocument[]): Promise<void> {
  const settings = Office.context.document.settings;
  if (imported.length === 0) settings.remove(POLICY_SETTING);
  else settings.set(POLICY_SETTING, imported);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) reject(result.error);
      else resolve();
    });
  });
}

/**
 * Recalculates every formula: cells computed with the previous documents (a =XSG.AWARD for a
 * region only an imported document covers) must show the new ones' results.
 */
export async function recalculateWorkbook(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}

export interface RestoreResult {
  readonly restored: readonly ImportedDocument[];
  /** Why the stored documents were NOT used (then none is: never partly loaded). */
  readonly problems: readonly string[];
}

/**
 * On startup of the shared runtime: makes the workbook's stored documents active, then
 * recalculates (functions Excel called before this ran used the built-in documents).
 */
export async function restoreWorkbookPolicies(): Promise<RestoreResult> {
  const stored = readWorkbookPolicies();
  if (stored.length === 0) return { restored: [], problems: [] };
  const problems = activateImports(stored);
  if (problems.length > 0) return { restored: [], problems };
  // The documents are active whatever happens next; a failed recalculation only leaves cells
  // computed earlier as they were until Excel recalculates them (F9, or an edit).
  await recalculateWorkbook().catch(() => undefined);
  return { restored: stored, problems: [] };
}

/** The add-in's PolicyStore: the workbook's settings, and a recalculation after each change. */
export function workbookPolicyStore(restore: RestoreResult): PolicyStore {
  return {
    place: "workbook",
    load: readWorkbookPolicies,
    save: writeWorkbookPolicies,
    afterChange: recalculateWorkbook,
    // The .xlsx reader is loaded only when an official imports a workbook (a chunk of its own).
    readWorkbook: async (bytes, fileName) =>
      (await import("../file/policy-workbook")).policyFromWorkbook(bytes, fileName),
    startupProblems: restore.problems,
  };
}

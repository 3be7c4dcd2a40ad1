/**
 * Where a host keeps the documents the official imported: the workbook (add-in, see
 * taskpane/excel/policy-store.ts) or the browser (offline page). Provided by the entry point, so
 * 政策浏览 offers 导入政策文件 only where the documents can be kept.
 */
import { createContext, useContext } from "react";
import type { ImportedDocument } from "../../src/policies";
import type { WorkbookDocument } from "../file/policy-workbook";

export interface PolicyStore {
  /** Said to the official: "workbook" travels with the file, "browser" stays on this PC. */
  readonly place: "workbook" | "browser";
  load(): readonly ImportedDocument[];
  save(imported: readonly ImportedDocument[]): Promise<void>;
  /** After the active catalog changed (Excel: recalculate the formulas). */
  afterChange(): Promise<void>;
  /** An authoring workbook (.xlsx) → the document object (taskpane/file/policy-workbook.ts). */
  readWorkbook(bytes: Uint8Array, fileName: string): Promise<WorkbookDocument>;
  /** Why the stored documents were not loaded at startup (then none is used). */
  readonly startupProblems: readonly string[];
}

export const PolicyStoreContext = createContext<PolicyStore | null>(null);

export function usePolicyStore(): PolicyStore | null {
  return useContext(PolicyStoreContext);
}

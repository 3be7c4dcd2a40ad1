/**
 * The offline page keeps imported policy documents in this browser (localStorage, never
 * uploaded; the page says so). On a PC without storage (private window, some file:// setups)
 * they last until the page is closed.
 */
import { activateImports, storedImports, type ImportedDocument } from "../../src/policies";
import type { PolicyStore } from "../components/policyStore";
import { policyFromWorkbook } from "../file/policy-workbook";

export const POLICY_STORAGE_KEY = "xsg.standalone:importedPolicies";

/** Reads the stored documents, makes them active, and returns the page's PolicyStore. */
export function browserPolicyStore(storage: Storage | null = safeLocalStorage()): PolicyStore {
  let memory: readonly ImportedDocument[] = read(storage);
  const startupProblems = activateImports(memory);
  return {
    place: "browser",
    load: () => memory,
    async save(imported) {
      memory = imported;
      if (imported.length === 0) storage?.removeItem(POLICY_STORAGE_KEY);
      else storage?.setItem(POLICY_STORAGE_KEY, JSON.stringify(imported));
    },
    afterChange: async () => undefined,
    // The page already carries the .xlsx reader: no separate chunk, so a copied folder works offline.
    readWorkbook: async (bytes, fileName) => policyFromWorkbook(bytes, fileName),
    startupProblems,
  };
}

/** Not imported from browser-file.ts: that module brings the .xlsx reader along. */
function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // access itself throws where storage is blocked
  }
}

function read(storage: Storage | null): ImportedDocument[] {
  try {
    const text = storage?.getItem(POLICY_STORAGE_KEY);
    return text ? storedImports(JSON.parse(text)) : [];
  } catch {
    return [];
  }
}

/**
 * The built-in documents (src/policies/documents/*.json, through the generated index) as a
 * catalog. They are validated by the test suite (test/unit/policies/documents.test.ts), not at
 * load: that keeps the schema out of the custom-functions bundle, whose size is budgeted.
 */
import { createPolicyCatalog, deepFreeze, type PolicyCatalog } from "./catalog";
import { BUILT_IN_FILES } from "./documents/index";
import type { Policy } from "./types";

function builtInCatalog(): PolicyCatalog {
  const result = createPolicyCatalog(
    BUILT_IN_FILES.map(({ file, document }) => ({
      policy: deepFreeze(document as Policy),
      origin: "built-in" as const,
      file,
    })),
  );
  if (!result.ok) throw new Error(`built-in policy documents: ${result.problems.map((p) => p.text).join("; ")}`);
  return result.catalog;
}

export const BUILT_IN_CATALOG: PolicyCatalog = builtInCatalog();

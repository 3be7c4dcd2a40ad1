/** How results name a document: its 文号, and for an imported document also its title and file. */
import type { Policy } from "./types";

export function documentLabel(policy: Pick<Policy, "documentNumber" | "title" | "importedFrom">): string {
  if (policy.importedFrom === undefined) return policy.documentNumber;
  return `${policy.documentNumber}《${policy.title}》（导入文件 ${policy.importedFrom}）`;
}

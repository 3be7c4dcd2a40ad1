/**
 * Documents an official imported (taskpane 政策浏览, offline page, CLI --policy): how they are
 * kept (the checked document's own text, its file name and the precedence the official chose)
 * and the catalog they make together with the built-in documents. Pure: the hosts store the
 * list (workbook settings, browser storage) and pass it here; nothing is ever partly loaded.
 */
import { useCatalog } from "./active";
import { BUILT_IN_CATALOG } from "./built-in";
import type { PolicyCatalog } from "./catalog";
import { parsePolicyDocument, serializePolicyDocument } from "./loader";
import type { Policy } from "./types";

/** "refuse": never replaces a built-in document; "user-first": the official chose it over the overlapped built-in ones. */
export type Precedence = "refuse" | "user-first";

/** One imported document as a host stores it. */
export interface ImportedDocument {
  /** The file it was imported from (results name the document by it). */
  readonly file: string;
  /** The document as the data format writes it (serializePolicyDocument). */
  readonly text: string;
  readonly precedence: Precedence;
}

export type ImportsResult =
  { readonly ok: true; readonly catalog: PolicyCatalog } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The built-in catalog with these imported documents, or every problem (Chinese, each naming
 * the file). Each document keeps its own precedence: one imported with "refuse" is refused
 * when it overlaps a built-in document, even beside one the official put first.
 */
export function catalogWithImports(imported: readonly ImportedDocument[], base = BUILT_IN_CATALOG): ImportsResult {
  if (imported.length === 0) return { ok: true, catalog: base };
  const problems: string[] = [];
  const documents: { policy: Policy; file: string; precedence: Precedence }[] = [];
  for (const entry of imported) {
    const loaded = parsePolicyDocument(entry.text, entry.file);
    if (loaded.ok) documents.push({ policy: loaded.policy, file: entry.file, precedence: entry.precedence });
    else problems.push(...loaded.problems.map((problem) => problem.text));
  }
  if (problems.length > 0) return { ok: false, problems };
  const refusing = documents.filter((document) => document.precedence === "refuse");
  if (refusing.length > 0 && refusing.length < documents.length) {
    const alone = base.withUserDocuments(refusing, { precedence: "refuse" });
    if (!alone.ok) return { ok: false, problems: alone.problems.map((problem) => problem.text) };
  }
  const precedence = refusing.length === documents.length ? "refuse" : "user-first";
  const result = base.withUserDocuments(documents, { precedence });
  return result.ok ? result : { ok: false, problems: result.problems.map((problem) => problem.text) };
}

/** What importing one more document would do (nothing is changed until the host saves `imported`). */
export type ImportOutcome =
  /** The document (or the catalog with it) has problems: refused whole. */
  | { readonly kind: "refused"; readonly problems: readonly string[] }
  /** Accepted with the precedence asked for: `imported` is the new list to store and use. */
  | {
      readonly kind: "accepted";
      readonly policy: Policy;
      readonly catalog: PolicyCatalog;
      readonly imported: readonly ImportedDocument[];
    }
  /**
   * It covers upgrade years of built-in documents: the official must choose. Importing again
   * with precedence "user-first" sets `overlapped` aside; "refuse" keeps the built-in ones.
   */
  | { readonly kind: "overlaps"; readonly policy: Policy; readonly overlapped: readonly Policy[] };

/**
 * Checks `content` (the file's text or parsed JSON) as one more imported document. A document
 * from a file of the same name replaces the earlier import of that file.
 */
export function importDocument(
  current: readonly ImportedDocument[],
  content: unknown,
  file: string,
  precedence: Precedence = "refuse",
  base = BUILT_IN_CATALOG,
): ImportOutcome {
  const loaded = parsePolicyDocument(content, file);
  if (!loaded.ok) return { kind: "refused", problems: loaded.problems.map((problem) => problem.text) };
  const entry: ImportedDocument = { file, text: serializePolicyDocument(loaded.policy), precedence };
  const imported = [...current.filter((other) => other.file !== file), entry];
  const result = catalogWithImports(imported, base);
  if (result.ok) {
    const policy = result.catalog.documents.find((document) => document.importedFrom === file) ?? loaded.policy;
    return { kind: "accepted", policy, catalog: result.catalog, imported };
  }
  if (precedence === "refuse") {
    const first = catalogWithImports([...imported.slice(0, -1), { ...entry, precedence: "user-first" }], base);
    if (first.ok && first.catalog.setAside.length > 0)
      return { kind: "overlaps", policy: loaded.policy, overlapped: first.catalog.setAside.map((e) => e.policy) };
  }
  return { kind: "refused", problems: result.problems };
}

/** The list without the import of `file`, and the catalog it makes. */
export function removeImport(current: readonly ImportedDocument[], file: string, base = BUILT_IN_CATALOG) {
  const imported = current.filter((entry) => entry.file !== file);
  return { imported, result: catalogWithImports(imported, base) };
}

/** A stored list read back from a host's storage: anything not of this shape is dropped, never guessed. */
export function storedImports(value: unknown): ImportedDocument[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is ImportedDocument =>
      entry !== null &&
      typeof entry === "object" &&
      typeof (entry as ImportedDocument).file === "string" &&
      typeof (entry as ImportedDocument).text === "string" &&
      ((entry as ImportedDocument).precedence === "refuse" || (entry as ImportedDocument).precedence === "user-first"),
  );
}

/**
 * Makes the catalog of these stored imports the active one (a host's startup). On any problem
 * the built-in documents are used and the problems returned: a document is never partly used.
 */
export function activateImports(imported: readonly ImportedDocument[]): readonly string[] {
  const result = catalogWithImports(imported);
  useCatalog(result.ok ? result.catalog : BUILT_IN_CATALOG);
  return result.ok ? [] : result.problems;
}

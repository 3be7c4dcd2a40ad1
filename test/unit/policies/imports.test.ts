/**
 * Imported documents (src/policies/imports.ts): each keeps the precedence the official chose,
 * a re-import of the same file replaces the earlier one, and nothing is ever partly used.
 */
import * as fs from "fs";
import * as path from "path";
import { award } from "../../../functions/adapter";
import {
  activateImports,
  activeCatalog,
  BUILT_IN_CATALOG,
  catalogWithImports,
  importDocument,
  POLICIES,
  serializePolicyDocument,
  storedImports,
  useCatalog,
  type ImportedDocument,
} from "../../../src/policies";

const EXAMPLE = fs.readFileSync(path.join(__dirname, "../../../examples/policies/shili-county.json"), "utf8");

/** The built-in document of `id` under another id: it overlaps its region's built-in document. */
function overlapping(id: string, newId: string): string {
  const document = JSON.parse(serializePolicyDocument(POLICIES.find((policy) => policy.id === id)!));
  document.id = newId;
  document.clauses = document.clauses.map((clause: { id: string }) => ({
    ...clause,
    id: clause.id.replace(new RegExp(`^${id}`), newId),
  }));
  return serializePolicyDocument(JSON.parse(JSON.stringify(document)));
}

afterEach(() => useCatalog(BUILT_IN_CATALOG));

test("a document imported with 'refuse' stays refused even beside one the official put first", () => {
  const imported: ImportedDocument[] = [
    { file: "hz.json", text: overlapping("hangzhou", "hz-user"), precedence: "user-first" },
    { file: "mh.json", text: overlapping("minhou", "mh-user"), precedence: "refuse" },
  ];
  const result = catalogWithImports(imported);
  expect(result.ok).toBe(false);
  expect(!result.ok && result.problems.join("\n")).toMatch(/mh\.json.*导入文件不会替换内置文件/);
  const both = catalogWithImports(imported.map((entry) => ({ ...entry, precedence: "user-first" as const })));
  expect(both.ok && both.catalog.setAside.map((entry) => entry.policy.id).sort()).toEqual(["hangzhou", "minhou"]);
});

test("importing a file of the same name again replaces the earlier import", () => {
  const first = importDocument([], EXAMPLE, "shili.json");
  if (first.kind !== "accepted") throw new Error(first.kind);
  const changed = JSON.parse(EXAMPLE);
  changed.clauses[0].params.instalments[0].amount.value = 30;
  const second = importDocument(first.imported, JSON.stringify(changed), "shili.json");
  if (second.kind !== "accepted") throw new Error(second.kind);
  expect(second.imported).toHaveLength(1);
  expect(second.catalog.document("shili-2025")!.clauses[0].params.instalments).toEqual([
    { k: 0, amount: { value: 30, unit: "万元" }, test: "none" },
    { k: 1, amount: { value: 10, unit: "万元" }, test: "revenue-growth" },
  ]);
});

test("an overlap asks; the answer 'user-first' sets the built-in document aside", () => {
  const text = overlapping("hangzhou", "hz-user");
  const asked = importDocument([], text, "hz.json");
  expect(asked.kind).toBe("overlaps");
  expect(asked.kind === "overlaps" && asked.overlapped.map((policy) => policy.id)).toEqual(["hangzhou"]);
  const chosen = importDocument([], text, "hz.json", "user-first");
  expect(chosen.kind === "accepted" && chosen.imported[0].precedence).toBe("user-first");
});

test("activateImports: all or nothing", () => {
  const good = importDocument([], EXAMPLE, "shili.json");
  if (good.kind !== "accepted") throw new Error(good.kind);
  expect(activateImports(good.imported)).toEqual([]);
  expect(activeCatalog().document("shili-2025")?.importedFrom).toBe("shili.json");
  const problems = activateImports([...good.imported, { file: "bad.json", text: "{", precedence: "refuse" }]);
  expect(problems.join("\n")).toContain("bad.json");
  expect(activeCatalog()).toBe(BUILT_IN_CATALOG);
});

test("storedImports keeps only well-formed entries", () => {
  const entry = { file: "a.json", text: "{}", precedence: "refuse" };
  expect(storedImports([entry, null, "x", { ...entry, precedence: "first" }, { file: "b.json" }])).toEqual([entry]);
  expect(storedImports({ file: "a.json" })).toEqual([]);
});

test("a custom function's region cell follows the active catalog: the same spelling, another document", () => {
  // The functions remember what each region spelling resolved to; an import must not leave them
  // answering from the document it set aside.
  const document = JSON.parse(overlapping("hangzhou", "hz-user"));
  const schedule = document.clauses.find((clause: { kind: string }) => clause.kind === "upgrade-schedule");
  schedule.params.instalments[0].amount.value = 33;
  const cells = (): number[] =>
    ["杭州", "杭州市", 330100, "杭州"].map((region) => award(region, 2500, 2024, null, null, null));
  expect(cells()).toEqual([20, 20, 20, 20]);
  const chosen = importDocument([], JSON.stringify(document), "hz.json", "user-first");
  if (chosen.kind !== "accepted") throw new Error(chosen.kind);
  useCatalog(chosen.catalog);
  expect(cells()).toEqual([33, 33, 33, 33]);
  useCatalog(BUILT_IN_CATALOG);
  expect(cells()).toEqual([20, 20, 20, 20]);
});

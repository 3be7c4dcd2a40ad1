/**
 * 导入政策文件 (政策浏览, add-in and offline page): the official picks a document file; the core
 * checks it whole (importDocument). A refused file shows every problem; a file overlapping a
 * built-in document asks which one wins (never silently); an accepted file becomes part of the
 * active catalog — functions, fill and lookup use it — and is kept by the host's PolicyStore.
 * Imported files are listed with their label and can be removed.
 */
import { useRef, useState, type ChangeEvent } from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  BUILT_IN_CATALOG,
  catalogWithImports,
  documentLabel,
  importDocument,
  parsePolicyDocument,
  removeImport,
  useCatalog,
  type ImportedDocument,
  type PolicyCatalog,
} from "../../src/policies";
import type { Policy } from "../../src/policies/types";
import { fmt } from "../strings";
import { useStrings } from "./i18n";
import { importStrings } from "./policyImportStrings";
import { describeCoveredYears } from "./policyText";
import type { PolicyStore } from "./policyStore";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

type Notice =
  | { kind: "refused"; file: string; problems: readonly string[] }
  | { kind: "accepted"; policy: Policy }
  | { kind: "overlaps"; file: string; content: unknown; policy: Policy; overlapped: readonly Policy[] }
  | { kind: "removed"; file: string }
  | { kind: "failed"; detail: string }
  | null;

export interface PolicyImportProps {
  readonly store: PolicyStore;
  /** Called with the new active catalog and the document to show (null after a removal). */
  readonly onCatalogChange: (catalog: PolicyCatalog, show: Policy | null) => void;
}

export function PolicyImport({ store, onCatalogChange }: PolicyImportProps) {
  const strings = useStrings();
  const text = importStrings(strings.lang);
  const styles = useStyles();
  const [imported, setImported] = useState<readonly ImportedDocument[]>(() => store.load());
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function apply(next: readonly ImportedDocument[], catalog: PolicyCatalog, show: Policy | null) {
    await store.save(next);
    useCatalog(catalog);
    setImported(next);
    onCatalogChange(catalog, show);
    await store.afterChange();
  }

  async function tryImport(content: unknown, file: string, precedence: "refuse" | "user-first") {
    const outcome = importDocument(imported, content, file, precedence);
    if (outcome.kind === "refused") setNotice({ kind: "refused", file, problems: outcome.problems });
    else if (outcome.kind === "overlaps")
      setNotice({ kind: "overlaps", file, content, policy: outcome.policy, overlapped: outcome.overlapped });
    else {
      await apply(outcome.imported, outcome.catalog, outcome.policy);
      setNotice({ kind: "accepted", policy: outcome.policy });
    }
  }

  async function run(task: () => Promise<void>) {
    setBusy(true);
    try {
      await task();
    } catch (error) {
      setNotice({ kind: "failed", detail: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ""; // the same file can be chosen again after it is fixed
    if (!file) return;
    void run(async () => {
      const content = await readContent(file, store.readWorkbook);
      if (content.problems.length > 0) setNotice({ kind: "refused", file: file.name, problems: content.problems });
      else await tryImport(content.document, file.name, "refuse");
    });
  }

  function remove(file: string) {
    void run(async () => {
      const { imported: next, result } = removeImport(imported, file);
      await apply(next, result.ok ? result.catalog : BUILT_IN_CATALOG, null);
      setNotice({ kind: "removed", file });
    });
  }

  return (
    <section className={styles.root} aria-label={text.title}>
      <Body1Strong>{text.title}</Body1Strong>
      <Caption1>
        {text.intro} {store.place === "workbook" ? text.keptInWorkbook : text.keptInBrowser}
      </Caption1>
      {store.startupProblems.length > 0 && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{text.storedProblems}</MessageBarTitle>
            <ProblemList problems={store.startupProblems} className={styles.problems} />
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <input
          ref={input}
          type="file"
          accept=".json,.xlsx,application/json"
          aria-label={text.choose}
          disabled={busy}
          onChange={onFile}
        />
        {busy && <Caption1>{text.reading}</Caption1>}
      </div>
      <NoticeView
        notice={notice}
        text={text}
        onChoose={(content, file, precedence) => {
          setNotice(null);
          if (precedence === "user-first") void run(() => tryImport(content, file, "user-first"));
        }}
        problemsClass={styles.problems}
      />
      {imported.length > 0 && (
        <div aria-label={text.importedList}>
          <Caption1>{text.importedList}</Caption1>
          <ul className={styles.list}>
            {imported.map((entry) => (
              <ImportedItem key={entry.file} entry={entry} onRemove={remove} busy={busy} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * A JSON document as UTF-8 text (a BOM is dropped by the loader), or an authoring workbook
 * (.xlsx) converted to the document object by the host's reader.
 */
async function readContent(
  file: File,
  readWorkbook: PolicyStore["readWorkbook"],
): Promise<{ document: unknown; problems: readonly string[] }> {
  const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
  if (!/\.xlsx$/i.test(file.name)) return { document: new TextDecoder("utf-8").decode(buffer), problems: [] };
  const converted = await readWorkbook(new Uint8Array(buffer), file.name);
  return { document: converted.document, problems: converted.problems };
}

function ImportedItem({
  entry,
  onRemove,
  busy,
}: {
  entry: ImportedDocument;
  onRemove: (file: string) => void;
  busy: boolean;
}) {
  const strings = useStrings();
  const text = importStrings(strings.lang);
  const loaded = parsePolicyDocument(entry.text, entry.file);
  const removeButton = (
    <Button size="small" appearance="subtle" disabled={busy} onClick={() => onRemove(entry.file)}>
      {text.remove}
    </Button>
  );
  // A stored document that no longer passes the check (it is not in use) can still be removed.
  if (!loaded.ok)
    return (
      <li>
        {entry.file}（{text.notInUse}） {removeButton}
      </li>
    );
  const policy = loaded.policy;
  return (
    <li>
      {policy.regionName} · {documentLabel({ ...policy, importedFrom: entry.file })} ·{" "}
      {describeCoveredYears(policy, strings)} ·{" "}
      {entry.precedence === "user-first"
        ? fmt(text.precedenceUserFirst, { builtIn: overlappedBuiltIns(entry) })
        : text.precedenceRefuse}{" "}
      {removeButton}
    </li>
  );
}

/** The built-in documents this import sets aside (for the list). */
function overlappedBuiltIns(entry: ImportedDocument): string {
  const result = catalogWithImports([entry]);
  return result.ok ? result.catalog.setAside.map((aside) => aside.policy.documentNumber).join("、") : "";
}

function ProblemList({ problems, className }: { problems: readonly string[]; className: string }) {
  return (
    <ul className={className}>
      {problems.map((problem, index) => (
        <li key={index}>{problem}</li>
      ))}
    </ul>
  );
}

function NoticeView({
  notice,
  text,
  onChoose,
  problemsClass,
}: {
  notice: Notice;
  text: ReturnType<typeof importStrings>;
  onChoose: (content: unknown, file: string, precedence: "refuse" | "user-first") => void;
  problemsClass: string;
}) {
  const strings = useStrings();
  if (notice === null) return null;
  switch (notice.kind) {
    case "refused":
      return (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>
              {fmt(text.refusedTitle, { file: notice.file, count: notice.problems.length })}
            </MessageBarTitle>
            <ProblemList problems={notice.problems} className={problemsClass} />
          </MessageBarBody>
        </MessageBar>
      );
    case "overlaps":
      return (
        <MessageBar layout="multiline" intent="warning" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{text.overlapTitle}</MessageBarTitle>
            {fmt(text.overlap, {
              file: notice.file,
              label: `${notice.policy.documentNumber}《${notice.policy.title}》`,
              builtIn: notice.overlapped.map((policy) => policy.documentNumber).join("、"),
            })}
            <div>
              <Button appearance="primary" onClick={() => onChoose(notice.content, notice.file, "user-first")}>
                {text.userFirst}
              </Button>{" "}
              <Button onClick={() => onChoose(notice.content, notice.file, "refuse")}>{text.refuse}</Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      );
    case "accepted":
      return (
        <MessageBar layout="multiline" intent="success">
          <MessageBarBody>
            <MessageBarTitle>{text.acceptedTitle}</MessageBarTitle>
            {fmt(text.accepted, {
              label: documentLabel(notice.policy),
              region: notice.policy.regionName,
              years: describeCoveredYears(notice.policy, strings),
            })}
          </MessageBarBody>
        </MessageBar>
      );
    case "removed":
      return (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{fmt(text.removed, { file: notice.file })}</MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>{fmt(text.saveFailed, { detail: notice.detail })}</MessageBarBody>
        </MessageBar>
      );
  }
}
